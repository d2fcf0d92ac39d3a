"""Findings, the first screen: grouped by level and rule with counts, filtered as you type, and the
selected finding's claims previewed; ``enter`` opens them side by side."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Group
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import ScrollableContainer, VerticalScroll
from textual.widgets import Input, Static, Tree
from textual.widgets.tree import TreeNode

from workbench.model import Finding
from workbench.tui.bidi import BidiText, clean, one_line
from workbench.tui.screens.base import DetailScreen, WorkbenchScreen
from workbench.tui.state import (
    FILTER_HELP, LEVEL_MARK, Workspace, filter_findings, group_findings, level_label, review_label,
)
from workbench.tui.widgets.claim_card import ClaimCard, conflict_lines
from workbench.tui.widgets.filter_input import FilterInput
from workbench.tui.widgets.highlight import finding_values
from workbench.tui.widgets.navigable import NavigableTree


def finding_heading(finding: Finding) -> Text:
    return Text.assemble(
        (level_label(finding.level), "bold"), " · ", (finding.rule, "bold"), " · ", review_label(finding.reviewed),
        " · ", (finding.id, "dim"), no_wrap=True, overflow="ellipsis",
    )


def finding_preview(workspace: Workspace, finding: Finding, *, reorder: bool) -> Group:
    """The message, then per claim: document, publication date and the values in conflict."""
    values = finding_values(finding)
    parts: list = [finding_heading(finding), BidiText(Text(clean(finding.message)), reorder=reorder)]
    for claim_id in finding.claims:
        claim = workspace.claims.get(claim_id)
        if claim is None:
            continue
        document = workspace.documents.get(claim.doc)
        published = document.published.isoformat() if document and document.published else "?"
        lines = conflict_lines(claim, values, reorder=reorder)
        head = Text.assemble((clean(claim.doc), "bold"), f"  {published}  ")
        if lines.plain:
            head.append_text(lines.split("\n")[0])
        else:
            head.append_text(one_line(Text(clean(claim.text)), 60, reorder=reorder))
        parts.append(head)
    return Group(*parts)


UNDRAWN = Text()  # the label of a finding's node until it is drawn


class FindingTree(NavigableTree):
    """Findings grouped by level and rule.  A finding's line (its message, reordered for display) is
    made when it is first drawn: made up front for thousands of findings it would take seconds."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.label_width = 40
        self.labels: dict[tuple[str, str | None], Text] = {}
        self.building = False

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Add many nodes, letting the tree lay itself out once at the end instead of after each."""
        self.building = True
        try:
            yield
        finally:
            self.building = False
            self._invalidate()

    def _invalidate(self) -> None:
        if not self.building:
            super()._invalidate()

    def forget_labels(self, width: int) -> None:
        """After the findings, the width or the display order changed."""
        self.label_width = width
        self.labels.clear()

    def finding_label(self, finding: Finding) -> Text:
        key = (finding.id, finding.reviewed)
        label = self.labels.get(key)
        if label is None:
            label = Text.assemble(review_label(finding.reviewed)[:1], " ", LEVEL_MARK[finding.level], " ")
            label.append_text(one_line(Text(clean(finding.message)), self.label_width, reorder=self.app.reorder))
            self.labels[key] = label
        return label

    def process_label(self, label: str | Text) -> Text:
        """Labels here are one line of Text already: skip Textual's markup parsing and splitting."""
        return label if isinstance(label, Text) else super().process_label(label)

    def render_label(self, node: TreeNode, base_style: Style, style: Style) -> Text:
        if not isinstance(node.data, Finding):
            return super().render_label(node, base_style, style)
        label = self.finding_label(node.data).copy()
        label.stylize(style)
        return label

    def get_label_width(self, node: TreeNode) -> int:
        if not isinstance(node.data, Finding):
            return super().get_label_width(node)
        return 4 + min(self.label_width, len(node.data.message))  # an upper bound, without drawing it


