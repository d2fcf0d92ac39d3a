"""Cross-referencing at scale: 100,000 claims in under 20 s, without comparing all pairs.

    .venv/bin/python -m bench.bench_xref [--quick] [--claims N]

The first row is the default (blocking and scoring shared among forked workers, one per core); the
next times one process, which must give the same clusters.

Claims come from a synthetic corpus (bench.common.synthetic_corpus) run through the real pipeline.
That corpus reuses the sample's paragraphs, so most claims are exact copies; to make blocking work for
its recall, every claim is also reworded with a fixed seed: words dropped, swapped, and replaced from a
large made-up vocabulary (a long-tailed, Zipf-like one, as real vocabularies are).  Both corpora are timed.

Recall: on a random sample of claims, every pair is scored exhaustively (rapidfuzz.process.cdist for the
wording, on 2 workers, then the same scorer cross_reference uses), and the share of the pairs that can
link (at or above the threshold, and sharing MIN_OVERLAP of their key weight) that the blocking
proposed is reported.  The baseline row is the exhaustive
comparison: measured on the sample, extrapolated to the full corpus by the square of the size ratio."""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz, process

from bench.common import Row, cpu_count, print_table, synthetic_corpus, timed
from workbench.config import Config
from workbench.model import Claim, DateMention
from workbench.pipeline import load_and_extract
from workbench.xref import DEFAULT_THRESHOLD, KeyWeights, candidate_pairs, cross_reference, score_profiles, unique_profiles

TARGET_SECONDS = 20.0
TARGET_RECALL = 0.99
_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def corpus_claims(count: int, folder: Path) -> list[Claim]:
    """At least ``count`` claims from a synthetic corpus, through loading and extraction."""
    documents = max(10, count // 12)
    while True:
        path = synthetic_corpus(folder / f"docs_{documents}", documents)
        _, claims, _ = load_and_extract([path], Config())
        if len(claims) >= count:
            return claims[:count]
        documents = int(documents * count / max(1, len(claims)) * 1.1) + 1


def reworded(claims: list[Claim], *, seed: int = 11) -> list[Claim]:
    """The claims turned into a corpus of small families of paraphrases, as a real news corpus is: each
    family keeps a fifth of one claim's words and its mentions and draws the rest from a large made-up,
    long-tailed vocabulary, and has its dates moved and its numbers redrawn; its members (one to seven) then differ from each other by a dropped,
    swapped or replaced word or two."""
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choice(_LETTERS) for _ in range(rng.randint(3, 8))) for _ in range(200_000)]
    cumulative = list(itertools.accumulate(1.0 / (rank + 1) ** 0.9 for rank in range(len(vocabulary))))
    out: list[Claim] = []
    while len(out) < len(claims):
        base = claims[len(out)]
        words = base.text.split()
        drawn = rng.choices(vocabulary, cum_weights=cumulative, k=len(words))
        family = [old if rng.random() < 0.2 else new for old, new in zip(words, drawn)]
        shift = dt.timedelta(days=rng.randint(-2000, 2000))
        mentions = {
            "dates": tuple(_shifted(d, shift) for d in base.dates),
            "numbers": tuple(replace(n, value=rng.randint(1, 5000)) for n in base.numbers),
        }
        for _ in range(min(rng.randint(1, 7), len(claims) - len(out))):
            member = list(family)
            for _ in range(rng.randint(0, 2)):
                if len(member) < 4:
                    break
                k = rng.randrange(len(member) - 1)
                edit = rng.random()
                if edit < 0.33:
                    member[k], member[k + 1] = member[k + 1], member[k]
                elif edit < 0.66:
                    del member[k]
                else:
                    member[k] = rng.choices(vocabulary, cum_weights=cumulative)[0]
            source = claims[len(out)]
            out.append(replace(base, id=f"v{len(out)}", doc=source.doc, text=" ".join(member), **mentions))
    return out


def _shifted(mention: DateMention, shift: dt.timedelta) -> DateMention:
    """A date moved by ``shift`` (at its own granularity), so families do not all share one day."""
    moved = dt.date.fromisoformat({"day": mention.value, "month": mention.value + "-01"}.get(mention.granularity, mention.value + "-01-01")) + shift
    value = {"day": moved.isoformat(), "month": moved.isoformat()[:7]}.get(mention.granularity, str(moved.year))
    return replace(mention, value=value)


