"""What the verdict store holds: the append-only history records and the current state derived from them.

Nothing is overwritten.  Each change is one record (``verdict``, ``judgement``, ``review`` or ``undo``)
numbered in the order writers took the lock; the current state is a replay of them, which is what makes
"who changed this, when, from what" answerable and any change undoable."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from workbench.errors import InputError, StoreError

KIND_BY_PREFIX = {"c-": "claim", "k-": "cluster", "f-": "finding"}
KINDS = tuple(KIND_BY_PREFIX.values())
RELATIONS = ("same", "different", "unsure")
STATUSES = ("accepted", "dismissed")
RECORD_TYPES = ("verdict", "judgement", "review", "undo")


def target_kind(target: str, kind: str | None = None) -> str:
    """The kind a target id names (``c-`` claim, ``k-`` cluster, ``f-`` finding); ``kind`` may name it for
    an id without a known prefix, but may not contradict the prefix."""
    if not target or target != target.strip() or any(ch.isspace() for ch in target):
        raise InputError(f"{target!r} is not a claim, cluster or finding id")
    implied = KIND_BY_PREFIX.get(target[:2])
    if kind is not None and kind not in KINDS:
        raise InputError(f"unknown kind {kind!r}; kinds: {', '.join(KINDS)}")
    if implied and kind and kind != implied:
        raise InputError(f"{target} is a {implied} id, not a {kind} id")
    if not (implied or kind):
        raise InputError(f"{target!r} is not a claim (c-…), cluster (k-…) or finding (f-…) id")
    return implied or kind  # type: ignore[return-value]


def pair_key(claim_a: str, claim_b: str) -> tuple[str, str]:
    """A pair judgement is about two claims in no particular order."""
    if claim_a == claim_b:
        raise InputError(f"a pair judgement needs two different claims, got {claim_a} twice")
    return (claim_a, claim_b) if claim_a < claim_b else (claim_b, claim_a)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The current verdict on a claim, cluster or finding.  ``claim_text`` and ``doc`` are kept from when
    it was recorded, so the verdict stays readable after its document is edited or removed."""

    target: str
    kind: str
    rating: str
    note: str = ""
    evidence: tuple[str, ...] = ()
    value: str | None = None  # a corrected value the reviewer verified: "2025-03-10", "90", ...
    reviewer: str = ""
    time: str = ""  # ISO 8601 UTC
    claim_text: str = ""
    doc: str = ""
    record: int = 0  # the history record it comes from

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target, "kind": self.kind, "rating": self.rating, "note": self.note,
            "evidence": list(self.evidence), "value": self.value, "reviewer": self.reviewer, "time": self.time,
            "claim_text": self.claim_text, "doc": self.doc, "record": self.record,
        }


@dataclass(frozen=True, slots=True)
class Review:
    """A finding a reviewer has judged: accepted (it is a real problem) or dismissed, with the reason."""

    finding: str
    status: str
    reason: str = ""
    reviewer: str = ""
    time: str = ""
    record: int = 0


@dataclass(frozen=True, slots=True)
class Record:
    """One entry of the history, as stored: who did what to which target, when."""

    id: int
    type: str
    target: str
    reviewer: str
    time: str
    data: Mapping[str, Any] = field(default_factory=dict)  # the type's own fields (rating, relation, ...)

    @classmethod
    def from_stored(cls, record_id: int, stored: Mapping[str, Any]) -> "Record":
        rest = {k: v for k, v in stored.items() if k not in ("type", "target", "reviewer", "time")}
        return cls(record_id, stored["type"], stored["target"], stored.get("reviewer", ""),
                   stored.get("time", ""), MappingProxyType(rest))

    def summary(self) -> str:
        """One line for ``verdict history``."""
        data = self.data
        if self.type == "verdict":
            parts = [f"rated {data['rating']}"]
            if data.get("value") is not None:
                parts.append(f"value {data['value']}")
            if data.get("note"):
                parts.append(f"note: {data['note']}")
            parts.extend(f"evidence: {e}" for e in data.get("evidence", ()))
            return "; ".join(parts)
        if self.type == "judgement":
            text = f"{data['relation']}: {self.target} / {data['other']}"
            return f"{text}; note: {data['note']}" if data.get("note") else text
        if self.type == "review":
            text = f"finding {data['status']}"
            return f"{text}; reason: {data['reason']}" if data.get("reason") else text
        return f"undid #{data['undoes']}"

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "target": self.target, "reviewer": self.reviewer,
                "time": self.time, **self.data}


