"""The verdict store's behaviour: verdicts, ratings, judgements, reviews, history and undo, other sessions."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from workbench.errors import InputError, StoreError
from workbench.store import RatingScale, VerdictStore

CLAIM_TEXT = "وقّع الطرفان الاتفاق في العاشر من آذار 2025"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "verdicts.json"


@pytest.fixture
def store(db: Path) -> VerdictStore:
    return VerdictStore(db, reviewer="amal")


def test_a_verdict_keeps_what_the_reviewer_recorded(store: VerdictStore) -> None:
    verdict = store.set_verdict("c-0a1b2c3d4e5f", rating="False", note=" checked the decree ",
                                evidence=["https://example.org/decree", " "], value="2025-03-10",
                                claim_text=CLAIM_TEXT, doc="101_integration_agreement")
    assert verdict.kind == "claim"
    assert verdict.rating == "false"  # the scale's own spelling
    assert verdict.note == "checked the decree"
    assert verdict.evidence == ("https://example.org/decree",)
    assert verdict.value == "2025-03-10"
    assert (verdict.reviewer, verdict.claim_text, verdict.doc) == ("amal", CLAIM_TEXT, "101_integration_agreement")
    assert verdict.time.endswith("Z") and verdict.time[:4].isdigit()
    assert store.verdict("c-0a1b2c3d4e5f") == verdict
    assert store.verdicts() == {"c-0a1b2c3d4e5f": verdict}
    # a single piece of evidence passed as a string is one piece, not its characters
    assert store.set_verdict("c-2", rating="true", evidence="https://one.example").evidence == (
        "https://one.example",)


@pytest.mark.parametrize(("target", "kind"), [("c-1", "claim"), ("k-1", "cluster"), ("f-1", "finding")])
def test_the_kind_comes_from_the_id_prefix(store: VerdictStore, target: str, kind: str) -> None:
    assert store.set_verdict(target, rating="mixed").kind == kind


def test_an_id_of_no_known_kind_is_refused_unless_named(store: VerdictStore) -> None:
    with pytest.raises(InputError, match="not a claim"):
        store.set_verdict("x-1", rating="true")
    with pytest.raises(InputError, match="is a claim id, not a cluster"):
        store.set_verdict("c-1", rating="true", kind="cluster")
    assert store.set_verdict("legacy-7", rating="true", kind="claim").kind == "claim"


def test_an_unknown_rating_lists_the_valid_ones(store: VerdictStore, db: Path) -> None:
    with pytest.raises(InputError) as caught:
        store.set_verdict("c-1", rating="flase")
    message = str(caught.value)
    assert "'flase'" in message
    for label in ("true", "mostly-true", "mixed", "misleading", "mostly-false", "false", "unverifiable"):
        assert label in message
    assert not db.exists()


def test_a_team_scale_replaces_the_default(db: Path) -> None:
    scale = RatingScale.from_config({"صحيح": 3, "مضلل": 2, "زائف": 1, "غير قابل للتحقق": 0})
    store = VerdictStore(db, reviewer="omar", scale=scale)
    assert store.set_verdict("c-1", rating="زائف").rating == "زائف"
    with pytest.raises(InputError, match="صحيح"):
        store.set_verdict("c-1", rating="false")
    assert (scale.best, scale.worst, scale.value("غير قابل للتحقق")) == (3, 1, None)


def test_history_answers_who_changed_what_and_undo_steps_back(db: Path) -> None:
    amal, omar = VerdictStore(db, reviewer="amal"), VerdictStore(db, reviewer="omar")
    amal.set_verdict("c-1", rating="false", claim_text=CLAIM_TEXT, doc="d1")
    omar.set_verdict("c-1", rating="mostly-false", note="the date is right, the place is not")
    assert amal.verdict("c-1").rating == "mostly-false"
    assert amal.verdict("c-1").reviewer == "omar"
    assert amal.verdict("c-1").claim_text == CLAIM_TEXT  # kept from the first record

    undone = amal.undo("c-1")
    assert (undone.reviewer, undone.data["rating"]) == ("omar", "mostly-false")
    assert omar.verdict("c-1").rating == "false"
    assert omar.verdict("c-1").reviewer == "amal"
    amal.undo("c-1")
    assert amal.verdict("c-1") is None and "c-1" not in amal.verdicts()
    with pytest.raises(InputError, match="nothing to undo for c-1"):
        amal.undo("c-1")

    history = omar.history("c-1")
    assert [(r.id, r.type, r.reviewer) for r in history] == [
        (1, "verdict", "amal"), (2, "verdict", "omar"), (3, "undo", "amal"), (4, "undo", "amal")]
    assert [r.data.get("undoes") for r in history[2:]] == [2, 1]
    assert history[1].summary() == "rated mostly-false; note: the date is right, the place is not"
    assert history[2].summary() == "undid #2"


def test_a_new_verdict_after_an_undo_is_the_current_one(store: VerdictStore) -> None:
    store.set_verdict("c-1", rating="false")
    store.set_verdict("c-1", rating="true")
    store.undo("c-1")
    store.set_verdict("c-1", rating="mixed")
    assert store.verdict("c-1").rating == "mixed"
    store.undo("c-1")
    assert store.verdict("c-1").rating == "false"


def test_pair_judgements_are_unordered_and_undoable(store: VerdictStore) -> None:
    store.judge("c-b", "c-a", "same")
    store.judge("c-a", "c-c", "different", note="different meetings")
    assert store.judgements() == {frozenset({"c-a", "c-b"}): "same", frozenset({"c-a", "c-c"}): "different"}
    store.judge("c-a", "c-b", "unsure")
    assert store.judgements()[frozenset({"c-a", "c-b"})] == "unsure"
    assert store.undo("c-b", "c-a").data["relation"] == "unsure"
    assert store.judgements()[frozenset({"c-a", "c-b"})] == "same"
    assert [r.type for r in store.history("c-b")] == ["judgement", "judgement", "undo"]
    with pytest.raises(InputError, match="unknown relation"):
        store.judge("c-a", "c-b", "similar")
    with pytest.raises(InputError, match="twice"):
        store.judge("c-a", "c-a", "same")
    with pytest.raises(InputError, match="not a claim id"):
        store.judge("c-a", "k-b", "same")


def test_finding_reviews_and_their_undo(store: VerdictStore) -> None:
    review = store.review_finding("f-1", "dismissed", reason="two different meetings")
    assert (review.status, review.reason, review.reviewer) == ("dismissed", "two different meetings", "amal")
    store.review_finding("f-2", "accepted")
    assert {k: v.status for k, v in store.reviews().items()} == {"f-1": "dismissed", "f-2": "accepted"}
    store.set_verdict("f-1", rating="misleading")
    store.undo("f-1")  # the newest change to f-1 is the verdict
    assert store.verdict("f-1") is None and store.reviews()["f-1"].status == "dismissed"
    store.undo("f-1")
    assert "f-1" not in store.reviews()
    with pytest.raises(InputError, match="unknown review status"):
        store.review_finding("f-1", "ignored")
    with pytest.raises(InputError, match="not a finding id"):
        store.review_finding("c-1", "accepted")


def test_another_sessions_verdicts_appear_without_reopening(db: Path) -> None:
    tui, cli = VerdictStore(db, reviewer="amal"), VerdictStore(db, reviewer="omar")
    assert tui.verdicts() == {}
    assert not tui.changed_since_last_read()
    cli.set_verdict("c-1", rating="true")
    assert tui.changed_since_last_read()
    assert tui.verdict("c-1").reviewer == "omar"
    assert not tui.changed_since_last_read()
    tui.set_verdict("c-2", rating="false")
    assert not tui.changed_since_last_read()  # its own write is not news to it
    assert set(cli.verdicts()) == {"c-1", "c-2"}


def test_orphaned_verdicts_stay_readable(store: VerdictStore) -> None:
    store.set_verdict("c-gone", rating="false", claim_text=CLAIM_TEXT, doc="removed_article")
    store.set_verdict("c-here", rating="true", claim_text="نص", doc="d")
    store.set_verdict("k-1", rating="true")
    orphans = store.orphaned({"c-here"})
    assert [(v.target, v.claim_text, v.doc) for v in orphans] == [("c-gone", CLAIM_TEXT, "removed_article")]


def test_the_file_is_sorted_indented_and_one_record_per_line(store: VerdictStore, db: Path) -> None:
    store.set_verdict("c-1", rating="false", claim_text=CLAIM_TEXT, doc="d1")
    before = db.read_text(encoding="utf-8").splitlines()
    store.set_verdict("c-1", rating="true")
    text = db.read_text(encoding="utf-8")
    assert text.endswith("}\n")
    assert CLAIM_TEXT in text  # Arabic stays readable, not \u-escaped
    data = json.loads(text)
    assert data["schema"] == 2 and list(data["tables"]["history"]) == ["1", "2"]
    lines = text.splitlines()
    record_lines = [line for line in lines if line.startswith('      "')]
    assert len(record_lines) == 2
    for line in record_lines:
        record = json.loads(line.split(": ", 1)[1].rstrip(","))
        assert list(record) == sorted(record)
    # a diff-friendly append: the old lines stay, the previous last record only gains its comma
    changed = [old for old in before if old not in lines]
    assert changed == [record_lines[0].rstrip(",")]
    # the claim's text is kept once, on the record that first named the claim
    assert "claim_text" not in data["tables"]["history"]["2"]


def test_reads_create_nothing_and_a_missing_folder_is_named(tmp_path: Path) -> None:
    store = VerdictStore(tmp_path / "nowhere" / "verdicts.json", reviewer="amal")
    assert store.verdicts() == {} and store.history("c-1") == []
    assert not (tmp_path / "nowhere").exists()
    with pytest.raises(StoreError, match="nowhere"):
        store.set_verdict("c-1", rating="true")


def test_an_empty_file_is_a_new_database(db: Path) -> None:
    db.write_bytes(b"")
    store = VerdictStore(db, reviewer="amal")
    assert store.verdicts() == {}
    store.set_verdict("c-1", rating="true")
    assert json.loads(db.read_text())["schema"] == 2


def test_the_file_keeps_its_permissions(store: VerdictStore, db: Path) -> None:
    store.set_verdict("c-1", rating="true")
    os.chmod(db, 0o660)  # a newsroom group sharing the folder
    store.set_verdict("c-2", rating="true")
    assert db.stat().st_mode & 0o777 == 0o660


def test_a_hand_formatted_file_is_read_and_rewritten_in_the_stable_layout(store: VerdictStore, db: Path) -> None:
    store.set_verdict("c-1", rating="false", claim_text=CLAIM_TEXT, doc="d1")
    store.set_verdict("c-2", rating="true")
    data = json.loads(db.read_text(encoding="utf-8"))
    db.write_text(json.dumps(data, indent=4, ensure_ascii=False), encoding="utf-8")  # a teammate's editor
    other = VerdictStore(db, reviewer="omar")
    other.set_verdict("c-3", rating="mixed")
    text = db.read_text(encoding="utf-8")
    assert json.loads(text)["tables"]["history"]["1"] == data["tables"]["history"]["1"]
    assert len([line for line in text.splitlines() if line.startswith('      "')]) == 3
    assert set(VerdictStore(db, reviewer="x").verdicts()) == {"c-1", "c-2", "c-3"}


def test_a_new_session_appends_without_touching_the_old_lines(store: VerdictStore, db: Path) -> None:
    for i in range(3):
        store.set_verdict(f"c-{i}", rating="false", claim_text=f"{CLAIM_TEXT} {i}", doc="d1")
    before = db.read_text(encoding="utf-8").splitlines()
    VerdictStore(db, reviewer="omar").set_verdict("c-9", rating="true")
    after = db.read_text(encoding="utf-8").splitlines()
    assert [line for line in before if line not in after] == [before[-4]]  # only the last record's comma
    assert after[:-5] == before[:-4] and after[-5] == before[-4] + ","
    assert set(VerdictStore(db, reviewer="x").verdicts()) == {"c-0", "c-1", "c-2", "c-9"}
