"""What every rule kind shares: the loaded rule, the context it reads, and what it reports.

A kind is a named check with typed options (validated when a rule file is loaded, so a typo in a rule
fails the run before any document is read) and the value names its message template may use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from workbench.model import Claim, Cluster, Document, Level

OptionType = type | tuple[type, ...]


@dataclass(frozen=True, slots=True)
class Option:
    """One option a kind accepts: its type, its default and a line of help for `workbench check --help`."""

    type: OptionType
    default: Any
    help: str
    choices: tuple[Any, ...] = ()
    item_type: type | None = None  # for list options: the type of each item


@dataclass(frozen=True, slots=True)
class Hit:
    """What a kind found, before it becomes a Finding: the claims involved, the values a message
    template can use, and the values that identify it (part of the fingerprint, so that a finding
    about 8 March vs 10 March is a different finding from one about 8 March vs 12 March)."""

    claims: tuple[str, ...]
    values: dict[str, Any]
    key: tuple[str, ...] = ()
    level: Level | None = None  # a kind may lower the rule's level for a lesser case


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    level: Level
    message: str
    options: Mapping[str, Any] = field(default_factory=dict)
    link: str | None = None
    description: str = ""
    source: Path | None = None

    def where(self) -> str:
        return f"{self.source}: rule '{self.id}'" if self.source else f"rule '{self.id}'"


@dataclass(frozen=True)
class Kind:
    """A built-in check.  ``fields`` are the value names a message template may use."""

    name: str
    check: Callable[[Rule, "RuleContext"], Iterable[Hit]]
    options: Mapping[str, Option] = field(default_factory=dict)
    fields: frozenset[str] = frozenset()
    summary: str = ""
    # Checks across options beyond their types (a regex that compiles): (field, problem) or None.
    validate: Callable[[Mapping[str, Any]], tuple[str, str] | None] | None = None


PLACE_TYPES = frozenset({"place", "country"})


@dataclass(frozen=True)
class RuleContext:
    """Everything the rules read: documents, claims, clusters and the store's verdicts."""

    documents: Mapping[str, Document]
    claims: Mapping[str, Claim]
    clusters: list[Cluster]
    verdicts: Mapping[str, Any] = field(default_factory=dict)
    today: dt.date | None = None  # the reference for documents without a publication date

    @cached_property
    def cluster_of(self) -> dict[str, Cluster]:
        """Each clustered claim's cluster (the first, should a claim be in more than one)."""
        found: dict[str, Cluster] = {}
        for cluster in self.clusters:
            for claim_id in cluster.claims:
                found.setdefault(claim_id, cluster)
        return found

    @cached_property
    def claims_by_doc(self) -> dict[str, list[Claim]]:
        grouped: dict[str, list[Claim]] = {}
        for claim in self.claims.values():
            grouped.setdefault(claim.doc, []).append(claim)
        for claims in grouped.values():
            claims.sort(key=lambda c: c.start)
        return grouped

    @cached_property
    def entities_by_doc(self) -> dict[str, set[str]]:
        """The ids of the entities each document names."""
        found: dict[str, set[str]] = {}
        for claim in self.claims.values():
            found.setdefault(claim.doc, set()).update(e.id for e in claim.entities)
        return found

    @cached_property
    def places_by_doc(self) -> dict[str, set[str]]:
        """The ids of the places and countries each document names."""
        found: dict[str, set[str]] = {}
        for claim in self.claims.values():
            found.setdefault(claim.doc, set()).update(e.id for e in claim.entities if e.type in PLACE_TYPES)
        return found

    @cached_property
    def countries_by_doc(self) -> dict[str, frozenset[str]]:
        """The ids of the countries each document names."""
        found: dict[str, set[str]] = {}
        for claim in self.claims.values():
            found.setdefault(claim.doc, set()).update(e.id for e in claim.entities if e.type == "country")
        return {doc: frozenset(ids) for doc, ids in found.items()}

    @cached_property
    def event_countries(self) -> dict[str, frozenset[str]]:
        """The country each claim places its event in, by claim id: the countries it names, or else its
        document's one country (a report from Amman about "the elections" names Jordan once, in its
        lede).  Read once, as every pair of claims compared asks it again."""
        found = {}
        for claim in self.claims.values():
            named = frozenset(e.id for e in claim.entities if e.type == "country")
            whole = self.countries_by_doc.get(claim.doc, frozenset())
            found[claim.id] = named or (whole if len(whole) == 1 else frozenset())
        return found

    def in_other_countries(self, a: Claim, b: Claim) -> bool:
        """Claims of two documents placing their events in one country each, which the other document
        never names (elections in Egypt and in Jordan): two events, whatever else they share."""
        if a.doc == b.doc:
            return False
        place_a, place_b = self.event_countries.get(a.id, frozenset()), self.event_countries.get(b.id, frozenset())
        return (len(place_a) == 1 and len(place_b) == 1
                and not place_a & self.countries_by_doc.get(b.doc, frozenset())
                and not place_b & self.countries_by_doc.get(a.doc, frozenset()))

    def unclustered_peers(self, a: Claim, b: Claim, *, strict: bool = False) -> bool:
        """Claims of two documents that no cluster joins, the documents naming something in common (or,
        unless ``strict``, one of them naming nothing), their events not in two countries: the pairs the
        anchored comparisons look at, beyond the clusters."""
        cluster = self.cluster_of.get(a.id)
        if a.doc == b.doc or (cluster is not None and cluster is self.cluster_of.get(b.id)):
            return False
        if self.in_other_countries(a, b):
            return False
        names_a, names_b = self.entities_by_doc.get(a.doc, set()), self.entities_by_doc.get(b.doc, set())
        return bool(names_a & names_b) or not strict and (not names_a or not names_b)

    def published(self, claim: Claim) -> dt.date | None:
        """The publication date of the claim's document, if known."""
        document = self.documents.get(claim.doc)
        return document.published if document is not None else None

    def cluster_claims(self, cluster: Cluster) -> list[Claim]:
        return [self.claims[c] for c in cluster.claims if c in self.claims]