class State:
    """The current verdicts, judgements and reviews, replayed from the history.

    Each target keeps a stack of the records that set it; an undo pops one, so undoing again goes back a
    further step.  ``apply`` takes records in id order, so a writer can extend the state it already has
    with its own new record instead of replaying everything."""

    def __init__(self, source: str) -> None:
        self.source = source  # the database file, for messages
        self.last_id = 0
        self.records: dict[int, Mapping[str, Any]] = {}
        self.verdict_stacks: dict[str, list[int]] = {}
        self.review_stacks: dict[str, list[int]] = {}
        self.judgement_stacks: dict[tuple[str, str], list[int]] = {}
        self.snapshots: dict[str, tuple[str, str]] = {}  # claim id -> (text, document id) last recorded
        self.verdicts: dict[str, Verdict] = {}
        self.reviews: dict[str, Review] = {}
        self.judgements: dict[frozenset[str], str] = {}

    def replay(self, records: Mapping[str, Mapping[str, Any]]) -> None:
        """Apply a whole stored history (keys are record numbers), building each current item once."""
        for key, stored in records.items():
            self.apply(int(key), stored, refresh=False)
        for target in self.verdict_stacks:
            self._refresh_verdict(target)
        for target in self.review_stacks:
            self._refresh_review(target)
        for pair in self.judgement_stacks:
            self._refresh_judgement(pair)

    def apply(self, record_id: int, stored: Mapping[str, Any], *, refresh: bool = True) -> None:
        """Add one record; ``refresh=False`` leaves the current items to be built by :meth:`replay`."""
        required = self._REQUIRED.get(stored.get("type"))  # type: ignore[arg-type]
        if required is None or not stored.keys() >= required or (
                stored["type"] == "undo" and not isinstance(stored["undoes"], int)):
            self._reject(record_id, stored)
        self.records[record_id] = stored
        if record_id > self.last_id:
            self.last_id = record_id
        kind = stored["type"]
        target = stored["target"]
        if kind == "verdict":
            if "claim_text" in stored or "doc" in stored:
                old_text, old_doc = self.snapshots.get(target, ("", ""))
                self.snapshots[target] = (stored.get("claim_text") or old_text, stored.get("doc") or old_doc)
            stack = self.verdict_stacks.get(target)
            if stack is None:
                self.verdict_stacks[target] = [record_id]
            else:
                stack.append(record_id)
            if refresh:
                self._refresh_verdict(target)
        elif kind == "review":
            self.review_stacks.setdefault(target, []).append(record_id)
            if refresh:
                self._refresh_review(target)
        elif kind == "judgement":
            pair = pair_key(target, stored["other"])
            self.judgement_stacks.setdefault(pair, []).append(record_id)
            if refresh:
                self._refresh_judgement(pair)
        else:
            self._undo(record_id, stored, refresh)

    def latest_change(self, target: str) -> int | None:
        """The newest record still in force for ``target``'s verdict or review (what ``undo`` reverts)."""
        tops = [stack[-1] for stack in (self.verdict_stacks.get(target), self.review_stacks.get(target)) if stack]
        return max(tops) if tops else None

    def latest_judgement(self, claim_a: str, claim_b: str) -> int | None:
        stack = self.judgement_stacks.get(pair_key(claim_a, claim_b))
        return stack[-1] if stack else None

    def _undo(self, record_id: int, stored: Mapping[str, Any], refresh: bool) -> None:
        undone = stored["undoes"]
        original = self.records.get(undone)
        if original is None or undone >= record_id:
            raise StoreError(f"{self.source}: record {record_id} undoes record {undone}, which is not before it")
        if original["type"] == "verdict":
            stacks, key, rebuild = self.verdict_stacks, original["target"], self._refresh_verdict
        elif original["type"] == "review":
            stacks, key, rebuild = self.review_stacks, original["target"], self._refresh_review
        elif original["type"] == "judgement":
            key = pair_key(original["target"], original["other"])
            stacks, rebuild = self.judgement_stacks, self._refresh_judgement
        else:
            raise StoreError(f"{self.source}: record {record_id} undoes record {undone}, which is itself an undo")
        stack = stacks.get(key, [])
        if undone not in stack:
            raise StoreError(f"{self.source}: record {record_id} undoes record {undone} a second time")
        stack.remove(undone)
        if refresh:
            rebuild(key)

    def _refresh_verdict(self, target: str) -> None:
        stack = self.verdict_stacks[target]
        if not stack:
            self.verdicts.pop(target, None)
            return
        stored = self.records[stack[-1]]
        get = stored.get
        text, doc = self.snapshots.get(target, ("", ""))
        self.verdicts[target] = Verdict(  # positional: this runs once per claim when a large database loads
            target, stored["kind"], stored["rating"], get("note", ""), tuple(get("evidence", ())),
            get("value"), get("reviewer", ""), get("time", ""), text, doc, stack[-1])

    def _refresh_review(self, target: str) -> None:
        stack = self.review_stacks[target]
        if not stack:
            self.reviews.pop(target, None)
            return
        stored = self.records[stack[-1]]
        self.reviews[target] = Review(target, stored["status"], stored.get("reason", ""),
                                      stored.get("reviewer", ""), stored.get("time", ""), stack[-1])

    def _refresh_judgement(self, key: tuple[str, str]) -> None:
        stack = self.judgement_stacks[key]
        if stack:
            self.judgements[frozenset(key)] = self.records[stack[-1]]["relation"]
        else:
            self.judgements.pop(frozenset(key), None)

    _REQUIRED = {kind: frozenset({"type", "target", *fields}) for kind, fields in (
        ("verdict", ("kind", "rating")), ("judgement", ("other", "relation")), ("review", ("status",)),
        ("undo", ("undoes",)))}

    def _reject(self, record_id: int, stored: Mapping[str, Any]) -> None:
        """A hand-edited record that cannot be replayed is reported by number, never skipped."""
        kind = stored.get("type")
        if kind not in self._REQUIRED:
            raise StoreError(f"{self.source}: record {record_id}: unknown type {kind!r} "
                             f"(expected one of {', '.join(RECORD_TYPES)})")
        missing = sorted(self._REQUIRED[kind] - stored.keys())
        if missing:
            raise StoreError(f"{self.source}: record {record_id}: a {kind} record needs {', '.join(missing)}")
        raise StoreError(f"{self.source}: record {record_id}: 'undoes' must be a record number")
