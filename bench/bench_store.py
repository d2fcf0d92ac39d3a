"""Verdict store: the cost of recording one verdict into a busy database, and of loading a large one,
against TinyDB's default ``JSONStorage`` holding the same records, in the same run.

    .venv/bin/python -m bench.bench_store [--quick]

The synthetic history looks like a newsroom's: verdicts on claims (with the Arabic claim text of the
sample corpus on the first verdict for each claim), re-ratings, pair judgements, finding reviews, undos.
A second load measure gives every record its own claim and text, the worst case for the file's size."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from bench.common import SAMPLE_CORPUS, Row, print_table, timed
from workbench.store import VerdictStore
from workbench.store.storage import AtomicJSONStorage

WRITE_TARGET_MS = 20.0
LOAD_TARGET_S = 1.0


def claim_texts() -> list[str]:
    """Sentences of the sample corpus: real Arabic claim lengths."""
    texts = []
    for path in sorted(SAMPLE_CORPUS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            texts.extend(part.strip() for part in line.split(".") if len(part.strip()) > 40)
    return texts


def synthetic_history(count: int, *, distinct: bool = False, seed: int = 11) -> dict[str, dict[str, Any]]:
    """``count`` history records, numbered from 1, as the store writes them."""
    rng = random.Random(seed)
    texts = claim_texts()
    ratings = ["true", "mostly-true", "mixed", "misleading", "mostly-false", "false", "unverifiable"]
    reviewers = ["amal", "omar", "rania", "samir"]
    records: dict[str, dict[str, Any]] = {}
    claims: list[str] = []
    last_verdict: dict[str, int] = {}
    for number in range(1, count + 1):
        when = f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}T10:00:00Z"
        base = {"reviewer": rng.choice(reviewers), "time": when}
        roll = 0.0 if distinct else rng.random()
        if roll < 0.55 or not claims:
            claim = f"c-{number:012x}"
            claims.append(claim)
            record = {"type": "verdict", "target": claim, "kind": "claim", "rating": rng.choice(ratings),
                      "claim_text": rng.choice(texts), "doc": f"doc_{number % 5000:05d}"}
            if rng.random() < 0.4:
                record["note"] = "قارنّا التاريخ بالبيان الرسمي المنشور"
            if rng.random() < 0.3:
                record["evidence"] = [f"https://example.org/evidence/{number}"]
            if rng.random() < 0.2:
                record["value"] = "2025-03-10"
            last_verdict[claim] = number
        elif roll < 0.75:
            claim = rng.choice(claims)
            record = {"type": "verdict", "target": claim, "kind": "claim", "rating": rng.choice(ratings)}
            last_verdict[claim] = number
        elif roll < 0.88:
            first, second = sorted(rng.sample(claims, 2)) if len(claims) > 1 else (claims[0], "c-0")
            record = {"type": "judgement", "target": first, "other": second,
                      "relation": rng.choice(["same", "different", "unsure"])}
        elif roll < 0.97 or not last_verdict:
            record = {"type": "review", "target": f"f-{rng.randrange(count):012x}",
                      "status": rng.choice(["accepted", "dismissed"])}
        else:
            claim, undone = last_verdict.popitem()
            record = {"type": "undo", "target": claim, "undoes": undone}
        records[str(number)] = {**record, **base}
    return records


def write_ours(path: Path, records: dict[str, dict[str, Any]]) -> None:
    AtomicJSONStorage(path).write({"history": records})


def write_tinydb_default(path: Path, records: dict[str, dict[str, Any]]) -> None:
    """What ``TinyDB(path)`` itself would have written for the same records."""
    path.write_text(json.dumps({"history": records}), encoding="utf-8")


def median_ms(action, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def bench_write(folder: Path, stored: int, repeat: int) -> Row:
    records = synthetic_history(stored)
    ours_path, theirs_path = folder / "write-ours.json", folder / "write-tinydb.json"
    write_ours(ours_path, records)
    write_tinydb_default(theirs_path, records)
    store = VerdictStore(ours_path, reviewer="bench")
    store.verdicts()  # an open session: the file is already loaded
    counter = iter(range(10**9))
    ours = median_ms(lambda: store.set_verdict(f"c-new{next(counter)}", rating="false", note="تاريخ خاطئ",
                                               claim_text="وقّع الطرفان الاتفاق في العاشر من آذار", doc="d"), repeat)
    table = TinyDB(theirs_path).table("history")
    table.all()
    theirs = median_ms(lambda: table.insert({"type": "verdict", "target": f"c-x{next(counter)}", "kind": "claim",
                                             "rating": "false", "reviewer": "bench"}), repeat)
    return Row(f"record 1 verdict, {stored:,} stored (median of {repeat})", ours, "ms", theirs,
               "TinyDB JSONStorage", f"< {WRITE_TARGET_MS:.0f} ms", ours < WRITE_TARGET_MS)


def bench_fresh_session(folder: Path, stored: int, repeat: int) -> Row:
    """What one ``workbench verdict set`` pays in the store: open the file, then record (no corpus lookup)."""
    path = folder / "fresh.json"
    write_ours(path, synthetic_history(stored))
    counter = iter(range(10**9))
    ours = median_ms(lambda: VerdictStore(path, reviewer="bench").set_verdict(f"c-new{next(counter)}",
                                                                               rating="true"), repeat)
    return Row(f"open + record 1 verdict, {stored:,} stored (a new session)", ours, "ms")


def bench_load(folder: Path, count: int, *, distinct: bool) -> Row:
    records = synthetic_history(count, distinct=distinct)
    ours_path, theirs_path = folder / f"load-ours-{distinct}.json", folder / f"load-tinydb-{distinct}.json"
    write_ours(ours_path, records)
    write_tinydb_default(theirs_path, records)
    del records  # time the loads as a fresh session would run them, without the generator's data alive
    ours, verdicts = timed(lambda: VerdictStore(ours_path, reviewer="bench").verdicts(), repeat=3)
    theirs, _ = timed(lambda: TinyDB(theirs_path).table("history").all(), repeat=3)
    assert verdicts, "the synthetic history produced no verdicts"
    label = "every record a new claim with its text" if distinct else "mixed history"
    return Row(f"load {count:,} records, {label} ({ours_path.stat().st_size / 2**20:.0f} MiB)", ours, "s",
               theirs, "TinyDB JSONStorage .all()", f"< {LOAD_TARGET_S:.0f} s", ours < LOAD_TARGET_S)


def bench_refresh_check(folder: Path, count: int) -> Row:
    path = folder / "refresh.json"
    write_ours(path, synthetic_history(count))
    store = VerdictStore(path, reviewer="bench")
    store.verdicts()
    ours = median_ms(store.changed_since_last_read, 200) * 1000
    return Row(f"reader's 'changed on disk?' check, {count:,} stored", ours, "µs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and a smaller load (for CI)")
    args = parser.parse_args()
    load_count = 20_000 if args.quick else 100_000
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        folder = Path(tmp)
        rows = [
            bench_write(folder, 10_000, repeat=10 if args.quick else 30),
            bench_fresh_session(folder, 10_000, repeat=5 if args.quick else 15),
            bench_load(folder, load_count, distinct=False),
            bench_load(folder, load_count, distinct=True),
            bench_refresh_check(folder, 10_000),
        ]
    print_table("verdict store (workbench.store) vs TinyDB's default JSONStorage", rows)


if __name__ == "__main__":
    main()
