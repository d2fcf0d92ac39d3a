"""Configuration: ``workbench.toml``, or ``[tool.workbench]`` in ``pyproject.toml``, found upward from
the current directory.  Paths in it are relative to the file that names them.  Flags override it."""

from __future__ import annotations

import getpass
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from workbench.errors import WorkbenchError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = PROJECT_ROOT / "data" / "corpus"
BUNDLED_RULES = PROJECT_ROOT / "rules"
BUNDLED_ENTITIES = PROJECT_ROOT / "data" / "entities.yaml"
DEFAULT_DB_NAME = ".workbench-verdicts.json"
# The lowest pair score (0-1) that links two claims as one fact; here, not in workbench.xref, so that
# the CLI can show it without loading the cross-referencer.
DEFAULT_XREF_THRESHOLD = 0.45


class ConfigError(WorkbenchError):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    corpus: tuple[Path, ...] = ()
    rules: tuple[Path, ...] = (BUNDLED_RULES,)
    entities: tuple[Path, ...] = (BUNDLED_ENTITIES,)
    db: Path | None = None
    date_order: str = "dmy"  # how 11/01/2023 is read: day-first, as Arabic outlets write it
    levels: dict[str, str] = field(default_factory=dict)  # per-rule level overrides
    fail_on: str = "error"
    reviewer: str = ""
    bidi: str = "auto"
    ratings: dict[str, float] = field(default_factory=dict)  # a team's own rating scale
    source: Path | None = None  # the file this came from, for messages

    def with_overrides(self, **changes: Any) -> "Config":
        """Flags override the file; ``None`` means "not given"."""
        return replace(self, **{k: v for k, v in changes.items() if v not in (None, ())})

    def reviewer_name(self) -> str:
        if self.reviewer:
            return self.reviewer
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return os.environ.get("USER", "unknown")

    def db_path(self, corpus: tuple[Path, ...] = ()) -> Path:
        """The verdict database: configured, else a file beside the (first) corpus path."""
        if self.db is not None:
            return self.db
        paths = corpus or self.corpus
        if paths:
            first = paths[0]
            return (first if first.is_dir() else first.parent) / DEFAULT_DB_NAME
        return Path.cwd() / DEFAULT_DB_NAME


def find_config_file(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest workbench.toml, or pyproject.toml with a [tool.workbench] table, upward from start."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "workbench.toml"
        if candidate.is_file():
            return candidate, _read_toml(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("workbench")
            if table is not None:
                return pyproject, table
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: not valid TOML: {err}") from None


_KNOWN = {"corpus", "rules", "entities", "db", "date_order", "levels", "fail_on", "reviewer", "bidi", "ratings"}


def load_config(start: Path | None = None) -> Config:
    found = find_config_file(start)
    if found is None:
        return Config()
    path, table = found
    unknown = set(table) - _KNOWN
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(_KNOWN))}")
    base = path.parent

    def paths(key: str, default: tuple[Path, ...]) -> tuple[Path, ...]:
        value = table.get(key)
        if value is None:
            return default
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: '{key}' must be a path or a list of paths")
        return tuple((base / v).resolve() for v in value)

    def choice(key: str, allowed: tuple[str, ...], default: str) -> str:
        value = table.get(key, default)
        if value not in allowed:
            raise ConfigError(f"{path}: '{key}' must be one of {', '.join(allowed)}, not {value!r}")
        return value

    levels = table.get("levels", {})
    if not isinstance(levels, dict) or any(v not in ("error", "warning", "info", "off") for v in levels.values()):
        raise ConfigError(f"{path}: 'levels' maps rule ids to error, warning, info or off")
    ratings = table.get("ratings", {})
    if not isinstance(ratings, dict) or not all(isinstance(v, (int, float)) for v in ratings.values()):
        raise ConfigError(f"{path}: 'ratings' maps each rating label to a number (its ClaimReview ratingValue)")
    db = table.get("db")
    return Config(
        corpus=paths("corpus", ()),
        rules=paths("rules", (BUNDLED_RULES,)),
        entities=paths("entities", (BUNDLED_ENTITIES,)),
        db=(base / db).resolve() if isinstance(db, str) else None,
        date_order=choice("date_order", ("dmy", "mdy", "ymd"), "dmy"),
        levels=dict(levels),
        fail_on=choice("fail_on", ("error", "warning", "info", "never"), "error"),
        reviewer=str(table.get("reviewer", "")),
        bidi=choice("bidi", ("auto", "on", "off"), "auto"),
        ratings={str(k): float(v) for k, v in ratings.items()},
        source=path,
    )
