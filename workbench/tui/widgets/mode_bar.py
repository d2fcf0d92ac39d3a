"""The line at the top naming the screens and their keys; the current one is marked, not only coloured."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

MODES = (("1", "findings", "Findings"), ("2", "clusters", "Clusters"), ("3", "documents", "Documents"),
         ("4", "timeline", "Timeline"), ("5", "claims", "Claims"))


class ModeBar(Static):
    def __init__(self, current: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.current = current

    def render(self) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis")
        for key, mode, title in MODES:
            if mode == self.current:
                line.append(f" {key} ▸{title}◂ ", style="bold reverse")
            else:
                line.append(f" {key} {title}  ")
        return line
