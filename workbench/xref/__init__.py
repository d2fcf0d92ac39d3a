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
    weights = KeyWeights.from_profiles(profiles)
    docs = [frozenset(claims[i].doc for i in group) for group in members]
    for u, v in candidate_pairs(profiles, weights, min_overlap=min_overlap):
        same = not docs[u].isdisjoint(docs[v])
        yield members[u][0], members[v][0], score_profiles(profiles[u], profiles[v], weights, same_document=same)


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
    weights = KeyWeights.from_profiles(profiles)
    position = {c.id: i for i, c in enumerate(claims)}
    kinds = [-1] * len(claims)
    for u, group in enumerate(members):
        for i in group:
            kinds[i] = u
    scores: dict[tuple[int, int], float] = {}

    docs = [frozenset(claims[i].doc for i in group) for group in members]

    def likeness(u: int, v: int) -> float:
        key = (u, v) if u < v else (v, u)
        if key not in scores:
            scores[key] = score_profiles(profiles[u], profiles[v], weights, same_document=not docs[u].isdisjoint(docs[v])).score
        return scores[key]

    groups = Groups(kinds, likeness, threshold)
    known = [(pair, verdict) for pair, verdict in judgements.items() if len(pair) == 2 and pair <= position.keys()]
    for pair, verdict in sorted(known, key=lambda item: sorted(item[0])):
        if verdict == "different":
            a, b = sorted(position[c] for c in pair)
            groups.keep_apart(a, b)
    for pair, verdict in sorted(known, key=lambda item: sorted(item[0])):
        if verdict == "same":
            a, b = sorted(position[c] for c in pair)
            groups.link(a, b, 1.0, forced=True)
    edges: list[tuple[float, int, int]] = []
    for group in members:
        edges.extend((1.0, group[0], other) for other in group[1:])
    for u, v in candidate_pairs(profiles, weights):
        score = likeness(u, v)
        if score >= threshold:
            edges.append((score, members[u][0], members[v][0]))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    for score, a, b in edges:
        groups.link(a, b, score)
    clusters = []
    for indices, score in groups.groups():
        ids = tuple(claims[i].id for i in indices)
        docs = tuple(dict.fromkeys(claims[i].doc for i in indices))
        clusters.append((indices[0], Cluster(stable_id("k", *sorted(ids)), ids, docs, score)))
    clusters.sort(key=lambda item: item[0])
    return [cluster for _, cluster in clusters]


def unique_profiles(claims: Sequence[Claim]) -> tuple[list[Profile], list[list[int]]]:
    """Distinct profiles and, for each, the indices of the claims that have it, in input order.
    Claims without any key are left out: they cannot be linked."""
    by_signature: dict[tuple, int] = {}
    profiles: list[Profile] = []
    members: list[list[int]] = []
    for i, claim in enumerate(claims):
        p = profile(claim)
        if not p.keys:
            continue  # nothing a fact could be recognised by (a bare date line, a lone number)
        u = by_signature.get(p.signature)
        if u is None:
            by_signature[p.signature] = u = len(profiles)
            profiles.append(p)
            members.append([])
        members[u].append(i)
    return profiles, members

