"""date-conflict: claims about one fact (one cluster) that give it different dates.

Which date in a claim is the event's?  A claim may also carry the publication line, a deadline, or the
date of an earlier event ("after the fall of Assad on 8 December").  Two dates are compared only when
they are about the same thing: each is the one date of its claim that is not background, or the words
around them overlap ("اتفاق 10 مارس" / "اتفاق العاشر من آذار").  A date the other claim accounts for
(the same day, or a finer date inside the same month) never conflicts.

A misreported date usually gets one part wrong (the day, the month or the year) or slips by a few
days; two dates that differ in more than one part and lie more than ``near_days`` apart are taken to
be different events that the cluster happens to share (the announcement and a later meeting about the
same accession), and so are dates whose periods lie more than ``max_gap_days`` apart (8 August 2025
and 9 August 2022; the year 2014 and 9 August 2022).  Two years have no other clue than that one part
and are always compared.  Within one document, two dates both counted from its date line ("أعلن أمس …
ويلتقي اليوم …") are the writer's own sequence of events, never one event dated twice.
"""

from __future__ import annotations

from collections.abc import Iterator

from workbench.model import Claim, DateMention
from workbench.rules.base import Hit, Kind, Option, Rule, RuleContext
from workbench.rules.mentions import (
    coarser, context as words_around, covers, dated_mentions, dates_agree, gap_days, is_background, overlap,
    parts_differing,
)
from workbench.rules.builtin.common import cluster_conflicts, conflict_hit

OPTIONS = {
    "max_gap_days": Option(int, 400, "dates further apart are different occurrences, not a conflict"),
    "near_days": Option(int, 7, "dates this close may differ in every part (30 March / 2 April)"),
    "hijri_tolerance_days": Option(int, 1, "a Hijri date may differ by this many days (moon sighting)"),
    "granularities": Option(list, ["day", "month", "year"], "the granularities at which dates may conflict",
                            choices=("day", "month", "year"), item_type=str),
    "same_document": Option(bool, True, "also compare two claims of one document"),
}


def _pair(a: Claim, da: list[DateMention], b: Claim, db: list[DateMention], options) -> list[tuple[DateMention, DateMention]]:
    tolerance = options["hijri_tolerance_days"]
    open_a = [d for d in da if not any(covers(e, d) for e in db)]
    open_b = [d for d in db if not any(covers(e, d) for e in da)]
    primary_a = [d for d in da if not is_background(a, d)]
    primary_b = [d for d in db if not is_background(b, d)]
    single = len(primary_a) == 1 and len(primary_b) == 1
    found = []
    for x in open_a:
        for y in open_b:
            related = (single and x is primary_a[0] and y is primary_b[0]) or overlap(
                words_around(a, x.start, x.end), words_around(b, y.start, y.end)) > 0
            if not related or dates_agree(x, y, hijri_tolerance=tolerance):
                continue
            if coarser(x.granularity, y.granularity) not in options["granularities"]:
                continue
            gap = gap_days(x, y)
            both_years = x.granularity == y.granularity == "year"
            if not both_years and gap is not None and gap > options["max_gap_days"]:
                continue
            if parts_differing(x, y) > 1 and (gap is None or gap > options["near_days"]):
                continue
            found.append((x, y))
    return found


def check(rule: Rule, context: RuleContext) -> Iterator[Hit]:
    options = rule.options

    def allowed(a: Claim, x: DateMention, b: Claim, y: DateMention) -> bool:
        if a.doc != b.doc:
            return True
        return options["same_document"] and not (x.relative and y.relative)

    for cluster in context.clusters:
        claims = context.cluster_claims(cluster)
        dates = {c.id: dated_mentions(c, context.documents.get(c.doc)) for c in claims}
        conflicts = cluster_conflicts(
            claims, dates, lambda a, da, b, db: _pair(a, da, b, db, options), allowed, lambda m: (m, m.value))
        if conflicts:
            yield conflict_hit(conflicts, context)


KIND = Kind(
    name="date-conflict",
    check=check,
    options=OPTIONS,
    fields=frozenset({"doc_a", "doc_b", "value_a", "value_b", "mention_a", "mention_b", "claim_a", "claim_b",
                      "count"}),
    summary="claims about one fact give it different dates",
)
