"""date-conflict: claims about one fact (one cluster) that give it different dates.

Which date in a claim is the event's?  A claim may also carry the publication line, a deadline, or the
date of an earlier event ("after the fall of Assad on 8 December").  Two dates are compared only when
they are about the same thing: each is the one date of its claim that is not background, or the words
around them overlap ("اتفاق 10 مارس" / "اتفاق العاشر من آذار") in a word that is neither a name nor one
that introduces dates of any event (الرئيس أحمد الشرع شكل اللجنة / وقع الإعلان: two acts of one man).  A date the other claim accounts for
(the same day, or a finer date inside the same month) never conflicts.

A misreported date usually gets one part wrong (the day, the month or the year) or slips by a few
days; two dates that differ in more than one part and lie more than ``near_days`` apart are taken to
be different events that the cluster happens to share (the announcement and a later meeting about the
same accession), and so are dates whose periods lie more than ``max_gap_days`` apart (8 August 2025
and 9 August 2022; the year 2014 and 9 August 2022).  Two years have no other clue than that one part
and are compared when one misreport apart (a digit wrong, or two swapped: 2020 / 2021, 2024 / 2042;
not 1930 / 2034).  A report's date ("بحسب ما أعلنت الوزارة اليوم الجمعة": a reporting verb, then a date counted from the
date line, a week back at most) that falls after the other document was published dates something that
document could not have reported (the day a rising toll was announced, not the blast the earlier report
dates), unless that document looked ahead; so does one falling before the other document was written, once
that document was written after the report's news week (an anniversary piece dates the blast, not the toll),
and, within one document, the day a source is cited for ("بحسب ما أعلنت الوزارة اليوم") never conflicts with
another date (the writer dates the toll's announcement and the blast apart).  Two documents' claims that each place their event in one country that the other document never names
(turnout in Iraq's and in Jordan's last elections) are about different events; so are a date after its
document's date line (what a decision will apply from) and one long past when the other document was
written (a cut applied since early 2024, an increase for June 2025).  Within one document, two dates both counted from its date line ("أعلن أمس …
ويلتقي اليوم …") are the writer's own sequence of events, never one event dated twice; so are two days
each given with its right weekday ("الغارات مساء أمس السبت … بعد يوم من هجوم فجر الجمعة 19 تموز").

A fact is often dated in passing, in a sentence about something else ("… منذ سقوط نظام الأسد في 8
ديسمبر"), so two such sentences never share a cluster.  With ``anchors`` on, a written-out date is also
compared with every other document's date that the same phrase introduces: the content words just
before it (its anchor, from the clause's "after/since" marker on) must share at least two words that are
not reporting verbs or generic offices, and half of the smaller anchor, one of them not a name (the
man who formed an inquiry and signed a declaration is no act of either); numbers in it ("القانون رقم 12
لسنة 2018") must not differ; and the two documents must name something in common (when both name anything).

Some pairs are never one event dated twice: a "had been" sentence (وكانت اللجنة قد شكلت في …) is a look
back, compared only when the words introducing both dates name one act; a document's own day against
the same day of another year is an anniversary; claims about two people's acts (the first person each
names, unless the source of reported speech) where neither names the other's; the day a source spoke
("أعلن التلفزيون صباح اليوم") when the claim also dates the event.  A day written without its year
that differs in its month differs in that part only, whatever year was inferred.  Beyond the clusters,
the one earthquake of a place may be dated in passing: two documents naming a place in common that date
it a slip apart (8 August / 8 September) conflict; and a look back that restates another document's
claim in three words in common, its day the same but its month or year one slip off, conflicts with it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from itertools import combinations

from workbench.model import WEEKDAYS, Claim, DateMention
from workbench.rules.base import Hit, Kind, Option, Rule, RuleContext
from workbench.rules.mentions import (
    clause_before, coarser, context as words_around, covers, words_after, dated_mentions, dates_agree, day_of, first_day, gap_days,
    is_background, places_near, GRANULARITY_ORDER, nationalities,
    REPORTING, last_day, looks_back, names_in, overlap, raw_words_after, raw_words_before, background_marker, content_tokens, parts_differing, same_anchor, same_word,
    pairs_sharing_a_word,
)
from workbench.rules.builtin.common import Side, cluster_conflicts, conflict_hit
from workbench.extract.lexicon import MONTHS, YEAR_EVENT_NOUNS
from workbench.text import fold, fold_digits, normalise, strip_clitics

OPTIONS = {
    "max_gap_days": Option(int, 400, "dates further apart are different occurrences, not a conflict"),
    "near_days": Option(int, 7, "dates this close may differ in every part (30 March / 2 April)"),
    "hijri_tolerance_days": Option(int, 1, "a Hijri date may differ by this many days (moon sighting)"),
    "granularities": Option(list, ["day", "month", "year"], "the granularities at which dates may conflict",
                            choices=("day", "month", "year"), item_type=str),
    "same_document": Option(bool, True, "also compare two claims of one document"),
    "anchors": Option(bool, True, "also compare dates introduced by the same phrase in unclustered claims"),
}
_ANCHOR_WORDS = 4
_NEWS_DAYS = 7  # "اليوم", "أمس", "الأحد الماضي": the news of a date line
# Words that introduce dates of any event: sharing them says nothing about which event it is.
_GENERIC = frozenset(normalise(w) for w in """
    اعلن أعلن اعلنت أعلنت قال قالت اكد أكد اكدت أكدت اضاف أضاف اضافت أضافت ذكر ذكرت اشار أشار اشارت أشارت
    اوضح أوضح افاد أفاد افادت أفادت صرح بيان تصريح تصريحات وزاره وزارة حكومه حكومة مصدر مصادر رئيس وزير
    يوم اليوم امس أمس تاريخ بتاريخ عام سنه سنة شهر مساء صباح وقت خلال الماضي الجاري
    عقد عقدت انعقد انعقدت تعقد يعقد
