"""Arabic date extraction: every form issue 2 names, the look-alikes that are not dates, and the gold."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.gold import DATA, GOLD, locate
from workbench.extract.dates import find_dates

CORPUS = DATA.parent.parent / "data" / "corpus"
D = dt.date

# (text, reference, surface the mention must cover, value, granularity)
CASES = [
    # absolute, both month families, paired names, separators, digits of either script
    ("صدر في ٩ كانون الثاني/يناير ٢٠٢٥ بيان", D(2025, 1, 9), "٩ كانون الثاني/يناير ٢٠٢٥", "2025-01-09", "day"),
    ("آخر تحديث: 14 - أغسطس - 2025 1:24 مساءً", D(2025, 8, 14), "14 - أغسطس - 2025", "2025-08-14", "day"),
    ("السبت, أبريل 20, 2024", D(2024, 4, 20), "السبت, أبريل 20, 2024", "2024-04-20", "day"),
    ("اجتمعوا في 9 آب / أغسطس 2022، في الحسكة", D(2024, 4, 20), "9 آب / أغسطس 2022", "2022-08-09", "day"),
    ("حمل تاريخ 10 آذار/مارس 2025، على", D(2025, 3, 11), "10 آذار/مارس 2025", "2025-03-10", "day"),
    ("في 3 آذار (مارس) 2021", None, "3 آذار (مارس) 2021", "2021-03-03", "day"),
    ("وصل في 5 إبريل 2019", None, "5 إبريل 2019", "2019-04-05", "day"),
    ("وصل في 5 ابريل 2019", None, "5 ابريل 2019", "2019-04-05", "day"),
    ("وقع في 12 أغسطُس 2020", None, "12 أغسطُس 2020", "2020-08-12", "day"),
    ("انتهى في 30 يوليوز 2018", None, "30 يوليوز 2018", "2018-07-30", "day"),
    ("في 1 تشرين الأول 2015 بدأ", None, "1 تشرين الأول 2015", "2015-10-01", "day"),
    ("في 2 تشرين أول 2015 بدأ", None, "2 تشرين أول 2015", "2015-10-02", "day"),
    ("في ١٥ أيلول ٢٠١١", None, "١٥ أيلول ٢٠١١", "2011-09-15", "day"),
    ("في 15 حزيران عام 2014", None, "15 حزيران عام 2014", "2014-06-15", "day"),
    ("في 15 حزيران 2014م", None, "15 حزيران 2014م", "2014-06-15", "day"),
    # numeric
    ("11/01/2023", None, "11/01/2023", "2023-01-11", "day"),
    ("نشر بتاريخ 2025-08-14 الخميس", None, "2025-08-14", "2025-08-14", "day"),
    ("في 25/12/2020", None, "25/12/2020", "2020-12-25", "day"),
    ("في ٠٣/٠٤/٢٠٢٢", None, "٠٣/٠٤/٢٠٢٢", "2022-04-03", "day"),
    ("في 12/25/2020", None, "12/25/2020", "2020-12-25", "day"),  # month > 12 first: unambiguous
    ("أكد بيان صادر بتاريخ 5 - 12 - 2024 أن", None, "5 - 12 - 2024", "2024-12-05", "day"),
    ("عقد الاجتماع في 3/12 بحضور الوزراء", D(2024, 12, 10), "3/12", "2024-12-03", "day"),
    # ordinal-word days
    ("سقوط نظام الأسد في الثامن من كانون الأول 2024.", None, "الثامن من كانون الأول 2024", "2024-12-08", "day"),
    ("تنفيذ اتفاق العاشر من آذار الماضي كان", D(2026, 1, 19), "العاشر من آذار الماضي", "2025-03-10", "day"),
    ("في الحادي والعشرين من أيار 2023", None, "الحادي والعشرين من أيار 2023", "2023-05-21", "day"),
    ("في الحادي عشر من أيلول 2001", None, "الحادي عشر من أيلول 2001", "2001-09-11", "day"),
    ("في الأول من تموز الماضي", D(2024, 9, 1), "الأول من تموز الماضي", "2024-07-01", "day"),
    ("في الثلاثين من حزيران 2013", None, "الثلاثين من حزيران 2013", "2013-06-30", "day"),
    # Hijri
    ("الخميس 20 صفر 1447 ﻫ - 14 أغسطس 2025", None, "20 صفر 1447", "2025-08-14", "day"),
    ("في 1 رمضان 1446 هـ", None, "1 رمضان 1446 هـ", "2025-03-01", "day"),
    ("في 10 ذو الحجة 1445", None, "10 ذو الحجة 1445", "2024-06-16", "day"),
    # missing year: from the reference, most recent not after it
    ("مؤتمرها في الحسكة بتاريخ 8 أغسطس يتعارض", D(2025, 8, 14), "8 أغسطس", "2025-08-08", "day"),
    ("الاتفاق الموقع في 8 مارس، وتنفيذه", D(2025, 8, 14), "8 مارس", "2025-03-08", "day"),
    ("حدث ذلك في 20 ديسمبر", D(2025, 1, 5), "20 ديسمبر", "2024-12-20", "day"),
    ("يعقد المؤتمر في 20 ديسمبر المقبل", D(2025, 1, 5), "20 ديسمبر المقبل", "2025-12-20", "day"),
    ("سوف يعقد المؤتمر في 20 آب", D(2025, 8, 14), "20 آب", "2025-08-20", "day"),
    ("يوم الإثنين 9 شباط، اجتماعاً", D(2026, 2, 10), "يوم الإثنين 9 شباط", "2026-02-09", "day"),
    # year only, month only
    ("التحالف الذي تأسس عام 2014 بقيادة", None, "عام 2014", "2014", "year"),
    ("منذ سنة 2011 والبلاد", None, "سنة 2011", "2011", "year"),
    ("وفي 2014 سيطر التنظيم", None, "2014", "2014", "year"),
    ("في آذار 2011 بدأت", None, "آذار 2011", "2011-03", "month"),
    ("في شهر نيسان 2017 وقع", None, "شهر نيسان 2017", "2017-04", "month"),
    ("في اتفاق مارس آذار مع دمشق", D(2025, 8, 14), "مارس آذار", "2025-03", "month"),
    ("بعد الإطاحة ببشار الأسد في ديسمبر.", D(2025, 8, 14), "ديسمبر", "2024-12", "month"),
    ("كما حدث في ديسمبر الماضي", D(2025, 12, 20), "ديسمبر الماضي", "2024-12", "month"),
    ("اتفاق آذار الماضي", D(2026, 1, 19), "آذار الماضي", "2025-03", "month"),
    ("في مطلع تموز 2020", None, "مطلع تموز 2020", "2020-07", "month"),
    ("خلال الشهر الماضي", D(2025, 1, 19), "الشهر الماضي", "2024-12", "month"),
    ("في العام الماضي", D(2025, 1, 19), "العام الماضي", "2024", "year"),
    ("قبل نهاية العام الجاري.", D(2025, 3, 11), "نهاية العام الجاري", "2025", "year"),
    ("في السنة المقبلة", D(2025, 3, 11), "السنة المقبلة", "2026", "year"),
    # relative days
    ("توقيع المذكرة يوم أمس يمثل", D(2025, 8, 14), "يوم أمس", "2025-08-13", "day"),
    ("تم توقيعه أمس الأربعاء، مضيفا", D(2025, 8, 14), "أمس الأربعاء", "2025-08-13", "day"),
    ("وقع الرئيس، مساء أمس الاثنين، اتفاقاً", D(2025, 3, 11), "مساء أمس الاثنين", "2025-03-10", "day"),
    ("أعلنت مساء أمس الأحد 18 كانون الثاني/يناير 2026 التوصل", D(2026, 1, 19),
     "أمس الأحد 18 كانون الثاني/يناير 2026", "2026-01-18", "day"),
    ("عقد المجلس، يوم الثلاثاء مؤتمراً", D(2023, 1, 11), "يوم الثلاثاء", "2023-01-10", "day"),
    ("أعلن الجيش، الأربعاء، أن", D(2023, 1, 11), "الأربعاء", "2023-01-11", "day"),
    ("أعلن الجيش الأربعاء الماضي أن", D(2023, 1, 11), "الأربعاء الماضي", "2023-01-04", "day"),
    ("يلتقي الوفد الأحد المقبل", D(2023, 1, 11), "الأحد المقبل", "2023-01-15", "day"),
    ("وقع قبل يومين", D(2025, 8, 14), "قبل يومين", "2025-08-12", "day"),
    ("وصل منذ ثلاثة أيام", D(2025, 8, 14), "منذ ثلاثة أيام", "2025-08-11", "day"),
    ("وقع قبل أسبوع", D(2025, 8, 14), "قبل أسبوع", "2025-08-07", "day"),
    ("قال مصدر بوزارة الدفاع اليوم لرويترز", D(2025, 8, 14), "اليوم", "2025-08-14", "day"),
    ("أعلنت الوزارة صباح اليوم أن", D(2025, 8, 14), "صباح اليوم", "2025-08-14", "day"),
    ("أعلنت الوزارة اليوم الخميس أن", D(2025, 8, 14), "اليوم الخميس", "2025-08-14", "day"),
    ("تبدأ المحادثات غداً في جنيف", D(2025, 8, 14), "غداً", "2025-08-15", "day"),
    ("تبدأ المحادثات يوم غد في جنيف", D(2025, 8, 14), "يوم غد", "2025-08-15", "day"),
    ("وقعت أول أمس", D(2025, 8, 14), "أول أمس", "2025-08-12", "day"),
    # holidays
    ("في عيد الفطر 2024", None, "عيد الفطر 2024", "2024-04-10", "day"),
    ("في عيد الأضحى الماضي", D(2025, 8, 14), "عيد الأضحى", "2025-06-06", "day"),
]


# Held-out generalisation (tests/data/unseen2): forms the first sets did not exercise.
CASES += [
    # a year after the noun of a dated event
    ("مقارنة بنحو 41 في المئة في انتخابات 2021.", D(2025, 11, 12), "2021", "2021", "year"),
    ("منذ حرب 1967 وحتى اليوم", D(2025, 1, 1), "1967", "1967", "year"),
    ("وقعت بعد ثورة 2011 مباشرة", D(2025, 1, 1), "2011", "2011", "year"),
    # "اليوم" right after a definite noun is "today", even before a definite word
    ("أحيا اللبنانيون اليوم الذكرى الخامسة لانفجار المرفأ", D(2025, 8, 4), "اليوم", "2025-08-04", "day"),
    # a yearless month or day a few weeks ahead is the coming one
    ("اتفقت الدول على زيادة الإنتاج في يونيو/حزيران", D(2025, 5, 4), "يونيو/حزيران", "2025-06", "month"),
    ("تقام البطولة من 20 نوفمبر إلى 18 ديسمبر", D(2022, 11, 23), "18 ديسمبر", "2022-12-18", "day"),
    ("تعقد اللجنة اجتماعها في 22 مايو", D(2025, 4, 17), "22 مايو", "2025-05-22", "day"),
    ("وقع الهجوم في 20 نوفمبر", D(2022, 11, 23), "20 نوفمبر", "2022-11-20", "day"),
    ("وقع الحادث في 15 أغسطس", D(2025, 5, 4), "15 أغسطس", "2024-08-15", "day"),  # months ahead: last year's
    ("أعلن ذلك في أيلول", D(2025, 5, 4), "أيلول", "2024-09", "month"),
    # day ranges: the first day takes the month (and year) of the second
    ("استهدفت الغارات الضاحية بين 23 و26 تشرين الثاني/نوفمبر", D(2024, 11, 27), "23", "2024-11-23", "day"),
    ("استهدفت الغارات الضاحية بين 23 و26 تشرين الثاني/نوفمبر", D(2024, 11, 27), "26 تشرين الثاني/نوفمبر",
     "2024-11-26", "day"),
    ("يعقد المؤتمر من 10 إلى 12 مايو 2025", None, "10", "2025-05-10", "day"),
    ("يعقد المؤتمر من 10 إلى 12 مايو 2025", None, "12 مايو 2025", "2025-05-12", "day"),
    ("بين 3 و5 آذار 2025", None, "3", "2025-03-03", "day"),
    ("خلال الفترة 23-26 نوفمبر 2024", None, "23", "2024-11-23", "day"),
    ("انعقد يومي الرابع والعشرين والخامس والعشرين من شباط 2025", None, "الرابع والعشرين", "2025-02-24", "day"),
    ("انعقد يومي الرابع والعشرين والخامس والعشرين من شباط 2025", None, "الخامس والعشرين من شباط 2025",
     "2025-02-25", "day"),
    ("تستمر الورشة من الثالث حتى السابع من آذار 2025", None, "الثالث", "2025-03-03", "day"),
    ("تستمر الورشة من الثالث حتى السابع من آذار 2025", None, "السابع من آذار 2025", "2025-03-07", "day"),
    ("تستمر الورشة من الثالث وحتى السابع من آذار 2025", None, "الثالث", "2025-03-03", "day"),
    # "أمس الأول" (the day before yesterday), "بعد غد" with its weekday, الـ before a day number
    ("وصل الوفد أمس الأول إلى بغداد", D(2025, 3, 14), "أمس الأول", "2025-03-12", "day"),
    ("يصل الوفد بعد غد الأحد", D(2025, 3, 14), "بعد غد الأحد", "2025-03-16", "day"),
    ("تنتهي المهلة في الـ15 من الشهر الجاري", D(2025, 3, 10), "15 من الشهر الجاري", "2025-03-15", "day"),
    # a period word before a bare year; a second year joined to a first
    ("يستمر البرنامج حتى نهاية 2025", D(2025, 3, 14), "نهاية 2025", "2025", "year"),
    ("ارتفعت الأسعار بين عامي 2011 و2015", None, "2015", "2015", "year"),
    ("خلال عامي 2023 و2024", None, "عامي 2023", "2023", "year"),
    ("تعهد الاتحاد بمليار يورو لعامي 2025 و2026", None, "لعامي 2025", "2025", "year"),
    ("تعهد الاتحاد بمليار يورو لعامي 2025 و2026", None, "2026", "2026", "year"),
    ("حكم البلاد من 2011 إلى 2015", None, "2011", "2011", "year"),
    ("حكم البلاد من 2011 إلى 2015", None, "2015", "2015", "year"),
    # a Hijri day and month without the year: the nearest one, like a yearless Gregorian date
    ("أحيا المسلمون ذكرى العاشر من محرم", D(2025, 3, 14), "العاشر من محرم", "2024-07-16", "day"),
    ("يبدأ العيد في الأول من شوال", D(2025, 3, 14), "الأول من شوال", "2025-03-30", "day"),
    # a time of day before a weekday and its date
    ("وكان الانفجار قد وقع مساء الأربعاء 4 آب في العنبر", D(2020, 8, 7), "الأربعاء 4 آب", "2020-08-04", "day"),
    # Held-out generalisation (tests/data/unseen11, unseen12)
    # a weekday before a masculine ordinal day is that day, not "the first Tuesday"
    ("دمرت الغارة القنصلية يوم الثلاثاء الأول من نيسان", D(2024, 4, 14), "الأول من نيسان", "2024-04-01", "day"),
    # a feminine ordinal after a weekday counts that weekday, in a Hijri month too
    ("أقيمت صلاة الجمعة الأولى من رمضان في الأقصى", D(2024, 4, 14), "الجمعة الأولى من رمضان", "2024-03-15", "day"),
    ("الجمعة الثانية من رمضان 1445", None, "الجمعة الثانية من رمضان 1445", "2024-03-22", "day"),
    # each day of a range with its weekday
    ("جرى التصويت من الأحد 10 إلى الثلاثاء 12 ديسمبر الجاري", D(2023, 12, 18), "الأحد 10", "2023-12-10", "day"),
    # a part of "the month" alone is this month's
    ("صوت المصريون في الخارج مطلع الشهر", D(2023, 12, 19), "مطلع الشهر", "2023-12", "month"),
    # "من ذلك العام": the year named before it
    ("في الدور الثاني من انتخابات 2019، الذي جرى في 13 أكتوبر من ذلك العام", D(2024, 10, 8), "13 أكتوبر",
     "2019-10-13", "day"),
    ("ينتظر الجميع قانون المالية للسنة المقبلة", D(2026, 10, 15), "للسنة المقبلة", "2027", "year"),
    # an event noun and one word (a quoted place) before its year
    ("تأهل إلى نصف نهائي كأس العالم \"قطر 2022\"", D(2022, 12, 11), "2022", "2022", "year"),
    ("أدنى من نسبتها في الدور الأول لرئاسية 2019", D(2024, 10, 8), "2019", "2019", "year"),
    # two coordinated weekdays share the marker after the second
    ("تعقد القمة يومي الأحد والاثنين المقبلين", D(2025, 9, 11), "الأحد", "2025-09-14", "day"),
    ("تعقد القمة يومي الأحد والاثنين المقبلين", D(2025, 9, 11), "الاثنين المقبلين", "2025-09-15", "day"),
    # a week dates its month when all of it lies in one
    ("يبدأ جولة خارجية الأسبوع المقبل", D(2025, 2, 26), "الأسبوع المقبل", "2025-03", "month"),
]


@pytest.mark.parametrize(("text", "reference", "surface", "value", "granularity"), CASES)
def test_date_forms(text, reference, surface, value, granularity):
    found = find_dates(text, reference=reference)
    start = text.index(surface)
    covering = [d for d in found if d.start <= start and start + len(surface) <= d.end]
    assert covering, f"{surface!r} not found in {text!r}: {[d.text for d in found]}"
    assert (covering[0].value, covering[0].granularity) == (value, granularity)
    assert covering[0].text == text[covering[0].start:covering[0].end]


@pytest.mark.parametrize(("text", "reference", "surface", "weekday", "value", "relative"), [
    ("يوم الأحد 9 شباط", D(2026, 2, 10), "يوم الأحد 9 شباط", "sunday", "2026-02-09", False),  # stays Monday's date
    ("أمس الأربعاء", D(2025, 8, 14), "أمس الأربعاء", "wednesday", "2025-08-13", True),
    ("أمس الخميس", D(2025, 8, 14), "أمس الخميس", "thursday", "2025-08-13", True),  # wrong weekday is kept
    ("الثلاثاء 11 آذار 2025", None, "الثلاثاء 11 آذار 2025", "tuesday", "2025-03-11", False),
    ("في 11 آذار 2025", None, "11 آذار 2025", None, "2025-03-11", False),
])
def test_weekday_is_recorded_never_applied(text, reference, surface, weekday, value, relative):
    [mention] = find_dates(text, reference=reference)
    assert (mention.text, mention.weekday, mention.value, mention.relative) == (surface, weekday, value, relative)


def test_a_week_across_two_months_dates_no_month():
    assert find_dates("اجتمعوا هذا الأسبوع", reference=D(2025, 2, 26)) == []


def test_a_conjunction_before_a_weekday_needs_a_weekday_before_it():
    assert find_dates("اتفق الطرفان والاثنين على ذلك", reference=D(2025, 2, 26)) == []


NOT_DATES = [
    "تنطلق الحملة في الأسبوع الثاني من آذار",  # a week of the month, not 2 March
    "خلال الأسبوعين الأول والثاني من آذار",
    "تعقد الجلسات في الأيام العشرة الأولى من نيسان",
    "وخاصة القرار الأممي 2254”.",
    "هي منظمة سورية-أمريكية 501(ج)(3) ومقرها في واشنطن",
    "أغنية جديدة للمغني برونو مارس في الحفل",
    "منذ 34 ثانية",
    "الإرهاب. اليوم، تقف المنظمة السورية",
    "وبحث الرئيس في اليوم ذاته مع المبعوث",
    "بمناسبة اليوم العالمي للاجئين",
    "إنتاج 35,000 طن من القمح",
    "حزب الغد المصري",
    "بين الاثنين خلاف",
    "وصل أحد عشر لاعباً",
    "قتل في 2000 غارة",
    "قبل أسبوع من الانتخابات",
    "منذ أيام والقصف مستمر",
    "سيارة نيسان بيضاء",
    "بلغت النسبة 3/4 من المقاعد",
    "انتهت المباراة بنتيجة 5 - 12 في الشوط الأول",
    # a percentage is never a day and month, whatever precedes it
    "تباطأ التضخم إلى 13.6% الشهر",
    "ارتفعت البطالة إلى 12.5 في المئة",
    "بلغت النسبة في 3.4 بالمئة",
    "يوم 13.6%",
    # "اليوم" as a noun stays one
    "يحتفل في اليوم الأول للمعرض",
    "يحتفل العالم باليوم العالمي للمرأة",
    # a year-looking count after an event noun or a period word is still a count
    "أزمة 2000 عائلة نازحة",
    "نهاية 2000 عام من التاريخ",
    "وصل أول 2000 مسافر",
    "فاز الفريق 3 صفر على ضيفه",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert find_dates(text, reference=D(2025, 8, 14)) == []


def test_offsets_are_base_plus_index_with_diacritics():
    text = "وقّعت الحكومةُ اتفاقاً غداً في ١٠ آذارَ ٢٠٢٥ بحضورٍ"
    found = find_dates(text, base=100, reference=D(2025, 3, 9))
    assert [(d.text, d.value) for d in found] == [("غداً", "2025-03-10"), ("١٠ آذارَ ٢٠٢٥", "2025-03-10")]
    for d in found:
        assert text[d.start - 100:d.end - 100] == d.text


def test_date_order_is_configurable():
    assert find_dates("11/01/2023", reference=None, date_order="mdy")[0].value == "2023-11-01"
    assert find_dates("11/01/2023", reference=None)[0].value == "2023-01-11"


def test_relative_dates_need_a_reference():
    assert find_dates("وصل أمس الأربعاء ثم في 8 مارس", reference=None) == []
    assert [d.value for d in find_dates("في 8 مارس 2020", reference=None)] == ["2020-03-08"]


def test_prefer_future_reads_the_next_weekday():
    tuesday = D(2013, 2, 12)
    assert find_dates("الثلاثاء", reference=tuesday, prefer="future")[0].value == "2013-02-19"
    assert find_dates("الثلاثاء", reference=tuesday)[0].value == "2013-02-12"
    assert find_dates("الاثنين", reference=tuesday)[0].value == "2013-02-11"


# Only page chrome that the corpus loader strips (issue 2): judged on its own it is a real "yesterday".
CHROME = {("002_46770df6502fba50", "لقاءً أمس")}


@pytest.mark.parametrize("doc", sorted(GOLD["documents"]))
def test_gold(doc):
    gold = GOLD["documents"][doc]
    text = (CORPUS / f"{doc}.txt").read_text(encoding="utf-8")
    reference = dt.date.fromisoformat(gold["published"])
    found = find_dates(text, reference=reference)
    for date in gold.get("dates", []):
        start = locate(text, date["text"], date.get("after"))
        covering = [d for d in found if d.start <= start and start + len(date["text"]) <= d.end]
        assert [d.value for d in covering] == [date["value"]], f"{doc}: {date['text']!r}"
    for not_date in gold.get("not_dates", []):
        if (doc, not_date["text"]) in CHROME:
            continue
        start = -1
        while (start := text.find(not_date["text"], start + 1)) >= 0:
            end = start + len(not_date["text"])
            inside = [d.text for d in found if start <= d.start and d.end <= end]
            assert not inside, f"{doc}: {not_date['text']!r} read as a date"


# ---- a fourth held-out set (tests/data/unseen4) ----------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "value"), [
    ("انطلق الحراك في 22 فيفري 2019 واستقال بوتفليقة في أفريل من العام نفسه", "أفريل من العام نفسه", "2019-04"),
    ("أجريت الانتخابات عام 2018، ثم أعيدت في أيار من العام ذاته", "أيار من العام ذاته", "2018-05"),
    ("وقع الاتفاق في 2021 ودخل حيز التنفيذ في 3 مارس من نفس العام", "3 مارس من نفس العام", "2021-03-03"),
])
def test_the_same_year_is_the_year_named_last(text, surface, value):
    found = {m.text: m.value for m in find_dates(text, reference=D(2024, 9, 9))}
    assert found.get(surface) == value, found


def test_the_same_year_with_no_year_before_it_reads_as_the_reference_year():
    found = {m.text: m.value for m in find_dates("في أبريل من العام نفسه", reference=D(2024, 9, 9))}
    assert found == {"أبريل من العام نفسه": "2024-04"}


@pytest.mark.parametrize(("text", "value"), [
    ("نما الاقتصاد 2.7 في المئة في الربع الأول من 2025", "2025"),
    ("تراجعت الصادرات في النصف الثاني من 2024", "2024"),
    ("في الربع الأخير من 2023 تباطأ النمو", "2023"),
])
def test_a_year_after_a_part_of_the_year_is_a_year(text, value):
    assert [(m.value, m.granularity) for m in find_dates(text, reference=D(2025, 5, 4))] == [(value, "year")]


def test_a_count_after_a_part_of_the_year_stays_a_count():
    assert find_dates("باع في الربع الأول من 2000 برميل", reference=D(2025, 5, 4)) == []


def test_any_white_space_between_the_words_of_a_trigger_reads_as_one_space():
    """Scraped pages carry double spaces, no-break spaces and line breaks inside phrases."""
    from workbench.extract.dates import _TRIGGERS

    reference = dt.date(2025, 4, 1)
    phrases = [phrase for phrase in _TRIGGERS if " " in phrase]
    assert phrases
    for phrase in phrases:
        single = f"وقع ذلك في {phrase} 2024"
        for gap in ("  ", "\u00a0", "\n"):
            spaced = single.replace(phrase, phrase.replace(" ", gap))
            values = [m.value for m in find_dates(spaced, reference=reference)]
            assert values == [m.value for m in find_dates(single, reference=reference)], (phrase, gap)


def test_the_same_month_is_the_month_a_sentence_before_named():
    from workbench.config import Config
    from workbench.extract import Extractor
    from workbench.model import Document

    text = "أغلق مطار دمشق في الثامن من كانون الأول 2024. ثم أعيد تشغيله في 18 من الشهر ذاته بأول رحلة."
    claims = Extractor.from_config(Config()).claims(Document(id="d", text=text, published=D(2026, 3, 1)))
    assert [(m.text, m.value) for c in claims for m in c.dates] == [
        ("الثامن من كانون الأول 2024", "2024-12-08"), ("18 من الشهر ذاته", "2024-12-18")]


def test_the_same_day_is_the_day_a_sentence_before_dated():
    from workbench.config import Config
    from workbench.extract import Extractor
    from workbench.model import Document

    text = ("استقبل الملك المنتخب مساء أمس الثلاثاء في القصر الملكي. "
            "وكان اللاعبون قد وصلوا في وقت سابق من اليوم نفسه إلى مطار الرباط.")
    claims = Extractor.from_config(Config()).claims(Document(id="d", text=text, published=D(2022, 12, 21)))
    assert [(m.text, m.value) for c in claims for m in c.dates] == [
        ("مساء أمس الثلاثاء", "2022-12-20"), ("اليوم نفسه", "2022-12-20")]


def test_a_stated_weekday_keeps_a_date_from_a_future_word_elsewhere():
    found = find_dates("أعلن يوم السبت 4 كانون الثاني أن المطار سيبدأ استقبال الرحلات", reference=D(2025, 1, 8))
    assert [(m.text, m.value) for m in found] == [("يوم السبت 4 كانون الثاني", "2025-01-04")]
