"""Loading: encodings, formats, page chrome, the document's own date, and claims with offsets."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from workbench.config import BUNDLED_CORPUS, Config
from workbench.corpus import load_corpus, make_document, split_claims
from workbench.extract import Extractor
from tests.gold import GOLD

ARTICLE = "الثلاثاء 11 آذار 2025\n\nوقّع الطرفان اتفاقاً في دمشق. وشمل الاتفاق 35,000 طن من القمح و3.5 مليون دولار.\n"


def _load(tmp_path: Path, name: str, data: bytes):
    (tmp_path / name).write_bytes(data)
    return load_corpus([tmp_path])


@pytest.mark.parametrize("encoding,data", [
    ("utf-8", ARTICLE.encode("utf-8")),
    ("utf-8", codecs.BOM_UTF8 + ARTICLE.encode("utf-8")),
    ("utf-16", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")),
    ("utf-16", ARTICLE.encode("utf-16-le")),
    ("utf-16", ARTICLE.encode("utf-16-be")),
    ("windows-1256", ARTICLE.replace("ّ", "").encode("cp1256")),
])
def test_encodings_decode_to_the_same_text(tmp_path, encoding, data):
    documents, problems = _load(tmp_path, "a.txt", data)
    assert problems == []
    assert documents[0].encoding == encoding
    assert "اتفاقاً في دمشق" in documents[0].text
    assert documents[0].published.isoformat() == "2025-03-11"


def test_binary_file_is_reported_by_name_and_the_rest_still_load(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    documents, problems = load_corpus([tmp_path])
    assert [d.id for d in documents] == ["good"]
    assert len(problems) == 1 and problems[0].path.endswith("image.txt") and "binary" in problems[0].message


def test_unsupported_files_are_reported_and_hidden_files_ignored(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / ".workbench-verdicts.json").write_text("{}", encoding="utf-8")
    documents, problems = load_corpus([tmp_path])
    assert [d.id for d in documents] == ["a"]
    assert [Path(p.path).name for p in problems] == ["notes.docx"]


def test_a_link_to_nothing_is_reported_not_skipped_silently(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    documents, problems = load_corpus([tmp_path])
    assert [d.id for d in documents] == ["a"]
    assert sorted(Path(p.path).name for p in problems) == ["gone.txt", "loop.txt"]
    assert all("link to nothing" in p.message for p in problems)


def test_jsonl_fields_and_bad_lines_named_by_line(tmp_path):
    lines = [
        json.dumps({"id": "x1", "text": "أعلنت الوزارة أمس الأربعاء عن اتفاق جديد.", "published": "2025-08-14",
                    "title": "اتفاق", "source": "سانا", "url": "https://example.org/x1"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "x2"}),
        "",
        json.dumps({"id": "x3", "text": "خبر بلا تاريخ."}, ensure_ascii=False),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents, problems = load_corpus([tmp_path / "feed.jsonl"])
    assert [d.id for d in documents] == ["x1", "x3"]
    first = documents[0]
    assert first.published.isoformat() == "2025-08-14" and first.published_source == "field"
    assert (first.title, first.source, first.url, first.line) == ("اتفاق", "سانا", "https://example.org/x1", 1)
    assert documents[1].published is None
    assert [(p.line, "JSON" in p.message or "missing" in p.message) for p in problems] == [(2, True), (3, True)]


def test_published_option_only_fills_unknown_dates(tmp_path):
    import datetime as dt

    (tmp_path / "dated.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "undated.txt").write_text("خبر قصير عن اجتماع عقد يوم الثلاثاء في دمشق.\n", encoding="utf-8")
    documents, _ = load_corpus([tmp_path], default_published=dt.date(2025, 1, 1))
    by_id = {d.id: d for d in documents}
    assert by_id["dated"].published.isoformat() == "2025-03-11" and by_id["dated"].published_source == "header"
    assert by_id["undated"].published.isoformat() == "2025-01-01" and by_id["undated"].published_source == "option"


def test_html_text_drops_scripts_and_keeps_metadata(tmp_path):
    page = """<html><head><title>عنوان الصفحة</title>
    <meta property="article:published_time" content="2025-03-11T10:00:00Z">
    <meta property="og:site_name" content="موقع">
    <script>var x = "لا يظهر";</script><style>p{color:red}</style></head>
    <body><nav>الرئيسية | أخبار</nav><p>وقّع الطرفان اتفاقاً في دمشق.</p><p>وشمل الاتفاق بنوداً عدة.</p></body></html>"""
    documents, problems = _load(tmp_path, "page.html", page.encode("utf-8"))
    doc = documents[0]
    assert problems == []
    assert "لا يظهر" not in doc.text and "color" not in doc.text and "الرئيسية" not in doc.text
    assert "وقّع الطرفان اتفاقاً في دمشق." in doc.text
    assert (doc.title, doc.source, doc.published.isoformat()) == ("عنوان الصفحة", "موقع", "2025-03-11")


def test_markdown_front_matter_is_metadata_not_claims(tmp_path):
    text = "---\ntitle: اتفاق\ndate: 2025-03-11\n---\n# اتفاق في دمشق\n\nوقّع الطرفان اتفاقاً في دمشق أمس الاثنين.\n"
    documents, _ = _load(tmp_path, "a.md", text.encode("utf-8"))
    doc = documents[0]
    assert doc.published.isoformat() == "2025-03-11" and doc.title == "اتفاق"
    texts = [doc.text[s.start:s.end] for s in split_claims(doc)]
    assert not any("title:" in t or "date:" in t for t in texts)
    assert "اتفاق في دمشق" in texts


@pytest.fixture(scope="module")
def sample():
    documents, problems = load_corpus([BUNDLED_CORPUS])
    assert problems == []
    return {d.id: d for d in documents}


def test_every_sample_document_has_its_gold_publication_date(sample):
    for doc_id, gold in GOLD["documents"].items():
        assert sample[doc_id].published is not None, doc_id
        assert sample[doc_id].published.isoformat() == gold["published"], doc_id


@pytest.mark.parametrize("doc_id,chrome_text", [
    ("001_eba9bb6fbc3af9bb", "منذ 34 ثانية"),
    ("001_eba9bb6fbc3af9bb", "آخر تحديث"),
    ("001_eba9bb6fbc3af9bb", "• رويترز"),
    ("002_46770df6502fba50", "شاهد أيضًا"),
    ("002_46770df6502fba50", "لقاءً أمس"),
    ("003_3377e7beb539516d", "شارك هذا الموضوع على"),
    ("004_c906e32e1feae5cb", "سوريا محلي"),
])
def test_page_chrome_is_kept_out_of_claims(sample, doc_id, chrome_text):
    doc = sample[doc_id]
    where = doc.text.index(chrome_text)
    assert any(s.start <= where < s.end for s in doc.chrome), chrome_text
    assert not any(s.start <= where < s.end for s in split_claims(doc))


def test_article_text_is_not_chrome(sample):
    for doc in sample.values():
        covered = sum(s.end - s.start for s in doc.chrome)
        assert covered < 0.25 * len(doc.text), doc.id


def test_claims_are_offsets_into_the_original_and_keep_numbers_whole(sample):
    for doc in sample.values():
        for span in split_claims(doc):
            text = doc.text[span.start:span.end]
            assert text == text.strip() and text
    claims = [sample["003_3377e7beb539516d"].text[s.start:s.end] for s in split_claims(sample["003_3377e7beb539516d"])]
    assert any("35,000 طن من القمح" in c for c in claims)


def test_sentences_split_on_arabic_punctuation_but_not_numbers_or_quotes():
    text = "قال الوزير: “وصلنا. وسنبقى”. بلغ النمو 3.5 بالمئة؛ وارتفع العدد إلى 35,000 شخص؟ نعم!\nوهذا سطر جديد من الخبر"
    doc = make_document("t", text)
    parts = [text[s.start:s.end] for s in split_claims(doc)]
    assert parts == ["قال الوزير: “وصلنا. وسنبقى”.", "بلغ النمو 3.5 بالمئة؛", "وارتفع العدد إلى 35,000 شخص؟", "نعم!", "وهذا سطر جديد من الخبر"]


def test_gold_link_phrases_each_fall_inside_one_claim(sample):
    for link in GOLD["links"]:
        for ref in link["claims"]:
            doc = sample[ref["doc"]]
            texts = [doc.text[s.start:s.end] for s in split_claims(doc)]
            assert any(ref["has"] in t for t in texts), (link["id"], ref)


def test_claim_ids_survive_a_resave_that_moves_lines():
    extractor = Extractor.from_config(Config())
    original = make_document("d", "الأربعاء 8 تشرين الأول 2025\n\nأعلن الوزير اتفاقاً جديداً.\n\nوقال إنه سيطبق فوراً.\n")
    moved = make_document("d", "الأربعاء 8 تشرين الأول 2025\n\n\n\nأعلن الوزير اتفاقاً جديداً.\r\nوقال إنه سيطبق فوراً.\n")
    assert [c.id for c in extractor.claims(original)] == [c.id for c in extractor.claims(moved)]


def test_duplicate_ids_keep_both_documents_and_their_claims(tmp_path):
    from workbench.pipeline import load_and_extract

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b" / "story.txt").write_text(ARTICLE.replace("دمشق", "حلب"), encoding="utf-8")
    documents, claims, problems = load_and_extract([tmp_path], Config())
    assert [d.id for d in documents] == ["story", "story~2"]
    assert len(problems) == 1 and "renamed 'story~2'" in problems[0].message
    assert any(c.doc == "story~2" and "حلب" in c.text for c in claims)
    assert len({c.id for c in claims}) == len(claims)


def test_parallel_extraction_gives_what_one_process_gives(tmp_path, monkeypatch):
    import workbench.pipeline as pipeline

    sample = sorted(BUNDLED_CORPUS.glob("*.txt"))
    for i in range(30):
        source = sample[i % len(sample)]
        (tmp_path / f"{i:02d}_{source.name}").write_bytes(source.read_bytes())
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_FILES", 10_000)
    serial = pipeline.load_and_extract([tmp_path], Config())
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(pipeline, "_CHUNK", 4)
    parallel = pipeline.load_and_extract([tmp_path], Config())
    assert serial == parallel


@pytest.mark.parametrize("published,expected", [
    ("2025-03-14T08:15:00Z", "2025-03-14"),
    ("Fri, 14 Mar 2025 08:15:00 +0000", "2025-03-14"),  # an RSS pubDate
    ("14/03/2025", "2025-03-14"),
    ("الجمعة 14 مارس 2025", "2025-03-14"),
    ("١٤ آذار ٢٠٢٥", "2025-03-14"),
    ("قريباً", None),
])
def test_jsonl_published_field_in_the_shapes_feeds_use(tmp_path, published, expected):
    record = {"id": "x1", "text": "أعلنت الوزارة اليوم عن اتفاق جديد.", "published": published}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    documents, problems = load_corpus([tmp_path])
    assert str(documents[0].published) == str(expected)
    assert len(problems) == (expected is None)


@pytest.mark.parametrize("line,expected", [
    ("بيروت - 14 آذار 2025 (رويترز) - قال الوزير اليوم إن الحكومة ستعلن خطة إصلاح شاملة تشمل قطاعات الكهرباء "
     "والمياه والاتصالات خلال الأشهر المقبلة بعد مشاورات مع الكتل النيابية.", "2025-03-14"),
    ("دمشق، 5 كانون الثاني 2025 (سانا) - أعلنت الوزارة عن اتفاق.", "2025-01-05"),
    ("القاهرة - 22 أيلول/سبتمبر 2025", "2025-09-22"),
    # not datelines: a date in a sentence, and a dateline without its year
    ("قالت الوزارة في 5 يناير 2025 - إن الاتفاق سيوقع قريباً.", "None"),
    ("بيروت - 27 نوفمبر (رويترز) - دخل الاتفاق حيز التنفيذ.", "None"),
])
def test_agency_dateline_gives_the_publication_date(tmp_path, line, expected):
    (tmp_path / "a.txt").write_text(f"عنوان الخبر\n\n{line}\n", encoding="utf-8")
    [document], _ = load_corpus([tmp_path])
    assert str(document.published) == expected


@pytest.mark.parametrize("line,chrome", [
    ("شارك: فيسبوك إكس واتساب", True),  # a share bar whose label ends in a colon
    ("شارك في الاجتماع: الوزير وممثلون عن الفصائل", False),
])
def test_share_line_with_a_colon_is_chrome(line, chrome):
    from workbench.corpus.chrome import find_chrome

    assert bool(find_chrome(line)) is chrome


def test_an_extractor_failure_names_the_file_and_the_rest_is_still_extracted(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import workbench.pipeline as pipeline
    from workbench.cli import cli

    for name in ("good.txt", "bad.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    real = Extractor.claims_of_each

    def failing_on_bad(self, documents):
        if any(document.id == "bad" for document in documents):
            raise KeyError("a bug")
        return real(self, documents)

    monkeypatch.setattr(Extractor, "claims_of_each", failing_on_bad)
    documents, claims, problems = pipeline.load_and_extract([tmp_path], Config())
    assert sorted(d.id for d in documents) == ["bad", "good"]
    assert claims and {c.doc for c in claims} == {"good"}
    assert len(problems) == 1 and problems[0].path.endswith("bad.txt") and "KeyError" in problems[0].message
    result = CliRunner().invoke(cli, ["claims", str(tmp_path), "--format", "jsonl"])
    assert "Traceback" not in result.output and "bad.txt" in result.output


# Page chrome of scraped news sites (held-out set unseen5): the lines around the article are no claims,
# and a "read also" teaser takes its own lines only, never the article's next paragraph.
@pytest.mark.parametrize("line", [
    "الرئيسية | أخبار سوريا | اقتصاد | رياضة | منوعات",
    "الرئيسية › أخبار سوريا › الجنوب السوري",
    "الرئيسية  أخبار  تقارير  مجتمع  فيديو",
    "كتب: سامر الحلبي | دمشق",
    "بقلم: ريم العلي",
    "حرر بواسطة: فريق التحرير",
    "دمشق – خاص",
    "ريف دمشق – مراسلنا",
    "الكويت – مكتب الخليج اليوم · الأحد ١٢ مايو ٢٠٢٤",
    "بيروت - خاص | 14 آذار 2025",
    "عناصر من الأمن عند مدخل المدينة (صورة: رويترز)",
    "(صورة أرشيفية: دخان يتصاعد من أحد الأحياء)",
    "(صورة أرشيفية)",
    "الوسوم: السويداء، وقف إطلاق النار",
    "كلمات مفتاحية: #السويداء #مساعدات",
    "#قسد #دمشق",
    "المصدر: الوكالة العربية السورية للأنباء (سانا) + وكالات",
    "اشترك في نشرتنا البريدية ليصلك أهم الأخبار يومياً",
    "🔔 فعّل الإشعارات ليصلك كل جديد",
    "12 تعليقاً",
    "عدد التعليقات: 4",
    "تعليقات القراء (7)",
    "عدد المشاهدات: 2,341",
    "منذ يومين",
    "شارك: | | |",
    "شارك | غرّد | أرسل",
])
def test_scraped_page_lines_are_chrome(line):
    from workbench.corpus.chrome import find_chrome

    text = "وقال الوزير إن الحكومة ستعلن خطتها الأسبوع المقبل بعد اجتماع مطول في دمشق.\n" + line + "\n" \
        + "وأضاف أن الخطة تشمل إعادة تأهيل محطات الكهرباء في المحافظات الجنوبية خلال العام.\n"
    spans = find_chrome(text)
    start = text.index(line)
    assert any(s.start <= start < s.end for s in spans), line
    assert not any(s.start < start or s.end > start + len(line) for s in spans)  # the article stays


@pytest.mark.parametrize("line", [
    "وقال المصدر: إن الاجتماع سيعقد في دمشق الأسبوع المقبل لبحث ملف الكهرباء والمياه في الجنوب.",
    "وشارك في الاجتماع وزير الطاقة ومحافظ حمص.",
    "دمشق والرياض توقعان اتفاقاً",
    "دمشق - مكتب الرئاسة يعلن أن الرئيس سيزور الرياض الأسبوع المقبل لبحث ملفات الطاقة والاستثمار.",
    "دمشق - مكتب الرئاسة ينفي",
    "بيروت - خاص | قتل 5 أشخاص في غارة على الضاحية الجنوبية",
])
def test_article_lines_are_not_chrome(line):
    from workbench.corpus.chrome import find_chrome

    assert find_chrome("مقدمة الخبر الطويلة هنا بما يكفي من الكلمات.\n" + line + "\nوختام الخبر هنا.\n") == ()


def test_a_teaser_takes_its_own_lines_not_the_next_paragraph():
    from workbench.corpus.chrome import find_chrome

    paragraph = ("وبحسب مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية، نزح أكثر من 128 ألف شخص من منازلهم "
                 "خلال الأسبوع الماضي، لجأ بعضهم إلى ريف درعا.")
    text = ("وقال الوزير إن الحكومة جهزت قافلة ثانية ستدخل خلال الأيام المقبلة إلى المدينة.\n\n"
            "شاهد أيضاً: بالفيديو.. لحظة دخول الشاحنات إلى المدينة\nنشر بتاريخ 21 يوليو 2025\n\n"
            + paragraph + "\n\nوختام الخبر هنا مع بعض الكلمات الأخرى لإطالة النص قليلاً.\n")
    spans = find_chrome(text)
    assert any(s.start <= text.index("نشر بتاريخ") < s.end for s in spans)
    assert not any(s.start <= text.index(paragraph) < s.end for s in spans)


def test_near_the_foot_a_short_paragraph_ending_with_a_full_stop_is_not_a_teaser():
    from workbench.corpus.chrome import find_chrome

    body = "وقال الوزير إن الحكومة ستعلن خطتها الأسبوع المقبل بعد اجتماع مطول في دمشق مع الوفود.\r\n\r\n" * 4
    paragraph = "وكانت المملكة قد قطعت علاقاتها مع إيران في يناير 2016، لتنتهي قطيعة استمرت سبع سنوات."
    text = body + "اقرأ أيضاً: أمانة جدة تطلق مشروعاً جديداً | 9 مارس 2023\r\n\r\n" + paragraph + "\r\n"
    spans = find_chrome(text)
    assert any(s.start <= text.index("أمانة جدة") < s.end for s in spans)
    assert not any(s.start <= text.index(paragraph) < s.end for s in spans)


def test_related_list_headers_take_the_list_at_the_foot():
    from workbench.corpus.chrome import find_chrome

    for header in ("آخر الأخبار", "الأكثر قراءة هذا الأسبوع", "مواضيع قد تهمك", "قصص أخرى", "اقرأ التالي"):
        text = ("وقال الوزير إن الحكومة ستعلن خطتها الأسبوع المقبل بعد اجتماع مطول في دمشق.\n" * 3
                + header + "\nالليرة تتحسن أمام الدولار – 5 تشرين الأول 2025\n")
        spans = find_chrome(text)
        assert any(s.start <= text.index("الليرة") < s.end for s in spans), header


def test_a_site_name_and_section_line_is_chrome_but_a_headline_with_a_bar_is_not():
    from workbench.corpus.chrome import find_chrome

    body = "وقال الوزير إن الحكومة ستعلن خطتها الأسبوع المقبل بعد اجتماع مطول في دمشق.\n"
    assert find_chrome("سوريا اليوم | Syria Today\n" + body)
    assert find_chrome("عربي اليوم | أخبار العالم العربي\n" + body)
    assert not find_chrome("دمشق | الحكومة تعلن خطة جديدة لإعادة تأهيل محطات الكهرباء\n" + body)
