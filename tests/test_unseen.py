"""The held-out articles (tests/data/unseen): the same checks as the sample corpus's gold tests
(test_gold_extraction, test_gold_findings), through the real pipeline, on articles the extraction
and the rules were not tuned on.  Expectations the code does not yet meet are strict xfails, so a fix
shows up as an unexpected pass."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from workbench.config import Config
from workbench.extract import Extractor
from tests.gold import check_date_found, check_not_a_date, check_number_found

UNSEEN = Path(__file__).parent / "data" / "unseen"
CORPUS = UNSEEN / "corpus"
GOLD = yaml.safe_load((UNSEEN / "gold.yaml").read_text(encoding="utf-8"))
RULES_DIR = Path(__file__).resolve().parent.parent / "rules"

# Held-out expectations the code does not meet yet: (kind, document, text) -> why.
KNOWN_MISSES: dict[tuple[str, str, str], str] = {
    ("finding", "u08_assembly_women", "number-conflict"):
        "cross-referencing leaves u07's '210 مقاعد' sentence out of every cluster, so 250 vs 210 seats is "
        "never compared (number-conflict fires when the two claims are clustered)",
}


@cache
def analysis():
    from workbench.pipeline import analyse

    config = Config(corpus=(CORPUS,), rules=(RULES_DIR,))
    return analyse([CORPUS], config)


@cache
def chrome_dates(doc_id: str):
    return tuple(Extractor.from_config(Config()).chrome_dates(analysis().document(doc_id)))


def _cases(kind: str):
    cases = []
    for doc_id, doc in GOLD["documents"].items():
        for item in doc.get(kind, []):
            why = KNOWN_MISSES.get((kind, doc_id, item["text"]))
            marks = [pytest.mark.xfail(reason=why, strict=True)] if why else []
            cases.append(pytest.param(doc_id, item, marks=marks, id=f"{doc_id[:3]}:{item['text']}"))
    return cases


def test_the_held_out_corpus_loads_without_problems():
    assert analysis().problems == []
    assert sorted(d.id for d in analysis().documents) == sorted(GOLD["documents"])


@pytest.mark.parametrize("doc_id", sorted(GOLD["documents"]))
def test_publication_date_is_read_from_the_date_line(doc_id):
    assert str(analysis().document(doc_id).published) == GOLD["documents"][doc_id]["published"]


@pytest.mark.parametrize("doc_id,item", _cases("dates"))
def test_date_found_with_its_value(doc_id, item):
    mentions = [m for c in analysis().claims_of(doc_id) for m in c.dates] + list(chrome_dates(doc_id))
    check_date_found(analysis().document(doc_id), mentions, item)


@pytest.mark.parametrize("doc_id,item", _cases("not_dates"))
def test_non_date_is_not_a_date(doc_id, item):
    check_not_a_date(analysis().document(doc_id), analysis().claims_of(doc_id), item["text"])


@pytest.mark.parametrize("doc_id,item", _cases("numbers"))
def test_number_found_with_its_value(doc_id, item):
    check_number_found(analysis().document(doc_id), analysis().claims_of(doc_id), item)


def _values(finding) -> set[str]:
    return {str(item.get("value")) for item in finding.values.get("items", [])}


def _finding_cases():
    cases = []
    for expected in GOLD["findings"]:
        why = KNOWN_MISSES.get(("finding", expected["docs"][0], expected["rule"]))
        marks = [pytest.mark.xfail(reason=why, strict=True)] if why else []
        cases.append(pytest.param(expected, marks=marks, id=f"{expected['rule']}:{expected['docs'][0][:3]}"))
    return cases


@pytest.mark.parametrize("expected", _finding_cases())
def test_finding_is_reported(expected):
    findings = analysis().findings
    first, others = expected["docs"][0], set(expected["docs"][1:])
    matching = [f for f in findings if f.rule == expected["rule"] and first in f.docs
                and (not others or others & set(f.docs))]
    assert matching, f"missing: {expected['about']}; got {[(f.rule, f.docs) for f in findings]}"


def _trap_cases():
    cases = []
    for number, trap in enumerate(GOLD["traps"]):
        why = KNOWN_MISSES.get(("trap", str(number), trap["rule"]))
        marks = [pytest.mark.xfail(reason=why, strict=True)] if why else []
        cases.append(pytest.param(trap, marks=marks, id=f"{number}:{trap['rule']}"))
    return cases


@pytest.mark.parametrize("trap", _trap_cases())
def test_trap_is_not_reported(trap):
    def sprung(finding) -> bool:
        if finding.rule != trap["rule"]:
            return False
        if "any_of" in trap:
            return bool(set(trap["any_of"]) & set(finding.docs))
        return set(trap["docs"]) <= set(finding.docs) and set(trap.get("values", ())) <= _values(finding)

    wrong = [(f.message, f.docs) for f in analysis().findings if sprung(f)]
    assert not wrong, f"{trap['about']}: {wrong}"


def test_every_finding_is_one_the_gold_lists():
    """Precision: a finding the gold does not list is a false alarm a checker would have to dismiss."""
    def listed(finding) -> bool:
        return any(finding.rule == g["rule"] and g["docs"][0] in finding.docs
                   and (len(g["docs"]) == 1 or set(g["docs"][1:]) & set(finding.docs)) for g in GOLD["findings"])

    extra = [(f.rule, f.docs, f.message) for f in analysis().findings if f.level != "info" and not listed(f)]
    assert not extra


def test_mentions_are_offsets_into_the_original_text():
    for claim in analysis().claims:
        document = analysis().document(claim.doc)
        assert document.text[claim.start:claim.end] == claim.text
        for mention in (*claim.dates, *claim.numbers, *claim.entities):
            assert document.text[mention.start:mention.end] == mention.text
