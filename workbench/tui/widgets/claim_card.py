"""One claim as evidence: which document says it, when that was published, from what source, and
the claim's text with the values in conflict highlighted."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from workbench.model import Claim, Document
from workbench.tui.bidi import BidiText, clean, one_line
from workbench.tui.widgets.highlight import claim_text, describe, in_conflict, mentions


def claim_header(claim: Claim, document: Document | None) -> Text:
    published = document.published.isoformat() if document and document.published else "unknown"
    source = clean(document.source) if document and document.source else "unknown"
    return Text.assemble((clean(claim.doc), "bold"), "\n", f"published: {published}\n", f"source: {source}",
                         no_wrap=True, overflow="ellipsis")


def conflict_lines(claim: Claim, conflicts: set[str], *, reorder: bool) -> Text:
    """The claim's mentions whose values are in conflict, one a line: ``text → value``.  Only the
    mention's own text is reordered: the line around it reads left to right."""
    lines = Text()
    for mention in mentions(claim):
        if in_conflict(mention, conflicts):
            kind, value, detail, relative = describe(mention)
            lines.append(f"{kind} ", style="dim")
            lines.append_text(one_line(Text(clean(mention.text), style="reverse bold"), 60, reorder=reorder))
            lines.append(f" → {value} ({', '.join(x for x in (detail, relative) if x)})\n")
    lines.rstrip()
    return lines


class ClaimCard(Static, can_focus=True):
    """A focusable card, so a reviewer can step through the claims with tab and scroll a long one."""

    def __init__(self, claim: Claim, document: Document | None, conflicts: set[str], *, reorder: bool) -> None:
        super().__init__(classes="claim-card")
        self.claim = claim
        self.document = document
        self.conflicts = conflicts
        self.reorder = reorder

    def render(self) -> Group:
        return Group(
            claim_header(self.claim, self.document),
            Text("─" * 3, style="dim"),
            BidiText(claim_text(self.claim, self.conflicts), reorder=self.reorder),
            Text(""),
            conflict_lines(self.claim, self.conflicts, reorder=self.reorder),
        )
