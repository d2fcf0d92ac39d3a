"""How alike two claims are, and why: the score the clusters are built from and the TUI explains.

The score mixes three kinds of evidence, none of which decides alone:
- the wording, by rapidfuzz's token-based scorers on content stems (word order is free in Arabic news);
- the shared keys weighted by rarity (IDF): a rare word, an entity or a day shared by two claims says
  more than a common one;
- the event: the same day and the same kind of event raise the score; two different kinds of event
  lower it; dates too far apart (another month, another year) mark two different events.  Dates only
  a little apart (8 vs 10 March) do not: that is the conflict the rules are there to find.  Nor do
  they when both claims rank or count the same lasting thing (the coalition's 90th member, the seats
  of a parliament): a claim can state several facts, and that one is not tied to the day reported."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz

from workbench.config import DEFAULT_XREF_THRESHOLD
from workbench.model import Claim
from workbench.xref.profile import KIND_WEIGHTS, Profile, profile

# Dates further apart than this are different events (a month and a half covers a month-only date
# against a day in the next month).
MAX_DATE_GAP_DAYS = 45
NEAR_DAYS = 7
# The least share of the lighter claim's key weight two claims must share to be linked directly.
MIN_OVERLAP = 0.25
DEFAULT_THRESHOLD = DEFAULT_XREF_THRESHOLD


# The most claims a key may be shared by and still count.  Large enough that a small corpus counts
# every key; in a large corpus a key shared by more is a stop word there (a country name, a common
# verb): it is the weakest evidence, and it is what would make comparison quadratic.
MAX_BLOCK = 200


# Claims assumed besides the corpus, none holding the key: in a handful of claims every key is rare
# or common only by chance, and a pair would weigh the keys it shares below the ones it does not
# (log(1 + 2/2) against log(1 + 2/1)).  Negligible in a corpus of thousands.
PRIOR_CLAIMS = 20


class KeyWeights:
    """Rarity of each key in a corpus: idf = log(1 + (N + PRIOR_CLAIMS) / df), times the weight of the key's kind;
    zero for a key held by more than ``max_block`` claims, which blocking does not look up either.
    With no corpus (two claims compared alone) every key weighs its kind's weight times log 2.
    Weights are computed once per key and kept: scoring looks them up millions of times."""

    __slots__ = ("df", "total", "max_block", "table", "_totals")

    def __init__(self, df: Mapping[str, int], total: int, max_block: int = MAX_BLOCK) -> None:
        self.df = df
        self.total = max(total, 1)
        self.max_block = max_block
        self.table = _WeightTable(self)  # key -> weight, filled on first use
        self._totals: dict[frozenset[str], float] = {}

    @classmethod
    def from_profiles(cls, profiles: Iterable[Profile]) -> "KeyWeights":
        df: Counter[str] = Counter()
        total = 0
        for p in profiles:
            df.update(p.keys)
            total += 1
        return cls(df, total)

    def compute(self, key: str) -> float:
        df = max(1, self.df.get(key, 1))
        return 0.0 if df > self.max_block else KIND_WEIGHTS[key[0]] * math.log(1.0 + (self.total + PRIOR_CLAIMS) / df)

    def weight(self, key: str) -> float:
        return self.table[key]

    def total_weight(self, keys: Iterable[str]) -> float:
        return sum(map(self.table.__getitem__, keys))

    def profile_weight(self, keys: frozenset[str]) -> float:
        """The total weight of a profile's keys, remembered per key set."""
        found = self._totals.get(keys)
        if found is None:
            found = self._totals[keys] = self.total_weight(keys)
        return found


class _WeightTable(dict):
    """A dict that computes a missing key's weight once; ``map(table.__getitem__, keys)`` then sums
    weights at C speed."""

    def __init__(self, owner: KeyWeights) -> None:
        super().__init__()
        self._owner = owner

    def __missing__(self, key: str) -> float:
        value = self[key] = self._owner.compute(key)
        return value


NO_CORPUS = KeyWeights({}, 1)


@dataclass(frozen=True, slots=True)
class PairScore:
    """The score of a pair of claims with the evidence behind it, for people as much as for code."""

    score: float  # 0..1
    text: float  # 0..1, wording
    overlap: float  # 0..1, rarity-weighted share of keys
    shared: tuple[str, ...]  # shared keys, rarest first (w: stem, e: entity, d: day, m: month, n: number)
    events: tuple[str, ...]  # event kinds both name
    event_clash: bool  # both name a kind of event, but no kind in common
    dates_apart: bool  # both are dated, and no two of their dates are within MAX_DATE_GAP_DAYS
    same_document: bool = False
    # Whether the pair shares enough (MIN_OVERLAP of the lighter claim's key weight) to be linked
    # directly; a weaker pair still counts towards how alike two groups are.  Blocking provably
    # finds every such pair.
    linkable: bool = True
    # Lasting figure slots both give (q:rank:member, q:count:seat), whatever the values: such a pair
    # may link across dates far apart.
    figures: tuple[str, ...] = ()

    def reasons(self) -> list[str]:
        """Short phrases a reviewer can read: why these two were (or were not) linked."""
        out = [f"wording {self.text:.0%}", f"shared keys {self.overlap:.0%}"]
        for prefix, label in (("e:", "entity"), ("d:", "day"), ("m:", "month"), ("n:", "number"),
                              ("q:", "counts or ranks"), ("w:", "word")):
            values = [k[2:] for k in self.shared if k.startswith(prefix)]
            if values:
                out.append(f"{label}: {', '.join(values[:6])}")
        if self.events:
            out.append(f"same kind of event: {', '.join(self.events)}")
        if self.event_clash:
            out.append("different kinds of event")
        if self.same_document:
            out.append("same document")
        if not self.linkable:
            out.append("too little in common to link directly")
        if self.dates_apart:
            out.append(f"dates more than {MAX_DATE_GAP_DAYS} days apart")
            if self.figures:
                out.append("but the same lasting figure: " + ", ".join(f[2:] for f in self.figures))
        return out