""".split())


def _unknowable(x: DateMention, y: DateMention, b: Claim, published_x, published_y) -> bool:
    """``y`` dates a report ("بحسب ما أعلنت الوزارة اليوم الجمعة"): a reporting verb introduces it, it is
    its document's news of the day (counted from its date line, a week back at most), and it falls after
    the day ``x``'s document was published, which ``x`` does not pass, or ``x``'s document was written
    after that news week was over (a look back years later).  ``x``'s writer did not mean that report;
    the event it dates is another matter."""
    if not y.relative or published_x is None or published_y is None:
        return False
    start, end = first_day(y), last_day(x)
    if start is None or end is None or not (0 <= (published_y - start).days <= _NEWS_DAYS):
        return False
    later = start > published_x and end <= published_x
    # x's document was written after the report's news week had passed (an anniversary piece years
    # on): it dates the event from the record, never the day a toll or a statement was announced.
    retrospective = (published_x - published_y).days > _NEWS_DAYS
    if not (later or retrospective):
        return False
    return _reported(y, b)


_AS = frozenset(normalise(w) for w in ("ما", "كما"))


def _reporting(word: str) -> bool:
    """A reporting verb (أعلن، قال، أفاد …), with or without its clitics (وأعلن، فقال)."""
    return word in REPORTING or strip_clitics(word) in REPORTING


def _attributed(y: DateMention, b: Claim) -> bool:
    """The date of a source's statement the claim cites ("بحسب ما أعلنت الوزارة اليوم", "كما ذكرت الوكالة
    أمس"): the day the source spoke, not the day of what it reports."""
    head = clause_before(b, y.start)
    words = re.findall(r"\w+", normalise(head))[-6:]
    return any(_reporting(w) and i > 0 and words[i - 1] in _AS for i, w in enumerate(words))


def _event_dates(claim: Claim, dates: list[DateMention]) -> list[DateMention]:
    """A claim's dates less the day its source spoke, when it also dates the event ("أعلن التلفزيون
    صباح اليوم الاثنين وفاة الرئيس … إثر تحطم مروحيته ظهر أمس الأحد"): that day is no date of the event
    another report dates."""
    events = [d for d in dates if not _report_day(d, claim)]
    return events if events else dates


def _report_day(y: DateMention, b: Claim) -> bool:
    """The day a source spoke, counted from the date line: a reporting verb among the few words
    before the date, commas and all ("أعلن البنك الدولي، أمس الجمعة، أن"), and the date not inside what
    was said ("قال إن الانفجار وقع اليوم")."""
    if not y.relative:
        return False
    return any(map(_reporting, raw_words_before(b, y.start, 4))) and not _reported_content(y, b)


_THAT = frozenset(normalise(w) for w in "أن إن بأن ان بان".split())


def _speech_day(y: DateMention, b: Claim) -> bool:
    """The day a source spoke, followed by what it said ("أعلن البنك الدولي، أمس الجمعة، أن المتأخرات
    سويت اعتباراً من 12 أيار"): within one document, the writer dates the statement and its content
    apart.  Not an announcement that is itself the event ("أعلن ترامب أمس الثلاثاء رفع العقوبات")."""
    return _report_day(y, b) and any(w in _THAT for w in raw_words_after(b, y.end, 3))


def _reported_content(y: DateMention, b: Claim) -> bool:
    """The date is inside what the source said ("قال إن الانفجار وقع اليوم الثلاثاء"): "أن" or "إن"
    stands between the reporting verb and the date."""
    words = re.findall(r"\w+", normalise(clause_before(b, y.start)))[-6:]
    verb = max((i for i, w in enumerate(words) if _reporting(w)), default=-1)
    return verb >= 0 and any(w in _THAT for w in words[verb + 1:])


def _reported(y: DateMention, b: Claim) -> bool:
    """A reporting verb just before the date, in its clause: "وفق ما أعلنت الوزارة اليوم الإثنين"."""
    head = clause_before(b, y.start)
    return any(map(_reporting, re.findall(r"\w+", normalise(head))[-4:]))


_SINCE = normalise("منذ")


def _since(mention: DateMention) -> bool:
    """"منذ خمسة أيام" counted from the date line: how long a state has lasted (an outage, a siege), whose
    start is no date of the event the cluster reports."""
    return mention.relative and normalise(mention.text).startswith(_SINCE) and mention.granularity == "day"


def _current(mention: DateMention, published) -> bool:
    """A month or year counted from the date line that holds the date line itself ("العام الجاري", "مطلع
    الشهر الجاري"): the time of writing, not a date of the event."""
    if not mention.relative or mention.granularity not in ("month", "year") or published is None:
        return False
    start, end = first_day(mention), last_day(mention)
    return start is not None and end is not None and start <= published <= end


def later_news(x: DateMention, y: DateMention, published_x, published_y) -> bool:
    """``y`` is its document's news of the day (counted from its date line, a week back at most) and
    falls after ``x``'s document was published, while ``x`` dates something before that: ``x``'s writer
    could not have known ``y``'s event, so the two are successive events (the first aid convoy and the
    fourth), not one event dated twice."""
    if not y.relative or published_x is None or published_y is None:
        return False
    start, end = first_day(y), last_day(x)
    if start is None or end is None or not (0 <= (published_y - start).days <= _NEWS_DAYS):
        return False
    return start > published_x and end <= published_x


