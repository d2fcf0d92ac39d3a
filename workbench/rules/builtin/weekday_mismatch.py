"""weekday-mismatch: a stated weekday that is not the weekday of its date ("يوم الأحد 9 شباط" when
9 February 2026 was a Monday).  Relative dates count too: "أمس الثلاثاء" in an article dated Thursday
resolves to Wednesday, which is not a Tuesday."""

from __future__ import annotations

from collections.abc import Iterator

from workbench.model import WEEKDAYS
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
            if actual == mention.weekday:
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


KIND = Kind(
    name="weekday-mismatch",
    check=check,
    options=OPTIONS,
    fields=frozenset({"doc", "mention", "value", "stated", "actual", "stated_ar", "actual_ar", "relative", "claim"}),
    summary="a stated weekday does not match its date",
)
