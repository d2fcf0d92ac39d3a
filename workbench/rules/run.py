"""Running rules: each kind reports hits; a hit becomes a Finding with a stable fingerprint and a
message rendered from the rule's template."""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from typing import Any

from workbench.model import Finding, stable_id
from workbench.rules.base import Hit, Rule, RuleContext
from workbench.rules.registry import get_kind


def fingerprint(rule_id: str, claim_ids: Iterable[str], key: Iterable[str] = ()) -> str:
    """``f-`` + hash of the rule id, the sorted claim ids and the values that identify the finding.
    Claim ids come from document ids and normalised claim text, so the fingerprint survives re-saves,
    moved lines and other machines: a reviewed finding stays reviewed."""
    return stable_id("f", rule_id, *sorted(set(claim_ids)), "\x1e", *key)


class _Values(dict):
    """Template values: lists print as comma-separated text; a value a hit lacks prints as '?'."""

    def __missing__(self, key: str) -> str:
        return "?"


def render(template: str, values: Mapping[str, Any]) -> str:
    shown = _Values({k: ", ".join(map(str, v)) if isinstance(v, (list, tuple)) else v for k, v in values.items()})
    try:
        return string.Formatter().vformat(template, (), shown)
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        return template  # checked at load time; a value of an unexpected shape keeps the raw template


def run_rules(rules: Iterable[Rule], context: RuleContext) -> list[Finding]:
    """Every rule over the context; findings in document order, then by offset, then by rule."""
    order = {doc_id: i for i, doc_id in enumerate(context.documents)}
    findings: dict[str, Finding] = {}
    for rule in rules:
        kind = get_kind(rule.kind)
        if kind is None:  # load_rules refuses unknown kinds; a hand-made Rule may not have
            continue
        for hit in kind.check(rule, context):
            finding = _finding(rule, hit, context, order)
            findings.setdefault(finding.id, finding)
    return sorted(findings.values(), key=lambda f: (_position(f, context, order), f.rule, f.id))


def _position(finding: Finding, context: RuleContext, order: Mapping[str, int]) -> tuple[int, int]:
    first = context.claims.get(finding.claims[0]) if finding.claims else None
    doc = finding.docs[0] if finding.docs else ""
    return order.get(doc, len(order)), first.start if first else 0


def _finding(rule: Rule, hit: Hit, context: RuleContext, order: Mapping[str, int]) -> Finding:
    def where(claim_id: str) -> tuple[int, int, str]:
        claim = context.claims.get(claim_id)
        if claim is None:
            return len(order), 0, claim_id
        return order.get(claim.doc, len(order)), claim.start, claim_id

    claims = tuple(sorted(set(hit.claims), key=where))
    docs: list[str] = []
    for claim_id in claims:
        claim = context.claims.get(claim_id)
        if claim is not None and claim.doc not in docs:
            docs.append(claim.doc)
    for doc in hit.values.get("doc_ids", ()):  # a finding about a document with no claim of its own
        if doc not in docs:
            docs.append(doc)
    level = hit.level or rule.level
    values = {**hit.values, "rule": rule.id, "level": level, "docs": docs}
    return Finding(
        id=fingerprint(rule.id, claims or docs, hit.key),
        rule=rule.id,
        level=level,
        message=render(rule.message, values),
        claims=claims,
        docs=tuple(docs),
        values={k: v for k, v in values.items() if k not in ("rule", "level", "docs", "doc_ids")},
        link=rule.link,
    )
