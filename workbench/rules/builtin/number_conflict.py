"""number-conflict: claims about one fact (one cluster) that give different quantities or ranks.

Numbers are compared only when they count or rank the same thing:
- a *rank* is an ordinal (التسعين), a number after رقم (رقم 90), a number right after its noun with
  nothing counted after it (كعضو 90), or "N others" (89 دولة أخرى), which makes the subject the (N+1)th;
- a *count* is compared only with a count of the same unit or counted noun (35,000 طن vs 20,000 طن);
  counts without a unit only when the same noun stands right before them (القرار 2254 / القرار 2245);
  a casualty count takes what it counts from the verb before it ("وأصيب 63 آخرون" counts the wounded);
- two numbers tied to different places (an appeal for Syria, another for Turkey) count different things;
  a number with no place beside it is tied to the places its document names.
A clock time (الساعة الرابعة), a score (4-2) and a year in figures (كأس العالم 2034، نسخة 2030) are
neither; time gone by (اليوم الثالث من الهدنة، الذكرى الخامسة، بعد ثلاثة أيام من) grows with the date of
writing and is compared only between reports written the same day; the value a figure changed from
(تراجع الإنتاج من 9000 ميغاواط) is the state before, not the claim's figure; an accusative noun after a
number (119 فائزاً) is what it counts; numbered texts of different years (القانون رقم 8 لسنة 1996، رقم 6
لسنة 2010) are different texts.  A count the claim says "rose to" (ارتفعت
الحصيلة إلى) grows as a story goes on, and so does a toll first given as a lower bound or a preliminary
figure (قتل 100 على الأقل، حصيلة أولية): a larger count in a document published later than the other is
then the story's progress, not a conflict.  A later, larger toll with neither sign still conflicts.
Figures of a claim that names an edition (نسخة 2034) and of one anchored to another year (by its
edition or its first written date) belong to two editions and are not compared.
A value the other claim also gives (as a rank, or as a count of any unit) is accounted for and never
conflicts; an approximate number (نحو، قرابة) may differ by ``approximate_tolerance``, and a bound
(أكثر من 35، لم يتجاوز 49) agrees with numbers on its side up to ``bound_slack`` beyond it.
Spans of time (14 عاماً، منذ 25 عاماً) are compared only when the words around them are alike, since
one article holds many.  Ordinals of stages (المرحلة الثانية من العقوبات) rank the series they are
stages of.  With ``anchors`` on, a lasting count (a body's members or seats) is also compared with
one in another document, outside the clusters, that the same words introduce, when the two documents
name something in common.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from workbench.model import Claim, NumberMention
from workbench.text import normalise
from workbench.rules.base import Hit, Kind, Option, Rule, RuleContext
from workbench.rules.builtin.common import cluster_conflicts, conflict_hit
from workbench.rules.builtin.date_conflict import day_range, different_occasions, event_kinds
from workbench.text import strip_clitics
from workbench.xref.words import LASTING_COUNTS, RANK_NOUNS
from workbench.rules.mentions import (
    OTHERS, REPORTING, STOPWORDS, WAS, casualty_sense, content_tokens, context as words_around, counts_others, hedge,
    known_unit, looks_back, places_near,
    names_in, overlap, pairs_sharing_a_word, raw_words_after, raw_words_before, same_anchor, same_unit, same_word,
    unit_key, words_before,
)


OPTIONS = {
    "approximate_tolerance": Option(float, 0.1, "relative difference allowed for an approximate number or a bound"),
    "bound_slack": Option(float, 0.5, "how far beyond a bound (more than 35) a number still agrees with it"),
    "compare_ranks": Option(bool, True, "compare ordinals and ranks (90th vs 89th)"),
    "compare_counts": Option(bool, True, "compare quantities of the same unit"),
    "same_document": Option(bool, True, "also compare two claims of one document"),
    "anchors": Option(bool, True, "also compare lasting counts (members, seats) introduced by the same phrase, "
                                  "and one event's tolls, in unclustered claims"),
}


@dataclass(frozen=True, slots=True)
class Reading:
    """A number as the rule reads it: a rank or a count, its effective value and what it is about."""

    mention: NumberMention
    role: str  # "rank" | "count"
    value: float
    unit: str | None
    noun: str | None  # the content word right before the number
    hedge: str | None  # "about", "at least", "at most"
    following: tuple[str, ...] = ()  # the words right after it ("900 ألف جنيه استرليني")
    of_year: str | None = None  # the year of a numbered text: "رقم 12 لسنة 2018"
    series: str | None = None  # what a stage ordinal's stages are of: "المرحلة الثانية من العقوبات" -> عقوبات

    @property
    def shown(self) -> str:
        value = int(self.value) if float(self.value).is_integer() else self.value
        return _ordinal(value) if self.role == "rank" else (f"{value} {self.unit}" if self.unit else str(value))


def _ordinal(value) -> str:
    """1st, 2nd, 3rd, 11th, 90th, 102nd."""
    if not isinstance(value, int):
        return f"{value}th"
    suffix = "th" if value % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


_HOUR = normalise("الساعة")
_OF_YEAR = frozenset(normalise(w) for w in "لسنة لعام لسنه".split())
_SCORE = re.compile(r"\s?[-–:]\s?\d")
GROWING_UNITS = frozenset({"killed", "injured", "person", "civilian", "child", "soldier", "displaced", "refugee"})
PRELIMINARY = frozenset(normalise(w) for w in "أولية اولية أولي اولي مبدئية مبدئي".split())
RISE_WORDS = frozenset(normalise(w) for w in """
    ارتفع ارتفعت يرتفع ترتفع ارتفاع وارتفع وارتفعت لترتفع ليرتفع تجاوزت تخطت قفزت زادت
