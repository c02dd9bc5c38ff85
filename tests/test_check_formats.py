"""Output formats of `reconcile check`: SARIF against a 2.1.0 schema, JUnit parsed as XML,
GitHub workflow commands escaped and capped, reviewdog's rdjson, JSON and text lines.

No installed package ships the SARIF 2.1.0 JSON schema (jsonschema carries only the
metaschemas), so SARIF_SCHEMA below encodes, from the 2.1.0 specification, the part of the
format that `check` writes: required properties, their types and the enumerations of level,
columnKind and suppressions."""
from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from reconcile.check.articles import Position
from reconcile.check.findings import CheckResult, Checked, Finding, Statement
from reconcile.check.format_github import (ANNOTATIONS_PER_LEVEL, escape_data, escape_property,
                                           job_summary)
from reconcile.check.formats import FORMATS, render
from reconcile.model import InputError
from test_check import TIMES, run, write_project

_POSITIVE = {"type": "integer", "minimum": 1}
_MESSAGE = {"type": "object", "required": ["text"],
            "properties": {"text": {"type": "string", "minLength": 1}}}
_REGION = {"type": "object", "required": ["startLine"],
           "properties": {"startLine": _POSITIVE, "startColumn": _POSITIVE,
                          "endLine": _POSITIVE, "endColumn": _POSITIVE,
                          "snippet": {"type": "object", "required": ["text"]}}}
_LEVEL = {"enum": ["none", "note", "warning", "error"]}
_PHYSICAL = {"type": "object", "required": ["artifactLocation"],
             "properties": {"artifactLocation": {
                 "type": "object", "required": ["uri"],
                 "properties": {"uri": {"type": "string", "format": "uri-reference",
                                        "minLength": 1}}},
                 "region": _REGION}}
_LOCATION = {"type": "object", "required": ["physicalLocation"],
             "properties": {"id": {"type": "integer", "minimum": -1},
                            "physicalLocation": _PHYSICAL, "message": _MESSAGE}}
SARIF_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["version", "$schema", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "$schema": {"type": "string", "pattern": r"sarif-schema-2\.1\.0\.json$"},
        "runs": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["tool", "results"],
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
                    "type": "object", "required": ["name", "rules"],
                    "properties": {
                        "name": {"type": "string", "minLength": 1},
                        "version": {"type": "string"},
                        "rules": {"type": "array", "items": {
                            "type": "object", "required": ["id", "shortDescription"],
                            "properties": {
                                "id": {"type": "string", "minLength": 1},
                                "shortDescription": _MESSAGE, "fullDescription": _MESSAGE,
                                "defaultConfiguration": {"type": "object", "properties": {
                                    "level": _LEVEL}}}}}}}}},
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                "invocations": {"type": "array", "items": {
                    "type": "object", "required": ["executionSuccessful"],
                    "properties": {"toolExecutionNotifications": {"type": "array", "items": {
                        "type": "object", "required": ["message"],
                        "properties": {"message": _MESSAGE, "level": _LEVEL}}}}}},
                "results": {"type": "array", "items": {
                    "type": "object", "required": ["ruleId", "message", "locations"],
                    "properties": {
                        "ruleId": {"type": "string"},
                        "ruleIndex": {"type": "integer", "minimum": -1},
                        "level": _LEVEL,
                        "message": _MESSAGE,
                        "locations": {"type": "array", "minItems": 1, "items": _LOCATION},
                        "relatedLocations": {"type": "array", "items": _LOCATION},
                        "partialFingerprints": {"type": "object",
                                                "additionalProperties": {"type": "string"}},
                        "suppressions": {"type": "array", "items": {
                            "type": "object", "required": ["kind"],
                            "properties": {"kind": {"enum": ["inSource", "external"]},
                                           "status": {"enum": ["accepted", "underReview",
                                                               "rejected"]}}}}}}}}}},
    },
}


@pytest.fixture()
def checked_project(tmp_path, monkeypatch):
    """A project whose new article conflicts with its archive; `as_format(fmt)` runs check."""
    write_project(tmp_path)
    (tmp_path / "new" / "empty.md").write_text("---\ntitle: nothing here\n---\n")

    def as_format(fmt: str, *extra: str) -> tuple[int, str]:
        code, out, _ = run(["check", "new", "--against", "archive", "--format", fmt, *extra],
                           tmp_path, monkeypatch)
        return code, out

    return as_format


def _statement(path: str, words: str, line: int, column: int, *, checked: bool = False,
               outlet: str | None = "Harbour Gazette") -> Statement:
    end = Position(line, column + len(words), column + len(words.encode()))
    return Statement(source=path.rsplit("/", 1)[-1], path=path, words=words,
                     published="2025-06-10", outlet=outlet,
                     start=Position(line, column, column),
                     end=end, checked=checked)


def _finding(number: int, path: str = "new/story.md") -> Finding:
    return Finding(id=f"F{number:012x}", fingerprint="abc", kind="money", subject="sea wall",
                   says=_statement(path, f"${number} million", number, 5, checked=True),
                   conflicts=(_statement("archive/a.md", "$45 million", 3, 9),),
                   sources=("a", "story"))


