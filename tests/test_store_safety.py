"""The verdict store never loses work: concurrent writers, a writer killed mid-write, files it must refuse,
and the schema migration path."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from workbench.errors import StoreError
from workbench.store import SCHEMA_VERSION, VerdictStore

WRITER = """
import sys
from workbench.store import VerdictStore
path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = VerdictStore(path, reviewer=name)
for i in range(count):
    store.set_verdict(f"c-{name}-{i}", rating="false" if i % 2 else "true", note=f"{name} {i}")
"""

# Records one verdict, then on the next write stops forever at the chosen point of the write (after the
# temporary file is written, before its fsync or before the rename), telling the test it is there.
KILLED_WRITER = """
import os, sys, time
from pathlib import Path
from workbench.store import VerdictStore
path, marker, point = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
store = VerdictStore(path, reviewer="amal")
store.set_verdict("c-kept", rating="false", claim_text="نص محفوظ", doc="d1")
real = getattr(os, point)
def stop_here(*args):
    if point == "fsync" and not os.path.isfile(os.readlink(f"/proc/self/fd/{args[0]}")):
        return real(*args)
    marker.write_text("ready")
    time.sleep(60)
setattr(os, point, stop_here)
store.set_verdict("c-lost", rating="true", note="x" * 200_000)
"""


def _run(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_two_processes_recording_500_verdicts_each_lose_none(tmp_path: Path) -> None:
    db = tmp_path / "verdicts.json"
    writers = [_run(WRITER, str(db), name, "500") for name in ("amal", "omar")]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()
    store = VerdictStore(db, reviewer="check")
    verdicts = store.verdicts()
    assert len(verdicts) == 1000
    assert {v.reviewer for v in verdicts.values()} == {"amal", "omar"}
    assert verdicts["c-omar-499"].note == "omar 499"
    history = json.loads(db.read_text(encoding="utf-8"))["tables"]["history"]
    assert sorted(map(int, history)) == list(range(1, 1001))
    turns = [history[str(i)]["reviewer"] for i in range(1, 1001)]
    assert sum(a != b for a, b in zip(turns, turns[1:])) > 1, "the two writers never overlapped"
    assert not list(tmp_path.glob("*.tmp"))


def test_threads_sharing_stores_lose_nothing_while_a_reader_polls(tmp_path: Path) -> None:
    db = tmp_path / "verdicts.json"
    shared, other = VerdictStore(db, reviewer="tui"), VerdictStore(db, reviewer="cli")
    failures: list[BaseException] = []

    def write(store: VerdictStore, name: str) -> None:
        try:
            for i in range(40):
                store.set_verdict(f"c-{name}-{i}", rating="true")
        except BaseException as err:  # noqa: BLE001 - reported by the assertion below
            failures.append(err)

    def read() -> None:
        try:
            while any(t.is_alive() for t in writers):
                shared.verdicts(), shared.history("c-a-0"), shared.changed_since_last_read()
        except BaseException as err:  # noqa: BLE001
            failures.append(err)

    writers = [threading.Thread(target=write, args=(store, name))
               for store, name in ((shared, "a"), (shared, "b"), (other, "c"), (other, "d"))]
    reader = threading.Thread(target=read)
    for thread in (*writers, reader):
        thread.start()
    for thread in (*writers, reader):
        thread.join(timeout=60)
    assert not failures
    assert len(VerdictStore(db, reviewer="x").verdicts()) == 160


@pytest.mark.parametrize("point", ["fsync", "replace"])
def test_a_writer_killed_mid_write_leaves_the_previous_database(tmp_path: Path, point: str) -> None:
    db, marker = tmp_path / "verdicts.json", tmp_path / "at-the-point"
    writer = _run(KILLED_WRITER, str(db), str(marker), point)
    deadline = time.monotonic() + 30
    while not marker.exists():
        assert writer.poll() is None, writer.stderr.read().decode()
        assert time.monotonic() < deadline, "the writer never reached the point of the write"
        time.sleep(0.01)
    before = db.read_bytes()
    assert list(tmp_path.glob(".verdicts.json.*.tmp")), "the kill should land with a temporary file written"
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)

    assert db.read_bytes() == before
    store = VerdictStore(db, reviewer="omar")
    assert set(store.verdicts()) == {"c-kept"}
    assert store.verdict("c-kept").claim_text == "نص محفوظ"
    # the dead writer's lock is gone with it, and its temporary file is cleared by the next write
    store.set_verdict("c-next", rating="mixed")
    assert set(VerdictStore(db, reviewer="x").verdicts()) == {"c-kept", "c-next"}
    assert not list(tmp_path.glob(".verdicts.json.*.tmp"))


CORRUPT = {
    "not JSON": b'{"schema": 2, "tables": {"history": {"1": {"type": "verdict",',
    "not UTF-8": b'{"schema": 2, "tables": {}, "note": "\xff\xfe"}',
    "a plain TinyDB file": b'{"_default": {"1": {"rating": "false"}}}',
    "a JSON list": b"[1, 2, 3]",
    "a record that is not an object": b'{"schema": 2, "tables": {"history": {"1": "false"}}}',
    "a verdict without its rating": (
        b'{"schema": 2, "tables": {"history": {"1": {"type": "verdict", "target": "c-1", "kind": "claim"}}}}'),
    "an undo of nothing": (
        b'{"schema": 2, "tables": {"history": {"1": {"type": "undo", "target": "c-1", "undoes": 7}}}}'),
}


@pytest.mark.parametrize("kind", CORRUPT)
def test_a_file_it_cannot_read_is_refused_and_left_untouched(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "verdicts.json"
    db.write_bytes(CORRUPT[kind])
    store = VerdictStore(db, reviewer="amal")
    with pytest.raises(StoreError, match=str(db)):
        store.verdicts()
    with pytest.raises(StoreError, match=str(db)):
        store.set_verdict("c-2", rating="true")
    with pytest.raises(StoreError):
        store.undo("c-1")
    assert db.read_bytes() == CORRUPT[kind]
    assert {p.name for p in tmp_path.iterdir()} <= {"verdicts.json", "verdicts.json.lock"}


def test_invalid_json_is_reported_with_its_line(tmp_path: Path) -> None:
    db = tmp_path / "verdicts.json"
    db.write_text('{\n  "schema": 2,\n  "tables": {\n    "history": {,\n', encoding="utf-8")
    with pytest.raises(StoreError, match=rf"{db}:4:\d+: not valid JSON"):
        VerdictStore(db, reviewer="amal").verdicts()


def test_an_unknown_schema_version_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "verdicts.json"
    content = json.dumps({"schema": SCHEMA_VERSION + 1, "tables": {}}).encode()
    db.write_bytes(content)
    store = VerdictStore(db, reviewer="amal")
    with pytest.raises(StoreError, match=f"unknown schema version {SCHEMA_VERSION + 1}"):
        store.set_verdict("c-1", rating="true")
    assert db.read_bytes() == content


def test_a_schema_1_file_is_upgraded_and_the_original_kept(tmp_path: Path) -> None:
    db = tmp_path / "verdicts.json"
    old = {"schema": 1, "tables": {"history": {
        "1": {"type": "verdict", "target": "c-1", "kind": "claim", "rating": "false", "reviewer": "amal",
              "time": "2025-03-11T10:00:00Z", "claim_text": "نص", "doc": "d1"},
        "2": {"type": "verdict", "target": "c-1", "kind": "claim", "rating": "true", "reviewer": "omar",
              "time": "2025-03-12T10:00:00Z", "claim_text": "نص", "doc": "d1"},
    }}}
    original = json.dumps(old, ensure_ascii=False).encode()
    db.write_bytes(original)
    store = VerdictStore(db, reviewer="rania")
    assert store.verdict("c-1").rating == "true" and store.verdict("c-1").claim_text == "نص"
    assert db.read_bytes() == original  # reading never writes
    store.set_verdict("c-2", rating="mixed")
    upgraded = json.loads(db.read_text(encoding="utf-8"))
    assert upgraded["schema"] == SCHEMA_VERSION
    assert "claim_text" in upgraded["tables"]["history"]["1"]
    assert "claim_text" not in upgraded["tables"]["history"]["2"]
    assert (tmp_path / "verdicts.json.schema1.bak").read_bytes() == original
    assert VerdictStore(db, reviewer="x").verdict("c-1").claim_text == "نص"


def test_a_failed_write_changes_nothing_in_memory_or_on_disk(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "verdicts.json"
    store = VerdictStore(db, reviewer="amal")
    store.set_verdict("c-1", rating="true")
    before = db.read_bytes()

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", disk_full)
        with pytest.raises(StoreError, match="No space left on device"):
            store.set_verdict("c-2", rating="false")
    assert db.read_bytes() == before
    assert set(store.verdicts()) == {"c-1"}
    assert not list(tmp_path.glob("*.tmp"))
    store.set_verdict("c-3", rating="false")
    assert set(VerdictStore(db, reviewer="x").verdicts()) == {"c-1", "c-3"}
