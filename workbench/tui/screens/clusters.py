"""Clusters: every cross-referenced fact, whether its documents agree, and its claims per document.

Agreement comes from the findings on the cluster's claims (the rules decide; this screen only shows).
Judgements re-cluster: in a cluster, ``space`` marks a claim and ``s``/``d``/``u`` judge the marked and
the current claim same, different or unsure; ``x`` splits the current claim off (different from every
other claim of the cluster).  In the list, ``m`` on two clusters merges them (their first claims same)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from workbench.model import Cluster
from workbench.tui.bidi import BidiText, OneLine, clean, one_line
from workbench.tui.screens.base import DetailScreen, WorkbenchScreen
from workbench.tui.state import Workspace
from workbench.tui.widgets.filter_input import FilterInput
from workbench.tui.widgets.highlight import claim_text, describe, mentions
from workbench.tui.widgets.navigable import NavigableTable
from workbench.text import normalise


def agreement(workspace: Workspace, cluster: Cluster) -> Text:
    findings = workspace.findings_of_cluster(cluster)
    if not findings:
        return Text("✓ agree")
    open_count = sum(1 for f in findings if f.reviewed is None)
    return Text(f"✗ {len(findings)} finding{'s' * (len(findings) != 1)}" + (f", {open_count} open" if open_count else ""),
                style="bold")


class ClustersScreen(WorkbenchScreen):
    MODE = "clusters"
    BINDINGS = [
        Binding("v", "verdict", "Verdict", id="verdict"),
        Binding("m", "merge", "Merge", id="merge"),
        Binding("t", "timeline", "Timeline", id="timeline"),
        Binding("escape", "leave_filter", "List", show=False, id="leave-filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.marked: Cluster | None = None
        self.rows: list[Cluster] = []
        self.haystacks: dict[str, str] = {}  # cluster id -> its documents and claims, normalised

    def body(self) -> ComposeResult:
        yield FilterInput("/ filter facts by words or document")
        yield NavigableTable(id="main")

    def on_mount(self) -> None:
        table = self.query_one("#main", NavigableTable)
        table.add_column("agreement", width=20, key="agreement")
        table.add_column("docs", width=4)
        table.add_column("score", width=5)
        table.add_column("claim", key="claim")
        super().on_mount()

    def show(self, workspace: Workspace) -> None:
        self.marked = None
        self.haystacks = {}
        self.rebuild()

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        self.after_typing(len(self.app.workspace.analysis.clusters), self.rebuild)

    def haystack(self, workspace: Workspace, cluster: Cluster) -> str:
        found = self.haystacks.get(cluster.id)
        if found is None:
            texts = [workspace.claims[c].text for c in cluster.claims if c in workspace.claims]
            found = self.haystacks[cluster.id] = normalise(" ".join([*cluster.docs, *texts]))
        return found

    def agreement_cell(self, cluster: Cluster) -> Text:
        mark = "◆ " if self.marked is not None and self.marked.id == cluster.id else ""
        return Text(mark) + agreement(self.app.workspace, cluster)

    def rebuild(self) -> None:
        workspace = self.app.workspace
        words = self.query_one(FilterInput).words
        table = self.query_one("#main", NavigableTable)
        table.clear()
        self.rows = []
        width = max(20, self.size.width - 40)
        for cluster in workspace.analysis.clusters:
            first = next((workspace.claims[c] for c in cluster.claims if c in workspace.claims), None)
            if first is None or (words and not all(w in self.haystack(workspace, cluster) for w in words)):
                continue
            table.add_row(
                self.agreement_cell(cluster), Text(str(len(cluster.docs))), Text(f"{cluster.score:.2f}"),
                OneLine(Text(clean(first.text)), width, reorder=self.app.reorder), key=cluster.id,
            )
            self.rows.append(cluster)

    @on(Input.Submitted, "#filter")
    def action_leave_filter(self) -> None:
        self.query_one("#main").focus()

    @property
    def current(self) -> Cluster | None:
        table = self.query_one("#main", NavigableTable)
        return self.rows[table.cursor_row] if 0 <= table.cursor_row < len(self.rows) else None

    @on(DataTable.RowSelected, "#main")
    def open_cluster(self) -> None:
        if self.current is not None:
            self.app.push_screen(ClusterScreen(self.current))

    def action_verdict(self) -> None:
        if self.current is not None:
            self.app.open_verdict_for_cluster(self.current)

    def action_timeline(self) -> None:
        if self.current is not None:
            self.app.show_timeline(self.current.id)

    def action_merge(self) -> None:
        current = self.current
        if current is None:
            return
        if self.marked is None or self.marked.id == current.id:
            self.marked = None if self.marked is not None else current
            self.notify("Marked for merging: press m on the cluster to merge it with." if self.marked else "Unmarked.")
            self.query_one("#main", NavigableTable).update_cell(current.id, "agreement", self.agreement_cell(current))
            return
        first, second = self.marked, current
        self.marked = None
        self.app.judge_many([(first.claims[0], second.claims[0])], "same")


class ClusterScreen(DetailScreen):
    """The claims of one fact, one row per claim, with the values each gives."""

    BINDINGS = [
        Binding("v", "verdict", "Verdict", id="verdict"),
        Binding("space", "mark", "Mark", key_display="␣", id="mark"),
        Binding("s", "judge('same')", "Same", id="judge-same"),
        Binding("d", "judge('different')", "Different", id="judge-different"),
        Binding("u", "judge('unsure')", "Unsure", show=False, id="judge-unsure"),
        Binding("x", "split", "Split", id="split"),
    ]

    def __init__(self, cluster: Cluster) -> None:
        super().__init__()
        self.cluster = cluster
        self.marked: str | None = None

    def compose(self) -> ComposeResult:
        workspace = self.app.workspace
        yield Static(Text.assemble(("Fact ", "bold"), self.cluster.id, "  ", agreement(workspace, self.cluster),
                                   f"  score {self.cluster.score:.2f}"), id="cluster-heading")
        yield NavigableTable(id="cluster-claims")
        yield Static(id="cluster-claim-text")
        yield from self.compose_chrome()

    def on_mount(self) -> None:
        table = self.query_one("#cluster-claims", NavigableTable)
        table.add_column("", width=2, key="mark")
        table.add_column("document", width=16)
        table.add_column("published", width=10)
        table.add_column("values", width=22)
        table.add_column("claim", key="claim")
        self.fill()
        super().on_mount()

    def fill(self) -> None:
        workspace = self.app.workspace
        table = self.query_one("#cluster-claims", NavigableTable)
        table.clear()
        width = max(20, self.size.width - 56)
        for claim_id in self.cluster.claims:
            claim = workspace.claims.get(claim_id)
            if claim is None:
                continue
            document = workspace.documents.get(claim.doc)
            published = document.published.isoformat() if document and document.published else "?"
            values = ", ".join(describe(m)[1] for m in mentions(claim) if not describe(m)[0].startswith("@"))
            table.add_row(Text("◆" if claim_id == self.marked else ""), Text(clean(claim.doc)), Text(published),
                          Text(values, no_wrap=True, overflow="ellipsis"),
                          one_line(Text(clean(claim.text)), width, reorder=self.app.reorder), key=claim_id)

    @property
    def current_claim(self) -> str | None:
        table = self.query_one("#cluster-claims", NavigableTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value

    @on(DataTable.RowHighlighted, "#cluster-claims")
    def preview(self) -> None:
        claim = self.app.workspace.claims.get(self.current_claim or "")
        if claim is not None:
            self.query_one("#cluster-claim-text", Static).update(
                BidiText(claim_text(claim), reorder=self.app.reorder))

    def action_mark(self) -> None:
        current = self.current_claim
        self.marked = None if self.marked == current else current
        table = self.query_one("#cluster-claims", NavigableTable)
        for claim_id in self.cluster.claims:
            if claim_id in table.rows:
                table.update_cell(claim_id, "mark", Text("◆" if claim_id == self.marked else ""))

    def action_judge(self, relation: str) -> None:
        current = self.current_claim
        if self.marked is None or current is None or current == self.marked:
            self.notify("Mark one claim with space, move to another, then judge the pair.", severity="warning")
            return
        self.app.judge_many([(self.marked, current)], relation)
        self.dismiss()

    def action_split(self) -> None:
        current = self.current_claim
        if current is None:
            return
        others = [c for c in self.cluster.claims if c != current]
        self.app.judge_many([(current, other) for other in others], "different")
        self.dismiss()

    def action_verdict(self) -> None:
        claim = self.app.workspace.claims.get(self.current_claim or "")
        if claim is not None:
            self.app.open_verdict_for_claim(claim)

    def action_read(self) -> None:
        claim = self.app.workspace.claims.get(self.current_claim or "")
        if claim is not None:
            self.app.open_document(claim.doc)

    @on(DataTable.RowSelected, "#cluster-claims")
    def selected(self) -> None:
        self.action_read()
