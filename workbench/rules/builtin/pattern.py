"""pattern: a regular expression over claims, for a team's own checks.

``mode: present`` reports every claim the pattern matches (a banned phrase, an unsourced "reportedly");
``mode: absent`` reports every document in which no claim matches (an article without a source line).
Patterns run under the ``regex`` module's time limit, per search and for the whole rule, so a
catastrophic pattern stops the run with a clear error instead of hanging a CI job.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from workbench.errors import RuleError
from workbench.rules.base import Hit, Kind, Option, Rule, RuleContext
from workbench.rules.mentions import excerpt
from workbench.text import normalise

OPTIONS = {
    "pattern": Option(str, None, "the regular expression (Python/regex syntax)"),
    "mode": Option(str, "present", "present: report matching claims; absent: report documents with no match",
                   choices=("present", "absent")),
    "ignore_case": Option(bool, False, "match regardless of case"),
    "normalised": Option(bool, False, "match against normalised text (one spelling for أ/إ/آ/ا, digits, ...)"),
    "timeout": Option(float, 1.0, "seconds one search may take"),
    "budget": Option(float, 10.0, "seconds the whole rule may take"),
}


def validate(options: Mapping[str, Any]) -> tuple[str, str] | None:
    if not options.get("pattern"):
        return "pattern", "required: a regular expression"
    try:
        regex.compile(options["pattern"])
    except regex.error as err:
        return "pattern", f"not a valid regular expression: {err}"
    if options["timeout"] <= 0 or options["budget"] <= 0:
        return "timeout", "timeout and budget must be positive numbers of seconds"
    return None


def check(rule: Rule, context: RuleContext) -> Iterator[Hit]:
    options = rule.options
    compiled = regex.compile(options["pattern"], regex.IGNORECASE if options["ignore_case"] else 0)
    deadline = time.monotonic() + options["budget"]

    def search(claim_text: str):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise RuleError(f"{rule.where()}: field 'budget': the pattern took longer than {options['budget']} s "
                            "over the corpus; simplify it or raise the budget")
        text = normalise(claim_text) if options["normalised"] else claim_text
        try:
            return compiled.search(text, timeout=min(options["timeout"], remaining))
        except TimeoutError:
            raise RuleError(f"{rule.where()}: field 'pattern': a search took longer than {options['timeout']} s "
                            f"(catastrophic backtracking?) on: {excerpt(claim_text, 60)}") from None

    for doc_id in context.documents:
        claims = context.claims_by_doc.get(doc_id, [])
        matched = False
        for claim in claims:
            found = search(claim.text)
            if found is None:
                continue
            matched = True
            if options["mode"] == "present":
                yield Hit(
                    claims=(claim.id,),
                    values={"doc": doc_id, "match": found.group(0), "pattern": options["pattern"],
                            "claim": excerpt(claim.text),
                            "items": [{"claim": claim.id, "doc": doc_id, "mention": found.group(0), "value": "matches"}]},
                    key=(found.group(0),),
                )
        if options["mode"] == "absent" and not matched:
            yield Hit(claims=(), values={"doc": doc_id, "match": "", "pattern": options["pattern"], "claim": "",
                                         "doc_ids": [doc_id], "items": []}, key=(doc_id,))


KIND = Kind(
    name="pattern",
    check=check,
    options=OPTIONS,
    fields=frozenset({"doc", "match", "pattern", "claim"}),
    summary="a regular expression over claims (present or absent)",
    validate=validate,
)
