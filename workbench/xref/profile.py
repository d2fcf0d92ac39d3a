"""What cross-referencing compares: each claim reduced to keys (content stems, entity ids, date and
number values, and what its figures count or rank), the event kinds it names, and the spans of time
its dates cover."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from workbench.model import Claim, NumberMention
from workbench.rules.mentions import casualty_sense, counts_others, unit_key
from workbench.text import normalise, strip_clitics
from workbench.xref.words import LASTING_COUNTS, NOT_RANKS, RANK_NOUNS, STOP_WORDS, event_kind, is_number, word_stem

# How much a shared key of each kind counts, on top of its rarity: naming the same entity or the
# same day is stronger evidence than sharing a word; sharing only a month or a bare number is weaker.
# Counting or ranking the same thing (seats, members, dollars) is as telling as naming the same entity.
KIND_WEIGHTS = {"w": 1.0, "e": 1.6, "d": 1.6, "m": 0.6, "n": 1.0, "q": 1.6}


@dataclass(frozen=True, slots=True)
class Profile:
    """One claim as cross-referencing sees it.  ``keys`` are prefixed by kind: ``w:`` stem,
    ``e:`` entity id, ``d:`` day, ``m:`` month, ``n:`` number value, ``q:`` what a figure counts or
    ranks (``q:rank:member``, ``q:count:seat``)."""

    text: str  # the content stems joined by spaces: what the fuzzy scorer reads
    keys: frozenset[str]
    events: frozenset[str]
    spans: tuple[tuple[int, int], ...]  # day/month dates as (first, last) ordinal days
    # The ``q:`` keys of lasting figures (a rank, a count of seats or members): a state of things that
    # reports made months apart restate, so sharing one links claims whatever their dates.
    lasting: frozenset[str] = frozenset()

    @property
    def signature(self) -> tuple:
        """Claims with the same signature score the same against everything: blocked once."""
        return (self.text, self.keys, self.spans)


@lru_cache(maxsize=1 << 20)
def _content_stem(raw: str) -> str | None:
    """The stem of a normalised token, or None for a stop word."""
    token = word_stem(raw)
    if token in STOP_WORDS or raw in STOP_WORDS or len(token) < 2:
        return None
    return token


@lru_cache(maxsize=1 << 20)
def _word_key(token: str) -> str | None:
    return None if is_number(token) else "w:" + token


def profile(claim: Claim) -> Profile:
    # Per token, only cached lookups mapped at C speed: profiles are built for every claim.
    raws = normalise(claim.text).split()
    words = list(filter(None, map(_content_stem, raws)))
    if claim.dates and not claim.entities and words and _date_line(claim):
        words = []  # a bare date line states no fact: its month names are no words to link it by
    keys = set(map(_word_key, words))
    keys.discard(None)
    events = set(map(event_kind, raws))
    events.discard(None)
    if events and claim.numbers:
        # A counted noun names no event: "140 عضوا" counts members, it reports no joining.
        counted = {normalise(n.unit) for n in claim.numbers if n.unit and not n.ordinal}
        events = {kind for kind in map(event_kind, (raw for raw in raws if raw not in counted)) if kind}
    keys.update("e:" + e.id for e in claim.entities)
    spans: list[tuple[int, int]] = []
    for mention in claim.dates:
        span = _span(mention.value, mention.granularity)
        if span is None:
            continue
        spans.append(span)
        keys.add("m:" + mention.value[:7])
        if mention.granularity == "day":
            keys.add("d:" + mention.value)
    keys.update("n:" + _number_key(n.value) for n in claim.numbers)
    lasting: set[str] = set()
    for number in claim.numbers:
        figure = _figure(claim, number)
        if figure is not None:
            slot, value, lasts = figure
            keys.update((slot, "n:" + _number_key(value)))
            if slot.startswith("q:rank"):
                keys.add("q:rank")  # ranking anything at all: 5th in the world, 10th place
            if lasts:
                lasting.add(slot)
    return Profile(" ".join(words), frozenset(keys), frozenset(events), tuple(sorted(set(spans))),
                   frozenset(lasting))


def _date_line(claim: Claim) -> bool:
    """A claim that is nothing but dates ("الاثنين 8 جمادى الآخرة 1446 هـ - 9 كانون الأول 2024"): no
    content word outside its date mentions."""
    text, at = [], claim.start
    for mention in sorted(claim.dates, key=lambda m: m.start):
        if claim.text[mention.start - claim.start:mention.end - claim.start] != mention.text:
            return False  # offsets that are not into this text (a claim rewritten without its mentions)
        text.append(claim.text[max(0, at - claim.start):max(0, mention.start - claim.start)])
        at = max(at, mention.end)
    text.append(claim.text[max(0, at - claim.start):])
    return not any(map(_content_stem, normalise(" ".join(text)).split()))


def _figure(claim: Claim, number: NumberMention) -> tuple[str, float | int, bool] | None:
    """(slot key, value, whether it lasts) of a number that counts or ranks something.  A rank is an
    ordinal, or "N others" (89 دولة أخرى: the subject is the 90th); ranks of one thing under another
    noun (the 90th state, member, partner) share a slot, and only a rank of a named thing lasts.
    Counts are keyed by their unit as number-conflict reads it (مقاعد / مقعدا -> seat; "وفاة عشرة"
    counts the dead)."""
    noun = strip_clitics(normalise(number.unit)) if number.unit else ""
    others = not number.ordinal and counts_others(claim, number)
    if number.ordinal or others:
        value = number.value + 1 if others else number.value
        if value < 2 or noun in NOT_RANKS:
            return None
        named = RANK_NOUNS.get(noun, unit_key(number.unit) or "")
        return ("q:rank:" + named if named else "q:rank"), value, bool(named)
    unit = unit_key(number.unit)
    if unit is None or unit == "person":
        unit = casualty_sense(claim, number) or unit
    if not unit:
        return None
    return "q:count:" + unit, number.value, unit in LASTING_COUNTS


def _number_key(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _span(value: str, granularity: str) -> tuple[int, int] | None:
    """The days a date covers.  Year-only dates are left out: a year is usually background (founded
    in 2014), not the day of the event, so it must not keep two reports of one event apart."""
    try:
        if granularity == "day":
            day = dt.date.fromisoformat(value).toordinal()
            return day, day
        if granularity == "month":
            year, month = int(value[:4]), int(value[5:7])
            first = dt.date(year, month, 1)
            following = dt.date(year + (month == 12), month % 12 + 1, 1)
            return first.toordinal(), following.toordinal() - 1
    except ValueError:
        return None
    return None
