"""Hostile input: articles whose titles, outlets, URLs, quotes, text and even file names carry
HTML, script, spreadsheet formulas, terminal escape sequences, YAML tags or paths meant to
leave the project. Every output shows them as text: HTML escaped, formulas neutralised,
control characters replaced, no object built from YAML, and nothing written outside the
folders reconcile was given."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reconcile.cli import main

ESC = "\x1b"
HOSTILE_TITLE = 'Bridge repair <script>alert(1)</script> "><svg onload=alert(5)>'
HOSTILE_OUTLET = "<img src=x onerror=alert(2)> Post"
HOSTILE_URL = "javascript:alert(3)"

# Two reports of one event that conflict on the money and misquote the mayor: every output
# (report, review table, check) has rows to show. Payloads sit in each field an output shows.
ARTICLE_A = f"""---
title: '{HOSTILE_TITLE}'
outlet: '{HOSTILE_OUTLET}'
url: '{HOSTILE_URL}'
date: 2025-03-04
---
The city council on Monday approved a $12 million repair of the Elm Street bridge, closing it
for about 14 months. "We cannot wait another winter for the bridge <iframe src=javascript:alert(4)>,
and we will not," Mayor Dana Ruiz said after the vote.
=HYPERLINK("http://evil.example/","click") The repair will take 14 months, officials said.
Workers found {ESC}]0;owned{ESC}\\ cracks in 3 piers {ESC}[2J last year.
"""

ARTICLE_B = """---
title: "=HYPERLINK(\\"http://evil.example/\\",\\"Elm Street bridge to close\\")"
outlet: "@SUM(1+1)"
url: " JaVaScRiPt:alert(6)"
date: 2025-03-05
---
Councillors voted 7-2 for a $15 million overhaul of the Elm Street bridge, which shuts to traffic
for 14 months. "We cannot wait another summer for the bridge <script>alert(7)</script>,
and we will not," Mayor Dana Ruiz told reporters.
+cmd|' /C calc'!A0 said the contractor would start in 3 weeks.
"""

# A file name is shown in every output too.
HOSTILE_NAMES = {"river-times.md": ARTICLE_A, "=cmd <b onmouseover=alert(8)>.md": ARTICLE_B}
FORMULA_MARKERS = ("HYPERLINK", "cmd|", "@SUM", "=cmd")


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in HOSTILE_NAMES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(argv: list[str], cwd: Path | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        code = main(argv, stdin=io.StringIO(""), stdout=out, stderr=err)
    finally:
        os.chdir(old)
    return code, out.getvalue(), err.getvalue()


# ---------------------------------------------------------------------------------------------
# HTML outputs


class _Elements(HTMLParser):
    """Every element and attribute a browser would build from the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((tag, name, value or "") for name, value in attrs)


def assert_safe_html(page: str, scripts_expected: int) -> None:
    parsed = _Elements()
    parsed.feed(page)
    assert not {"img", "svg", "iframe", "object", "embed", "base", "form"} & set(parsed.tags)
    assert parsed.tags.count("script") == scripts_expected  # the page's own, no more
    assert not [a for a in parsed.attributes if a[1].startswith("on")]
    assert not [a for a in parsed.attributes
                if a[1] in ("href", "src", "action", "formaction", "xlink:href")
                and re.sub(r"\s", "", a[2]).lower().startswith(("javascript:", "data:"))]
    for raw in ("<script>alert", "<img src", "<svg onload", "<iframe", "<b onmouseover"):
        assert raw not in page
    assert ESC not in page


def _own_scripts(argv: list[str], tmp_path: Path) -> int:
    """How many <script> elements the same output has for a harmless article."""
    folder = tmp_path / "plain"
    folder.mkdir(exist_ok=True)
    for name, text in {"a.md": ARTICLE_A, "b.md": ARTICLE_B}.items():
        plain = re.sub(r"<[^>]*>|[=+@]|javascript:|\x1b\S*", "", text, flags=re.IGNORECASE)
        (folder / name).write_text(plain, encoding="utf-8")
    code, out, _ = run([*argv, str(folder)])
    assert code == 0
    parsed = _Elements()
    parsed.feed(out)
    return parsed.tags.count("script")


def test_hostile_html_report_escapes_everything(articles, tmp_path):
    code, page, _ = run(["report", "--format", "html", "--quiet", str(articles)])
    assert code == 0
    assert_safe_html(page, _own_scripts(["report", "--format", "html", "--quiet"], tmp_path))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown as text, not dropped


def test_hostile_html_review_table_escapes_everything(articles, tmp_path):
    argv = ["review", "export", "--format", "html", "--quiet"]
    code, page, _ = run([*argv, str(articles)])
    assert code == 0
    assert "alert(7)" in page  # the misquoted words are in the table
    assert_safe_html(page, _own_scripts(argv, tmp_path))
    # the table's data for the page's own script is a JSON block, the payloads inside as data
    blocks = re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', page,
                        flags=re.DOTALL)
    assert any("alert(7)" in json.dumps(json.loads(block)) for block in blocks)


