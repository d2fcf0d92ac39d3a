"""A list of claims that draws only the rows on screen, so 100,000 claims scroll and filter at once."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.model import Claim
from workbench.tui.bidi import one_line
from workbench.tui.widgets.highlight import claim_text

DOC_WIDTH = 16
CURSOR = Style(reverse=True)


class ClaimList(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False, id="down"),
        Binding("up,k", "move(-1)", "Up", show=False, id="up"),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("enter", "select", "Open", id="open"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class Selected(Message):
        def __init__(self, claim: Claim) -> None:
            super().__init__()
            self.claim = claim

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[Claim] = []

    def show(self, rows: list[Claim]) -> None:
        self.rows = rows
        if self.virtual_size.height != len(rows):  # a new size lays the scrollbars out again
            self.virtual_size = Size(self.size.width, len(rows))
        self.cursor = 0
        self.scroll_to(y=0, animate=False)
        self.refresh()

    @property
    def current(self) -> Claim | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.size.width
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        claim = self.rows[index]
        marker = "▶ " if index == self.cursor else "  "
        doc = claim.doc if len(claim.doc) < DOC_WIDTH else claim.doc[: DOC_WIDTH - 2] + "…"
        body = one_line(claim_text(claim), max(1, width - DOC_WIDTH - 3), reorder=self.app.reorder)
        line = Text.assemble(marker, (doc.ljust(DOC_WIDTH), "dim"), " ", body, end="")
        if index == self.cursor:
            line.stylize(CURSOR)
        return Strip(list(line.render(self.app.console)), line.cell_len).crop_extend(0, width, self.rich_style)

    def watch_cursor(self, old: int, new: int) -> None:
        top, height = self.scroll_offset.y, self.size.height
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif height and new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False)
        self.refresh()

    def action_move(self, step: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + step))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.size.height - 1))

    def action_jump(self, where: int) -> None:
        if self.rows:
            self.cursor = where % len(self.rows)

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self.current))

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows))
