"""Exporting verdicts: ClaimReview JSON-LD validated against the fields search engines read, CSV, JSONL."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import jsonschema
import pytest

from workbench.export import Publisher, claim_reviews, flat_rows, to_csv
from workbench.model import Claim, Cluster, Document
from workbench.store import RatingScale, VerdictStore

SCHEMA = json.loads((Path(__file__).parent / "data" / "store" / "claimreview.schema.json").read_text())

AGREEMENT = Document(id="101_integration_agreement", text="…", published=dt.date(2025, 3, 11),
                     title="توقيع اتفاق لدمج مؤسسات شمال شرق سوريا في الدولة", url="https://news.example/101")
COPY = Document(id="104_copy", text="…", published=dt.date(2025, 3, 12))
SIGNED = Claim(id="c-signed", doc=AGREEMENT.id, start=0, end=40, text="وقّع الشرع وعبدي الاتفاق مساء الاثنين")
SIGNED_COPY = Claim(id="c-copy", doc=COPY.id, start=0, end=30, text="وُقّع الاتفاق يوم الاثنين")
CORPUS = {SIGNED.id: (SIGNED, AGREEMENT), SIGNED_COPY.id: (SIGNED_COPY, COPY)}


@pytest.fixture
def store(tmp_path: Path) -> VerdictStore:
    store = VerdictStore(tmp_path / "verdicts.json", reviewer="amal")
    store.set_verdict("c-signed", rating="false", note="signed on the 10th", evidence=["https://decree.example"],
                      value="2025-03-10", claim_text=SIGNED.text, doc=AGREEMENT.id)
    store.set_verdict("c-gone", rating="unverifiable", claim_text="خبر حذف من المصدر", doc="removed")
    store.set_verdict("k-fact", rating="mostly-true")
    store.set_verdict("f-conflict", rating="misleading")
    return store


def test_claimreview_has_the_fields_search_engines_read(store: VerdictStore) -> None:
    fact = Cluster("k-fact", ("c-signed", "c-copy"), (AGREEMENT.id, COPY.id), 0.9)
    reviews = claim_reviews(store.verdicts().values(), scale=store.scale, corpus=CORPUS, clusters={fact.id: fact},
                            publisher=Publisher("مرصد التحقق", "https://factcheck.example/{target}"))
    jsonschema.validate(reviews, SCHEMA)
    by_id = {r["identifier"]: r for r in reviews}
    assert set(by_id) == {"c-signed", "c-gone", "k-fact"}  # a finding is not a published claim
    signed = by_id["c-signed"]
    assert signed["claimReviewed"] == SIGNED.text
    assert signed["reviewRating"] == {"@type": "Rating", "alternateName": "false", "ratingValue": 1,
                                      "bestRating": 6, "worstRating": 1}
    assert signed["itemReviewed"] == {"@type": "Claim", "datePublished": "2025-03-11", "appearance": [
        {"@type": "CreativeWork", "identifier": AGREEMENT.id, "url": "https://news.example/101",
         "headline": AGREEMENT.title, "datePublished": "2025-03-11"}]}
    assert signed["author"] == {"@type": "Organization", "name": "مرصد التحقق"}
    assert signed["url"] == "https://factcheck.example/c-signed"
    assert signed["datePublished"] == store.verdict("c-signed").time[:10]
    assert (signed["reviewBody"], signed["citation"]) == ("signed on the 10th", ["https://decree.example"])
    # unverifiable is published by name, outside the best..worst range; the orphan from what the store kept
    assert by_id["c-gone"]["reviewRating"] == {"@type": "Rating", "alternateName": "unverifiable"}
    assert by_id["c-gone"]["claimReviewed"] == "خبر حذف من المصدر"
    # one fact, reported by two articles: one review, two appearances, the first publication date
    fact = by_id["k-fact"]["itemReviewed"]
    assert [a["identifier"] for a in fact["appearance"]] == [AGREEMENT.id, COPY.id]
    assert fact["datePublished"] == "2025-03-11"


def test_without_an_organisation_each_reviewer_signs(store: VerdictStore) -> None:
    reviews = claim_reviews(store.verdicts().values(), scale=store.scale, corpus=CORPUS)
    jsonschema.validate(reviews, SCHEMA)
    assert {json.dumps(r["author"]) for r in reviews} == {json.dumps({"@type": "Person", "name": "amal"})}
    assert all("url" not in r for r in reviews)


def test_the_schema_catches_a_review_missing_its_rating_range(store: VerdictStore) -> None:
    reviews = claim_reviews(store.verdicts().values(), scale=store.scale, corpus=CORPUS)
    signed = next(r for r in reviews if r["identifier"] == "c-signed")
    del signed["reviewRating"]["bestRating"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(reviews, SCHEMA)


def test_a_team_scale_sets_the_rating_values(tmp_path: Path) -> None:
    scale = RatingScale.from_config({"صحيح": 5, "زائف": 1})
    store = VerdictStore(tmp_path / "v.json", reviewer="omar", scale=scale)
    store.set_verdict("c-signed", rating="صحيح", claim_text=SIGNED.text, doc=AGREEMENT.id)
    [review] = claim_reviews(store.verdicts().values(), scale=scale, corpus=CORPUS)
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "صحيح", "ratingValue": 5,
                                      "bestRating": 5, "worstRating": 1}


def test_csv_and_jsonl_rows_hold_every_verdict(store: VerdictStore) -> None:
    rows = flat_rows(store.verdicts().values(), scale=store.scale, corpus=CORPUS)
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows))))
    by_target = {row["target"]: row for row in parsed}
    assert set(by_target) == {"c-signed", "c-gone", "k-fact", "f-conflict"}
    signed = by_target["c-signed"]
    assert (signed["rating"], signed["rating_value"], signed["value"]) == ("false", "1", "2025-03-10")
    assert (signed["url"], signed["published"], signed["claim_text"]) == (
        "https://news.example/101", "2025-03-11", SIGNED.text)
    assert by_target["c-gone"]["rating_value"] == "" and by_target["c-gone"]["doc"] == "removed"
    line = json.loads(json.dumps(rows[0], ensure_ascii=False))
    assert {"target", "kind", "rating", "rating_value", "evidence", "reviewer", "time", "url"} <= set(line)
