"""Candidate pairs without comparing all pairs: prefix filtering over rarity-ordered keys.

Every claim is indexed under its keys.  A claim then looks up only its *prefix*: its rarest keys,
just enough of them that the keys left out weigh less than ``min_overlap`` of its total.  If two
claims share at least ``min_overlap`` of the smaller one's key weight (less than that scores zero),
the shared keys cannot all lie outside that claim's prefix, so the pair is found (Bayardo et al., "Scaling up all pairs similarity
search", 2007).  Keys held by more than ``KeyWeights.max_block`` claims (stop-word-like) weigh nothing
in scoring and are not looked up; they are what makes all-pairs quadratic.  The benchmark measures the
recall against an exhaustive comparison."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence

from workbench.xref.scoring import MIN_OVERLAP, KeyWeights
from workbench.xref.profile import Profile


# How many consecutive claims a share of the walk takes at a time: neighbours (a document's sentences,
# copies of one text) look up the same blocks, which then stay in the processor's cache, while the
# shares still get as much of the early (cheap) and late (dear) claims each.
SHARE_RUN = 1024


class Blocking:
    """The prefix-filtering index of a corpus, computed once; :meth:`pairs` walks it.  Forked workers
    share one (built before the fork) and each walks its own share of the claims."""

    def __init__(self, profiles: Sequence[Profile], weights: KeyWeights, *, min_overlap: float = MIN_OVERLAP,
                 df: Mapping[str, int] | None = None) -> None:
        """``df``: how many of ``profiles`` hold each key, when already counted (``weights.df`` of
        ``KeyWeights.from_profiles(profiles)``)."""
        cap = weights.max_block
        if df is None:
            df = Counter(key for p in profiles for key in p.keys)
        table = weights.table
        self.table = table
        totals = [weights.profile_weight(p.keys) for p in profiles]
        self.limits = [min_overlap * total for total in totals]
        self.prefixes = [_prefix(p, totals[i], df, table, min_overlap, cap) for i, p in enumerate(profiles)]
        # The keys a claim is indexed and looked up under: all but those too common to count (which
        # weigh nothing, so the overlap check needs only these too).
        self.indexed = [frozenset(key for key in p.keys if df[key] <= cap) for p in profiles]

    def pairs(self, share: int = 0, of: int = 1) -> Iterator[tuple[int, int]]:
        """Pairs ``(j, i)``, ``j < i``, whose shared keys weigh at least ``min_overlap`` of either
        claim's keys; with ``of`` > 1, only those with ``(i // SHARE_RUN) % of == share``.

        Claims are indexed in order under all their keys and under their prefix keys.  Each claim
        looks up its prefix among all keys of earlier claims, and all its keys among their prefixes,
        so a pair is found once, by its later claim, whichever side's prefix holds the shared key."""
        limits, prefixes, indexed = self.limits, self.prefixes, self.indexed
        weigh = self.table.__getitem__
        full: dict[str, list[int]] = defaultdict(list)
        prefixed: dict[str, list[int]] = defaultdict(list)
        for i, keys in enumerate(indexed):
            if (i // SHARE_RUN) % of == share:
                seen: set[int] = set()
                for key in prefixes[i]:
                    seen.update(full[key])
                for key in keys:
                    seen.update(prefixed[key])
                limit = limits[i]
                for j in seen:
                    shared = sum(map(weigh, keys & indexed[j]))
                    if shared >= limit or shared >= limits[j]:
                        yield j, i
            for key in keys:
                full[key].append(i)
            for key in prefixes[i]:
                prefixed[key].append(i)


def candidate_pairs(
    profiles: Sequence[Profile],
    weights: KeyWeights,
    *,
    min_overlap: float = MIN_OVERLAP,
) -> Iterator[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of profile indices that share enough rare keys to be worth scoring.

    Each pair is yielded once, and only if the keys they share weigh at least ``min_overlap`` of the
    lighter claim's keys (checked exactly, after the lookup).  ``weights`` are those of ``profiles``."""
    return Blocking(profiles, weights, min_overlap=min_overlap).pairs()


def _prefix(
    p: Profile, total: float, df: Mapping[str, int], weight: Mapping[str, float], min_overlap: float, cap: int,
) -> list[str]:
    """The rarest keys of ``p`` whose blocks are small enough to look up, until what is left out
    weighs less than ``min_overlap`` of the total."""
    chosen = []
    remaining = total
    ordered = sorted(p.keys)
    ordered.sort(key=df.__getitem__)  # stable: rarest first, ties by key
    for key in ordered:
        if remaining < min_overlap * total:
            break
        remaining -= weight[key]
        if df[key] <= cap:
            chosen.append(key)
    return chosen
