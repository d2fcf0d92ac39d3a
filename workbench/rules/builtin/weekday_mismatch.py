"""weekday-mismatch: a stated weekday that is not the weekday of its date ("يوم الأحد 9 شباط" when
9 February 2026 was a Monday).  Relative dates count too: "أمس الثلاثاء" in an article dated Thursday
resolves to Wednesday, which is not a Tuesday.

A date line that gives one weekday for a Hijri date and its Gregorian equivalent ("الأحد 25 صفر 1447 هـ -
20 تموز 2025") states the weekday once: when it fits the other calendar's date, the two dates disagree
with each other, which is calendar-mismatch's finding, not a wrong weekday."""

from __future__ import annotations

from collections.abc import Iterator

from workbench.model import WEEKDAYS, Claim, DateMention
from workbench.rules.base import Hit, Kind, Option, Rule, RuleContext
from workbench.rules.mentions import day_of, excerpt

ARABIC_WEEKDAYS = dict(zip(WEEKDAYS, ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")))

OPTIONS = {
    "relative": Option(bool, True, "also check relative dates (أمس الثلاثاء), resolved against the publication date"),
}


def check(rule: Rule, context: RuleContext) -> Iterator[Hit]:
    for claim in context.claims.values():
        for mention in claim.dates:
            if mention.weekday is None or mention.granularity != "day":
                continue
            if mention.relative and not rule.options["relative"]:
                continue
            day = day_of(mention)
            if day is None or mention.weekday not in WEEKDAYS:
                continue
            actual = WEEKDAYS[day.weekday()]
            if actual == mention.weekday or _fits_its_pair(claim, mention):
                continue
            yield Hit(
                claims=(claim.id,),
                values={
                    "doc": claim.doc, "mention": mention.text, "value": mention.value,
                    "stated": mention.weekday, "actual": actual,
                    "stated_ar": ARABIC_WEEKDAYS[mention.weekday], "actual_ar": ARABIC_WEEKDAYS[actual],
                    "relative": mention.relative, "claim": excerpt(claim.text),
                    "items": [{"claim": claim.id, "doc": claim.doc, "mention": mention.text,
                               "value": f"{mention.value} is a {actual}, not a {mention.weekday}"}],
                },
                key=(mention.value, mention.weekday),
            )


PAIR_GAP = 12  # characters between a Hijri date and its Gregorian equivalent ("هـ - ", " الموافق ")


def _fits_its_pair(claim: Claim, mention: DateMention) -> bool:
    """The weekday is right for the date given beside this one in the other calendar."""
    for other in claim.dates:
        if other is mention or other.calendar == mention.calendar or other.granularity != "day":
            continue
        gap = other.start - mention.end if other.start >= mention.end else mention.start - other.end
        day = day_of(other)
        if 0 <= gap <= PAIR_GAP and day is not None and WEEKDAYS[day.weekday()] == mention.weekday:
            return True
    return False


KIND = Kind(
    name="weekday-mismatch",
    check=check,
    options=OPTIONS,
    fields=frozenset({"doc", "mention", "value", "stated", "actual", "stated_ar", "actual_ar", "relative", "claim"}),
    summary="a stated weekday does not match its date",
)