def test_hostile_markdown_report_shows_markup_as_text(articles):
    code, text, _ = run(["report", "--format", "markdown", "--quiet", str(articles)])
    assert code == 0
    for raw in ("<script", "<img", "<svg", "<iframe", "<b onmouseover"):
        assert raw not in text
    assert not re.search(r"\]\(\s*javascript:", text, flags=re.IGNORECASE)
    assert ESC not in text


# ---------------------------------------------------------------------------------------------
# spreadsheets


def _formula_cells(rows: list[list[str]]) -> list[str]:
    """Cells carrying a hostile formula that a spreadsheet would run (not prefixed with ')."""
    return [cell for row in rows for cell in row
            if any(m in cell for m in FORMULA_MARKERS) and cell[:1] in ("=", "+", "-", "@", "\t",
                                                                       "\r")]


@pytest.mark.parametrize("argv", [
    pytest.param(["report", "--format", "csv"], id="report-csv"),
    pytest.param(["extract", "--format", "csv"], id="extract-csv"),
    pytest.param(["review", "export", "--format", "csv"], id="review-csv"),
])
def test_hostile_csv_neutralises_formulas(articles, argv):
    code, text, _ = run([*argv, "--quiet", str(articles)])
    rows = list(csv.reader(io.StringIO(text)))
    assert code == 0
    assert any(m in text for m in FORMULA_MARKERS)  # the cells are there, as text
    assert _formula_cells(rows) == []
    assert ESC not in text


def test_hostile_xlsx_review_table_has_no_formulas(articles, tmp_path):
    import openpyxl

    output = tmp_path / "review.xlsx"
    code, _, err = run(["review", "export", "--quiet", "--output", str(output), str(articles)])
    assert code == 0, err
    book = openpyxl.load_workbook(output)
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    hostile = [c for c in cells if isinstance(c.value, str)
               and any(m in c.value for m in FORMULA_MARKERS)]
    assert hostile
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert not [c.coordinate for c in hostile if c.value.startswith(("=", "+", "@"))
                and c.data_type != "s"]


# ---------------------------------------------------------------------------------------------
# terminals and CI annotations


def test_hostile_terminal_report_has_no_escape_sequences(articles):
    code, text, err = run(["report", "--quiet", str(articles)])
    assert code == 0
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)


def test_hostile_control_characters_replaced_and_reported(articles):
    code, out, err = run(["report", "--format", "json", str(articles)])
    report = json.loads(out)
    assert code == 0
    assert ESC not in out
    assert {"path": str(articles / "river-times.md"),
            "error": "3 control characters replaced by U+FFFD"} in report["errors"]


def test_hostile_check_outputs_stay_well_formed(articles, tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    (articles / "river-times.md").rename(archive / "river-times.md")
    new = str(next(articles.iterdir()))
    outputs = {}
    for fmt in ("text", "github", "junit", "sarif", "json"):
        code, out, err = run(["check", new, "--against", str(archive), "--format", fmt,
                              "--index", str(tmp_path / "index.sqlite"), "--quiet"])
        assert code == 1, err  # the conflicts are found
        outputs[fmt] = out
    ElementTree.fromstring(outputs["junit"].encode("utf-8"))
    json.loads(outputs["sarif"])
    json.loads(outputs["json"])
    # GitHub reads every line that starts with "::" as a command: only annotations may
    commands = [line.split("::")[1].split(" ")[0] for line in outputs["github"].splitlines()
                if line.startswith("::")]
    assert commands and set(commands) <= {"error", "warning", "notice", "group", "endgroup"}
    for text in outputs.values():
        assert ESC not in text


# ---------------------------------------------------------------------------------------------
# YAML that tries to build objects


MARKER = "reconcile-hostile-marker"


def _tag_payload(marker: Path) -> str:
    return f"!!python/object/apply:os.system ['touch {marker}']"


def test_hostile_yaml_tag_in_front_matter_builds_nothing(tmp_path):
    marker = tmp_path / MARKER
    (tmp_path / "a.md").write_text(f"---\ntitle: {_tag_payload(marker)}\n---\n"
                                   "The council approved $3 million.\n")
    code, out, _ = run(["report", "--format", "json", "--quiet", str(tmp_path / "a.md")])
    report = json.loads(out)
    assert code == 0 and not marker.exists()
    assert report["sources"][0]["title"] is None
    assert "could not determine a constructor for the tag" in report["errors"][0]["error"]


def test_hostile_yaml_tag_in_sidecar_builds_nothing(tmp_path):
    marker = tmp_path / MARKER
    (tmp_path / "a.txt").write_text("The council approved $3 million.\n")
    (tmp_path / "a.meta.yaml").write_text(f"outlet: {_tag_payload(marker)}\n")
    code, out, _ = run(["report", "--format", "json", "--quiet", str(tmp_path)])
    report = json.loads(out)
    assert code == 0 and not marker.exists()
    assert report["errors"][0]["path"] == str(tmp_path / "a.meta.yaml")
    assert report["errors"][0]["error"].startswith("sidecar: invalid YAML")


def test_hostile_yaml_tag_in_rules_builds_nothing(tmp_path):
    marker = tmp_path / MARKER
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "speech.yaml").write_text(f"verbs: {_tag_payload(marker)}\n")
    code, _, err = run(["rules", "check", "--rules", str(rules)])
    assert code == 2 and not marker.exists()
    assert "speech.yaml: is not valid YAML" in err