""".split())


def _edition_year(number: NumberMention) -> bool:
    """A year in figures after a noun (كأس العالم 2034، نسخة 2030، مونديال قطر 2022) names an edition
    or a year, not the 2034th of anything (no rank is written so) nor a count of nothing named."""
    return (number.text.isdigit() and len(number.text) == 4 and 1900 <= number.value <= 2100
            and (number.ordinal or not number.unit))


CHANGE_WORDS = frozenset(normalise(w) for w in """
    تراجع تراجعت انخفض انخفضت هبط هبطت تقلص تقلصت ارتفع ارتفعت زاد زادت قفز قفزت صعد صعدت نزل نزلت
""".split())
_FROM = normalise("من")
_TO = frozenset(normalise(w) for w in "إلى الى".split())
_FROM_HEDGES = frozenset(normalise(w) for w in "من أكثر اكثر نحو حوالي قرابة زهاء أقل اقل".split())


def _former(claim: Claim, number: NumberMention) -> bool:
    """The value a figure changed *from* ("تراجع الإنتاج من أكثر من 9000 ميغاواط"): the state of things
    before, which the claim does not assert as its fact."""
    words = raw_words_before(claim, number.start, 5)
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in CHANGE_WORDS or (word[:1] in ("و", "ف") and word[1:] in CHANGE_WORDS):
            rest = words[i + 1:]
            subject = [w for w in rest if w not in _FROM_HEDGES]
            return (_FROM in rest and not _TO & set(rest) and len(subject) <= 1 and rest[-1] in _FROM_HEDGES)
    return False


def read(claim: Claim, number: NumberMention) -> Reading | None:
    """The number as a rank or a count, or None when it is neither (a clock time, a score, a year)."""
    before = raw_words_before(claim, number.start, 1)
    if before and before[0] == _HOUR and number.ordinal:
        return None  # "الساعة الرابعة": a time of day
    if _SCORE.match(claim.text[number.end - claim.start:]) or (
            number.start - claim.start >= 2 and re.search(r"\d\s?[-–:]\s?$", claim.text[:number.start - claim.start])):
        return None  # "4-2": a score or a range
    noun = (words_before(claim, number.start, 1) or [None])[0]
    bound = hedge(claim, number)
    following = tuple(raw_words_after(claim, number.end, 2))
    if not number.ordinal and _former(claim, number):
        return None  # "تراجع الإنتاج من 9000 ميغاواط": the value before a change
    if _in_quoted_name(claim, number):
        return None  # "عملية "الوعد الصادق 3"": the number of a name
    if before and before[0] != "رقم" and _edition_year(number):
        return None  # "كأس العالم 2034", "نسخة 2030": the year of an edition
    if not number.ordinal and number.value == 2 and normalise(number.text).startswith("ال") \
            and normalise(number.text).endswith(("ين", "ان")):
        return None  # "حل الدولتين", "البلدين": a definite dual names a known pair, it counts nothing
    if number.ordinal or (before and before[0] == "رقم"):
        year = raw_words_after(claim, number.end, 3)
        of_year = year[1] if len(year) > 1 and year[0] in _OF_YEAR and year[1].isdigit() else None
        return Reading(number, "rank", float(number.value), None, noun, bound, of_year=of_year,
                       series=_series(claim, number))
    if counts_others(claim, number):
        return Reading(number, "rank", float(number.value) + 1, None, unit_key(number.unit), bound)
    unit = number.unit if number.unit and not _is_others(number.unit) else None
    unit = unit or (following[0] if following and known_unit(following[0]) else None)
    if not unit and noun is not None and known_unit(noun):
        unit = noun  # "مقتل 10": the noun before names what is counted
    if not unit and following and _counted(following[0]):
        unit = following[0]  # "119 فائزاً": the accusative noun after a number is what it counts
    if not unit and noun is not None and before and _label(before[0]):
        return Reading(number, "rank", float(number.value), None, noun, bound)
    if unit is None or unit_key(unit) == "person":
        unit = casualty_sense(claim, number) or unit
    return Reading(number, "count", float(number.value), unit_key(unit), noun, bound, following)


# Nouns that number the steps of something else: "the second stage of the sanctions" and "the first
# package of sanctions" rank one series, the sanctions.
_STAGES = frozenset(strip_clitics(normalise(w)) for w in "مرحلة حزمة دفعة جولة موجة شريحة".split())


def _series(claim: Claim, number: NumberMention) -> str | None:
    """For an ordinal of a stage noun, the noun its stages are of, after "من" or joined by "لل" ("المرحلة
    الثانية من العقوبات"، "المرحلة الأولى للعقوبات"، "المرحلة الثالثة من اتفاق غزة").  In construct the ordinal
    comes last and already ranks the series ("حزمة العقوبات الأولى": its unit is العقوبات)."""
    ranked = number.unit or (words_before(claim, number.start, 1) or [None])[0]
    if not number.ordinal or ranked is None or strip_clitics(normalise(ranked)) not in _STAGES:
        return None
    after = raw_words_after(claim, number.end, 2)
    if len(after) == 2 and after[0] == _FROM and after[1] not in STOPWORDS:
        return strip_clitics(after[1])
    return strip_clitics(after[0]) if after and after[0].startswith("لل") else None


_QUOTED_END = re.compile(r"[\"”»]")


def _in_quoted_name(claim: Claim, number: NumberMention) -> bool:
    """The number ends a quoted name ("الوعد الصادق 3"): a quote opens a few words before it and closes
    right after it."""
    start, end = number.start - claim.start, number.end - claim.start
    if not _QUOTED_END.match(claim.text, end):
        return False
    before = claim.text[max(0, start - 40):start]
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”") or before.rfind("«") > before.rfind("»")


def _staged(claim: Claim) -> bool:
    """The claim ranks a stage of what it reports ("حصيلة الموجة الثانية", "المرحلة الأولى من الاتفاق"):
    its counts are that stage's, not those of a claim that names no stage."""
    return any(number.ordinal and strip_clitics(normalise(number.unit or "")) in _STAGES for number in claim.numbers)


def _over_days(claim: Claim) -> bool:
    """The claim dates what it counts by a span of days ("يومي 17 و18 أيلول"): a total over them, not one
    day's count."""
    return any(day_range(claim, d) is not None for d in claim.dates)


def _counted(word: str) -> bool:
    """An indefinite accusative noun (فائزاً، مرشحاً), as Arabic puts what a number counts after it."""
    return (len(word) > 3 and word.endswith("ا") and not word.startswith("ال") and word not in STOPWORDS
            and not word.isdigit())


def _is_others(unit: str) -> bool:
    return normalise(unit) in OTHERS


# Nouns of numbered texts: one article may cite several ("القرار 2254 … القرار 2799").
_TEXTS = frozenset(strip_clitics(normalise(w)) for w in "قرار مادة بند فقرة قانون مرسوم".split())


def _numbered_text(claim: Claim, reading: Reading) -> bool:
    """The number names a text: "القرار 1267", "القرار رقم 2799"."""
    return any(strip_clitics(w) in _TEXTS for w in words_before(claim, reading.mention.start, 2))


def _label(word: str) -> bool:
    """A noun right before a bare number labels it (العضو 90, كعضو 90): definite or with ك."""
    return word.startswith(("ال", "كال", "ك", "لل")) and len(word) > 3


def _equal(x: Reading, y: Reading, tolerance: float, slack: float) -> bool:
    """Equal, or within reach of a hedge: an approximate number (or two bounds the same way) by the
    tolerance; a bound ("more than 35") agrees with numbers on its side up to ``slack`` beyond it, an
    approximate one ("about 50") included."""
    if x.value == y.value:
        return True
    if "about" in (x.hedge, y.hedge) or (x.hedge and x.hedge == y.hedge):
        if abs(x.value - y.value) <= tolerance * max(abs(x.value), abs(y.value)):
            return True
    for a, b in ((x, y), (y, x)):
        if a.hedge == "at least" and a.value * (1 - tolerance) <= b.value <= a.value * (1 + slack):
            return True
        if a.hedge == "at most" and a.value * (1 - slack) <= b.value <= a.value * (1 + tolerance):
            return True
    return False


def _comparable(x: Reading, y: Reading) -> bool:
    if x.role != y.role:
        return False
    if x.of_year and y.of_year and x.of_year != y.of_year:
        return False  # "القانون رقم 8 لسنة 1996" / "رقم 6 لسنة 2010": two numbered things, not one
    if x.role == "count":
        if x.unit and y.unit:
            return (same_unit(x.unit, y.unit) or any(same_unit(x.unit, w) for w in y.following)
                    or any(same_unit(y.unit, w) for w in x.following))
        same_noun = x.noun is not None and y.noun is not None and same_word(x.noun, y.noun)
        if x.unit or y.unit:
            return same_noun
        next_word = bool(x.following and y.following) and x.following[0] == y.following[0] \
            and x.following[0] not in STOPWORDS
        return same_noun or next_word
    return _same_ranked(x, y)


def _ranked(reading: Reading) -> str | None:
    """What an ordinal ranks: its counted noun, else the noun right before it ("عامها الثاني")."""
    if not reading.mention.ordinal:
        return None
    if reading.series:
        return reading.series
    word = reading.mention.unit or reading.noun
    return strip_clitics(normalise(word)) if word else None


def _same_ranked(x: Reading, y: Reading) -> bool:
    """Two ordinals rank the same thing unless each names what it ranks and the two differ: "الأيام
    الأولى" (the early days) and "الذكرى الثانية" (the second anniversary) are not first and second of
    one thing; "الدولة التسعين" and "العضو التسعين" are (RANK_NOUNS)."""
    a, b = _ranked(x), _ranked(y)
    if not a or not b:
        return True
    return same_word(a, b) or (a in RANK_NOUNS and RANK_NOUNS.get(a) == RANK_NOUNS.get(b))


def _different_places(a: Claim, x: Reading, b: Claim, y: Reading,
                      places_of: Callable[[Claim], set[str]] = lambda claim: set()) -> bool:
    """Each number is tied to a place the other claim never names: they count different things.  A
    number with no place beside it is tied to its document's places, when the other number's place is
    none of them (18 million in need in Yemen; 12.5 million displaced, in an article about Sudan); two
    numbers with no place beside them, when their documents name places but none in common."""
    near_a, near_b = places_near(a, x.mention), places_near(b, y.mention)
    if not near_a and not near_b:  # two documents that name places, none in common, report on two places
        doc_a, doc_b = places_of(a), places_of(b)
        return bool(doc_a and doc_b) and not doc_a & doc_b
    all_a, all_b = {e.id for e in a.entities}, {e.id for e in b.entities}
    if not near_a:
        near_a = places_of(a)
        all_a |= near_a
    elif not near_b:
        near_b = places_of(b)
        all_b |= near_b
    if not near_a or not near_b:
        return False
    return not (near_a & all_b) and not (near_b & all_a)


_RISE_REACH = 20  # words before a toll in which "ارتفعت الحصيلة" governs it (the event's description between)


def _rising(a: Claim, x: Reading, b: Claim, y: Reading, published: Callable[[Claim], object]) -> bool:
    """``y`` is a larger count than ``x`` given later, and one side says the count was growing: ``y``'s
    claim says it rose (ارتفعت الحصيلة إلى), or ``x`` was a lower bound, a preliminary toll or one still
    rising of the killed or wounded (قتل 100 على الأقل، حصيلة أولية، ارتفعت الحصيلة إلى 154), which any
    later, larger toll agrees with."""
    pa, pb = published(a), published(b)
    if not y.value > x.value or a.doc != b.doc and (pa is None or pb is None or not pb > pa):
        return False  # in one article, the toll it updates ("بعدما كانت الحصيلة الأولى ثمانية قتلى")
    if RISE_WORDS & set(raw_words_before(b, y.mention.start, _RISE_REACH)):
        return True
    growing = x.unit in GROWING_UNITS or y.unit in GROWING_UNITS
    if growing and RISE_WORDS & set(raw_words_before(a, x.mention.start, _RISE_REACH)):
        return True
    preliminary = bool(PRELIMINARY & set(raw_words_after(a, x.mention.end, 12) + raw_words_before(a, x.mention.start, 12)))
    return growing and (x.hedge == "at least" or preliminary)


TIME_UNITS = frozenset({"year", "month", "week", "day"})
_TIME_RANKED = frozenset(strip_clitics(normalise(w)) for w in "يوم أسبوع شهر عام سنة ذكرى ذكري".split())
_ELAPSED = frozenset(normalise(w) for w in "بعد منذ مرور قبل".split())


def _elapsed(claim: Claim, reading: Reading) -> bool:
    """Time gone by as of the writing: the Nth day, week or anniversary (اليوم الثالث من الهدنة،
    الذكرى الخامسة) or N days since something (بعد ثلاثة أيام من، بعد مرور ثمانية أيام على).  It grows
    with the date of writing, so two reports written on different days give it different values."""
    if reading.role == "rank":
        ranked = _ranked(reading)
        return ranked is not None and (ranked in _TIME_RANKED or unit_key(ranked) in TIME_UNITS)
    before = raw_words_before(claim, reading.mention.start, 4)  # "منذ أكثر من 35 عاماً"
    return reading.unit in TIME_UNITS and bool(_ELAPSED & ({*before} | {strip_clitics(w) for w in before}))


_MAGNITUDE = 10  # a misreported count gets a digit wrong or drops a zero, not more


def _magnitudes_apart(x: Reading, y: Reading) -> bool:
    """Two counts more than tenfold apart, in one article or in two written on different days (210
    members of a parliament and 6000 members of its electoral colleges; 115 new pounds and 11,200 old
    ones), count different things, unless their digits are the same: 50 million against 50 billion, or
    165,000 against 165, is the scale word or zeros misreported.  (Two reports of one day that differ
    tenfold, 22 million views against 500 million, are a conflict: the caller asks only otherwise.)"""
    low, high = sorted((abs(x.value), abs(y.value)))
    return low > 0 and high > _MAGNITUDE * low and _significant_digits(low) != _significant_digits(high)


def _significant_digits(value: float) -> tuple[int, ...]:
    """The digits of a number without its scale: 50, 50,000 and 50 billion all give (5,)."""
    return Decimal(str(value)).normalize().as_tuple().digits


def _other_members(ra: list[Reading], rb: list[Reading]) -> bool:
    """The two claims give one series different ordinals ("أول قافلة" / "القافلة الرابعة"): their counts
    are of two members of it (the first convoy's 32 lorries, the fourth's 40), not one fact."""
    for x in ra:
        if x.role != "rank" or not x.mention.ordinal or not _ranked(x):
            continue
        for y in rb:
            if (y.role == "rank" and y.mention.ordinal and _ranked(y) and x.value != y.value
                    and same_word(_ranked(x), _ranked(y))):
                return True
    return False


def _anchor_year(claim: Claim) -> tuple[str | None, bool]:
    """The year a claim's figures belong to: the first edition year it names ("وستكون نسخة 2034 ...
    بمشاركة 48 منتخباً"), else the year of its first written date; and whether it named an edition."""
    editions = sorted((n for n in claim.numbers if _edition_year(n)), key=lambda n: n.start)
    if editions:
        return str(int(editions[0].value)), True
    dated = [d for d in claim.dates if not d.relative and d.calendar == "gregorian" and d.value[:4].isdigit()]
    return (min(dated, key=lambda d: d.start).value[:4], False) if dated else (None, False)


def _other_editions(a: Claim, b: Claim) -> bool:
    """One claim anchors its figures to an edition or year ("نسخة 2034") and the other to another year
    (a tournament that opened on 20 November 2022): counts of two editions, not one count given twice."""
    (year_a, edition_a), (year_b, edition_b) = _anchor_year(a), _anchor_year(b)
    return (edition_a or edition_b) and year_a is not None and year_b is not None and year_a != year_b


def _day(claim: Claim) -> dt.date | None:
    """The one day a claim dates what it reports by, if it gives exactly one."""
    days = {d.value for d in claim.dates if d.granularity == "day"}
    return dt.date.fromisoformat(days.pop()) if len(days) == 1 else None


def _days_apart(days_a: set[dt.date], days_b: set[dt.date]) -> bool:
    """Every day of one side is more than a week from every day of the other: figures of two occasions
    (two votes, two tolls), not one figure given twice."""
    return bool(days_a and days_b) and all(abs((x - y).days) > _OTHER_DAY_GAP for x in days_a for y in days_b)


def _other_days(a: Claim, b: Claim) -> bool:
    day_a, day_b = _day(a), _day(b)
    return day_a is not None and day_b is not None and _days_apart({day_a}, {day_b})


_OTHER_DAY_GAP = 7


def _pair(a: Claim, ra: list[Reading], b: Claim, rb: list[Reading], tolerance: float,
          slack: float, published: Callable[[Claim], object] = lambda claim: None,
          places_of: Callable[[Claim], set[str]] = lambda claim: set()) -> list[tuple[Reading, Reading]]:
    open_a = [x for x in ra if not any(x.role == y.role and _equal(x, y, tolerance, slack) for y in rb)]
    open_b = [y for y in rb if not any(x.role == y.role and _equal(x, y, tolerance, slack) for x in ra)]
    if different_occasions(a, b, published(a), published(b)):
        return []  # the first convoy today, the fourth on a day after this report: two occasions
    if _other_editions(a, b):
        return []  # 48 teams in the 2034 edition, 32 in the one of 2022
    if _other_days(a, b):
        return []  # 84 votes at the designation on 13 January, 95 at the confidence vote on 26 February
    found = []
    series = None
    for x in open_a:
        for y in open_b:
            if not _comparable(x, y) or _different_places(a, x, b, y, places_of):
                continue
            if a.doc == b.doc and x.role == y.role == "rank" and _numbered_text(a, x) and _numbered_text(b, y):
                continue  # "القرار 2799" … "القرار 1267": an article citing two resolutions, not one misnumbered
            if (a.doc == b.doc and GROWING_UNITS & {x.unit, y.unit}
                    and (looks_back(a, x.mention.start) or looks_back(b, y.mention.start))):
                continue  # "ارتفع العدد إلى 2497 … وكانت الحصيلة قد تجاوزت أمس ألفي قتيل": the toll before the update
            if published(a) != published(b) and _elapsed(a, x) and _elapsed(b, y):
                continue  # the third day of a truce on one day, its eighth five days later
            if x.role == y.role == "count":
                written_apart = a.doc == b.doc or None not in (published(a), published(b)) and published(a) != published(b)
                if written_apart and _magnitudes_apart(x, y):
                    continue
                if series is None:
                    series = _other_members(ra, rb)
                if series:
                    continue
            if x.role == y.role == "count" and (_rising(a, x, b, y, published) or _rising(b, y, a, x, published)):
                continue
            if x.role == y.role == "count" and (_staged(a) != _staged(b) or _over_days(a) != _over_days(b)):
                continue  # "حصيلة الموجة الثانية 25 قتيلاً" / "ثمانية قتلى"; "يومي 17 و18 أيلول … 37 شخصاً" / "12 قتيلاً"
            if x.role == y.role == "count" and _elapsed(a, x) != _elapsed(b, y) and x.unit in TIME_UNITS:
                continue  # "بعد نحو عشرة أيام على الانفجارات" (time since) / "في يومين" (how long)
            peers_a = [r for r in ra if _comparable(r, y)]
            peers_b = [r for r in rb if _comparable(x, r)]
            # Spans of time ("حرب استمرت 14 عاماً" / "أول لقاء منذ 25 عاماً") measure many things at once:
            # two are one fact only when the words around them say so, "منذ" and all, names apart ("أول
            # دار عرض منذ 35 عاماً" / "يفتتح دار عرض لأول مرة منذ 100 عام").
            span = x.role == "count" and x.unit in TIME_UNITS
            single = len(peers_a) == 1 and len(peers_b) == 1 and not span
            if span:
                names = names_in(a) | names_in(b)
                alike = overlap(words_around(a, x.mention.start, x.mention.end, from_marker=False) - names,
                                words_around(b, y.mention.start, y.mention.end, from_marker=False) - names) > 1
            else:
                alike = overlap(words_around(a, x.mention.start, x.mention.end),
                                words_around(b, y.mention.start, y.mention.end)) > 1
            if single or alike:
                found.append((x, y))
    return found


_COUNT_ANCHOR_WORDS = 5
# Reporting words a count's introduction may carry besides its subject ("مشيراً إلى أن المجلس المؤلف من").
_REPORTING = REPORTING | frozenset(normalise(w) for w in "مشيرا مشيراً بحسب وفق".split())


# Words that say what a body is made of, one sense however written: "يتألف المجلس من" / "المجلس المؤلف
# من" / "اللجنة التي ضمت".
_CONSISTS = {strip_clitics(normalise(w)): "يتالف" for w in """
    يتألف تتألف تألف المؤلف المؤلفة مؤلف مؤلفة يضم تضم ضم ضمت يتكون تتكون تكون المكون المكونة مكون مكونة
""".split()}


def _lasting_anchor(claim: Claim, reading: Reading) -> tuple[str, ...]:
    """The content words that introduce a lasting count in its sentence, less reporting words and the
    "كان" of a look back, a body's "made of" in one spelling ("وكانت اللجنة التحضيرية للمؤتمر، المؤلفة من
    سبعة أعضاء": لجنه، تحضيريه، مؤتمر، يتالف)."""
    words = (w[1:] if w[:1] in ("و", "ف") and w[1:] in _CONSISTS else w
             for w in words_before(claim, reading.mention.start, _COUNT_ANCHOR_WORDS))
    return tuple(_CONSISTS.get(w, w) for w in words if w not in _REPORTING and w not in WAS)


def _anchored(context: RuleContext, readings_of: Callable[[Claim], list[Reading]], pair) -> Iterator[Hit]:
    """Lasting counts (a body's members or seats, a coalition's states) introduced by the same phrase in
    two documents whose claims share no cluster.  A body's size is restated in passing, in sentences
    about other things ("اللجنة التحضيرية التي ضمت تسعة أعضاء وأشرفت على جلسات"), which cross-referencing
    rightly keeps apart; the two claims are then compared as if clustered.  Copies (one anchor, one
    value) are compared once."""
    copies: dict[tuple, list[tuple[Claim, Reading]]] = {}
    for claim in context.claims.values():
        for reading in readings_of(claim):
            if reading.role == "count" and reading.unit in LASTING_COUNTS:
                anchor = _lasting_anchor(claim, reading)
                if len(anchor) >= 2:
                    copies.setdefault((anchor, reading.unit, reading.value), []).append((claim, reading))
    keys = list(copies)
    conflicts: dict[tuple, list] = {}
    for i, j in pairs_sharing_a_word([key[0] for key in keys]):
        if keys[i][1] != keys[j][1] or keys[i][2] == keys[j][2]:
            continue
        if not same_anchor(keys[i][0], keys[j][0]):
            continue  # "اللجنة التحضيرية … المؤلفة من" / "اللجنة التحضيرية التي ضمت"
        for a, x in copies[keys[i]]:
            partner = next(((b, y) for b, y in copies[keys[j]] if context.unclustered_peers(a, b, strict=True)
                            and any(u is x and v is y for u, v in pair(a, readings_of(a), b, readings_of(b)))), None)
            if partner is not None:
                b, y = partner
                conflicts.setdefault((x.unit, frozenset((a.doc, b.doc))), []).append(
                    ((a, x.mention, x.shown), (b, y.mention, y.shown)))
    for found in conflicts.values():
        yield conflict_hit(found, context)


# The words of any toll ("أسفرت عن مقتل ستة أشخاص بينهم", "وفق ما أعلنت وزارة الصحة"): sharing them says
# nothing about which event.
_TOLL_WORDS = frozenset(strip_clitics(normalise(w)) for w in """
    مقتل قتل قتلى قتيل شخص أشخاص شخصا بينهم منهم بينها أسفر أسفرت أدى أدت أودى أودت حياة بحياة إصابة
    إصابات أصيب جرح جرحى مصرع وفاة عن على إلى آخرين آخرون عدد حصيلة أولية وزارة الصحة العامة وزير
    أعلن أعلنت أفاد أفادت وفق بحسب حسب
""".split())
_TOLL_DAYS = 7  # the most two reports of one event's toll are written apart


def _tolls(context: RuleContext, readings_of: Callable[[Claim], list[Reading]], pair) -> Iterator[Hit]:
    """One event's toll in two documents whose claims share no cluster: a long sentence about something
    else gives it in passing ("البيان دان الغارة … التي أودت بحياة خمسة أشخاص بينهم عنصر أمن قطري"), which
    cross-referencing rightly keeps apart from the report of the strike ("أسفرت عن مقتل ستة أشخاص، بينهم
    عنصر في قوة الأمن الداخلي").  Two tolls are one event's when their documents name something in common,
    were written at most a week apart, date nothing differently, and the words around the tolls
    share two beyond those of any toll."""
    tolls: list[tuple[Claim, Reading]] = []
    words: list[tuple[str, ...]] = []
    for claim in context.claims.values():
        for reading in readings_of(claim):
            if reading.role == "count" and reading.unit in ("killed", "injured"):
                around = words_around(claim, reading.mention.start, reading.mention.end, before=6, after=6)
                tolls.append((claim, reading))
                words.append(tuple(around - names_in(claim) - _TOLL_WORDS))
    def candidates() -> Iterator[tuple[Claim, Reading, Claim, Reading]]:
        for i, j in pairs_sharing_a_word(words):
            (a, x), (b, y) = tolls[i], tolls[j]
            if x.unit != y.unit or x.value == y.value or overlap(words[i], words[j]) < 2:
                continue
            published_a, published_b = context.published(a), context.published(b)
            if published_a is None or published_b is None or abs((published_a - published_b).days) > _TOLL_DAYS:
                continue
            if context.unclustered_peers(a, b, strict=True) and _dated_alike(a, b) and not _other_kinds(a, b):
                yield a, x, b, y

    yield from _hits_beyond_clusters(candidates(), context, readings_of, pair)


def _hits_beyond_clusters(candidates, context: RuleContext, readings_of: Callable[[Claim], list[Reading]],
                          pair) -> Iterator[Hit]:
    """One hit per unit and pair of documents for the candidate pairs of readings that the clusters'
    comparison would find in conflict, had a cluster joined their claims."""
    conflicts: dict[tuple, list] = {}
    for a, x, b, y in candidates:
        if any(u is x and v is y for u, v in pair(a, readings_of(a), b, readings_of(b))):
            conflicts.setdefault((x.unit, frozenset((a.doc, b.doc))), []).append(
                ((a, x.mention, x.shown), (b, y.mention, y.shown)))
    for found in conflicts.values():
        yield conflict_hit(found, context)


def _groups(context: RuleContext, readings_of: Callable[[Claim], list[Reading]], pair) -> Iterator[Hit]:
    """A known group counted with the article and named by the same noun and adjective in two documents
    whose claims share no cluster ("الرهائن العشرين الأحياء" / "الرهائن الـ22 الأحياء"): the same group's
    size given twice."""
    by_name: dict[tuple[str, str], list[tuple[Claim, Reading]]] = {}
    for claim in context.claims.values():
        for reading in readings_of(claim):
            name = _group_name(claim, reading)
            if name is not None:
                by_name.setdefault(name, []).append((claim, reading))
    candidates = ((a, x, b, y) for found in by_name.values() for (a, x), (b, y) in combinations(found, 2)
                  if x.value != y.value and context.unclustered_peers(a, b, strict=True))
    yield from _hits_beyond_clusters(candidates, context, readings_of, pair)


def _group_name(claim: Claim, reading: Reading) -> tuple[str, str] | None:
    """(noun, adjective) of a count written with the article after its plural noun and followed by a
    definite adjective ("الرهائن العشرين الأحياء"), else None."""
    if reading.role != "count" or reading.unit is None or reading.hedge:
        return None
    before = claim.text[max(0, reading.mention.start - claim.start - 4):reading.mention.start - claim.start]
    definite = normalise(reading.mention.text).startswith("ال") or normalise(before).rstrip().endswith("ال")
    after = raw_words_after(claim, reading.mention.end, 1)
    if not definite or not after or not after[0].startswith("ال") or after[0] in STOPWORDS:
        return None
    return reading.unit, strip_clitics(after[0])


def _other_kinds(a: Claim, b: Claim) -> bool:
    """Each claim names a kind of event and none is common ("انفجارات أجهزة البيجر" / "الغارات"): the
    tolls of two events."""
    kinds_a, kinds_b = event_kinds(content_tokens(a.text)), event_kinds(content_tokens(b.text))
    return bool(kinds_a and kinds_b) and not kinds_a & kinds_b


def _dated_alike(a: Claim, b: Claim) -> bool:
    """No day one claim gives is missing from the other's, when both give days."""
    days_a = {d.value for d in a.dates if d.granularity == "day"}
    days_b = {d.value for d in b.dates if d.granularity == "day"}
    return not (days_a and days_b) or bool(days_a & days_b)


def check(rule: Rule, context: RuleContext) -> Iterator[Hit]:
    options = rule.options
    roles = {"rank"} if options["compare_ranks"] else set()
    roles |= {"count"} if options["compare_counts"] else set()

    published = context.published

    def places_of(claim: Claim) -> set[str]:
        return context.places_by_doc.get(claim.doc, set())

    def pair(a: Claim, ra: list[Reading], b: Claim, rb: list[Reading]) -> list[tuple[Reading, Reading]]:
        if context.in_other_countries(a, b):
            return []  # turnout in Egypt's election and in Jordan's
        return _pair(a, ra, b, rb, options["approximate_tolerance"], options["bound_slack"], published, places_of)

    def allowed(a: Claim, x: Reading, b: Claim, y: Reading) -> bool:
        return a.doc != b.doc or options["same_document"]

    read_once: dict[str, list[Reading]] = {}

    def readings_of(claim: Claim) -> list[Reading]:
        if claim.id not in read_once:
            read_once[claim.id] = [r for r in (read(claim, n) for n in claim.numbers) if r is not None and r.role in roles]
        return read_once[claim.id]

    for cluster in context.clusters:
        claims = context.cluster_claims(cluster)
        stated: dict[str, list[tuple[Reading, dt.date | None]]] = {}
        for claim in claims:
            stated.setdefault(claim.doc, []).extend((r, _day(claim)) for r in readings_of(claim))

        def giving(doc: str, y: Reading) -> list[dt.date | None]:
            """The days of the document's claims in the cluster that give ``y``'s figure (None: undated)."""
            return [day for r, day in stated[doc]
                    if _comparable(r, y) and _equal(r, y, options["approximate_tolerance"], options["bound_slack"])]

        def pair_in_cluster(a: Claim, ra: list[Reading], b: Claim, rb: list[Reading]) -> list[tuple[Reading, Reading]]:
            # A document that states the other's figure too, in another of the cluster's sentences, does not
            # contradict it ("نسبة المشاركة 27.7% وسبر آراء يمنح سعيد 89.2%" / "سبر الآراء منح سعيد 89.2"): its
            # other figure counts something else.  A headline's figure is dated by the sentence of its
            # document that gives it with a day.
            return [(x, y) for x, y in pair(a, ra, b, rb)
                    if a.doc == b.doc or not (giving(a.doc, y) or giving(b.doc, x) or _days_apart(
                        {d for d in giving(a.doc, x) if d}, {d for d in giving(b.doc, y) if d}))]

        conflicts = cluster_conflicts(claims, {c.id: readings_of(c) for c in claims}, pair_in_cluster, allowed,
                                      lambda r: (r.mention, r.shown))
        if conflicts:
            yield conflict_hit(conflicts, context)
    if options["anchors"] and "count" in roles:
        yield from _anchored(context, readings_of, pair)
        yield from _tolls(context, readings_of, pair)
        yield from _groups(context, readings_of, pair)


KIND = Kind(
    name="number-conflict",
    check=check,
    options=OPTIONS,
    fields=frozenset({"doc_a", "doc_b", "value_a", "value_b", "mention_a", "mention_b", "claim_a", "claim_b",
                      "count"}),
    summary="claims about one fact give different quantities or ranks",
)
