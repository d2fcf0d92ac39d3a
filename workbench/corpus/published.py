"""A document's own publication date: its date line or header, else a "published" field, else unknown.

Saved articles carry their date in many shapes: a line that is nothing but a date (with a weekday, a
Hijri date, a label such as "date" or "تاريخ النشر"), or a sentence near the top such as "نشر أولاً ... بتاريخ
١٠ شباط ٢٠٢٦".  An unknown date stays unknown: relative dates are then left unresolved rather than guessed."""

from __future__ import annotations

import datetime as dt
import re

from workbench.extract.dates import find_dates
from workbench.model import DateMention, Span
from workbench.text import fold

_HEAD_LINES = 8
_HEAD_CHARS = 1500
_DATE_LINE_CHARS = 120
# Words that may stand beside the date on a date line without making it a sentence.
_LABELS = re.compile(
    fold(r"\b(?:date|published|updated|تاريخ|النشر|نشر|في|بتاريخ|اخر|آخر|تحديث|هـ|ه|ﻫ|م|الموافق|مساء|صباحا|مساءً|صباحاً|am|pm)\b"),
    re.IGNORECASE,
)
_PUBLISHED_PHRASE = re.compile(fold(r"(?:نشر|نُشر|تاريخ النشر|بتاريخ|نشر بتاريخ|published)"))
# An agency dateline opening the first paragraph: a place of one to three words, a dash or comma, the
# date, an optional agency in brackets or slashes, and a dash: "بيروت - 14 آذار 2025 (رويترز) - ...".
_DATELINE_PLACE = re.compile(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*[-–—،,]\s*$")
# The cheap test before the date grammar runs: a place, a dash or comma, then a digit or a weekday and a digit.
_DATELINE_HEAD = re.compile(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*[-–—،,]\s*(?:[^\W\d_]+\s*[,،]?\s+)?\d")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,30}\)|/[^/\n]{1,30}/)?\s*[-–—:]")
_DIGIT = re.compile(r"\d")
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def _residue(line: str, mentions: list[DateMention], line_start: int) -> str:
    """What is left of a line once its dates, labels, digits and punctuation are removed."""
    chars = list(line)
    for m in mentions:
        for k in range(max(0, m.start - line_start), min(len(chars), m.end - line_start)):
            chars[k] = " "
    rest = _LABELS.sub(" ", fold("".join(chars)))
    return _NOT_LETTERS.sub(" ", rest).strip()


def find_published(text: str, chrome: tuple[Span, ...] = ()) -> tuple[dt.date, Span] | None:
    """The first full date that stands alone on one of the first lines, or follows a "published"
    phrase near the top.  Chrome lines count only as a last resort (an "آخر تحديث" stamp)."""
    stamps: list[tuple[dt.date, Span]] = []
    phrased: list[tuple[dt.date, Span]] = []
    position, seen = 0, 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        start = position
        position += len(raw)
        if not line.strip():
            continue
        seen += 1
        if seen > _HEAD_LINES or start > _HEAD_CHARS:
            break
        if len(line) > _DATE_LINE_CHARS and not _PUBLISHED_PHRASE.search(fold(line)):
            dateline = _dateline(line, start)
            if dateline:
                phrased.append(dateline)
            continue  # a long line is a sentence: its dates are claims, not the document's own date
        if not _DIGIT.search(line):
            continue  # read without a reference, a day is a date only with its year, which is digits
        mentions = [m for m in find_dates(line, base=start, reference=None) if m.granularity == "day" and not m.relative]
        if not mentions:
            continue
        if _is_dateline(line, mentions[0], start):
            phrased.append((dt.date.fromisoformat(mentions[0].value), Span(mentions[0].start, mentions[0].end)))
            continue
        gregorian = [m for m in mentions if m.calendar == "gregorian"] or mentions
        first = gregorian[0]
        found = (dt.date.fromisoformat(first.value), Span(first.start, first.end))
        in_chrome = any(s.start <= start < s.end for s in chrome)
        words_left = len(_residue(line, mentions, start).split())
        if words_left <= 2 and not in_chrome:
            return found
        if in_chrome:
            stamps.append(found)
        elif _PUBLISHED_PHRASE.search(fold(line[: first.start - start])):
            phrased.append(found)
    return (phrased or stamps or [None])[0]


def _is_dateline(line: str, mention: DateMention, line_start: int) -> bool:
    s, e = mention.start - line_start, mention.end - line_start
    return (mention.calendar == "gregorian" and 0 < s <= 40 and _DATELINE_PLACE.fullmatch(line, 0, s) is not None
            and _DATELINE_AFTER.match(line, e) is not None)


def _dateline(line: str, line_start: int) -> tuple[dt.date, Span] | None:
    """The date of a dateline that opens a long first-paragraph line, if the line has one."""
    if not _DATELINE_HEAD.match(line):
        return None
    head = line[:100]
    mentions = [m for m in find_dates(head, base=line_start, reference=None) if m.granularity == "day" and not m.relative]
    if mentions and _is_dateline(line, mentions[0], line_start):
        return dt.date.fromisoformat(mentions[0].value), Span(mentions[0].start, mentions[0].end)
    return None