def _series(claim: Claim) -> dict[str, set[float]]:
    """The ordinals a claim gives, by the noun each ranks ("أول قافلة", "القافلة الرابعة" -> قافلة)."""
    out: dict[str, set[float]] = {}
    for number in claim.numbers:
        if number.ordinal and number.unit:
            out.setdefault(strip_clitics(normalise(number.unit)), set()).add(float(number.value))
    return out


def different_occasions(a: Claim, b: Claim, published_a, published_b) -> bool:
    """Two members of one series on two days: the claims rank one noun differently (the first convoy,
    the fourth) and one reports as its news a day after the other's document was written.  A later
    date alone is not enough (a blast "yesterday, Thursday" two days after another report of it)."""
    series_a, series_b = _series(a), _series(b)
    if not any(series_a[k] != series_b[k] for k in series_a.keys() & series_b.keys()):
        return False
    return any(later_news(x, y, published_a, published_b) or later_news(y, x, published_b, published_a)
               for x in a.dates for y in b.dates)


def year_slip(a: str, b: str) -> bool:
    """Two years one misreport apart: one digit wrong (2020 / 2021) or two neighbours swapped (2024 /
    2042).  Years differing otherwise (the first World Cup in 1930, the one of 2034) are two years."""
    a, b = a[:4], b[:4]
    wrong = [i for i in range(min(len(a), len(b))) if a[i] != b[i]]
    if len(a) != len(b):
        return False
    return len(wrong) == 1 or (len(wrong) == 2 and wrong[1] == wrong[0] + 1
                               and a[wrong[0]] == b[wrong[1]] and a[wrong[1]] == b[wrong[0]])


# Nouns (and verbs) that name a kind of event: a date introduced by a strike and one introduced by a
# ceasefire date two events, however close the days and however alike the rest of the sentences.
_EVENTS = tuple(frozenset(strip_clitics(normalise(w)) for w in group.split()) for group in (
    "غارة غارات الغارات قصف القصف ضربة ضربات استهدف استهدفت",
    "هدنة الهدنة وقف اتفاق الاتفاق تهدئة",
    "اشتباك اشتباكات الاشتباكات مواجهات المواجهات معارك المعارك",
    "انتخابات الانتخابات اقتراع الاقتراع",
    "انفجار الانفجار انفجارات الانفجارات تفجير تفجيرات",
    "زلزال الزلزال",
    "حريق الحريق حرائق الحرائق",
    "انسحاب الانسحاب",
    "انتشار انتشاره الانتشار",
    "قافلة القافلة قوافل القوافل مساعدات المساعدات إغاثة الإغاثة",
    "قمة القمة اجتماع الاجتماع جلسة الجلسة مؤتمر المؤتمر لقاء اللقاء التقى التقت يلتقي",
    "وصل وصلت يصل تصل وصول وصوله",
    "جنازة الجنازة تشييع جثمان جثامين دفن شيع شيعت يشيع تشيع",
    "كلمة الكلمة خطاب الخطاب يلقي ألقى",
    "اغتيال الاغتيال اغتيل اغتيلت اغتالت اغتالته",
    "موافقة موافقتها موافقته وافق وافقت",
))
_EVENT_WORDS = 6
# Kinds of event a place has once in a long while: two reports dating "the earthquake" or "the fires" of
# one region a month or a day apart date one event twice (one strike, clash or blast among many in a war
# is not so).
_SINGULAR = frozenset(i for i, group in enumerate(_EVENTS) if group & {"زلزال", "حرايق"})
# Kinds of event that come before or after another and are never it: an arrival (the day before a
# summit), a funeral (the day after a strike), a party's consent (days before the release it agrees to).
# A date of one is compared only with dates of the same kind.
_FOLLOWING = frozenset(i for i, group in enumerate(_EVENTS) if group & {"وصول", "جنازه", "موافقه"})


def event_kinds(words) -> frozenset[int]:
    """The kinds of event (indexes of ``_EVENTS``) among content words.  The alif of an accusative ending
    comes off ("أعلن … وقفاً شاملاً لإطلاق النار"), and so does a conjunction before a verb ("ووصل الأسد")."""
    forms = {f for w in words for f in (w, w.removesuffix("ا"), w[1:] if w[:1] in "وف" else w)}
    return frozenset(i for i, group in enumerate(_EVENTS) if not forms.isdisjoint(group))


def _event_kinds(claim: Claim, mention: DateMention) -> frozenset[int]:
    """The kinds of event named right by a date: in the few words before it (from its clause's
    "after/since" marker on), or the verb that opens its clause ("شيّعت مدينة حمص وعدد من المدن …
    أمس الجمعة"), or else in the few words after it."""
    words = content_tokens(_introducing(claim, mention))
    found = event_kinds(words[-_EVENT_WORDS:] + words[:2]) or event_kinds(words_after(claim, mention.end, 3))
    if not found and raw_words_before(claim, mention.start, 1) == [_SINCE]:
        # "الحرائق المشتعلة منذ الجمعة الرابع من تموز": what has lasted since the date started on it
        found = event_kinds(content_tokens(clause_before(claim, mention.start))[-_EVENT_WORDS:])
    return found


def _other_events(a: Claim, x: DateMention, b: Claim, y: DateMention) -> bool:
    """Each date names a kind of event and no kind is common to both (a strike on Tuesday, the
    ceasefire agreed on Saturday): two events of one week, not one event dated twice.  An arrival, a
    funeral or a consent is another event than any but its own kind."""
    kinds_x, kinds_y = _event_kinds(a, x), _event_kinds(b, y)
    if (kinds_x & _FOLLOWING) != (kinds_y & _FOLLOWING):
        return True  # "ووصل الأسد إلى جدة مساء الخميس" / "القمة العربية يوم 19 أيار"
    return bool(kinds_x) and bool(kinds_y) and not kinds_x & kinds_y


