"""Reading mentions in their sentence: which words stand around a date or a number, whether a date is
the publication line or background ("after the fall of ..."), and how two dates compare.

The conflict kinds need this to decide which date in a claim is the event's date: a claim often
carries several dates (the event, a deadline, the event it followed), and only dates that refer to the
same thing may be compared.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import combinations

from workbench.model import Claim, DateMention, Document, NumberMention
from workbench.rules.base import PLACE_TYPES
from workbench.text import fold_digits, normalise, strip_clitics

# Function words and date words carry no meaning for "what is this date or number about".
STOPWORDS = frozenset(normalise(w) for w in """
في من الى إلى على عن مع بين حتى منذ قبل بعد عند خلال ضمن نحو حول لدى أن إن أنه أنها كان كانت
يكون تكون قد لقد لم لن لا ما ماذا هذا هذه ذلك تلك الذي التي الذين اللذين اللتين هو هي هم هن و أو ثم
بل كما كل بعض أي غير عبر وفق وفقا بحسب حسب لـ ب ل ك ف يوم اليوم أمس يوم امس مساء صباح ظهر ليلة فجر
تاريخ بتاريخ عام العام سنة السنة شهر الشهر أسبوع الأسبوع الماضي الماضية الجاري الجارية المقبل المقبلة
القادم القادمة الحالي الحالية موافق الموافق ه هـ م
""".split())

# Words that put a date in a clause about another, earlier or later event ("after the fall of Assad on ...").
BACKGROUND_MARKERS = frozenset(normalise(w) for w in "بعد قبل منذ عقب إثر اثر حتى ومنذ وبعد وقبل".split())

# "N others": joining 89 other states makes one the 90th.
OTHERS = frozenset(normalise(w) for w in "أخرى اخرى أخريات آخرين آخرون اخرين اخرون أخر غيرها".split())

# Words that make a quantity approximate ("about 35,000") or a bound ("more than 30", "under 10").
APPROXIMATE = frozenset(normalise(w) for w in "نحو حوالي حوالى قرابة زهاء يقارب يناهز تقريبا".split())
# Verbs in both genders: a rate or a toll (نسبة، حصيلة) "تتجاوز" as a count "يتجاوز".
AT_LEAST = frozenset(normalise(w) for w in """
    أكثر اكثر يزيد تزيد أزيد يفوق تفوق تجاوز تجاوزت يتجاوز تتجاوز تخطى تخطت يتخطى تتخطى
""".split())
AT_MOST = frozenset(normalise(w) for w in "أقل اقل دون يقل تقل".split())

_TOKEN = re.compile(r"\w+", re.UNICODE)


def content_tokens(text: str) -> list[str]:
    words = [strip_clitics(t) for t in _TOKEN.findall(normalise(text))]
    return [w for w in words if w not in STOPWORDS and not w.isdigit() and len(w) > 1]


def words_before(claim: Claim, start: int, count: int) -> list[str]:
    """Up to ``count`` content words of the claim before absolute offset ``start``, nearest last."""
    return content_tokens(claim.text[: max(0, start - claim.start)])[-count:]


def words_after(claim: Claim, end: int, count: int) -> list[str]:
    """Up to ``count`` content words of the claim after absolute offset ``end``, nearest first."""
    return content_tokens(claim.text[max(0, end - claim.start):])[:count]


def raw_words_after(claim: Claim, end: int, count: int) -> list[str]:
    """The next ``count`` normalised words, function words included (for "89 دولة أخرى")."""
    return _TOKEN.findall(normalise(claim.text[max(0, end - claim.start):]))[:count]


def raw_words_before(claim: Claim, start: int, count: int) -> list[str]:
    return _TOKEN.findall(normalise(claim.text[: max(0, start - claim.start)]))[-count:]


def context(claim: Claim, start: int, end: int, *, before: int = 6, after: int = 4,
            from_marker: bool = True) -> frozenset[str]:
    """The content words around a mention: what it is about.  For a background date the words before
    it start at its marker ("بعد سقوط النظام في ..." -> سقوط، نظام), so that the main clause's words do
    not make it look like the main event's date (``from_marker``)."""
    head = claim.text[: max(0, start - claim.start)]
    marker = background_marker(head) if from_marker else None
    if marker is not None:
        head = head[marker:]
    return frozenset(content_tokens(head)[-before:] + words_after(claim, end, after))


