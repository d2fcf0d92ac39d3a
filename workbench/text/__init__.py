"""Arabic normalisation for matching.

Matching needs one spelling for many: أ/إ/آ/ا, ى/ي, ة/ه, diacritics, tatweel, Arabic-Indic digits,
curly quotes and dashes.  Every function here is length-preserving where it says so, so that an offset
found in normalised text is the same offset in the original; the original text is never altered.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# One character in, one character out: safe for offsets.
_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}
_DIGITS |= {ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")}
_SEPARATORS = {ord("٫"): ".", ord("٬"): ",", ord("،"): "،"}
_LETTERS = {
    ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا", ord("ٱ"): "ا",
    ord("ى"): "ي", ord("ئ"): "ي", ord("ؤ"): "و", ord("ة"): "ه",
    ord("ک"): "ك", ord("ی"): "ي", ord("ﻫ"): "ه",
}
_PUNCT = {
    ord("“"): '"', ord("”"): '"', ord("„"): '"', ord("«"): '"', ord("»"): '"',
    ord("‘"): "'", ord("’"): "'", ord("‚"): "'",
    ord("–"): "-", ord("—"): "-", ord("‐"): "-", ord("‑"): "-", ord("−"): "-",
    ord("\u00a0"): " ", ord("\u202f"): " ", ord("\u2009"): " ",
}
_FOLD_SAME_LENGTH = _DIGITS | _SEPARATORS | _LETTERS | _PUNCT


def _as_table(mapping: dict[int, str]) -> list[str]:
    """str.translate indexes a list faster than it looks up a dict; characters past the table's end
    raise IndexError inside translate, which leaves them unchanged."""
    table = [chr(i) for i in range(0x10000)]
    for code, replacement in mapping.items():
        table[code] = replacement
    return table


_FOLD_TABLE = _as_table(_FOLD_SAME_LENGTH)
_DIGIT_TABLE = _as_table(_DIGITS | _SEPARATORS)
# Marks that carry no meaning for matching: harakat, tatweel, and bidi / zero-width controls.
MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)


def fold_digits(text: str) -> str:
    """Arabic-Indic and Persian digits (and ٫ ٬) to ASCII; same length as the input."""
    return text.translate(_DIGIT_TABLE)


# Every character fold changes, with its replacement.  No replacement is itself replaced, so replacing
# them one after the other gives what the table gives, in any order.
_FOLD_PAIRS = tuple((chr(code), new) for code, new in _FOLD_SAME_LENGTH.items() if chr(code) != new)
assert not {new for _, new in _FOLD_PAIRS} & {old for old, _ in _FOLD_PAIRS}
# Above this length, looking for each of the few changed characters (a fast scan in C) beats translate,
# which looks every character of non-ASCII text up one by one.
_FOLD_BY_REPLACE = 48


def fold(text: str) -> str:
    """Same-length folding of letters, digits, quotes and dashes: ``fold(text)[i]`` lines up
    with ``text[i]``.  Diacritics and tatweel stay; :func:`offset_map` drops them with a map back."""
    if len(text) < _FOLD_BY_REPLACE:
        return text.translate(_FOLD_TABLE)
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


def offset_map(text: str) -> tuple[str, list[int]]:
    """Fold and drop marks, returning the folded text and, for each of its characters, the
    offset of the character it came from in ``text`` (plus a final entry for the end)."""
    folded = fold(text)
    if MARKS.search(folded) is None:
        return folded, list(range(len(text) + 1))
    where: list[int] = []
    kept = 0
    for mark in MARKS.finditer(folded):
        where.extend(range(kept, mark.start()))
        kept = mark.end()
    where.extend(range(kept, len(text)))
    where.append(len(text))
    return MARKS.sub("", folded), where


@lru_cache(maxsize=1 << 17)
def normalise(text: str) -> str:
    """The matching key of a text: folded, marks dropped, punctuation to spaces, lower case,
    white space collapsed.  Not offset-preserving; use for comparison only.  Cached: extraction,
    cross-referencing and the rules each ask for the same claims' keys."""
    text = unicodedata.normalize("NFKC", text)
    text = MARKS.sub("", fold(text)).lower()
    text = _NON_WORD.sub(" ", text)
    return " ".join(text.split())  # what re.sub(r"\s+", " ", text).strip() gives, three times faster


# Clitics that attach to the front of an Arabic word: و (and), ف (so), ب (with), ل (for), ك (as), ال (the).
_PREFIX = re.compile(r"^(?:و|ف)?(?:لل|(?:ب|ل|ك)?ال)")


@lru_cache(maxsize=1 << 16)
def strip_clitics(token: str) -> str:
    """A light stem for blocking and keywords: drop a leading conjunction, preposition and article
    (وبالاتفاق -> اتفاق), never below three letters.  A bare و is kept: it begins many words (وزير)."""
    if not token or not token[0].isalpha() or token.isascii():
        return token
    m = _PREFIX.match(token)
    if m and m.end() and len(token) - m.end() >= 3:
        return token[m.end():]
    return token


def tokens(text: str) -> list[str]:
    """Normalised tokens with clitics stripped."""
    return [strip_clitics(t) for t in normalise(text).split()]