def dates_apart(a: tuple[tuple[int, int], ...], b: tuple[tuple[int, int], ...]) -> bool:
    """True when both sides are dated and no date of one is near a date of the other."""
    if not a or not b:
        return False
    return all(_gap(x, y) > MAX_DATE_GAP_DAYS for x in a for y in b)


def _near_days(a: tuple[tuple[int, int], ...], b: tuple[tuple[int, int], ...]) -> bool:
    """Some date of one is within a week of (or inside the month of) a date of the other."""
    return any(_gap(x, y) <= NEAR_DAYS for x in a for y in b)


def _gap(x: tuple[int, int], y: tuple[int, int]) -> int:
    return max(0, y[0] - x[1], x[0] - y[1])


def text_similarity(a: str, b: str) -> float:
    """Wording similarity of two stem strings.  token_set_ratio forgives reordering and a claim
    embedded in a longer one; token_sort_ratio keeps a one-word overlap from scoring as a match."""
    if not a or not b:
        return 0.0
    return (0.6 * fuzz.token_set_ratio(a, b) + 0.4 * fuzz.token_sort_ratio(a, b)) / 100.0


def score_profiles(
    a: Profile, b: Profile, weights: KeyWeights = NO_CORPUS, *, same_document: bool = False, text: float | None = None,
) -> PairScore:
    """The score of two profiles with its evidence (``text``: their wording similarity, when already
    computed in bulk)."""
    score, text, overlap, counted, events, clash, apart, figures, linkable = _evaluate(
        a, b, weights, same_document, text)
    table = weights.table
    shared = tuple(sorted(counted, key=lambda k: (-table[k], k)))
    return PairScore(score, text, overlap, shared, events, clash, apart, same_document, linkable, figures)


def quick_score(a: Profile, b: Profile, weights: KeyWeights, same_document: bool) -> tuple[float, bool, bool]:
    """(score, linkable, lasting figure in common) as :func:`score_profiles` finds them, without the
    explanation: what the bulk of candidate pairs needs."""
    score, _, _, _, _, _, _, figures, linkable = _evaluate(a, b, weights, same_document, None)
    return score, linkable, bool(figures)


def _evaluate(a: Profile, b: Profile, weights: KeyWeights, same_document: bool, text: float | None) -> tuple:
    """``same_document``: a writer restating a fact (title, lede, body) is the likeliest kind of
    look-alike, so such pairs get a small bonus and merge first; the group then carries the dates
    and names of the whole passage into comparisons with other documents."""
    table = weights.table
    shared_keys = a.keys & b.keys
    counted = [k for k in shared_keys if table[k]]
    shared_weight = sum(map(table.__getitem__, counted))
    weight_a = weights.profile_weight(a.keys) or 1.0
    weight_b = weights.profile_weight(b.keys) or 1.0
    # Between the overlap coefficient (a short claim inside a long one) and Dice (equal claims).
    coefficient = shared_weight / min(weight_a, weight_b)
    overlap = 0.5 * coefficient + shared_weight / (weight_a + weight_b)
    if text is None:
        text = text_similarity(a.text, b.text)
    events = tuple(sorted(a.events & b.events)) if a.events and b.events else ()
    clash = bool(a.events and b.events and not events)
    apart = dates_apart(a.spans, b.spans)
    kinds = {k[0] for k in counted}
    near = not apart and _near_days(a.spans, b.spans)
    score = 0.4 * text + 0.6 * min(1.0, overlap)
    entities = sum(k[0] == "e" for k in counted)
    score += 0.04 * min(3, entities)
    if "d" in kinds:
        score += 0.12
    elif near and events:
        score += 0.06  # 8 vs 10 March for one agreement: compatible, and the conflict the rules look for
    if "n" in kinds:
        score += 0.06
    if events:
        score += 0.05
    if same_document:
        score += 0.05
    if clash:
        score -= 0.15
    # The same lasting figure of the same named thing (Syria, the coalition): one state of things.
    figures = tuple(sorted(a.lasting & b.lasting)) if a.lasting and b.lasting and entities and not clash else ()
    if apart and not figures:
        score -= 0.3
    if shared_weight == 0:
        score = 0.0  # only stop words, or keys too common in this corpus to mean anything
    return (max(0.0, min(1.0, score)), text, min(1.0, overlap), counted, events, clash, apart, figures,
            coefficient >= MIN_OVERLAP)


def score_pair(a: Claim, b: Claim, weights: KeyWeights = NO_CORPUS) -> PairScore:
    """Score two claims.  Pass ``KeyWeights.from_profiles`` of the corpus to weigh keys by their
    rarity there (what :func:`cross_reference` does); without it every key counts by its kind only."""
    return score_profiles(profile(a), profile(b), weights, same_document=a.doc == b.doc)
