"""Shared by the conflict kinds: turning conflicting pairs of mentions into one finding per cluster."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from workbench.model import Claim
from workbench.rules.base import Hit, RuleContext
from workbench.rules.mentions import excerpt

Side = tuple[Claim, Any, Any]  # the claim, its mention, the mention's value


def _representative(sides: Sequence[Side], value: str) -> Side:
    """The first side giving ``value``, preferring a mention written out in full over a relative one
    (for the message: "10 آذار 2025" says more than "أمس الاثنين")."""
    giving = [s for s in sides if str(s[2]) == value]
    return next((s for s in giving if not getattr(s[1], "relative", False)), giving[0])


def conflict_hit(pairs: Sequence[tuple[Side, Side]], context: RuleContext) -> Hit:
    """One hit for a cluster's conflicting pairs.  ``value_a`` is the odd one out (the value the fewest
    claims give), ``value_b`` the value most claims give against it; ``items`` lists every claim with
    its mention and value, for side-by-side display."""
    order = {doc: i for i, doc in enumerate(context.documents)}
    sides: dict[tuple[str, str], Side] = {}
    for left, right in pairs:
        for claim, mention, value in (left, right):
            sides.setdefault((claim.id, str(value)), (claim, mention, value))
    ordered = sorted(sides.values(), key=lambda s: (order.get(s[0].doc, len(order)), s[0].start, getattr(s[1], "start", 0)))
    support: dict[str, set[str]] = {}
    for claim, _, value in ordered:
        support.setdefault(str(value), set()).add(claim.id)
    first_seen = list(dict.fromkeys(str(v) for _, _, v in ordered))
    odd = min(first_seen, key=lambda v: (len(support[v]), first_seen.index(v)))
    against = {str(r[2]) if str(l[2]) == odd else str(l[2]) for l, r in pairs if odd in (str(l[2]), str(r[2]))}
    other = max((v for v in first_seen if v in against), key=lambda v: (len(support[v]), -first_seen.index(v)))
    side_a = _representative(ordered, odd)
    side_b = _representative(ordered, other)
    items = [
        {"claim": c.id, "doc": c.doc, "mention": getattr(m, "text", str(m)), "value": v} for c, m, v in ordered
    ]
    values = {
        "doc_a": side_a[0].doc, "doc_b": side_b[0].doc,
        "value_a": side_a[2], "value_b": side_b[2],
        "mention_a": getattr(side_a[1], "text", ""), "mention_b": getattr(side_b[1], "text", ""),
        "claim_a": excerpt(side_a[0].text), "claim_b": excerpt(side_b[0].text),
        "items": items, "count": len({c.id for c, _, _ in ordered}),
    }
    return Hit(claims=tuple(c.id for c, _, _ in ordered), values=values, key=tuple(sorted(support)))
