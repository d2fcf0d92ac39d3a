"""Shared by the conflict kinds: turning conflicting pairs of mentions into one finding per cluster."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations
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


Pair = Callable[[Claim, list, Claim, list], list[tuple[Any, Any]]]
Allowed = Callable[[Claim, Any, Claim, Any], bool]
Shown = Callable[[Any], tuple[Any, Any]]  # an item -> (its mention, its value)


def cluster_conflicts(claims: Sequence[Claim], items: dict[str, list], pair: Pair, allowed: Allowed,
                      shown: Shown) -> list[tuple[Side, Side]]:
    """The conflicting pairs among one cluster's claims, comparing each distinct sentence once.

    Syndicated copies of one sentence (same text, same items at the same places) give the same answer
    against any other claim, so a cluster of thousands of copies costs what its few distinct sentences
    cost.  Every copy still takes part: each is paired with one copy on the other side it may be set
    against (``allowed`` says which: another document, say), so the finding names them all."""
    twins: dict[tuple, list[Claim]] = {}
    for claim in claims:
        key = (claim.text, tuple((m.start - claim.start, str(v)) for m, v in map(shown, items[claim.id])))
        twins.setdefault(key, []).append(claim)
    conflicts: list[tuple[Side, Side]] = []
    for group_a, group_b in combinations(twins.values(), 2):
        a, b = group_a[0], group_b[0]
        for x, y in pair(a, items[a.id], b, items[b.id]):
            i, j = items[a.id].index(x), items[b.id].index(y)
            for left_group, right_group, li, ri in ((group_a, group_b, i, j), (group_b, group_a, j, i)):
                for left in left_group:
                    lx = items[left.id][li]
                    right = next((r for r in right_group if allowed(left, lx, r, items[r.id][ri])), None)
                    if right is not None:
                        side_l = (left, *shown(lx))
                        side_r = (right, *shown(items[right.id][ri]))
                        conflicts.append((side_l, side_r) if left_group is group_a else (side_r, side_l))
    return conflicts
