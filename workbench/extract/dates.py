"""Dates in Arabic news text: absolute, Hijri, partial and relative, normalised to ISO values.

A small grammar of precompiled regexes runs over the folded, mark-free view of a sentence (same
letters as the original, so offsets carry back; see :class:`lexicon.MatchView`).  One cheap scan for
trigger words first decides which grammar rules can apply at all, so most sentences cost one regex
pass.  Every rule yields candidates; overlapping candidates are settled longest first.

Conventions: a stated weekday is recorded, never used to move the date (the weekday rule compares
them).  ``prefer="past"`` is the news reading: a bare weekday or a yearless date is the most recent
one on or before the reference (publication) date, unless the text marks it future (المقبل، سوف).
``prefer="future"`` is Duckling's reading: the next one after the reference.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from hijridate import Gregorian, Hijri

from workbench.extract import lexicon as lx
from workbench.extract.lexicon import MatchView, trie_pattern
from workbench.model import WEEKDAYS, DateMention

_NB = r"(?<!\w)"
_NA = r"(?!\w)"


def _alt(words) -> str:
    return trie_pattern(words)


def _day_ordinals() -> dict[str, int]:
    """Every spelling of the ordinal days 1-31 ("الثامن", "الحادي والعشرين", "السابع عشرة")."""
    by_value: dict[int, list[str]] = {}
    for form, value in lx.ORDINAL_UNITS.items():
        by_value.setdefault(value, []).extend([form, "ال" + form])
    teen_units = {1: ["الحادي", "الحاديه", "الاحد", "الاحدي", "حادي"], 2: ["الثاني", "الثانيه", "الثان", "الاثني",
                                                                        "الاثنا", "ثاني", "ثان"]}
    tens_units = {1: ["الحادي", "الحاديه", "الواحد", "حادي", "واحد"]}
    forms: dict[str, int] = {}
    for n in range(1, 11):
        forms.update({f: n for f in by_value[n]})
    for tens, words in ((20, ("العشرين", "العشرون", "عشرين")), (30, ("الثلاثين", "الثلاثون"))):
        forms.update({w: tens for w in words})
        for n in range(1, 10 if tens == 20 else 2):
            for unit in tens_units.get(n, by_value[n]):
                for word in words:
                    forms[f"{unit} و{word}"] = tens + n
                    forms[f"{unit} و {word}"] = tens + n
    for n in range(1, 10):
        for unit in teen_units.get(n, by_value[n]):
            forms[f"{unit} عشر"] = forms[f"{unit} عشره"] = 10 + n
    return forms


_DAY_ORDINALS = _day_ordinals()
_MONTH_NUMBERS = {**{f: v for f, v in lx.UNITS.items() if 1 <= v <= 9}, **{f: 10 for f in lx.TEN},
                  **{f"{u} {t}": 10 + v for u, v in (("احد", 1), ("احدي", 1), ("اثنا", 2), ("اثني", 2),
                                                     ("اثنتا", 2), ("اثنتي", 2)) for t in lx.TEN}}
_NTH = {**{f: v for f, v in _DAY_ORDINALS.items() if v <= 5 and " " not in f},
        **{lx.fold(w): -1 for w in ("آخر", "الأخير", "الأخيرة", "اخر")}}

# The masculine "the first" to "the fifth" (الأول من نيسان): after a weekday they give its day of the
# month; "الجمعة الأولى من رمضان" (feminine) and "الخميس الأخير من الشهر" count that weekday.
_DATE_LINE_ORDINALS = frozenset(f for f, v in _NTH.items() if v > 0 and f.startswith("ال") and not f.endswith(("ه", "الاولي")))
_WEEKDAY_COUNTS = frozenset(f for f, v in _NTH.items() if v > 0 and f.startswith("ال") and f not in _DATE_LINE_ORDINALS)
_MONTH = _alt(lx.MONTHS)
_HMONTH = _alt(lx.HIJRI_MONTHS)
_WD = _alt(lx.WEEKDAYS)
_WD_ANY = _alt({**lx.WEEKDAYS, **lx.BARE_WEEKDAYS})
_PAST = _alt(lx.PAST_MARKERS)
_FUTURE = _alt(lx.FUTURE_MARKERS)
_CURRENT = _alt(lx.CURRENT_MARKERS)
_REL = rf"(?:{_PAST}|{_FUTURE}|{_CURRENT}){_NA}"
_MODS = _alt(lx.PERIOD_MODIFIERS + ("نص", "نصف"))
_PARTS = _alt(lx.DAY_PARTS)
_DAY_ORD = _alt(_DAY_ORDINALS)
# Period words that make a bare four-digit number after them a year ("نهاية 2025", "مطلع 2024"); not
# "أول", which also counts ("أول 2000 مسافر").
_BARE_MODS = _alt(m for m in lx.PERIOD_MODIFIERS if m != "اول")

_DAY = rf"(?:(?<![\d.,/])(?P<d>\d{{1,2}})(?![\d]|[.,/]\d)|(?P<do>{_DAY_ORD}){_NA})"
_MONTH_SLOT = (
    rf"(?:(?:شهر\s+)?(?P<m>{_MONTH}){_NA}(?:\s*[/\-(]?\s*(?P<m2>{_MONTH}){_NA}\)?)?"
    rf"|شهر\s+(?P<mn>\d{{1,2}}(?!\d)|{_alt(_MONTH_NUMBERS)}{_NA})"
    rf"|(?P<mrel_this>هذا\s+الشهر)|(?P<mrel_full>الشهر\s+(?P<mrel_word>{_REL}))|(?P<msame>الشهر\s+(?:نفسه|ذاته)))"
)
_YEAR = r"(?<!\d)(?P<y>\d{4})(?!\d)(?:\s*م(?!\w))?"
_YEAR_TAIL = rf"(?:\s*[,،\-/]?\s*(?:(?:من|في)\s+)?(?:[لب]?(?:عام|سنه)\s+|العام\s+)?{_YEAR})"
# "أفريل من العام نفسه": the year the text named last ("… 2019، وفي أفريل من العام نفسه").
_SAME_YEAR = r"(?:ال)?(?:سنه|عام)\s+(?:نفسه|نفسها|ذاته|ذاتها)|نفس\s+(?:ال)?(?:عام|سنه)|(?:ذلك|تلك)\s+(?:ال)?(?:عام|سنه)"
_YEAR_REL = rf"(?:\s+(?:من\s+)?(?P<yrel>(?:ال)?(?:سنه|عام)\s+{_REL}|هذا\s+العام|هذه\s+السنه|{_SAME_YEAR}))"
# A part of a year before a bare year makes it one: "الربع الأول من 2025", "النصف الثاني من 2024".
_YEAR_PART = r"(?:الربع|النصف|الثلث|الفصل)\s+(?:الاول|الثاني|الثالث|الرابع|الاخير)\s+(?:من|ل)"
_LEAD = (
    rf"(?:(?P<lead>(?:(?:{_PARTS})\s+)?(?:امس|اليوم|غدا))\s+)?"
    rf"(?:(?:{_PARTS})\s+)?(?:(?:يوم\s+)?(?P<wd>{_WD}){_NA}\s*[,،]?\s*(?:الموافق\s+|في\s+)?)?"
)

_RULES: dict[str, re.Pattern[str]] = {name: re.compile(_NB + body) for name, body in {
    # A day may carry و or the article written on ("بين 3 و5 آذار", "في الـ15 من الشهر", "الرابع والخامس من
    # آذار"): not part of it.
    "dmy": rf"(?:(?P<glued>(?:و|ال|وال)(?=\d)|و(?=ال[^\W\d_])))?{_LEAD}{_DAY}(?:\s*-\s*|\s+من\s+|\s+){_MONTH_SLOT}(?:{_YEAR_TAIL}|{_YEAR_REL}|\s+(?P<mrel>{_REL}))?",
    "mdy": rf"{_LEAD}(?P<m>{_MONTH}){_NA}\s+(?P<d>\d{{1,2}})(?!\d)\s*[,،]?\s*{_YEAR}",
    # The Hijri year may be left out ("العاشر من محرم"): then the reference's Hijri year decides it.
    "hijri": rf"{_LEAD}{_DAY}(?:\s+من)?\s+(?:شهر\s+)?(?P<hm>{_HMONTH}){_NA}(?:\s*[,،]?\s*(?:(?:عام|سنه)\s+)?"
             r"(?P<y>\d{4})(?!\d)(?:\s*ه(?!\w))?)?",
    "iso": rf"{_LEAD}(?<![\d.\-/])(?P<y>\d{{4}})(?P<sep>[-/.])(?P<mo>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?![\d]|[.\-/]\d)",
    "numeric": rf"{_LEAD}(?<![\d.\-/])(?P<a>\d{{1,2}})(?P<sep>[/.\-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}})"
               r"(?![\d]|[.\-/]\d)",
    # "5 - 12 - 2024": spaced separators, only with a four-digit year (a spaced "5 - 12" alone is a range).
    "numeric_spaced": rf"{_LEAD}(?<![\d.\-/])(?P<a>\d{{1,2}})\s+(?P<sep>[/.\-])\s+(?P<b>\d{{1,2}})\s+(?P=sep)\s+"
                      r"(?P<y>\d{4})(?![\d]|[.\-/]\d)",
    # "في 3/12": day and month with no year, only after a word that announces a date (else a fraction).
    "day_month_numeric": rf"(?P<ctx>{_alt(lx.DATE_CONTEXT)}|يوم|بتاريخ)\s+{_LEAD}(?<![\d.\-/])(?P<a>\d{{1,2}})"
                         r"(?P<sep>[/.\-])(?P<b>\d{1,2})(?![\d]|[.\-/]\d)",
    "month_year_numeric": r"(?<![\d.\-/])(?P<mo>\d{1,2})/(?P<y>\d{4})(?![\d]|[.\-/]\d)",
    "month": rf"(?:(?P<ctx>{_alt(lx.DATE_CONTEXT)})\s+)?(?P<body>(?:(?P<mod>{_MODS})\s+)?(?:{_MONTH_SLOT}"
             rf"|(?P<mbare>الشهر)(?!\s+(?:{_REL}|نفسه|ذاته))))"
             rf"(?:{_YEAR_TAIL}|{_YEAR_REL}|\s+(?P<mrel>{_REL}))?",
    "year": rf"(?:(?P<ctx>{_alt(lx.DATE_CONTEXT)}|{_YEAR_PART})\s+)?(?:(?:[وبل]|ول|وب)?(?P<ev>{_alt(lx.YEAR_EVENT_NOUNS)})\s+(?:[\"«“]?[^\W\d_]+\s+)?)?(?:(?P<bmod>{_BARE_MODS})\s+(?=\d))?(?P<lead>(?:(?:{_MODS})\s+)?(?:(?:[لبو]?(?:ال)?(?:عام|سنه)|[لبو]?عامي)\s+))?"
            rf"{_YEAR}",
    "relative_year": rf"(?:(?P<mod>{_MODS})\s+)?(?:(?P<y1>(?:ال|لل)?(?:عام|سنه))\s+(?P<rel>{_REL})|هذا\s+(?P<y2>العام)|هذه\s+(?P<y3>السنه))",
    "week": rf"(?:(?:ال)?اسبوع\s+(?P<rel>{_REL})|هذا\s+الاسبوع){_NA}",
    "yesterday": rf"(?:(?:{_PARTS})\s+)?(?:امس|البارحه|امبارح|مبارح){_NA}(?:\s+(?:يوم\s+)?(?P<wd>{_WD}){_NA})?",
    "before_yesterday": r"(?:(?:يوم|اليوم)\s+(?:(?:الذي|الي|اللي)\s+)?)?(?:(?:ال)?(?:قبل\s+|اول\s+(?:من\s+)?)"
                        r"(?:امس|البارحه|امبارح)|(?:امس|البارحه)\s+الاول(?!\s+من\s+نوع))(?!\w)",
    "today": rf"(?:(?P<pre>{_PARTS}|حتي|منذ|هذا)\s+)?اليوم{_NA}(?:\s+(?:يوم\s+)?(?P<wd>{_WD}){_NA})?",
    "yesterday_day": rf"اليوم\s+(?:الماضي|المنصرم|السابق){_NA}",
    "tomorrow": rf"(?:(?P<pre>{_PARTS})\s+)?(?P<g>غدا|(?:ال)?غد|بكره|بكرا){_NA}(?:\s+(?:يوم\s+)?(?P<wd>{_WD}){_NA})?",
    "after_tomorrow": r"(?:(?:يوم|اليوم)\s+(?:(?:الذي|الي|اللي)\s+)?)?بعد\s+(?:ال)?(?:غد|بكره|بكرا)(?!\w)"
                      rf"(?:\s+(?:يوم\s+)?(?P<wd>{_WD}){_NA})?",
    "ago": rf"(?P<dir>قبل|منذ|بعد|من)\s+(?:(?P<n>\d{{1,3}}(?!\d)|{_alt(_MONTH_NUMBERS)}){_NA}\s+)?"
           rf"(?P<u>{_alt(lx.TIME_UNITS)}){_NA}(?:\s+(?:واحد|واحده){_NA})?",
    "weekday_of_week": rf"(?:يوم\s+)?(?P<wd>{_WD_ANY}){_NA}\s+(?:من\s+)?(?:هذا\s+)?(?P<week>(?:ال)?اسبوع)"
                       rf"(?:\s+(?P<rel>{_REL}))?",
    "weekday": rf"(?:(?P<pre>{_PARTS}|هذا)\s+|(?P<and>و))?(?P<wd>{_WD}){_NA}(?:\s+(?P<rel>{_REL}))?",
    "weekday_day": rf"(?:يوم\s+)?(?P<wd>{_WD}){_NA}\s+(?P<do>{_DAY_ORD}){_NA}",
    "nth": rf"(?:(?P<n1>{_alt(_NTH)})\s+(?:(?P<yawm1>يوم)(?:\s+(?P<w1>{_WD_ANY}))?|(?P<w1b>{_WD_ANY}))"
           rf"|(?:(?P<yawm2>اليوم)|(?:يوم\s+)?(?P<w2>{_WD_ANY}))\s+(?P<n2>{_alt(_NTH)})){_NA}"
           rf"(?:\s+(?:من|في)\s+(?:ال)?|\s+ب|\s+)(?:{_MONTH_SLOT})(?:{_YEAR_TAIL}|{_YEAR_REL})?",
    "holiday": rf"(?P<h>{_alt(lx.HOLIDAYS)}){_NA}(?:\s+(?:(?:من\s+)?(?:عام|سنه)\s+)?(?P<y>\d{{4}})(?!\d))?",
}.items()}
_NTH_AFTER = re.compile(rf"{_NB}(?P<n>{_alt(_NTH)})\s+(?:يوم\s+)?(?P<w>{_WD_ANY}){_NA}\s+بعد\s+$")

# Which trigger words make which rules worth running (شهر is both a month slot and a time unit).
_TRIGGERS: dict[str, set[str]] = {}
for _kind, _words in (
    ("month", [*lx.MONTHS, "شهر"]), ("hmonth", lx.HIJRI_MONTHS), ("weekday", [*lx.WEEKDAYS, *lx.BARE_WEEKDAYS]),
    ("yesterday", ("امس", "البارحه", "امبارح", "مبارح")), ("today", ("اليوم",)),
    ("tomorrow", ("غد", "بكره", "بكرا")), ("period", [*lx.TIME_UNITS, "السنه", "العام"]),
    ("holiday", lx.HOLIDAYS),
):
    for _word in _words:
        _TRIGGERS.setdefault(_word, set()).add(_kind)
# Two scans, for numbers and for words: each pattern then begins with a character set the regex engine
# skips ahead to, and no rule is woken by both.
_NUMBER_TRIGGER = re.compile(r"\d\d*(?P<sep>\s*[/.\-]\s*\d)?")
_WORD_TRIGGER = re.compile(_alt(_TRIGGERS))
_RULES_FOR = {
    "numeric": ("iso", "numeric", "numeric_spaced", "day_month_numeric", "month_year_numeric"),
    "year": ("year",),
    "month": ("dmy", "mdy", "month", "nth"),
    "hmonth": ("hijri",),
    "weekday": ("weekday", "weekday_of_week", "weekday_day"),
    "yesterday": ("yesterday", "before_yesterday"),
    "today": ("today", "yesterday_day", "after_tomorrow"),
    "tomorrow": ("tomorrow", "after_tomorrow"),
    "period": ("ago", "relative_year", "week"),
    "holiday": ("holiday",),
}
# The kinds of trigger word that wake each rule (after_tomorrow wakes for اليوم and for غد).
_KINDS_OF: dict[str, tuple[str, ...]] = {}
for _kind, _rules in _RULES_FOR.items():
    for _rule in _rules:
        _KINDS_OF[_rule] = (*_KINDS_OF.get(_rule, ()), _kind)
# Every match of a month rule holds a month slot, which begins a word or follows a word-initial ب or ال
# ("بآب", "من الشهر الماضي"); a window without one cannot match them.  The month trigger words are
# found anywhere, even inside other words ("إرهاب" holds آب), which wakes these rules needlessly.
_MONTH_SLOT_START = re.compile(rf"{_NB}(?:ب|ال)?(?:ال)?(?:{_MONTH}|شهر)")
# What a rule's match must hold somewhere, as a short pattern without the rule's optional parts: a
# sentence without it skips the rule's pass.  Trigger words wake these rules in many sentences in
# which they never match (a month name with no day number after it, a weekday with no اسبوع).
_REQUIRED: dict[str, re.Pattern[str]] = {name: re.compile(body) for name, body in {
    "mdy": rf"(?:{_MONTH}){_NA}\s+\d{{1,2}}(?!\d)",
    "weekday_of_week": "اسبوع",
    "week": rf"اسبوع\s+{_REL}|هذا\s+الاسبوع",
    "weekday_day": rf"(?:{_WD}){_NA}\s+(?:{_DAY_ORD}){_NA}",
    "relative_year": rf"(?:عام|سنه)\s+{_REL}|هذا\s+العام|هذه\s+السنه",
    "before_yesterday": r"(?:قبل|اول)\s+(?:من\s+)?(?:امس|البارحه|امبارح)|(?:امس|البارحه)\s+الاول",
    "yesterday_day": r"اليوم\s+(?:الماضي|المنصرم|السابق)",
    "after_tomorrow": r"بعد\s+(?:ال)?(?:غد|بكره|بكرا)",
}.items()}
# Rules whose readers read nothing without a reference date (every relative date): a text with no
# reference, such as a document's date line, skips their passes.
_NEED_REFERENCE = frozenset((
    "relative_year", "yesterday", "before_yesterday", "today", "yesterday_day", "tomorrow", "after_tomorrow",
    "ago", "weekday", "weekday_of_week", "weekday_day", "day_month_numeric", "week",
))
# How far a rule's match may reach before and after the trigger word that woke it.
_REACH = 64
_RULE_ORDER = tuple(_RULES)
_FUTURE_CUE = re.compile(rf"{_NB}(?:{_alt(lx.FUTURE_CUES)}){_NA}")
_PAST_SET = frozenset(lx.PAST_MARKERS)
# "13.6% في مارس", "إلى 12.5 في المئة": a number a percent sign or word follows is a share, not a date.
_PERCENT_AFTER = re.compile(rf"\s*[%٪]|\s+(?:{_alt(lx.PERCENT_WORDS)}){_NA}")
_FUTURE_SET = frozenset(lx.FUTURE_MARKERS)


@dataclass(slots=True)
class _Found:
    """A candidate mention in view offsets, before overlaps are settled.  Not frozen, though nothing
    changes one once made: a frozen dataclass takes twice as long to make, and every rule match makes one."""

    start: int
    end: int
    value: str
    granularity: str
    calendar: str = "gregorian"
    relative: bool = False
    weekday: str | None = None
    doubt: int = 0  # on a tie, a reading whose stated weekday disagrees with its date loses


class _Context:
    """What the readers need beside the match.  Whether the sentence marks the future (المقبل، سوف) is
    looked up the first time a reader asks: most sentences have no date that depends on it."""

    __slots__ = ("reference", "date_order", "prefer", "_text", "_future_cue")

    def __init__(self, reference: dt.date | None, date_order: str, prefer: str, text: str) -> None:
        self.reference, self.date_order, self.prefer = reference, date_order, prefer
        self._text = text
        self._future_cue: bool | None = None

    @property
    def future_cue(self) -> bool:
        if self._future_cue is None:
            self._future_cue = _FUTURE_CUE.search(self._text) is not None
        return self._future_cue


def find_dates(
    text: str,
    *,
    base: int = 0,
    reference: dt.date | None = None,
    date_order: str = "dmy",
    prefer: str = "past",
    folded: str | None = None,
) -> list[DateMention]:
    """Dates in ``text``; offsets are ``base`` + index into ``text``.  ``reference`` resolves relative
    dates and missing years; without it, only dates the text states in full are returned.  ``folded``
    is ``fold(text)`` when the caller has it (a slice of its document's: folding once is cheaper)."""
    view = MatchView.of(text, folded)
    t = view.text
    anchors: dict[str, list[tuple[int, int]]] = {}  # where trigger words of each kind lie
    for m in _NUMBER_TRIGGER.finditer(t):
        kind = "numeric" if m["sep"] else "year" if m.end() - m.start() == 4 else None
        if kind:
            anchors.setdefault(kind, []).append(m.span())
    for m in _WORD_TRIGGER.finditer(t):
        for kind in _TRIGGERS[_squash(m.group())]:  # "كانون  الثاني", "عيد\nالفطر": any white space between words
            anchors.setdefault(kind, []).append(m.span())
    if not anchors:
        return []
    woken: dict[str, list[tuple[int, int]]] = {}  # the anchors of each rule to run
    for kind, spans in anchors.items():
        for rule in _RULES_FOR[kind]:
            woken[rule] = sorted(woken[rule] + spans) if rule in woken else spans
    ctx = _Context(reference, date_order, prefer, t)
    found: list[_Found] = []
    windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}  # rules woken by the same kinds share them
    for name in _RULE_ORDER:
        if name not in woken or reference is None and name in _NEED_REFERENCE:
            continue
        kinds = _KINDS_OF[name]
        if kinds not in windows:
            windows[kinds] = _windows(t, woken[name], month=kinds == ("month",))
        required = _REQUIRED.get(name)
        if not windows[kinds] or required is not None and required.search(t) is None:
            continue
        rule, read = _RULES[name], _READERS[name]
        for lo, hi in windows[kinds]:
            for m in rule.finditer(t, lo, hi):
                candidate = read(m, t, ctx)
                if candidate is not None:
                    found.append(candidate)
    if not found:  # trigger words woke rules that read no date: nothing to settle
        return []
    chosen = _settle(found)
    chosen = _nth_after(t, chosen)
    # The cheap tests: two numbers joined ("3 و5", "2011 إلى 2015"), or a day written out in words.
    if chosen and (_JOINED_NUMBERS.search(t) or any(_opens_with_a_word(f, t) for f in chosen)):
        chosen = _year_continuations(t, _range_starts(t, chosen))
    mentions = []
    for f in chosen:
        start, end = view.start(f.start), view.end(f.end)
        mentions.append(DateMention(text[start:end], base + start, base + end, f.value, f.granularity, f.calendar,
                                    f.relative, f.weekday))
    return mentions


