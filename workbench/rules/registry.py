"""The registry of rule kinds, by name.

A built-in kind is one module in ``workbench/rules/builtin/`` whose ``KIND`` is listed here.  A kind from
another package is one entry point in the ``workbench.rule_kinds`` group whose object is a
:class:`~workbench.rules.base.Kind`; a rule file then names it in ``extends``.
"""

from __future__ import annotations

import importlib
from functools import cache
from importlib.metadata import entry_points

from workbench.errors import RuleError
from workbench.rules.base import Kind

BUILTIN_MODULES = (
    "date_conflict", "number_conflict", "weekday_mismatch", "calendar_mismatch", "stale_content",
    "entity_variant", "title_variant", "contradicts_verdict", "pattern",
)
ENTRY_POINT_GROUP = "workbench.rule_kinds"


@cache
def kinds() -> dict[str, Kind]:
    """Every known kind by name: the built-ins, then those other packages register."""
    found: dict[str, Kind] = {}
    for module in BUILTIN_MODULES:
        kind = importlib.import_module(f"workbench.rules.builtin.{module}").KIND
        found[kind.name] = kind
    for point in entry_points(group=ENTRY_POINT_GROUP):
        kind = point.load()
        if not isinstance(kind, Kind):
            raise RuleError(f"entry point {point.name} ({point.value}) in {ENTRY_POINT_GROUP} is not a rule Kind")
        found.setdefault(kind.name, kind)  # a plug-in cannot replace a built-in
    return found


def get_kind(name: str) -> Kind | None:
    return kinds().get(name)
