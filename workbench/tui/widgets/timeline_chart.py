"""The dates each document claims for one fact or entity, drawn as a text chart.

One row per claimed date: the document, then a track where ``●`` marks a day, ``├──┤`` spans a month
or a year, so dates that disagree sit visibly apart; the value is printed at the end of the row."""

from __future__ import annotations

import calendar
import datetime as dt

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from workbench.tui.state import TimelinePoint

LABEL = 14


def date_range(value: str, granularity: str) -> tuple[dt.date, dt.date]:
    parts = [int(p) for p in value.split("-")]
    if granularity == "day":
        day = dt.date(*parts)
        return day, day
    if granularity == "month":
        year, month = parts[0], parts[1]
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


class TimelineChart:
    def __init__(self, points: list[TimelinePoint]) -> None:
        self.points = points

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.points:
            yield Text("no dates claimed")
            return
        ranges = [date_range(p.date.value, p.date.granularity) for p in self.points]
        first = min(r[0] for r in ranges)
        last = max(r[1] for r in ranges)
        span_days = max(1, (last - first).days)
        value_width = 12
        track = max(10, options.max_width - LABEL - value_width - 3)

        def column(day: dt.date) -> int:
            return round((day - first).days / span_days * (track - 1))

        axis = [" "] * track
        left, right = first.isoformat(), last.isoformat()
        axis[: len(left)] = left
        if track > len(left) + len(right) + 1:
            axis[track - len(right):] = right
        yield Text(" " * (LABEL + 1) + "".join(axis), style="dim", no_wrap=True)
        for point, (start, end) in zip(self.points, ranges):
            cells = ["·"] * track
            a, b = column(start), column(end)
            if a == b:
                cells[a] = "●"
            else:
                cells[a], cells[b] = "├", "┤"
                for i in range(a + 1, b):
                    cells[i] = "─"
            doc = point.doc if len(point.doc) <= LABEL else point.doc[: LABEL - 1] + "…"
            relative = "~" if point.date.relative else " "
            yield Text.assemble(
                (doc.ljust(LABEL), "bold"), " ", "".join(cells), " ", (f"{relative}{point.date.value}", "bold"),
                no_wrap=True, overflow="ellipsis",
            )
        yield Text("● a day · ├─┤ a month or year · ~ relative to the publication date", style="dim")
