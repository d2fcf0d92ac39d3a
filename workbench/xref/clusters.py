"""Grouping scored pairs into clusters under constraints.

Pairs are merged strongest first (like Kruskal's algorithm), but a merge is refused when it would put
together two claims a reviewer judged "different"; two dated claims whose dates are all far apart (two
events, however alike the wording: a claim with no date cannot bridge them), unless the pair that
links them gives the same lasting figure (the 90th member, reported in November and again in
February: a claim can state several facts); or two groups that are not
alike as wholes: the mean score between their members (average linkage, on a few representatives of
each) must come near the threshold too, so that a chain of pairwise look-alikes (oil rises, oil falls,
the dollar falls ...) does not become one "fact".
A reviewer's "same" is merged before anything and skips the likeness checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from workbench.xref.scoring import dates_apart

Spans = tuple[tuple[int, int], ...]

# How many distinct members of a group stand for it in the average-linkage check.
REPRESENTATIVES = 6
# How far below the pair threshold the mean score of two groups may be: a fact reported five ways
# has some weak pairs (a title against a body sentence) that the strong pairs vouch for.
GROUP_SLACK = 0.1


class Groups:
    """Union-find over claim indices that keeps, per group, the groups it may never join, a few
    representatives, and the scores of the links that built it."""

    def __init__(self, kinds: Sequence[int], spans: Sequence[Spans],
                 likeness: Callable[[int, int], float], threshold: float) -> None:
        """``kinds[i]`` is the distinct-content class of claim i (copies share one; -1 for a claim that
        cannot be scored); ``spans[k]`` the date spans of class k; ``likeness(k, l)`` the pair score
        of two classes."""
        self._parent = list(range(len(kinds)))
        self._reps: list[list[int]] = [[k] if k >= 0 else [] for k in kinds]
        # Per group, its events: sets of date spans all near each other.  A group has more than one
        # only once a lasting figure has linked reports of two times.
        self._events: list[list[set[Spans]]] = [[{spans[k]}] if k >= 0 and spans[k] else [] for k in kinds]
        self._likeness = likeness
        self._threshold = threshold
        self._apart: dict[int, set[int]] = {}
        self._scores: dict[int, list[float]] = {}

    def find(self, i: int) -> int:
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def keep_apart(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self._apart.setdefault(a, set()).add(b)
            self._apart.setdefault(b, set()).add(a)

    def link(self, i: int, j: int, score: float, *, forced: bool = False, lasting: bool = False) -> bool:
        """Merge the groups of i and j unless a constraint forbids it; ``forced`` (a reviewer's
        "same") skips the likeness checks but still respects a reviewer's "different"; ``lasting``
        (i and j give the same lasting figure) lets dates far apart meet."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        if b in self._apart.get(a, ()):
            return False
        if not forced and not self._alike(a, b, lasting):
            return False
        if len(self._scores.get(a, ())) < len(self._scores.get(b, ())):
            a, b = b, a
        self._parent[b] = a
        self._events[a] = _merge_events(self._events[a], self._events[b])
        self._events[b] = []
        reps = self._reps[a]
        reps.extend(k for k in self._reps[b] if k not in reps)
        del reps[REPRESENTATIVES:]
        self._reps[b] = []
        scores = self._scores.setdefault(a, [])
        scores.extend(self._scores.pop(b, ()))
        scores.append(score)
        for other in self._apart.pop(b, ()):
            partners = self._apart[other]
            partners.discard(b)
            partners.add(a)
            self._apart.setdefault(a, set()).add(other)
        return True

    def _alike(self, a: int, b: int, lasting: bool) -> bool:
        events_a, events_b = self._events[a], self._events[b]
        if events_a and events_b and not lasting and not any(
                _compatible(x, y) for x in events_a for y in events_b):
            return False
        pairs = [(k, l) for k in self._reps[a] for l in self._reps[b] if k != l]
        if not pairs:
            return True  # copies of one content
        return sum(self._likeness(k, l) for k, l in pairs) / len(pairs) >= self._threshold - GROUP_SLACK

    def groups(self) -> Iterable[tuple[list[int], float]]:
        """Groups of two or more, each as (member indices in order, mean score of its links)."""
        members: dict[int, list[int]] = {}
        for i in range(len(self._parent)):
            members.setdefault(self.find(i), []).append(i)
        for root, indices in members.items():
            if len(indices) > 1:
                scores = self._scores.get(root) or [0.0]
                yield indices, sum(scores) / len(scores)


def _compatible(x: set[Spans], y: set[Spans]) -> bool:
    """Two events that may be one: no date of one is far from a date of the other."""
    return not any(dates_apart(p, q) for p in x for q in y)


def _merge_events(ours: list[set[Spans]], theirs: list[set[Spans]]) -> list[set[Spans]]:
    """The events of two merged groups: each of theirs joins every one of ours it is compatible with,
    or stays an event of its own."""
    merged = [set(event) for event in ours]
    for event in theirs:
        partners = [m for m in merged if _compatible(m, event)]
        for m in partners:
            m |= event
        if not partners:
            merged.append(set(event))
    return merged
