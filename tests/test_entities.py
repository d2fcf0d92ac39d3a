"""Entities: aliases, clitics, longest match, spelling variants, titles, unlisted people, the gazetteer file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from workbench.config import BUNDLED_CORPUS, BUNDLED_ENTITIES
from workbench.errors import InputError
from workbench.extract.entities import TYPES, Gazetteer
from tests.gold import GOLD, locate

GAZETTEER = Gazetteer.load([BUNDLED_ENTITIES])
CORPUS = {p.stem: p.read_text(encoding="utf-8") for p in sorted(BUNDLED_CORPUS.glob("*.txt"))}


def ids(text: str) -> list[str]:
    return [m.id for m in GAZETTEER.find(text)]


def only(text: str, entity_id: str):
    found = [m for m in GAZETTEER.find(text) if m.id == entity_id]
    assert len(found) == 1, (text, GAZETTEER.find(text))
    return found[0]


def line_of(doc: str, needle: str) -> tuple[str, int, int]:
    """The line holding ``needle`` in a sample document, and the needle's span inside that line."""
    text = CORPUS[doc]
    at = locate(text, needle)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:end if end != -1 else len(text)]
    return line, at - start, at - start + len(needle)


# --- the bundled gazetteer -----------------------------------------------------------------------------------

def test_bundled_gazetteer_is_broad_and_well_formed():
    entries = GAZETTEER.entries
    assert len(entries) >= 300
    assert {e.type for e in entries} == set(TYPES)
    assert len({e.id for e in entries}) == len(entries)
    for wanted in ("sdf", "msd", "isis", "hts", "global-coalition", "aanes", "syrian-national-army",
                   "united-nations", "un-security-council", "hasakah", "qamishli", "deir-ez-zor", "raqqa",
                   "aleppo", "idlib", "damascus", "afrin", "turkey", "ahmed-al-sharaa", "mazloum-abdi"):
        assert GAZETTEER.entry(wanted)


def test_entry_holds_aliases_and_titles():
    shaibani = GAZETTEER.entry("asaad-al-shaibani")
    assert shaibani.type == "person" and shaibani.name == "أسعد حسن الشيباني"
    assert "أسعد الشيباني" in shaibani.aliases
    assert "وزير الخارجية والمغتربين" in shaibani.titles
    with pytest.raises(KeyError):
        GAZETTEER.entry("no-such-entity")


# --- aliases, normalisation, clitics, longest match -----------------------------------------------------------

@pytest.mark.parametrize("text", ["قسد", "قوات سوريا الديمقراطية", "قوات سورية الديمقراطية", "SDF"])
def test_aliases_resolve_to_one_id(text):
    assert ids(f"أعلنت {text} أمس") == ["sdf"]


@pytest.mark.parametrize("text,entity", [
    ("داعش", "isis"), ("تنظيم الدولة", "isis"), ("تنظيم الدولة الإسلامية", "isis"), ("ISIS", "isis"),
    ("مسد", "msd"), ("مجلس سوريا الديمقراطية", "msd"), ("هيئة تحرير الشام", "hts"),
])
def test_party_aliases(text, entity):
    assert ids(f"قال {text} في بيان") == [entity]


def test_normalisation_folds_hamza_ta_marbuta_ya_and_diacritics():
    assert ids("وصل إلى الحسكه والرقة وادلب") == ["hasakah", "raqqa", "idlib"]
    mention = only("قَالَ وَزِيرُ الخَارِجِيَّةِ أَسْعَد الشَّيْبَانِي", "asaad-al-shaibani")
    assert mention.text == "أَسْعَد الشَّيْبَانِي"


def test_tatweel_and_quotes_keep_offsets_in_the_original_text():
    text = 'ودعت الوزارة لـ"قسد" إلى الالتزام'
    mention = only(text, "sdf")
    assert text[mention.start:mention.end] == "قسد"


@pytest.mark.parametrize("word", ["وقسد", "بقسد", "لقسد", "فقسد"])
def test_clitics_on_a_bare_alias(word):
    mention = only(f"دعا البيان {word} إلى الحوار", "sdf")
    assert mention.text == "قسد" and mention.exact


