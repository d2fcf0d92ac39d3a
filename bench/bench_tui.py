"""TUI responsiveness: launch to the first screen with content, and keystroke-to-repaint when filtering.

    .venv/bin/python -m bench.bench_tui            # bundled corpus, 10,000 documents, 100,000 claims
    .venv/bin/python -m bench.bench_tui --quick    # bundled corpus, 1,000 documents, 20,000 claims

Launch is timed from process start (interpreter, the ``workbench`` command's imports, the app built as
``workbench open`` builds it) to the first screen painted with its loading bar and status, in a fresh
process, headless; the analysis then runs in a worker (importing the core there) and the time until the
findings are filled in is shown too.  The baseline is a bare Textual app showing a DataTable of the same
rows, started the same way.  Filtering types a word into the claims filter and times each keystroke
until the typed key is drawn, and until the list shows that query's result, against the bare app
re-filling its DataTable."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, SAMPLE_CORPUS, Row, print_table, synthetic_corpus

TARGET_BUNDLED = 1.0
TARGET_LARGE = 3.0
TARGET_KEYSTROKE = 0.1
FILL_LIMIT = 120.0  # seconds to wait for the analysis to fill the screen before giving up on that figure
QUERY = "الاتفاق"


# ---- launch (each run in its own process) ----------------------------------------------------------

def _child_workbench(corpus: str, db: str, started: float) -> None:
    """Runs in the child: the real app over ``corpus``; prints first paint and filled-in times, exits."""
    import workbench.cli  # noqa: F401  (what the `workbench` command imports before it opens the app)
    from workbench.commands.app import workbench_app
    from workbench.config import Config

    times: dict = {}

    async def pilot(p):
        times["first_screen"] = time.time() - started
        # Documents and claims are shown while the claims are checked (busy "check"); then the findings.
        while (p.app.generation == 0 or p.app.busy is not None) and time.time() - started < FILL_LIMIT:
            if p.app.busy == "check" and "read" not in times:
                times["read"] = time.time() - started
            await asyncio.sleep(0.01)
        await p.pause()
        times["filled"] = time.time() - started if p.app.busy is None and p.app.generation else None
        times["findings"] = len(p.app.workspace.analysis.findings)
        print(json.dumps(times), flush=True)
        os._exit(0)  # an analysis still running in its worker thread is abandoned, not waited for

    app = workbench_app(Config().with_overrides(db=Path(db), bidi="off"), (Path(corpus),))
    app.run(headless=True, auto_pilot=pilot, size=(100, 30))


def _child_baseline(rows_file: str, started: float) -> dict:
    """Runs in the child: a bare Textual app with a DataTable of the given rows."""
    from textual.app import App
    from textual.widgets import DataTable

    rows = json.loads(Path(rows_file).read_text(encoding="utf-8"))
    times: dict = {}

    class Bare(App):
        def compose(self):
            yield DataTable()

        def on_mount(self):
            table = self.query_one(DataTable)
            table.add_columns("document", "published", "claims")
            table.add_rows(rows)

    async def pilot(p):
        times["first_screen"] = times["filled"] = time.time() - started
        p.app.exit()

    Bare().run(headless=True, auto_pilot=pilot, size=(100, 30))
    return times


def _launch(*args: str) -> dict:
    started = time.time()
    done = subprocess.run([sys.executable, "-m", "bench.bench_tui", "--child", *args, repr(started)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    if done.returncode != 0:
        raise SystemExit(f"bench child failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _document_rows(corpus: Path) -> list[list[str]]:
    """What the baseline shows: one row per document file, read without any analysis."""
    files = sorted(corpus.glob("*.txt"))
    return [[f.stem, f.read_text(encoding="utf-8").splitlines()[0][:30], str(f.stat().st_size)] for f in files]


def launch_rows(name: str, corpus: Path, target: float, work: Path) -> list[Row]:
    rows_file = work / f"{name}-rows.json"
    rows_file.write_text(json.dumps(_document_rows(corpus), ensure_ascii=False), encoding="utf-8")
    ours = _launch("workbench", str(corpus), str(work / f"{name}.json"))
    base = _launch("baseline", str(rows_file))
    bundled = name == "bundled corpus"
    filled = ours["filled"]
    return [
        Row(f"launch → first screen, {name}", ours["first_screen"], "s", base["first_screen"],
            "bare Textual DataTable", f"< {target:g} s", ours["first_screen"] < target),
        Row(f"launch → documents and claims shown, {name}", ours.get("read") or FILL_LIMIT, "s"),
        Row(f"launch → findings filled, {name} ({ours['findings']} findings)" if filled is not None
            else f"launch → findings filled, {name}: analysis not done within", filled or FILL_LIMIT, "s",
            target=f"< {target:g} s" if bundled else "-", ok=(filled is not None and filled < target) if bundled else None),
    ]


# ---- keystroke latency (in this process) -----------------------------------------------------------

def many_claims(count: int):
    """``count`` claims made from the bundled corpus's real claims, spread over documents of 10."""
    from dataclasses import replace

    from workbench.config import Config
    from workbench.pipeline import Analysis, load_and_extract

    _, claims, _ = load_and_extract([SAMPLE_CORPUS], Config())
    made = []
    for i in range(count):
        claim = claims[i % len(claims)]
        made.append(replace(claim, id=f"c-{i:012x}", doc=f"doc_{i // 10:06d}"))
    return Analysis(claims=made)