def _anniversary(x: DateMention, y: DateMention, published_x) -> bool:
    """``x`` is its document's own day and ``y`` the same day of the month in another year ("يصادف
    اليوم مرور عام على اختتام المؤتمر"): an anniversary and its event, not one event dated twice."""
    return (x.granularity == y.granularity == "day" and published_x is not None
            and x.value == published_x.isoformat() and x.value[4:] == y.value[4:] and x.value[:4] != y.value[:4])


def _actor(claim: Claim) -> str | None:
    """The first person a claim names, unless he is the source of reported speech ("أعلن الشيباني أن
    …"): in news Arabic, who acts (استقبل أردوغان …، زار فيصل بن فرحان …، أعلنته كايا كالاس في …)."""
    first = min((e for e in claim.entities if e.type == "person"), key=lambda e: e.start, default=None)
    if first is None:
        return None
    source = (any(map(_reporting, raw_words_before(claim, first.start, 3)))
              and any(w in _THAT for w in raw_words_after(claim, first.end, 4)))
    return None if source else first.id


def _other_actors(a: Claim, b: Claim) -> bool:
    """Each claim is about another person's act and neither names the other's person (the Saudi foreign
    minister's visit to Damascus, Erdogan's reception of al-Sharaa): two events, not one dated twice."""
    actor_a, actor_b = _actor(a), _actor(b)
    return (actor_a is not None and actor_b is not None and actor_a != actor_b
            and all(e.id != actor_b for e in a.entities) and all(e.id != actor_a for e in b.entities))


_RANGE_JOIN = re.compile(r"\s*(?:[-–]|و|و?(?:الي|حتي|لغايه))\s*")