def test_check_formats_registry_matches_the_command_line():
    from reconcile.commands import check

    parser = __import__("argparse").ArgumentParser()
    check.add_arguments(parser)
    action = next(a for a in parser._actions if a.dest == "format")
    assert tuple(action.choices) == tuple(FORMATS)


def test_check_sarif_is_valid_2_1_0_with_archive_related_locations(checked_project):
    code, out = checked_project("sarif")
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SCHEMA, format_checker=jsonschema.FormatChecker())
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    results = run_["results"]
    assert code == 1 and len(results) == 2
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == "error"
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "new/wall-times.md"
        assert result["partialFingerprints"]["reconcileFinding/v1"].startswith("F")
        assert result["relatedLocations"], "the archive article is a related location"
        related = result["relatedLocations"][0]["physicalLocation"]
        assert related["artifactLocation"]["uri"].startswith("archive/2025/wall-")
        assert related["region"]["startLine"] >= 6  # after the archive article's front matter
    money = next(r for r in results if r["ruleId"] == "money-conflict")
    region = money["locations"][0]["physicalLocation"]["region"]
    assert region["snippet"]["text"] == "$54 million"
    assert region["endColumn"] - region["startColumn"] == len("$54 million")
    assert run_["columnKind"] == "unicodeCodePoints"
    notes = run_["invocations"][0]["toolExecutionNotifications"]
    assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes] \
        == ["new/empty.md"]


def test_check_sarif_keeps_accepted_findings_as_suppressed(tmp_path, monkeypatch):
    write_project(tmp_path)
    run(["check", "new", "--against", "archive", "--write-accepted"], tmp_path, monkeypatch)
    code, out, _ = run(["check", "new", "--against", "archive", "--format", "sarif"], tmp_path,
                       monkeypatch)
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SCHEMA)
    results = log["runs"][0]["results"]
    assert code == 0 and len(results) == 2
    assert all(r["suppressions"][0]["kind"] == "external" for r in results)


def test_check_sarif_uris_are_percent_encoded():
    result = CheckResult(findings=(_finding(3, "new/a story #1.md"),), archive="archive",
                         checked=(Checked("a", "new/a story #1.md", None, None, 1),))
    log = json.loads(render(result, "sarif"))
    jsonschema.validate(log, SARIF_SCHEMA, format_checker=jsonschema.FormatChecker())
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == "new/a%20story%20%231.md"


def test_check_junit_parses_as_xml_with_one_failure_per_finding(checked_project):
    code, out = checked_project("junit")
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"new/wall-times.md", "unreadable inputs"}
    story = suites["new/wall-times.md"]
    failures = story.findall("testcase/failure")
    assert len(failures) == 2 and story.get("failures") == "2"
    assert {f.get("type") for f in failures} == {"money-conflict", "quote-conflict"}
    assert all("archive/2025/wall-" in f.text for f in failures)
    assert root.get("tests") == "3" and root.get("failures") == "2" and root.get("errors") == "1"
    assert suites["unreadable inputs"].find("testcase/error") is not None


def test_check_junit_clean_article_is_one_passing_case(tmp_path, monkeypatch):
    write_project(tmp_path, TIMES.replace("$54 million", "$45 million").replace("drowned",
                                                                                "flooded"))
    code, out, _ = run(["check", "new", "--against", "archive", "--format", "junit"], tmp_path,
                       monkeypatch)
    root = ET.fromstring(out)
    cases = list(root.iter("testcase"))
    assert code == 0 and len(cases) == 1 and not list(cases[0])
    assert root.get("failures") == "0"


def test_check_junit_escapes_markup_and_drops_impossible_characters():
    finding = _finding(7, 'new/<odd> & "quoted".md')
    finding = dataclasses.replace(finding, reason="Control \x01 character & <tag>")
    out = render(CheckResult(findings=(finding,)), "junit")
    root = ET.fromstring(out)  # parses: everything was escaped or replaced
    assert root.find("testsuite").get("name") == 'new/<odd> & "quoted".md'
    assert "\ufffd" in root.find("testsuite/testcase/failure").text


@pytest.mark.parametrize(("text", "data", "prop"), [
    ("plain", "plain", "plain"),
    ("100% sure", "100%25 sure", "100%25 sure"),
    ("line\nbreak\r\n", "line%0Abreak%0D%0A", "line%0Abreak%0D%0A"),
    ("a: b, c", "a: b, c", "a%3A b%2C c"),
    ("%0A literal", "%250A literal", "%250A literal"),
], ids=["plain", "percent", "newlines", "colon-comma", "already-escaped-looking"])
def test_check_github_escaping(text, data, prop):
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_check_github_annotations_escape_paths_and_titles():
    finding = _finding(2, "news/q1: a,b%.md")
    out = render(CheckResult(findings=(finding,)), "github")
    line = out.splitlines()[0]
    assert line.startswith("::error file=news/q1%3A a%2Cb%25.md,line=2,col=5,")
    properties, message = line[len("::error "):].split("::", 1)
    assert "title=An amount of money conflicts with the archive (F000000000002)" in properties
    assert re.fullmatch(r"[^:]*", properties.replace("%3A", ""))  # no raw colon in properties
    assert message.startswith("“$2 million” (sea wall) conflicts with “$45 million” in "
                              "archive/a.md (Harbour Gazette, 2025-06-10).")


