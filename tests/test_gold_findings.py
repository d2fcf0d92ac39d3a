"""On the sample corpus: every finding the hand-made gold lists, and none of its traps.

A gold finding names a rule and documents: a finding must name the first document and, where more
are listed, at least one of the others.  The traps are written as prose in the gold; each is checked
here as the finding it warns against."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tests.gold import GOLD
from workbench.config import BUNDLED_CORPUS, Config

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
D001, D003, D004 = "001_eba9bb6fbc3af9bb", "003_3377e7beb539516d", "004_c906e32e1feae5cb"
D101, D102, D103, D104, D105 = ("101_integration_agreement", "102_coalition_ninetieth", "103_january_ceasefire",
                                "104_october_ceasefire", "105_riyadh_meeting")


@cache
def findings():
    from workbench.pipeline import analyse

    return analyse([BUNDLED_CORPUS], Config(rules=(RULES_DIR,))).findings


def _values(finding) -> set[str]:
    return {str(item.get("value")) for item in finding.values.get("items", [])}


@pytest.mark.parametrize("expected", GOLD["findings"], ids=lambda f: f"{f['rule']}:{f['docs'][0][:3]}")
def test_gold_finding_is_reported(expected):
    first, others = expected["docs"][0], set(expected["docs"][1:])
    matching = [f for f in findings() if f.rule == expected["rule"] and first in f.docs
                and (not others or others & set(f.docs))]
    assert matching, f"missing: {expected['about']}; got {[(f.rule, f.docs) for f in findings()]}"


def test_no_date_conflict_between_different_hasakah_events():
    assert not [f for f in findings() if f.rule == "date-conflict" and {D001, D003} <= set(f.docs)]


def test_no_number_conflict_about_the_ninetieth_member():
    assert not [f for f in findings() if f.rule == "number-conflict" and {D004, D102, D105} & set(f.docs)]


def test_no_date_conflict_among_the_reports_that_agree_on_10_march():
    for f in findings():
        if f.rule == "date-conflict":
            assert {f.values["doc_a"], f.values["doc_b"]} - {D101, D103, D104}, f.message


def test_no_weekday_finding_on_consistent_relative_weekdays():
    assert not [f for f in findings() if f.rule == "weekday-mismatch" and {D001, D101, D104} & set(f.docs)]


def test_no_calendar_finding_on_the_hijri_header():
    assert not [f for f in findings() if f.rule == "calendar-mismatch"]


def test_no_date_conflict_between_the_january_and_march_agreements():
    for f in findings():
        if f.rule == "date-conflict":
            assert not {"2026-01-18", "2025-03-10"} <= _values(f), f.message