def exhaustive_pairs(claims: list[Claim], weights: KeyWeights, threshold: float) -> tuple[float, float, set[tuple[int, int]]]:
    """All pairs of ``claims`` scored: (cdist seconds, total seconds, pairs at or above threshold)."""
    profiles = [unique_profiles([c])[0] for c in claims]
    texts = [p[0].text if p else "" for p in profiles]
    start = time.perf_counter()
    token_set = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=2)
    token_sort = process.cdist(texts, texts, scorer=fuzz.token_sort_ratio, workers=2)
    cdist_seconds = time.perf_counter() - start
    above = set()
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if not profiles[i] or not profiles[j]:
                continue
            text = (0.6 * float(token_set[i, j]) + 0.4 * float(token_sort[i, j])) / 100.0
            scored = score_profiles(profiles[i][0], profiles[j][0], weights,
                                    same_document=claims[i].doc == claims[j].doc, text=text)
            if scored.linkable and scored.score >= threshold:
                above.add((i, j))
    return cdist_seconds, time.perf_counter() - start, above


def blocking_recall(claims: list[Claim], sample_size: int, threshold: float, seed: int = 5) -> tuple[float, int, float, float]:
    """(recall, pairs above threshold, cdist seconds, exhaustive seconds) on a random sample."""
    profiles, members = unique_profiles(claims)
    weights = KeyWeights.from_profiles(profiles)
    kind_of = {i: u for u, group in enumerate(members) for i in group}
    found = set(candidate_pairs(profiles, weights))
    sample = sorted(random.Random(seed).sample(range(len(claims)), min(sample_size, len(claims))))
    cdist_seconds, seconds, above = exhaustive_pairs([claims[i] for i in sample], weights, threshold)
    hits = 0
    for i, j in above:
        u, v = sorted((kind_of[sample[i]], kind_of[sample[j]]))
        hits += u == v or (u, v) in found
    return (hits / len(above) if above else 1.0), len(above), cdist_seconds, seconds


def run(count: int, sample_size: int) -> None:
    threshold = DEFAULT_THRESHOLD
    with tempfile.TemporaryDirectory(prefix="bench_xref_") as tmp:
        seconds, claims = timed(lambda: corpus_claims(count, Path(tmp)))
    print(f"{len(claims):,} claims extracted in {seconds:.1f} s (not part of the measure); {cpu_count()} cores")
    rows = []
    for name, corpus in (("copies", claims), ("reworded", reworded(claims))):
        seconds, clusters = timed(lambda: cross_reference(corpus, threshold=threshold))
        serial_seconds, serial = timed(lambda: cross_reference(corpus, threshold=threshold, workers=1))
        recall, above, cdist_seconds, exhaustive_seconds = blocking_recall(corpus, sample_size, threshold)
        scale = (len(corpus) / sample_size) ** 2
        rows.append(Row(f"xref {len(corpus):,} claims ({name})", seconds, "s",
                        baseline=cdist_seconds * scale, baseline_name="cdist all pairs, extrapolated",
                        target=f"< {TARGET_SECONDS:.0f} s", ok=seconds < TARGET_SECONDS))
        rows.append(Row("  in one process (the same clusters)", serial_seconds, "s", ok=serial == clusters))
        rows.append(Row(f"  exhaustive scoring, {sample_size:,}-claim sample", exhaustive_seconds, "s"))
        rows.append(Row(f"  blocking recall vs exhaustive ({above:,} pairs >= {threshold})", recall * 100, "%",
                        target=f">= {TARGET_RECALL:.0%}", ok=recall >= TARGET_RECALL))
        rows.append(Row("  clusters", len(clusters), "clusters"))
        rows.append(Row("  claims in clusters", sum(len(c.claims) for c in clusters), "claims"))
    print_table(f"workbench xref: {len(claims):,} claims", rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 claims and a smaller sample")
    parser.add_argument("--claims", type=int, help="number of claims (default 100,000; 10,000 with --quick)")
    args = parser.parse_args()
    count = args.claims or (10_000 if args.quick else 100_000)
    run(count, sample_size=600 if args.quick else 1_500)


if __name__ == "__main__":
    main()