@pytest.mark.parametrize("word,surface", [
    ("والتحالف", "التحالف"), ("بالتحالف", "التحالف"), ("للتحالف", "لتحالف"), ("التحالف", "التحالف"),
])
def test_clitics_on_an_alias_with_the_article(word, surface):
    mention = only(f"رحب {word} الدولي بالخطوة", "global-coalition")
    assert mention.text == f"{surface} الدولي" and mention.exact


def test_base_offsets():
    text = "وقال مسؤول في وزارة الخارجية والمغتربين"
    mention = GAZETTEER.find(text, base=100)[0]
    assert mention.id == "syrian-ministry-of-foreign-affairs"
    assert (mention.start, mention.end) == (100 + text.index("وزارة"), 100 + len(text))


def test_longest_match_wins():
    assert ids("قوات سوريا الديمقراطية في شمال شرق سوريا") == ["sdf", "north-east-syria"]
    assert ids("مجلس سوريا الديمقراطية") == ["msd"]
    assert ids("فاروق الشرع وأحمد الشرع") == ["farouk-al-sharaa", "ahmed-al-sharaa"]


def test_latin_acronyms_match_only_in_capitals():
    assert ids("SDF") == ["sdf"]
    assert ids("the sdf said") == []
    assert ids("Syrian Democratic Forces") == ["sdf"]


def test_a_common_word_is_no_entity():
    assert ids("قصد الوفد مقر البلدية لمناقشة الحركة والإشارات والإغارات والسوداء") == []


def test_feminine_adjective_is_not_the_country():
    assert ids("قالت منظمة سورية حقوقية إن قوات سورية قصفت") == []
    assert ids("وصل الوفد إلى سورية") == ["syria"]


# --- spelling variants -----------------------------------------------------------------------------------------

def test_gold_typo_for_sdf_in_003():
    line, start, end = line_of("003_3377e7beb539516d", "طقسد")
    fuzzy = [m for m in GAZETTEER.find(line) if not m.exact]
    assert [(m.id, m.text) for m in fuzzy] == [("sdf", "طقسد")]
    assert (fuzzy[0].start, fuzzy[0].end) == (start, end)


def test_gold_reordered_alliance_in_002():
    title, _, _ = line_of("002_46770df6502fba50", "التحالف الوطني السوري")
    body, start, end = line_of("002_46770df6502fba50", "التحالف السوري الوطني")
    exact = only(title, "syrian-national-alliance")
    variant = [m for m in GAZETTEER.find(body) if m.id == "syrian-national-alliance"][0]
    assert exact.exact and not variant.exact
    assert (variant.start, variant.end) == (start, end)


def test_one_misspelt_letter_in_a_long_name_word():
    mention = only("وقالت قوات سوريا الديموقراطية في بيان", "sdf")
    assert not mention.exact
    assert not only("قال أردغان إن", "recep-tayyip-erdogan").exact


def test_reordering_needs_the_same_definiteness():
    assert ids("جيش سوري وطني موحد") == []


def test_no_fuzzy_false_positives_on_the_sample_corpus():
    variants = sorted((doc, m.text, m.id) for doc, text in CORPUS.items()
                      for m in GAZETTEER.find(text) if not m.exact)
    expected_forms = {"التحالف السوري الوطني", "لتحالف السوري الوطني", "طقسد"}
    assert variants and all(text in expected_forms for _, text, _ in variants), variants
    assert {(doc, entity) for doc, _, entity in variants} == {
        ("002_46770df6502fba50", "syrian-national-alliance"), ("003_3377e7beb539516d", "sdf")}