def day_range(claim: Claim, mention: DateMention) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the span a day-date opens or closes ("من العاشر إلى الثاني عشر من
    كانون الأول"، "بين 1 و3 ديسمبر"), or None for a day of its own."""
    days = sorted((d for d in claim.dates if d.granularity == "day"), key=lambda d: d.start)
    for first, last in zip(days, days[1:]):
        if mention in (first, last) and _RANGE_JOIN.fullmatch(
                normalise(claim.text[first.end - claim.start:last.start - claim.start])):
            start, end = day_of(first), day_of(last)
            if start is not None and end is not None and start < end:
                return start, end
    return None


def _day_against_span(a: Claim, x: DateMention, b: Claim, y: DateMention) -> bool:
    """One date is a span of days (voting "من العاشر إلى الثاني عشر") and the other a single day inside
    it (the pagers on the 17th of "يومي 17 و18 أيلول") or more than a day outside it (the result announced
    on the 18th): the day agrees with the span, or is another stage of the event.  A day next to the span
    may be its end misreported."""
    span_x, span_y = day_range(a, x), day_range(b, y)
    if (span_x is None) == (span_y is None):
        return False
    (start, end), day = (span_x, day_of(y)) if span_x else (span_y, day_of(x))
    return day is not None and (start - day).days != 1 and (day - end).days != 1


_AFTER_EVENT_NOUN = re.compile(rf"(?<!\w)[وبل]?(?:{'|'.join(map(re.escape, YEAR_EVENT_NOUNS))})\s+"
                               r"(?:[\"«“]?[^\W\d_]+\s+)?[\"«“]?$")


def _edition(claim: Claim, mention: DateMention) -> bool:
    """A year in figures after the noun of an event that recurs ("كأس العالم 2030"، "انتخابات 2021"):
    it names one edition, and another year another edition, not the same event dated twice."""
    if mention.granularity != "year" or not mention.text.isdigit():
        return False
    at = mention.start - claim.start
    return _AFTER_EVENT_NOUN.search(fold(claim.text[max(0, at - 40):at])) is not None


_PERIOD_START = frozenset(normalise(w) for w in "اعتبارا اعتباراً ابتداء ابتداءً بدءا بدءاً يبدأ تبدأ بدأ بدأت".split())
_PERIOD_END = frozenset(normalise(w) for w in "ينتهي تنتهي انتهى انتهت انتهاء حتى لغاية".split())


def _period_bound(claim: Claim, mention: DateMention) -> str | None:
    """"start" or "end" when the date opens or closes a period ("الحداد ثلاثة أيام اعتباراً من اليوم
    الجمعة" / "والحداد ينتهي غداً"): the two ends of one period are two days."""
    words = _unjoined_words_before(claim, mention.start, 3)
    return "start" if words & _PERIOD_START else "end" if words & _PERIOD_END else None


def _unjoined_words_before(claim: Claim, start: int, count: int) -> set[str]:
    """The few words before ``start``, each also without a joined و or ف ("وينتهي" is ينتهي too)."""
    return {f for w in raw_words_before(claim, start, count) for f in (w, w[1:] if w[:1] in "وف" else w)}


_STATED = frozenset(normalise(w) for w in "قال قالت أكد أكدت صرح صرحت أوضح أوضحت أشار أشارت أضاف أضافت تحدث تحدثت".split())


def _statement_day(claim: Claim, mention: DateMention) -> bool:
    """The day someone said something ("وكان الحية قد أكد، الخميس 9 أكتوبر، أن …"): what was said is
    dated elsewhere, and the day of saying it is no date of another report's event.  An announcement
    (أعلن) is left out: it is often the event itself ("أعلن ترامب أمس رفع العقوبات")."""
    return bool(_unjoined_words_before(claim, mention.start, 3) & _STATED)


_KILLING = frozenset(i for i, group in enumerate(_EVENTS) if "اغتيال" in group)


def _other_victims(a: Claim, x: DateMention, b: Claim, y: DateMention) -> bool:
    """Both dates are of a killing, and each clause names a person the other claim never names (Ibrahim
    Aqil killed on 20 September, Hashem Safieddine early in October): two killings."""
    if not (_event_kinds(a, x) & _KILLING and _event_kinds(b, y) & _KILLING):
        return False
    names_a, names_b = _people_before(a, x), _people_before(b, y)
    return (bool(names_a and names_b) and not names_a & {e.id for e in b.entities}
            and not names_b & {e.id for e in a.entities})


def _people_before(claim: Claim, mention: DateMention) -> set[str]:
    clause_start = mention.start - len(clause_before(claim, mention.start))
    return {e.id for e in claim.entities if e.type == "person" and clause_start <= e.start < mention.start}


def _two_events(a: Claim, x: DateMention, b: Claim, y: DateMention) -> bool:
    """What the words around two dates tell of them being two events: kinds of event, a span and a day,
    two cities, the two ends of a period, a statement's day and an event's, two victims, two editions,
    two states' acts, a day given as the one after (or before) another event."""
    return (_other_events(a, x, b, y) or _day_against_span(a, x, b, y) or _other_places(a, x, b, y)
            or {_period_bound(a, x), _period_bound(b, y)} == {"start", "end"}
            or _statement_day(a, x) != _statement_day(b, y) or _other_victims(a, x, b, y)
            or _edition(a, x) or _edition(b, y) or _other_states(a, x, b, y)
            or (gap_days(x, y) == 1 and (_next_to_another(a, x) or _next_to_another(b, y))))


_EVENT_REACH = 5  # words before a date in which a nationality tells whose act it dates


def _other_states(a: Claim, x: DateMention, b: Claim, y: DateMention) -> bool:
    """The words before each date give the act a nationality, and none is common ("الضربات الأميركية على
    فوردو … فجر 22 يونيو" / "الهجوم الصاروخي الإيراني … في 23 يونيو"): two states' acts."""
    mine = nationalities(content_tokens(clause_before(a, x.start))[-_EVENT_REACH:])
    theirs = nationalities(content_tokens(clause_before(b, y.start))[-_EVENT_REACH:])
    return bool(mine and theirs) and not mine & theirs


_BESIDE = frozenset(normalise(w) for w in "غداة عشية".split())


def _next_to_another(claim: Claim, mention: DateMention) -> bool:
    """The date is given as the day after or the eve of another event ("في الثامن من تشرين الأول، غداة
    هجوم حماس"): that event is a day off, and is not this one."""
    return bool(_BESIDE & set(raw_words_after(claim, mention.end, 3)))


def _accounted(d: DateMention, others: list[DateMention]) -> bool:
    """The other claim gives ``d``'s date, or a coarser one it falls in while dating nothing as finely
    ("السابع من أيار" against a list of trips "في آذار، ثم ... في أيار"): no conflict to find for it."""
    if any(covers(e, d) for e in others):
        return True
    finest = max((GRANULARITY_ORDER[e.granularity] for e in others), default=-1)
    return finest < GRANULARITY_ORDER[d.granularity] and any(dates_agree(e, d) for e in others)


def _other_places(a: Claim, x: DateMention, b: Claim, y: DateMention) -> bool:
    """Each date is tied to a city or region the other claim never names (al-Sharaa's first meeting with
    Barrack in Istanbul "last Saturday", his talks with Macron in Paris on Thursday 7 May): two events.
    A dateline ("بيروت – ") is where the report was filed, and a country holds its cities, so neither
    tells two events apart."""
    near_a, near_b = _cities_near(a, x), _cities_near(b, y)
    return (bool(near_a and near_b) and not near_a & {e.id for e in b.entities}
            and not near_b & {e.id for e in a.entities})


_DATELINE_END = re.compile(r"\s*[-–—:]")


def _cities_near(claim: Claim, mention: DateMention) -> set[str]:
    cities = {e.id for e in claim.entities if e.type == "place"}
    datelines = {e.id for e in claim.entities
                 if e.start - claim.start <= 2 and _DATELINE_END.match(claim.text, e.end - claim.start)}
    return (places_near(claim, mention) & cities) - datelines


def _plan_and_past(x: DateMention, y: DateMention, published_x, published_y, options) -> bool:
    """``y`` lies after its own date line (what a decision will apply from: "زيادة الإنتاج في حزيران")
    while ``x`` was over long before its document was written, on or after ``y``'s date line (a cut
    "applied since early 2024"): a plan and a past stage, not one event dated twice."""
    if published_x is None or published_y is None or published_x < published_y:
        return False
    start, end = first_day(y), last_day(x)
    return (start is not None and end is not None and start > published_y
            and (published_x - end).days > options["near_days"])


def _pair(a: Claim, da: list[DateMention], b: Claim, db: list[DateMention], options,
          published=lambda claim: None, other_countries=lambda a, b: False) -> list[tuple[DateMention, DateMention]]:
    tolerance = options["hijri_tolerance_days"]
    if other_countries(a, b):
        return []  # elections in Iraq and in Jordan: each places its event in a country the other never names
    if different_occasions(a, b, published(a), published(b)) or _other_actors(a, b):
        return []
    if a.doc != b.doc:
        da, db = _event_dates(a, da), _event_dates(b, db)
    open_a = [d for d in da if not _accounted(d, db)]
    open_b = [d for d in db if not _accounted(d, da)]
    primary_a = [d for d in da if not is_background(a, d)]
    primary_b = [d for d in db if not is_background(b, d)]
    single = len(primary_a) == 1 and len(primary_b) == 1
    names = names_in(a) | names_in(b)
    # Words about the date's event: not the names of who acted nor words that introduce any date
    # (أحمد الشرع شكل اللجنة / الرئيس أحمد الشرع وقع الإعلان: two acts of one man).
    beside = names | _GENERIC
    found = []
    for x in open_a:
        for y in open_b:
            related = (single and x is primary_a[0] and y is primary_b[0]) or overlap(
                words_around(a, x.start, x.end) - beside, words_around(b, y.start, y.end) - beside) > 0
            # A "had been" sentence looks back at an earlier event.  Its date is the cluster's event's when
            # the words introducing both dates name one act ("وكان الطرفان قد وقعا الاتفاق في" / "وقع الطرفان
            # الاتفاق أمس"), or, across documents, when the two days (one written out) are one slip apart
            # (27 April 2024 / 2025, 28 / 29 December, 6 / 16); not days apart on the topic words a cluster
            # shares ("وكانت اللجنة التحضيرية للمؤتمر قد شكلت في 12 شباط" / "اختتمت أمس أعمال مؤتمر الحوار").
            if looks_back(a, x.start) or looks_back(b, y.start):
                related = _same_act(_anchor(a, x), _anchor(b, y), names) or (
                    related and a.doc != b.doc and x.granularity == y.granularity == "day"
                    and not (x.relative and y.relative) and _misreport(x, y, options, near_days=1))
            if not related or dates_agree(x, y, hijri_tolerance=tolerance):
                continue
            if _since(x) or _since(y):
                continue
            if _anniversary(x, y, published(a)) or _anniversary(y, x, published(b)):
                continue
            if _two_events(a, x, b, y):
                continue
            if _plan_and_past(x, y, published(a), published(b), options) or _plan_and_past(y, x, published(b), published(a), options):
                continue
            if (published(a) != published(b) and _current(x, published(a)) and _current(y, published(b))):
                continue  # "this year" in March 2026 and "this month" in December 2025: two times of writing
            if _unknowable(x, y, b, published(a), published(b)) or _unknowable(y, x, a, published(b), published(a)):
                continue
            if a.doc == b.doc and (_speech_day(x, a) or _speech_day(y, b)
                                   or (y.relative and _attributed(y, b)) or (x.relative and _attributed(x, a))):
                continue  # "بحسب ما أعلنت الوزارة اليوم" / "وكان الانفجار قد وقع الأربعاء": the source's day and the event's
            numbers_x, numbers_y = _anchor_numbers(a, x), _anchor_numbers(b, y)
            if numbers_x and numbers_y and not numbers_x & numbers_y:
                continue  # "رقم 8 لسنة 1996" / "رقم 6 لسنة 2010": the years of two numbered things
            if not _comparable(x, y, options):
                continue
            gap = gap_days(x, y)
            if x.relative and y.relative and a.doc != b.doc and published(a) != published(b) and (gap is None or gap > 2):
                continue  # "أمس الجمعة" in one report, "اليوم الخميس" in one of the next week: each its own day's news
            found.append((x, y))
    return found


def _comparable(x: DateMention, y: DateMention, options) -> bool:
    """Two dates of one event that disagree the way a misreport does (see the module docstring)."""
    if dates_agree(x, y, hijri_tolerance=options["hijri_tolerance_days"]) or covers(x, y) or covers(y, x):
        return False
    if coarser(x.granularity, y.granularity) not in options["granularities"]:
        return False
    gap = gap_days(x, y)
    if not (x.granularity == y.granularity == "year") and gap is not None and gap > options["max_gap_days"]:
        return False
    if x.granularity == y.granularity == "year" and not year_slip(x.value, y.value):
        return False
    return not (parts_differing(x, y) > 1 and (gap is None or gap > options["near_days"]))


# Words news writers use interchangeably to introduce the start of fighting: "بدأت الاشتباكات" and
# "المواجهات التي اندلعت" name one event.
_SYNONYMS = {normalise(w): normalise(group.split()[0]) for group in (
    "بدأ بدأت بدات اندلع اندلعت انطلق انطلقت اشتعلت",
    "اشتباك اشتباكات مواجهات مواجهة معارك",
) for w in group.split()}


def _same_sense(word: str) -> str:
    if word in _SYNONYMS:
        return _SYNONYMS[word]
    if word[:1] in ("و", "ف") and word[1:] in _SYNONYMS:
        return _SYNONYMS[word[1:]]
    return word


def _introducing(claim: Claim, mention: DateMention) -> str:
    """The words that introduce a date: its clause before it, from the clause's "after / since" marker on."""
    head = clause_before(claim, mention.start)
    marker = background_marker(head)
    return head if marker is None else head[marker:]


def _anchor(claim: Claim, mention: DateMention) -> tuple[str, ...]:
    """The content words that introduce a date: the nearest few of its clause, from the clause's
    "after / since" marker on, less words that introduce dates of any event."""
    head = _introducing(claim, mention)
    return tuple(_same_sense(w) for w in content_tokens(head)[-_ANCHOR_WORDS:] if w not in _GENERIC)


def _anchor_numbers(claim: Claim, mention: DateMention) -> frozenset[str]:
    """The numbers among the last few words before a date, and the ordinals of its clause: "القانون
    رقم 12 لسنة 2018" is law No. 12, and another law's year is no date of it; "المؤتمر الثاني عشر للحزب"
    is not "مؤتمر بروكسل الثامن"."""
    head = normalise(claim.text[: max(0, mention.start - claim.start)])
    clause_start = mention.start - len(clause_before(claim, mention.start))
    ordinals = {str(n.value) for n in claim.numbers if n.ordinal and clause_start <= n.start and n.end <= mention.start}
    return frozenset(w for w in re.findall(r"\w+", head)[-_ANCHOR_WORDS:] if w.isdigit()) | ordinals


def _named_day(mention: DateMention) -> bool:
    """A day given with its right weekday ("أمس السبت", "الجمعة 19 تموز"): within one document, two such
    days are the writer's own sequence of events ("جاءت الغارات بعد يوم من هجوم … فجر الجمعة"), each
    day checked twice over, not one event dated two ways."""
    day = mention.as_date() if mention.granularity == "day" and mention.calendar == "gregorian" else None
    return day is not None and mention.weekday == WEEKDAYS[day.weekday()]


def _same_act(a: tuple[str, ...], b: tuple[str, ...], names: frozenset[str]) -> bool:
    """Two anchors share a word that is not a name: who acted is no act (أحمد الشرع شكل اللجنة / أحمد
    الشرع وقع الإعلان)."""
    return any(same_word(w, v) for w in a if w not in names for v in b if v not in names)


def _anchored(context: RuleContext, dated: dict[str, list[DateMention]], options) -> Iterator[Hit]:
    """Written-out dates introduced by the same phrase in different documents, outside any one cluster.
    Copies (same anchor, same date) are compared once, so syndicated text costs what distinct text costs."""
    copies: dict[tuple, list[tuple[Claim, DateMention]]] = {}
    for claim in context.claims.values():
        for mention in dated[claim.id]:
            anchor = _anchor(claim, mention) if _written_out(mention) and not _edition(claim, mention) else ()
            if len(anchor) >= 2:
                key = (anchor, mention.value, mention.granularity, mention.calendar, _anchor_numbers(claim, mention))
                copies.setdefault(key, []).append((claim, mention))
    keys = list(copies)
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    published = context.published

    def planned(a: Claim, x: DateMention, b: Claim, y: DateMention) -> bool:
        return (_plan_and_past(x, y, published(a), published(b), options)
                or _plan_and_past(y, x, published(b), published(a), options))

    conflicts: list[tuple[int, tuple[Side, Side]]] = []
    for i, j in pairs_sharing_a_word([key[0] for key in keys]):
        numbers_i, numbers_j = keys[i][4], keys[j][4]
        if numbers_i and numbers_j and not numbers_i & numbers_j:
            continue  # law No. 12 of 2018, law No. 150 of 1950: two things of one kind
        if not same_anchor(keys[i][0], keys[j][0]) or not _misreport(copies[keys[i]][0][1], copies[keys[j]][0][1], options):
            continue
        if not _same_act(keys[i][0], keys[j][0], names_in(copies[keys[i]][0][0]) | names_in(copies[keys[j]][0][0])):
            continue  # "الشرع شكل اللجنة في 9 آذار" / "الشرع ... الإعلان الدستوري في 13 آذار": two acts of one man
        for left, right in ((copies[keys[i]], copies[keys[j]]), (copies[keys[j]], copies[keys[i]])):
            for a, x in left:
                partner = next(((b, y) for b, y in right
                                if context.unclustered_peers(a, b) and not planned(a, x, b, y)
                                and _pair(a, [x], b, [y], options, published, context.in_other_countries)), None)
                if partner is not None:
                    conflicts.append((i, ((a, x, x.value), (partner[0], partner[1], partner[1].value))))
                    parent[root(i)] = root(j)
    groups: dict[int, list[tuple[Side, Side]]] = {}
    for i, pair in conflicts:
        groups.setdefault(root(i), []).append(pair)
    for found in groups.values():
        yield conflict_hit(found, context)


def _misreport(x: DateMention, y: DateMention, options, near_days: int | None = None) -> bool:
    """Two dates one slip apart, as dates given in passing must be to be compared: the same day in
    another month or year, days a few apart (``near_days``, the rule's own by default), or day numbers a
    digit apart (6 / 16, 12 / 21); not two events a fortnight apart (the quakes of 6 and 20 February
    2023)."""
    if not _comparable(x, y, options):
        return False
    if x.granularity != "day" or y.granularity != "day" or x.value[8:] == y.value[8:]:
        return True
    gap = gap_days(x, y)
    near = options["near_days"] if near_days is None else near_days
    return (gap is not None and gap <= near) or year_slip(x.value[8:].zfill(2), y.value[8:].zfill(2))


def _singular_events(context: RuleContext, dated: dict[str, list[DateMention]], options) -> Iterator[Hit]:
    """Written-out dates of a singular event (an earthquake) in two documents that no cluster joins and
    that name a place in common, often dated in passing ("ومنذ وقوع الزلزال في 8 أغسطس" / "الزلزال الذي
    ضرب ليل الجمعة 8 أيلول").  Only a misreport's shape is a conflict (8 August / 8 September), not two
    quakes two weeks apart (6 and 20 February 2023).  Copies (one date) are compared once."""
    published = context.published
    by_kind: dict[int, dict[tuple, list[tuple[Claim, DateMention]]]] = {}
    for claim in context.claims.values():
        for mention in dated[claim.id]:
            if _written_out(mention):
                for kind in _event_kinds(claim, mention) & _SINGULAR:
                    by_kind.setdefault(kind, {}).setdefault((mention.value, mention.granularity), []).append((claim, mention))

    def apart(a: Claim, x: DateMention, b: Claim, y: DateMention) -> bool:
        return (context.unclustered_peers(a, b) and bool(context.places_by_doc.get(a.doc, set()) & context.places_by_doc.get(b.doc, set()))
                and not different_occasions(a, b, published(a), published(b))
                and not _anniversary(x, y, published(a)) and not _anniversary(y, x, published(b)))

    for copies in by_kind.values():
        pairs: list[tuple[Side, Side]] = []
        for key_x, key_y in combinations(list(copies), 2):
            if not _misreport(copies[key_x][0][1], copies[key_y][0][1], options):
                continue
            for a, x in copies[key_x]:
                partner = next(((b, y) for b, y in copies[key_y] if apart(a, x, b, y)), None)
                if partner is not None:
                    pairs.append(((a, x, x.value), (partner[0], partner[1], partner[1].value)))
        if pairs:
            yield conflict_hit(pairs, context)


_LOOK_BACK_WORDS = 3  # content words a look back must share with another document's claim


def _looked_back(context: RuleContext, dated_all: dict[str, list[DateMention]], options) -> Iterator[Hit]:
    """A look back ("وكانت الرياض والدوحة قد أعلنتا في 27 نيسان 2024، في بيان مشترك … التزامهما بسداد
    المتأخرات") that dates, one slip off, what a claim of another document dates ("أعلنت وزارتا المالية،
    أمس الأحد، في بيان مشترك التزامهما سداد متأخرات"), the two claims sharing at least three words that
    are neither names nor words that introduce dates, and no cluster joining them.  Writers restate an
    earlier event in passing, in a sentence about something else, and that is where a wrong year or
    month is printed."""
    published = context.published

    def words(claim: Claim) -> frozenset[str]:
        """Its content words, less names, the words that introduce any date and the dates' own words
        ("السابع من كانون الثاني" shares كانون and ثاني with every date of January)."""
        text = claim.text
        for d in claim.dates:
            start, end = d.start - claim.start, d.end - claim.start
            text = text[:start] + " " * (end - start) + text[end:]
        return frozenset(content_tokens(text)) - names_in(claim) - _GENERIC

    dated = {claim_id: [m for m in found if m.granularity == "day"] for claim_id, found in dated_all.items()}
    index: dict[str, list[Claim]] = {}
    for claim in context.claims.values():
        if dated[claim.id]:
            for word in words(claim):
                index.setdefault(word, []).append(claim)
    pairs: dict[frozenset[str], list[tuple[Side, Side]]] = {}
    for a in context.claims.values():
        backs = [x for x in dated[a.id] if looks_back(a, x.start) and _written_out(x)]
        if not backs:
            continue
        shared: dict[str, int] = {}
        for word in words(a):
            for b in index.get(word, ()):
                shared[b.id] = shared.get(b.id, 0) + 1
        for b_id, count in shared.items():
            b = context.claims[b_id]
            if count < _LOOK_BACK_WORDS or not context.unclustered_peers(a, b, strict=True):
                continue
            if different_occasions(a, b, published(a), published(b)):
                continue
            for x in backs:
                y = next((y for y in dated[b_id] if _slip_of_one_part(x, y, options)
                          and not any(dates_agree(y, z) for z in dated[a.id]) and not _two_events(a, x, b, y)), None)
                if y is not None:
                    pairs.setdefault(frozenset((a.doc, b.doc)), []).append(((a, x, x.value), (b, y, y.value)))
    for found in pairs.values():
        yield conflict_hit(found, context)


_MONTH_NAMED = re.compile(rf"(?<!\w)(?:{'|'.join(sorted(map(re.escape, MONTHS), key=len, reverse=True))})(?!\w)")


def _written_out(mention: DateMention) -> bool:
    """Not counted from the date line, or with its day and month written ("16 أيار الماضي", "الجمعة
    الرابع من تموز"): not "أمس" or "الأحد الماضي"."""
    return (not mention.relative or any(ch.isdigit() for ch in fold_digits(mention.text))
            or (mention.granularity == "day" and _MONTH_NAMED.search(fold(mention.text)) is not None))


def _slip_of_one_part(x: DateMention, y: DateMention, options) -> bool:
    """The same day of the month, in a month or a year one slip apart (27 April 2024 / 2025, 23 April /
    23 May): how a date restated in passing is misprinted, unlike two events days apart."""
    return x.value[8:] == y.value[8:] and _comparable(x, y, options)


def check(rule: Rule, context: RuleContext) -> Iterator[Hit]:
    options = rule.options

    def allowed(a: Claim, x: DateMention, b: Claim, y: DateMention) -> bool:
        if a.doc != b.doc:
            return True
        # Within one article, two months are two periods it speaks of (June's output agreed, July's to be
        # set), not one event's month given twice.
        return (options["same_document"] and not (x.relative and y.relative) and not (_named_day(x) and _named_day(y))
                and not x.granularity == y.granularity == "month")

    published = context.published

    # Each claim's dates (less those of the date line and the page chrome), read once for the
    # clusters and the comparisons beyond them.
    dated = {c.id: dated_mentions(c, context.documents.get(c.doc)) for c in context.claims.values()}
    for cluster in context.clusters:
        claims = context.cluster_claims(cluster)
        conflicts = cluster_conflicts(
            claims, dated, lambda a, da, b, db: _pair(a, da, b, db, options, published, context.in_other_countries), allowed,
            lambda m: (m, m.value))
        if conflicts:
            yield conflict_hit(conflicts, context)
    if options["anchors"]:
        yield from _anchored(context, dated, options)
        yield from _singular_events(context, dated, options)
        yield from _looked_back(context, dated, options)


KIND = Kind(
    name="date-conflict",
    check=check,
    options=OPTIONS,
    fields=frozenset({"doc_a", "doc_b", "value_a", "value_b", "mention_a", "mention_b", "claim_a", "claim_b",
                      "count"}),
    summary="claims about one fact give it different dates",
)
