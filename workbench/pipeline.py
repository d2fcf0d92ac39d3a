"""The one-way flow the CLI and the TUI share: documents -> claims -> clusters -> findings.

Both faces call :func:`analyse`; whatever the TUI shows, ``workbench check --format json`` can show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from workbench.config import Config
from workbench.corpus import load_corpus
from workbench.extract import Extractor
from workbench.model import Claim, Cluster, Document, Finding, Problem
from workbench.rules import RuleContext, load_rules, run_rules
from workbench.xref import cross_reference

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class Analysis:
    documents: list[Document] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._docs = {d.id: d for d in self.documents}
        self._claims = {c.id: c for c in self.claims}

    def document(self, doc_id: str) -> Document | None:
        return self._docs.get(doc_id)

    def claim(self, claim_id: str) -> Claim | None:
        return self._claims.get(claim_id)

    def claims_of(self, doc_id: str) -> list[Claim]:
        return [c for c in self.claims if c.doc == doc_id]


def load_and_extract(
    paths: Iterable[Path],
    config: Config,
    *,
    published: dt.date | None = None,
    progress: Progress | None = None,
) -> tuple[list[Document], list[Claim], list[Problem]]:
    """Load every path and split each document into claims with their mentions."""
    documents, problems = load_corpus(list(paths), default_published=published)
    extractor = Extractor.from_config(config)
    claims: list[Claim] = []
    for done, document in enumerate(documents, 1):
        claims.extend(extractor.claims(document))
        if progress:
            progress("extract", done, len(documents))
    return documents, claims, problems


def analyse(
    paths: Iterable[Path],
    config: Config,
    *,
    store=None,
    published: dt.date | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Run the whole flow.  ``store`` is a :class:`workbench.store.VerdictStore` or None; its pair
    judgements steer cross-referencing and its verdicts and reviews feed the rules."""
    rules = load_rules(config.rules, levels=config.levels)  # fail early: a bad rule is a usage error
    documents, claims, problems = load_and_extract(paths, config, published=published, progress=progress)
    judgements = store.judgements() if store is not None else {}
    clusters = cross_reference(claims, judgements=judgements)
    if progress:
        progress("xref", 1, 1)
    context = RuleContext(
        documents={d.id: d for d in documents},
        claims={c.id: c for c in claims},
        clusters=clusters,
        verdicts=store.verdicts() if store is not None else {},
    )
    findings = run_rules(rules, context)
    if store is not None:
        reviews = store.reviews()
        findings = [_with_review(f, reviews.get(f.id)) for f in findings]
    if progress:
        progress("rules", 1, 1)
    return Analysis(documents, claims, clusters, findings, problems)


def _with_review(finding: Finding, review) -> Finding:
    if review is None:
        return finding
    from dataclasses import replace

    return replace(finding, reviewed=review.status)
