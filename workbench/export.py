"""Publishing verdicts: ClaimReview JSON-LD (schema.org, as fact-checkers publish for search engines),
CSV for spreadsheets and JSON Lines for other tools.

The store keeps each claim's text and document id; the corpus knows the rest (the article's url, title
and publication date), so the caller passes what it has loaded as ``claim id -> (Claim, Document)``.
A verdict whose claim is no longer in the corpus is still exported from what the store kept."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from workbench.model import Claim, Cluster, Document
from workbench.store import RatingScale, Verdict

FORMATS = ("claimreview", "csv", "jsonl")
CSV_COLUMNS = ("target", "kind", "rating", "rating_value", "value", "note", "evidence", "reviewer", "time",
               "doc", "claim_text", "url", "title", "published")


@dataclass(frozen=True)
class Publisher:
    """Who signs the ClaimReviews: an organisation (a newsroom), else each verdict's reviewer as a person."""

    organisation: str = ""
    review_url: str = ""  # a template such as "https://factcheck.example/{target}" for the review's own page

    def author(self, verdict: Verdict) -> dict[str, str]:
        if self.organisation:
            return {"@type": "Organization", "name": self.organisation}
        return {"@type": "Person", "name": verdict.reviewer or "unknown"}

    def url(self, verdict: Verdict) -> str:
        return self.review_url.format(target=verdict.target) if self.review_url else ""


@dataclass(frozen=True)
class Appearance:
    """Where a claim was published, from the corpus when it still has the document, else from the store."""

    claim_text: str
    doc: str
    url: str = ""
    title: str = ""
    published: str = ""

    @classmethod
    def of(cls, claim_id: str, verdict: Verdict, corpus: Mapping[str, tuple[Claim, Document]]) -> "Appearance":
        found = corpus.get(claim_id)
        if found is None:
            return cls(verdict.claim_text, verdict.doc)
        claim, document = found
        return cls(claim.text, document.id, document.url, document.title,
                   document.published.isoformat() if document.published else "")

    def creative_work(self) -> dict[str, str]:
        work = {"@type": "CreativeWork", "identifier": self.doc}
        if self.url:
            work["url"] = self.url
        if self.title:
            work["headline"] = self.title
        if self.published:
            work["datePublished"] = self.published
        return work


def appearances(verdict: Verdict, corpus: Mapping[str, tuple[Claim, Document]],
                clusters: Mapping[str, Cluster]) -> list[Appearance]:
    """A claim verdict has one appearance; a cluster verdict (one fact) has one per claim in the cluster."""
    if verdict.kind == "claim":
        return [Appearance.of(verdict.target, verdict, corpus)]
    cluster = clusters.get(verdict.target)
    if cluster is None:
        return []
    return [Appearance.of(claim_id, verdict, corpus) for claim_id in cluster.claims if claim_id in corpus]


def claim_reviews(verdicts: Iterable[Verdict], *, scale: RatingScale, corpus: Mapping[str, tuple[Claim, Document]],
                  clusters: Mapping[str, Cluster] = {}, publisher: Publisher = Publisher()) -> list[dict[str, Any]]:
    """One ClaimReview per verdict on a claim or a cluster; verdicts on findings review no published claim
    and are left to the CSV and JSON Lines exports.  A cluster no longer known is left out too: there is no
    claim text to publish for it."""
    reviews = []
    for verdict in sorted(verdicts, key=lambda v: (v.time, v.target)):
        if verdict.kind == "finding":
            continue
        seen = appearances(verdict, corpus, clusters)
        if not seen or not seen[0].claim_text:
            continue
        reviews.append(_claim_review(verdict, seen, scale, publisher))
    return reviews


def _claim_review(verdict: Verdict, seen: list[Appearance], scale: RatingScale,
                  publisher: Publisher) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.rating}
    value = scale.value(verdict.rating)
    if value is not None:  # a label with no value (unverifiable) is published by name only
        rating.update(ratingValue=_number(value), bestRating=_number(scale.best),
                      worstRating=_number(scale.worst))
    item: dict[str, Any] = {"@type": "Claim", "appearance": [a.creative_work() for a in seen]}
    first_published = min((a.published for a in seen if a.published), default="")
    if first_published:
        item["datePublished"] = first_published
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": verdict.target,
        "claimReviewed": seen[0].claim_text,
        "reviewRating": rating,
        "itemReviewed": item,
        "author": publisher.author(verdict),
        "datePublished": verdict.time[:10],
        "inLanguage": "ar",
    }
    url = publisher.url(verdict)
    if url:
        review["url"] = url
    if verdict.note:
        review["reviewBody"] = verdict.note
    if verdict.evidence:
        review["citation"] = list(verdict.evidence)
    return review


def _number(value: float | None) -> int | float | None:
    return int(value) if value is not None and float(value).is_integer() else value


def flat_rows(verdicts: Iterable[Verdict], *, scale: RatingScale,
              corpus: Mapping[str, tuple[Claim, Document]]) -> list[dict[str, Any]]:
    """Every verdict (claims, clusters, findings) as one flat row; document metadata where the corpus has it."""
    rows = []
    for verdict in sorted(verdicts, key=lambda v: (v.time, v.target)):
        seen = Appearance.of(verdict.target, verdict, corpus) if verdict.kind == "claim" else (
            Appearance(verdict.claim_text, verdict.doc))
        rows.append({
            **verdict.to_json(),
            "rating_value": _number(scale.value(verdict.rating)),
            "claim_text": seen.claim_text, "doc": seen.doc,
            "url": seen.url, "title": seen.title, "published": seen.published,
        })
    return rows


def to_csv(rows: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "evidence": " | ".join(row["evidence"]),
                         "value": "" if row["value"] is None else row["value"],
                         "rating_value": "" if row["rating_value"] is None else row["rating_value"]})
    return buffer.getvalue()
