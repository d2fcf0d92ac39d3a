"""Claims: every claim of the corpus in one list, filtered as you type (fast at 100,000 claims).

The typed key is drawn at once; the search starts when typing pauses (``SETTLE``) and runs in a worker,
so a burst of keys is one search and a search overtaken by the next key is abandoned."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from workbench.model import Claim
from workbench.tui.bidi import BidiText
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.state import ClaimIndex, Workspace
from workbench.tui.widgets.claim_list import ClaimList
from workbench.tui.widgets.filter_input import FilterInput
from workbench.tui.widgets.highlight import claim_text


class ClaimsScreen(WorkbenchScreen):
    MODE = "claims"
    SETTLE = 0.04  # the search itself runs in a worker: wait only for a burst of keys to end
    BINDINGS = [
        Binding("v", "verdict", "Verdict", id="verdict"),
        Binding("escape", "leave_filter", "List", show=False, id="leave-filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.shown_query: str | None = None  # the filter the list shows the result of

    def body(self) -> ComposeResult:
        yield FilterInput("/ filter claims by words or document id")
        yield Static(id="claims-count")
        yield ClaimList(id="main")
        yield Static(id="claim-preview")

    def show(self, workspace: Workspace) -> None:
        self.search(workspace.claim_index, self.query_one("#filter", Input).value)

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        index = self.app.workspace.claim_index
        self.after_typing(len(index.claims), lambda: self.search(index, event.value))

    @work(thread=True, exclusive=True, group="claim-search")
    def search(self, index: ClaimIndex, query: str) -> None:
        worker = get_current_worker()
        hits = index.search(query, stop=lambda: worker.is_cancelled)
        if hits is not None and not worker.is_cancelled:
            rows = [index.claims[i] for i in hits]
            self.app.call_from_thread(self.show_rows, index, query, rows)

    def show_rows(self, index: ClaimIndex, query: str, rows: list[Claim]) -> None:
        if index is not self.app.workspace.claim_index or query != self.query_one("#filter", Input).value:
            return  # overtaken by the next key or a new analysis
        self.shown_query = query
        self.query_one(ClaimList).show(rows)
        self.query_one("#claims-count", Static).update(Text(f"{len(rows):,} of {len(index.claims):,} claims"),
                                                       layout=False)

    @on(Input.Submitted, "#filter")
    def action_leave_filter(self) -> None:
        self.query_one(ClaimList).focus()

    def watch_cursor(self) -> None:
        claim = self.query_one(ClaimList).current
        preview = self.query_one("#claim-preview", Static)
        preview.update(BidiText(claim_text(claim), reorder=self.app.reorder) if claim else Text(""), layout=False)

    def on_mount(self) -> None:
        self.watch(self.query_one(ClaimList), "cursor", self.watch_cursor)
        super().on_mount()

    @on(ClaimList.Selected)
    def open_claim(self, event: ClaimList.Selected) -> None:
        self.app.open_document(event.claim.doc)

    def action_verdict(self) -> None:
        claim = self.query_one(ClaimList).current
        if claim is not None:
            self.app.open_verdict_for_claim(claim)
