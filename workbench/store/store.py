"""The verdict store: the one place verdicts, pair judgements and finding reviews are recorded.

Every write takes an inter-process lock, re-reads the file if another session changed it, appends one
history record through TinyDB and replaces the file atomically, so two editors on one server lose nothing.
Reads take no file lock (the file is only ever replaced whole) and cost one ``stat`` when nothing changed."""

from __future__ import annotations

import datetime as dt
import gc
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import Query, TinyDB
from tinydb.table import Document

from workbench.errors import InputError, StoreError
from workbench.store.ratings import RatingScale
from workbench.store.records import RELATIONS, STATUSES, Record, Review, State, Verdict, pair_key, target_kind
from workbench.store.storage import AtomicJSONStorage

HISTORY = "history"
LOCK_TIMEOUT = 30.0  # seconds: long enough to outwait another session's write of a large database


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading a large database allocates hundreds of thousands of objects that all live on; pausing the
    cyclic garbage collector meanwhile roughly halves the load time (it would rescan them over and over)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


class VerdictStore:
    """Verdicts, pair judgements and finding reviews in one TinyDB file, with an append-only history."""

    def __init__(self, path: Path, *, reviewer: str, scale: RatingScale | None = None) -> None:
        self.path = Path(path)
        self.reviewer = reviewer
        self.scale = scale or RatingScale()
        self._storage = AtomicJSONStorage(self.path)
        self._db = TinyDB(storage=lambda: self._storage)
        self._table = self._db.table(HISTORY)
        self._lock = FileLock(str(self.path.with_name(self.path.name + ".lock")), timeout=LOCK_TIMEOUT,
                              poll_interval=0.002)
        self._state = State(str(self.path))
        self._state_loads = -1  # the storage load the state was replayed from
        self._threads = threading.RLock()  # the TUI reads from workers while its main thread may write

    # -- reads ----------------------------------------------------------------------------------------

    def verdicts(self) -> dict[str, Verdict]:
        with self._threads:
            return dict(self._current().verdicts)

    def verdict(self, target: str) -> Verdict | None:
        with self._threads:
            return self._current().verdicts.get(target)

    def judgements(self) -> dict[frozenset[str], str]:
        with self._threads:
            return dict(self._current().judgements)

    def reviews(self) -> dict[str, Review]:
        with self._threads:
            return dict(self._current().reviews)

    def history(self, target: str) -> list[Record]:
        """Every record about ``target`` (its verdicts, reviews, pair judgements and their undos), oldest first."""
        entry = Query()
        with self._threads:
            self._current()
            found = self._table.search((entry.target == target) | (entry.other == target))
        return sorted((Record.from_stored(doc.doc_id, doc) for doc in found), key=lambda r: r.id)

    def orphaned(self, known_claim_ids: Iterable[str]) -> list[Verdict]:
        """Claim verdicts whose claim is no longer in the corpus (its document was edited or removed)."""
        known = set(known_claim_ids)
        return [v for v in self.verdicts().values() if v.kind == "claim" and v.target not in known]

    def changed_since_last_read(self) -> bool:
        """Whether another session has written since this store last read (one ``stat``; for the TUI)."""
        return self._storage.changed_on_disk()

    # -- writes ---------------------------------------------------------------------------------------

    def set_verdict(self, target: str, *, rating: str, note: str = "", evidence: Iterable[str] = (),
                    value: str | float | None = None, claim_text: str = "", doc: str = "",
                    kind: str | None = None) -> Verdict:
        """Record a verdict (a new record; the previous one stays in the history)."""
        record: dict[str, Any] = {"type": "verdict", "target": target, "kind": target_kind(target, kind),
                                  "rating": self.scale.label(rating)}
        if note.strip():
            record["note"] = note.strip()
        evidence = [e.strip() for e in ([evidence] if isinstance(evidence, str) else evidence) if e.strip()]
        if evidence:
            record["evidence"] = evidence
        if value is not None and str(value).strip():
            record["value"] = str(value).strip()
        with self._writing() as state:
            known_text, known_doc = state.snapshots.get(target, ("", ""))
            if (claim_text and claim_text != known_text) or (doc and doc != known_doc):
                record["claim_text"], record["doc"] = claim_text or known_text, doc or known_doc
            self._append(state, record)
            return state.verdicts[target]

    def judge(self, claim_a: str, claim_b: str, relation: str, note: str = "") -> None:
        """Record that two claims state the same fact, different facts, or that the reviewer is unsure."""
        if relation not in RELATIONS:
            raise InputError(f"unknown relation {relation!r}; valid relations: {', '.join(RELATIONS)}")
        for claim in (claim_a, claim_b):
            if target_kind(claim) != "claim":
                raise InputError(f"{claim} is not a claim id (c-…); pair judgements are about claims")
        first, second = pair_key(claim_a, claim_b)
        record: dict[str, Any] = {"type": "judgement", "target": first, "other": second, "relation": relation}
        if note.strip():
            record["note"] = note.strip()
        with self._writing() as state:
            self._append(state, record)

    def review_finding(self, finding_id: str, status: str, reason: str = "") -> Review:
        """Mark a finding reviewed: accepted, or dismissed (with the reason, for the next reader)."""
        if status not in STATUSES:
            raise InputError(f"unknown review status {status!r}; valid: {', '.join(STATUSES)}")
        if target_kind(finding_id) != "finding":
            raise InputError(f"{finding_id} is not a finding id (f-…)")
        record: dict[str, Any] = {"type": "review", "target": finding_id, "status": status}
        if reason.strip():
            record["reason"] = reason.strip()
        with self._writing() as state:
            self._append(state, record)
            return state.reviews[finding_id]

    def undo(self, target: str, other: str | None = None) -> Record:
        """Revert the newest change still in force for ``target`` (its verdict or review), or, with ``other``,
        the pair judgement on the two claims.  Returns the record that was undone.  Undoing again goes a
        further step back; the undo itself is a new history record."""
        with self._writing() as state:
            if other is None:
                undone = state.latest_change(target)
                what = target
            else:
                undone = state.latest_judgement(target, other)
                what = f"the pair {target} / {other}"
            if undone is None:
                raise InputError(f"nothing to undo for {what} in {self.path}")
            original = state.records[undone]
            record: dict[str, Any] = {"type": "undo", "target": original["target"], "undoes": undone}
            if "other" in original:
                record["other"] = original["other"]
            self._append(state, record)
            return Record.from_stored(undone, original)

    # -- machinery ------------------------------------------------------------------------------------

    def _current(self) -> State:
        """The state replayed from the file as it is now (re-read only if it changed on disk)."""
        with self._threads, _collector_paused():
            tables = self._storage.read() or {}
            if self._storage.loads != self._state_loads:
                self._table.clear_cache()  # TinyDB's query cache describes the old file
                state = State(str(self.path))
                state.replay(tables.get(HISTORY, {}))
                self._state, self._state_loads = state, self._storage.loads
        return self._state

    @contextmanager
    def _writing(self) -> Iterator[State]:
        """Hold the inter-process lock, clear what a killed writer left, and yield the state re-read from
        the file as it is now: a write always extends the newest history."""
        if not self.path.parent.is_dir():
            raise StoreError(f"{self.path}: cannot create the verdict database: "
                             f"folder {self.path.parent} does not exist")
        with self._threads:
            try:
                self._lock.acquire()
            except Timeout:
                raise StoreError(f"{self.path}: another session has held the lock ({self._lock.lock_file}) "
                                 f"for {LOCK_TIMEOUT:.0f} s; try again") from None
            except OSError as err:
                raise StoreError(f"{self.path}: cannot lock the verdict database: {err.strerror or err}") from None
            try:
                self._storage.remove_stale_temporaries()
                yield self._current()
            finally:
                self._lock.release()

    def _append(self, state: State, record: dict[str, Any]) -> None:
        """Add one record under the lock and extend the state with it (no full replay)."""
        record["reviewer"] = self.reviewer
        record["time"] = utc_now()
        record_id = state.last_id + 1
        try:
            self._table.insert(Document(record, doc_id=record_id))
        except ValueError:  # the file was edited by hand, without the lock, since it was re-read
            raise StoreError(f"{self.path}: record {record_id} appeared while this session held the lock "
                             "(edited by hand?); nothing was written, try again") from None
        state.apply(record_id, record)
