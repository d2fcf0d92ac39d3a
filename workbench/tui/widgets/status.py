"""The status line (what is loaded, how many findings are still open) and the loading bar."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar, Static

from workbench.tui.state import LEVEL_MARK, LEVEL_ORDER, Workspace

BUSY = {"load": "reloading…", "check": "checking…", "recluster": "re-clustering…"}


def status_text(workspace: Workspace, *, busy: str | None, bidi: bool, db: str, failure: str = "") -> Text:
    """Counts of open findings by level first: that is what a reviewer works down.  A failed load
    comes first instead, so it is not mistaken for a corpus without findings."""
    analysis = workspace.analysis
    line = Text(no_wrap=True, overflow="ellipsis")
    if failure and not busy:
        line.append(f"⚠ {failure} · ctrl+r tries again", style="bold")
        return line
    if busy and not analysis.documents:
        line.append("loading…")
        return line
    if busy == "check":  # documents and claims are read; findings are not there yet
        line.append(f"{len(analysis.documents):,} docs · {len(analysis.claims):,} claims read · "
                    "cross-referencing and checking…", style="bold")
        return line
    open_counts = workspace.unreviewed()
    total_open = sum(open_counts.values())
    line.append(f"{total_open} unreviewed", style="bold")
    for level in LEVEL_ORDER:
        if open_counts.get(level):
            line.append(f" {LEVEL_MARK[level]}{open_counts[level]} {level}")
    if busy:
        line.append(f" · {BUSY.get(busy, busy)}", style="bold")
    line.append(f" · {len(analysis.findings)} findings · {len(analysis.documents)} docs"
                f" · {len(analysis.claims)} claims · {len(analysis.clusters)} facts")
    if analysis.problems:
        line.append(f" · ⚠ {len(analysis.problems)} problems")
    line.append(f" · bidi {'on' if bidi else 'off'}")
    if db:
        line.append(f" · db {db}")
    return line


class StatusLine(Static):
    """One line, updated by the app whenever the workspace or the loading state changes."""


class LoadingBar(Horizontal):
    """Shown while the corpus loads in the background; the screen is usable meanwhile."""

    def compose(self) -> ComposeResult:
        yield Label("loading", id="loading-stage")
        yield ProgressBar(total=None, show_eta=False, id="loading-progress")

    def progress(self, stage: str, done: int, total: int) -> None:
        self.query_one("#loading-stage", Label).update(Text(f"{stage} {done:,}/{total:,}" if total else stage))
        self.query_one(ProgressBar).update(total=total or None, progress=done)
