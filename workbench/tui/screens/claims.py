"""Claims: every claim of the corpus in one list, filtered as you type (fast at 100,000 claims)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from workbench.tui.bidi import BidiText
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.state import Workspace
from workbench.tui.widgets.claim_list import ClaimList
from workbench.tui.widgets.highlight import claim_text


class ClaimsScreen(WorkbenchScreen):
    MODE = "claims"
    BINDINGS = [
        Binding("v", "verdict", "Verdict", id="verdict"),
        Binding("escape", "leave_filter", "List", show=False, id="leave-filter"),
    ]

    def body(self) -> ComposeResult:
        yield Input(placeholder="/ filter claims by words or document id", classes="filter", id="filter",
                    compact=True)
        yield Static(id="claims-count")
        yield ClaimList(id="main")
        yield Static(id="claim-preview")

    def show(self, workspace: Workspace) -> None:
        self.apply_filter()

    @on(Input.Changed, "#filter")
    def apply_filter(self) -> None:
        index = self.app.workspace.claim_index
        hits = index.search(self.query_one("#filter", Input).value)
        claims = index.claims
        self.query_one(ClaimList).show([claims[i] for i in hits])
        self.query_one("#claims-count", Static).update(Text(f"{len(hits):,} of {len(claims):,} claims"))

    @on(Input.Submitted, "#filter")
    def action_leave_filter(self) -> None:
        self.query_one(ClaimList).focus()

    def watch_cursor(self) -> None:
        claim = self.query_one(ClaimList).current
        preview = self.query_one("#claim-preview", Static)
        preview.update(BidiText(claim_text(claim), reorder=self.app.reorder) if claim else Text(""))

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
