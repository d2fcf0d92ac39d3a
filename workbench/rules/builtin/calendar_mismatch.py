"""calendar-mismatch: a Hijri and a Gregorian date given together for one day ("20 صفر 1447 هـ -
14 أغسطس 2025") that are not the same day.  The extractor converts the Hijri date (Umm al-Qura); moon
sighting differs by a day between countries, so ``tolerance_days`` (default 1) is allowed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.rules.base import Hit, Kind, Option, Rule, RuleContext
from workbench.rules.mentions import day_of, excerpt

OPTIONS = {
    "tolerance_days": Option(int, 1, "days a Hijri date may differ from its Gregorian partner"),
    "max_distance": Option(int, 20, "characters between the two dates for them to be 'given together'"),
}

# What may stand between a pair given together: separators and these words ("corresponding to", era marks).
_JOINERS = frozenset("الموافق الموافقة موافق ل لـ هـ ه ﻫ م هجري هجرية ميلادي ميلادية".split())
_SEPARATORS = re.compile(r"^[\s\-–—/|(),،:ـ.]*$")


def _together(between: str) -> bool:
    words = re.findall(r"\w+", between)
    return all(w in _JOINERS for w in words) and bool(_SEPARATORS.match(re.sub(r"\w+", "", between)))


def check(rule: Rule, context: RuleContext) -> Iterator[Hit]:
    tolerance, reach = rule.options["tolerance_days"], rule.options["max_distance"]
    for claim in context.claims.values():
        days = sorted((m for m in claim.dates if m.granularity == "day" and day_of(m)), key=lambda m: m.start)
        for first, second in zip(days, days[1:]):
            if {first.calendar, second.calendar} != {"hijri", "gregorian"}:
                continue
            between = claim.text[first.end - claim.start: second.start - claim.start]
            if len(between) > reach or not _together(between):
                continue
            hijri, gregorian = (first, second) if first.calendar == "hijri" else (second, first)
            off = (day_of(hijri) - day_of(gregorian)).days
            if abs(off) <= tolerance:
                continue
            yield Hit(
                claims=(claim.id,),
                values={
                    "doc": claim.doc, "hijri": hijri.text, "hijri_value": hijri.value,
                    "gregorian": gregorian.text, "gregorian_value": gregorian.value, "days": off,
                    "claim": excerpt(claim.text),
                    "items": [{"claim": claim.id, "doc": claim.doc, "mention": hijri.text, "value": hijri.value},
                              {"claim": claim.id, "doc": claim.doc, "mention": gregorian.text, "value": gregorian.value}],
                },
                key=(hijri.value, gregorian.value),
            )


KIND = Kind(
    name="calendar-mismatch",
    check=check,
    options=OPTIONS,
    fields=frozenset({"doc", "hijri", "hijri_value", "gregorian", "gregorian_value", "days", "claim"}),
    summary="a Hijri date and the Gregorian date given with it are not the same day",
)
