"""Each built-in kind on hand-built documents, claims and clusters (independent of extraction and
cross-referencing): what must fire, what must not, and the fingerprint's stability."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from workbench.errors import RuleError
from workbench.model import Claim, Cluster, DateMention, Document, EntityMention, NumberMention, Span, stable_id
from workbench.rules import RuleContext, load_rules, run_rules
from workbench.rules.loader import parse_rule
from workbench.text import normalise

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


def document(doc_id: str, text: str, published: str | None = None, header: str | None = None) -> Document:
    span = None
    if header is not None:
        span = Span(text.index(header), text.index(header) + len(header))
    return Document(id=doc_id, text=text, path=f"{doc_id}.txt",
                    published=dt.date.fromisoformat(published) if published else None, published_span=span)


def claim(doc: Document, sentence: str, *, dates=(), numbers=(), entities=()) -> Claim:
    """A claim for ``sentence`` (a substring of the document); mentions are given by their text."""
    base = doc.text.index(sentence)

    def at(text: str) -> tuple[int, int]:
        start = base + sentence.index(text)
        return start, start + len(text)

    return Claim(
        id=stable_id("c", doc.id, normalise(sentence)), doc=doc.id, start=base, end=base + len(sentence),
        text=sentence,
        dates=tuple(DateMention(text=d["text"], start=at(d["text"])[0], end=at(d["text"])[1],
                                value=d["value"], granularity=d.get("granularity", "day"),
                                calendar=d.get("calendar", "gregorian"), relative=d.get("relative", False),
                                weekday=d.get("weekday")) for d in dates),
        numbers=tuple(NumberMention(text=n["text"], start=at(n["text"])[0], end=at(n["text"])[1],
                                    value=n["value"], unit=n.get("unit"), ordinal=n.get("ordinal", False))
                      for n in numbers),
        entities=tuple(EntityMention(text=e["text"], start=at(e["text"])[0], end=at(e["text"])[1], id=e["id"],
                                     type=e.get("type", "person"), title=e.get("title"), name=e.get("name", ""),
                                     exact=e.get("exact", True)) for e in entities),
    )


def context(documents, claims, clusters=(), verdicts=None) -> RuleContext:
    made = []
    for group in clusters:
        ids = tuple(c.id for c in group)
        made.append(Cluster(id=stable_id("k", *sorted(ids)), claims=ids, docs=tuple(dict.fromkeys(c.doc for c in group)),
                            score=1.0))
    return RuleContext(documents={d.id: d for d in documents}, claims={c.id: c for c in claims}, clusters=made,
                       verdicts=verdicts or {})


def run(rule_id: str, ctx: RuleContext, **options):
    rule = next(r for r in load_rules([RULES_DIR]) if r.id == rule_id)
    if options:
        rule = replace(rule, options={**rule.options, **options})
    return run_rules([rule], ctx)


# ---- date-conflict ---------------------------------------------------------------------------------

def _agreement_docs(day_b: str, value_b: str):
    a = document("a", "وقع الطرفان الاتفاق في 8 مارس 2025 في دمشق.")
    b = document("b", f"ونص اتفاق {day_b} على دمج المؤسسات.")
    ca = claim(a, a.text, dates=[{"text": "8 مارس 2025", "value": "2025-03-08"}])
    cb = claim(b, b.text, dates=[{"text": day_b, "value": value_b}])
    return a, b, ca, cb


def test_date_conflict_fires_on_different_days_in_one_cluster():
    a, b, ca, cb = _agreement_docs("10 آذار 2025", "2025-03-10")
    findings = run("date-conflict", context([a, b], [ca, cb], [[ca, cb]]))
    assert len(findings) == 1
    finding = findings[0]
    assert finding.rule == "date-conflict" and finding.level == "error"
    assert set(finding.docs) == {"a", "b"} and set(finding.claims) == {ca.id, cb.id}
    assert "2025-03-08" in finding.message and "2025-03-10" in finding.message
    assert finding.id.startswith("f-")


def test_date_conflict_needs_a_cluster():
    a, b, ca, cb = _agreement_docs("10 آذار 2025", "2025-03-10")
    assert run("date-conflict", context([a, b], [ca, cb], [])) == []


def test_date_conflict_leaves_one_documents_own_sequence_of_relative_dates():
    text = "أعلن ترامب أمس الثلاثاء من الرياض رفع العقوبات. ويلتقي ترامب اليوم في الرياض الرئيس الشرع."
    a = document("a", text, "2025-05-14")
    first, second = text.split(". ")
    ca = claim(a, first + ".", dates=[{"text": "أمس الثلاثاء", "value": "2025-05-13", "relative": True}])
    cb = claim(a, second, dates=[{"text": "اليوم", "value": "2025-05-14", "relative": True}])
    assert run("date-conflict", context([a], [ca, cb], [[ca, cb]])) == []
    cb = replace(cb, dates=(replace(cb.dates[0], relative=False),))  # a date stated in full is compared
    assert len(run("date-conflict", context([a], [ca, cb], [[ca, cb]]))) == 1


def test_date_conflict_compares_at_the_coarser_granularity():
    a, b, ca, cb = _agreement_docs("آذار 2025", "2025-03")
    cb = replace(cb, dates=(replace(cb.dates[0], granularity="month"),))
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []


def test_hijri_and_gregorian_for_one_day_agree_within_a_day():
    a = document("a", "وقع الاتفاق في 8 مارس 2025.")
    b = document("b", "وقع الاتفاق في 9 رمضان 1446.")
    ca = claim(a, a.text, dates=[{"text": "8 مارس 2025", "value": "2025-03-08"}])
    cb = claim(b, b.text, dates=[{"text": "9 رمضان 1446", "value": "2025-03-09", "calendar": "hijri"}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []


def test_background_date_and_publication_line_are_not_the_event_date():
    a = document("a", "الثلاثاء 11 آذار 2025\nوقع الاتفاق في 10 آذار 2025 بعد سقوط النظام في 8 كانون الأول 2024.",
                 published="2025-03-11", header="الثلاثاء 11 آذار 2025")
    b = document("b", "رحبت الدول باتفاق 10 مارس.")
    sentence = a.text.split("\n", 1)[1]
    ca = claim(a, a.text, dates=[{"text": "الثلاثاء 11 آذار 2025", "value": "2025-03-11"},
                                 {"text": "10 آذار 2025", "value": "2025-03-10"},
                                 {"text": "8 كانون الأول 2024", "value": "2024-12-08"}])
    assert sentence in ca.text
    cb = claim(b, b.text, dates=[{"text": "10 مارس", "value": "2025-03-10"}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []


def test_a_single_background_date_is_compared_only_with_a_date_about_the_same_thing():
    a = document("a", "رحبت الدول بالاتفاق بعد سقوط النظام في 8 كانون الأول 2024.")
    b = document("b", "رحبت الدول باتفاق 10 مارس 2025.")
    ca = claim(a, a.text, dates=[{"text": "8 كانون الأول 2024", "value": "2024-12-08"}])
    cb = claim(b, b.text, dates=[{"text": "10 مارس 2025", "value": "2025-03-10"}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []


def test_dates_years_apart_are_different_occurrences():
    a = document("a", "عقد المؤتمر في الحسكة بتاريخ 8 أغسطس 2025.")
    b = document("b", "اجتمع الأعضاء في 9 آب 2022 في الحسكة.")
    ca = claim(a, a.text, dates=[{"text": "8 أغسطس 2025", "value": "2025-08-08"}])
    cb = claim(b, b.text, dates=[{"text": "9 آب 2022", "value": "2022-08-09"}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []
    assert len(run("date-conflict", context([a, b], [ca, cb], [[ca, cb]]), max_gap_days=5000, near_days=5000)) == 1


def test_dates_differing_in_more_than_one_part_are_different_events():
    a = document("a", "أعلنت السفارة يوم الثلاثاء 11 تشرين الثاني 2025 انضمام سوريا إلى التحالف.")
    b = document("b", "رحب اجتماع التحالف يوم الأحد 9 شباط 2026 بانضمام سوريا.")
    c = document("c", "أعلنت السفارة يوم الثلاثاء 11 كانون الأول 2025 انضمام سوريا إلى التحالف.")
    ca = claim(a, a.text, dates=[{"text": "11 تشرين الثاني 2025", "value": "2025-11-11"}])
    cb = claim(b, b.text, dates=[{"text": "9 شباط 2026", "value": "2026-02-09"}])
    cc = claim(c, c.text, dates=[{"text": "11 كانون الأول 2025", "value": "2025-12-11"}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []
    assert len(run("date-conflict", context([a, c], [ca, cc], [[ca, cc]]))) == 1  # only the month differs


def test_one_finding_per_cluster_names_the_odd_one_out():
    docs, claims = [], []
    for doc_id, day, value in [("a", "8 مارس", "2025-03-08"), ("b", "10 مارس", "2025-03-10"),
                               ("c", "العاشر من آذار", "2025-03-10"), ("d", "10 آذار", "2025-03-10")]:
        d = document(doc_id, f"تأخر تنفيذ اتفاق {day} بين الطرفين.")
        docs.append(d)
        claims.append(claim(d, d.text, dates=[{"text": day, "value": value}]))
    findings = run("date-conflict", context(docs, claims, [claims]))
    assert len(findings) == 1
    assert findings[0].values["value_a"] == "2025-03-08" and findings[0].values["doc_a"] == "a"
    assert findings[0].values["value_b"] == "2025-03-10"
    assert findings[0].docs[0] == "a" and len(findings[0].claims) == 4


def test_a_later_report_date_is_not_the_event_date_but_a_later_event_date_is():
    a = document("a", "قتل 100 شخص في انفجار المرفأ أمس الثلاثاء.", published="2020-08-05")
    b = document("b", "ارتفعت حصيلة انفجار المرفأ إلى 154 قتيلا بحسب ما أعلنت الوزارة اليوم الجمعة.", published="2020-08-07")
    c = document("c", "قتل 154 شخصا في انفجار المرفأ أمس الخميس.", published="2020-08-07")
    ca = claim(a, a.text, dates=[{"text": "أمس الثلاثاء", "value": "2020-08-04", "relative": True}])
    cb = claim(b, b.text, dates=[{"text": "اليوم الجمعة", "value": "2020-08-07", "relative": True}])
    cc = claim(c, c.text, dates=[{"text": "أمس الخميس", "value": "2020-08-06", "relative": True}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []
    assert len(run("date-conflict", context([a, c], [ca, cc], [[ca, cc]]))) == 1


def test_the_years_of_two_numbered_laws_are_not_one_date():
    a = document("a", "عدل المجلس قانون العمل رقم 8 لسنة 1996.")
    b = document("b", "عدل المجلس قانون العمل رقم 6 لسنة 2010.")
    c = document("c", "عدل المجلس قانون العمل رقم 8 لسنة 1997.")
    ca = claim(a, a.text, dates=[{"text": "لسنة 1996", "value": "1996", "granularity": "year"}],
               numbers=[{"text": "8", "value": 8}])
    cb = claim(b, b.text, dates=[{"text": "لسنة 2010", "value": "2010", "granularity": "year"}],
               numbers=[{"text": "6", "value": 6}])
    cc = claim(c, c.text, dates=[{"text": "لسنة 1997", "value": "1997", "granularity": "year"}],
               numbers=[{"text": "8", "value": 8}])
    for rule in ("date-conflict", "number-conflict"):
        assert run(rule, context([a, b], [ca, cb], [[ca, cb]])) == []
    assert len(run("date-conflict", context([a, c], [ca, cc], [[ca, cc]]))) == 1  # law No. 8: 1996 or 1997


# ---- number-conflict -------------------------------------------------------------------------------

def test_ranks_conflict_but_n_others_agrees_with_the_n_plus_first():
    a = document("a", "انضمت سوريا لتصبح الدولة التسعين في التحالف.")
    b = document("b", "رحب الاجتماع بسوريا بوصفها العضو التاسع والثمانين في التحالف.")
    c = document("c", "تنضم سوريا بذلك إلى 89 دولة أخرى في التحالف.")
    ca = claim(a, a.text, numbers=[{"text": "التسعين", "value": 90, "ordinal": True}])
    cb = claim(b, b.text, numbers=[{"text": "التاسع والثمانين", "value": 89, "ordinal": True}])
    cc = claim(c, c.text, numbers=[{"text": "89", "value": 89, "unit": "دولة"}])
    findings = run("number-conflict", context([a, b, c], [ca, cb, cc], [[ca, cb, cc]]))
    assert len(findings) == 1
    assert findings[0].values["doc_a"] == "b" and set(findings[0].docs) == {"a", "b", "c"}
    assert run("number-conflict", context([a, c], [ca, cc], [[ca, cc]])) == []


def test_counts_with_different_units_are_not_compared():
    a = document("a", "أنتج المزارعون 35,000 طن من القمح.")
    b = document("b", "أنتج 3,000 مزارع القمح.")
    c = document("c", "أنتج المزارعون 20,000 طن من القمح.")
    ca = claim(a, a.text, numbers=[{"text": "35,000", "value": 35000, "unit": "طن"}])
    cb = claim(b, b.text, numbers=[{"text": "3,000", "value": 3000, "unit": "مزارع"}])
    cc = claim(c, c.text, numbers=[{"text": "20,000", "value": 20000, "unit": "طن"}])
    assert run("number-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []
    found = run("number-conflict", context([a, b, c], [ca, cb, cc], [[ca, cb, cc]]))
    assert len(found) == 1 and set(found[0].docs) == {"a", "c"}


def test_hedged_numbers_allow_a_tolerance():
    a = document("a", "قتل نحو 100 مدني في القصف.")
    b = document("b", "قتل 95 مدنيا في القصف.")
    ca = claim(a, a.text, numbers=[{"text": "100", "value": 100, "unit": "مدني"}])
    cb = claim(b, b.text, numbers=[{"text": "95", "value": 95, "unit": "مدنيا"}])
    assert run("number-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []


def test_a_toll_that_grows_later_is_not_a_conflict_but_one_that_shrinks_is():
    a = document("a", "قتل 100 شخص على الأقل في الانفجار.", published="2020-08-05")
    b = document("b", "ارتفعت حصيلة قتلى الانفجار إلى 154 قتيلا.", published="2020-08-07")
    c = document("c", "قتل 80 شخصا في الانفجار.", published="2020-08-07")
    ca = claim(a, a.text, numbers=[{"text": "100", "value": 100, "unit": "شخص"}])
    cb = claim(b, b.text, numbers=[{"text": "154", "value": 154, "unit": "قتيلا"}])
    cc = claim(c, c.text, numbers=[{"text": "80", "value": 80, "unit": "شخصا"}])
    d = document("d", "قتل 218 شخصا في الانفجار.", published="2022-08-04")
    e = document("e", "قتل 40 شخصا في الانفجار.", published="2020-08-05")
    cd = claim(d, d.text, numbers=[{"text": "218", "value": 218, "unit": "شخصا"}])
    ce = claim(e, e.text, numbers=[{"text": "40", "value": 40, "unit": "شخصا"}])
    assert run("number-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []  # "ارتفعت"
    assert run("number-conflict", context([a, d], [ca, cd], [[ca, cd]])) == []  # "100 على الأقل", later 218
    assert len(run("number-conflict", context([a, c], [ca, cc], [[ca, cc]]))) == 1  # later and smaller
    assert len(run("number-conflict", context([e, d], [ce, cd], [[ce, cd]]))) == 1  # later, larger, no sign
    same_day = replace(b, published=a.published)
    assert len(run("number-conflict", context([a, same_day], [ca, cb], [[ca, cb]]))) == 1


def test_a_bound_after_the_number_and_a_bound_against_an_approximate_number():
    from workbench.rules.mentions import hedge

    a = document("a", "قتل 100 شخص على الأقل في الانفجار.")
    ca = claim(a, a.text, numbers=[{"text": "100", "value": 100, "unit": "شخص"}])
    assert hedge(ca, ca.numbers[0]) == "at least"
    b = document("b", "شرد أكثر من 12000 شخص.")
    c = document("c", "شرد نحو 14000 شخص.")
    cb = claim(b, b.text, numbers=[{"text": "12000", "value": 12000, "unit": "شخص"}])
    cc = claim(c, c.text, numbers=[{"text": "14000", "value": 14000, "unit": "شخص"}])
    assert run("number-conflict", context([b, c], [cb, cc], [[cb, cc]])) == []


def test_clock_times_and_scores_are_not_ranks():
    a = document("a", "فاز المنتخب بركلات الترجيح 4-2 ليحرز اللقب الثالث.")
    b = document("b", "انطلقت المباراة عند الساعة الرابعة وأحرز المنتخب اللقب الثالث.")
    ca = claim(a, a.text, numbers=[{"text": "4", "value": 4}, {"text": "الثالث", "value": 3, "ordinal": True}])
    cb = claim(b, b.text, numbers=[{"text": "الرابعة", "value": 4, "ordinal": True},
                                   {"text": "الثالث", "value": 3, "ordinal": True}])
    assert run("number-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []


def test_head_of_government_and_head_of_state_are_two_offices():
    from workbench.rules.builtin.title_variant import _relation, title_key

    key = lambda t: title_key(t, frozenset())  # noqa: E731
    assert _relation(key("رئيس الحكومة اللبنانية"), key("رئيس الجمهورية اللبنانية")) == "variant"
    assert _relation(key("رئيس الوزراء العراقي"), key("رئيس الجمهورية العراقية")) == "variant"
    assert _relation(key("الرئيس السوري"), key("رئيس الجمهورية العربية السورية")) != "variant"
    assert _relation(key("رئيس الحكومة العراقية"), key("رئيس الوزراء العراقي")) != "variant"
    assert _relation(key("الرئيس الفلسطيني"), key("رئيس الوزراء الفلسطيني")) == "variant"
    assert _relation(key("المرشد الإيراني"), key("المرشد الأعلى")) == "subset"
    assert _relation(key("الرئيس"), key("رئيس الحكومة")) != "variant"  # Lebanese usage for a former premier
    assert _relation(key("الوزير السوري"), key("وزير الخارجية التركي")) == "variant"


# ---- weekday-mismatch ------------------------------------------------------------------------------

def test_weekday_mismatch_fires_on_a_wrong_weekday_only():
    a = document("a", "عقد الاجتماع يوم الأحد 9 شباط 2026. وعقد اللقاء يوم الإثنين 9 شباط 2026.")
    wrong = claim(a, "عقد الاجتماع يوم الأحد 9 شباط 2026.",
                  dates=[{"text": "يوم الأحد 9 شباط 2026", "value": "2026-02-09", "weekday": "sunday"}])
    right = claim(a, "وعقد اللقاء يوم الإثنين 9 شباط 2026.",
                  dates=[{"text": "يوم الإثنين 9 شباط 2026", "value": "2026-02-09", "weekday": "monday"}])
    findings = run("weekday-mismatch", context([a], [wrong, right]))
    assert [f.claims for f in findings] == [(wrong.id,)]
    assert findings[0].values["actual"] == "monday" and "الاثنين" in findings[0].message


def test_weekday_mismatch_on_a_relative_date():
    a = document("a", "أعلن الوزير أمس الثلاثاء الاتفاق.", published="2025-08-14")  # a Thursday
    c = claim(a, a.text, dates=[{"text": "أمس الثلاثاء", "value": "2025-08-13", "weekday": "tuesday", "relative": True}])
    assert len(run("weekday-mismatch", context([a], [c]))) == 1
    assert run("weekday-mismatch", context([a], [c]), relative=False) == []


# ---- calendar-mismatch -----------------------------------------------------------------------------

def test_calendar_mismatch_beyond_one_day():
    text = "صدر القرار في 20 صفر 1447 هـ الموافق 20 أغسطس 2025."
    a = document("a", text)
    c = claim(a, text, dates=[{"text": "20 صفر 1447", "value": "2025-08-14", "calendar": "hijri"},
                              {"text": "20 أغسطس 2025", "value": "2025-08-20"}])
    findings = run("calendar-mismatch", context([a], [c]))
    assert len(findings) == 1 and findings[0].values["days"] == -6
    ok = replace(c, dates=(c.dates[0], replace(c.dates[1], value="2025-08-15")))
    assert run("calendar-mismatch", context([a], [ok])) == []  # one day: moon sighting


def test_calendar_mismatch_needs_the_dates_given_together():
    text = "صدر القرار في 20 صفر 1447، وبعد أسابيع من المشاورات نشر في 20 أغسطس 2025."
    a = document("a", text)
    c = claim(a, text, dates=[{"text": "20 صفر 1447", "value": "2025-08-14", "calendar": "hijri"},
                              {"text": "20 أغسطس 2025", "value": "2025-08-20"}])
    assert run("calendar-mismatch", context([a], [c])) == []


# ---- stale-content ---------------------------------------------------------------------------------

def test_stale_content_recent_words_about_old_events():
    text = "ناقش الأعضاء في 9 آب 2022 النشاط العسكري الأخير. وتشهد المنطقة منذ أيام قصفاً متواصلاً."
    a = document("a", text, published="2024-04-20")
    c1 = claim(a, "ناقش الأعضاء في 9 آب 2022 النشاط العسكري الأخير.", dates=[{"text": "9 آب 2022", "value": "2022-08-09"}])
    c2 = claim(a, "وتشهد المنطقة منذ أيام قصفاً متواصلاً.")
    findings = run("stale-content", context([a], [c1, c2]))
    assert len(findings) == 1
    assert set(findings[0].claims) == {c1.id, c2.id}
    assert findings[0].values["event_date"] == "2022-08-09" and findings[0].values["age_days"] > 600


def test_stale_content_quiet_for_recent_events_and_undated_documents():
    text = "ناقش الأعضاء في 9 نيسان 2024 النشاط العسكري الأخير."
    recent = document("a", text, published="2024-04-20")
    c = claim(recent, text, dates=[{"text": "9 نيسان 2024", "value": "2024-04-09"}])
    assert run("stale-content", context([recent], [c])) == []
    undated = document("b", text.replace("2024", "2020"))
    c = claim(undated, undated.text, dates=[{"text": "9 نيسان 2020", "value": "2020-04-09"}])
    assert run("stale-content", context([undated], [c])) == []


# ---- entity-variant and title-variant --------------------------------------------------------------

def test_entity_variant_fuzzy_spelling():
    text = "أكد التحالف شراكته مع قوات سوريا الديمقراطية طقسد في المنطقة."
    a = document("a", text)
    c = claim(a, text, entities=[{"text": "قوات سوريا الديمقراطية", "id": "sdf", "type": "organisation", "name": "قسد"},
                                 {"text": "طقسد", "id": "sdf", "type": "organisation", "name": "قسد", "exact": False}])
    findings = run("entity-variant", context([a], [c]))
    assert len(findings) == 1 and findings[0].values["variant"] == "طقسد"


def test_entity_variant_reordered_name_within_a_document():
    text = "التقى التحالف الوطني السوري بالمجلس. وقال أمين التحالف السوري الوطني إن الخطة جاهزة."
    a = document("a", text)
    c1 = claim(a, "التقى التحالف الوطني السوري بالمجلس.")
    c2 = claim(a, "وقال أمين التحالف السوري الوطني إن الخطة جاهزة.")
    findings = run("entity-variant", context([a], [c1, c2]))
    assert len(findings) == 1 and set(findings[0].claims) == {c1.id, c2.id}


def test_coordinated_words_are_not_a_reordered_name():
    text = "نعمل على ضمان الأمن والاستقرار في المنطقة. ونعمل على ضمان الاستقرار والأمن للسكان."
    a = document("a", text)
    claims = [claim(a, s) for s in ("نعمل على ضمان الأمن والاستقرار في المنطقة.", "ونعمل على ضمان الاستقرار والأمن للسكان.")]
    assert run("entity-variant", context([a], claims)) == []


def _salama(doc_id: str, title: str) -> tuple[Document, Claim]:
    text = f"وصل {title} حسين السلامة إلى الرياض."
    d = document(doc_id, text)
    return d, claim(d, text, entities=[{"text": "حسين السلامة", "id": "salama", "title": title, "name": "حسين السلامة"}])


def test_title_variant_different_titles_and_lesser_subset():
    (a, ca), (b, cb), (c, cc) = (_salama("a", "رئيس جهاز الاستخبارات السورية"),
                                 _salama("b", "رئيس جهاز الاستخبارات العامة"),
                                 _salama("c", "رئيس جهاز الاستخبارات العامة"))
    findings = run("title-variant", context([a, b, c], [ca, cb, cc]))
    assert len(findings) == 1 and findings[0].level == "warning" and findings[0].docs[0] == "a"
    (d, cd), (e, ce) = _salama("d", "وزير الخارجية"), _salama("e", "وزير الخارجية والمغتربين")
    subset = run("title-variant", context([d, e], [cd, ce]))
    assert len(subset) == 1 and subset[0].level == "info"
    assert run("title-variant", context([d, e], [cd, ce]), subset_level="off") == []
    (f, cf), (g, cg) = _salama("f", "اللواء وزير الدفاع"), _salama("g", "وزير الدفاع")
    assert run("title-variant", context([f, g], [cf, cg])) == []  # a rank is not the office


def test_title_variant_a_title_without_its_conjoined_portfolio_is_its_short_form():
    """وزير الخارجية السوري / وزير الخارجية والمغتربين: the short form names the state instead of the
    second portfolio; رئيس جهاز الاستخبارات العامة / السورية still differ (العامة is no portfolio)."""
    (a, ca), (b, cb) = _salama("a", "وزير الخارجية السوري"), _salama("b", "وزير الخارجية والمغتربين")
    findings = run("title-variant", context([a, b], [ca, cb]))
    assert len(findings) == 1 and findings[0].level == "info"


def test_title_variant_a_body_attached_by_lam_or_in_construct_is_one_body():
    (a, ca), (b, cb) = _salama("a", "القائد العام لقوات سوريا الديمقراطية"), _salama("b", "قائد قوات سوريا الديمقراطية")
    assert run("title-variant", context([a, b], [ca, cb])) == []


def test_title_variant_an_organisation_by_its_alias_or_the_start_of_its_name_is_one_body():
    def infantino(doc_id: str, title: str, body: str) -> tuple[Document, Claim]:
        text = f"قال {title} جياني إنفانتينو إن {body} سيعلن القرار."
        d = document(doc_id, text)
        return d, claim(d, text, entities=[
            {"text": "جياني إنفانتينو", "id": "infantino", "title": title, "name": "جياني إنفانتينو"},
            {"text": body, "id": "fifa", "type": "organisation", "name": "الاتحاد الدولي لكرة القدم"}])

    (a, ca), (b, cb) = infantino("a", "رئيس الاتحاد الدولي", "الفيفا"), infantino("b", "رئيس الفيفا", "الفيفا")
    assert run("title-variant", context([a, b], [ca, cb])) == []
    (c, cc) = infantino("c", "رئيس اللجنة الأولمبية الدولية", "الفيفا")
    assert [f.level for f in run("title-variant", context([b, c], [cb, cc]))] == ["warning"]


def _sharaa(doc_id: str, title: str, published: str) -> tuple[Document, Claim]:
    text = f"ألقى {title} أحمد الشرع كلمة في دمشق."
    d = document(doc_id, text, published)
    return d, claim(d, text, entities=[{"text": "أحمد الشرع", "id": "sharaa", "title": title, "name": "أحمد الشرع"}])


def test_title_variant_words_that_place_the_office_are_one_office():
    pairs = [_sharaa("a", "الرئيس السوري", "2025-05-14"), _sharaa("b", "رئيس الجمهورية", "2025-10-06"),
             _sharaa("c", "الرئيس", "2025-07-17"), _sharaa("d", "الرئيس السوري للمرحلة الانتقالية", "2025-03-11")]
    assert run("title-variant", context([d for d, _ in pairs], [c for _, c in pairs])) == []


def test_title_variant_titles_with_no_word_in_common_are_a_change_of_post_when_far_apart():
    (a, ca), (b, cb) = _sharaa("a", "قائد إدارة العمليات العسكرية", "2024-12-09"), _sharaa("b", "الرئيس", "2025-07-17")
    assert run("title-variant", context([a, b], [ca, cb])) == []
    (c, cc) = _sharaa("c", "الرئيس", "2024-12-20")
    findings = run("title-variant", context([a, c], [ca, cc]))
    assert len(findings) == 1 and findings[0].level == "warning"
    assert run("title-variant", context([a, c], [ca, cc]), role_change_days=5) == []


# ---- contradicts-verdict ---------------------------------------------------------------------------

def _verdict(target: str, rating: str, value: str | None = None, text: str = "") -> SimpleNamespace:
    return SimpleNamespace(target=target, kind="claim" if target.startswith("c-") else "cluster", rating=rating,
                           value=value, claim_text=text, doc="", note="", reviewer="r")


def test_contradicts_verdict_on_a_corrected_value_and_a_false_rating():
    a, b, ca, cb = _agreement_docs("10 آذار 2025", "2025-03-10")
    ctx = context([a, b], [ca, cb], [[ca, cb]], verdicts={cb.id: _verdict(cb.id, "true", "2025-03-10")})
    findings = run("contradicts-verdict", ctx)
    assert [f.claims for f in findings] == [(ca.id,)] and findings[0].values["value"] == "2025-03-08"
    ctx = context([a, b], [ca, cb], [[ca, cb]], verdicts={ca.id: _verdict(ca.id, "true", "2025-03-08")})
    assert [f.claims for f in run("contradicts-verdict", ctx)] == [(cb.id,)]
    copy = document("c", a.text)
    cc = claim(copy, copy.text, dates=[{"text": "8 مارس 2025", "value": "2025-03-08"}])
    ctx = context([a, copy], [ca, cc], [], verdicts={ca.id: _verdict(ca.id, "false", text=ca.text)})
    assert [f.claims for f in run("contradicts-verdict", ctx)] == [(cc.id,)]
    ctx = context([a, copy], [ca, cc], [], verdicts={ca.id: _verdict(ca.id, "true", text=ca.text)})
    assert run("contradicts-verdict", ctx) == []


# ---- pattern ---------------------------------------------------------------------------------------

def _pattern_rule(tmp_path: Path, **options):
    data = {"id": "unsourced", "extends": "pattern", "level": "info", "message": "{doc}: '{match}'", **options}
    return parse_rule(data, tmp_path / "unsourced.yml")[0]


def test_pattern_present_and_absent(tmp_path):
    a = document("a", "قالت مصادر مطلعة إن الاجتماع تأجل.")
    b = document("b", "أعلنت الوزارة تأجيل الاجتماع.")
    ca, cb = claim(a, a.text), claim(b, b.text)
    ctx = context([a, b], [ca, cb])
    present = run_rules([_pattern_rule(tmp_path, pattern=r"مصادر\s+مطلعة")], ctx)
    assert [f.claims for f in present] == [(ca.id,)] and present[0].message == "a: 'مصادر مطلعة'"
    absent = run_rules([_pattern_rule(tmp_path, pattern=r"(?:أعلنت|قالت)\s+الوزارة", mode="absent")], ctx)
    assert [f.docs for f in absent] == [("a",)]


def test_a_catastrophic_pattern_stops_with_a_rule_error(tmp_path):
    a = document("a", "اا!")
    ctx = context([a], [claim(a, a.text)])
    rule = _pattern_rule(tmp_path, pattern=r"(ا|اا)+(ب|ت)+$", timeout=0.2)
    with pytest.raises(RuleError, match=r"unsourced.yml: rule 'unsourced': field 'pattern'"):
        long = document("a", "ا" * 5000 + "!")
        run_rules([rule], context([long], [claim(long, long.text)]))
    assert run_rules([rule], ctx) == []


# ---- fingerprints ----------------------------------------------------------------------------------

def test_fingerprint_survives_moved_lines_and_changes_with_the_values():
    a, b, ca, cb = _agreement_docs("10 آذار 2025", "2025-03-10")
    first = run("date-conflict", context([a, b], [ca, cb], [[ca, cb]]))[0]
    moved = document("a", "\n\nسطر جديد في الأعلى.\n" + a.text)
    cm = claim(moved, a.text, dates=[{"text": "8 مارس 2025", "value": "2025-03-08"}])
    assert cm.id == ca.id and cm.start != ca.start
    again = run("date-conflict", context([moved, b], [cm, cb], [[cm, cb]]))[0]
    assert again.id == first.id
    a2, b2, ca2, cb2 = _agreement_docs("12 آذار 2025", "2025-03-12")
    other = run("date-conflict", context([a2, b2], [ca2, cb2], [[ca2, cb2]]))[0]
    assert other.id != first.id


def test_years_are_compared_but_a_year_far_from_a_day_is_another_event():
    a = document("a", "تأجل عرض الفيلم إلى عام 2020.")
    b = document("b", "تأجل عرض الفيلم إلى عام 2030.")
    c = document("c", "اجتمع أعضاء التحالف الذي تأسس عام 2014 في 9 آب 2022.")
    d = document("d", "اجتمع أعضاء التحالف في 9 آب 2022.")
    ca = claim(a, a.text, dates=[{"text": "عام 2020", "value": "2020", "granularity": "year"}])
    cb = claim(b, b.text, dates=[{"text": "عام 2030", "value": "2030", "granularity": "year"}])
    cc = claim(c, c.text, dates=[{"text": "عام 2014", "value": "2014", "granularity": "year"},
                                 {"text": "9 آب 2022", "value": "2022-08-09"}])
    cd = claim(d, d.text, dates=[{"text": "9 آب 2022", "value": "2022-08-09"}])
    assert len(run("date-conflict", context([a, b], [ca, cb], [[ca, cb]]))) == 1
    assert run("date-conflict", context([c, d], [cc, cd], [[cc, cd]])) == []


def test_bounds_negated_bounds_and_casualty_others():
    a = document("a", "توفي الممثل عن عمر لم يتجاوز 49 عاما.")
    b = document("b", "توفي الممثل عن عمر يناهز 80 عاما.")
    c = document("c", "افتتحت أول دار عرض منذ أكثر من 35 عاما.")
    d = document("d", "افتتحت أول دار عرض منذ 40 عاما.")
    e = document("e", "قتل شرطي وجرح 4 آخرين في التفجير.")
    f = document("f", "قتل شرطي وجرح 10 أشخاص في التفجير.")
    ca = claim(a, a.text, numbers=[{"text": "49", "value": 49, "unit": "عاما"}])
    cb = claim(b, b.text, numbers=[{"text": "80", "value": 80, "unit": "عاما"}])
    cc = claim(c, c.text, numbers=[{"text": "35", "value": 35, "unit": "عاما"}])
    cd = claim(d, d.text, numbers=[{"text": "40", "value": 40, "unit": "عاما"}])
    ce = claim(e, e.text, numbers=[{"text": "4", "value": 4, "unit": "آخرين"}])
    cf = claim(f, f.text, numbers=[{"text": "10", "value": 10, "unit": "أشخاص"}])
    assert len(run("number-conflict", context([a, b], [ca, cb], [[ca, cb]]))) == 1
    assert run("number-conflict", context([c, d], [cc, cd], [[cc, cd]])) == []
    assert len(run("number-conflict", context([e, f], [ce, cf], [[ce, cf]]))) == 1


# ---- a fourth held-out set (tests/data/unseen4) ----------------------------------------------------

def test_ordinals_of_different_nouns_are_not_one_rank():
    a = document("a", "سيطرت القوات على القصر في الأيام الأولى للحرب.")
    b = document("b", "تحل اليوم الذكرى الثانية لاندلاع الحرب.")
    c = document("c", "تحل اليوم الذكرى الثالثة لاندلاع الحرب.")
    ca = claim(a, a.text, numbers=[{"text": "الأولى", "value": 1, "unit": "أيام", "ordinal": True}])
    cb = claim(b, b.text, numbers=[{"text": "الثانية", "value": 2, "unit": "ذكرى", "ordinal": True}])
    cc = claim(c, c.text, numbers=[{"text": "الثالثة", "value": 3, "unit": "الذكرى", "ordinal": True}])
    assert run("number-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []
    assert len(run("number-conflict", context([b, c], [cb, cc], [[cb, cc]]))) == 1  # one anniversary, two ranks


def test_an_ordinal_without_a_counted_noun_ranks_the_noun_before_it():
    a = document("a", "سيطرت القوات على القصر في الأيام الأولى للحرب.")
    b = document("b", "تدخل الحرب اليوم عامها الثاني.")
    ca = claim(a, a.text, numbers=[{"text": "الأولى", "value": 1, "unit": "أيام", "ordinal": True}])
    cb = claim(b, b.text, numbers=[{"text": "الثاني", "value": 2, "ordinal": True}])
    assert run("number-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []


def _aid_appeals(place_b: str, entity_b: str):
    a = document("a", "نداء لدعم السودان. وقال المكتب إن 12.5 مليون شخص نزحوا هذا العام.")
    b = document("b", f"نداء لدعم {place_b}. وقال المكتب إن أكثر من 18 مليون شخص يحتاجون إلى المساعدة.")
    ta = claim(a, "نداء لدعم السودان.", entities=[{"text": "السودان", "id": "sudan", "type": "country"}])
    tb = claim(b, f"نداء لدعم {place_b}.", entities=[{"text": place_b, "id": entity_b, "type": "country"}])
    ca = claim(a, "وقال المكتب إن 12.5 مليون شخص نزحوا هذا العام.",
               numbers=[{"text": "12.5 مليون", "value": 12500000, "unit": "شخص"}])
    cb = claim(b, "وقال المكتب إن أكثر من 18 مليون شخص يحتاجون إلى المساعدة.",
               numbers=[{"text": "18 مليون", "value": 18000000, "unit": "شخص"}])
    return context([a, b], [ta, tb, ca, cb], [[ca, cb]])


def test_numbers_from_documents_about_different_places_are_not_compared():
    assert run("number-conflict", _aid_appeals("اليمن", "yemen")) == []
    assert len(run("number-conflict", _aid_appeals("السودان", "sudan"))) == 1


def test_two_days_each_with_its_right_weekday_in_one_document_are_a_sequence():
    text = "استهدفت الغارات الميناء مساء أمس السبت. وجاءت الغارات بعد يوم من هجوم فجر الجمعة 19 تموز."
    a = document("a", text, "2024-07-21")
    first, second = text.split(". ")
    ca = claim(a, first + ".", dates=[{"text": "أمس السبت", "value": "2024-07-20", "relative": True,
                                      "weekday": "saturday"}])
    cb = claim(a, second, dates=[{"text": "الجمعة 19 تموز", "value": "2024-07-19", "weekday": "friday"}])
    assert run("date-conflict", context([a], [ca, cb], [[ca, cb]])) == []
    text = "استهدفت الغارات الميناء مساء أمس السبت. وقالت الجماعة إن الغارات وقعت في 19 تموز 2024."
    b = document("b", text, "2024-07-21")
    first, second = text.split(". ")
    ca = claim(b, first + ".", dates=[{"text": "أمس السبت", "value": "2024-07-20", "relative": True,
                                      "weekday": "saturday"}])
    cb = claim(b, second, dates=[{"text": "19 تموز 2024", "value": "2024-07-19"}])  # no weekday: compared
    assert len(run("date-conflict", context([b], [ca, cb], [[ca, cb]]))) == 1


def _elections(entity_b: dict):
    a = document("a", "وجاء التكليف بعد أيام من الانتخابات النيابية التي جرت الثلاثاء 10 أيلول 2024.")
    b = document("b", f"أعلن {entity_b['text']} النتائج بعد فرز الأصوات في الانتخابات التي جرت السبت 7 أيلول 2024.")
    ca = claim(a, a.text, dates=[{"text": "الثلاثاء 10 أيلول 2024", "value": "2024-09-10"}],
               entities=[{"text": "التكليف", "id": "jordan", "type": "country"}])
    cb = claim(b, b.text, dates=[{"text": "السبت 7 أيلول 2024", "value": "2024-09-07"}], entities=[entity_b])
    return context([a, b], [ca, cb])


def test_dates_introduced_alike_in_documents_naming_nothing_in_common_are_not_compared():
    assert run("date-conflict", _elections({"text": "الرئيس", "id": "abdelmadjid-tebboune"})) == []
    assert len(run("date-conflict", _elections({"text": "الأردن", "id": "jordan", "type": "country"}))) == 1


def test_a_since_duration_is_no_date_of_the_event():
    a = document("a", "تعاني المحافظة من انقطاع الكهرباء منذ خمسة أيام وتستعد قافلة مساعدات.", published="2025-07-20")
    b = document("b", "دخلت اليوم الثلاثاء قافلة مساعدات إلى المحافظة.", published="2025-07-22")
    ca = claim(a, a.text, dates=[{"text": "منذ خمسة أيام", "value": "2025-07-15", "relative": True}])
    cb = claim(b, b.text, dates=[{"text": "اليوم الثلاثاء", "value": "2025-07-22", "relative": True}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []


def test_this_year_and_this_month_of_two_dates_of_writing_do_not_conflict():
    a = document("a", "طرح المصرف مطلع العام الجاري العملة الجديدة وسجل سعر الصرف 115 ليرة.", published="2026-03-13")
    b = document("b", "تراجع سعر الصرف إلى 11200 ليرة مقارنة بنحو 11800 ليرة مطلع الشهر الجاري.", published="2025-12-19")
    ca = claim(a, a.text, dates=[{"text": "مطلع العام الجاري", "value": "2026", "granularity": "year", "relative": True}])
    cb = claim(b, b.text, dates=[{"text": "مطلع الشهر الجاري", "value": "2025-12", "granularity": "month", "relative": True}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []
    # the same words with absolute dates still conflict
    cc = claim(b, b.text, dates=[{"text": "مطلع الشهر الجاري", "value": "2025-12", "granularity": "month"}])
    ca2 = claim(a, a.text, dates=[{"text": "مطلع العام الجاري", "value": "2026-01", "granularity": "month"}])
    assert len(run("date-conflict", context([a, b], [ca2, cc], [[ca2, cc]]))) == 1


def test_counts_more_than_tenfold_apart_count_different_things_when_written_apart():
    a = document("a", "سجل سعر صرف الدولار نحو 115 ليرة في السوق.", published="2026-03-13")
    b = document("b", "تراجع سعر صرف الدولار في السوق إلى 11200 ليرة.", published="2025-12-19")
    ca = claim(a, a.text, numbers=[{"text": "115", "value": 115, "unit": "ليرة"}])
    cb = claim(b, b.text, numbers=[{"text": "11200", "value": 11200, "unit": "ليرة"}])
    assert run("number-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []
    c = document("c", "تراجع سعر صرف الدولار في السوق إلى 1150 ليرة.", published="2025-12-19")
    cc = claim(c, c.text, numbers=[{"text": "1150", "value": 1150, "unit": "ليرة"}])
    assert len(run("number-conflict", context([a, c], [ca, cc], [[ca, cc]]))) == 1  # a dropped zero is compared


def test_counts_tenfold_apart_in_reports_of_one_day_or_of_one_scale_slip_conflict():
    a = document("a", "حصد الفيديو أكثر من 22 مليون مشاهدة.")
    b = document("b", "حصد الفيديو أكثر من 500 مليون مشاهدة.")
    ca = claim(a, a.text, numbers=[{"text": "22 مليون", "value": 22_000_000, "unit": "مشاهدة"}])
    cb = claim(b, b.text, numbers=[{"text": "500 مليون", "value": 500_000_000, "unit": "مشاهدة"}])
    assert len(run("number-conflict", context([a, b], [ca, cb], [[ca, cb]]))) == 1  # no dates: one day's news
    c = document("c", "أطلقت الحكومة حزمة قيمتها 50 مليار درهم.", published="2025-01-01")
    d = document("d", "أطلقت الحكومة حزمة قيمتها 50 مليون درهم.", published="2025-03-01")
    cc = claim(c, c.text, numbers=[{"text": "50 مليار", "value": 50_000_000_000, "unit": "درهم"}])
    cd = claim(d, d.text, numbers=[{"text": "50 مليون", "value": 50_000_000, "unit": "درهم"}])
    assert len(run("number-conflict", context([c, d], [cc, cd], [[cc, cd]]))) == 1  # the scale word misreported


def test_two_members_of_a_series_on_two_days_are_two_occasions():
    a = document("a", "دخلت اليوم الثلاثاء أول قافلة تضم 32 شاحنة إلى المدينة.", published="2025-07-22")
    b = document("b", "دخلت القافلة الرابعة أمس السبت تضم 40 شاحنة إلى المدينة.", published="2025-07-27")
    ca = claim(a, a.text, dates=[{"text": "اليوم الثلاثاء", "value": "2025-07-22", "relative": True}],
               numbers=[{"text": "أول", "value": 1, "unit": "قافلة", "ordinal": True},
                        {"text": "32", "value": 32, "unit": "شاحنة"}])
    cb = claim(b, b.text, dates=[{"text": "أمس السبت", "value": "2025-07-26", "relative": True}],
               numbers=[{"text": "الرابعة", "value": 4, "unit": "قافلة", "ordinal": True},
                        {"text": "40", "value": 40, "unit": "شاحنة"}])
    ctx = context([a, b], [ca, cb], [[ca, cb]])
    assert run("number-conflict", ctx) == [] and run("date-conflict", ctx) == []
    # without the ordinals, the later, different count of one convoy is still a conflict
    cb2 = claim(b, b.text, dates=[{"text": "أمس السبت", "value": "2025-07-26", "relative": True}],
                numbers=[{"text": "40", "value": 40, "unit": "شاحنة"}])
    ca2 = claim(a, a.text, dates=[{"text": "اليوم الثلاثاء", "value": "2025-07-22", "relative": True}],
                numbers=[{"text": "32", "value": 32, "unit": "شاحنة"}])
    assert len(run("number-conflict", context([a, b], [ca2, cb2], [[ca2, cb2]]))) == 1


def test_anchors_read_the_start_of_fighting_in_other_words():
    a = document("a", "وبدأت الاشتباكات يوم الأحد 13 تموز في السويداء بعد عمليات خطف.", published="2025-07-20")
    b = document("b", "لا تزال السويداء تعيش على وقع المواجهات التي اندلعت الاثنين 14 تموز وأودت بحياة المئات.",
                 published="2025-07-27")
    ca = claim(a, a.text, dates=[{"text": "يوم الأحد 13 تموز", "value": "2025-07-13"}],
               entities=[{"text": "السويداء", "id": "suwayda", "type": "place"}])
    cb = claim(b, b.text, dates=[{"text": "الاثنين 14 تموز", "value": "2025-07-14"}],
               entities=[{"text": "السويداء", "id": "suwayda", "type": "place"}])
    assert len(run("date-conflict", context([a, b], [ca, cb]))) == 1  # unclustered: by their anchors


def test_years_are_compared_only_one_misreport_apart():
    from workbench.rules.builtin.date_conflict import year_slip

    assert year_slip("2020", "2021") and year_slip("2024", "2042")
    assert not year_slip("1930", "2034") and not year_slip("2014", "2022")


def test_the_date_lines_day_against_the_same_day_a_year_before_is_an_anniversary():
    a = document("a", "اختتم مؤتمر الحوار الوطني أعماله في دمشق اليوم الثلاثاء.", published="2025-02-25")
    b = document("b", "يصادف اليوم الأربعاء مرور عام على اختتام مؤتمر الحوار الوطني أعماله في دمشق.", published="2026-02-25")
    ca = claim(a, a.text, dates=[{"text": "اليوم الثلاثاء", "value": "2025-02-25", "relative": True}])
    cb = claim(b, b.text, dates=[{"text": "اليوم الأربعاء", "value": "2026-02-25", "relative": True}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []
    # a wrong year on a day that is not the document's own is a misreport
    c = document("c", "اختتم مؤتمر الحوار الوطني أعماله في دمشق في 25 شباط 2025.", published="2025-03-20")
    d = document("d", "اختتم مؤتمر الحوار الوطني أعماله في دمشق في 25 شباط 2026.", published="2026-03-20")
    cc = claim(c, c.text, dates=[{"text": "25 شباط 2025", "value": "2025-02-25"}])
    cd = claim(d, d.text, dates=[{"text": "25 شباط 2026", "value": "2026-02-25"}])
    assert len(run("date-conflict", context([c, d], [cc, cd], [[cc, cd]]))) == 1


def test_a_had_been_sentence_needs_more_than_one_word_in_common():
    a = document("a", "وكانت اللجنة التحضيرية قد شُكّلت بقرار رئاسي في 12 شباط وعقدت جلسات حوارية.", published="2025-02-25")
    b = document("b", "اختتمت مساء أمس الثلاثاء أعمال مؤتمر الحوار الوطني في دمشق.", published="2025-02-26")
    ca = claim(a, a.text, dates=[{"text": "12 شباط", "value": "2025-02-12"}])
    cb = claim(b, b.text, dates=[{"text": "مساء أمس الثلاثاء", "value": "2025-02-25", "relative": True}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []
    # a look back at the same act, in the same words, is still compared
    c = document("c", "شُكّلت اللجنة التحضيرية بقرار رئاسي في 11 شباط.", published="2025-02-26")
    cc = claim(c, c.text, dates=[{"text": "11 شباط", "value": "2025-02-11"}])
    assert len(run("date-conflict", context([a, c], [ca, cc], [[ca, cc]]))) == 1


def test_claims_about_two_peoples_acts_are_two_events():
    a = document("a", "كما زار وزير الخارجية السعودي فيصل بن فرحان دمشق الشهر الماضي والتقى الشرع.", published="2025-02-02")
    b = document("b", "استقبل الرئيس التركي أردوغان الرئيس الشرع بعد السعودية التي زارها الأحد 2 شباط.", published="2025-02-05")
    sharaa = {"text": "الشرع", "id": "ahmed-al-sharaa"}
    ca = claim(a, a.text, dates=[{"text": "الشهر الماضي", "value": "2025-01", "granularity": "month", "relative": True}],
               entities=[{"text": "فيصل بن فرحان", "id": "faisal-bin-farhan"}, sharaa])
    cb = claim(b, b.text, dates=[{"text": "الأحد 2 شباط", "value": "2025-02-02", "weekday": "sunday"}],
               entities=[{"text": "أردوغان", "id": "erdogan"}, sharaa])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []
    # when one claim names the other's actor, the two may be one event
    c = document("c", "زار وزير الخارجية السعودي فيصل بن فرحان دمشق الأحد 2 شباط والتقى الشرع.", published="2025-02-05")
    cc = claim(c, c.text, dates=[{"text": "الأحد 2 شباط", "value": "2025-02-02", "weekday": "sunday"}],
               entities=[{"text": "فيصل بن فرحان", "id": "faisal-bin-farhan"}, sharaa])
    assert len(run("date-conflict", context([a, c], [ca, cc], [[ca, cc]]))) == 1


def test_a_day_written_without_its_year_differs_in_its_month_only():
    a = document("a", "تسلم الشرع رئاسة البلاد يوم 29 كانون الثاني 2025 في دمشق.", published="2025-02-02")
    b = document("b", "تسلم الشرع رئاسة البلاد يوم 29 كانون الأول في دمشق.", published="2025-02-03")
    ca = claim(a, a.text, dates=[{"text": "29 كانون الثاني 2025", "value": "2025-01-29"}])
    cb = claim(b, b.text, dates=[{"text": "29 كانون الأول", "value": "2024-12-29"}])
    assert len(run("date-conflict", context([a, b], [ca, cb], [[ca, cb]]))) == 1
    # written with its year, December 2024 against January 2025 differs in two parts: two events
    d = document("d", "تسلم الشرع رئاسة البلاد يوم 29 كانون الأول 2024 في دمشق.", published="2025-02-03")
    cd = claim(d, d.text, dates=[{"text": "29 كانون الأول 2024", "value": "2024-12-29"}])
    assert run("date-conflict", context([a, d], [ca, cd], [[ca, cd]])) == []


def test_spans_of_time_are_compared_only_when_the_words_around_them_are_alike():
    a = document("a", "التقى ترامب الشرع في الرياض في أول لقاء بين رئيسين أمريكي وسوري منذ 25 عاماً.")
    b = document("b", "بحث الشرع في الرياض إعادة إعمار ما دمرته حرب استمرت نحو 14 عاماً.")
    names = [{"text": "الشرع", "id": "ahmed-al-sharaa"}, {"text": "الرياض", "id": "riyadh", "type": "place"}]
    ca = claim(a, a.text, numbers=[{"text": "25", "value": 25, "unit": "عاماً"}], entities=names)
    cb = claim(b, b.text, numbers=[{"text": "14", "value": 14, "unit": "عاماً"}], entities=names)
    assert run("number-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []
    c = document("c", "افتتاح أول دار عرض في السعودية منذ أكثر من 35 عاما.")
    d = document("d", "يفتتح دار عرض سينمائي لأول مرة منذ 100 عام.")
    cc = claim(c, c.text, numbers=[{"text": "35", "value": 35, "unit": "عاما"}])
    cd = claim(d, d.text, numbers=[{"text": "100", "value": 100, "unit": "عام"}])
    assert len(run("number-conflict", context([c, d], [cc, cd], [[cc, cd]]))) == 1


def test_a_lasting_count_introduced_alike_is_compared_without_a_cluster():
    a = document("a", "وكانت اللجنة التحضيرية للمؤتمر، المؤلفة من سبعة أعضاء، قد عقدت جلسات في المحافظات.")
    b = document("b", "قال المتحدث السابق باسم اللجنة التحضيرية التي ضمت تسعة أعضاء إن المؤتمر أدى وظيفته.")
    committee = [{"text": "اللجنة التحضيرية", "id": "dialogue-committee", "type": "organisation"}]
    ca = claim(a, a.text, numbers=[{"text": "سبعة", "value": 7, "unit": "أعضاء"}], entities=committee)
    cb = claim(b, b.text, numbers=[{"text": "تسعة", "value": 9, "unit": "أعضاء"}], entities=committee)
    assert len(run("number-conflict", context([a, b], [ca, cb]))) == 1
    assert run("number-conflict", context([a, b], [ca, cb]), anchors=False) == []
    # two bodies alike in words, named differently: the UN Security Council and the Saudi Shura Council
    e = document("e", "عقد مجلس الأمن الدولي المؤلف من 15 عضواً جلسة طارئة.")
    f = document("f", "عقد مجلس الشورى السعودي المؤلف من 150 عضواً جلسة عادية.")
    ce = claim(e, e.text, numbers=[{"text": "15", "value": 15, "unit": "عضواً"}],
               entities=[{"text": "مجلس الأمن", "id": "unsc", "type": "organisation"}])
    cf = claim(f, f.text, numbers=[{"text": "150", "value": 150, "unit": "عضواً"}],
               entities=[{"text": "السعودي", "id": "saudi-arabia", "type": "country"}])
    assert run("number-conflict", context([e, f], [ce, cf])) == []
    # "المؤلف من" and "يتألف … من" say one thing: the assembly's size, restated in other words
    assembly = [{"text": "المجلس", "id": "peoples-assembly", "type": "organisation"}]
    c = document("c", "أشار إلى أن المجلس المؤلف من 250 مقعداً سيعقد أولى جلساته.")
    d = document("d", "ويتألف المجلس من 210 مقاعد تنتخب ثلثيها الهيئات الناخبة.")
    cc = claim(c, c.text, numbers=[{"text": "250", "value": 250, "unit": "مقعداً"}], entities=assembly)
    cd = claim(d, d.text, numbers=[{"text": "210", "value": 210, "unit": "مقاعد"}], entities=assembly)
    assert len(run("number-conflict", context([c, d], [cc, cd]))) == 1


def test_an_earthquake_dated_in_passing_meets_its_other_dates_without_a_cluster():
    morocco = {"text": "المغرب", "id": "morocco", "type": "country"}
    a = document("a", "ومنذ وقوع الزلزال في 8 أغسطس، تتوالى المبادرات التضامنية داخل المغرب.", published="2023-09-11")
    b = document("b", "زار الملك مصابي الزلزال الذي بلغت قوته 6.9 درجات وضرب ليل الجمعة 8 أيلول المغرب.", published="2023-09-13")
    ca = claim(a, a.text, dates=[{"text": "8 أغسطس", "value": "2023-08-08"}], entities=[morocco])
    cb = claim(b, b.text, dates=[{"text": "ليل الجمعة 8 أيلول", "value": "2023-09-08", "weekday": "friday"}],
               entities=[morocco])
    assert len(run("date-conflict", context([a, b], [ca, cb]))) == 1
    # another country's earthquake is another event
    c = document("c", "زار الملك مصابي الزلزال الذي بلغت قوته 7.8 درجات وضرب ليل الجمعة 8 أيلول تركيا.", published="2023-09-13")
    cc = claim(c, c.text, dates=[{"text": "ليل الجمعة 8 أيلول", "value": "2023-09-08", "weekday": "friday"}],
               entities=[{"text": "تركيا", "id": "turkey", "type": "country"}])
    assert run("date-conflict", context([a, c], [ca, cc])) == []


def test_the_day_a_source_spoke_is_not_the_date_of_the_event_it_reports():
    a = document("a", "أعلن التلفزيون الرسمي صباح اليوم الاثنين وفاة الرئيس إثر تحطم مروحيته ظهر أمس الأحد.", published="2024-05-20")
    b = document("b", "توالت برقيات التعزية بوفاة الرئيس إثر تحطم مروحيته السبت 18 أيار.", published="2024-05-21")
    ca = claim(a, a.text, dates=[{"text": "صباح اليوم الاثنين", "value": "2024-05-20", "relative": True},
                                 {"text": "ظهر أمس الأحد", "value": "2024-05-19", "relative": True}])
    cb = claim(b, b.text, dates=[{"text": "السبت 18 أيار", "value": "2024-05-18", "weekday": "saturday"}])
    found = run("date-conflict", context([a, b], [ca, cb], [[ca, cb]]))
    assert [sorted((f.values["value_a"], f.values["value_b"])) for f in found] == [["2024-05-18", "2024-05-19"]]


def test_a_look_back_at_a_figure_the_article_updates_is_no_conflict():
    a = document("a", "ارتفع عدد ضحايا الزلزال إلى 2497 قتيلاً. وكانت الحصيلة قد بلغت أمس 2012 قتيلاً.")
    today, before = "ارتفع عدد ضحايا الزلزال إلى 2497 قتيلاً.", "وكانت الحصيلة قد بلغت أمس 2012 قتيلاً."
    ca = claim(a, today, numbers=[{"text": "2497", "value": 2497, "unit": "قتيلاً"}])
    cb = claim(a, before, numbers=[{"text": "2012", "value": 2012, "unit": "قتيلاً"}])
    assert run("number-conflict", context([a], [ca, cb], [[ca, cb]])) == []
    b = document("b", "بلغت حصيلة ضحايا الزلزال 2012 قتيلاً.")
    cc = claim(b, b.text, numbers=[{"text": "2012", "value": 2012, "unit": "قتيلاً"}])
    assert len(run("number-conflict", context([a, b], [ca, cc], [[ca, cc]]))) == 1  # another report's figure


def test_the_source_of_reported_speech_is_not_the_actor():
    a = document("a", "وصل وزير الخارجية الإيراني عباس عراقجي إلى دمشق في 3 آذار في أول زيارة له.")
    b = document("b", "أعلن أسعد الشيباني أن وزير الخارجية الإيراني وصل إلى دمشق في 4 آذار في أول زيارة له.")
    ca = claim(a, a.text, dates=[{"text": "3 آذار", "value": "2025-03-03"}],
               entities=[{"text": "عباس عراقجي", "id": "abbas-araghchi"}])
    cb = claim(b, b.text, dates=[{"text": "4 آذار", "value": "2025-03-04"}],
               entities=[{"text": "أسعد الشيباني", "id": "asaad-al-shaibani"}])
    assert len(run("date-conflict", context([a, b], [ca, cb], [[ca, cb]]))) == 1


def test_a_date_inside_reported_speech_is_the_events():
    a = document("a", "قال المتحدث إن الانفجار وقع اليوم الثلاثاء بعد غارة أمس.", published="2025-03-04")
    b = document("b", "وقع الانفجار الأربعاء 5 آذار في المدينة.", published="2025-03-06")
    ca = claim(a, a.text, dates=[{"text": "اليوم الثلاثاء", "value": "2025-03-04", "relative": True},
                                 {"text": "أمس", "value": "2025-03-03", "relative": True}])
    cb = claim(b, b.text, dates=[{"text": "الأربعاء 5 آذار", "value": "2025-03-05", "weekday": "wednesday"}])
    found = run("date-conflict", context([a, b], [ca, cb], [[ca, cb]]))
    assert "2025-03-04" in {str(i["value"]) for f in found for i in f.values["items"]}


def test_two_earthquakes_two_weeks_apart_are_two_events():
    turkey = {"text": "تركيا", "id": "turkey", "type": "country"}
    a = document("a", "ضرب الزلزال المدمر جنوب تركيا في 6 شباط 2023 وخلف آلاف القتلى.", published="2023-03-01")
    b = document("b", "ضرب الزلزال ولاية هاتاي في تركيا في 20 شباط 2023 وأثار الذعر.", published="2023-03-02")
    ca = claim(a, a.text, dates=[{"text": "6 شباط 2023", "value": "2023-02-06"}], entities=[turkey])
    cb = claim(b, b.text, dates=[{"text": "20 شباط 2023", "value": "2023-02-20"}], entities=[turkey])
    assert run("date-conflict", context([a, b], [ca, cb])) == []


def test_the_day_a_source_spoke_and_what_it_said_are_two_dates_of_one_article():
    text = "أعلن البنك الدولي، أمس الجمعة، أن المتأخرات سويت. وسويت المتأخرات اعتباراً من 12 أيار."
    a = document("a", text, "2025-05-17")
    first, second = text.split(" وسويت")
    ca = claim(a, first, dates=[{"text": "أمس الجمعة", "value": "2025-05-16", "relative": True}])
    cb = claim(a, "وسويت" + second, dates=[{"text": "12 أيار", "value": "2025-05-12"}])
    assert run("date-conflict", context([a], [ca, cb], [[ca, cb]])) == []


def test_two_reports_yesterdays_weeks_apart_are_two_days_news():
    a = document("a", "عاد آلاف اللاجئين إلى مدنهم أمس الأحد عبر المعابر.", published="2025-12-08")
    b = document("b", "عاد آلاف اللاجئين إلى مدنهم أمس الاثنين عبر المعابر.", published="2025-12-30")
    ca = claim(a, a.text, dates=[{"text": "أمس الأحد", "value": "2025-12-07", "relative": True}])
    cb = claim(b, b.text, dates=[{"text": "أمس الاثنين", "value": "2025-12-29", "relative": True}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []
    c = document("c", "عاد آلاف اللاجئين إلى مدنهم الأحد الماضي عبر المعابر.", published="2025-12-10")
    cc = claim(c, c.text, dates=[{"text": "الأحد الماضي", "value": "2025-12-06", "relative": True}])
    assert len(run("date-conflict", context([a, c], [ca, cc], [[ca, cc]]))) == 1  # a day apart: compared


def test_a_look_back_one_day_off_is_compared_in_other_words():
    a = document("a", "أطلق الرئيس الشرع أمس الاثنين العملة الوطنية الجديدة في دمشق.", published="2025-12-30")
    b = document("b", "وكان الرئيس الشرع قد أزاح الستار عن العملة الجديدة يوم الأحد 28 كانون الأول في دمشق.",
                 published="2026-01-02")
    ca = claim(a, a.text, dates=[{"text": "أمس الاثنين", "value": "2025-12-29", "relative": True}])
    cb = claim(b, b.text, dates=[{"text": "يوم الأحد 28 كانون الأول", "value": "2025-12-28", "weekday": "sunday"}])
    assert len(run("date-conflict", context([a, b], [ca, cb], [[ca, cb]]))) == 1
    # a fortnight apart, the look back dates another event
    c = document("c", "وكان الرئيس الشرع قد أزاح الستار عن العملة الجديدة يوم الاثنين 15 كانون الأول في دمشق.",
                 published="2026-01-02")
    cc = claim(c, c.text, dates=[{"text": "يوم الاثنين 15 كانون الأول", "value": "2025-12-15", "weekday": "monday"}])
    assert run("date-conflict", context([a, c], [ca, cc], [[ca, cc]])) == []


def test_one_article_citing_two_resolutions_is_no_conflict():
    a = document("a", "اعتمد المجلس القرار رقم 2799 بأغلبية 14 صوتاً. وتشرف على العقوبات لجنة أنشئت بموجب القرار 1267.")
    first, second = a.text.split(". ")
    ca = claim(a, first + ".", numbers=[{"text": "2799", "value": 2799}])
    cb = claim(a, second, numbers=[{"text": "1267", "value": 1267}])
    assert run("number-conflict", context([a], [ca, cb], [[ca, cb]])) == []
    b = document("b", "اعتمد المجلس القرار رقم 2798 بأغلبية 14 صوتاً.")
    cc = claim(b, b.text, numbers=[{"text": "2798", "value": 2798}])
    assert len(run("number-conflict", context([a, b], [ca, cc], [[ca, cc]]))) == 1  # another report's misnumbering


def test_a_look_back_with_a_wrong_year_meets_the_report_it_restates_without_a_cluster():
    gulf = [{"text": "قطر", "id": "qatar", "type": "country"}]
    a = document("a", "أعلنت وزارتا المالية في السعودية وقطر، أمس الأحد، في بيان مشترك التزامهما سداد متأخرات سوريا.",
                 published="2025-04-28")
    b = document("b", "وكانت الرياض والدوحة قد أعلنتا في 27 نيسان 2024، في بيان مشترك لوزارتي المالية، التزامهما بسداد "
                      "المتأخرات لدى قطر.", published="2025-05-17")
    ca = claim(a, a.text, dates=[{"text": "أمس الأحد", "value": "2025-04-27", "relative": True}], entities=gulf)
    cb = claim(b, b.text, dates=[{"text": "27 نيسان 2024", "value": "2024-04-27"}], entities=gulf)
    assert len(run("date-conflict", context([a, b], [ca, cb]))) == 1
    # two days a few apart are two steps, not a misprint
    c = document("c", "وكانت الرياض والدوحة قد أعلنتا في 25 نيسان 2025، في بيان مشترك لوزارتي المالية، التزامهما بسداد "
                      "المتأخرات لدى قطر.", published="2025-05-17")
    cc = claim(c, c.text, dates=[{"text": "25 نيسان 2025", "value": "2025-04-25"}], entities=gulf)
    assert run("date-conflict", context([a, c], [ca, cc])) == []


def test_a_span_of_days_against_a_day_well_outside_it_is_another_stage():
    a = document("a", "أعلنت الهيئة اليوم الاثنين فوز الرئيس بولاية جديدة.", published="2023-12-18")
    b = document("b", "وجرت الانتخابات على مدى ثلاثة أيام، من العاشر إلى الثاني عشر من كانون الأول 2023.",
                 published="2025-12-21")
    ca = claim(a, a.text, dates=[{"text": "اليوم الاثنين", "value": "2023-12-18", "relative": True, "weekday": "monday"}])
    cb = claim(b, b.text, dates=[{"text": "العاشر", "value": "2023-12-10"},
                                 {"text": "الثاني عشر من كانون الأول 2023", "value": "2023-12-12"}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []
    # the day after the span may be its last day misreported
    c = document("c", "أعلنت الهيئة فوز الرئيس بعد انتخابات انتهت يوم 13 كانون الأول 2023.", published="2023-12-18")
    cc = claim(c, c.text, dates=[{"text": "13 كانون الأول 2023", "value": "2023-12-13"}])
    assert len(run("date-conflict", context([b, c], [cb, cc], [[cb, cc]]))) == 1


def test_an_arrival_and_a_meeting_are_two_events():
    a = document("a", "ووصل الأسد إلى جدة مساء الخميس قبل القمة.", published="2023-05-20")
    b = document("b", "وتعقد القمة العربية في جدة يوم 19 أيار الجاري بحضور الأسد.", published="2023-05-08")
    ca = claim(a, a.text, dates=[{"text": "مساء الخميس", "value": "2023-05-18", "relative": True, "weekday": "thursday"}])
    cb = claim(b, b.text, dates=[{"text": "يوم 19 أيار الجاري", "value": "2023-05-19"}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []


@pytest.mark.parametrize(("usual", "variant", "typo"), [
    ("الغيط", "الغيظ", True),  # one consonant for another
    ("المغزاوي", "المزغاوي", True),  # two neighbours swapped
    ("الحديدي", "الحدبدي", True),  # a dotted letter misread
    ("جوزيف", "جوزاف", False),  # one long vowel for another: a transliteration
    ("رامي", "سامي", False),  # short names one letter apart are two names
    ("الحسن", "الحسين", False),  # a letter more is another name
])
def test_a_typo_is_one_letter_off_in_a_long_word(usual, variant, typo):
    from workbench.rules.builtin.entity_variant import _consonant_typo

    assert _consonant_typo(variant, usual) is typo


def test_title_variant_a_designate_and_a_delegation_head_are_not_other_offices():
    pairs = [_sharaa("a", "رئيس الحكومة المكلف", "2025-02-08"), _sharaa("b", "رئيس الوزراء", "2025-02-27"),
             _sharaa("c", "رئيس الوفد المفاوض", "2025-02-20")]
    assert run("title-variant", context([d for d, _ in pairs], [c for _, c in pairs])) == []


def test_stale_content_final_and_the_latter_are_not_recency_words():
    text = "وتعد هذه الولاية الثالثة للرئيس، والأخيرة وفق الدستور المعدل عام 2019، وهي الأخيرة بموجب التعديلات."
    a = document("a", text, published="2023-12-18")
    c = claim(a, text, dates=[{"text": "عام 2019", "value": "2019", "granularity": "year"}])
    assert run("stale-content", context([a], [c])) == []
    b = document("b", "وجرت الانتخابات الأخيرة عام 2019 وسط إقبال ضعيف.", published="2023-12-18")
    cb = claim(b, b.text, dates=[{"text": "عام 2019", "value": "2019", "granularity": "year"}])
    assert len(run("stale-content", context([b], [cb]))) == 1


def _toll(doc_id: str, text: str, published: str, count: str, value: int) -> tuple[Document, Claim]:
    d = document(doc_id, text, published)
    return d, claim(d, text, numbers=[{"text": count, "value": value, "unit": "أشخاص"}],
                    entities=[{"text": "الدوحة", "id": "doha", "type": "place"}])


def test_number_conflict_one_events_toll_outside_any_cluster():
    a, ca = _toll("a", "وأسفرت الغارة على الدوحة عن مقتل ستة أشخاص، بينهم عنصر في قوة الأمن الداخلي.", "2025-09-10",
                  "ستة", 6)
    b, cb = _toll("b", "ودان البيان الغارة على الدوحة التي أودت بحياة خمسة أشخاص بينهم عنصر أمن قطري.", "2025-09-16",
                  "خمسة", 5)
    assert len(run("number-conflict", context([a, b], [ca, cb]))) == 1
    # another strike's toll, written weeks later, is another event's
    c, cc = _toll("c", "ودان البيان الغارة على الدوحة التي أودت بحياة خمسة أشخاص بينهم عنصر أمن قطري.", "2025-11-20",
                  "خمسة", 5)
    assert run("number-conflict", context([a, c], [ca, cc])) == []


def test_number_conflict_a_document_stating_both_figures_does_not_contradict_the_other():
    a = document("a", "نسبة المشاركة الأولية 27.7% وسبر آراء يمنح سعيد 89.2%. بلغت نسبة المشاركة 27.7%.", "2024-10-07")
    b = document("b", "وجاءت النتائج أعلى مما أظهره سبر الآراء الذي منح سعيد 89.2%.", "2024-10-08")
    headline, lede = a.text.split(". ")
    ca1 = claim(a, headline, numbers=[{"text": "27.7%", "value": 27.7, "unit": "%"}, {"text": "89.2%", "value": 89.2, "unit": "%"}])
    ca2 = claim(a, lede, numbers=[{"text": "27.7%", "value": 27.7, "unit": "%"}])
    cb = claim(b, b.text, numbers=[{"text": "89.2%", "value": 89.2, "unit": "%"}])
    assert run("number-conflict", context([a, b], [ca1, ca2, cb], [[ca1, ca2, cb]])) == []


def test_number_conflict_figures_of_days_weeks_apart_are_two_occasions():
    a = document("a", "نال سلام في الاستشارات يوم الاثنين 13 كانون الثاني 84 صوتاً من أصل 128 نائباً.", "2025-02-09")
    b = document("b", "نالت الحكومة الثقة يوم الأربعاء 26 شباط بأغلبية 95 صوتاً من أصل 128 نائباً.", "2025-02-27")
    ca = claim(a, a.text, dates=[{"text": "يوم الاثنين 13 كانون الثاني", "value": "2025-01-13"}],
               numbers=[{"text": "84", "value": 84, "unit": "صوتا"}, {"text": "128", "value": 128, "unit": "نائبا"}])
    cb = claim(b, b.text, dates=[{"text": "يوم الأربعاء 26 شباط", "value": "2025-02-26"}],
               numbers=[{"text": "95", "value": 95, "unit": "صوتا"}, {"text": "128", "value": 128, "unit": "نائبا"}])
    assert run("number-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []


def test_date_conflict_dates_tied_to_two_cities_are_two_events():
    a = document("a", "واستقبل الشرع باراك بعد أيام من لقائهما الأول في إسطنبول السبت الماضي.", "2025-05-29")
    b = document("b", "والتقى الشرع ماكرون في باريس يوم الخميس 7 أيار في أول زيارة لدولة غربية.", "2025-05-08")
    ca = claim(a, a.text, dates=[{"text": "السبت الماضي", "value": "2025-05-24", "relative": True, "weekday": "saturday"}],
               entities=[{"text": "إسطنبول", "id": "istanbul", "type": "place"}])
    cb = claim(b, b.text, dates=[{"text": "يوم الخميس 7 أيار", "value": "2025-05-07", "weekday": "thursday"}],
               entities=[{"text": "باريس", "id": "paris", "type": "place"}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []


def test_date_conflict_two_editions_of_a_recurring_event_are_not_one_date():
    a = document("a", "يطمح المغرب إلى استضافة كأس العالم 2030 مع إسبانيا.", "2022-12-21")
    b = document("b", "منح الفيفا السعودية حق استضافة كأس العالم 2034 رسمياً.", "2024-12-12")
    ca = claim(a, a.text, dates=[{"text": "2030", "value": "2030", "granularity": "year"}])
    cb = claim(b, b.text, dates=[{"text": "2034", "value": "2034", "granularity": "year"}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []


def test_date_conflict_the_two_ends_of_a_period_are_two_days():
    a = document("a", "وأعلنت الحكومة الحداد الرسمي ثلاثة أيام اعتباراً من اليوم الجمعة.", "2023-10-06")
    b = document("b", "وانتهى أمس الأحد الحداد الرسمي الذي أعلنته الحكومة لمدة ثلاثة أيام.", "2023-10-09")
    ca = claim(a, a.text, dates=[{"text": "اليوم الجمعة", "value": "2023-10-06", "relative": True, "weekday": "friday"}])
    cb = claim(b, b.text, dates=[{"text": "أمس الأحد", "value": "2023-10-08", "relative": True, "weekday": "sunday"}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []


def test_date_conflict_a_funeral_is_not_the_attack_its_clause_verb_names_it():
    a = document("a", "شيّعت مدينة حمص وعدد من المدن والبلدات السورية أمس الجمعة ضحايا الهجوم على الكلية.", "2023-10-07")
    b = document("b", "وقتل العشرات في الهجوم على الكلية الحربية في حمص يوم الخميس 5 تشرين الأول.", "2023-10-09")
    ca = claim(a, a.text, dates=[{"text": "أمس الجمعة", "value": "2023-10-06", "relative": True, "weekday": "friday"}])
    cb = claim(b, b.text, dates=[{"text": "يوم الخميس 5 تشرين الأول", "value": "2023-10-05", "weekday": "thursday"}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []


def test_date_conflict_a_coarser_date_of_the_other_claim_accounts_for_a_day_in_it():
    a = document("a", "أعيدت سوريا إلى الجامعة في السابع من أيار الماضي.", "2023-09-22")
    b = document("b", "زار الأسد روسيا والإمارات في آذار، ثم السعودية في أيار.", "2023-09-25")
    ca = claim(a, a.text, dates=[{"text": "السابع من أيار الماضي", "value": "2023-05-07", "relative": True}])
    cb = claim(b, b.text, dates=[{"text": "آذار", "value": "2023-03", "granularity": "month"},
                                 {"text": "أيار", "value": "2023-05", "granularity": "month"}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []


def test_date_conflict_the_fires_of_one_region_dated_a_day_apart_outside_any_cluster():
    latakia = {"text": "اللاذقية", "id": "latakia", "type": "place"}
    a = document("a", "تشارك فرق إطفاء في إخماد الحرائق المشتعلة في ريف اللاذقية منذ الجمعة الرابع من تموز.", "2025-07-07")
    b = document("b", "وأوضح أن الحرائق التي اندلعت في ريف اللاذقية في الثالث من تموز الجاري امتدت.", "2025-07-10")
    ca = claim(a, a.text, dates=[{"text": "الجمعة الرابع من تموز", "value": "2025-07-04", "weekday": "friday"}],
               entities=[latakia])
    cb = claim(b, b.text, dates=[{"text": "الثالث من تموز الجاري", "value": "2025-07-03", "relative": True}],
               entities=[latakia])
    assert len(run("date-conflict", context([a, b], [ca, cb]))) == 1


# ---- unseen14: two attacks on consecutive days, tolls, statements, promotions ------------------------

def test_date_conflict_two_states_acts_and_a_statements_day_are_other_events():
    a = document("a", "بعد الضربات الأميركية على فوردو ونطنز فجر 22 يونيو 2025 انتهت الحرب.", "2027-07-01")
    b = document("b", "وتأتي بعد الهجوم الصاروخي الإيراني على قاعدة العديد في 23 يونيو الماضي.", "2025-09-10")
    ca = claim(a, a.text, dates=[{"text": "فجر 22 يونيو 2025", "value": "2025-06-22"}])
    cb = claim(b, b.text, dates=[{"text": "23 يونيو الماضي", "value": "2025-06-23", "relative": True}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []
    c = document("c", "وكان رئيس الوفد المفاوض قد أكد، الخميس 9 أكتوبر، انتهاء الحرب.", "2025-10-14")
    d = document("d", "وانطلقت المفاوضات غير المباشرة في شرم الشيخ يوم الاثنين 6 أكتوبر.", "2025-10-11")
    cc = claim(c, c.text, dates=[{"text": "الخميس 9 أكتوبر", "value": "2025-10-09", "weekday": "thursday"}])
    cd = claim(d, d.text, dates=[{"text": "يوم الاثنين 6 أكتوبر", "value": "2025-10-06", "weekday": "monday"}])
    assert run("date-conflict", context([c, d], [cc, cd], [[cc, cd]])) == []


def test_date_conflict_the_day_after_another_event_is_not_that_event():
    a = document("a", "وكان الحزب قد فتح جبهة الجنوب في الثامن من تشرين الأول 2023، غداة هجوم حماس.", "2024-09-18")
    b = document("b", "تصاعدت الضربات منذ اندلاع الحرب في غزة في السابع من تشرين الأول 2023.", "2024-04-02")
    ca = claim(a, a.text, dates=[{"text": "الثامن من تشرين الأول 2023", "value": "2023-10-08"}])
    cb = claim(b, b.text, dates=[{"text": "السابع من تشرين الأول 2023", "value": "2023-10-07"}])
    assert run("date-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []


def test_number_conflict_an_article_updating_its_own_toll_does_not_contradict_itself():
    text = ("ارتفعت حصيلة انفجارات الأجهزة التي هزت مناطق عدة بعد ظهر أمس الثلاثاء إلى 12 قتيلاً. "
            "وكانت الحصيلة الأولى ثمانية قتلى.")
    a = document("a", text, "2024-09-18")
    first, second = text.split(". ")
    ca = claim(a, first + ".", numbers=[{"text": "12", "value": 12, "unit": "قتيلا"}])
    cb = claim(a, second, numbers=[{"text": "ثمانية", "value": 8, "unit": "قتلى"}])
    assert run("number-conflict", context([a], [ca, cb], [[ca, cb]])) == []


def test_number_conflict_a_stage_a_span_of_days_and_a_quoted_name_are_not_one_count():
    a = document("a", "وأعلنت الوزارة أن حصيلة الموجة الثانية ارتفعت إلى 25 قتيلاً.", "2024-09-19")
    b = document("b", "وأسفرت الانفجارات عن ثمانية قتلى في لبنان.", "2024-09-18")
    ca = claim(a, a.text, numbers=[{"text": "الثانية", "value": 2, "unit": "الموجة", "ordinal": True},
                                   {"text": "25", "value": 25, "unit": "قتيلا"}])
    cb = claim(b, b.text, numbers=[{"text": "ثمانية", "value": 8, "unit": "قتلى"}])
    assert run("number-conflict", context([a, b], [ca, cb], [[ca, cb]])) == []
    c = document("c", "وردت إيران بعملية \"الوعد الصادق 3\" على إسرائيل.", "2025-06-25")
    d = document("d", "وقتل الاثنان في الضربة الإسرائيلية الأولى على إيران.", "2025-06-25")
    cc = claim(c, c.text, numbers=[{"text": "3", "value": 3}])
    cd = claim(d, d.text, numbers=[{"text": "الأولى", "value": 1, "unit": "الضربة", "ordinal": True}])
    assert run("number-conflict", context([c, d], [cc, cd], [[cc, cd]])) == []


def test_number_conflict_a_named_group_outside_any_cluster():
    hamas = {"text": "حماس", "id": "hamas", "type": "organisation"}
    a = document("a", "تفرج حماس خلال 72 ساعة عن الرهائن العشرين الأحياء.", "2025-10-10")
    b = document("b", "وجاءت القمة يوم أفرجت حماس عن الرهائن الـ22 الأحياء.", "2025-10-14")
    ca = claim(a, a.text, numbers=[{"text": "العشرين", "value": 20, "unit": "رهائن"}], entities=[hamas])
    cb = claim(b, b.text, numbers=[{"text": "22", "value": 22, "unit": "رهائن"}], entities=[hamas])
    assert len(run("number-conflict", context([a, b], [ca, cb]))) == 1


def test_title_variant_a_deputy_promoted_and_two_spellings_of_one_nationality():
    pairs = [_sharaa("a", "نائب الأمين العام", "2024-09-28"), _sharaa("b", "الأمين العام للحزب", "2025-09-27"),
             _sharaa("c", "الرئيس الأميركي", "2025-06-24"), _sharaa("d", "الرئيس الأمريكي", "2025-06-25")]
    assert run("title-variant", context([d for d, _ in pairs[:2]], [c for _, c in pairs[:2]])) == []
    assert run("title-variant", context([d for d, _ in pairs[2:]], [c for _, c in pairs[2:]])) == []
    soon = _sharaa("e", "الأمين العام للحزب", "2024-09-29")
    assert len(run("title-variant", context([pairs[0][0], soon[0]], [pairs[0][1], soon[1]]))) == 1
