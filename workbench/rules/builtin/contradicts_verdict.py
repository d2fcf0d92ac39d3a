"""contradicts-verdict: claims that repeat a claim a reviewer rated false, or that give another date or
number than the value a reviewer verified for the same fact.

"The same fact" is the rated claim's cluster (or the rated cluster), plus any claim whose normalised
text closely matches the text the verdict kept (so a verdict made on last month's corpus still catches
this month's copy).  The rated claim itself is not reported: its verdict already says it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rapidfuzz import fuzz, process

from workbench.model import Claim, DateMention
from workbench.rules.base import Hit, Kind, Option, Rule, RuleContext
from workbench.rules.builtin.number_conflict import read as read_number
from workbench.rules.mentions import covers, dated_mentions, excerpt, gap_days, unit_key
from workbench.text import normalise

OPTIONS = {
    "false_ratings": Option(list, ["false", "mostly-false"], "ratings that make a claim false", item_type=str),
    "match_threshold": Option(int, 90, "text similarity (0-100) at which a claim repeats a rated claim"),
    "max_gap_days": Option(int, 400, "a date further from the verified one is about something else"),
}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_NUMBER = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(.*)$")


def _same_fact(verdict: Any, context: RuleContext, texts: dict[str, str], threshold: int) -> list[Claim]:
    """Claims about the verdict's fact, the rated claim itself excluded."""
    found: dict[str, Claim] = {}
    cluster = None
    if verdict.kind == "claim":
        cluster = context.cluster_of.get(verdict.target)
    elif verdict.kind == "cluster":
        cluster = next((k for k in context.clusters if k.id == verdict.target), None)
    if cluster is not None:
        found.update((c.id, c) for c in context.cluster_claims(cluster))
    if verdict.claim_text and texts:
        matches = process.extract(normalise(verdict.claim_text), texts, scorer=fuzz.token_set_ratio,
                                  score_cutoff=threshold, limit=None)
        found.update((claim_id, context.claims[claim_id]) for _, _, claim_id in matches)
    found.pop(verdict.target, None)
    return list(found.values())


def _verified_date(value: str) -> DateMention:
    granularity = {4: "year", 7: "month", 10: "day"}[len(value)]
    return DateMention(text=value, start=0, end=0, value=value, granularity=granularity)


def _date_clash(claim: Claim, verified: DateMention, context: RuleContext, max_gap: int):
    dates = dated_mentions(claim, context.documents.get(claim.doc))
    if not dates or any(covers(d, verified) or covers(verified, d) for d in dates):
        return None
    near = [(gap_days(d, verified), d) for d in dates]
    near = [(g, d) for g, d in near if g is not None and g <= max_gap]
    return min(near, key=lambda pair: pair[0])[1] if near else None


def _number_clash(claim: Claim, value: float, unit: str):
    readings = [r for r in (read_number(claim, n) for n in claim.numbers) if r is not None]
    if unit:
        readings = [r for r in readings if r.unit and r.unit == unit_key(unit)] or readings
    if not readings or any(r.value == value for r in readings) or len(readings) > 1:
        return None
    return readings[0]


def check(rule: Rule, context: RuleContext) -> Iterator[Hit]:
    false_ratings = {r.casefold() for r in rule.options["false_ratings"]}
    texts = {c.id: normalise(c.text) for c in context.claims.values()} if context.verdicts else {}
    for verdict in context.verdicts.values():
        if getattr(verdict, "kind", None) not in ("claim", "cluster"):
            continue
        is_false = str(verdict.rating).casefold() in false_ratings
        value = (verdict.value or "").strip()
        if not is_false and not value:
            continue
        said = f"rated {verdict.rating}" + (f", verified value {value}" if value else "")
        base = {"target": verdict.target, "rating": verdict.rating, "verdict": said, "reviewer": verdict.reviewer,
                "note": verdict.note, "rated_text": excerpt(verdict.claim_text or "")}
        for claim in _same_fact(verdict, context, texts, rule.options["match_threshold"]):
            shown = None
            if value and _DATE.match(value):
                clash = _date_clash(claim, _verified_date(value), context, rule.options["max_gap_days"])
                shown = (clash.text, clash.value) if clash else None
            elif value and _NUMBER.match(value):
                number, unit = _NUMBER.match(value).groups()
                clash = _number_clash(claim, float(number), unit.strip())
                shown = (clash.mention.text, clash.shown) if clash else None
            if shown is None and not is_false:
                continue
            mention, claim_value = shown or (excerpt(claim.text, 60), "")
            yield Hit(
                claims=(claim.id,),
                values={**base, "doc": claim.doc, "claim": excerpt(claim.text), "verified": value or None,
                        "mention": mention, "value": claim_value,
                        "reason": "differs from the verified value" if shown else f"repeats a claim rated {verdict.rating}",
                        "items": [{"claim": claim.id, "doc": claim.doc, "mention": mention,
                                   "value": claim_value or verdict.rating}]},
                key=(verdict.target, verdict.rating, value, str(claim_value)),
            )


KIND = Kind(
    name="contradicts-verdict",
    check=check,
    options=OPTIONS,
    fields=frozenset({"target", "rating", "verdict", "reviewer", "note", "rated_text", "doc", "claim", "verified", "mention",
                      "value", "reason"}),
    summary="a claim repeats one rated false, or contradicts a value a reviewer verified",
)