def test_hostile_yaml_tag_in_accepted_findings_builds_nothing(tmp_path, articles):
    marker = tmp_path / MARKER
    accepted = tmp_path / "accepted.yaml"
    accepted.write_text(f"version: 1\nfindings: {_tag_payload(marker)}\n")
    code, _, err = run(["report", "--quiet", "--accepted", str(accepted), str(articles)]
                       if _report_takes_accepted() else
                       ["review", "export", "--quiet", "--accepted", str(accepted), str(articles)])
    assert code == 2 and not marker.exists()
    assert str(accepted) in err


def _report_takes_accepted() -> bool:
    from reconcile.cli import _parser

    parser, _ = _parser()
    report = parser._subparsers._group_actions[0].choices["report"]  # noqa: SLF001
    return any("--accepted" in action.option_strings for action in report._actions)


# ---------------------------------------------------------------------------------------------
# paths that try to leave the project


@pytest.mark.parametrize("key", ["index", "accepted"])
@pytest.mark.parametrize("value", ["../outside/file", "/tmp/elsewhere/file", "sub/../../outside/f"])
def test_hostile_config_cannot_write_outside_the_project(tmp_path, key, value):
    project = tmp_path / "project"
    (project / "archive").mkdir(parents=True)
    (project / "archive" / "a.md").write_text(ARTICLE_A)
    (project / "new.md").write_text(ARTICLE_B)
    (project / "reconcile.toml").write_text(f'archive = "archive"\n{key} = "{value}"\n')
    code, _, err = run(["check", "new.md"], cwd=project)
    assert code == 2
    assert f"reconcile.toml: {key}: expected a path inside the project folder" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]
    assert not Path("/tmp/elsewhere").exists()


def test_hostile_config_path_inside_the_project_is_fine(tmp_path):
    project = tmp_path / "project"
    (project / "archive").mkdir(parents=True)
    (project / "archive" / "a.md").write_text(ARTICLE_A)
    (project / "new.md").write_text(ARTICLE_B)
    (project / "reconcile.toml").write_text('archive = "archive"\nindex = "cache/../ix.sqlite"\n')
    code, _, err = run(["check", "new.md", "--quiet"], cwd=project)
    assert code == 1, err
    assert (project / "ix.sqlite").is_file()


def test_hostile_accepted_file_symlink_is_replaced_not_followed(tmp_path, articles):
    """A link planted where the accepted-findings file goes: the write replaces the link and
    leaves the file it pointed to alone."""
    outside = tmp_path / "outside.yaml"
    outside.write_text("precious: true\n")
    project = tmp_path / "project"
    project.mkdir()
    (project / "reconcile-accepted.yaml").symlink_to(outside)
    table = tmp_path / "review.csv"
    code, _, err = run(["review", "export", "--format", "csv", "--output", str(table),
                        "--quiet", str(articles)], cwd=articles)
    assert code == 0, err
    rows = list(csv.reader(table.open(encoding="utf-8")))
    status = rows[0].index("status")
    rows[1][status] = "accepted difference"
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    code, _, err = run(["review", "import", str(table), "--quiet"], cwd=project)
    assert code == 0, err
    assert outside.read_text() == "precious: true\n"
    assert not (project / "reconcile-accepted.yaml").is_symlink()
    assert "accepted difference" in (project / "reconcile-accepted.yaml").read_text()


def test_hostile_sidecar_pointing_outside_is_refused(tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("title: Not yours\n")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("The council approved $3 million.\n")
    (folder / "a.meta.yaml").symlink_to(secret)
    code, out, _ = run(["report", "--format", "json", "--quiet", str(folder)])
    report = json.loads(out)
    assert code == 0
    assert report["sources"][0]["title"] != "Not yours"
    assert {"path": str(folder / "a.meta.yaml"),
            "error": "sidecar: points outside its folder; ignored"} in report["errors"]


def test_hostile_file_names_are_shown_as_text(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "<img src=x onerror=alert(9)>.md").write_text(ARTICLE_B)
    (folder / "line\nbreak.md").write_text(ARTICLE_B)
    code, page, err = run(["report", "--format", "html", str(folder)])
    assert code == 0
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(9)&gt;" in page
    assert "reconcile: " + str(folder) + "/line\\nbreak.md: skipped: the name contains control " \
           "characters (rename it)\n" in err
