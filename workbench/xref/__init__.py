"""Cross-referencing: group the claims that state the same fact, across documents.

    profiles -> blocking (candidate pairs, never all pairs) -> scoring -> constrained merging

Claims with the same content (syndicated copies) are blocked and scored once.  In a large corpus,
blocking and scoring are shared out among forked workers, each taking every n-th run of claims; the
clusters are the same as one process makes.  Reviewers' pair judgements are honoured: "same" is a must-link,
"different" a cannot-link, "unsure" changes nothing."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, Sequence

from workbench.model import Claim, Cluster, stable_id
from workbench.parallel import cores, cyclic_gc_paused, in_workers
from workbench.xref.blocking import MIN_OVERLAP, Blocking, candidate_pairs
from workbench.xref.clusters import Groups
from workbench.xref.profile import Profile, profile
from workbench.xref.scoring import DEFAULT_THRESHOLD, KeyWeights, PairScore, quick_score, score_pair, score_profiles

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


# Below this many claims one process is quicker than forking workers.
PARALLEL_MIN_CLAIMS = 20_000


def cross_reference(
    claims: Sequence[Claim],
    *,
    judgements: Mapping[frozenset[str], str] = {},
    threshold: float = DEFAULT_THRESHOLD,
    workers: int | None = None,
) -> list[Cluster]:
    """Clusters of claims about the same fact, in order of their first claim; claims inside a
    cluster keep the input order.  Judgements naming claims not in ``claims`` are ignored (they
    belong to documents not loaded this time).  ``workers``: processes to block and score with
    (default: the machine's cores for a large corpus, else one); the result does not depend on it."""
    if workers is None:
        workers = cores() if len(claims) >= PARALLEL_MIN_CLAIMS else 1
    with cyclic_gc_paused():
        return _cross_reference(claims, judgements, threshold, workers)


def _cross_reference(claims: Sequence[Claim], judgements: Mapping[frozenset[str], str], threshold: float,
                     workers: int) -> list[Cluster]:
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
    for u, v, score, linkable, lasting in pairs.candidates(Blocking(profiles, pairs.weights, df=pairs.weights.df), workers):
        if linkable and score >= threshold:
            edges.append((score, members[u][0], members[v][0], lasting))
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
        self._docs = [frozenset([claims[i].doc for i in group]) for group in members]
        self._scores: dict[tuple[int, int], float] = {}

    def score(self, u: int, v: int) -> PairScore:
        same = not self._docs[u].isdisjoint(self._docs[v])
        scored = score_profiles(self.profiles[u], self.profiles[v], self.weights, same_document=same)
        self._scores[(u, v) if u < v else (v, u)] = scored.score
        return scored

    def quick(self, u: int, v: int) -> tuple[float, bool, bool]:
        """(score, linkable, lasting) of a pair, remembered."""
        same = not self._docs[u].isdisjoint(self._docs[v])
        found = quick_score(self.profiles[u], self.profiles[v], self.weights, same)
        self._scores[(u, v) if u < v else (v, u)] = found[0]
        return found

    def likeness(self, u: int, v: int) -> float:
        found = self._scores.get((u, v) if u < v else (v, u))
        return self.quick(u, v)[0] if found is None else found

    def candidates(self, blocking: Blocking, workers: int) -> Iterator[tuple[int, int, float, bool, bool]]:
        """Every candidate pair the blocking finds, scored: ``(u, v, score, linkable, lasting)``, share
        by share.  With ``workers`` > 1 this process takes one share and forked workers the others;
        their scores are remembered here as if scored here.  The order of the pairs varies with
        ``workers``, but nothing built from them does: edges are sorted before merging."""
        found = in_workers(lambda share, of: _score_share(blocking, self, share, of), workers)
        for earlier, later, scores, flags in found:
            for u, v, score, flag in zip(earlier, later, scores, flags):
                self._scores[(u, v)] = score
                yield u, v, score, bool(flag & 1), bool(flag & 2)


# A share of scored pairs, packed to cross a process boundary cheaply: earlier claims, later claims,
# scores, and flags (1: linkable, 2: lasting figure).
Share = tuple[array, array, array, bytes]


def _score_share(blocking: Blocking, scorer: _Scorer, share: int, of: int) -> Share:
    earlier, later, scores, flags = array("l"), array("l"), array("d"), bytearray()
    for u, v in blocking.pairs(share, of):
        score, linkable, lasting = scorer.quick(u, v)
        earlier.append(u)
        later.append(v)
        scores.append(score)
        flags.append(linkable | lasting << 1)
    return earlier, later, scores, bytes(flags)


def unique_profiles(claims: Sequence[Claim]) -> tuple[list[Profile], list[list[int]]]:
    """Distinct profiles and, for each, the indices of the claims that have it, in input order.
    Claims without a content word or an entity are left out: they cannot be linked.  (Built in one
    process: forked workers would each meet most words afresh, and the profiles' trip back costs
    what the second core saves.)"""
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
