"""Loading rule files: one YAML mapping per file, validated field by field.

Every directory is read in order; within one directory rule ids must be unique, and a rule in a later
directory replaces the rule with the same id from an earlier one (so a team's ``--rules`` directory can
change a shipped rule's options or switch it off with ``enabled: false``).  Files ending in
``.test.yml``/``.test.yaml`` and sub-folders (fixtures) are not rules.
"""

from __future__ import annotations

import re
import string
from dataclasses import replace
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from workbench.errors import RuleError
from workbench.model import LEVELS
from workbench.rules.base import Kind, Option, Rule
from workbench.rules.registry import kinds

COMMON_FIELDS = ("id", "extends", "level", "message", "link", "enabled", "description")
COMMON_VALUES = frozenset({"rule", "level", "docs"})  # every message template may use these
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def is_rule_file(path: Path) -> bool:
    name = path.name
    return (
        path.is_file() and not name.startswith(".") and path.suffix in (".yml", ".yaml")
        and not name.endswith((".test.yml", ".test.yaml"))
    )


def load_rules(dirs: Iterable[Path | str], *, levels: Mapping[str, str] | None = None) -> list[Rule]:
    """The enabled rules of every directory, later directories overriding earlier ones by id, with
    ``levels`` (rule id -> error | warning | info | off) from the configuration applied last."""
    chosen: dict[str, Rule | None] = {}
    for folder in map(Path, dirs):
        if not folder.is_dir():
            raise RuleError(f"{folder}: no such rules directory")
        here: dict[str, Path] = {}
        for path in sorted(p for p in folder.iterdir() if is_rule_file(p)):
            rule, enabled = load_rule_file(path)
            if rule.id in here:
                raise RuleError(f"{path}: rule '{rule.id}': field 'id': already defined in {here[rule.id]}")
            here[rule.id] = path
            chosen.pop(rule.id, None)
            chosen[rule.id] = rule if enabled else None
    rules = {rule_id: rule for rule_id, rule in chosen.items() if rule is not None}
    for rule_id, level in (levels or {}).items():
        if rule_id not in chosen:
            known = ", ".join(sorted(chosen)) or "none"
            raise RuleError(f"levels: unknown rule id '{rule_id}' (known: {known})")
        if level == "off":
            rules.pop(rule_id, None)
        elif level in LEVELS:
            if rule_id in rules:
                rules[rule_id] = replace(rules[rule_id], level=level)
        else:
            raise RuleError(f"levels: rule '{rule_id}': level must be error, warning, info or off, not {level!r}")
    return list(rules.values())


def load_rule_file(path: Path) -> tuple[Rule, bool]:
    """One rule and whether it is enabled; RuleError names the file, the rule and the field."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise RuleError(f"{path}: not UTF-8 text") from None
    except OSError as err:
        raise RuleError(f"{path}: cannot be read: {err.strerror}") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(err, "problem", None) or str(err)
        raise RuleError(f"{where}: not valid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}: a rule file holds one mapping (id, extends, level, message, ...)")
    return parse_rule(data, path)


def parse_rule(data: Mapping[str, Any], path: Path) -> tuple[Rule, bool]:
    def fail(field: str, problem: str, rule_id: str | None = None) -> RuleError:
        rid = rule_id if rule_id is not None else data.get("id", "?")
        return RuleError(f"{path}: rule '{rid}': field '{field}': {problem}")

    rule_id = data.get("id")
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise fail("id", "required, lower-case letters, digits, '.', '_' or '-' (e.g. date-conflict)", rule_id or "?")
    kind = kinds().get(data.get("extends"))  # type: ignore[arg-type]
    if kind is None:
        raise fail("extends", f"must name a built-in kind ({', '.join(sorted(kinds()))}), not {data.get('extends')!r}")
    level = data.get("level")
    if level not in LEVELS:
        raise fail("level", f"must be error, warning or info, not {level!r}")
    message = data.get("message")
    if not isinstance(message, str) or not message.strip():
        raise fail("message", "required: a template such as '{doc_a} says {value_a}, {doc_b} says {value_b}'")
    _check_template(message, kind, fail)
    link = data.get("link")
    if link is not None and not isinstance(link, str):
        raise fail("link", "must be a URL string")
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        raise fail("enabled", "must be true or false")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise fail("description", "must be a string")
    options = {k: v for k, v in data.items() if k not in COMMON_FIELDS}
    rule = Rule(
        id=rule_id, kind=kind.name, level=level, message=message.strip(), link=link,
        options=_parse_options(options, kind, fail), description=description.strip(), source=path,
    )
    return rule, enabled


def _check_template(message: str, kind: Kind, fail) -> None:
    allowed = kind.fields | COMMON_VALUES
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(message) if name is not None]
    except ValueError as err:
        raise fail("message", f"not a valid template: {err}") from None
    for name in names:
        base = re.split(r"[.\[!:]", name, maxsplit=1)[0]
        if base not in allowed:
            raise fail("message", f"unknown value {{{name}}}; {kind.name} offers {', '.join(sorted(allowed))}")


def _parse_options(given: Mapping[str, Any], kind: Kind, fail) -> dict[str, Any]:
    unknown = sorted(set(given) - set(kind.options))
    if unknown:
        known = ", ".join(sorted(kind.options)) or "none"
        raise fail(unknown[0], f"unknown option for {kind.name} (its options: {known})")
    options: dict[str, Any] = {}
    for name, spec in kind.options.items():
        value = given.get(name, spec.default)
        if name in given:
            value = _check_option(name, value, spec, fail)
        options[name] = value
    if kind.validate is not None:
        problem = kind.validate(options)
        if problem is not None:
            raise fail(*problem)
    return options


def _type_name(t) -> str:
    names = {bool: "true or false", int: "an integer", float: "a number", str: "a string", list: "a list"}
    if isinstance(t, tuple):
        return " or ".join(names.get(x, x.__name__) for x in t)
    return names.get(t, t.__name__)


def _is(value: Any, t) -> bool:
    types = t if isinstance(t, tuple) else (t,)
    if isinstance(value, bool):
        return bool in types
    if float in types and isinstance(value, int):
        return True
    return isinstance(value, types)


def _check_option(name: str, value: Any, spec: Option, fail) -> Any:
    if value is None and spec.default is None:
        return None
    if not _is(value, spec.type):
        raise fail(name, f"must be {_type_name(spec.type)}, not {value!r}")
    if spec.item_type is not None:
        bad = [v for v in value if not _is(v, spec.item_type)]
        if bad:
            raise fail(name, f"every item must be {_type_name(spec.item_type)}, not {bad[0]!r}")
    if spec.choices:
        items = value if isinstance(value, list) else [value]
        bad = [v for v in items if v not in spec.choices]
        if bad:
            raise fail(name, f"must be one of {', '.join(map(str, spec.choices))}, not {bad[0]!r}")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
        raise fail(name, f"must not be negative, not {value!r}")
    return value
