"""Documents: the list with metadata, and a reading view that highlights every extracted date, number
and entity in place, with a table of what was extracted from each (value, granularity, relative)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Input, Static

from workbench.model import Claim, Document
from workbench.text import normalise
from workbench.tui.bidi import BidiText, OneLine, clean, one_line
from workbench.tui.screens.base import DetailScreen, WorkbenchScreen
from workbench.tui.state import Workspace
from workbench.tui.widgets.filter_input import FilterInput
from workbench.tui.widgets.highlight import describe, document_text, legend, mentions
from workbench.tui.widgets.navigable import NavigableTable


class DocumentsScreen(WorkbenchScreen):
    MODE = "documents"
    BINDINGS = [Binding("escape", "leave_filter", "List", show=False, id="leave-filter")]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Document] = []
        self.haystacks: dict[str, str] = {}  # document id -> its id, title and source, normalised

    def body(self) -> ComposeResult:
        yield FilterInput("/ filter documents by id, title or source")
        yield NavigableTable(id="main")

    def on_mount(self) -> None:
        table = self.query_one("#main", NavigableTable)
        table.add_column("document", width=22)
        table.add_column("published", width=10)
        table.add_column("claims", width=6)
        table.add_column("findings", width=8)
        table.add_column("title / source", key="title")
        super().on_mount()

    def show(self, workspace: Workspace) -> None:
        self.haystacks = {}
        self.rebuild()

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        self.after_typing(len(self.app.workspace.analysis.documents), self.rebuild)

    def rebuild(self) -> None:
        workspace = self.app.workspace
        words = self.query_one(FilterInput).words
        table = self.query_one("#main", NavigableTable)
        table.clear()
        self.rows = []
        width = max(20, self.size.width - 56)
        checking = self.app.busy == "check"  # findings are not counted yet
        for document in workspace.analysis.documents:
            about = " · ".join(x for x in (document.title, document.source) if x)
            if words:
                haystack = self.haystacks.get(document.id)
                if haystack is None:
                    haystack = self.haystacks[document.id] = normalise(f"{document.id} {about}")
                if not all(w in haystack for w in words):
                    continue
            published = document.published.isoformat() if document.published else "?"
            findings = workspace.findings_by_doc.get(document.id, 0)
            table.add_row(
                Text(clean(document.id), no_wrap=True, overflow="ellipsis"), Text(published),
                Text(str(len(workspace.claims_by_doc.get(document.id, ())))),
                Text("…" if checking else f"▲ {findings}" if findings else "0"),
                OneLine(Text(clean(about)), width, reorder=self.app.reorder), key=document.id,
            )
            self.rows.append(document)

    @on(Input.Submitted, "#filter")
    def action_leave_filter(self) -> None:
        self.query_one("#main").focus()

    @on(DataTable.RowSelected, "#main")
    def open_document(self, event: DataTable.RowSelected) -> None:
        self.app.open_document(event.row_key.value)


class MentionTable(NavigableTable):
    """What was extracted, one mention a row; a row opens nothing (``v`` rates its claim)."""

    BINDINGS = [Binding("enter", "select_cursor", "Open", show=False, id="open")]


class DocumentScreen(DetailScreen):
    """The document as written, with its extracted mentions highlighted and listed."""

    BINDINGS = [
        Binding("v", "verdict", "Verdict on claim", id="verdict"),
        Binding("tab", "app.focus_next", "Text/mentions", show=False),
    ]

    def __init__(self, document: Document, claims: list[Claim], conflicts: set[str] = frozenset()) -> None:
        super().__init__()
        self.document = document
        self.claims = claims
        self.conflicts = conflicts
        self.rows: list[tuple[Claim, object]] = []

    def compose(self) -> ComposeResult:
        document = self.document
        published = document.published.isoformat() if document.published else "date unknown"
        heading = Text.assemble((clean(document.id), "bold"), f" · published {published}",
                                f" ({document.published_source})" if document.published_source else "",
                                f" · {clean(document.source)}" if document.source else "",
                                no_wrap=True, overflow="ellipsis")
        yield Static(heading, id="document-heading")
        with VerticalScroll(id="reading", can_focus=True):
            yield Static(BidiText(document_text(document, self.claims, self.conflicts), reorder=self.app.reorder),
                         id="reading-text")
        yield Static(legend(), id="legend")
        yield MentionTable(id="mentions")
        yield from self.compose_chrome()

    def on_mount(self) -> None:
        table = self.query_one("#mentions", MentionTable)
        # Fits 80 columns with the cell padding and the scrollbar.
        widths = {"kind": 8, "text": 18, "value": 12, "detail": 16, "relative": 8, "line": 4}
        for name, width in widths.items():
            table.add_column(name, width=width)
        reorder = self.app.reorder
        for claim in self.claims:
            for mention in mentions(claim):
                kind, value, detail, relative = describe(mention)
                table.add_row(Text(kind), one_line(Text(clean(mention.text)), widths["text"], reorder=reorder),
                              one_line(Text(clean(value)), widths["value"], reorder=reorder),
                              one_line(Text(clean(detail)), widths["detail"], reorder=reorder), Text(relative),
                              Text(str(self.document.line_of(mention.start))))
                self.rows.append((claim, mention))
        table.focus()
        super().on_mount()

    def action_verdict(self) -> None:
        table = self.query_one("#mentions", NavigableTable)
        if 0 <= table.cursor_row < len(self.rows):
            self.app.open_verdict_for_claim(self.rows[table.cursor_row][0])
        else:
            self.notify("Select an extracted mention: its claim gets the verdict.", severity="warning")
