"""Arabic word lists for dates and numbers, and the matching view they are used on.

Every list is written here in ordinary Arabic spelling and folded with :func:`workbench.text.fold` at
import, so the grammars in ``dates.py`` and ``numbers.py`` match one spelling for many (أغسطس/اغسطس,
الأربعاء/الاربعاء, مئة/مائة).  Extending a list is a one-line change; nothing else needs to know.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping

from workbench.text import MARKS, fold


def _folded(words: Mapping[str, int]) -> dict[str, int]:
    return {fold(w): v for w, v in words.items()}


# Gregorian months, three families: Egyptian/Gulf (يناير), Maghrebi (جانفي، يوليوز، غشت) and the
# Levantine/Iraqi Syriac names (كانون الثاني).  The Levantine ordinals also appear without the article.
MONTHS = _folded({
    "يناير": 1, "جانفي": 1, "كانون الثاني": 1, "كانون ثاني": 1,
    "فبراير": 2, "فبرير": 2, "فيفري": 2, "شباط": 2,
    "مارس": 3, "آذار": 3,
    "أبريل": 4, "إبريل": 4, "أفريل": 4, "نيسان": 4,
    "مايو": 5, "ماي": 5, "أيار": 5,
    "يونيو": 6, "يونيه": 6, "جوان": 6, "حزيران": 6,
    "يوليو": 7, "يوليه": 7, "يوليوز": 7, "جويلية": 7, "تموز": 7,
    "أغسطس": 8, "أغسطوس": 8, "غشت": 8, "أوت": 8, "آب": 8,
    "سبتمبر": 9, "شتنبر": 9, "أيلول": 9,
    "أكتوبر": 10, "تشرين الأول": 10, "تشرين أول": 10,
    "نوفمبر": 11, "نونبر": 11, "تشرين الثاني": 11, "تشرين ثاني": 11,
    "ديسمبر": 12, "ديسيمبر": 12, "دجنبر": 12, "كانون الأول": 12, "كانون أول": 12,
})

# Umm al-Qura months, for conversion with hijridate.
HIJRI_MONTHS = _folded({
    "محرم": 1, "المحرم": 1, "صفر": 2,
    "ربيع الأول": 3, "ربيع أول": 3, "ربيع الثاني": 4, "ربيع الآخر": 4, "ربيع ثاني": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12,
})

# Weekday index (Monday = 0, as datetime counts), definite and bare (the bare form is used in
# constructs such as "اثنين الأسبوع الماضي").
WEEKDAYS = _folded({
    "الأحد": 6, "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الثلثاء": 1, "الثلاثا": 1,
    "الأربعاء": 2, "الأربعا": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5,
})
BARE_WEEKDAYS = _folded({
    "أحد": 6, "اثنين": 0, "إثنين": 0, "ثلاثاء": 1, "ثلاثا": 1, "أربعاء": 2, "أربعا": 2,
    "خميس": 3, "جمعة": 4, "سبت": 5,
})

# Cardinal number words.  Units and tens carry their value; teens are a unit followed by عشر/عشرة.
UNITS = _folded({
    "صفر": 0, "واحد": 1, "واحدة": 1, "إحدى": 1, "أحد": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثنتا": 2, "اثنى": 2, "اثنتى": 2,
    "إثنان": 2, "إثنين": 2, "إثنا": 2, "إثنى": 2, "إثنتى": 2, "إثنتا": 2,
    "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
    "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9,
})
TEN = _folded({"عشر": 10, "عشرة": 10})
TENS = _folded({
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
})
HUNDREDS = _folded({
    "مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
    "مئتا": 200, "مئتي": 200, "مائتا": 200, "مائتي": 200,  # the dual in construct: مئتا شخص، مئتي ألف
    **{f"{u}{h}": n * 100 for u, n in (("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7),
                                        ("ثمان", 8), ("تسع", 9)) for h in ("مئة", "مائة")},
})
# Multipliers; the plurals only count after a number ("ثلاثة آلاف"): alone they mean "thousands of".
# ألفا/مليونا/مليارا are the accusative after a number ("عشرون مليارا" = 20e9) but, alone before the
# noun they count, the dual in construct ("مليارا دولار" = 2e9): numbers.py tells them apart.
MULTIPLIERS = _folded({
    "ألف": 10**3, "ألفا": 10**3, "ألفاً": 10**3, "ألفان": 2 * 10**3, "ألفين": 2 * 10**3, "ألفي": 2 * 10**3,
    "مليون": 10**6, "مليونا": 10**6, "مليونان": 2 * 10**6, "مليونين": 2 * 10**6, "مليوني": 2 * 10**6,
    "مليار": 10**9, "مليارا": 10**9, "ملياران": 2 * 10**9, "مليارين": 2 * 10**9, "ملياري": 2 * 10**9,
    "بليون": 10**9, "تريليون": 10**12,
})
DUAL_IN_CONSTRUCT = tuple(fold(w) for w in ("ألفا", "مليونا", "مليارا"))
# Fractions of a multiplier: "مليار ونصف (المليار)" = 1.5e9, "نصف مليون" = 5e5, "ربع مليون" = 2.5e5.
FRACTIONS = _folded({"نصف": 2, "ربع": 4})
PLURAL_MULTIPLIERS = _folded({"آلاف": 10**3, "ألوف": 10**3, "ملايين": 10**6, "مليارات": 10**9,
                              "بلايين": 10**9, "تريليونات": 10**12})

# Counted nouns in the dual, each worth 2 of its singular ("منذ أكثر من عامين", "مقتل شخصين").  Only
# nouns whose dual cannot be read as a sound plural (مدنيين، لاجئين are plurals, so they are not here).
DUAL_NOUNS = {fold(dual): single for single, duals in {
    "يوم": ("يومين", "يومان"), "أسبوع": ("أسبوعين", "أسبوعان"), "شهر": ("شهرين", "شهران"),
    "عام": ("عامين", "عامان"), "سنة": ("سنتين", "سنتان"), "عقد": ("عقدين", "عقدان"), "صفر": ("صفرين", "صفران"), "قرن": ("قرنين", "قرنان"),
    "ساعة": ("ساعتين", "ساعتان"), "دقيقة": ("دقيقتين", "دقيقتان"), "مرة": ("مرتين", "مرتان"),
    "شخص": ("شخصين", "شخصان"), "طفل": ("طفلين", "طفلان"), "جندي": ("جنديين", "جنديان"),
    "قتيل": ("قتيلين", "قتيلان"), "عنصر": ("عنصرين", "عنصران"), "صاروخ": ("صاروخين", "صاروخان"),
    "هدف": ("هدفين", "هدفان"), "مقعد": ("مقعدين", "مقعدان"), "دولة": ("دولتين", "دولتان"),
    "وزير": ("وزيرين", "وزيران"), "طائرة": ("طائرتين", "طائرتان"), "نقطة": ("نقطتين", "نقطتان"),
    "قائد": ("قائدين", "قائدان"), "ضابط": ("ضابطين", "ضابطان"), "شهيد": ("شهيدين", "شهيدان"),
    "جريح": ("جريحين", "جريحان"), "أسير": ("أسيرين", "أسيران"), "رهينة": ("رهينتين", "رهينتان"),
    "مباراة": ("مباراتين", "مباراتان"), "جولة": ("جولتين", "جولتان"), "ولاية": ("ولايتين", "ولايتان"),
    "دورة": ("دورتين", "دورتان"), "مرحلة": ("مرحلتين", "مرحلتان"),
}.items() for dual in duals}

# Ordinal words 1-10 (masculine and feminine); 11-19 add عشر/عشرة, 21-99 add و + tens.
ORDINAL_UNITS = _folded({
    "أول": 1, "أولى": 1, "حادي": 1, "حادية": 1, "ثاني": 2, "ثان": 2, "ثانية": 2, "ثالث": 3, "ثالثة": 3,
    "رابع": 4, "رابعة": 4, "خامس": 5, "خامسة": 5, "سادس": 6, "سادسة": 6, "سابع": 7, "سابعة": 7,
    "ثامن": 8, "ثامنة": 8, "تاسع": 9, "تاسعة": 9, "عاشر": 10, "عاشرة": 10,
})

# Words that make a following 4-digit number a year, and how far they count: "span" words belong to
# the mention ("عام 2014", "نهاية العام"), "context" words only license it ("في 2014").
YEAR_WORDS = tuple(fold(w) for w in ("عام", "العام", "سنة", "السنة", "عامي", "لعام", "بعام", "لسنة", "بسنة"))
PERIOD_MODIFIERS = tuple(fold(w) for w in (
    "مطلع", "أوائل", "بداية", "مستهل", "منتصف", "أواسط", "أواخر", "نهاية", "ختام", "أول",
))
# Nouns ending in -ية like a nisba adjective ("الأميركية"), which an ordinal after them ranks:
# "الاتفاقية الأولى" is the first agreement, not the first of the noun before it.
IYYA_NOUNS = frozenset(fold(w) for w in (
    "الاتفاقية", "القضية", "العملية", "الجمهورية", "الأولوية", "المسؤولية", "الحرية", "الهوية", "الميزانية",
    "الشخصية", "الضحية", "القرية", "الهدية", "الوصية", "الرؤية", "الأغلبية", "الأكثرية", "النظرية", "الجمعية",
    "المديرية", "البلدية", "الكلية", "الأمنية", "الإمكانية", "الاستراتيجية", "الآلية", "العضوية",
    "الجنسية",
))
# Parts of a month an ordinal may number instead of its days: "الأسبوع الثاني من آذار" is no 2 March.
MONTH_PARTS = tuple(fold(w) for w in (
    "الأسبوع", "الأسبوعين", "الأسابيع", "الأيام", "النصف", "الربع", "الثلث", "العشر", "العشرة",
))
DATE_CONTEXT = tuple(fold(w) for w in (
    "في", "منذ", "خلال", "حتى", "بحلول", "قبل", "بعد", "مع", "إلى", "وفي", "ومنذ", "وحتى", "وخلال",
    "شهر", "الشهر", "بشهر", "لشهر", "وشهر", "طيلة", "طوال", "ابتداء", "اعتبارا", "فترة",
))
# Nouns of dated events a bare four-digit year may follow as their date, with at most one word between
# ("انتخابات 2021"، "حرب 1967"، "ثورة 2011"، "رئاسيات 2019", "مونديال قطر 2022", "كأس العالم "قطر 2022"").
YEAR_EVENT_NOUNS = tuple(fold(w) for w in (
    "انتخابات", "حرب", "ثورة", "انتفاضة", "أحداث", "أزمة", "نكسة", "نكبة", "زلزال", "فيضانات", "تعداد",
    "إحصاء", "موازنة", "ميزانية", "موسم", "مونديال", "أولمبياد", "دستور", "انقلاب", "اجتياح", "غزو",
    "عدوان", "مجزرة", "احتجاجات", "تظاهرات", "مظاهرات", "كأس العالم", "رئاسية", "رئاسيات", "تشريعية",
    "تشريعيات", "برلمانية",
))
# With the dual ("الأحد والاثنين المقبلين") that two coordinated days take.
PAST_MARKERS = tuple(fold(w) for w in ("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة",
                                       "السابق", "السابقة", "المنقضي", "الماضيين"))
FUTURE_MARKERS = tuple(fold(w) for w in ("المقبل", "المقبلة", "القادم", "القادمة", "التالي", "التالية",
                                         "الآتي", "المقبلين", "القادمين"))
CURRENT_MARKERS = tuple(fold(w) for w in ("الجاري", "الجارية", "الحالي", "الحالية"))
# A sentence that speaks of the future moves a yearless date forward ("سيعقد ... في 20 آب").
FUTURE_CUES = tuple(fold(w) for w in ("سوف", "المقرر", "المزمع", "المرتقب", "سيتم", "ستتم", "سيعقد",
                                      "ستعقد", "سيجري", "ستجري", "تعتزم", "يعتزم", "ستبدأ", "سيبدأ"))

# Times of day that may precede أمس/اليوم/غداً or a weekday ("مساء أمس الاثنين").
DAY_PARTS = tuple(fold(w) for w in ("يوم", "مساء", "صباح", "ليلة", "ظهر", "ظهيرة", "فجر", "عصر", "ضحى",
                                    "منتصف ليل", "ليل"))

# Counted units of time for "قبل يومين", "منذ ثلاثة أسابيع": (days per unit or a calendar grain, count
# implied by a singular or dual form).
TIME_UNITS = _folded({
    "يوم": ("day", 1), "يوما": ("day", 1), "يومين": ("day", 2), "يومان": ("day", 2), "أيام": ("day", None),
    "أسبوع": ("week", 1), "اسبوع": ("week", 1), "أسبوعين": ("week", 2), "أسبوعان": ("week", 2),
    "أسابيع": ("week", None),
    "شهر": ("month", 1), "شهرا": ("month", 1), "شهرين": ("month", 2), "شهران": ("month", 2),
    "أشهر": ("month", None), "شهور": ("month", None),
    "عام": ("year", 1), "عاما": ("year", 1), "عامين": ("year", 2), "عامان": ("year", 2),
    "أعوام": ("year", None), "سنة": ("year", 1), "سنتين": ("year", 2), "سنتان": ("year", 2),
    "سنوات": ("year", None), "سنين": ("year", None),
})

# Holidays by calendar: Gregorian (month, day), Hijri (month, day), or Western Easter.
HOLIDAYS = {fold(k): v for k, v in {
    "عيد الفطر": ("hijri", 10, 1), "عيد الأضحى": ("hijri", 12, 10), "عيد الاضحى": ("hijri", 12, 10),
    "يوم عرفة": ("hijri", 12, 9), "رأس السنة الهجرية": ("hijri", 1, 1), "المولد النبوي": ("hijri", 3, 12),
    "عيد الميلاد": ("gregorian", 12, 25), "الكريسماس": ("gregorian", 12, 25), "كريسماس": ("gregorian", 12, 25),
    "رأس السنة الميلادية": ("gregorian", 1, 1), "عيد الفصح": ("easter", 0, 0),
}.items()}

# Units and counted nouns: a number followed by one of these takes it as its unit.  Any other noun
# after a number is taken too (see numbers.py); this list also marks what a year-looking number counts.
PERCENT_WORDS = tuple(fold(w) for w in ("بالمئة", "بالمائة", "في المئة", "في المائة", "%", "٪"))
# Broken plurals of what news counts: a definite number after one counts it ("القتلى الـ50",
# "الأسرى الألف"), where after a singular it would rank ("الدولة التسعين").
BROKEN_PLURALS = frozenset(fold(w) for w in (
    "قتلى", "جرحى", "أسرى", "ضحايا", "أشخاص", "أطفال", "نساء", "جنود", "عناصر", "دول", "بلدان", "نواب",
    "أعضاء", "وزراء", "سفراء", "قادة", "شهداء", "مصابين", "طلاب", "عمال", "سكان",
))
UNIT_WORDS = frozenset(fold(w) for w in (
    "طن", "أطنان", "كيلو", "كيلوغرام", "كغ", "كلغ", "غرام", "كيلومتر", "كيلومترا", "كم", "متر", "مترا",
    "أمتار", "ميل", "هكتار", "دونم", "لتر", "برميل", "دولار", "دولارا", "يورو", "ليرة", "جنيه", "ريال",
    "درهم", "دينار", "شخص", "شخصا", "أشخاص", "قتيل", "قتيلا", "قتلى", "جريح", "جريحا", "جرحى", "مدني",
    "مدنيا", "مدنيين", "طفل", "طفلا", "أطفال", "امرأة", "نساء", "عنصر", "عنصرا", "عناصر", "مقاتل",
    "مقاتلا", "مقاتلين", "جندي", "جنديا", "جنود", "لاجئ", "لاجئا", "لاجئين", "نازح", "نازحا", "نازحين",
    "معتقل", "معتقلا", "معتقلين", "عائلة", "عائلات", "أسرة", "أسر", "منزل", "منزلا", "منازل", "قرية",
    "قرى", "مدينة", "مدن", "دولة", "دول", "بلد", "بلدا", "بلدان", "عضو", "عضوا", "أعضاء", "غارة",
    "غارات", "صاروخ", "صاروخا", "صواريخ", "طائرة", "طائرات", "مسيرة", "مسيرات", "شاحنة", "شاحنات",
    "سلة", "سلال", "ساعة", "ساعات", "دقيقة", "دقائق", "ثانية", "ثوان", "يوم", "يوما", "أيام", "أسبوع",
    "أسابيع", "شهر", "شهرا", "أشهر", "شهور", "عام", "عاما", "أعوام", "سنة", "سنوات", "مرة", "مرات",
    "نقطة", "نقاط", "مقعد", "مقعدا", "مقاعد", "صوت", "صوتا", "أصوات", "ألف", "مليون", "مليار",
    # Counted nouns that begin with و، ف or ي, which the open rule takes for a conjunction or a verb.
    "وظيفة", "وظائف", "وزير", "وزيرا", "وزراء", "وحدة", "وحدات", "وثيقة", "وثائق", "وفاة", "وفيات",
    "ولاية", "ولايات", "وجبة", "وجبات", "فرصة", "فرص", "فرد", "أفراد", "فصيل", "فصائل", "يورو", "ين",
))

# Nouns before a numeral that make it a rank, not a count ("كعضو 90", "المرتبة 3").
RANK_NOUNS = frozenset(fold(w) for w in (
    "عضو", "العضو", "الدولة", "الشريك", "المرتبة", "مرتبة", "المركز", "الترتيب", "الدورة", "النسخة",
    "الجولة", "الحلقة", "الذكرى", "المرة", "رقم", "الرقم", "المادة", "الفقرة", "البند", "القرار",
    # the bare stems, for a noun behind a clitic (للمرة الـ3، بالدورة 45، في المركز 12)
    "مرة", "دورة", "نسخة", "جولة", "حلقة", "مركز", "ذكرى",
))


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored by common prefixes, so the engine tries one branch
    per first letter instead of every word at every position.  A space in a word matches any run of
    white space."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


class MatchView:
    """The folded text with marks (harakat, tatweel, bidi controls) removed, and the way back to
    offsets in the original.  Most sentences have no marks; then the map is the identity."""

    __slots__ = ("text", "_shifts", "_length")
    _last: tuple[str, "MatchView"] | None = None

    @classmethod
    def of(cls, original: str, folded: str | None = None) -> "MatchView":
        """The view of ``original``, reused when dates and then numbers ask for the same sentence.
        ``folded`` is ``fold(original)`` when the caller has it already."""
        last = cls._last
        if last is not None and last[0] is original:
            return last[1]
        view = cls(original, folded)
        cls._last = (original, view)
        return view

    def __init__(self, original: str, folded: str | None = None) -> None:
        if folded is None:
            folded = fold(original)
        self._length = len(original)
        marks = [m.start() for m in MARKS.finditer(folded)] if MARKS.search(folded) else []  # most have none
        if not marks:
            self.text = folded
            self._shifts: list[int] = []
            return
        self.text = MARKS.sub("", folded)
        # The i-th mark sits, in the stripped text, just before index marks[i] - i.
        self._shifts = [p - i for i, p in enumerate(marks)]

    def start(self, index: int) -> int:
        """Original offset of the character at ``index`` in the view."""
        return index + bisect_right(self._shifts, index) if self._shifts else index

    def end(self, index: int) -> int:
        """Original offset of the end of a match ending at ``index``: marks that follow its last
        letter (the tanween of "غداً") stay with it."""
        return self.start(index) if index < len(self.text) else self._length
