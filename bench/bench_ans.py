"""Contradiction flagging on the ANS stance pairs (tests/data/ans): each pair is two one-sentence
documents without a publication date, run through extraction, cross-referencing and the rules.

    .venv/bin/python -m bench.bench_ans [--split dev|train|both]

Reported, per split:
- contradiction (``disagree``) pairs whose two sentences differ in a number or a date, and the share of
  them that date-conflict or number-conflict flags (target: 95%).  "Differ" is decided apart from the
  rules: each sentence states a number or date the other does not (by digit strings, or by the values
  the extractor reads), one replaced by another.  A number only one sentence states is an omission, not
  a different number, and a rank is not replaced by a quantity: "أول ناقلة نفط تغادر" against "توقف
  التصدير بعد ثلاثة عقود" is two statements, not two values for one thing.  The count without that
  last condition is printed beside it;
- paraphrase (``agree``) pairs, and the share flagged (target: under 5%);
- as diagnostics, how many of each were put in one cluster (the rules only compare clustered claims),
  and the share flagged of the contradictions whose differing values are comparable: a date against a
  date, or numbers of one unit (a "first" tanker against "three decades" differs in a number, but in
  no quantity a rule should compare).

The baseline, measured in the same run, is what a checker without workbench would script: flag a pair
when rapidfuzz's token_set_ratio of the two sentences is at least 50 and their digit strings differ.

The shipped rules are used as they are: the dev split is reported next to train so that a change
that only helps dev shows.
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from bench.common import ROOT, Row, print_table
from workbench.config import BUNDLED_RULES, Config
from workbench.extract import Extractor
from workbench.model import Claim, Document
from workbench.rules import RuleContext, load_rules, run_rules
from workbench.rules.mentions import same_unit
from workbench.text import fold_digits
from workbench.xref import cross_reference

DATA = ROOT / "tests" / "data" / "ans"
CONFLICT_RULES = {"date-conflict", "number-conflict"}
TARGET_FLAGGED, TARGET_FALSE = 0.95, 0.05
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
BASELINE_SIMILARITY = 50


@dataclass(frozen=True)
class Outcome:
    stance: str
    differs: bool  # a number or date of one sentence is replaced by another in the other
    differs_loosely: bool  # each sentence states a number or date the other lacks
    comparable: bool  # ... in a date, or in numbers of one unit
    clustered: bool
    flagged: bool
    baseline_flagged: bool  # the naive similarity-plus-digits flagger


def _values(claims: list[Claim]) -> list[str]:
    """Dates and numbers as comparable strings (the year 2014 and the number 2014 are one value)."""
    numbers = [n.value for c in claims for n in c.numbers]
    return [d.value for c in claims for d in c.dates] + [_value_key(v) for v in numbers]


def _differ_comparably(a: list[Claim], b: list[Claim]) -> bool:
    dates = [{d.value for c in side for d in c.dates} for side in (a, b)]
    if dates[0] - dates[1] and dates[1] - dates[0]:
        return True
    numbers = [[n for c in side for n in c.numbers] for side in (a, b)]
    return any(same_unit(x.unit, y.unit) and x.value != y.value
               and all(y.value != z.value for z in numbers[0] if same_unit(z.unit, y.unit))
               for x in numbers[0] for y in numbers[1])


def _stated(claims: list[Claim], text: str) -> set[tuple[str, bool]]:
    """Every date, number and digit string of a sentence as (value, whether it is a rank)."""
    return ({(d.value, False) for c in claims for d in c.dates}
            | {(_value_key(n.value), n.ordinal) for c in claims for n in c.numbers}
            | {(digits, False) for digits in _DIGITS.findall(fold_digits(text))})


def _replaced(a: list[Claim], b: list[Claim], text_a: str, text_b: str) -> bool:
    """Whether a value only one sentence states stands against one only the other states, a rank
    against a rank or a quantity or date against a quantity or date."""
    stated = _stated(a, text_a), _stated(b, text_b)
    return any(x[1] == y[1] for x in stated[0] - stated[1] for y in stated[1] - stated[0])


def _value_key(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def judge_pair(s1: str, s2: str, stance: str, extractor: Extractor, rules) -> Outcome:
    documents = [Document(id="s1", text=s1), Document(id="s2", text=s2)]
    claims = {d.id: extractor.claims(d) for d in documents}
    every = claims["s1"] + claims["s2"]
    digits = [Counter(_DIGITS.findall(fold_digits(s))) for s in (s1, s2)]
    values = [Counter(_values(claims[d])) for d in ("s1", "s2")]
    differs_loosely = any(a - b and b - a for a, b in (digits, values))
    differs = differs_loosely and _replaced(claims["s1"], claims["s2"], s1, s2)
    comparable = _differ_comparably(claims["s1"], claims["s2"])
    clusters = cross_reference(every)
    clustered = any({"s1", "s2"} <= set(k.docs) for k in clusters)
    context = RuleContext(documents={d.id: d for d in documents}, claims={c.id: c for c in every}, clusters=clusters)
    flagged = any(f.rule in CONFLICT_RULES and {"s1", "s2"} <= set(f.docs) for f in run_rules(rules, context))
    similar = fuzz.token_set_ratio(fold_digits(s1), fold_digits(s2)) >= BASELINE_SIMILARITY
    return Outcome(stance, differs, differs_loosely, comparable, clustered, flagged, similar and digits[0] != digits[1])


def read_pairs(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["s1"], row["s2"], row["stance"]) for row in csv.DictReader(handle)]


def share(outcomes: list[Outcome], attribute: str) -> float:
    return sum(getattr(o, attribute) for o in outcomes) / len(outcomes) if outcomes else 0.0


def run_split(name: str) -> list[Outcome]:
    extractor = Extractor.from_config(Config())
    rules = [r for r in load_rules([BUNDLED_RULES]) if r.id in CONFLICT_RULES]
    pairs = read_pairs(DATA / f"{name}.csv")
    start = time.perf_counter()
    outcomes = [judge_pair(s1, s2, stance, extractor, rules) for s1, s2, stance in pairs]
    elapsed = time.perf_counter() - start
    contradictions = [o for o in outcomes if o.stance == "disagree" and o.differs]
    paraphrases = [o for o in outcomes if o.stance == "agree"]
    flagged, false_alarms = share(contradictions, "flagged"), share(paraphrases, "flagged")
    print_table(f"ANS {name}: {len(pairs)} pairs in {elapsed:.1f} s; {len(contradictions)} contradictions that "
                f"differ in a number or date, {len(paraphrases)} paraphrases", [
        Row("contradictions flagged", 100 * flagged, "%", 100 * share(contradictions, "baseline_flagged"),
            "similarity + digits", target=f">= {TARGET_FLAGGED:.0%}", ok=flagged >= TARGET_FLAGGED,
            higher_is_better=True),
        Row("paraphrases flagged", 100 * false_alarms, "%", 100 * share(paraphrases, "baseline_flagged"),
            "similarity + digits", target=f"< {TARGET_FALSE:.0%}", ok=false_alarms < TARGET_FALSE),
        Row("flagged, of those with any value only one states",
            100 * share([o for o in outcomes if o.stance == "disagree" and o.differs_loosely], "flagged"), "%"),
        Row("contradictions clustered", 100 * share(contradictions, "clustered"), "%"),
        Row("flagged, of those differing in comparable values",
            100 * share([o for o in contradictions if o.comparable], "flagged"), "%"),
        Row("flagged, of the clustered contradictions",
            100 * share([o for o in contradictions if o.clustered], "flagged"), "%"),
        Row("paraphrases clustered", 100 * share(paraphrases, "clustered"), "%"),
    ])
    return outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train", "both"), default=None,
                        help="which ANS split (default: both; dev only with --quick)")
    parser.add_argument("--quick", action="store_true", help="the dev split only")
    args = parser.parse_args()
    split = args.split or ("dev" if args.quick else "both")
    for name in (("dev", "train") if split == "both" else (split,)):
        run_split(name)


if __name__ == "__main__":
    main()