def _windows(t: str, anchors: list[tuple[int, int]], *, month: bool) -> list[tuple[int, int]]:
    """The windows a rule runs in around its trigger words; for the month rules, only those that
    hold a month slot."""
    spans = _merged(t, anchors)
    if month:
        return [(lo, hi) for lo, hi in spans if _MONTH_SLOT_START.search(t, lo, hi)]
    return spans


def _merged(t: str, anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Windows of text around trigger words, cut at white space (a window edge inside a word would
    look like a word boundary to the rules), merged where they touch."""
    out: list[tuple[int, int]] = []
    for s, e in anchors:
        lo = t.rfind(" ", 0, max(0, s - _REACH)) + 1
        hi = t.find(" ", e + _REACH)
        hi = len(t) if hi < 0 else hi
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _settle(found: list[_Found]) -> list[_Found]:
    """Longest candidate wins an overlap; on equal length, the earlier rule (more specific) wins."""
    if len(found) == 1:
        return found
    chosen: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.start - f.end, f.doubt, f.start)):
        if all(f.end <= c.start or c.end <= f.start for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


# ---------------------------------------------------------------- readers: match -> candidate

def _group(m: re.Match[str], name: str) -> str | None:
    """``m.groupdict().get(name)`` without building the dict of every group: None when the rule has no
    such group or it did not take part."""
    return m[name] if name in m.re.groupindex else None


def _weekday(m: re.Match[str], group: str = "wd") -> str | None:
    word = _group(m, group)
    if not word:
        return None
    index = lx.WEEKDAYS.get(word, lx.BARE_WEEKDAYS.get(word))
    return WEEKDAYS[index] if index is not None else None


def _weekday_index(word: str) -> int:
    return lx.WEEKDAYS.get(word, lx.BARE_WEEKDAYS.get(word, -1))


def _day_of(m: re.Match[str]) -> int:
    return int(m["d"]) if m["d"] else _DAY_ORDINALS[_squash(m["do"])]


_WHITE = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _squash(words: str) -> str:
    """Collapse the white space inside a matched multi-word phrase to the lexicon's single spaces."""
    return _WHITE.sub(" ", words)


_MONTH_NAMED = re.compile(rf"(?<!\w)(?P<m>{_MONTH})(?!\w)(?:[^\d.،,]{{0,16}}?(?<!\d)(?P<y>\d{{4}})(?!\d))?")


def _month_of(m: re.Match[str], ctx: _Context) -> tuple[int, int | None] | None:
    """(month, year if the month slot fixes it) from a month slot; None when it cannot be read."""
    if month := _group(m, "m"):
        return lx.MONTHS[_squash(month)], None
    if number := _group(m, "mn"):
        word = _squash(number)
        month = int(word) if word.isdigit() else _MONTH_NUMBERS[word]
        return (month, None) if 1 <= month <= 12 else None
    if _group(m, "msame"):  # "في 14 من الشهر نفسه": the month the text named last, with its year if given
        named = list(_MONTH_NAMED.finditer(m.string, 0, m.start()))
        if not named:
            return None
        year = named[-1]["y"]
        return lx.MONTHS[_squash(named[-1]["m"])], int(year) if year and _plausible_year(int(year)) else None
    if ctx.reference is None:
        return None
    ref = ctx.reference
    shift = 0 if _group(m, "mrel_this") else _shift(_group(m, "mrel_word"))
    month0 = ref.year * 12 + ref.month - 1 + shift
    return month0 % 12 + 1, month0 // 12


def _shift(word: str | None) -> int:
    if not word:
        return 0
    return -1 if word in _PAST_SET else 1 if word in _FUTURE_SET else 0


_SAME_YEAR_RE = re.compile(_SAME_YEAR)
_EARLIER_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def _year_rel(m: re.Match[str], ctx: _Context) -> int | None:
    word = _group(m, "yrel")
    if not word:
        return None
    if _SAME_YEAR_RE.fullmatch(word):  # the year named last before it, if a plausible one
        years = [int(y) for y in _EARLIER_YEAR.findall(m.string, 0, m.start()) if _plausible_year(int(y))]
        if years:
            return years[-1]
        return ctx.reference.year if ctx.reference is not None else None  # named in an earlier sentence
    if ctx.reference is None:
        return None
    return ctx.reference.year + _shift(word.split()[-1])


def _weekday_of(year: int, month: int, day: int) -> str:
    return WEEKDAYS[dt.date(year, month, day).weekday()]


def _plausible_year(year: int) -> bool:
    return 1900 <= year <= 2100


# A yearless date reads as the nearest one: a month or a day a few weeks after the reference is this
# year's coming one ("في 22 مايو" written on 17 April), not last year's, which a writer would date.
_NEAR_AHEAD_MONTHS = 2
_NEAR_AHEAD_DAYS = 61


def _pick_year(month: int, day: int | None, ctx: _Context, marker: str | None, weekday: str | None = None) -> int | None:
    """The year of a yearless date.  News reads the most recent one not after the reference; a
    marker moves it (آذار الماضي: before the reference month; المقبل: after it; الجاري: this year);
    one at most two months (or 61 days) ahead is the coming one; a future cue in the sentence (سوف)
    reads the next one; Duckling's convention reads the next one at month grain ("1 February" in
    mid-February is this February)."""
    ref = ctx.reference
    if ref is None:
        return None
    here = (ref.year, ref.month)
    years = range(ref.year - 1, ref.year + 2)
    if marker:
        shift = _shift(marker)
        if shift == 0:
            return ref.year
        if shift < 0:
            return max(y for y in years if (y, month) < here)
        return min(y for y in years if (y, month) > here)
    if ctx.prefer == "future" or day is None and ctx.future_cue:
        return min(y for y in years if (y, month) >= here)
    if day is None:
        if 0 < (month - ref.month) % 12 <= _NEAR_AHEAD_MONTHS:  # "في يونيو" written in May: this June
            return min(y for y in years if (y, month) > here)
        return max(y for y in years if (y, month) <= here)
    dated = [y for y in years if _valid(y, month, day)]
    ahead = min((y for y in dated if dt.date(y, month, day) >= ref), default=None)
    past = max((y for y in dated if dt.date(y, month, day) <= ref), default=None)
    if ahead is not None and (dt.date(ahead, month, day) - ref).days <= _NEAR_AHEAD_DAYS:
        return ahead
    if ctx.future_cue and ahead is not None:
        # a future word elsewhere in the sentence ("أعلن يوم السبت 4 كانون الثاني أن المطار سيبدأ") does
        # not move a date whose stated weekday only the past one has
        if weekday and past is not None and _weekday_of(past, month, day) == weekday != _weekday_of(ahead, month, day):
            return past
        return ahead
    return past


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _day_found(m: re.Match[str], start: int, year: int | None, month: int, day: int, *,
               weekday: str | None = None, relative: bool = False, calendar: str = "gregorian") -> _Found | None:
    if year is None or not _valid(year, month, day):
        return None
    doubt = int(weekday is not None and WEEKDAYS[dt.date(year, month, day).weekday()] != weekday)
    return _Found(start, m.end(), f"{year:04d}-{month:02d}-{day:02d}", "day", calendar, relative, weekday, doubt)


# "الأسبوع الثاني من آذار", "الأيام العشرة الأولى من آذار": an ordinal of a part of the month, not a day.
_MONTH_PART_BEFORE = re.compile(rf"(?<!\S)(?:{_alt(lx.MONTH_PARTS)})(?:\s+\S+)?\s+$")


def _read_dmy(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    if m["do"] and _MONTH_PART_BEFORE.search(t, max(0, m.start() - 30), m.start()):
        return None
    month_year = _month_of(m, ctx)
    if month_year is None:
        return None
    month, year = month_year
    day = _day_of(m)
    relative = year is not None
    if m["y"]:
        year = int(m["y"])
        if not _plausible_year(year):
            return None
    elif _group(m, "yrel"):
        year, relative = _year_rel(m, ctx), True
    elif year is None:
        year = _pick_year(month, day, ctx, m["mrel"], _weekday(m))
        relative = bool(m["mrel"])
    start = m.end("glued") if m["glued"] else m.start()
    return _day_found(m, start, year, month, day, weekday=_weekday(m), relative=relative)


def _read_mdy(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    year = int(m["y"])
    if not _plausible_year(year):
        return None
    return _day_found(m, m.start(), year, lx.MONTHS[_squash(m["m"])], int(m["d"]), weekday=_weekday(m))


_MIN_OR_MONTH = re.compile(r"\s(?:من|شهر)\s")


def _read_hijri(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    month, day = lx.HIJRI_MONTHS[_squash(m["hm"])], _day_of(m)
    if m["wd"] and m["do"] and _squash(m["do"]) in _WEEKDAY_COUNTS:
        return _nth_weekday_of_hijri_month(m, month, day, ctx)
    if not m["y"]:
        if month == 2 and m["d"] and not _MIN_OR_MONTH.search(m.group()):
            return None  # "3 صفر" is also a score of three-nil: Safar needs its year, من or شهر
        d = _yearless_hijri(month, day, ctx)
        return d and _day_found(m, m.start(), d.year, d.month, d.day, weekday=_weekday(m), relative=True,
                                calendar="hijri")
    try:
        g = Hijri(int(m["y"]), month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return _day_found(m, m.start(), g.year, g.month, g.day, weekday=_weekday(m), calendar="hijri")


def _nth_weekday_of_hijri_month(m: re.Match[str], month: int, nth: int, ctx: _Context) -> _Found | None:
    """"الجمعة الأولى من رمضان" is the first Friday of Ramadan: a feminine ordinal after a weekday
    counts that weekday (days of a month are masculine: "الأول من رمضان")."""
    if m["y"]:
        try:
            g = Hijri(int(m["y"]), month, 1).to_gregorian()
        except (ValueError, OverflowError):
            return None
        first = dt.date(g.year, g.month, g.day)
    elif (first := _yearless_hijri(month, 1, ctx)) is None:
        return None
    index = _weekday_index(m["wd"])
    d = first + dt.timedelta(days=(index - first.weekday()) % 7 + 7 * (nth - 1))
    return _day_found(m, m.start(), d.year, d.month, d.day, weekday=_weekday(m), relative=not m["y"],
                      calendar="hijri")


def _yearless_hijri(month: int, day: int, ctx: _Context) -> dt.date | None:
    """A Hijri day and month without a year, read as a yearless Gregorian date is (see _pick_year)."""
    ref = ctx.reference
    if ref is None or not 1 <= day <= 30:
        return None
    here = Gregorian(ref.year, ref.month, ref.day).to_hijri().year
    dates = []
    for year in (here - 1, here, here + 1):
        try:
            g = Hijri(year, month, day).to_gregorian()
        except (ValueError, OverflowError):
            continue
        dates.append(dt.date(g.year, g.month, g.day))
    ahead = min((d for d in dates if d >= ref), default=None)
    if ahead and (ctx.prefer == "future" or ctx.future_cue or (ahead - ref).days <= _NEAR_AHEAD_DAYS):
        return ahead
    return max((d for d in dates if d <= ref), default=None)


def _read_iso(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    year = int(m["y"])
    if not _plausible_year(year):
        return None
    return _day_found(m, m.start(), year, int(m["mo"]), int(m["d"]), weekday=_weekday(m))


def _read_numeric(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    if _PERCENT_AFTER.match(t, m.end()):
        return None
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:  # 23 -> 2023; a two-digit year past next year's is last century's
        year += 2000 if year <= (ctx.reference.year % 100 if ctx.reference else 50) + 1 else 1900
    if not _plausible_year(year):
        return None
    day, month = (b, a) if ctx.date_order == "mdy" else (a, b)
    if month > 12 and day <= 12:  # unambiguous the other way round
        day, month = month, day
    return _day_found(m, m.start(), year, month, day, weekday=_weekday(m))


def _read_day_month_numeric(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    if _PERCENT_AFTER.match(t, m.end()):
        return None
    a, b = int(m["a"]), int(m["b"])
    day, month = (b, a) if ctx.date_order == "mdy" else (a, b)
    if not 1 <= month <= 12:
        return None
    found = _day_found(m, m.start(), _pick_year(month, day, ctx, None), month, day, weekday=_weekday(m))
    return found and _Found(m.end("ctx") + 1, found.end, found.value, "day", relative=True, weekday=found.weekday)


def _read_month_year_numeric(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    month, year = int(m["mo"]), int(m["y"])
    if not (1 <= month <= 12 and _plausible_year(year)):
        return None
    return _Found(m.start(), m.end(), f"{year:04d}-{month:02d}", "month")


def _read_month(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    """A month with a year, or a month alone when something says it is a date: a date-context word
    (في، منذ، شهر), a modifier (مطلع), a relative marker (الماضي), or both month families paired
    (مارس آذار).  A month word after a personal name (برونو مارس) has none of these."""
    gd = m.groupdict()
    if gd["msame"] or gd["mbare"] and not gd["mod"]:
        return None  # "في الشهر نفسه" alone repeats a month the text has dated already; "الشهر" is no date
    month_year = _month_of(m, ctx)
    if month_year is None:
        return None
    month, year = month_year
    start = m.start("body")
    if not (gd["m"] or gd["mn"]):  # "هذا الشهر", "الشهر الماضي", "مطلع الشهر" (this month's start)
        return _Found(start, m.end(), f"{year:04d}-{month:02d}", "month", relative=True)
    relative = False
    if gd["y"]:
        year = int(gd["y"])
        if not _plausible_year(year):
            return None
    elif gd.get("yrel"):
        year, relative = _year_rel(m, ctx), True
    else:
        paired = gd["m2"] and lx.MONTHS[_squash(gd["m2"])] == month
        said_month = gd["mn"] or start < m.start("m")  # "شهر آذار"
        if not (paired or gd["ctx"] or gd["mod"] or gd["mrel"] or said_month):
            return None
        year = _pick_year(month, None, ctx, gd["mrel"])
        relative = bool(gd["mrel"])
    if year is None:
        return None
    return _Found(start, m.end(), f"{year:04d}-{month:02d}", "month", relative=relative)


_NEXT_WORD = re.compile(r"\s+(\w+)")


def _read_year(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    """A four-digit number is a year only with a year word (عام 2014) or a date-context word before it
    (في 2014) and a plausible value; "القرار الأممي 2254" has neither."""
    year = int(m["y"])
    if not _plausible_year(year) or not (m["lead"] or m["ctx"] or m["ev"] or m["bmod"] or m.group().endswith("م")):
        return None
    if not m["lead"]:
        nxt = _NEXT_WORD.match(t[m.end("y"):m.end("y") + 20])
        if nxt and nxt[1] in lx.UNIT_WORDS:
            return None  # "في 2000 غارة": a count, not a year
    start = m.start("bmod") if m["bmod"] else m.start("lead") if m["lead"] else m.start("y")
    return _Found(start, m.end(), f"{year:04d}", "year")


def _read_relative_year(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    if ctx.reference is None:
        return None
    year = ctx.reference.year + _shift(m["rel"])
    return _Found(m.start(), m.end(), f"{year:04d}", "year", relative=True)


def _offset(m: re.Match[str], ctx: _Context, days: int, weekday: str | None = None) -> _Found | None:
    if ctx.reference is None:
        return None
    d = ctx.reference + dt.timedelta(days=days)
    return _Found(m.start(), m.end(), d.isoformat(), "day", relative=True, weekday=weekday)


def _read_yesterday(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    return _offset(m, ctx, -1, _weekday(m))


def _read_before_yesterday(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    return _offset(m, ctx, -2)


_CLAUSE_MARKS = frozenset(".!?؟؛:\n\"'«،,-()")


def _clause_start(t: str, i: int) -> bool:
    """Whether only white space lies between a clause boundary (or the text's start) and ``i``."""
    while i > 0 and t[i - 1] in " \t":
        i -= 1
    return i == 0 or t[i - 1] in _CLAUSE_MARKS


_THE_DAY = re.compile(rf"\s+(?:ذات|ذاته|نفس|نفسه|ال\w+){_NA}")
_THAT = frozenset(("ذلك", "تلك", "ذاك"))


# Definite words that are not nouns: relative pronouns and the folded إلى / إلا.
_DEFINITE_NOT_NOUN = frozenset(lx.fold(w) for w in (
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللاتي", "اللواتي", "الى", "إلى", "إلا"))


def _after_definite_noun(t: str, i: int, words: list[str]) -> bool:
    """Whether a definite noun ends right before ``i`` ("أحيا اللبنانيون اليوم الذكرى"): a definite noun
    cannot take "اليوم" in construct, so "اليوم" there is the adverb "today", whatever follows it."""
    if not words or t[i - 1:i] != " " or t[i - 2:i - 1] in _CLAUSE_MARKS:
        return False
    word = words[-1]
    return len(word) > 4 and word.startswith("ال") and word not in _DEFINITE_NOT_NOUN and word != "اليوم"


def _read_today(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    """"اليوم" is today when it is used as a time adverb: with a time of day or weekday (صباح اليوم،
    اليوم الخميس), or mid-clause ("قال ... اليوم لرويترز").  It is the noun "the day" before a
    definite word or ذاته (في اليوم ذاته، اليوم العالمي), and a rhetorical opener as "اليوم، ...".
    """
    if not m["wd"] and not m["pre"]:
        after = t[m.end():m.end() + 30]
        words = t[max(0, m.start() - 16):m.start()].split()
        if _THE_DAY.match(after) and not _after_definite_noun(t, m.start(), words):
            return None
        if words and words[-1] in _THAT:
            return None
        if _clause_start(t, m.start()) and after[:1] in ("،", ","):
            return None
    return _offset(m, ctx, 0, _weekday(m))


def _read_yesterday_day(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    return _offset(m, ctx, -1)


def _read_tomorrow(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    if m["g"] in ("غد", "الغد") and not m["pre"]:
        return None  # bare غد / الغد is "the future" (حزب الغد)
    return _offset(m, ctx, 1, _weekday(m))


def _read_after_tomorrow(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    return _offset(m, ctx, 2, _weekday(m))


_EVENT_RELATIVE = re.compile(r"\s+(?:من|علي|الي|حتي)(?!\w)")


def _read_ago(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    """"قبل يومين", "منذ ثلاثة أسابيع", "بعد شهرين": counted from the reference.  "قبل أسبوع من
    الانتخابات" counts from another event, and "منذ أيام" names no number: neither is a date."""
    if ctx.reference is None or _EVENT_RELATIVE.match(t, m.end()):
        return None
    if m["dir"] == "من" and not _clause_start(t, m.start()):
        return None  # "من" is "ago" only opening a clause ("من أسبوع، ..."); "أكثر من أسبوع" is not
    grain, implied = lx.TIME_UNITS[m["u"]]
    if m["n"]:
        count = int(m["n"]) if m["n"].isdigit() else _MONTH_NUMBERS.get(_squash(m["n"]))
        if implied not in (None, 1) or count is None:
            return None
    else:
        count = implied
    if count is None:
        return None
    sign = 1 if m["dir"] == "بعد" else -1
    ref = ctx.reference
    if grain in ("day", "week"):
        d = ref + dt.timedelta(days=sign * count * (7 if grain == "week" else 1))
        return _Found(m.start(), m.end(), d.isoformat(), "day", relative=True)
    if grain == "month":
        month0 = ref.year * 12 + ref.month - 1 + sign * count
        return _Found(m.start(), m.end(), f"{month0 // 12:04d}-{month0 % 12 + 1:02d}", "month", relative=True)
    return _Found(m.start(), m.end(), f"{ref.year + sign * count:04d}", "year", relative=True)


def _weekday_near(ref: dt.date, index: int, direction: int, inclusive: bool) -> dt.date:
    delta = (index - ref.weekday()) % 7 if direction > 0 else -((ref.weekday() - index) % 7)
    if delta == 0 and not inclusive:
        delta = 7 * direction
    return ref + dt.timedelta(days=delta)


_NOT_WEEKDAY_BEFORE = frozenset(lx.fold(w) for w in ("بين", "كلا", "من", "هذين", "أحد"))


_SHARED_MARKER = re.compile(rf"\s+و(?:يوم\s+)?(?:{_WD}){_NA}\s+(?P<rel>{_REL})")
_TEN_AFTER = re.compile(r"\s+عشر")  # "الأحد عشر": eleven, not Sunday


def _read_weekday(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    """A weekday alone: the most recent (news) or next (Duckling) such day; الماضي / المقبل force
    the direction.  "الاثنين" after بين / كلا is "the two", "الأحد عشر" is eleven."""
    if ctx.reference is None:
        return None
    word = m["wd"]
    if _TEN_AFTER.match(t[m.end("wd"):m.end("wd") + 6]):
        return None
    before = t[max(0, m.start() - 12):m.start()].split()
    if not m["pre"] and before and before[-1] in _NOT_WEEKDAY_BEFORE:
        return None
    if m["and"] and not (before and before[-1] in lx.WEEKDAYS):
        return None  # "والاثنين" is the second of two days ("الأحد والاثنين المقبلين"), else "and the two"
    index = _weekday_index(word)
    marker = m["rel"]
    if not marker and (shared := _SHARED_MARKER.match(t, m.end())):
        marker = shared["rel"]  # "الأحد والاثنين المقبلين": the marker after the second day is the first's too
    direction = _shift(marker) if marker else (1 if ctx.prefer == "future" else -1)
    inclusive = not marker and ctx.prefer == "past"
    if marker and direction == 0:  # الجاري: this week's
        direction, inclusive = -1, True
    d = _weekday_near(ctx.reference, index, direction, inclusive)
    return _Found(m.start("wd") if m["and"] else m.start(), m.end(), d.isoformat(), "day", relative=True,
                  weekday=WEEKDAYS[index])


def _read_weekday_of_week(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    """"اثنين الأسبوع الماضي", "الاثنين من هذا الأسبوع": a weekday of a named (Monday-first) week."""
    if ctx.reference is None:
        return None
    index = _weekday_index(m["wd"])
    monday = ctx.reference - dt.timedelta(days=ctx.reference.weekday())
    d = monday + dt.timedelta(days=7 * _shift(m["rel"]) + index)
    return _Found(m.start(), m.end(), d.isoformat(), "day", relative=True, weekday=WEEKDAYS[index])


def _read_week(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    """"الأسبوع المقبل", "هذا الأسبوع": the month of that (Monday-first) week, when all of it lies in
    one month; a week across two months dates no month."""
    if ctx.reference is None:
        return None
    monday = ctx.reference - dt.timedelta(days=ctx.reference.weekday()) + dt.timedelta(days=7 * _shift(m["rel"]))
    sunday = monday + dt.timedelta(days=6)
    if monday.month != sunday.month:
        return None
    return _Found(m.start(), m.end(), f"{monday.year:04d}-{monday.month:02d}", "month", relative=True)


def _read_weekday_day(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    """"السبت السادس عشر": a weekday and an ordinal day (11th and later: below that it would read
    as "the second Saturday") of the reference month."""
    day = _DAY_ORDINALS[_squash(m["do"])]
    if ctx.reference is None or day < 11:
        return None
    return _day_found(m, m.start(), ctx.reference.year, ctx.reference.month, day, weekday=_weekday(m),
                      relative=True)


def _nth_weekday(year: int, month: int, nth: int, index: int | None) -> dt.date | None:
    """The nth (or last, nth = -1) weekday ``index`` of a month; with index None, the nth day."""
    if index is None:
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        day = last if nth == -1 else nth
        return dt.date(year, month, day) if day <= last else None
    if nth == -1:
        d = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return d - dt.timedelta(days=(d.weekday() - index) % 7)
    first = dt.date(year, month, 1)
    d = first + dt.timedelta(days=(index - first.weekday()) % 7 + 7 * (nth - 1))
    return d if d.month == month else None


_OF_MONTH = re.compile(r"\s+من\s")


def _read_nth(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    """"ثالث ثلاثاء في أيلول 2014", "آخر اثنين من الشهر القادم", "اليوم الأخير من شهر عشرة"."""
    month_year = _month_of(m, ctx)
    if month_year is None:
        return None
    month, year = month_year
    if m["w2"] and m["n2"] in _DATE_LINE_ORDINALS and _OF_MONTH.match(t, m.end("n2")):
        return None  # "يوم الثلاثاء الأول من نيسان": a weekday before a day, as in "الثلاثاء 12 ديسمبر"
    nth = _NTH[m["n1"] or m["n2"]]
    weekday_word = m["w1"] or m["w1b"] or m["w2"]
    if m["y"]:
        year = int(m["y"])
    elif m["yrel"]:
        year = _year_rel(m, ctx)
    elif year is None:
        year = _pick_year(month, None, ctx, None)
    if year is None:
        return None
    index = _weekday_index(weekday_word) if weekday_word else None
    d = _nth_weekday(year, month, nth, index)
    if d is None:
        return None
    return _Found(m.start(), m.end(), d.isoformat(), "day", relative=not m["y"],
                  weekday=WEEKDAYS[index] if index is not None else None)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return dt.date(year, month, (h + l_ - 7 * m + 114) % 31 + 1)


def _holiday_in(year: int, rule: tuple[str, int, int]) -> list[dt.date]:
    calendar, month, day = rule
    if calendar == "easter":
        return [_easter(year)]
    if calendar == "gregorian":
        return [dt.date(year, month, day)]
    out = []
    first = Gregorian(year, 1, 1).to_hijri().year
    for hijri_year in (first, first + 1):
        try:
            g = Hijri(hijri_year, month, day).to_gregorian()
        except (ValueError, OverflowError):
            continue
        if g.year == year:
            out.append(dt.date(g.year, g.month, g.day))
    return out


def _read_holiday(m: re.Match[str], t: str, ctx: _Context) -> _Found | None:
    rule = lx.HOLIDAYS[_squash(m["h"])]
    if m["y"]:
        dates = _holiday_in(int(m["y"]), rule)
        relative = False
    elif ctx.reference is not None:
        ref = ctx.reference
        dates = [d for y in (ref.year - 1, ref.year, ref.year + 1) for d in _holiday_in(y, rule)]
        if ctx.prefer == "future" or ctx.future_cue:
            dates = [min((d for d in dates if d >= ref), default=None)]
        else:
            dates = [max((d for d in dates if d <= ref), default=None)]
        relative = True
    else:
        return None
    if not dates or dates[0] is None:
        return None
    return _Found(m.start(), m.end(), dates[0].isoformat(), "day", relative=relative)


def _nth_after(t: str, chosen: list[_Found]) -> list[_Found]:
    """"ثالث ثلاثاء بعد كريسماس 2014": an nth weekday counted after a date already found."""
    if "بعد" not in t:
        return chosen
    out = []
    for f in chosen:
        m = _NTH_AFTER.search(t, max(0, f.start - 40), f.start) if f.granularity == "day" else None
        if m and _NTH[m["n"]] > 0:
            index = _weekday_index(m["w"])
            d = _weekday_near(dt.date.fromisoformat(f.value), index, 1, False)
            d += dt.timedelta(days=7 * (_NTH[m["n"]] - 1))
            if out and out[-1].end > m.start():
                out.pop()
            out.append(_Found(m.start(), f.end, d.isoformat(), "day", f.calendar, f.relative, WEEKDAYS[index]))
        else:
            out.append(f)
    return out


# "بين 3 و5 آذار", "من 10 إلى 12 مايو", "23-26 نوفمبر": a bare day number before a day-date it is joined
# to is the first day of a range in the same month.
_JOINED_NUMBERS = re.compile(r"\d\s*(?:[-–]|و|الي|حتي|لغايه)\s*(?:(?:عام|سنه)\s+)?\d")
_RANGE_START = re.compile(r"(?<![\w.,/:\-])(?P<d>\d{1,2})\s*(?:[-–]\s*|و\s*|(?:الي|حتي|لغايه)\s+)$")
# "من الأحد 10 إلى الثلاثاء 12 ديسمبر": each day with its weekday.
_WEEKDAY_RANGE_START = re.compile(rf"(?<!\S)(?:يوم\s+)?(?P<wd>{_WD}){_NA}\s+(?P<d>\d{{1,2}})\s*"
                                  r"(?:[-–]\s*|و\s*|(?:الي|حتي|لغايه)\s+)$")
_ORDINAL_RANGE_START = re.compile(rf"(?<!\S)(?P<do>{_DAY_ORD})(?:\s+و|\s+و?(?:الي|حتي|لغايه)\s+)$")


def _opens_with_a_word(f: _Found, t: str) -> bool:
    """A day-date whose text opens with a word rather than a digit ("الخامس من آذار"، "السابع من أيار
    الجاري"، "الثلاثاء 14 آذار"): where a day in words may be joined before it."""
    return f.granularity == "day" and f.calendar == "gregorian" and not t[f.start:f.start + 1].isdigit()


def _range_start(t: str, f: _Found) -> tuple[int, int, int, str | None] | None:
    """The first day joined to a day-date (where it starts, ends, its day and the weekday it is given),
    or None."""
    if t[f.start:f.start + 1].isdigit():
        m = _RANGE_START.search(t, max(0, f.start - 12), f.start)
        return (m.start(), m.end("d"), int(m["d"]), None) if m else None
    if f.weekday:  # "من الأحد 10 إلى الثلاثاء 12 ديسمبر"
        m = _WEEKDAY_RANGE_START.search(t, max(0, f.start - 30), f.start)
        if m:
            return m.start(), m.end("d"), int(m["d"]), _weekday(m)
    if _opens_with_a_word(f, t):  # "يومي الرابع والعشرين والخامس والعشرين من شباط"
        m = _ORDINAL_RANGE_START.search(t, max(0, f.start - 40), f.start)
        return (m.start(), m.end("do"), _DAY_ORDINALS[_squash(m["do"])], None) if m else None
    return None


def _range_starts(t: str, chosen: list[_Found]) -> list[_Found]:
    out: list[_Found] = []
    for f in chosen:
        joined = _range_start(t, f) if f.granularity == "day" and f.calendar == "gregorian" else None
        if joined:
            start, end, day, weekday = joined
            last = dt.date.fromisoformat(f.value)
            if 1 <= day < last.day and (not out or out[-1].end <= start):
                out.append(_Found(start, end, last.replace(day=day).isoformat(), "day", relative=f.relative,
                                  weekday=weekday))
        out.append(f)
    return out


# "عامي 2023 و2024", "بين عامي 2011 و2015", "من 2011 إلى 2015": years joined to a year found.
_NEXT_YEAR = re.compile(r"\s*(?:و\s*|[-–]\s*|(?:الي|حتي|لغايه)\s+)(?:(?:عام|سنه)\s+)?(?P<y>\d{4})(?![\d%٪.,/:\-]|\s*[%٪])")


_PREV_YEAR = re.compile(r"(?<!\w)(?:من|بين)\s+(?P<y>\d{4})\s*(?:[-–]\s*|و\s*|(?:الي|حتي|لغايه)\s+)$")


def _year_continuations(t: str, chosen: list[_Found]) -> list[_Found]:
    out: list[_Found] = []
    for i, f in enumerate(chosen):
        p = _PREV_YEAR.search(t, max(0, f.start - 20), f.start) if f.granularity == "year" else None
        if p and 1900 <= int(p["y"]) < int(f.value) and (not out or out[-1].end <= p.start("y")):
            out.append(_Found(p.start("y"), p.end("y"), p["y"], "year"))  # "من 2011 إلى 2015"
        out.append(f)
        m = _NEXT_YEAR.match(t, f.end) if f.granularity == "year" else None
        if m and int(f.value) < int(m["y"]) <= 2100 and (i + 1 == len(chosen) or chosen[i + 1].start >= m.end()):
            out.append(_Found(m.start("y"), m.end("y"), m["y"], "year"))
    return out


_READERS = {
    "dmy": _read_dmy, "mdy": _read_mdy, "hijri": _read_hijri, "iso": _read_iso, "numeric": _read_numeric,
    "numeric_spaced": _read_numeric, "day_month_numeric": _read_day_month_numeric,
    "month_year_numeric": _read_month_year_numeric, "month": _read_month, "year": _read_year,
    "relative_year": _read_relative_year, "week": _read_week, "yesterday": _read_yesterday,
    "before_yesterday": _read_before_yesterday, "today": _read_today, "yesterday_day": _read_yesterday_day,
    "tomorrow": _read_tomorrow, "after_tomorrow": _read_after_tomorrow, "ago": _read_ago,
    "weekday_of_week": _read_weekday_of_week, "weekday": _read_weekday, "weekday_day": _read_weekday_day,
    "nth": _read_nth, "holiday": _read_holiday,
}
