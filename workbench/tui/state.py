"""What the screens look at: one analysis with the store's verdicts, indexed for quick lookups,
and the filters the screens apply.  No extraction or rule logic: it only reads the core's records."""

from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from workbench.model import LEVELS, Claim, Cluster, DateMention, Document, Finding
from workbench.text import normalise

if TYPE_CHECKING:
    # The pipeline pulls in the whole core (extraction, rules); the app imports it only in its loading
    # worker, so the first screen does not wait for it.
    from workbench.pipeline import Analysis

LEVEL_ORDER = tuple(reversed(LEVELS))  # error first
LEVEL_MARK = {"error": "✖", "warning": "▲", "info": "•"}
REVIEW_MARK = {None: "○", "accepted": "✓", "dismissed": "⊘"}
REVIEW_LABEL = {None: "open", "accepted": "accepted", "dismissed": "dismissed"}


def level_label(level: str) -> str:
    """A level with its symbol, so the meaning never rests on colour alone."""
    return f"{LEVEL_MARK.get(level, '?')} {level}"


def review_label(status: str | None) -> str:
    return f"{REVIEW_MARK.get(status, '?')} {REVIEW_LABEL.get(status, status or '')}"


class Workspace:
    """An analysis plus current verdicts, with the indexes every screen needs."""

    def __init__(self, analysis: "Analysis", verdicts: Mapping[str, Any] | None = None,
                 claim_index: "ClaimIndex | None" = None) -> None:
        self.analysis = analysis
        self.verdicts: Mapping[str, Any] = verdicts or {}
        self.documents: dict[str, Document] = {d.id: d for d in analysis.documents}
        self.claims: dict[str, Claim] = {c.id: c for c in analysis.claims}
        self.claims_by_doc: dict[str, list[Claim]] = defaultdict(list)
        for claim in analysis.claims:
            self.claims_by_doc[claim.doc].append(claim)
        self.findings: dict[str, Finding] = {f.id: f for f in analysis.findings}
        self.findings_by_claim: dict[str, list[Finding]] = defaultdict(list)
        self.findings_by_doc: Counter[str] = Counter()
        for finding in analysis.findings:
            for claim_id in finding.claims:
                self.findings_by_claim[claim_id].append(finding)
            self.findings_by_doc.update(set(finding.docs))
        self.clusters: dict[str, Cluster] = {c.id: c for c in analysis.clusters}
        self.cluster_of: dict[str, Cluster] = {cid: c for c in analysis.clusters for cid in c.claims}
        self.claim_index = claim_index or ClaimIndex(analysis.claims)

    @classmethod
    def empty(cls) -> "Workspace":
        """What the screens show before the first analysis has arrived."""
        return cls(_Nothing())

    def with_reviews(self, reviews: Mapping[str, Any], verdicts: Mapping[str, Any]) -> "Workspace":
        """The same analysis with reviews and verdicts as the store now has them (another session
        or the CLI may have written); findings the store no longer reviews become open again."""
        from workbench.pipeline import Analysis

        findings = [
            replace(f, reviewed=getattr(reviews.get(f.id), "status", None)) for f in self.analysis.findings
        ]
        analysis = Analysis(self.analysis.documents, self.analysis.claims, self.analysis.clusters,
                            findings, self.analysis.problems)
        return Workspace(analysis, verdicts, self.claim_index)

    def unreviewed(self) -> Counter[str]:
        """Open findings per level."""
        return Counter(f.level for f in self.analysis.findings if f.reviewed is None)

    def findings_of_cluster(self, cluster: Cluster) -> list[Finding]:
        seen: dict[str, Finding] = {}
        for claim_id in cluster.claims:
            for finding in self.findings_by_claim.get(claim_id, ()):
                seen[finding.id] = finding
        return list(seen.values())

    def title_of(self, claim: Claim, width: int = 60) -> str:
        text = " ".join(claim.text.split())
        return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True)
class _Nothing:
    """An analysis with nothing in it, without importing the pipeline."""

    documents: tuple = ()
    claims: tuple = ()
    clusters: tuple = ()
    findings: tuple = ()
    problems: tuple = ()


# ---- findings filter ------------------------------------------------------------------------------

_REVIEWED_WORDS = {
    "no": (None,), "open": (None,), "yes": ("accepted", "dismissed"),
    "accepted": ("accepted",), "dismissed": ("dismissed",), "any": (None, "accepted", "dismissed"),
}
FILTER_HELP = "rule:ID level:error|warning|info doc:ID reviewed:no|yes|accepted|dismissed, and words"


