"""Cross-referencing: group the claims that state the same fact, across documents.

    profiles -> blocking (candidate pairs, never all pairs) -> scoring -> constrained merging

Claims with the same content (syndicated copies) are blocked and scored once.  Reviewers' pair
judgements are honoured: "same" is a must-link, "different" a cannot-link, "unsure" changes nothing."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from workbench.model import Claim, Cluster, stable_id
from workbench.xref.blocking import MIN_OVERLAP, candidate_pairs
from workbench.xref.clusters import Groups
from workbench.xref.profile import Profile, profile
from workbench.xref.scoring import DEFAULT_THRESHOLD, KeyWeights, PairScore, score_pair, score_profiles

__all__ = [
    "DEFAULT_THRESHOLD", "KeyWeights", "PairScore", "ScoredPair", "candidate_pairs", "claim_pairs",
    "cross_reference", "score_pair", "score_profiles", "unique_profiles", "weights_for",
]

ScoredPair = tuple[int, int, PairScore]


def weights_for(claims: Sequence[Claim]) -> KeyWeights:
    """Key rarities of a corpus, to pass to :func:`score_pair` (the TUI's "why linked")."""
    return KeyWeights.from_profiles(unique_profiles(claims)[0])


def claim_pairs(claims: Sequence[Claim], *, min_overlap: float = MIN_OVERLAP) -> Iterator[ScoredPair]:
    """Every candidate pair of claims the blocking finds, scored: ``(i, j, PairScore)`` with indices
    into ``claims``.  Pairs of claims with identical content are not listed (they always match)."""
    profiles, members = unique_profiles(claims)
    pairs = _Scorer(claims, profiles, members)
    for u, v in candidate_pairs(profiles, pairs.weights, min_overlap=min_overlap):
        yield members[u][0], members[v][0], pairs.score(u, v)


def cross_reference(
    claims: Sequence[Claim],
    *,
    judgements: Mapping[frozenset[str], str] = {},
    threshold: float = DEFAULT_THRESHOLD,
) -> list[Cluster]:
    """Clusters of claims about the same fact, in order of their first claim; claims inside a
    cluster keep the input order.  Judgements naming claims not in ``claims`` are ignored (they
    belong to documents not loaded this time)."""
    profiles, members = unique_profiles(claims)
    pairs = _Scorer(claims, profiles, members)
    kinds = [-1] * len(claims)
    for u, group in enumerate(members):
        for i in group:
            kinds[i] = u
    groups = Groups(kinds, [p.spans for p in profiles], pairs.likeness, threshold)
    position = {c.id: i for i, c in enumerate(claims)}
    known = sorted((sorted(pair), verdict) for pair, verdict in judgements.items()
                   if len(pair) == 2 and pair <= position.keys())
    for (a, b), verdict in known:
        if verdict == "different":
            groups.keep_apart(position[a], position[b])
    for (a, b), verdict in known:
        if verdict == "same":
            groups.link(position[a], position[b], 1.0, forced=True)
    edges: list[tuple[float, int, int, bool]] = []
    for group in members:
        edges.extend((1.0, group[0], other, False) for other in group[1:])
    for u, v in candidate_pairs(profiles, pairs.weights):
        scored = pairs.score(u, v)
        if scored.linkable and scored.score >= threshold:
            edges.append((scored.score, members[u][0], members[v][0], bool(scored.figures)))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    for score, a, b, lasting in edges:
        groups.link(a, b, score, lasting=lasting)
    clusters = []
    for indices, score in groups.groups():
        ids = tuple(claims[i].id for i in indices)
        docs = tuple(dict.fromkeys(claims[i].doc for i in indices))
        clusters.append((indices[0], Cluster(stable_id("k", *sorted(ids)), ids, docs, score)))
    clusters.sort(key=lambda item: item[0])
    return [cluster for _, cluster in clusters]


class _Scorer:
    """Scores pairs of distinct profiles once each, with the corpus's key weights and whether the
    two share a document."""

    def __init__(self, claims: Sequence[Claim], profiles: list[Profile], members: list[list[int]]) -> None:
        self.profiles = profiles
        self.weights = KeyWeights.from_profiles(profiles)
        self._docs = [frozenset(claims[i].doc for i in group) for group in members]
        self._scores: dict[tuple[int, int], float] = {}

    def score(self, u: int, v: int) -> PairScore:
        same = not self._docs[u].isdisjoint(self._docs[v])
        scored = score_profiles(self.profiles[u], self.profiles[v], self.weights, same_document=same)
        self._scores[(u, v) if u < v else (v, u)] = scored.score
        return scored

    def likeness(self, u: int, v: int) -> float:
        found = self._scores.get((u, v) if u < v else (v, u))
        return self.score(u, v).score if found is None else found


def unique_profiles(claims: Sequence[Claim]) -> tuple[list[Profile], list[list[int]]]:
    """Distinct profiles and, for each, the indices of the claims that have it, in input order.
    Claims without a content word or an entity are left out: they cannot be linked."""
    by_signature: dict[tuple, int] = {}
    profiles: list[Profile] = []
    members: list[list[int]] = []
    for i, claim in enumerate(claims):
        p = profile(claim)
        if not any(key[0] in "we" for key in p.keys):
            continue  # no word or name to recognise a fact by (a bare date line, a lone number)
        u = by_signature.get(p.signature)
        if u is None:
            by_signature[p.signature] = u = len(profiles)
            profiles.append(p)
            members.append([])
        members[u].append(i)
    return profiles, members

