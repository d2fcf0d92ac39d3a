"""From a document to its claims, each with the dates, numbers and entities it states."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from workbench.config import Config
from workbench.corpus.split import split_claims
from workbench.extract.dates import find_dates
from workbench.extract.entities import Gazetteer
from workbench.extract.numbers import find_numbers
from workbench.model import Claim, DateMention, Document, NumberMention, Span, stable_id
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
        spans = split_claims(document)
        texts = [document.text[span.start:span.end] for span in spans]
        folded = fold(document.text)  # same length as the text: one fold for the document, sliced per claim
        # Dates and numbers for every sentence, then entities for every sentence: each finder keeps its
        # patterns and tables warm in the processor's caches for a whole document (a few percent faster
        # than taking the finders in turn sentence by sentence).
        dates_numbers = [self._dates_and_numbers(text, span, document.published, folded) for text, span in zip(texts, spans)]
        entities = [self.gazetteer.find(text, base=span.start) for text, span in zip(texts, spans)]
        claims = []
        seen: dict[str, int] = {}
        for text, span, (dates, numbers), found in zip(texts, spans, dates_numbers, entities):
            key = normalise(text)
            occurrence = seen.get(key, 0)
            claims.append(Claim(claim_id(document.id, key, occurrence), document.id, span.start, span.end, text,
                                dates, numbers, tuple(found)))
            seen[key] = occurrence + 1
        return claims

    def _dates_and_numbers(self, text: str, span: Span, published: dt.date | None,
                           folded: str) -> tuple[tuple[DateMention, ...], tuple[NumberMention, ...]]:
        """One claim's dates and numbers (the number finder reuses the view the date finder made)."""
        dates = find_dates(text, base=span.start, reference=published, date_order=self.date_order,
                           folded=folded[span.start:span.end])
        numbers = find_numbers(text, base=span.start, exclude=[(d.start, d.end) for d in dates if not _counts_time(d)])
        return tuple(dates), tuple(numbers)

    def chrome_dates(self, document: Document) -> list[DateMention]:
        """Dates in page chrome (an "آخر تحديث" stamp): shown with the document, never claims."""
        found = []
        for span in document.chrome:
            found += find_dates(document.text[span.start:span.end], base=span.start,
                                reference=document.published, date_order=self.date_order)
        return found


_SPAN_OF_TIME = re.compile(r"(?:منذ|قبل|بعد|خلال)\s+\d")


def _counts_time(date: DateMention) -> bool:
    """"منذ 25 عاماً" is a date (2000) and also a quantity (25 years) a claim can get wrong: its number
    stays a number.  Other dates own their digits ("8 آذار" is not the number 8)."""
    return date.relative and _SPAN_OF_TIME.match(fold_digits(date.text)) is not None


_GAZETTEERS: dict[tuple[Path, ...], Gazetteer] = {}


def _gazetteer(paths: tuple[Path, ...]) -> Gazetteer:
    """One parsed gazetteer per set of files per process: loading it is the slow part of start-up."""
    if paths not in _GAZETTEERS:
        _GAZETTEERS[paths] = Gazetteer.load(paths)
    return _GAZETTEERS[paths]
