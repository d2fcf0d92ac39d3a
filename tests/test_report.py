"""The report formats on hand-built findings: text grouped by document, JSON's contract, SARIF against
the schema, JUnit XML as CI servers read it, and GitHub workflow annotations."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema

from tests.test_rules_kinds import RULES_DIR, claim, context, document
from workbench.report import Report, fails, render
from workbench.rules import load_rules, run_rules

SCHEMA = Path(__file__).resolve().parent / "data" / "sarif" / "sarif-2.1.0-subset.schema.json"


def _report(fail_on: str = "error", reviewed: str | None = None) -> Report:
    a = document("a", "خبر أول.\nوقع الطرفان الاتفاق في 8 مارس 2025 في دمشق.", published="2025-03-12")
    b = document("b", "ونص اتفاق 10 آذار 2025 على دمج المؤسسات.")
    c = document("c", "عقد الاجتماع يوم الأحد 9 شباط 2026، 50% من الأعضاء.")
    ca = claim(a, "وقع الطرفان الاتفاق في 8 مارس 2025 في دمشق.", dates=[{"text": "8 مارس 2025", "value": "2025-03-08"}])
    cb = claim(b, b.text, dates=[{"text": "10 آذار 2025", "value": "2025-03-10"}])
    cc = claim(c, c.text, dates=[{"text": "يوم الأحد 9 شباط 2026", "value": "2026-02-09", "weekday": "sunday"}])
    rules = load_rules([RULES_DIR], levels={"weekday-mismatch": "warning"})
    ctx = context([a, b, c], [ca, cb, cc], [[ca, cb]])
    findings = run_rules(rules, ctx)
    if reviewed:
        findings = [replace(f, reviewed=reviewed) if f.rule == "date-conflict" else f for f in findings]
    return Report(findings=findings, documents=ctx.documents, claims=ctx.claims, rules=rules, fail_on=fail_on)


def test_fail_on_levels_and_reviews():
    report = _report()
    assert [f.rule for f in report.findings] == ["date-conflict", "weekday-mismatch"]
    assert [f.rule for f in report.failing] == ["date-conflict"]
    assert [f.rule for f in _report("warning").failing] == ["date-conflict", "weekday-mismatch"]
    assert _report("never").failing == []
    assert [f.rule for f in _report("warning", reviewed="dismissed").failing] == ["weekday-mismatch"]
    assert not fails(replace(report.findings[0], reviewed="accepted"), "info")


def test_text_groups_by_document_with_values_side_by_side():
    text = render(_report(), "text")
    lines = text.splitlines()
    assert lines[0].startswith("a  a.txt  (published 2025-03-12)")
    assert any("error   date-conflict  f-" in line for line in lines)
    row = next(line for line in lines if "8 مارس 2025" in line and "2025-03-08" in line and "|" in line)
    assert row.strip().startswith("a:2")  # the claim is on line 2 of document a
    assert any(line.startswith("c  c.txt") for line in lines)
    assert lines[-1] == "2 findings in 3 documents: 1 error, 1 warning, 0 info; 0 reviewed; 1 unreviewed at or above error"
    assert "[reviewed: dismissed]" in render(_report(reviewed="dismissed"), "text")


def test_json_contract():
    data = json.loads(render(_report(), "json"))
    first = data["findings"][0]
    assert {"id", "rule", "level", "message", "claims", "docs", "values"} <= set(first)
    assert first["docs"] == ["a", "b"] and first["path"] == "a.txt" and first["line"] == 2
    assert data["summary"]["total"] == 2 and data["summary"]["failing"] == 1
    assert data["summary"]["by_rule"] == {"date-conflict": 1, "weekday-mismatch": 1}


def test_sarif_validates_against_the_schema():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for report in (_report(), _report(reviewed="accepted")):
        log = json.loads(render(report, "sarif"))
        jsonschema.Draft4Validator(schema).validate(log)
        run = log["runs"][0]
        results = run["results"]
        assert [r["ruleId"] for r in results] == ["date-conflict", "weekday-mismatch"]
        rule_ids = [d["id"] for d in run["tool"]["driver"]["rules"]]
        assert all(rule_ids[r["ruleIndex"]] == r["ruleId"] for r in results)
        region = results[0]["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] == 2 and region["startColumn"] == 1
        assert results[0]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "b.txt"
        assert results[1]["level"] == "warning"
    assert results[0]["suppressions"][0]["status"] == "accepted"


def test_the_schema_rejects_broken_sarif():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(render(_report(), "sarif"))
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(jsonschema.Draft4Validator(schema).iter_errors(log))


def test_junit_xml():
    root = ET.fromstring(render(_report(), "junit"))
    assert root.tag == "testsuites" and root.get("tests") == "3" and root.get("failures") == "1"
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"a", "b", "c"}
    case = suites["a"].find("testcase")
    assert case.find("failure") is not None and case.get("file") == "a.txt" and case.get("line") == "2"
    assert suites["c"].find("testcase/skipped").get("message") == "warning: below --fail-on error"
    assert suites["b"].find("testcase").get("name") == "no findings"
    reviewed = ET.fromstring(render(_report(reviewed="accepted"), "junit"))
    assert reviewed.get("failures") == "0"


def test_github_annotations():
    lines = render(_report(), "github").splitlines()
    assert lines[0].startswith("::error file=a.txt,line=2,endLine=2,title=date-conflict (f-")
    assert lines[1].startswith("::warning file=c.txt,line=1,")
    assert "\n" not in lines[0] and "::" in lines[0][2:]
    assert not any(line.startswith("::error") for line in render(_report(reviewed="accepted"), "github").splitlines())
