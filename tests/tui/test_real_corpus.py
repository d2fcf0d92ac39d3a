"""The TUI on the bundled corpus through the real pipeline and store: a verdict recorded in the dialog
is in the database and makes ``workbench check`` report the finding as reviewed (and not fail on it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tui.conftest import loaded
from workbench.config import BUNDLED_CORPUS, Config
from workbench.pipeline import analyse, recluster
from workbench.store import VerdictStore
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.verdict import VerdictDialog

ROOT = Path(__file__).resolve().parents[2]


def march_conflict(findings):
    """The date-conflict finding on the March 2025 agreement (001 says 8 March, the others 10 March)."""
    for finding in findings:
        if finding.rule == "date-conflict" and "001_eba9bb6fbc3af9bb" in finding.docs and \
                "101_integration_agreement" in finding.docs:
            return finding
    return None


def check_json(db: Path) -> tuple[int, dict]:
    done = subprocess.run(
        [sys.executable, "-c", "from workbench.cli import main; main()", "check", "--format", "json",
         "--db", str(db), str(BUNDLED_CORPUS)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


async def test_a_verdict_recorded_in_the_tui_is_a_review_in_workbench_check(tmp_path):
    db = tmp_path / "verdicts.json"
    store = VerdictStore(db, reviewer="tester")
    app = WorkbenchApp(lambda progress: analyse([BUNDLED_CORPUS], Config(), store=store, progress=progress),
                       store=store, db_label="verdicts.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        finding = march_conflict(app.workspace.analysis.findings)
        if finding is None:
            pytest.skip("the rules do not yet report the date conflict on the March 2025 agreement")
        await pilot.press("slash", *"rule:date-conflict doc:001", "enter")
        await pilot.press("v")
        assert isinstance(app.screen, VerdictDialog) and app.screen.target.id == finding.id
        await pilot.press("right", "enter")  # dismissed
        await pilot.press("tab", "tab", *"checked: both dates are in the sources")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert VerdictStore(db, reviewer="x").reviews()[finding.id].status == "dismissed"
    _, report = check_json(db)
    reviewed = {f["id"]: f["reviewed"] for f in report["findings"]}
    assert reviewed[finding.id] == "dismissed"


async def test_a_value_verified_on_a_finding_makes_the_rules_report_the_copy_that_differs(tmp_path):
    store = VerdictStore(tmp_path / "verdicts.json", reviewer="tester")
    app = WorkbenchApp(lambda progress: analyse([BUNDLED_CORPUS], Config(), store=store, progress=progress),
                       rejudge=lambda analysis: recluster(analysis, Config(), store=store),
                       store=store, db_label="verdicts.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        finding = march_conflict(app.workspace.analysis.findings)
        if finding is None:
            pytest.skip("the rules do not yet report the date conflict on the March 2025 agreement")
        assert not [f for f in app.workspace.analysis.findings if f.rule == "contradicts-verdict"]
        await pilot.press("slash", *"rule:date-conflict doc:001", "enter", "v", "enter")
        app.screen.query_one("#rating").value = "mostly-true"
        app.screen.query_one("#value").value = "2025-03-10"
        await pilot.press("ctrl+s")
        await loaded(pilot)
        contradicting = [f for f in app.workspace.analysis.findings if f.rule == "contradicts-verdict"]
        claims = app.workspace.claims
    assert [f.docs for f in contradicting] == [("001_eba9bb6fbc3af9bb",)]
    assert "2025-03-08" in [d.value for d in claims[contradicting[0].claims[0]].dates]
    fact = next(v for v in store.verdicts().values() if v.kind == "cluster")
    assert fact.value == "2025-03-10" and fact.doc != "001_eba9bb6fbc3af9bb"