class FindingsScreen(WorkbenchScreen):
    MODE = "findings"
    BINDINGS = [
        Binding("v", "verdict", "Verdict", id="verdict"),
        Binding("escape", "leave_filter", "List", show=False, id="leave-filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.haystacks: dict[str, str] = {}

    def body(self) -> ComposeResult:
        yield FilterInput(f"/ filter: {FILTER_HELP}")
        yield FindingTree("findings", id="main")
        with VerticalScroll(id="preview"):
            yield Static(id="preview-text")

    def show(self, workspace: Workspace) -> None:
        self.haystacks = {}
        self.query_one("#main", FindingTree).forget_labels(self.label_width())
        self.rebuild(select_first_open=True)

    def label_width(self) -> int:
        return max(40, self.size.width - 12)

    def on_resize(self) -> None:
        tree = self.query_one("#main", FindingTree)
        if tree.label_width != self.label_width():
            tree.forget_labels(self.label_width())
            tree.refresh()

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        self.after_typing(len(self.app.workspace.analysis.findings), lambda: self.rebuild(select_first_open=False))

    @on(Input.Submitted, "#filter")
    def action_leave_filter(self) -> None:
        self.query_one("#main").focus()

    def rebuild(self, *, select_first_open: bool) -> None:
        workspace = self.app.workspace
        query = self.query_one("#filter", Input).value
        shown = filter_findings(workspace, query, self.haystacks)
        tree = self.query_one("#main", FindingTree)
        tree.clear()
        tree.root.set_label(Text(f"{len(shown)} of {len(workspace.analysis.findings)} findings"))
        tree.root.expand()
        first_open = first_leaf = None
        with tree.bulk():
            for level, by_rule in group_findings(shown).items():
                count = sum(len(f) for f in by_rule.values())
                level_node = tree.root.add(Text(f"{level_label(level)} ({count})", style="bold"), expand=True)
                for rule, findings in by_rule.items():
                    open_count = sum(1 for f in findings if f.reviewed is None)
                    rule_node = level_node.add(Text(f"{rule} ({len(findings)}, {open_count} open)"), expand=True)
                    for finding in findings:
                        leaf = rule_node.add_leaf(UNDRAWN, data=finding)
                        if first_open is None and finding.reviewed is None:
                            first_open = leaf
                        first_leaf = first_leaf or leaf
        if not shown:
            empty = ("Checking the claims…" if self.app.busy == "check" else "Loading…" if self.app.loading
                     else "No finding matches the filter." if query else "No findings.")
            self.query_one("#preview-text", Static).update(Text(empty))
        target = (first_open if select_first_open else None) or first_leaf
        if target is not None:
            self.show_preview(target.data)
            self.call_after_refresh(tree.move_cursor, target)

    @property
    def current(self) -> Finding | None:
        node = self.query_one("#main", FindingTree).cursor_node
        return node.data if node is not None and isinstance(node.data, Finding) else None

    @on(Tree.NodeHighlighted, "#main")
    def preview(self, event: Tree.NodeHighlighted) -> None:
        if isinstance(event.node.data, Finding):
            self.show_preview(event.node.data)

    def show_preview(self, finding: Finding | None) -> None:
        if finding is not None:
            self.query_one("#preview-text", Static).update(
                finding_preview(self.app.workspace, finding, reorder=self.app.reorder))

    @on(Tree.NodeSelected, "#main")
    def selected(self, event: Tree.NodeSelected) -> None:
        if isinstance(event.node.data, Finding):
            self.app.push_screen(FindingScreen(event.node.data))

    def action_verdict(self) -> None:
        if self.current is None:
            self.notify("Select a finding first.", severity="warning")
            return
        self.app.open_verdict_for_finding(self.current)


class FindingScreen(DetailScreen):
    """The claims of one finding side by side: document, publication date, source, values in conflict."""

    BINDINGS = [
        Binding("v", "verdict", "Verdict", id="verdict"),
        Binding("enter", "read", "Read document", id="open"),
        Binding("l", "app.focus_next", "Next claim", show=False),
        Binding("h", "app.focus_previous", "Previous claim", show=False),
        Binding("j", "scroll(1)", "Scroll down", show=False),
        Binding("k", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self, finding: Finding) -> None:
        super().__init__()
        self.finding = finding

    def compose(self) -> ComposeResult:
        workspace = self.app.workspace
        finding = workspace.findings.get(self.finding.id, self.finding)
        yield Static(finding_heading(finding), id="finding-heading")
        yield Static(BidiText(Text(clean(finding.message)), reorder=self.app.reorder), id="finding-message")
        values = finding_values(finding)
        # Cards side by side; a long claim makes the row taller, so it scrolls both ways (arrows, j/k).
        with ScrollableContainer(id="claims-side-by-side"):
            for claim_id in finding.claims:
                claim = workspace.claims.get(claim_id)
                if claim is not None:
                    yield ClaimCard(claim, workspace.documents.get(claim.doc), values, reorder=self.app.reorder)
        yield from self.compose_chrome()

    def on_mount(self) -> None:
        super().on_mount()
        self.size_cards()

    def on_resize(self) -> None:
        self.size_cards()

    def size_cards(self) -> None:
        """Share the width between the cards; past two or three, scroll sideways (h/l or tab)."""
        cards = list(self.query(ClaimCard))
        for card in cards:
            card.styles.width = max(32, self.size.width // max(1, len(cards)))

    def action_scroll(self, lines: int) -> None:
        self.query_one("#claims-side-by-side").scroll_relative(y=lines, animate=False)

    def action_verdict(self) -> None:
        self.app.open_verdict_for_finding(self.app.workspace.findings.get(self.finding.id, self.finding))

    def action_read(self) -> None:
        focused = self.focused
        if isinstance(focused, ClaimCard):
            self.app.open_document(focused.claim.doc, conflicts=finding_values(self.finding))