# --- titles ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("doc,needle,entity,title", [
    ("004_c906e32e1feae5cb", "أسعد حسن الشيباني", "asaad-al-shaibani", "وزير الخارجية والمغتربين"),
    ("105_riyadh_meeting", "أسعد الشيباني", "asaad-al-shaibani", "وزير الخارجية والمغتربين"),
    ("001_eba9bb6fbc3af9bb", "أسعد الشيباني", "asaad-al-shaibani", "وزير الخارجية"),
    ("001_eba9bb6fbc3af9bb", "حسين السلامة", "hussein-al-salama", "رئيس جهاز الاستخبارات السورية"),
    ("004_c906e32e1feae5cb", "حسين السلامة", "hussein-al-salama", "رئيس جهاز الاستخبارات العامة"),
    ("000_409c09a2d4f17c44", "مرهف أبو قصرة", "murhaf-abu-qasra", "وزير الدفاع في الحكومة السورية"),
    ("104_october_ceasefire", "مرهف أبو قصرة", "murhaf-abu-qasra", "وزير الدفاع السوري"),
    ("101_integration_agreement", "أحمد الشرع", "ahmed-al-sharaa", "الرئيس السوري للمرحلة الانتقالية"),
    ("101_integration_agreement", "مظلوم عبدي", "mazloum-abdi", "قائد قوات سوريا الديمقراطية"),
    ("102_coalition_ninetieth", "دونالد ترامب", "donald-trump", "الرئيس الأمريكي"),
    ("104_october_ceasefire", "توماس براك", "tom-barrack", "المبعوث الأمريكي إلى سوريا"),
    ("001_eba9bb6fbc3af9bb", "يشار غولر", "yasar-guler", "وزير الدفاع الوطني"),
])
def test_titles_from_the_sample(doc, needle, entity, title):
    line, start, _ = line_of(doc, needle)
    mention = [m for m in GAZETTEER.find(line) if m.start == start][0]
    assert (mention.id, mention.title) == (entity, title)


def test_counterpart_is_no_title():
    line, start, _ = line_of("001_eba9bb6fbc3af9bb", "ونظيره السوري مرهف")
    assert only(line, "murhaf-abu-qasra").title is None


def test_title_after_a_comma_does_not_go_to_the_previous_person():
    mentions = GAZETTEER.find("التقى وزير الدفاع التركي يشار غولر، بوزير الدفاع السوري مرهف أبو قصرة")
    assert [(m.id, m.title) for m in mentions] == [
        ("yasar-guler", "وزير الدفاع التركي"), ("murhaf-abu-qasra", "وزير الدفاع السوري")]


def test_deputy_and_clitics_on_the_head():
    assert only("التقى بنائب وزير الخارجية هاكان فيدان", "hakan-fidan").title == "نائب وزير الخارجية"
    assert only("وأشاد للرئيس التركي أردوغان", "recep-tayyip-erdogan").title == "الرئيس التركي"


# --- people nobody listed --------------------------------------------------------------------------------------

def test_unlisted_person_after_a_rank_with_an_office_in_apposition():
    line, _, _ = line_of("000_409c09a2d4f17c44", "سالم تركي العنتري")
    mention = only(line, "person:سالم تركي العنتري")
    assert (mention.type, mention.text, mention.title) == ("person", "سالم تركي العنتري", "قائد جيش سوريا الحرة")


def test_unlisted_person_after_an_office():
    mention = only("وقال قائد الشرطة في حلب العميد محمد عبد الله الأحمد إن الوضع مستقر",
                   "person:محمد عبد الله الاحمد")
    assert mention.title == "قائد الشرطة في حلب"
    mention = only("وأعلن السكرتير العام للتحالف السوري الوطني، آرام الدوماني، عن خطة", "person:ارام الدوماني")
    assert mention.title == "السكرتير العام للتحالف السوري الوطني"


@pytest.mark.parametrize("text", [
    "قائد التحالف يدين تصرفات الجهات الخارجية",
    "وصل وزير الدفاع يلتقي نظيره التركي في أنقرة",
    "قال وزير الدفاع إن القوات جاهزة",
    "اللواء الثامن ينسحب من درعا",
])
def test_no_person_without_a_name(text):
    assert not [m for m in GAZETTEER.find(text) if m.type == "person"]


# --- gold links: one id per person across documents --------------------------------------------------------------

@pytest.mark.parametrize("link", ["shaibani-foreign-minister", "salama-intelligence-chief",
                                  "abu-qasra-defence-minister"])
def test_gold_person_links_resolve_to_one_id(link):
    claims = next(item for item in GOLD["links"] if item["id"] == link)["claims"]
    found = set()
    for claim in claims:
        line, start, end = line_of(claim["doc"], claim["has"])
        people = {m.id for m in GAZETTEER.find(line) if m.type == "person" and m.start < end and start < m.end}
        assert len(people) == 1, (claim, people)
        found |= people
    assert len(found) == 1


# --- the gazetteer file ----------------------------------------------------------------------------------------

