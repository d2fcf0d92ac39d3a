"""The whole extraction, as `workbench claims` runs it, scored against the hand-made gold:
every gold date found with its value, no non-date reported as a date, every gold number found."""

from __future__ import annotations

import pytest

from workbench.config import BUNDLED_CORPUS, Config
from workbench.extract import Extractor
from workbench.pipeline import load_and_extract
from tests.gold import GOLD, check_date_found, check_not_a_date, check_number_found


@pytest.fixture(scope="module")
def extracted():
    config = Config()
    documents, claims, problems = load_and_extract([BUNDLED_CORPUS], config)
    assert problems == []
    extractor = Extractor.from_config(config)
    by_doc = {d.id: (d, [c for c in claims if c.doc == d.id]) for d in documents}
    chrome_dates = {d.id: extractor.chrome_dates(d) for d in documents}
    return by_doc, chrome_dates


def _gold(kind):
    return [(doc_id, item) for doc_id, doc in GOLD["documents"].items() for item in doc.get(kind, [])]


@pytest.mark.parametrize("doc_id,item", _gold("dates"), ids=lambda v: v if isinstance(v, str) else v["text"])
def test_gold_date_found_with_its_value(extracted, doc_id, item):
    by_doc, chrome_dates = extracted
    document, claims = by_doc[doc_id]
    check_date_found(document, [m for c in claims for m in c.dates] + chrome_dates[doc_id], item)


@pytest.mark.parametrize("doc_id,item", _gold("not_dates"), ids=lambda v: v if isinstance(v, str) else v["text"])
def test_gold_non_date_is_not_a_date(extracted, doc_id, item):
    by_doc, _ = extracted
    document, claims = by_doc[doc_id]
    check_not_a_date(document, claims, item["text"])


@pytest.mark.parametrize("doc_id,item", _gold("numbers"), ids=lambda v: v if isinstance(v, str) else v["text"])
def test_gold_number_found_with_its_value(extracted, doc_id, item):
    by_doc, _ = extracted
    document, claims = by_doc[doc_id]
    check_number_found(document, claims, item)


def test_mentions_are_offsets_into_the_original_text(extracted):
    by_doc, _ = extracted
    for document, claims in by_doc.values():
        for claim in claims:
            assert document.text[claim.start:claim.end] == claim.text
            for mention in (*claim.dates, *claim.numbers, *claim.entities):
                assert document.text[mention.start:mention.end] == mention.text
                assert claim.start <= mention.start < mention.end <= claim.end
