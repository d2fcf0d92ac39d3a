"""Findings for people and for CI: text, JSON, SARIF 2.1.0, JUnit XML and GitHub workflow annotations.

Every format says the same thing: which findings there are, which a reviewer has already judged (those
never fail a run), and which fail it at the chosen ``--fail-on`` level.  Locations are the claim's file
and line (for a JSON Lines document: the line of its record).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote
from xml.etree import ElementTree as ET

from workbench.model import LEVELS, Claim, Document, Finding, Problem
from workbench.rules.base import Rule

FORMATS = ("text", "json", "sarif", "junit", "github")
FAIL_ON = ("error", "warning", "info", "never")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def fails(finding: Finding, fail_on: str) -> bool:
    """An unreviewed finding at or above the ``--fail-on`` level fails the run."""
    if fail_on == "never" or finding.reviewed:
        return False
    return LEVELS.index(finding.level) >= LEVELS.index(fail_on)


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int | None  # character offset into the file's text, when offsets are into the file
    length: int | None


@dataclass(frozen=True)
class Report:
    findings: Sequence[Finding]
    documents: Mapping[str, Document]
    claims: Mapping[str, Claim]
    rules: Sequence[Rule] = ()
    problems: Sequence[Problem] = ()
    fail_on: str = "error"
    version: str = "0"
    _locations: dict[str, Location | None] = field(default_factory=dict, repr=False, compare=False)

    @property
    def failing(self) -> list[Finding]:
        return [f for f in self.findings if fails(f, self.fail_on)]

    def summary(self) -> dict[str, Any]:
        levels = Counter(f.level for f in self.findings)
        return {
            "total": len(self.findings),
            "error": levels.get("error", 0), "warning": levels.get("warning", 0), "info": levels.get("info", 0),
            "reviewed": sum(1 for f in self.findings if f.reviewed),
            "failing": len(self.failing), "fail_on": self.fail_on,
            "by_rule": dict(sorted(Counter(f.rule for f in self.findings).items())),
            "documents": len(self.documents), "claims": len(self.claims),
            "problems": len(self.problems),
        }

    def location(self, claim_id: str) -> Location | None:
        if claim_id not in self._locations:
            self._locations[claim_id] = self._locate(claim_id)
        return self._locations[claim_id]

    def _locate(self, claim_id: str) -> Location | None:
        claim = self.claims.get(claim_id)
        document = self.documents.get(claim.doc) if claim else None
        if claim is None or document is None:
            return None
        path = display_path(document.path or document.id)
        if document.line is not None:  # a JSON Lines record: offsets are into its text field, not the file
            return Location(path, document.line, 1, document.line, 1, None, None)
        line, end_line = document.line_of(claim.start), document.line_of(claim.end)
        column = claim.start - (document.text.rfind("\n", 0, claim.start) + 1) + 1
        end_column = claim.end - (document.text.rfind("\n", 0, claim.end) + 1) + 1
        return Location(path, line, column, end_line, end_column, claim.start, claim.end - claim.start)

    def first_location(self, finding: Finding) -> Location | None:
        for claim_id in finding.claims:
            found = self.location(claim_id)
            if found is not None:
                return found
        if finding.docs and finding.docs[0] in self.documents:
            document = self.documents[finding.docs[0]]
            line = document.line or 1
            return Location(display_path(document.path or document.id), line, 1, line, 1, None, None)
        return None


def display_path(path: str) -> str:
    """A path relative to the working directory when it lies under it (what CI annotations expect),
    with forward slashes."""
    try:
        relative = os.path.relpath(Path(path).resolve(), Path.cwd())
    except ValueError:  # another drive
        return Path(path).as_posix()
    return Path(path).as_posix() if relative.startswith("..") else Path(relative).as_posix()


def render(report: Report, fmt: str) -> str:
    return {"text": to_text, "json": to_json, "sarif": to_sarif, "junit": to_junit, "github": to_github}[fmt](report)


# ---- text ----------------------------------------------------------------------------------------

def _one_line(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def to_text(report: Report) -> str:
    """Grouped by the document a finding starts in; each finding's claims side by side: where, the
    mention, its value, and the claim text."""
    by_doc: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_doc.setdefault(finding.docs[0] if finding.docs else "", []).append(finding)
    lines: list[str] = []
    for doc_id, findings in by_doc.items():
        document = report.documents.get(doc_id)
        header = doc_id
        if document is not None:
            header += f"  {display_path(document.path)}" if document.path else ""
            header += f"  (published {document.published.isoformat()})" if document.published else "  (no publication date)"
        lines.append(header)
        for finding in findings:
            tag = f"  [reviewed: {finding.reviewed}]" if finding.reviewed else ""
            lines.append(f"  {finding.level:<7} {finding.rule}  {finding.id}{tag}")
            lines.append(f"    {finding.message}")
            rows = []
            for item in finding.values.get("items", []) or [{"claim": c} for c in finding.claims]:
                claim = report.claims.get(item.get("claim") or "")
                where = report.location(claim.id) if claim else None
                place = f"{claim.doc}:{where.line}" if claim and where else item.get("doc", "")
                rows.append((place, str(item.get("mention", "")), str(item.get("value", "")),
                             _one_line(claim.text, 90) if claim else ""))
            if rows:
                widths = [min(max(len(r[i]) for r in rows), 40) for i in range(3)]
                for row in rows:
                    cells = [row[i][: widths[i]].ljust(widths[i]) for i in range(3)]
                    lines.append(f"      {'  '.join(cells)}  | {row[3]}".rstrip())
            if finding.link:
                lines.append(f"      see {finding.link}")
        lines.append("")
    lines.append(_summary_line(report))
    return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _summary_line(report: Report) -> str:
    s = report.summary()
    documents = _count(s["documents"], "document")
    if not s["total"]:
        head = f"no findings in {documents} ({_count(s['claims'], 'claim')})"
    else:
        head = (f"{_count(s['total'], 'finding')} in {documents}: {s['error']} error, {s['warning']} warning, "
                f"{s['info']} info; {s['reviewed']} reviewed")
    if report.fail_on == "never":
        return head + "; --fail-on never"
    return head + f"; {s['failing']} unreviewed at or above {report.fail_on}"


# ---- json ----------------------------------------------------------------------------------------

def to_json(report: Report) -> str:
    findings = []
    for finding in report.findings:
        row = finding.to_json()
        where = report.first_location(finding)
        if where is not None:
            row["path"], row["line"] = where.path, where.line
        findings.append(row)
    data = {
        "findings": findings,
        "summary": report.summary(),
        "problems": [{"path": p.path, "line": p.line, "message": p.message} for p in report.problems],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


# ---- SARIF 2.1.0 ---------------------------------------------------------------------------------

_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _sarif_location(where: Location, message: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": where.line, "startColumn": where.column}
    if where.offset is not None:
        region.update(endLine=where.end_line, endColumn=where.end_column,
                      charOffset=where.offset, charLength=where.length)
    uri = quote(where.path, safe="/:")
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}
    if message:
        location["message"] = {"text": message}
    return location


def to_sarif(report: Report) -> str:
    rule_ids = list(dict.fromkeys([r.id for r in report.rules] + [f.rule for f in report.findings]))
    by_id = {r.id: r for r in report.rules}
    descriptors = []
    for rule_id in rule_ids:
        rule = by_id.get(rule_id)
        descriptor: dict[str, Any] = {"id": rule_id, "name": rule_id}
        if rule is not None:
            descriptor["shortDescription"] = {"text": rule.description or rule.kind}
            descriptor["defaultConfiguration"] = {"level": _SARIF_LEVEL[rule.level]}
            descriptor["properties"] = {"kind": rule.kind}
            if rule.link:
                descriptor["helpUri"] = rule.link
        descriptors.append(descriptor)
    results = []
    for finding in report.findings:
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": rule_ids.index(finding.rule),
            "level": _SARIF_LEVEL[finding.level],
            "message": {"text": finding.message},
            "partialFingerprints": {"workbenchFinding/v1": finding.id},
            "properties": {"id": finding.id, "claims": list(finding.claims), "docs": list(finding.docs),
                           "values": finding.values},
        }
        located = [(c, report.location(c)) for c in finding.claims]
        located = [(c, w) for c, w in located if w is not None]
        first = report.first_location(finding)
        if first is not None:
            result["locations"] = [_sarif_location(first)]
        if len(located) > 1:
            result["relatedLocations"] = [
                {"id": i, **_sarif_location(w, _one_line(report.claims[c].text, 120))}
                for i, (c, w) in enumerate(located[1:], 1)
            ]
        if finding.reviewed:
            result["suppressions"] = [{"kind": "external", "status": "accepted",
                                       "justification": f"reviewed in the verdict store: {finding.reviewed}"}]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "workbench", "version": report.version, "rules": descriptors}},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{
                "executionSuccessful": True,
                "toolExecutionNotifications": [
                    {"level": "warning", "message": {"text": p.message},
                     "locations": [_sarif_location(Location(display_path(p.path), p.line or 1, 1, p.line or 1, 1, None, None))]}
                    for p in report.problems
                ],
            }],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


# ---- JUnit XML -----------------------------------------------------------------------------------

def to_junit(report: Report) -> str:
    """One test suite per document, one test case per finding: a failure when it fails the run,
    skipped when reviewed or below ``--fail-on``; a document without findings has one passing case."""
    root = ET.Element("testsuites", name="workbench check")
    by_doc: dict[str, list[Finding]] = {doc_id: [] for doc_id in report.documents}
    for finding in report.findings:
        by_doc.setdefault(finding.docs[0] if finding.docs else "", []).append(finding)
    total = failures = skipped = 0
    for doc_id, findings in by_doc.items():
        document = report.documents.get(doc_id)
        path = display_path(document.path) if document and document.path else doc_id
        suite = ET.SubElement(root, "testsuite", name=doc_id, file=path)
        counts = Counter()
        if not findings:
            ET.SubElement(suite, "testcase", classname=doc_id, name="no findings", file=path)
        for finding in findings:
            where = report.first_location(finding)
            case = ET.SubElement(suite, "testcase", classname=f"{doc_id}.{finding.rule}",
                                 name=f"{finding.rule} {finding.id}", file=where.path if where else path)
            if where is not None:
                case.set("line", str(where.line))
            detail = "\n".join([finding.message, *(f"{c}" for c in finding.claims)])
            if fails(finding, report.fail_on):
                failure = ET.SubElement(case, "failure", type=finding.level, message=finding.message)
                failure.text = detail
                counts["failures"] += 1
            else:
                reason = f"reviewed: {finding.reviewed}" if finding.reviewed else f"{finding.level}: below --fail-on {report.fail_on}"
                ET.SubElement(case, "skipped", message=reason)
                out = ET.SubElement(case, "system-out")
                out.text = detail
                counts["skipped"] += 1
        cases = max(1, len(findings))
        suite.set("tests", str(cases))
        suite.set("failures", str(counts["failures"]))
        suite.set("errors", "0")
        suite.set("skipped", str(counts["skipped"]))
        total += cases
        failures += counts["failures"]
        skipped += counts["skipped"]
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("skipped", str(skipped))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


# ---- GitHub workflow annotations -----------------------------------------------------------------

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(report: Report) -> str:
    """``::error file=…,line=…::message`` for each unreviewed finding, at its first claim."""
    lines = []
    for finding in report.findings:
        if finding.reviewed:
            continue
        props = [f"title={_escape_property(f'{finding.rule} ({finding.id})')}"]
        where = report.first_location(finding)
        if where is not None:
            props = [f"file={_escape_property(where.path)}", f"line={where.line}", f"endLine={where.end_line}", *props]
        lines.append(f"::{_GITHUB_LEVEL[finding.level]} {','.join(props)}::{_escape_data(finding.message)}")
    lines.append(_summary_line(report))
    return "\n".join(lines)