@dataclass(frozen=True)
class FindingFilter:
    """A parsed filter line: ``key:value`` terms narrow by field, other words search the text."""

    rules: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    reviewed: tuple[str | None, ...] = (None, "accepted", "dismissed")
    words: tuple[str, ...] = ()

    @classmethod
    def parse(cls, line: str) -> "FindingFilter":
        """Unknown keys or values are searched as words, so typing never fails."""
        rules, levels, docs, words = [], [], [], []
        reviewed: tuple[str | None, ...] = cls.reviewed
        for term in line.split():
            key, _, value = term.partition(":")
            key = key.lower()
            if value and key == "rule":
                rules.append(value.lower())
            elif value and key == "level" and value.lower() in LEVELS:
                levels.append(value.lower())
            elif value and key == "doc":
                docs.append(value.lower())
            elif value and key == "reviewed" and value.lower() in _REVIEWED_WORDS:
                reviewed = _REVIEWED_WORDS[value.lower()]
            else:
                words.extend(normalise(term).split())
        return cls(tuple(rules), tuple(levels), tuple(docs), reviewed, tuple(words))

    def matches(self, finding: Finding, haystack: str) -> bool:
        if self.rules and not any(r in finding.rule for r in self.rules):
            return False
        if self.levels and finding.level not in self.levels:
            return False
        if self.docs and not any(d in doc.lower() for d in self.docs for doc in finding.docs):
            return False
        if finding.reviewed not in self.reviewed:
            return False
        return all(word in haystack for word in self.words)


def finding_haystack(workspace: Workspace, finding: Finding) -> str:
    """The normalised text a free-text filter searches: message, rule, documents and claims."""
    texts = [finding.message, finding.rule, *finding.docs]
    texts += [workspace.claims[c].text for c in finding.claims if c in workspace.claims]
    return normalise(" ".join(texts))


def filter_findings(workspace: Workspace, query: str, cache: dict[str, str]) -> list[Finding]:
    wanted = FindingFilter.parse(query)
    shown = []
    for finding in workspace.analysis.findings:
        haystack = cache.get(finding.id)
        if haystack is None:
            haystack = cache[finding.id] = finding_haystack(workspace, finding)
        if wanted.matches(finding, haystack):
            shown.append(finding)
    return shown


def group_findings(findings: Iterable[Finding]) -> dict[str, dict[str, list[Finding]]]:
    """level -> rule -> findings, levels most severe first, rules by name."""
    grouped: dict[str, dict[str, list[Finding]]] = {}
    for level in LEVEL_ORDER:
        by_rule: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            if finding.level == level:
                by_rule[finding.rule].append(finding)
        if by_rule:
            grouped[level] = dict(sorted(by_rule.items()))
    return grouped


# ---- corrected values ---------------------------------------------------------------------------

_LEADING_NUMBER = re.compile(r"^\s*(-?\d+(?:\.\d+)?)")


def states_value(claim: Claim, value: str) -> bool:
    """Whether one of the claim's dates or numbers is ``value`` (a date as YYYY[-MM[-DD]], or a number,
    optionally followed by a unit as in "90 people")."""
    value = value.strip()
    if any(date.value == value for date in claim.dates):
        return True
    number = _LEADING_NUMBER.match(value)
    return number is not None and any(float(n.value) == float(number.group(1)) for n in claim.numbers)


@dataclass(frozen=True)
class FactValue:
    """Where a corrected value given on a finding is also recorded.  The contradicts-verdict rule reads
    verdicts on claims and clusters only, so the value goes on the fact (the cluster holding the
    finding's claims; the claim itself when it belongs to none), keeping the text of the claim that
    states the value, so every copy of the fact is checked against it."""

    target: str  # k-… or c-…
    kind: str  # "cluster" or "claim"
    claim: Claim  # whose text and document the verdict keeps
    states_value: bool  # the kept claim gives the verified value itself


def fact_value(workspace: Workspace, finding: Finding, value: str) -> FactValue | None:
    """The fact a value given on ``finding`` is recorded on, or None if none of its claims is loaded."""
    claims = [workspace.claims[c] for c in finding.claims if c in workspace.claims]
    if not claims:
        return None
    stating = next((c for c in claims if value.strip() and states_value(c, value)), None)
    holding = Counter(workspace.cluster_of[c.id].id for c in claims if c.id in workspace.cluster_of)
    if holding:
        cluster = workspace.clusters[holding.most_common(1)[0][0]]
        members = [workspace.claims[c] for c in cluster.claims if c in workspace.claims]
        stating = stating or next((c for c in members if value.strip() and states_value(c, value)), None)
        return FactValue(cluster.id, "cluster", stating or claims[0], stating is not None)
    kept = stating or claims[0]
    return FactValue(kept.id, "claim", kept, stating is not None)


