"""Help (F1 or ?): the keys of the screen underneath, the filter syntax and the display settings."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from workbench.tui.state import FILTER_HELP

GENERAL = (
    ("1 … 5", "Findings, Clusters, Documents, Timeline, Claims"),
    ("j k ↑ ↓", "move"), ("enter", "open"), ("escape", "back, or leave the filter"),
    ("/", "filter the list"), ("v", "verdict dialog for the selected item (ctrl+s saves)"),
    ("ctrl+p", "command palette"), ("ctrl+r", "reload rules and corpus"), ("q", "quit"),
)


def keys_table(screen: Screen) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, what in GENERAL:
        table.add_row(key, what)
    # Then the keys of this screen itself (the general ones and the widgets' scrolling keys are above).
    for node, binding, enabled, _ in screen.active_bindings.values():
        if node is screen and binding.id and binding.description and enabled and binding.action != "leave_filter":
            table.add_row(screen.app.get_key_display(binding), binding.description)
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss", "Close", id="close-help")]

    def __init__(self, under: Screen, bidi_note: str) -> None:
        super().__init__()
        self.under = under
        self.bidi_note = bidi_note

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("workbench — keys here", style="bold"))
            yield Static(keys_table(self.under))
            yield Static(Text.assemble(("\nFilter (findings): ", "bold"), FILTER_HELP))
            yield Static(Text.assemble(
                ("\nMarks: ", "bold"), "✖ error ▲ warning • info · ○ open ✓ accepted ⊘ dismissed · ✓ agree ✗ conflict"))
            yield Static(Text.assemble(("\nArabic display: ", "bold"), self.bidi_note))
            yield Static(Text("\n↑ ↓ scroll · escape closes this help", style="dim"))
