"""`--format sarif`: SARIF 2.1.0 for code scanning; archive articles are related locations.

Columns count Unicode code points (`columnKind`). Accepted findings are included with an
external suppression, so code scanning shows them as dismissed rather than forgetting them.
Unreadable inputs are tool execution notifications.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from reconcile.check.findings import RULES, CheckResult, Finding, Statement

SARIF_SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                "sarif-schema-2.1.0.json")
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "reconcileFinding/v1"


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference (posix separators, percent-encoded); absolute paths
    as file URIs."""
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix(), safe="/")


def _region(statement: Statement) -> dict[str, Any] | None:
    if statement.start is None:
        return None
    region = {"startLine": statement.start.line, "startColumn": statement.start.column}
    if statement.end is not None:
        region.update(endLine=statement.end.line, endColumn=statement.end.column)
    region["snippet"] = {"text": statement.words}
    return region


def _location(statement: Statement) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(statement.path)}}
    region = _region(statement)
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def _result(finding: Finding, rule_index: dict[str, int], accepted: bool) -> dict[str, Any]:
    related = []
    for number, statement in enumerate((*finding.conflicts, *finding.agrees), start=1):
        verb = "agrees" if statement in finding.agrees else "says"
        location = _location(statement)
        location["id"] = number
        location["message"] = {"text": f"{statement.label} {verb}: {statement.quoted}"}
        related.append(location)
    result: dict[str, Any] = {
        "ruleId": finding.rule.id,
        "ruleIndex": rule_index[finding.rule.id],
        "level": "error",
        "message": {"text": finding.message()},
        "locations": [_location(finding.says)],
        "relatedLocations": related,
        "partialFingerprints": {FINGERPRINT_KEY: finding.id},
        "properties": {"finding": finding.id, "fingerprint": finding.fingerprint,
                       "kind": finding.kind, "subject": finding.subject,
                       "reason": finding.reason},
    }
    if accepted:
        result["suppressions"] = [{"kind": "external", "status": "accepted",
                                   "justification": f"{finding.decision} in the accepted-"
                                                    "findings file"}]
    return result


def document(result: CheckResult) -> dict[str, Any]:
    """The SARIF log as a dict."""
    rules = list(RULES.values())
    rule_index = {rule.id: i for i, rule in enumerate(rules)}
    driver = {
        "name": "reconcile",
        "version": result.version or "0",
        "rules": [{"id": r.id, "name": r.name, "shortDescription": {"text": r.summary},
                   "fullDescription": {"text": r.help}, "help": {"text": r.help},
                   "defaultConfiguration": {"level": "error"}} for r in rules],
    }
    notifications = [{"level": "warning", "message": {"text": f"cannot read: {e.error}"},
                      "locations": [{"physicalLocation": {
                          "artifactLocation": {"uri": artifact_uri(e.path)}}}]}
                     for e in result.errors]
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": True,
                         "toolExecutionNotifications": notifications}],
        "results": [_result(f, rule_index, False) for f in result.findings]
                   + [_result(f, rule_index, True) for f in result.accepted],
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render(result: CheckResult) -> str:
    return json.dumps(document(result), indent=2, ensure_ascii=False) + "\n"
