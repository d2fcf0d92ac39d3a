"""Timeline: pick a fact or an entity and see the dates each document claims for it, as a chart."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workbench.text import normalise
from workbench.tui.bidi import BidiText, clean, one_line
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.state import TimelineSubject, Workspace, timeline_points, timeline_subjects
from workbench.tui.widgets.filter_input import FilterInput
from workbench.tui.widgets.navigable import VI_KEYS
from workbench.tui.widgets.timeline_chart import TimelineChart

KIND_MARK = {"fact": "◆ fact", "entity": "@ entity"}


class SubjectList(OptionList):
    BINDINGS = VI_KEYS


class TimelineScreen(WorkbenchScreen):
    MODE = "timeline"
    BINDINGS = [
        Binding("v", "verdict", "Verdict on fact", id="verdict"),
        Binding("escape", "leave_filter", "List", show=False, id="leave-filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.subjects: list[TimelineSubject] = []
        self.haystacks: list[str] = []  # each subject's id and label, normalised
        self.shown: list[TimelineSubject] = []
        self.wanted: str | None = None  # the subject another screen asked for (``t`` on a fact)

    def body(self) -> ComposeResult:
        yield FilterInput("/ filter facts and entities")
        with Horizontal(id="timeline-body"):
            yield SubjectList(id="main")
            with VerticalScroll(id="chart-scroll"):
                yield Static(id="chart")

    def show(self, workspace: Workspace) -> None:
        self.subjects = timeline_subjects(workspace)
        self.haystacks = [normalise(f"{s.id} {s.label}") for s in self.subjects]
        self.rebuild()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        if self.app.timeline_wanted:
            self.wanted, self.app.timeline_wanted = self.app.timeline_wanted, None
            self.query_one("#filter", Input).value = ""
            self.rebuild()

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        self.after_typing(len(self.subjects), self.rebuild)

    def rebuild(self) -> None:
        words = self.query_one(FilterInput).words
        self.shown = [s for s, haystack in zip(self.subjects, self.haystacks) if all(w in haystack for w in words)]
        options = self.query_one("#main", SubjectList)
        options.clear_options()
        options.add_options([
            Option(Text.assemble((KIND_MARK[s.kind], "dim"), " ",
                                 one_line(Text(clean(s.label)), 18, reorder=self.app.reorder), no_wrap=True))
            for s in self.shown
        ])
        index = next((i for i, s in enumerate(self.shown) if s.id == self.wanted), 0)
        if self.shown:
            options.highlighted = index
            self.draw(self.shown[index])
        else:
            self.query_one("#chart", Static).update(Text("No fact or entity with dates matches."))

    @on(OptionList.OptionHighlighted, "#main")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if 0 <= event.option_index < len(self.shown):
            self.draw(self.shown[event.option_index])

    def draw(self, subject: TimelineSubject) -> None:
        points = timeline_points(self.app.workspace, subject)
        self.query_one("#chart", Static).update(Group(
            Text(f"{KIND_MARK[subject.kind]} {subject.id}", style="bold", no_wrap=True, overflow="ellipsis"),
            BidiText(Text(clean(subject.label)), reorder=self.app.reorder),
            TimelineChart(points),
        ))

    @on(Input.Submitted, "#filter")
    def action_leave_filter(self) -> None:
        self.query_one("#main").focus()

    def action_verdict(self) -> None:
        options = self.query_one("#main", SubjectList)
        index = options.highlighted
        if index is None or not 0 <= index < len(self.shown) or self.shown[index].kind != "fact":
            self.notify("Verdicts are on facts: select a fact.", severity="warning")
            return
        cluster = self.app.workspace.clusters.get(self.shown[index].id)
        if cluster is not None:
            self.app.open_verdict_for_cluster(cluster)
