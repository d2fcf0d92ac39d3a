"""The filter line every main screen has above its list."""

from __future__ import annotations

from textual.widgets import Input
from textual.widgets.input import Selection

from workbench.text import normalise


class FilterInput(Input):
    """An ``Input`` that ``/`` focuses, selecting what is in it so that typing replaces it.

    The selection is made when ``/`` is pressed, not on the focus event as Input's own
    ``select_on_focus`` does: that event comes after keys already queued, so a burst typed right after
    ``/`` (a paste, a fast typist, keys over SSH) would be selected and overwritten by its own tail."""

    def __init__(self, placeholder: str) -> None:
        super().__init__(placeholder=placeholder, classes="filter", id="filter", compact=True,
                         select_on_focus=False)

    def take_focus(self) -> None:
        self.screen.set_focus(self)  # at once: the keys already queued behind "/" are for this line
        self.selection = Selection(0, len(self.value))

    @property
    def words(self) -> list[str]:
        """The filter's words, normalised as the lists' haystacks are (hamza forms, digits …)."""
        return normalise(self.value).split()