def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_a_user_file_extends_the_bundled_one(tmp_path):
    extra = write(tmp_path, "mine.yaml", """
entities:
  - {id: sdf, aliases: [قوسد]}
  - {id: aram-al-doumani, type: person, name: آرام الدوماني, aliases: [الدوماني]}
  - {id: my-bare-amman, type: place, name: عمان}
given_names: [ميخائيل]
""")
    gazetteer = Gazetteer.load([BUNDLED_ENTITIES, extra])
    assert [m.id for m in gazetteer.find("قالت قوسد")] == ["sdf"]
    assert "قوسد" in gazetteer.entry("sdf").aliases
    assert [m.id for m in gazetteer.find("وأوضح الدوماني")] == ["aram-al-doumani"]
    assert [m.id for m in gazetteer.find("نائب وزير الخارجية الروسي ميخائيل بوغدانوف")] == [
        "person:ميخاييل بوغدانوف"]


def test_an_alias_moves_to_the_later_file(tmp_path):
    extra = write(tmp_path, "mine.yaml", "entities:\n  - {id: lion, type: person, name: أسد الغابة, aliases: [الأسد]}\n")
    gazetteer = Gazetteer.load([BUNDLED_ENTITIES, extra])
    assert [m.id for m in gazetteer.find("قال الأسد")] == ["lion"]
    assert "الأسد" not in gazetteer.entry("bashar-al-assad").aliases


def test_a_folder_stands_for_its_yaml_files(tmp_path):
    write(tmp_path, "a.yaml", "entities:\n  - {id: town-a, type: place, name: بلدة الف}\n")
    write(tmp_path, "b.yml", "entities:\n  - {id: town-b, type: place, name: بلدة باء}\n")
    assert [e.id for e in Gazetteer.load([tmp_path]).entries] == ["town-a", "town-b"]


@pytest.mark.parametrize("body,message", [
    ("entities:\n  - {id: x, type: place, name: [\n", "not valid YAML"),
    ("entities:\n  - {id: Bad Id, type: place, name: حلب}\n", "'id' must be"),
    ("entities:\n  - {id: town, type: village, name: قرية}\n", "'type' must be one of"),
    ("entities:\n  - {id: town, type: place}\n", "needs 'type' and 'name'"),
    ("entities:\n  - {id: town, type: place, name: بلدة, aliases: 5}\n", "'aliases' must be a list"),
    ("entities:\n  - {id: town, type: place, name: بلدة, aliases: [مع]}\n", "too short"),
    ("entities:\n  - {id: town, type: place, name: بلدة, titles: [رئيس]}\n", "only a person has 'titles'"),
    ("entities:\n  - {id: town, type: place, name: بلدة, colour: red}\n", "unknown field"),
    ("entities:\n  - {id: a, type: place, name: بلدة}\n  - {id: a, type: place, name: قرية}\n", "used twice"),
    ("entities:\n  - {id: a, type: place, name: بلدة}\n  - {id: b, type: place, name: بلده}\n",
     "also names 'a'"),
    ("places: []\n", "unknown key"),
    ("- just a list\n", "a gazetteer is a mapping"),
])
def test_a_malformed_file_names_the_file_and_entry(tmp_path, body, message):
    path = write(tmp_path, "bad.yaml", body)
    with pytest.raises(InputError) as err:
        Gazetteer.load([path])
    assert str(path) in str(err.value) and message in str(err.value)


def test_error_points_at_the_line(tmp_path):
    path = write(tmp_path, "bad.yaml", "entities:\n  - {id: ok, type: place, name: بلدة}\n"
                                       "  - {id: bad, type: town, name: قرية}\n")
    with pytest.raises(InputError, match=r"bad\.yaml:3: entity 'bad'"):
        Gazetteer.load([path])


def test_a_missing_file(tmp_path):
    with pytest.raises(InputError, match="not found"):
        Gazetteer.load([tmp_path / "nope.yaml"])


# --- speed -------------------------------------------------------------------------------------------------------

def test_find_is_fast_enough_for_the_benchmark():
    sentences = [line for text in CORPUS.values() for line in text.splitlines() if line.strip()]
    fresh = Gazetteer.load([BUNDLED_ENTITIES])
    for sentence in sentences:
        fresh.find(sentence)  # warm the token cache, as a long run does
    started = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for sentence in sentences:
            fresh.find(sentence)
    per_char = (time.perf_counter() - started) / (rounds * sum(map(len, sentences)))
    assert per_char < 2e-6  # ~100,000 claims of ~150 characters in well under 30 s even on a slow CI machine


# ---- a fourth held-out set (tests/data/unseen4) ----------------------------------------------------

