"""The data model: small frozen records that flow one way.

documents -> claims -> clusters -> findings -> verdicts.  Every offset is a character offset
into the document's decoded original text; nothing here ever rewrites that text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import MISSING, dataclass, field, fields
from operator import attrgetter
from typing import Any, Literal, TypeVar

Granularity = Literal["day", "month", "year"]
Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("info", "warning", "error")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def stable_id(prefix: str, *parts: str, length: int = 12) -> str:
    """A content-derived id: the same inputs give the same id on every run and machine."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=16).hexdigest()
    return f"{prefix}-{digest[:length]}"


_Record = TypeVar("_Record", bound=type)


def _made_in_bulk(cls: _Record) -> _Record:
    """For the records extraction makes by the hundred thousand, and the worker processes send back.

    Made: a frozen dataclass's own __init__ sets each field through object.__setattr__, which looks the
    field up again for every object; setting it through its slot directly makes a record about 40%
    faster.  Pickled: as its class and field values, rebuilt by that constructor; the default for a
    frozen slots dataclass looks the fields up again for every object, and is twice as slow."""
    record = fields(cls)
    assert "__post_init__" not in vars(cls) and all(f.default_factory is MISSING for f in record)
    namespace = {f"_set_{f.name}": vars(cls)[f.name].__set__ for f in record}  # the slots' own setters
    namespace |= {f"_default_{f.name}": f.default for f in record if f.default is not MISSING}
    parameters = ", ".join(f.name if f.default is MISSING else f"{f.name}=_default_{f.name}" for f in record)
    body = "".join(f"\n    _set_{f.name}(self, {f.name})" for f in record)
    exec(f"def __init__(self, {parameters}):{body}", namespace)  # written as dataclasses writes its own
    cls.__init__ = namespace["__init__"]
    cls.__init__.__qualname__ = f"{cls.__qualname__}.__init__"
    values = attrgetter(*(f.name for f in record))

    def __reduce__(self):
        return cls, values(self)

    cls.__reduce__ = __reduce__
    return cls


@_made_in_bulk
@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@_made_in_bulk
@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    path: str = ""
    published: dt.date | None = None
    # Where the publication date came from: "header" (the document's own date line),
    # "field" (a JSON Lines `published`), "option" (--published), or None when unknown.
    published_source: str | None = None
    published_span: Span | None = None
    title: str = ""
    source: str = ""
    url: str = ""
    encoding: str = "utf-8"
    chrome: tuple[Span, ...] = ()
    line: int | None = None  # line number inside a .jsonl file

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset, for messages that point into the file."""
        return self.text.count("\n", 0, offset) + 1


@_made_in_bulk
@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    start: int
    end: int
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    granularity: Granularity
    calendar: Literal["gregorian", "hijri"] = "gregorian"
    relative: bool = False
    weekday: str | None = None  # the weekday the text states (english name), if any

    def as_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.value) if self.granularity == "day" else None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end, "value": self.value,
            "granularity": self.granularity, "calendar": self.calendar,
            "relative": self.relative, "weekday": self.weekday,
        }


@_made_in_bulk
@dataclass(frozen=True, slots=True)
class NumberMention:
    text: str
    start: int
    end: int
    value: float | int
    unit: str | None = None
    ordinal: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end, "value": self.value,
            "unit": self.unit, "ordinal": self.ordinal,
        }


@_made_in_bulk
@dataclass(frozen=True, slots=True)
class EntityMention:
    text: str
    start: int
    end: int
    id: str  # gazetteer id
    type: str  # person | organisation | place | ...
    title: str | None = None  # the title the claim gives a person
    name: str = ""  # the gazetteer's canonical name
    exact: bool = True  # False when matched only through fuzzy spelling tolerance

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end, "id": self.id,
            "type": self.type, "title": self.title, "name": self.name, "exact": self.exact,
        }


@_made_in_bulk
@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    doc: str
    start: int
    end: int
    text: str
    dates: tuple[DateMention, ...] = ()
    numbers: tuple[NumberMention, ...] = ()
    entities: tuple[EntityMention, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "doc": self.doc, "start": self.start, "end": self.end, "text": self.text,
            "dates": [d.to_json() for d in self.dates],
            "numbers": [n.to_json() for n in self.numbers],
            "entities": [e.to_json() for e in self.entities],
        }


@dataclass(frozen=True, slots=True)
class Cluster:
    id: str
    claims: tuple[str, ...]
    docs: tuple[str, ...]
    score: float

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "claims": list(self.claims), "docs": list(self.docs), "score": round(self.score, 3)}


@dataclass(frozen=True, slots=True)
class Finding:
    id: str  # fingerprint: rule id + the claims' ids, stable across re-saves
    rule: str
    level: Level
    message: str
    claims: tuple[str, ...]
    docs: tuple[str, ...]
    values: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    link: str | None = None
    reviewed: str | None = None  # None, "accepted" or "dismissed" once a reviewer has judged it

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "rule": self.rule, "level": self.level, "message": self.message,
            "claims": list(self.claims), "docs": list(self.docs), "values": self.values,
            "link": self.link, "reviewed": self.reviewed,
        }


@_made_in_bulk
@dataclass(frozen=True, slots=True)
class Problem:
    """Input that could not be used, reported by file (and line) instead of being skipped silently."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