def same_word(a: str, b: str) -> bool:
    """Equal words, allowing the endings Arabic adds to one stem (اتفاق / اتفاقا / اتفاقيه) and a
    leading conjunction (وجرح / جرح)."""
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        if x[:1] in ("و", "ف") and x[1:] == y and len(y) >= 3:
            return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 2


def overlap(a: Iterable[str], b: Iterable[str]) -> int:
    """How many words of ``a`` have a match in ``b``."""
    bs = list(b)
    return sum(1 for w in a if any(same_word(w, x) for x in bs))


def pairs_sharing_a_word(phrases: Sequence[tuple[str, ...]]) -> Iterator[tuple[int, int]]:
    """Each pair of indexes (i < j) whose phrases share a word, once: phrases with no word in common
    are never the same phrase, so they are never compared (no all-pairs pass on a large corpus)."""
    by_word: dict[str, list[int]] = {}
    for index, phrase in enumerate(phrases):
        for word in set(phrase):
            by_word.setdefault(word, []).append(index)
    seen: set[tuple[int, int]] = set()
    for members in by_word.values():
        for pair in combinations(members, 2):
            if pair not in seen:
                seen.add(pair)
                yield pair


def same_anchor(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two phrases introducing a value share two words at least, and half of the shorter one."""
    shared = sum(1 for w in a if any(same_word(w, v) for v in b))
    return shared >= 2 and shared * 2 >= min(len(a), len(b))


# Nationality adjectives (the stem, as title and event words give it): they place an office (الرئيس
# السوري) and tell whose act an event was (الضربات الأميركية / الهجوم الإيراني).
NATIONALITIES = frozenset(normalise(w) for w in (
    "سوري أمريكي أميركي تركي روسي إيراني عراقي لبناني أردني سعودي قطري إماراتي مصري فرنسي بريطاني ألماني "
    "إسرائيلي فلسطيني صيني أوكراني").split())
# Two spellings of one nationality: "الأميركي" / "الأمريكي".
NATIONALITY_SPELLINGS = {normalise("أمريكي"): normalise("أميركي")}


def nationalities(words: Iterable[str]) -> frozenset[str]:
    """The nationalities among clitic-free words, feminine or not, in one spelling each."""
    found = set()
    for word in words:
        stem = word[:-1] if word.endswith("ه") else word
        if stem in NATIONALITIES:
            found.add(NATIONALITY_SPELLINGS.get(stem, stem))
    return frozenset(found)


PLACE_REACH = 60  # characters around a mention in which a place name ties it to that place


def places_near(claim: Claim, mention: DateMention | NumberMention) -> set[str]:
    """The places and countries named within reach of a mention: where what it dates or counts happened."""
    return {e.id for e in claim.entities if e.type in PLACE_TYPES
            and mention.start - PLACE_REACH <= e.start and e.end <= mention.end + PLACE_REACH}


def names_in(claim: Claim) -> frozenset[str]:
    """The words of the names a claim mentions."""
    return frozenset(w for e in claim.entities for w in content_tokens(e.text))


# Verbs that report what a source said: the day they are given is the day it spoke.
REPORTING = frozenset(normalise(w) for w in """
    أعلن أعلنت قال قالت أفاد أفادت ذكر ذكرت أكد أكدت أوضح أوضحت صرح صرحت أشار أشارت نشر نشرت أضاف أضافت
""".split())
WAS = frozenset(normalise(w) for w in "كان كانت كانوا وكان وكانت وكانوا فكان فكانت".split())
_QAD = frozenset(normalise(w) for w in "قد وقد فقد".split())


def looks_back(claim: Claim, start: int) -> bool:
    """The mention at ``start`` is in a "had been" sentence, one that opens with كان and says قد before
    the mention ("وكانت اللجنة … قد شكلت في 12 شباط", "وكانت الحصيلة قد تجاوزت أمس ألفي قتيل"): the
    writer's look back at an earlier event or state, told apart from the news of the document.  Not "ما
    كان أحد يتوقع أن الحصيلة قد تصل", whose كان does not open the sentence."""
    words = _TOKEN.findall(normalise(claim.text[: max(0, start - claim.start)]))
    return bool(words) and words[0] in WAS and any(w in _QAD for w in words[1:])

CLAUSE_ENDS = "،,؛;:."


_CLAUSE_END = re.compile(rf"[{CLAUSE_ENDS}](?!\d)|(?<!\d)[{CLAUSE_ENDS}]")


def clause_before(claim: Claim, start: int) -> str:
    """The claim's text before absolute offset ``start``, from the clause's beginning (the last comma,
    semicolon, colon or full stop, but not one inside a number: 6.9, 35,000, 10:30) on."""
    head = claim.text[: max(0, start - claim.start)]
    ends = [m.end() for m in _CLAUSE_END.finditer(head)]
    return head[ends[-1]:] if ends else head


def background_marker(before: str, reach: int = 5) -> int | None:
    """Where the 'after / before / since' clause that governs the text's end begins, if one does."""
    clause_start = max(before.rfind(p) for p in CLAUSE_ENDS) + 1
    clause = before[clause_start:]
    words = list(re.finditer(r"\w+", clause))[-reach:]
    for word in reversed(words):
        if normalise(word.group()) in BACKGROUND_MARKERS:
            return clause_start + word.end()
    return None


def is_background(claim: Claim, mention: DateMention) -> bool:
    """True when the date sits in a clause introduced by 'after', 'before', 'since' ...: such a date
    dates another event than the one the claim reports."""
    return background_marker(claim.text[: max(0, mention.start - claim.start)]) is not None


def _inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < s_end and s_start < end for s_start, s_end in spans)