def test_a_rank_with_its_qualifier_keeps_the_office_before_it():
    burhan = only("وتفقد رئيس مجلس السيادة قائد الجيش الفريق أول عبد الفتاح البرهان مواقع", "abdel-fattah-al-burhan")
    assert burhan.title == "قائد الجيش"
    assert only("وتفقد الفريق أول عبد الفتاح البرهان مواقع", "abdel-fattah-al-burhan").title == "الفريق أول"


def test_an_unlisted_person_after_a_rank_with_its_qualifier():
    found = GAZETTEER.find("وقال اللواء الركن نبيل عبد الله إن القوات تقدمت")
    assert [(m.text, m.title) for m in found] == [("نبيل عبد الله", "اللواء")]


def test_a_stray_letter_at_the_end_of_a_listed_surname_after_two_exact_words():
    burhan = only("وأشاد الفريق أول عبد الفتاح البرهاني بجنوده", "abdel-fattah-al-burhan")
    assert burhan.text == "عبد الفتاح البرهاني" and burhan.exact is False
    assert ids("قال محمد شياع السوداني إن") == ["mohammed-shia-al-sudani"]  # the exact name stays exact
    assert all(m.exact for m in GAZETTEER.find("قال محمد شياع السوداني إن"))


def test_a_one_word_name_after_a_noun_of_time_is_its_adjective():
    assert "hikmat-al-hijri" not in ids("توعدت الجماعة في مطلع العام الهجري بمواصلة التصعيد")
    assert "hikmat-al-hijri" not in ids("بحسب التقويم الهجري")
    assert ids("وقال الشيخ حكمت الهجري إن") == ["hikmat-al-hijri"]


def test_a_time_of_day_is_not_part_of_a_name():
    found = GAZETTEER.find("وأعلن رئيس السلطة الوطنية للانتخابات محمد شرفي مساء أمس النتائج")
    assert [m.text for m in found if m.type == "person"] == ["محمد شرفي"]


@pytest.mark.parametrize(("text", "entity"), [
    ("قال المفوض العام للأونروا فيليب لازاريني", "philippe-lazzarini"),
    ("قررت دول تحالف أوبك+ زيادة الإنتاج", "opec"),
    ("منح الاتحاد الدولي لكرة القدم (الفيفا) السعودية", "fifa"),
    ("قال قائد قوات الدعم السريع محمد حمدان دقلو (حميدتي)", "mohamed-hamdan-dagalo"),
    ("فاز الرئيس عبد المجيد تبون بولاية ثانية", "abdelmadjid-tebboune"),
    ("وأدلى ولي العهد الأمير الحسين بن عبد الله بصوته", "hussein-bin-abdullah"),
])
def test_widely_known_names_of_arab_news(text, entity):
    assert entity in ids(text)


def test_a_surname_one_letter_off_after_the_exact_given_name_is_a_spelling_variant():
    found = [m for m in GAZETTEER.find("وقال القائد العام لقوات سوريا الديمقراطية مظلوم عبيدي إن") if m.type == "person"]
    assert [(m.id, m.exact) for m in found] == [("mazloum-abdi", False)]
    assert [m.id for m in GAZETTEER.find("وقال مظلوم عبدي إن") if m.type == "person"] == ["mazloum-abdi"]


def test_a_list_of_appointments_gives_no_name_the_office_before_it():
    text = "وجاءت الحقائب: طارق متري نائباً لرئيس الحكومة، ياسين جابر وزيراً للمالية، يوسف رجي وزيراً للخارجية."
    assert not [m for m in GAZETTEER.find(text) if m.title and "جابر" in m.text]
    mention = only("ويقود وزير المال ياسين جابر المفاوضات مع صندوق النقد", "person:ياسين جابر")
    assert (mention.text, mention.title) == ("ياسين جابر", "وزير المال")


def test_an_adjective_of_a_name_is_no_misspelling_of_it():
    assert not [m for m in GAZETTEER.find("تواصل القوات الحكومية السورية عملياتها في إدلب") if not m.exact]


def test_quotes_around_a_name_in_a_title_do_not_break_it():
    mention = only("وذكرت مصادر أن الأمين العام لـ\"حزب الله\" الشيخ نعيم قاسم سيلقي كلمة", "naim-qassem")
    assert mention.title == "الأمين العام لـحزب الله"
