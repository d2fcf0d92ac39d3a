"""Rules as data: YAML files that name a built-in kind and set its options, run over claims and
clusters to produce findings.  See ``rules/README.md`` for the file format."""

from workbench.rules.base import Hit, Kind, Option, Rule, RuleContext
from workbench.rules.loader import load_rules
from workbench.rules.registry import get_kind, kinds
from workbench.rules.run import fingerprint, run_rules

__all__ = [
    "Hit", "Kind", "Option", "Rule", "RuleContext", "fingerprint", "get_kind", "kinds", "load_rules", "run_rules",
]
