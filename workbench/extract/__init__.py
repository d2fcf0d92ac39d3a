"""From a document to its claims, each with the dates, numbers and entities it states."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from workbench.config import Config
from workbench.corpus.split import split_claims
from workbench.extract.dates import find_dates
from workbench.extract.entities import Gazetteer
from workbench.extract.numbers import find_numbers
from workbench.model import Claim, DateMention, Document, EntityMention, NumberMention, Span, stable_id
from workbench.text import fold, fold_digits, normalise

__all__ = ["Extractor", "claim_id"]


def claim_id(doc_id: str, normalised_text: str, occurrence: int = 0) -> str:
    """Stable across runs and machines, and across re-saves that only move lines or change
    spacing, diacritics or hamza spellings: the id hashes the normalised text, not the offsets."""
    return stable_id("c", doc_id, normalised_text, str(occurrence))


@dataclass(frozen=True)
class Extractor:
    gazetteer: Gazetteer
    date_order: str = "dmy"

    @classmethod
    def from_config(cls, config: Config) -> "Extractor":
        return cls(gazetteer=_gazetteer(tuple(config.entities)), date_order=config.date_order)

    def claims(self, document: Document) -> list[Claim]:
        """The document's claims, each with the dates, numbers and entities it states."""
        return self.claims_of_each([document])[0]

    def claims_of_each(self, documents: list[Document]) -> list[list[Claim]]:
        """The claims of each document.  Each finder runs over every sentence of every document before
        the next finder starts: its patterns and tables stay warm in the processor's caches (50
        documents at once were measured about 7% faster than the same documents one by one)."""
        spans = [split_claims(document) for document in documents]
        texts = [[document.text[span.start:span.end] for span in each] for document, each in zip(documents, spans)]
        dates_numbers = []
        for document, each, sentences in zip(documents, spans, texts):
            folded = fold(document.text)  # same length as the text: one fold for the document, sliced per claim
            dates_numbers.append([self._dates_and_numbers(document, text, span, folded)
                                  for text, span in zip(sentences, each)])
        find_entities = self.gazetteer.find
        entities = [[find_entities(text, base=span.start) for text, span in zip(sentences, each)]
                    for each, sentences in zip(spans, texts)]
        return [self._assembled(*parts) for parts in zip(documents, spans, texts, dates_numbers, entities)]

    @staticmethod
    def _assembled(document: Document, spans: list[Span], texts: list[str],
                   dates_numbers: list[tuple[tuple[DateMention, ...], tuple[NumberMention, ...]]],
                   entities: list[list[EntityMention]]) -> list[Claim]:
        """A document's claims from what the finders found in its sentences."""
        claims = []
        seen: dict[str, int] = {}
        for text, span, (dates, numbers), found in zip(texts, spans, dates_numbers, entities):
            key = normalise(text)
            occurrence = seen.get(key, 0)
            claims.append(Claim(claim_id(document.id, key, occurrence), document.id, span.start, span.end, text,
                                dates, numbers, tuple(found)))
            seen[key] = occurrence + 1
        return claims

    def _dates_and_numbers(self, document: Document, text: str, span: Span,
                           folded: str) -> tuple[tuple[DateMention, ...], tuple[NumberMention, ...]]:
        """One claim's dates and numbers (the number finder reuses the view the date finder made)."""
        dates = find_dates(text, base=span.start, reference=document.published, date_order=self.date_order,
                           folded=folded[span.start:span.end])
        if _SAME_MONTH.search(text):
            dates = self._same_month_dates(document, span.start, span.end, dates)
        if same_day := _SAME_DAY.search(text):
            dates = self._same_day_dates(document, span.start, same_day, dates)
        exclude = [(d.start, d.end) for d in dates if not _counts_time(d)] if dates else ()
        numbers = find_numbers(text, base=span.start, exclude=exclude)
        return tuple(dates), tuple(numbers)

    def _same_month_dates(self, document: Document, start: int, end: int,
                          dates: list[DateMention]) -> list[DateMention]:
        """A claim's dates, with "في 14 من الشهر نفسه" read against the sentences before it, which name
        that month; its other dates stay as the claim alone reads them."""
        head = max(0, start - _SAME_MONTH_REACH)
        read = find_dates(document.text[head:end], base=head, reference=document.published, date_order=self.date_order)
        repeated = [d for d in read if d.start >= start and _SAME_MONTH.search(d.text)]
        kept = [d for d in dates if not any(d.start < r.end and r.start < d.end for r in repeated)]
        for i, mention in enumerate(repeated):
            # the month of the claim's own date before it, as the claim reads it ("فجر الثامن من كانون
            # الأول، وأعيد فتح الأجواء في 14 من الشهر نفسه")
            before = [d for d in kept if d.end <= mention.start and d.granularity in ("day", "month")]
            if before and mention.granularity == "day":
                repeated[i] = replace(mention, value=before[-1].value[:7] + mention.value[7:])
        return sorted(kept + repeated, key=lambda d: d.start)

    def _same_day_dates(self, document: Document, start: int, same_day: re.Match[str],
                        dates: list[DateMention]) -> list[DateMention]:
        """"في وقت سابق من اليوم نفسه": the day the text dated last before it, in this sentence or the
        ones before (only days the claim does not already date there)."""
        at = start + same_day.start()
        if any(d.start < start + same_day.end() and at < d.end for d in dates):
            return dates
        earlier = [d for d in dates if d.end <= at and d.granularity == "day"]
        if not earlier:
            head = max(0, start - _SAME_DAY_REACH)
            earlier = [d for d in find_dates(document.text[head:start], base=head, reference=document.published,
                                             date_order=self.date_order) if d.granularity == "day"]
        if not earlier:
            return dates
        mention = DateMention(same_day.group(), at, start + same_day.end(), earlier[-1].value, "day", relative=True)
        return sorted([*dates, mention], key=lambda d: d.start)

    def chrome_dates(self, document: Document) -> list[DateMention]:
        """Dates in page chrome (an "آخر تحديث" stamp): shown with the document, never claims."""
        found = []
        for span in document.chrome:
            found += find_dates(document.text[span.start:span.end], base=span.start,
                                reference=document.published, date_order=self.date_order)
        return found


_SAME_MONTH = re.compile(r"الشهر\s+(?:نفسه|ذاته)")
_SAME_MONTH_REACH = 600  # characters before a claim searched for the month it repeats
_SAME_DAY = re.compile(r"(?<!\w)(?:اليوم\s+(?:نفسه|ذاته)|(?:نفس|ذات)\s+اليوم)(?!\w)")
_SAME_DAY_REACH = 1500  # characters before a claim searched for the day it repeats

_SPAN_OF_TIME = re.compile(r"(?:منذ|قبل|بعد|خلال)\s+(?P<span>.+)")


def _counts_time(date: DateMention) -> bool:
    """"منذ 25 عاماً", "منذ تسع سنوات" is a date (2000) and also a quantity (25 years) a claim can get
    wrong: its number stays a number.  Other dates own their digits ("8 آذار" is not the number 8)."""
    if not date.relative:
        return False
    span = _SPAN_OF_TIME.match(fold_digits(date.text))
    return span is not None and (span["span"][:1].isdigit() or bool(find_numbers(span["span"])))


_GAZETTEERS: dict[tuple[Path, ...], Gazetteer] = {}


def _gazetteer(paths: tuple[Path, ...]) -> Gazetteer:
    """One parsed gazetteer per set of files per process: loading it is the slow part of start-up."""
    if paths not in _GAZETTEERS:
        _GAZETTEERS[paths] = Gazetteer.load(paths)
    return _GAZETTEERS[paths]
