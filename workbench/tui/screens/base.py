"""What every main screen shares: the screen bar on top, the status line and keys at the bottom, and
catching up with the app's workspace when it changed while the screen was hidden."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input

from workbench.tui.widgets.filter_input import FilterInput
from workbench.tui.widgets.mode_bar import ModeBar
from workbench.tui.widgets.status import LoadingBar, StatusLine

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.state import Workspace


class WorkbenchScreen(Screen):
    """A screen that shows the app's workspace.  Subclasses compose ``body()`` and fill it in ``show()``."""

    MODE: ClassVar[str] = ""
    AUTO_FOCUS = "#main"
    # A priority binding, run before the key goes to the focused widget: keys typed right after "/" (a
    # paste, a fast typist, keys over SSH arriving in one burst) are then already the filter's.
    BINDINGS = [Binding("slash", "focus_filter", "Filter", id="filter", priority=True)]
    # A list longer than SMALL is filtered again only once typing pauses for SETTLE seconds, so each key
    # is drawn at once and a burst of keys costs one pass over the list.
    SMALL: ClassVar[int] = 1000
    SETTLE: ClassVar[float] = 0.12

    app: "WorkbenchApp"

    def __init__(self) -> None:
        super().__init__()
        self.shown_generation = -1
        self.settling: Timer | None = None

    def compose(self) -> ComposeResult:
        yield ModeBar(self.MODE, id="mode-bar")
        yield from self.body()
        yield LoadingBar(id="loading")
        yield StatusLine(id="status")
        yield Footer(compact=True)

    def body(self) -> ComposeResult:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.catch_up()

    def on_screen_resume(self) -> None:
        self.catch_up()

    def catch_up(self) -> None:
        """Redraw from the workspace if it changed since this screen last showed it."""
        self.app.refresh_chrome(self)
        if self.shown_generation != self.app.generation:
            self.shown_generation = self.app.generation
            self.show(self.app.workspace)

    def show(self, workspace: "Workspace") -> None:
        raise NotImplementedError

    def after_typing(self, size: int, refilter: Callable[[], object]) -> None:
        """Filter a list of ``size`` items again: at once if it is small, else when typing pauses."""
        if self.settling is not None:
            self.settling.stop()
            self.settling = None
        if size < self.SMALL:
            refilter()
        else:
            self.settling = self.set_timer(self.SETTLE, refilter)

    def action_focus_filter(self) -> None:
        if isinstance(self.focused, Input):
            raise SkipAction()  # a "/" typed into a text field is a character
        filters = self.query(FilterInput)
        if filters:
            filters.first().take_focus()


class DetailScreen(Screen):
    """A screen opened from a list with ``enter``; ``escape`` goes back to it."""

    BINDINGS = [Binding("escape", "back", "Back", id="back")]

    app: "WorkbenchApp"

    def action_back(self) -> None:
        self.dismiss()

    def compose_chrome(self) -> ComposeResult:
        yield StatusLine(id="status")
        # Detail screens have more keys of their own: the palette (ctrl+p) is shown on the main screens.
        yield Footer(compact=True, show_command_palette=False)

    def on_screen_resume(self) -> None:
        self.app.refresh_chrome(self)

    def on_mount(self) -> None:
        self.app.refresh_chrome(self)
