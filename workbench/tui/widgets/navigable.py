"""Lists that also move with ``j`` and ``k``, as fact-checkers used to vi and less expect, and show
``enter`` in the footer (the widgets' own enter binding is hidden)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable, Tree

VI_KEYS = [
    Binding("j", "cursor_down", "Down", show=False, id="down"),
    Binding("k", "cursor_up", "Up", show=False, id="up"),
]


class NavigableTable(DataTable):
    """A row-cursor table with vi keys; ``enter`` opens the row."""

    BINDINGS = [*VI_KEYS, Binding("enter", "select_cursor", "Open", id="open")]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)


class NavigableTree(Tree):
    """A tree with vi keys; ``enter`` opens a leaf, or folds and unfolds a branch."""

    BINDINGS = [*VI_KEYS, Binding("enter", "select_cursor", "Open", id="open")]
