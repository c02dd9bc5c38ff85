"""`--format junit`: JUnit XML, one test suite per checked article and one failing test case
per finding (a clean article is one passing case), for CI systems that show test reports.
Unreadable inputs are test cases with an error."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from reconcile.check.findings import CheckResult, Finding

# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _case(suite: ET.Element, name: str, classname: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", name=_clean(name), classname=_clean(classname),
                         time="0")


def _failure(case: ET.Element, finding: Finding) -> None:
    failure = ET.SubElement(case, "failure", type=finding.rule.id,
                            message=_clean(finding.message()))
    lines = [f"{finding.path}:{finding.start.line}:{finding.start.column}",
             f"The article says {finding.says.quoted}."]
    lines += [f"{s.label} says {s.quoted}." for s in finding.conflicts]
    if finding.reason:
        lines.append(finding.reason)
    failure.text = _clean("\n".join(lines))


def render(result: CheckResult) -> str:
    root = ET.Element("testsuites", name="reconcile check")
    by_path: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    paths = list(dict.fromkeys([*(a.path for a in result.checked), *by_path]))
    for path in paths:
        findings = by_path.get(path, [])
        suite = ET.SubElement(root, "testsuite", name=_clean(path),
                              tests=str(max(1, len(findings))), failures=str(len(findings)),
                              errors="0", skipped="0", time="0")
        classname = f"reconcile.{path}"
        if not findings:
            _case(suite, "no conflicts with the archive", classname)
        for finding in findings:
            case = _case(suite, f"{finding.rule.id} at line {finding.start.line}: "
                                f"{finding.says.quoted} ({finding.id})", classname)
            _failure(case, finding)
    if result.errors:
        suite = ET.SubElement(root, "testsuite", name="unreadable inputs",
                              tests=str(len(result.errors)), failures="0",
                              errors=str(len(result.errors)), skipped="0", time="0")
        for error in result.errors:
            case = _case(suite, error.path, "reconcile.inputs")
            ET.SubElement(case, "error", type="input-error", message=_clean(error.error))
    tests = sum(int(s.get("tests")) for s in root)
    root.set("tests", str(tests))
    root.set("failures", str(sum(int(s.get("failures")) for s in root)))
    root.set("errors", str(sum(int(s.get("errors")) for s in root)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