def dated_mentions(claim: Claim, document: Document | None) -> list[DateMention]:
    """The claim's dates less those in the document's publication line (all of it: the Hijri date beside
    the Gregorian one, "السبت 22 ربيع الأول 1445 هـ الموافق 7 تشرين الأول 2023") or page chrome."""
    if document is None:
        return list(claim.dates)
    spans = [(c.start, c.end) for c in document.chrome]
    if document.published_span is not None:
        text, span = document.text, document.published_span
        line_start = text.rfind("\n", 0, span.start) + 1
        line_end = text.find("\n", span.end)
        spans.append((line_start, len(text) if line_end == -1 else line_end))
    return [d for d in claim.dates if not _inside(d.start, d.end, spans)]


# ---- comparing dates --------------------------------------------------------------------------

GRANULARITY_ORDER = {"year": 0, "month": 1, "day": 2}


def coarser(a: str, b: str) -> str:
    return a if GRANULARITY_ORDER[a] <= GRANULARITY_ORDER[b] else b


def truncate(value: str, granularity: str) -> str:
    return value[: {"year": 4, "month": 7, "day": 10}[granularity]]


def day_of(mention: DateMention) -> dt.date | None:
    try:
        return mention.as_date()
    except ValueError:
        return None


def first_day(mention: DateMention) -> dt.date | None:
    """The earliest day a mention can mean (1 January for a year, the 1st for a month)."""
    parts = mention.value.split("-") + ["01", "01"]
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def dates_agree(a: DateMention, b: DateMention, *, hijri_tolerance: int = 0) -> bool:
    """Equal at the coarser of the two granularities; a Hijri day may be off by the tolerance
    (moon sighting differs by a day between countries)."""
    level = coarser(a.granularity, b.granularity)
    if truncate(a.value, level) == truncate(b.value, level):
        return True
    if level == "day" and hijri_tolerance and "hijri" in (a.calendar, b.calendar):
        da, db = day_of(a), day_of(b)
        return da is not None and db is not None and abs((da - db).days) <= hijri_tolerance
    return False


