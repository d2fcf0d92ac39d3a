"""``workbench verdict …``, ``judge`` and ``export`` end to end, on a small corpus written for the test."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from workbench.cli import cli
from workbench.config import Config, DEFAULT_DB_NAME
from workbench.errors import InputError
from workbench.pipeline import load_and_extract
from workbench.store import VerdictStore

ARTICLE = """الثلاثاء 11 آذار 2025

توقيع اتفاق لدمج المؤسسات

دمشق – وقّع الرئيس السوري أحمد الشرع وقائد قوات سوريا الديمقراطية مظلوم عبدي مساء أمس الاثنين اتفاقاً
يقضي بدمج المؤسسات المدنية والعسكرية في شمال شرق سوريا.

وينص الاتفاق على وقف إطلاق النار في جميع الأراضي السورية وعلى أن تعمل لجان تنفيذية على تطبيق بنوده قبل نهاية العام.
"""
SCHEMA = json.loads((Path(__file__).parent / "data" / "store" / "claimreview.schema.json").read_text())


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no workbench.toml above: the defaults apply
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "agreement.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture
def claims(corpus: Path):
    _, found, _ = load_and_extract([corpus], Config())
    assert len(found) >= 2, "the article should give at least two claims"
    return found


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=True)


def test_round_trip_set_list_history_undo_judge_export(corpus: Path, claims, tmp_path: Path) -> None:
    first, second = claims[0], claims[1]
    common = ["--corpus", str(corpus), "--reviewer", "amal"]
    result = run("verdict", "set", first.id, "--rating", "false", "--note", "signed on the 10th",
                 "--evidence", "https://decree.example", "--value", "2025-03-10", *common)
    assert result.exit_code == 0, result.output
    assert f"{first.id}: rated false (record #1" in result.output

    db = corpus / DEFAULT_DB_NAME  # no --db and no configuration: beside the corpus
    verdict = VerdictStore(db, reviewer="x").verdict(first.id)
    assert (verdict.claim_text, verdict.doc, verdict.value) == (first.text, "agreement", "2025-03-10")

    assert run("verdict", "set", first.id, "-r", "true", *common).exit_code == 0
    listed = json.loads(run("verdict", "list", "--format", "json", *common).output)
    assert [(v["target"], v["rating"], v["reviewer"]) for v in listed] == [(first.id, "true", "amal")]
    table = run("verdict", "list", *common).output.splitlines()
    assert table[0].split() == ["target", "kind", "rating", "value", "reviewer", "time", "claim"]
    assert first.id in table[1] and first.text[:20] in table[1]

    result = run("verdict", "undo", first.id, *common)
    assert result.exit_code == 0 and "undid #2 (rated true); now: rated false" in result.output
    history = json.loads(run("verdict", "history", first.id, "--format", "json", *common).output)
    assert [(h["id"], h["type"]) for h in history] == [(1, "verdict"), (2, "verdict"), (3, "undo")]

    assert run("judge", first.id, second.id, "different", *common).exit_code == 0
    pairs = json.loads(run("verdict", "list", "--what", "judgements", "--format", "json", *common).output)
    assert pairs == [{"claims": sorted([first.id, second.id]), "relation": "different"}]

    out = tmp_path / "reviews.json"
    assert run("export", "--format", "claimreview", "--output", str(out), *common).exit_code == 0
    reviews = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(reviews, SCHEMA)
    assert [(r["claimReviewed"], r["reviewRating"]["alternateName"]) for r in reviews] == [(first.text, "false")]
    assert reviews[0]["itemReviewed"]["datePublished"] == "2025-03-11"
    rows = run("export", "--format", "jsonl", *common).output.splitlines()
    assert [json.loads(line)["target"] for line in rows] == [first.id]
    assert run("export", "--format", "csv", *common).output.startswith("target,kind,rating,rating_value")


def test_an_unknown_target_needs_force(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "v.json"
    result = run("verdict", "set", "c-000000000000", "--rating", "false", "--corpus", str(corpus), "--db", str(db))
    assert isinstance(result.exception, InputError) and "--force" in str(result.exception)
    assert not db.exists()
    result = run("verdict", "set", "c-000000000000", "--rating", "false", "--force", "--corpus", str(corpus),
                 "--db", str(db))
    assert result.exit_code == 0, result.output
    result = run("judge", "c-000000000000", "c-111111111111", "same", "--corpus", str(corpus), "--db", str(db))
    assert isinstance(result.exception, InputError)


def test_findings_can_be_marked_reviewed_from_the_command_line(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "v.json"
    result = run("verdict", "review", "f-000000000000", "dismissed", "--reason", "two meetings", "--force",
                 "--corpus", str(corpus), "--db", str(db))
    assert result.exit_code == 0, result.output
    reviews = json.loads(run("verdict", "list", "--what", "reviews", "--format", "json", "--corpus", str(corpus),
                             "--db", str(db)).output)
    assert [(r["finding"], r["status"], r["reason"]) for r in reviews] == [("f-000000000000", "dismissed",
                                                                             "two meetings")]


def _workbench(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from workbench.cli import main; main()", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60)


def test_errors_are_one_line_on_stderr_with_exit_2(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "v.json"
    done = _workbench("verdict", "set", "c-1", "--rating", "flase", "--force", "--db", str(db),
                      "--corpus", str(corpus), cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.count("\n") == 1 and "unknown rating 'flase'; valid ratings: true," in done.stderr

    db.write_text("{ not json", encoding="utf-8")
    done = _workbench("verdict", "list", "--db", str(db), "--corpus", str(corpus), cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert f"{db}:1:3: not valid JSON" in done.stderr
    assert db.read_text(encoding="utf-8") == "{ not json"
