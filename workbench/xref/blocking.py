"""Candidate pairs without comparing all pairs: prefix filtering over rarity-ordered keys.

Every claim is indexed under its keys.  A claim then looks up only its *prefix*: its rarest keys,
just enough of them that the keys left out weigh less than ``min_overlap`` of its total.  If two
claims share at least ``min_overlap`` of the smaller one's key weight, the shared keys cannot all lie
outside that claim's prefix, so the pair is found (Bayardo et al., "Scaling up all pairs similarity
search", 2007).  Keys held by more than ``max_block`` claims (stop-word-like) are not looked up; they
are what makes all-pairs quadratic, and they are the weakest evidence anyway.  The benchmark measures
the recall this costs against an exhaustive comparison."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence

from workbench.xref.scoring import KeyWeights
from workbench.xref.profile import Profile

MIN_OVERLAP = 0.15


def default_max_block(count: int) -> int:
    """Large enough that a small corpus is compared fully, small enough that a key shared by a
    sizeable share of a large corpus is skipped."""
    return max(200, int(4 * math.sqrt(count)))


def candidate_pairs(
    profiles: Sequence[Profile],
    weights: KeyWeights,
    *,
    min_overlap: float = MIN_OVERLAP,
    max_block: int | None = None,
) -> Iterator[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of profile indices that share enough rare keys to be worth scoring.

    Each pair is yielded once, and only if the keys they share weigh at least ``min_overlap`` of the
    lighter claim's keys (checked exactly, after the lookup)."""
    cap = max_block if max_block is not None else default_max_block(len(profiles))
    index: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        for key in p.keys:
            index[key].append(i)
    weight_of = {key: weights.weight(key) for key in index}
    totals = [weights.profile_weight(p.keys) for p in profiles]
    lookups = [_prefix(p, totals[i], index, weight_of, min_overlap, cap) for i, p in enumerate(profiles)]
    for i, p in enumerate(profiles):
        seen: set[int] = set()
        for key in lookups[i]:
            seen.update(index[key])
        seen.discard(i)
        for j in sorted(seen):
            if j < i and not lookups[j].isdisjoint(p.keys):
                continue  # j's own lookup reached i: already yielded
            other = profiles[j]
            shared = sum(weight_of[k] for k in p.keys & other.keys)
            if shared >= min_overlap * min(totals[i], totals[j]):
                yield (i, j) if i < j else (j, i)


def _prefix(
    p: Profile, total: float, index: dict[str, list[int]], weight_of: dict[str, float],
    min_overlap: float, cap: int,
) -> frozenset[str]:
    """The rarest keys of ``p`` whose blocks are small enough to look up, until what is left out
    weighs less than ``min_overlap`` of the total."""
    chosen = []
    remaining = total
    for key in sorted(p.keys, key=lambda k: (len(index[k]), k)):
        if remaining < min_overlap * total:
            break
        remaining -= weight_of[key]
        if len(index[key]) <= cap:
            chosen.append(key)
    return frozenset(chosen)