# ---- claim search (large corpora) -----------------------------------------------------------------

class ClaimIndex:
    """Substring search over every claim's normalised text, for the claims screen at 100,000 claims.

    Searching runs in a worker as the reviewer types, so it can be abandoned half way (``stop``) when the
    next key arrives.  Recent results are kept: a query that extends an earlier one only narrows that
    result, and going back (backspace) is a lookup.  Building the index normalises every claim, so it is
    built off the UI thread."""

    CHUNK = 8192  # claims searched between checks of ``stop``
    KEPT = 16  # recent results kept

    def __init__(self, claims: "list[Claim] | tuple[Claim, ...]") -> None:
        self.claims = claims
        self._keys = [f"{c.doc.lower()} {normalise(c.text)}" for c in claims]
        self._results: OrderedDict[tuple[str, ...], list[int]] = OrderedDict()
        self._lock = threading.Lock()  # searches of abandoned queries may still be finishing

    def search(self, query: str, *, stop: Callable[[], bool] = lambda: False) -> list[int] | None:
        """Indexes of the claims containing every word of ``query`` (normalised), in corpus order; None
        if ``stop()`` turned true before the search was done."""
        words = tuple(normalise(query).split())
        if not words:
            return list(range(len(self._keys)))
        with self._lock:
            if words in self._results:
                self._results.move_to_end(words)
                return self._results[words]
            narrower = [hits for earlier, hits in self._results.items() if self._narrows(earlier, words)]
        candidates = min(narrower, key=len) if narrower else range(len(self._keys))
        keys, first, rest = self._keys, words[0], words[1:]
        found: list[int] = []
        for start in range(0, len(candidates), self.CHUNK):
            if stop():
                return None
            chunk = candidates[start:start + self.CHUNK]
            if rest:
                found += [i for i in chunk if first in keys[i] and all(w in keys[i] for w in rest)]
            else:
                found += [i for i in chunk if first in keys[i]]
        with self._lock:
            self._results[words] = found
            while len(self._results) > self.KEPT:
                self._results.popitem(last=False)
        return found

    @staticmethod
    def _narrows(earlier: tuple[str, ...], words: tuple[str, ...]) -> bool:
        """Every earlier word is contained in the word now at its place: the result can only shrink."""
        return len(words) >= len(earlier) and all(p in w for p, w in zip(earlier, words))


# ---- timeline -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TimelineSubject:
    kind: str  # "fact" (a cluster) or "entity"
    id: str
    label: str


@dataclass(frozen=True)
class TimelinePoint:
    doc: str
    claim: str
    date: DateMention


def timeline_subjects(workspace: Workspace) -> list[TimelineSubject]:
    """Facts (clusters whose claims carry dates), most disputed first, then entities that appear with dates."""
    facts = []
    for cluster in workspace.analysis.clusters:
        claims = [workspace.claims[c] for c in cluster.claims if c in workspace.claims]
        values = {d.value for c in claims for d in c.dates}
        if values:
            facts.append((len(values), len(cluster.docs), TimelineSubject("fact", cluster.id, workspace.title_of(claims[0], 50))))
    # Facts whose documents claim the most different dates first: that is where a timeline helps.
    subjects = [subject for _, _, subject in sorted(facts, key=lambda f: (-f[0], -f[1]))]
    names: dict[str, str] = {}
    for claim in workspace.analysis.claims:
        if claim.dates:
            for entity in claim.entities:
                names.setdefault(entity.id, entity.name or entity.text)
    subjects += [TimelineSubject("entity", eid, name) for eid, name in sorted(names.items(), key=lambda x: x[1])]
    return subjects


def timeline_points(workspace: Workspace, subject: TimelineSubject) -> list[TimelinePoint]:
    if subject.kind == "fact":
        cluster = workspace.clusters.get(subject.id)
        claims = [workspace.claims[c] for c in cluster.claims if c in workspace.claims] if cluster else []
    else:
        claims = [c for c in workspace.analysis.claims if any(e.id == subject.id for e in c.entities)]
    points = [TimelinePoint(claim.doc, claim.id, d) for claim in claims for d in claim.dates]
    return sorted(points, key=lambda p: (p.date.value, p.doc))