def covers(fine: DateMention, coarse: DateMention) -> bool:
    """``fine`` is at least as precise as ``coarse`` and falls inside it: it accounts for it."""
    return GRANULARITY_ORDER[fine.granularity] >= GRANULARITY_ORDER[coarse.granularity] and dates_agree(fine, coarse)


_YEAR_DIGITS = re.compile(r"\d{4}|\d+\D+\d+\D+\d+")  # a year in figures, or a third number ("12/3/24")


def _year_inferred(mention: DateMention) -> bool:
    """A day or month written without its year ("29 كانون الأول"), whose year the extractor took from
    the date line."""
    return (not mention.relative and mention.granularity != "year"
            and not _YEAR_DIGITS.search(fold_digits(mention.text)))


def parts_differing(a: DateMention, b: DateMention) -> int:
    """How many of year, month and day differ, at the coarser granularity of the two.  When a year
    only inferred from the date line differs along with the month, the month is the one part the writer
    got wrong: "29 كانون الأول" in a February report (read as December of the year before) against "29
    كانون الثاني 2025"."""
    level = coarser(a.granularity, b.granularity)
    left, right = truncate(a.value, level).split("-"), truncate(b.value, level).split("-")
    differing = sum(x != y for x, y in zip(left, right))
    if len(left) > 1 and left[0] != right[0] and left[1] != right[1] and (_year_inferred(a) or _year_inferred(b)):
        differing -= 1
    return differing


def last_day(mention: DateMention) -> dt.date | None:
    """The latest day a mention can mean: a month's last day, a year's 31 December."""
    parts = mention.value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return dt.date(year, 12, 31)
        month = int(parts[1])
        day = int(parts[2]) if len(parts) > 2 else calendar.monthrange(year, month)[1]
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


def gap_days(a: DateMention, b: DateMention) -> int | None:
    """Days between the two periods the mentions mean (0 when they overlap)."""
    a0, a1, b0, b1 = first_day(a), last_day(a), first_day(b), last_day(b)
    if None in (a0, a1, b0, b1):
        return None
    return max(0, (b0 - a1).days, (a0 - b1).days)


# ---- numbers ------------------------------------------------------------------------------------

def counts_others(claim: Claim, number: NumberMention) -> bool:
    """"89 دولة أخرى" / "89 other states": the subject is one more than the number.  A bare "4 آخرين"
    (four others, as in casualty counts) is a count, not a rank."""
    after = raw_words_after(claim, number.end, 2)
    return len(after) == 2 and after[0] not in OTHERS and after[1] in OTHERS


_ALA, _LEAST, _MOST = normalise("على"), normalise("الأقل"), normalise("الأكثر")
NEGATIONS = frozenset(normalise(w) for w in "لم لا لن ما ليس".split())


def hedge(claim: Claim, number: NumberMention) -> str | None:
    """"about", "at least" or "at most" when a hedge word stands right before the number, or "على الأقل"
    / "على الأكثر" follows it within a few words; a negated bound turns over ("لم يتجاوز 49" is at most 49)."""
    after = raw_words_after(claim, number.end, 4)
    for i in range(len(after) - 1):
        if after[i].isdigit():
            break
        if after[i] == _ALA and after[i + 1] == _LEAST:  # "100 شخص على الأقل"
            return "at least"
        if after[i] == _ALA and after[i + 1] == _MOST:
            return "at most"
    words = raw_words_before(claim, number.start, 4)
    for i in range(len(words) - 1, max(-1, len(words) - 4), -1):
        word = words[i]
        for stem in (word, strip_clitics(word), word[1:] if word[:1] in "بلو" else word):
            if stem in APPROXIMATE:
                return "about"
            if stem in AT_LEAST or stem in AT_MOST:
                negated = i > 0 and words[i - 1] in NEGATIONS
                return "at least" if (stem in AT_LEAST) != negated else "at most"
    return None