def test_check_github_caps_annotations_and_says_how_many_were_left_out():
    findings = tuple(_finding(n) for n in range(1, 14))
    errors = tuple(InputError(f"new/bad{n}.md", "skipped: empty file") for n in range(12))
    out = render(CheckResult(findings=findings, errors=errors), "github").splitlines()
    assert sum(line.startswith("::error ") for line in out) == ANNOTATIONS_PER_LEVEL
    assert sum(line.startswith("::warning ") for line in out) == ANNOTATIONS_PER_LEVEL
    notices = [line for line in out if line.startswith("::notice")]
    assert len(notices) == 1 and "5 more finding(s)" in notices[0]
    # the three findings beyond the cap are still in the log, as plain lines
    assert sum(line.startswith("new/story.md:") for line in out) == 3


def test_check_github_writes_the_job_summary(checked_project, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n")
    code, out, _ = _run_with_summary(tmp_path, monkeypatch, summary)
    text = summary.read_text()
    assert code == 1 and text.startswith("# earlier step\n## reconcile check")
    assert "| Article | Line | Fact | The article says | The archive says | Finding |" in text
    assert text.count("| new/wall-times.md |") == 2
    assert "Inputs that could not be read" in text and "new/empty.md" in text


def _run_with_summary(tmp_path, monkeypatch, summary):
    import io

    from reconcile.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "new", "--against", "archive", "--format", "github"],
                stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_check_job_summary_escapes_table_cells():
    finding = _finding(4, "new/a|b.md")
    text = job_summary(CheckResult(findings=(finding,)))
    assert "| new/a\\|b.md | 4 |" in text


def test_check_rdjson_columns_are_utf8_bytes_and_archive_is_related(checked_project):
    code, out = checked_project("rdjson")
    data = json.loads(out)
    assert data["source"]["name"] == "reconcile"
    diagnostics = [d for d in data["diagnostics"] if d["severity"] == "ERROR"]
    assert len(diagnostics) == 2
    money = next(d for d in diagnostics if d["code"]["value"] == "money-conflict")
    start = money["location"]["range"]["start"]
    line_text = TIMES.splitlines()[start["line"] - 1]
    assert line_text.encode()[start["column"] - 1:].startswith(b"$54 million")
    assert money["related_locations"][0]["location"]["path"].startswith("archive/2025/")
    warnings = [d for d in data["diagnostics"] if d["severity"] == "WARNING"]
    assert [w["location"]["path"] for w in warnings] == ["new/empty.md"]


def test_check_rdjson_byte_column_after_non_ascii_text(tmp_path, monkeypatch):
    accented = TIMES.replace("Port Ellery's harbour council approved",
                             "Le conseil portuaire — « Port Ellery » — approved")
    write_project(tmp_path, accented)
    code, out, _ = run(["check", "new/wall-times.md", "--against", "archive", "--format",
                        "rdjson"], tmp_path, monkeypatch)
    money = next(d for d in json.loads(out)["diagnostics"]
                 if d["code"]["value"] == "money-conflict")
    start = money["location"]["range"]["start"]
    line_text = accented.splitlines()[start["line"] - 1]
    assert line_text.encode()[start["column"] - 1:].startswith(b"$54 million")
    code, text_out, _ = run(["check", "new/wall-times.md", "--against", "archive"], tmp_path,
                            monkeypatch)
    column = int(text_out.splitlines()[0].split(":")[2])
    assert line_text[column - 1:].startswith("$54 million")  # text columns count characters


def test_check_json_holds_everything(checked_project):
    code, out = checked_project("json")
    data = json.loads(out)
    assert data["schema"] == "reconcile-check/1" and data["failed"] is True
    assert data["archive_articles"] == 3
    assert [c["path"] for c in data["checked"]] == ["new/wall-times.md"]
    money = next(f for f in data["findings"] if f["rule"] == "money-conflict")
    assert money["says"]["words"] == "$54 million"
    assert {c["path"] for c in money["conflicts"]} == {"archive/2025/wall-gazette.md",
                                                      "archive/2025/wall-courier.md"}
    assert all(c["published"] for c in money["conflicts"])


def test_check_text_is_one_greppable_line_per_finding(checked_project):
    code, out = checked_project("text")
    lines = out.splitlines()
    assert len(lines) == 2
    assert all(re.fullmatch(r"new/wall-times\.md:\d+:\d+:(money|quote)-conflict:[^\n]+", line)
               for line in lines)


def test_check_same_input_gives_the_same_bytes(checked_project):
    for fmt in FORMATS:
        first = checked_project(fmt)[1]
        assert checked_project(fmt)[1] == first, fmt
