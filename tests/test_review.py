"""The review table (reconcile.review): rows, the three formats, and importing decisions.

Uses the hand-built report of tests/report_fixtures.py: story s1 has a money conflict with an
outlier (g1) and a misquote (g10), story s2 a toll that rose (update, g8).
"""
from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import pytest

from reconcile.decisions import (Decision, apply_decisions, finding_index, group_finding,
                                 load_decisions)
from reconcile.model import Group, Kind, Verdict
from reconcile.review import export_review, import_review
from reconcile.review.csv_table import BOM, read_csv
from reconcile.review.importer import read_table
from reconcile.review.rows import EDITABLE, LOCKED, NAMES, review_rows
from reconcile.review.table import ImportRefused, TableError
from reconcile.review.xlsx import read_xlsx
from report_fixtures import sample_report

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture
def report():
    return sample_report()


def _write(tmp_path: Path, report, fmt: str, decisions=None) -> Path:
    path = tmp_path / f"review.{fmt}"
    path.write_bytes(export_review(report, decisions or {}, fmt))
    return path


def fill_xlsx(path: Path, decisions: dict[str, tuple[str, str, str]], target: Path | None = None,
              edit: tuple[str, str, str] | None = None) -> Path:
    """Fill status, note, reviewer of the rows whose finding is a key, as an editor would."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Findings"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        finding = row[header.index("finding")].value
        if finding in decisions:
            for name, value in zip(EDITABLE, decisions[finding]):
                row[header.index(name)].value = value
        if edit and finding == edit[0]:
            row[header.index(edit[1])].value = edit[2]
    workbook.save(target or path)
    return target or path


def fill_csv(path: Path, decisions: dict[str, tuple[str, str, str]], target: Path | None = None,
             edit: tuple[str, str, str] | None = None, delimiter: str = ",") -> Path:
    """The same for a CSV file, read and written back like a spreadsheet would."""
    text = path.read_text(encoding="utf-8-sig")
    records = list(csv.reader(io.StringIO(text, newline="")))
    header = records[0]
    for record in records[1:]:
        finding = record[header.index("finding")]
        if finding in decisions:
            for name, value in zip(EDITABLE, decisions[finding]):
                record[header.index(name)] = value
        if edit and finding == edit[0]:
            record[header.index(edit[1])] = edit[2]
    output = io.StringIO()
    csv.writer(output, delimiter=delimiter, lineterminator="\r\n").writerows(records)
    (target or path).write_text(BOM + output.getvalue(), encoding="utf-8")
    return target or path


def _ids(report) -> dict[str, str]:
    """Finding id by group id."""
    return {group_id: ident for group_id, (ident, _) in finding_index(report).items()}


# --- rows ---------------------------------------------------------------------------------------

def test_review_rows_hold_conflicts_then_updates_with_both_sides(report):
    rows = review_rows(report)
    ids = _ids(report)
    assert [r.finding for r in rows] == [ids["g1"], ids["g10"], ids["g8"]]
    money = rows[0].cells
    assert money["suggested verdict"] == "conflict" and money["kind"] == "money"
    assert money["A sources"].splitlines() == [
        "wire-taiwan-sale — Harbor Wire, 2025-11-14 (from front matter)",
        "ledger-taiwan — The Daily Ledger, 2025-11-15 (from front matter)"]
    assert money["B values"] == "blog-taiwan: $330 million"
    assert "«$330 million»" in money["B words"]
    assert "outlier" in money["sides"]
    update = rows[2].cells
    assert update["A values"] == "avalanche-sun: 6 people"
    assert update["B values"] == "avalanche-sat: 4 people"
    assert all(rows[0].cells[name] == "" for name in EDITABLE)


def test_review_rows_word_spans_point_at_the_marked_words(report):
    row = review_rows(report)[0]
    text = row.cells["A words"]
    assert [text[a:b] for a, b in row.word_spans("A")] == ["«$698.9 million»",
                                                             "«nearly $700 million»"]


def test_review_finding_ids_are_the_shared_ones(report):
    index = finding_index(report)
    flagged = {index[g.id][0] for g in report.groups if str(g.verdict) in ("conflict", "update")}
    assert {row.cells["finding"] for row in review_rows(report)} == flagged


def test_review_two_groups_with_one_id_are_told_apart(report):
    twin = dataclasses.replace(next(g for g in report.groups if g.id == "g10"), id="g13",
                               claims=("c3",))
    doubled = dataclasses.replace(report, groups=report.groups + (twin,))
    first, second = group_finding(doubled, doubled.groups[2]), group_finding(doubled, twin)
    assert second[0] == first[0] + "-2"
    assert finding_index(doubled)["g13"] == second
    assert finding_index(doubled)[doubled.groups[2].id] == first


# --- formats ------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["xlsx", "csv", "html"])
def test_review_export_gives_the_same_bytes_each_time(report, fmt):
    assert export_review(report, {}, fmt) == export_review(sample_report(), {}, fmt)


def test_review_csv_has_a_bom_and_neutralises_formulas(report, tmp_path):
    hostile = dataclasses.replace(report, groups=tuple(
        dataclasses.replace(g, subject="=HYPERLINK(\"http://x\")", reason="-2+3 @SUM")
        if g.id == "g1" else g for g in report.groups))
    path = _write(tmp_path, hostile, "csv")
    raw = path.read_bytes()
    assert raw.startswith(BOM.encode("utf-8"))
    records = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert records[0] == list(NAMES)
    cells = dict(zip(records[0], records[1]))
    assert cells["subject"] == "'=HYPERLINK(\"http://x\")"
    assert cells["reason"] == "'-2+3 @SUM"
    for record in records[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in record)
    back = dict(read_csv(path).records())[2]
    assert back["subject"] == "=HYPERLINK(\"http://x\")"


def test_review_xlsx_has_frozen_header_filters_status_list_and_locks(report, tmp_path):
    sheet = openpyxl.load_workbook(_write(tmp_path, report, "xlsx"))["Findings"]
    header = [c.value for c in sheet[1]]
    assert header == list(NAMES)
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == f"A1:S{len(review_rows(report)) + 1}"
    assert sheet.protection.sheet is True and sheet.protection.autoFilter is False
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == ('"open,confirmed conflict,accepted difference,'
                                   'false positive,corrected"')
    status_letter = openpyxl.utils.get_column_letter(header.index("status") + 1)
    assert str(validation.sqref) == f"{status_letter}2:{status_letter}4"
    for cell in sheet[2]:
        assert cell.protection.locked == (header[cell.column - 1] not in EDITABLE)
        assert cell.data_type in ("s", "inlineStr")  # rich text is an inline string
    assert sheet.column_dimensions["S"].hidden  # checksum


def test_review_xlsx_article_text_is_never_a_formula(report, tmp_path):
    hostile = dataclasses.replace(report, groups=tuple(
        dataclasses.replace(g, subject="=1+1") if g.id == "g1" else g for g in report.groups))
    sheet = openpyxl.load_workbook(_write(tmp_path, hostile, "xlsx"))["Findings"]
    cell = sheet.cell(row=2, column=NAMES.index("subject") + 1)
    assert cell.value == "=1+1" and cell.data_type == "s"


def test_review_html_export_is_self_contained_and_escaped(report):
    hostile = dataclasses.replace(report, groups=tuple(
        dataclasses.replace(g, subject="<img src=x onerror=alert(1)>", reason="</script><b>")
        if g.id == "g1" else g for g in report.groups))
    page = export_review(hostile, {}, "html").decode("utf-8")
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "</script><b>" not in page
    assert "http://" not in page and "https://" not in page
    assert "Content-Security-Policy" in page


# --- import -------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt, fill", [("xlsx", fill_xlsx), ("csv", fill_csv)])
def test_review_import_writes_decisions_and_a_second_import_changes_nothing(report, tmp_path,
                                                                          fmt, fill):
    ids = _ids(report)
    path = fill(_write(tmp_path, report, fmt), {
        ids["g1"]: ("Accepted Difference", "=the blog counts training too", "jd"),
        ids["g10"]: ("false_positive", "", "mk")})
    accepted = tmp_path / "accepted.yaml"
    outcome = import_review(path, accepted)
    assert outcome.written and set(outcome.result.added) == {ids["g1"], ids["g10"]}
    decisions = load_decisions(accepted)
    assert decisions[ids["g1"]].status == "accepted difference"
    assert decisions[ids["g1"]].note == "=the blog counts training too"
    assert decisions[ids["g1"]].sources == ("blog-taiwan", "ledger-taiwan", "wire-taiwan-sale")
    assert decisions[ids["g10"]].status == "false positive"
    before = accepted.read_bytes()
    again = import_review(path, accepted)
    assert not again.written and len(again.result.unchanged) == 2
    assert accepted.read_bytes() == before


@pytest.mark.parametrize("fmt, fill", [("xlsx", fill_xlsx), ("csv", fill_csv)])
def test_review_import_refuses_an_edited_locked_column_naming_the_row(report, tmp_path, fmt,
                                                                    fill):
    ids = _ids(report)
    path = fill(_write(tmp_path, report, fmt), {ids["g8"]: ("confirmed conflict", "", "jd")},
                edit=(ids["g10"], "B values", "ledger-taiwan: something else"))
    accepted = tmp_path / "accepted.yaml"
    with pytest.raises(ImportRefused) as caught:
        import_review(path, accepted)
    problems = caught.value.problems
    assert any(f"row 3 ({ids['g10']}, agency statement)" in p and "'B values' was edited" in p
               for p in problems), problems
    assert not accepted.exists()


@pytest.mark.parametrize("status, expected", [
    ("accepted difference", "accepted difference"), (" False Positive ", "false positive"),
    ("confirmed-conflict", "confirmed conflict"), ("CORRECTED", "corrected"),
])
def test_review_import_status_spellings(report, tmp_path, status, expected):
    ids = _ids(report)
    path = fill_csv(_write(tmp_path, report, "csv"), {ids["g1"]: (status, "", "")})
    import_review(path, tmp_path / "a.yaml")
    assert load_decisions(tmp_path / "a.yaml")[ids["g1"]].status == expected


def test_review_import_unknown_status_lists_the_valid_ones(report, tmp_path):
    ids = _ids(report)
    path = fill_csv(_write(tmp_path, report, "csv"), {ids["g1"]: ("fine", "", "")})
    with pytest.raises(ImportRefused) as caught:
        import_review(path, tmp_path / "a.yaml")
    assert "row 2" in caught.value.problems[0] and "accepted difference" in caught.value.problems[0]


def test_review_import_two_rows_of_one_finding_must_agree(report, tmp_path):
    ids = _ids(report)
    path = fill_csv(_write(tmp_path, report, "csv"), {ids["g1"]: ("corrected", "", "")})
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    records = list(csv.reader(io.StringIO("".join(lines), newline="")))
    copy = list(records[1])
    copy[NAMES.index("status")] = "false positive"
    output = io.StringIO()
    csv.writer(output, lineterminator="\r\n").writerows(records + [copy])
    path.write_text(output.getvalue(), encoding="utf-8")
    with pytest.raises(ImportRefused) as caught:
        import_review(path, tmp_path / "a.yaml")
    assert "the same finding as row 2" in caught.value.problems[0]


def test_review_import_reads_semicolon_csv_from_a_spreadsheet(report, tmp_path):
    ids = _ids(report)
    path = fill_csv(_write(tmp_path, report, "csv"), {ids["g8"]: ("open", "asked the desk", "")},
                    target=tmp_path / "semi.csv", delimiter=";")
    import_review(path, tmp_path / "a.yaml")
    assert load_decisions(tmp_path / "a.yaml")[ids["g8"]].note == "asked the desk"


def test_review_import_untouched_export_changes_nothing(report, tmp_path):
    accepted = tmp_path / "a.yaml"
    for fmt in ("xlsx", "csv"):
        outcome = import_review(_write(tmp_path, report, fmt), accepted)
        assert not outcome.written and outcome.result.undecided == 3
    assert not accepted.exists()


def test_review_export_fills_in_existing_decisions_and_reimport_is_a_no_op(report, tmp_path):
    ids = _ids(report)
    accepted = tmp_path / "a.yaml"
    import_review(fill_xlsx(_write(tmp_path, report, "xlsx"),
                            {ids["g1"]: ("accepted difference", "known", "jd")}), accepted)
    before = accepted.read_bytes()
    again = _write(tmp_path, report, "csv", load_decisions(accepted))
    cells = dict(read_csv(again).records())[2]
    assert (cells["status"], cells["note"], cells["reviewer"]) == ("accepted difference",
                                                                   "known", "jd")
    assert not import_review(again, accepted).written
    assert accepted.read_bytes() == before


@pytest.mark.parametrize("name, content, message", [
    ("review.html", "<html></html>", "Download decisions (CSV)"),
    ("review.ods", "x", "expected .xlsx or .csv"),
    ("review.csv", "", "the file is empty"),
    ("review.csv", "finding,status\nF1,open\n", "missing columns"),
    ("review.xlsx", "not a zip", "not a readable .xlsx workbook"),
])
def test_review_import_bad_files_say_why(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TableError) as caught:
        read_table(path)
    assert message in str(caught.value) and name in str(caught.value)


def test_review_import_reports_decisions_on_changed_words_as_stale(report, tmp_path):
    ids = _ids(report)
    path = fill_csv(_write(tmp_path, report, "csv"),
                    {ids["g1"]: ("accepted difference", "", "jd")})
    claims = tuple(dataclasses.replace(c, text="$340 million") if c.id == "c9" else c
                   for c in report.claims)
    changed = dataclasses.replace(report, claims=claims)
    outcome = import_review(path, tmp_path / "a.yaml", changed)
    assert len(outcome.result.stale) == 1 and "row 2" in outcome.result.stale[0]
    # the decision is kept with the words it was made on, so report and check reopen it
    reopened = apply_decisions(changed, load_decisions(tmp_path / "a.yaml"))
    group = next(g for g in reopened.groups if g.id == "g1")
    assert group.decision.stale and group.decision.status == "open" and not group.decided


# --- decisions in the report --------------------------------------------------------------------

def test_review_decisions_silence_conflicts_in_the_report(report):
    from reconcile.report import render
    from reconcile.report.view import summarize

    ids = _ids(report)
    marks = {g: m for g, (_, m) in finding_index(report).items()}
    decisions = {
        ids["g1"]: Decision(ids["g1"], "accepted difference", note="training included",
                            reviewer="jd", fingerprint=marks["g1"]),
        ids["g10"]: Decision(ids["g10"], "confirmed conflict", reviewer="mk",
                             fingerprint=marks["g10"]),
    }
    decided = apply_decisions(report, decisions)
    summary = summarize(decided)
    assert (summary.conflicts, summary.decided) == (1, 1)
    data = decided.to_dict()
    by_id = {g["id"]: g for g in data["groups"]}
    assert by_id["g1"]["verdict"] == "conflict"  # the judge's verdict stays
    assert by_id["g1"]["decision"]["status"] == "accepted difference"
    assert by_id["g1"]["decision"]["silenced"] is True
    assert "decision" not in by_id["g2"] and "decision" not in by_id["g8"]
    markdown = render(decided, "markdown")
    assert "### Decided by an editor (1)" in markdown
    assert "**Decision:** accepted difference (jd): training included" in markdown
    assert "**Decision:** confirmed conflict (mk)" in markdown
    assert "1 conflict, 1 update, 1 decided, 2 agreements" in markdown
    assert "DECIDED" in render(decided, "terminal")
    assert "Decision: accepted difference (jd): training included" in render(decided, "html")


def test_review_undecided_report_is_unchanged_by_an_empty_decisions_file(report):
    assert apply_decisions(report, {}) is report
    other = {"F000000000000": Decision("F000000000000", "false positive")}
    assert apply_decisions(report, other).to_dict() == report.to_dict()


def test_review_decision_on_an_agreeing_group_is_not_applied(report):
    ids = _ids(report)
    decisions = {ids["g2"]: Decision(ids["g2"], "false positive")}
    assert all(g.decision is None for g in apply_decisions(report, decisions).groups)


def test_review_group_model_keeps_the_contract_without_a_decision():
    group = Group(id="g1", story="s1", kind=Kind.COUNT, subject="x", claims=(), sources=(),
                  verdict=Verdict.SINGLE, consensus=None)
    assert "decision" not in group.to_dict() and not group.decided


def test_review_locked_columns_are_all_but_the_editable_ones():
    assert set(LOCKED) | set(EDITABLE) | {"checksum"} == set(NAMES)
    assert set(LOCKED) & set(EDITABLE) == set()


def test_review_xlsx_reads_back_what_was_written(report, tmp_path):
    table = read_xlsx(_write(tmp_path, report, "xlsx"))
    rows = review_rows(report)
    assert [dict(cells) for _, cells in table.records()] == [dict(r.cells) for r in rows]


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "html"])
def test_review_export_of_a_report_without_findings(tmp_path, fmt):
    from reconcile.model import Report

    empty = Report(sources=(), stories=(), claims=(), groups=())
    path = tmp_path / f"empty.{fmt}"
    path.write_bytes(export_review(empty, {}, fmt))
    if fmt != "html":
        assert read_table(path).rows == []
        assert not import_review(path, tmp_path / "a.yaml").written


@pytest.mark.parametrize("first, second", [
    (7e8, 700000000), ((30000.0, 40000.0), [30000, 40000]), ("  two\nwords ", "two words"),
])
def test_review_fingerprint_ignores_how_a_value_was_stored(first, second):
    from reconcile.decisions import stated_key

    assert stated_key(first) == stated_key(second)