# Counted nouns and units that mean the same unit in their singular, plural and accusative forms.
UNIT_GROUPS = {
    "year": "عام أعوام سنة سنوات سنين عاما",
    "month": "شهر أشهر شهور شهرا",
    "week": "أسبوع أسابيع أسبوعا",
    "day": "يوم أيام يوما",
    "hour": "ساعة ساعات",
    "minute": "دقيقة دقائق",
    "person": "شخص أشخاص شخصا",
    "killed": "قتيل قتلى قتيلا مقتل",
    "injured": "جريح جرحى مصاب مصابين مصابا",
    "civilian": "مدني مدنيين مدنيون مدنيا",
    "soldier": "جندي جنود جنديا",
    "child": "طفل أطفال طفلا",
    "state": "دولة دول",
    "percent": "% بالمئة بالمائة المئة المائة",
    "dollar": "دولار دولارات دولارا",
    "tonne": "طن أطنان",
    "kilometre": "كيلومتر كيلومترات كلم كم",
    "metre": "متر أمتار مترا",
    "village": "قرية قرى",
    "member": "عضو أعضاء عضوا",
    "seat": "مقعد مقاعد مقعدا",
    "minister": "وزير وزراء وزيرا",
    "fighter": "مقاتل مقاتلين مقاتلون مقاتلا",
    "refugee": "لاجئ لاجئين لاجئون لاجئا",
    "displaced": "نازح نازحين نازحون نازحا",
    "detainee": "معتقل معتقلين معتقلون معتقلا",
    "family": "عائلة عائلات أسرة أسر",
    "house": "منزل منازل منزلا",
    "airstrike": "غارة غارات",
    "missile": "صاروخ صواريخ صاروخا",
    "vote": "صوت أصوات صوتا",
    "candidate": "مرشح مرشحين مرشحون مرشحا",
}
_UNIT_OF = {strip_clitics(normalise(w)): name for name, words in UNIT_GROUPS.items() for w in words.split()}


def unit_key(unit: str | None) -> str | None:
    """One key for a unit's forms (سنة / سنوات / عاما -> year); other units by their clitic-free words."""
    if not unit:
        return None
    words = [strip_clitics(w) for w in _TOKEN.findall(normalise(unit))]
    if not words:
        return unit
    if len(words) == 1 and words[0] in _UNIT_OF:
        return _UNIT_OF[words[0]]
    return " ".join(words)


# What a casualty count counts, by the verb or noun before it: "قتل 25 شخصا وأصيب 63 آخرون" counts the
# killed and then the wounded, so 63 is compared with other counts of the wounded, never of the dead.
CASUALTY_CUES = {
    **{normalise(w): "killed" for w in "قتل قتلوا مقتل قتلى قتيل مصرع وفاة توفي حتفه استشهد استشهاد شهيد شهداء أودت أودى".split()},
    **{normalise(w): "injured" for w in "أصيب أصيبوا إصابة جرح جرحى جريح مصاب مصابين إصابات".split()},
}
_CLITIC_LETTERS = ("و", "ف", "ب", "ل")


def casualty_sense(claim: Claim, number: NumberMention, reach: int = 4) -> str | None:
    """"killed" or "injured" when a casualty word governs the number: the nearest one of the few
    words before it, not beyond another number."""
    words = raw_words_before(claim, number.start, reach)
    for word in reversed(words):
        if word.isdigit():
            return None
        for form in (word, strip_clitics(word), word[1:] if word.startswith(_CLITIC_LETTERS) else word):
            if form in CASUALTY_CUES:
                return CASUALTY_CUES[form]
    return None


def known_unit(word: str) -> str | None:
    return _UNIT_OF.get(strip_clitics(word))


def same_unit(a: str | None, b: str | None) -> bool:
    ka, kb = unit_key(a), unit_key(b)
    if ka is None or kb is None:
        return False
    return ka == kb or same_word(ka, kb)


def excerpt(text: str, limit: int = 80) -> str:
    """A one-line excerpt for messages."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
