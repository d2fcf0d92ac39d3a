"""Splitting a document into claims: sentence spans with offsets into the original text.

Sentences end at . ! ? ؟ ؛ ; and line breaks, but not inside a number (35,000 or 3.5), after an
abbreviation (د. or U.S.), or inside a quotation.  Arabic writers chain clauses with "،" into very long
sentences; a long sentence is cut again at a "،" that opens a new clause (و…, مؤكداً, مشيرة …) so that a claim
states one fact, which is what cross-referencing compares."""

from __future__ import annotations

import re

from workbench.model import Document, Span
from workbench.corpus.chrome import overlaps

_TERMINATORS = set(".!?؟؛;…")
_OPEN_QUOTES = {"“": "”", "«": "»", "„": "”", "‹": "›"}
_CLOSE_QUOTES = set(_OPEN_QUOTES.values())
_ABBREVIATION = re.compile(r"(?:^|\s)(?:\w|د|م|أ|ص|ج|ت|ق|Mr|Mrs|Dr|St|No|U\.S|U\.N|etc|vs)\.$")
_LONG = 220
_MIN_PART = 60
_CLAUSE_OPENERS = re.compile(
    r"،\s*(?=(?:و|ف)\S{2,}|(?:مؤكد|مشير|مضيف|معتبر|موضح|لافت|منوه)\S*|كما\s|حيث\s|فيما\s|بينما\s|لكن|إلا\s|الا\s|بما\s)"
)
_TRIM = " \t\r\n\"'“”«»-–—•·*#>|:،,"


_SIGNIFICANT = re.compile("[.!?؟؛;…\"“”«»„‹›]")
_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() accepts


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Offsets just past each sentence end inside [start, end) (a line).  Only quote marks and
    terminators matter, so the scan jumps from one to the next."""
    ends: list[int] = []
    quote_close: str | None = None
    ascii_quote = False
    skip_to = start
    for m in _SIGNIFICANT.finditer(text, start, end):
        i = m.start()
        if i < skip_to:
            continue
        ch = text[i]
        if quote_close is None and ch in _OPEN_QUOTES:
            quote_close = _OPEN_QUOTES[ch]
        elif quote_close is not None and ch == quote_close:
            quote_close = None
        elif ch == '"':
            ascii_quote = not ascii_quote
        elif ch in _TERMINATORS and quote_close is None and not ascii_quote:
            if ch == "." and i > start and text[i - 1].isdigit() and i + 1 < end and text[i + 1].isdigit():
                continue
            if ch == "." and _ABBREVIATION.search(text[max(start, i - 6):i + 1]):
                continue
            j = i + 1
            while j < end and (text[j] in _TERMINATORS or text[j] in _CLOSE_QUOTES or text[j] in "\"')]"):
                j += 1
            ends.append(j)
            skip_to = j
    return ends


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a long sentence at clause-opening commas, keeping every part at least _MIN_PART long."""
    if end - start <= _LONG:
        return [(start, end)]
    parts, cursor = [], start
    for m in _CLAUSE_OPENERS.finditer(text, start, end):
        cut = m.start() + 1
        if cut - cursor >= _MIN_PART and end - cut >= _MIN_PART:
            parts.append((cursor, cut))
            cursor = cut
    parts.append((cursor, end))
    return parts


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def split_claims(document: Document) -> list[Span]:
    """Sentence spans outside page chrome, trimmed of surrounding quotes, bullets and spaces."""
    text = document.text
    spans: list[Span] = []
    line_start = 0
    for line in text.splitlines(keepends=True):
        line_end = line_start + len(line.rstrip("\r\n"))
        if line.strip() and not overlaps(line_start, line_end, document.chrome):  # a blank line holds no claim
            cursor = line_start
            for stop in [*_sentence_ends(text, line_start, line_end), line_end]:
                for a, b in _cut_long(text, cursor, stop):
                    a, b = _trimmed(text, a, b)
                    if b > a and _ALNUM.search(text, a, b):
                        spans.append(Span(a, b))
                cursor = stop
                if cursor >= line_end:
                    break
        line_start += len(line)
    return spans
