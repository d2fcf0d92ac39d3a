"""stale-content: recency words (الأخير، مؤخراً، منذ أيام، حالياً …) about events far older than the
document's publication date, the mark of an old story republished as news.

A recency word is judged against the newest absolute date in its own claim.  A claim with a strong
recency word (مؤخراً، منذ أيام …) but no date of its own is judged against the newest date in the whole
document, when ``document_dates`` is on.  Relative dates (أمس، الأحد الماضي، العام الجاري) are resolved
against the publication date and so are never stale: a claim that gives only such dates is about recent
events, and so is a dateless claim in a document that gives one ("اليوم الأربعاء" elsewhere in the
article makes its "منذ ساعات" today's news, whatever older dates the background paragraphs give).
Documents without a publication date are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from workbench.model import Claim, DateMention
from workbench.rules.base import Hit, Kind, Option, Rule, RuleContext
from workbench.rules.mentions import dated_mentions, excerpt, last_day
from workbench.text import normalise, offset_map

STRONG = ["مؤخراً", "مؤخرا", "منذ أيام", "منذ أسابيع", "منذ ساعات", "حالياً", "في الآونة الأخيرة",
          "هذه الأيام", "خلال الأيام الماضية", "الأسبوع الجاري", "الشهر الجاري", "هذا الأسبوع", "الأسبوع الماضي"]
ADJECTIVES = ["الأخير", "الأخيرة", "الجاري", "الجارية"]

OPTIONS = {
    "max_age_days": Option(int, 180, "events older than this (before publication) are not recent"),
    "words": Option(list, STRONG, "recency words that make a claim about now, with or without a date",
                    item_type=str),
    "adjectives": Option(list, ADJECTIVES, "recency adjectives, judged only against a date in their claim",
                         item_type=str),
    "document_dates": Option(bool, True, "judge a dateless claim's strong recency word by the document's newest date"),
}


def _pattern(phrases: list[str]) -> re.Pattern[str] | None:
    """The phrases, matched on folded text (see :func:`_found`) after a conjunction or preposition."""
    keys = sorted({normalise(p) for p in phrases if normalise(p)}, key=len, reverse=True)
    if not keys:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, key.split())) for key in keys)
    return re.compile(r"(?<!\w)(?:و|ف|ب|ل)?(" + alternatives + r")(?!\w)")


def _found(pattern: re.Pattern[str] | None, text: str, *, adjectives: bool = False) -> list[str]:
    """The phrases as the text writes them (with its hamzas and tanween), found on its folded form.
    Adjectives are left out where they mean "final" or "the latter", not "latest": after a conjunction
    ("الولاية الثالثة والأخيرة", "والأخيرة عضو في ..."), as a predicate ("وهي الأخيرة بموجب الدستور") or
    after "المرة"."""
    if pattern is None:
        return []
    folded, where = offset_map(text)
    return [text[where[m.start(1)]:where[m.end(1) - 1] + 1] for m in pattern.finditer(folded)
            if not (adjectives and _not_recency(folded, m))]


_NOT_RECENCY_BEFORE = frozenset(normalise(w) for w in ("هي", "هو", "وهي", "وهو", "المرة", "للمرة", "بالمرة"))


def _not_recency(folded: str, m: re.Match[str]) -> bool:
    before = folded[max(0, m.start() - 12):m.start()].split()
    return m.group().startswith("و") or bool(before) and before[-1] in _NOT_RECENCY_BEFORE


def _newest(mentions: list[DateMention], published: dt.date, *,
            relative: bool = False) -> tuple[DateMention, dt.date] | None:
    dated = [(m, last_day(m)) for m in mentions if relative or not m.relative]
    dated = [(m, d) for m, d in dated if d is not None and d <= published]
    return max(dated, key=lambda pair: pair[1]) if dated else None


def check(rule: Rule, context: RuleContext) -> Iterator[Hit]:
    strong, weak = _pattern(rule.options["words"]), _pattern(rule.options["adjectives"])
    max_age = rule.options["max_age_days"]
    for doc_id, claims in context.claims_by_doc.items():
        document = context.documents.get(doc_id)
        if document is None or document.published is None:
            continue
        published = document.published
        own = {c.id: dated_mentions(c, document) for c in claims}
        newest_in_doc = _newest([m for c in claims for m in own[c.id]], published, relative=True)
        stale: list[tuple[Claim, str, DateMention, dt.date]] = []
        for claim in claims:
            strong_words, weak_words = _found(strong, claim.text), _found(weak, claim.text, adjectives=True)
            anchor = _newest(own[claim.id], published)
            recent = _newest(own[claim.id], published, relative=True)
            if anchor is None and recent is not None and (published - recent[1]).days <= max_age:
                continue  # only its own "yesterday" or "last Sunday": the claim is about recent events
            if anchor is not None:
                words = strong_words + weak_words
            elif rule.options["document_dates"]:
                words, anchor = strong_words, newest_in_doc
            else:
                continue
            if not words or anchor is None or (published - anchor[1]).days <= max_age:
                continue
            stale.append((claim, words[0], anchor[0], anchor[1]))
        if stale:
            newest = max(s[3] for s in stale)
            mention = next(s[2] for s in stale if s[3] == newest)
            yield Hit(
                claims=tuple(s[0].id for s in stale),
                values={
                    "doc": doc_id, "published": published.isoformat(), "event_date": mention.value,
                    "event_mention": mention.text, "age_days": (published - newest).days,
                    "words": list(dict.fromkeys(s[1] for s in stale)), "claim": excerpt(stale[0][0].text),
                    "items": [{"claim": c.id, "doc": doc_id, "mention": w, "value": m.value} for c, w, m, _ in stale],
                },
                key=(doc_id, mention.value),
            )


KIND = Kind(
    name="stale-content",
    check=check,
    options=OPTIONS,
    fields=frozenset({"doc", "published", "event_date", "event_mention", "age_days", "words", "claim"}),
    summary="recency words about events far older than the publication date",
)
