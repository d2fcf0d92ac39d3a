"""``workbench check`` as a user runs it: a subprocess on the sample corpus, its output formats, exit
codes, the verdict store's reviews as a baseline, and exit 2 with nothing on stdout for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
SCHEMA = ROOT / "tests" / "data" / "sarif" / "sarif-2.1.0-subset.schema.json"
SCRIPT = Path(sys.executable).parent / "workbench"
GOLD_RULES = {"date-conflict", "weekday-mismatch", "stale-content", "entity-variant", "title-variant"}


def workbench(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-c", "from workbench.cli import main; main()"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env)


def test_check_the_sample_corpus_as_json(tmp_path):
    done = workbench("check", str(CORPUS), "--format", "json", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    rules = {f["rule"] for f in data["findings"]}
    assert GOLD_RULES <= rules
    assert "calendar-mismatch" not in rules and "number-conflict" not in rules
    assert all(f["id"].startswith("f-") and f["claims"] and f["docs"] for f in data["findings"] if f["rule"] != "pattern")
    assert data["summary"]["failing"] >= 2 and data["summary"]["documents"] == 10
    # the brief's own title variant (رئيس جهاز الاستخبارات السورية / العامة) is a warning; a short and a full
    # form of one title (وزير الخارجية / وزير الخارجية والمغتربين) only a note
    levels = {(f["rule"], f["values"].get("name")): f["level"] for f in data["findings"] if f["rule"] == "title-variant"}
    assert sorted(levels.values()) == ["info", "warning"]
    again = json.loads(workbench("check", str(CORPUS), "--format", "json", cwd=tmp_path).stdout)
    assert [f["id"] for f in again["findings"]] == [f["id"] for f in data["findings"]]


def test_text_is_the_default_and_fail_on_never_passes(tmp_path):
    done = workbench("check", str(CORPUS), cwd=tmp_path)
    assert done.returncode == 1 and "date-conflict" in done.stdout and "105_riyadh_meeting" in done.stdout
    assert workbench("check", str(CORPUS), "--fail-on", "never", cwd=tmp_path).returncode == 0


def test_sarif_to_a_file_validates(tmp_path):
    out = tmp_path / "out.sarif"
    done = workbench("check", str(CORPUS), "--format", "sarif", "--output", str(out), cwd=tmp_path)
    assert done.returncode == 1 and done.stdout == ""
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(
        json.loads(out.read_text(encoding="utf-8")))


def test_reviewed_findings_do_not_fail_the_run(tmp_path):
    from workbench.store import VerdictStore

    data = json.loads(workbench("check", str(CORPUS), "--format", "json", cwd=tmp_path).stdout)
    db = tmp_path / "verdicts.json"
    store = VerdictStore(db, reviewer="tester")
    for finding in data["findings"]:
        if finding["level"] == "error":
            store.review_finding(finding["id"], "dismissed", "known; see the desk's note")
    done = workbench("check", str(CORPUS), "--format", "json", "--db", str(db), cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    after = json.loads(done.stdout)
    assert {f["reviewed"] for f in after["findings"] if f["level"] == "error"} == {"dismissed"}
    assert workbench("check", str(CORPUS), "--db", str(db), "--fail-on", "warning", cwd=tmp_path).returncode == 1


def test_a_bad_rule_file_is_exit_2_with_nothing_on_stdout(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "mine.yml").write_text("id: mine\nextends: date-conflict\nlevel: loud\nmessage: x\n", encoding="utf-8")
    done = workbench("check", str(CORPUS), "--rules", str(rules), cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert "mine.yml" in done.stderr and "field 'level'" in done.stderr and "Traceback" not in done.stderr


def test_a_missing_path_or_unreadable_named_file_is_exit_2(tmp_path):
    done = workbench("check", str(tmp_path / "nowhere"), cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == "" and "nowhere" in done.stderr
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02\xff\xfe\x00binary")
    done = workbench("check", str(binary), cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == "" and "scan.txt" in done.stderr


def test_an_undecodable_file_inside_a_folder_is_a_warning(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "105.txt").write_text((CORPUS / "105_riyadh_meeting.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00binary")
    done = workbench("check", str(folder), "--format", "json", cwd=tmp_path)
    assert done.returncode == 1 and "scan.txt" in done.stderr
    assert "weekday-mismatch" in {f["rule"] for f in json.loads(done.stdout)["findings"]}


def test_configuration_and_flags(tmp_path):
    (tmp_path / "workbench.toml").write_text('fail_on = "never"\n[levels]\nweekday-mismatch = "off"\n', encoding="utf-8")
    done = workbench("check", str(CORPUS), "--format", "json", cwd=tmp_path)
    assert done.returncode == 0
    assert "weekday-mismatch" not in {f["rule"] for f in json.loads(done.stdout)["findings"]}
    assert workbench("check", str(CORPUS), "--fail-on", "error", cwd=tmp_path).returncode == 1