TYPING_GAP = 0.15  # seconds between keys, a brisk typist's pace


async def _keystrokes(app, focus_filter, listed, keys=QUERY) -> tuple[list[float], list[float]]:
    """Per key: seconds from the key event until a frame showing it is rendered, and until a frame
    shows the list with that query's result (``listed``).  Frames are timed where the app hands them to
    the terminal, including turning them into terminal output, so the test harness's own waiting is
    not counted."""
    from textual import events
    from textual.widgets import Input

    drawn, shown = [], []
    async with app.run_test(size=(100, 30)) as pilot:
        await focus_filter(pilot)
        frames: list[float] = []
        display = app._display

        def timed_display(screen, update) -> None:
            display(screen, update)
            if update is not None:
                update.render_segments(app.console)  # what writing it to a terminal costs
                frames.append(time.perf_counter())

        app._display = timed_display
        field = app.screen.query_one(Input)
        for ch in keys:
            before = field.value
            start = time.perf_counter()
            app._driver.send_message(events.Key(ch, ch))
            while field.value == before:
                await asyncio.sleep(0.0005)
            changed = time.perf_counter()
            while not frames or frames[-1] < changed:
                await asyncio.sleep(0.0005)
            drawn.append(frames[-1] - start)
            while not listed(app):
                await asyncio.sleep(0.0005)
            result = time.perf_counter()
            while frames[-1] < result:
                await asyncio.sleep(0.0005)
            shown.append(frames[-1] - start)
            await asyncio.sleep(TYPING_GAP)
    return drawn, shown


def keystroke_rows(count: int) -> list[Row]:
    from textual.app import App
    from textual.widgets import DataTable, Input

    from workbench.tui.app import WorkbenchApp

    analysis = many_claims(count)

    async def workbench_filter(pilot):
        while not pilot.app.generation:
            await asyncio.sleep(0.01)
        await pilot.app.workers.wait_for_complete()
        await pilot.press("5", "slash")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    def listed(app) -> bool:
        return app.screen.shown_query == app.screen.query_one(Input).value

    ours = asyncio.run(_keystrokes(WorkbenchApp(lambda progress: analysis), workbench_filter, listed))

    texts = [(c.doc, c.text) for c in analysis.claims]

    class Bare(App):
        def compose(self):
            yield Input()
            yield DataTable()

        def on_mount(self):
            table = self.query_one(DataTable)
            table.add_columns("document", "claim")
            table.add_rows(texts)

        def on_input_changed(self, event: Input.Changed) -> None:
            table = self.query_one(DataTable)
            table.clear()
            table.add_rows([row for row in texts if event.value in row[1]])

    async def bare_filter(pilot):
        await pilot.pause()
        pilot.app.query_one(Input).focus()
        await pilot.pause()

    base, _ = asyncio.run(_keystrokes(Bare(), bare_filter, lambda app: True))  # it filters before it draws
    drawn, shown = ours
    return [
        Row(f"keystroke → key drawn, filter {count:,} claims (median)", statistics.median(drawn), "s",
            statistics.median(base), "DataTable refill", f"< {TARGET_KEYSTROKE:g} s",
            statistics.median(drawn) < TARGET_KEYSTROKE),
        Row(f"keystroke → key drawn, filter {count:,} claims (worst)", max(drawn), "s", max(base),
            "DataTable refill", f"< {TARGET_KEYSTROKE:g} s", max(drawn) < TARGET_KEYSTROKE),
        Row(f"keystroke → list shows the result, {count:,} claims (median)", statistics.median(shown), "s",
            statistics.median(base), "DataTable refill", f"< {TARGET_KEYSTROKE:g} s",
            statistics.median(shown) < TARGET_KEYSTROKE),
        Row(f"keystroke → list shows the result, {count:,} claims (worst)", max(shown), "s", max(base),
            "DataTable refill"),
    ]


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, *args, started = sys.argv[2:]
        if kind == "workbench":
            _child_workbench(*args, float(started))
        print(json.dumps(_child_baseline(args[0], float(started))))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller corpora, for a fast look")
    args = parser.parse_args()
    documents, claims = (1_000, 20_000) if args.quick else (10_000, 100_000)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows = launch_rows("bundled corpus", SAMPLE_CORPUS, TARGET_BUNDLED, work)
        large = synthetic_corpus(work / "synthetic", documents)
        rows += launch_rows(f"{documents:,} documents", large, TARGET_LARGE, work)
        rows += keystroke_rows(claims)
    print_table("TUI: launch and filtering (headless, 100x30)", rows)


if __name__ == "__main__":
    main()
