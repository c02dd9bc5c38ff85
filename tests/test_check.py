"""`reconcile check`: findings on the new article's lines, exit codes, configuration, accepted
findings, suppression comments, git-changed files. The articles are written here (invented
places and outlets); every test gets its own archive and index under tmp_path."""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reconcile.cli import main

GAZETTE = """---
title: Harbour council approves $45 million sea wall
date: 2025-06-10
outlet: Harbour Gazette
---
The Port Ellery harbour council on Monday approved a $45 million sea wall to protect the waterfront from winter storms.

Construction will start in September and take 30 months, council engineer Dana Whitfield said.

"This wall is the difference between a wet street and a flooded town," Whitfield said.
"""

COURIER = """---
title: Port Ellery backs $45 million sea wall for its waterfront
date: 2025-06-11
outlet: Coastal Courier
---
The harbour council in Port Ellery has backed a $45 million sea wall for the waterfront, a project meant to hold back winter storms.

Council engineer Dana Whitfield said the work would take 30 months.
"""

FERRY = """---
title: Ferry operator adds a second boat to the island run
date: 2025-05-02
outlet: Harbour Gazette
---
The island ferry will run a second boat from June, carrying 400 passengers a day, the operator said.
"""

# The new article: a wrong amount and a changed quote.
TIMES = """---
title: Port Ellery council votes for $54 million sea wall
date: 2025-06-12
outlet: Ellery Times
---
Port Ellery's harbour council approved a $54 million sea wall on Monday to shield the waterfront from winter storms.

The work will take 30 months, council engineer Dana Whitfield said.

"This wall is the difference between a wet street and a drowned town," Whitfield said.
"""

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+):(?P<rule>[a-z-]+):(?P<msg>.+)$")


def write_project(root: Path, new_text: str = TIMES) -> Path:
    """An archive of three articles and one new article under `root`; returns the new one."""
    archive = root / "archive" / "2025"
    archive.mkdir(parents=True)
    (archive / "wall-gazette.md").write_text(GAZETTE, encoding="utf-8")
    (archive / "wall-courier.md").write_text(COURIER, encoding="utf-8")
    (archive / "ferry.md").write_text(FERRY, encoding="utf-8")
    new = root / "new" / "wall-times.md"
    new.parent.mkdir(parents=True)
    new.write_text(new_text, encoding="utf-8")
    return new


def run(argv, cwd: Path, monkeypatch, stdin: str = "") -> tuple[int, str, str]:
    """Run the command line in `cwd`; returns (exit code, stdout, stderr)."""
    monkeypatch.chdir(cwd)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def check(tmp_path, monkeypatch, *extra, new_text: str = TIMES, stdin: str = ""):
    write_project(tmp_path, new_text)
    return run(["check", "new/wall-times.md", "--against", "archive", *extra], tmp_path,
               monkeypatch, stdin)


def findings(stdout: str) -> list[dict]:
    return [LINE.match(line).groupdict() for line in stdout.splitlines()]


def where(text: str, words: str, occurrence: int = 0) -> tuple[int, int]:
    """1-based line and column of the `occurrence`-th `words` in a file's text."""
    offset = -1
    for _ in range(occurrence + 1):
        offset = text.index(words, offset + 1)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_check_finding_is_anchored_on_the_new_articles_line_and_column(tmp_path, monkeypatch):
    code, out, err = check(tmp_path, monkeypatch)
    assert code == 1
    rows = findings(out)
    money = next(r for r in rows if r["rule"] == "money-conflict")
    assert money["path"] == "new/wall-times.md"
    assert (int(money["line"]), int(money["col"])) == where(TIMES, "$54 million", occurrence=1)
    # names each archive article, its date and its exact words
    assert "“$54 million”" in money["msg"]
    assert "“$45 million” in archive/2025/wall-gazette.md (Harbour Gazette, 2025-06-10)" \
        in money["msg"]
    assert "“$45 million” in archive/2025/wall-courier.md (Coastal Courier, 2025-06-11)" \
        in money["msg"]
    assert "ferry" not in out  # another story is never compared
    assert re.search(r"\[F[0-9a-f]{12}\]$", money["msg"])
    assert "checked 1 article against 3 archive articles: 2 conflicts" in err


def test_check_misquote_points_at_the_quoted_words(tmp_path, monkeypatch):
    code, out, _ = check(tmp_path, monkeypatch)
    quote = next(r for r in findings(out) if r["rule"] == "quote-conflict")
    assert (int(quote["line"]), int(quote["col"])) == where(TIMES, "This wall is")
    assert "a drowned town" in quote["msg"] and "a flooded town" in quote["msg"]
    assert "wall-courier" not in quote["msg"]  # that article has no quote to compare


def test_check_clean_article_exits_0_and_prints_nothing(tmp_path, monkeypatch):
    agreeing = TIMES.replace("$54 million", "$45 million").replace("drowned", "flooded")
    code, out, err = check(tmp_path, monkeypatch, new_text=agreeing)
    assert (code, out) == (0, "")
    assert "0 conflicts" in err


def test_check_fail_on_never_reports_but_exits_0(tmp_path, monkeypatch):
    code, out, _ = check(tmp_path, monkeypatch, "--fail-on", "never")
    assert code == 0 and len(findings(out)) == 2


def test_check_quiet_keeps_standard_error_empty(tmp_path, monkeypatch):
    code, out, err = check(tmp_path, monkeypatch, "--quiet")
    assert code == 1 and out and err == ""


@pytest.mark.parametrize(("argv", "message"), [
    (["check", "new/wall-times.md"], "no archive to check against"),
    (["check", "--against", "archive"], "give the articles to check"),
    (["check", "new/wall-times.md", "--against", "nowhere"],
     "nowhere: the archive is not a folder"),
    (["check", "new/missing.md", "--against", "archive"], "new/missing.md: skipped: not found"),
    (["check", "new/wall-times.md", "--against", "archive", "--format", "xml"], "invalid choice"),
], ids=["no-archive", "no-paths", "archive-missing", "no-readable-input", "bad-format"])
def test_check_usage_errors_exit_2(tmp_path, monkeypatch, argv, message):
    write_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr("sys.stderr", err)  # argparse writes its own errors there
    code = main(argv, stdin=io.StringIO(""), stdout=out, stderr=err)
    assert code == 2
    assert message in err.getvalue()


def test_check_bad_configuration_exits_2_naming_file_and_key(tmp_path, monkeypatch):
    write_project(tmp_path)
    (tmp_path / "reconcile.toml").write_text('archive = "archive"\nfail_on = "sometimes"\n')
    code, _, err = run(["check", "new/wall-times.md"], tmp_path, monkeypatch)
    assert code == 2
    assert "reconcile.toml: fail_on: expected one of conflict, never" in err


def test_check_unreadable_article_is_listed_and_the_others_checked(tmp_path, monkeypatch):
    write_project(tmp_path)
    (tmp_path / "new" / "empty.md").write_text("---\ntitle: nothing\n---\n")
    code, out, err = run(["check", "new", "--against", "archive", "--format", "json"],
                         tmp_path, monkeypatch)
    data = json.loads(out)
    assert code == 1
    assert [e["path"] for e in data["errors"]] == ["new/empty.md"]
    assert "new/empty.md: skipped: no article text" in err
    assert {f["rule"] for f in data["findings"]} == {"money-conflict", "quote-conflict"}


@pytest.mark.parametrize("name, opening", [("findings.sarif", '{\n  "$schema"'),
                                           ("findings.xml", "<?xml"),
                                           ("findings.json", '{\n  "schema"'),
                                           ("findings.txt", "new/wall-times.md:")])
def test_check_format_follows_the_output_extension(tmp_path, monkeypatch, name, opening):
    code, out, _ = check(tmp_path, monkeypatch, "--output", name)
    assert code == 1 and out == ""
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(opening)


def test_check_flags_a_figure_the_archive_gave_otherwise_months_ago(tmp_path, monkeypatch):
    """A report calls figures of reports weeks apart an update; a new article that gives
    another figure than the archive published is still for an editor to confirm."""
    (tmp_path / "archive").mkdir()
    (tmp_path / "new").mkdir()
    (tmp_path / "archive" / "bridge.md").write_text(
        "---\ntitle: Council approves Elm Street bridge repair\ndate: 2025-03-05\n"
        "outlet: River Times\n---\nThe city council approved a $27 million repair of the Elm "
        "Street bridge, closing it for 14 months.\n", encoding="utf-8")
    (tmp_path / "new" / "bridge.md").write_text(
        "---\ntitle: Elm Street bridge repair begins\ndate: 2025-05-20\n"
        "outlet: Valley Post\n---\nWork began on Tuesday on the Elm Street bridge. The city "
        "council approved a $17 million repair of the Elm Street bridge in March.\n",
        encoding="utf-8")
    code, out, _ = run(["check", "new/bridge.md", "--against", "archive"], tmp_path, monkeypatch)
    assert code == 1
    assert [f["rule"] for f in findings(out)] == ["money-conflict"]


def test_check_configuration_gives_archive_fail_level_and_index(tmp_path, monkeypatch):
    write_project(tmp_path)
    (tmp_path / "reconcile.toml").write_text(
        'archive = "archive"\nfail_on = "never"\nindex = "cache/archive.sqlite"\n')
    code, out, _ = run(["check", "new/wall-times.md"], tmp_path, monkeypatch)
    assert code == 0 and len(findings(out)) == 2
    assert (tmp_path / "cache" / "archive.sqlite").is_file()
    code, _, _ = run(["check", "new/wall-times.md", "--fail-on", "conflict"], tmp_path,
                     monkeypatch)
    assert code == 1  # the command line wins over the file


def test_check_pyproject_tool_table_is_the_fallback(tmp_path, monkeypatch):
    write_project(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "newsroom"\n\n'
                                             '[tool.reconcile]\narchive = "archive"\n')
    code, out, _ = run(["check", "new/wall-times.md"], tmp_path, monkeypatch)
    assert code == 1 and len(findings(out)) == 2


def test_check_exclude_globs_leave_articles_unchecked(tmp_path, monkeypatch):
    write_project(tmp_path)
    (tmp_path / "reconcile.toml").write_text('archive = "archive"\nexclude = ["new/**"]\n')
    code, out, err = run(["check", "new/wall-times.md"], tmp_path, monkeypatch)
    assert (code, out) == (0, "")
    assert "new/wall-times.md: skipped: excluded" in err


def test_check_front_matter_key_names_from_configuration(tmp_path, monkeypatch):
    """A site whose `date` is the last edit names its publication date key in reconcile.toml."""
    renamed = TIMES.replace("date: 2025-06-12", "date: 2026-01-01\nissued: 2025-06-12")
    write_project(tmp_path, renamed)
    (tmp_path / "reconcile.toml").write_text(
        'archive = "archive"\n[front_matter]\ndate = ["issued", "date"]\n')
    code, out, _ = run(["check", "new/wall-times.md", "--format", "json"], tmp_path,
                       monkeypatch)
    data = json.loads(out)
    assert data["checked"][0]["published"] == "2025-06-12"


def test_check_accepted_finding_is_silenced(tmp_path, monkeypatch):
    code, out, _ = check(tmp_path, monkeypatch)
    assert code == 1
    code, _, err = run(["check", "new/wall-times.md", "--against", "archive",
                        "--write-accepted"], tmp_path, monkeypatch)
    assert code == 0 and "2 finding(s) recorded as accepted differences" in err
    accepted = (tmp_path / "reconcile-accepted.yaml").read_text()
    assert "accepted difference" in accepted and ":" in accepted
    assert not re.search(r"line|\b6:\d", accepted.split("findings:")[1].split("kind")[0])
    code, out, err = run(["check", "new/wall-times.md", "--against", "archive", "--format",
                          "json"], tmp_path, monkeypatch)
    data = json.loads(out)
    assert code == 0 and data["findings"] == []
    assert {f["rule"] for f in data["accepted"]} == {"money-conflict", "quote-conflict"}
    assert "2 accepted" in err


def test_check_stale_acceptance_is_reported_again_with_a_note(tmp_path, monkeypatch):
    check(tmp_path, monkeypatch)
    run(["check", "new/wall-times.md", "--against", "archive", "--write-accepted"], tmp_path,
        monkeypatch)
    new = tmp_path / "new" / "wall-times.md"
    new.write_text(TIMES.replace("$54 million", "$56 million"), encoding="utf-8")
    code, out, _ = run(["check", "new/wall-times.md", "--against", "archive"], tmp_path,
                       monkeypatch)
    money = next(r for r in findings(out) if r["rule"] == "money-conflict")
    assert code == 1
    assert "“$56 million”" in money["msg"]
    assert "was made on other wording and is stale" in money["msg"]
    assert not any(r["rule"] == "quote-conflict" for r in findings(out))  # still accepted


def test_check_accepted_file_from_the_command_line(tmp_path, monkeypatch):
    code, out, _ = check(tmp_path, monkeypatch, "--format", "json")
    data = json.loads(out)
    money = next(f for f in data["findings"] if f["rule"] == "money-conflict")
    (tmp_path / "decisions.yaml").write_text(
        "version: 1\nfindings:\n"
        f"  {money['id']}:\n    status: false positive\n    fingerprint: {money['fingerprint']}\n")
    code, out, _ = run(["check", "new/wall-times.md", "--against", "archive", "--accepted",
                        "decisions.yaml"], tmp_path, monkeypatch)
    assert [r["rule"] for r in findings(out)] == ["quote-conflict"]


def test_check_switched_off_passage_is_not_compared(tmp_path, monkeypatch):
    quiet = TIMES.replace("Port Ellery's harbour council approved",
                          "<!-- reconcile off -->\nPort Ellery's harbour council approved")
    quiet = quiet.replace("The work will take", "<!-- reconcile on -->\n\nThe work will take")
    code, out, _ = check(tmp_path, monkeypatch, "--format", "json", new_text=quiet)
    data = json.loads(out)
    assert [f["rule"] for f in data["findings"]] == ["quote-conflict"]
    assert data["checked"][0]["switched_off"] >= 1
    # the quote's line moved down by the two added lines, and is still found
    assert data["findings"][0]["line"] == where(quiet, "This wall is")[0]


def test_check_switch_without_on_runs_to_the_end(tmp_path, monkeypatch):
    quiet = TIMES.replace("Port Ellery's harbour", "<!-- Reconcile Off -->\nPort Ellery's harbour")
    code, out, _ = check(tmp_path, monkeypatch, new_text=quiet)
    assert (code, out) == (0, "")


def test_check_archive_edit_is_picked_up_by_the_next_check(tmp_path, monkeypatch):
    check(tmp_path, monkeypatch)
    for name in ("wall-gazette.md", "wall-courier.md"):
        path = tmp_path / "archive" / "2025" / name
        path.write_text(path.read_text().replace("$45 million", "$54 million"
                                                 ).replace("flooded", "drowned"))
    code, out, err = run(["check", "new/wall-times.md", "--against", "archive"], tmp_path,
                         monkeypatch)
    assert (code, out) == (0, "")
    assert "archive index updated" in err and "2 changed" in err


def test_check_article_inside_the_archive_is_not_compared_with_itself(tmp_path, monkeypatch):
    write_project(tmp_path)
    inside = tmp_path / "archive" / "2025" / "wall-times.md"
    shutil.move(tmp_path / "new" / "wall-times.md", inside)
    code, out, _ = run(["check", "archive/2025/wall-times.md", "--against", "archive"],
                       tmp_path, monkeypatch)
    rows = findings(out)
    assert code == 1 and {r["rule"] for r in rows} == {"money-conflict", "quote-conflict"}
    assert all("in archive/2025/wall-times.md" not in r["msg"] for r in rows)


def test_check_standard_input(tmp_path, monkeypatch):
    write_project(tmp_path)
    code, out, _ = run(["check", "-", "--against", "archive"], tmp_path, monkeypatch,
                       stdin=TIMES)
    rows = findings(out)
    assert code == 1 and rows[0]["path"] == "-"
    assert (int(rows[0]["line"]), int(rows[0]["col"])) == where(TIMES, "$54 million", occurrence=1)


def test_check_json_lines_article_is_anchored_on_its_record(tmp_path, monkeypatch):
    write_project(tmp_path)
    records = [{"id": "ferry-late", "title": "Ferry timetable", "text": "The ferry left late.",
                "date": "2025-06-12"},
               {"id": "times", "title": "Port Ellery council votes for $54 million sea wall",
                "date": "2025-06-12", "outlet": "Ellery Times",
                "text": TIMES.split("---\n", 2)[2]}]
    feed = tmp_path / "new" / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records))
    code, out, _ = run(["check", "new/feed.jsonl", "--against", "archive"], tmp_path,
                       monkeypatch)
    money = next(r for r in findings(out) if r["rule"] == "money-conflict")
    assert money["line"] == "2"
    assert int(money["col"]) == feed.read_text().splitlines()[1].index("$54 million") + 1


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.test",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.test",
                        "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(cwd)})


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_check_changed_only_takes_the_files_git_says_changed(tmp_path, monkeypatch):
    write_project(tmp_path)
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "archive")
    _git(tmp_path, "commit", "-q", "-m", "archive")
    _git(tmp_path, "branch", "base")
    _git(tmp_path, "add", "new")
    _git(tmp_path, "commit", "-q", "-m", "new article")
    code, out, err = run(["check", "--since", "base", "--against", "archive"], tmp_path,
                         monkeypatch)
    assert code == 1 and {r["path"] for r in findings(out)} == {"new/wall-times.md"}
    assert "1 file(s) changed since base" in err
    # nothing changed in the working tree: nothing to check, and that is not a failure
    code, out, err = run(["check", "--changed-only", "--against", "archive"], tmp_path,
                         monkeypatch)
    assert (code, out) == (0, "") and "no changed articles to check" in err
    code, out, _ = run(["check", "--changed-only", "--against", "archive", "--format", "sarif"],
                       tmp_path, monkeypatch)
    assert code == 0 and json.loads(out)["runs"][0]["results"] == []  # still a valid log
    # an untracked draft is a change too
    (tmp_path / "new" / "draft.md").write_text(TIMES)
    code, out, _ = run(["check", "--changed-only", "--against", "archive"], tmp_path,
                       monkeypatch)
    assert code == 1 and {r["path"] for r in findings(out)} == {"new/draft.md"}


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_check_changed_only_outside_git_exits_2(tmp_path, monkeypatch):
    write_project(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code, _, err = run(["check", "--changed-only", "--against", "archive"], tmp_path,
                       monkeypatch)
    assert code == 2 and "is not in a git repository" in err


def test_check_help_describes_every_option(monkeypatch, capsys):
    assert main(["check", "--help"]) == 0
    text = capsys.readouterr().out
    for option in ("--against", "--format", "--fail-on", "--changed-only", "--since",
                   "--accepted", "--write-accepted", "--index", "--rebuild-index", "--config"):
        assert option in text
    assert "Exit codes" in text


def test_check_include_globs_choose_the_archive_articles_too(tmp_path, monkeypatch):
    write_project(tmp_path)
    (tmp_path / "reconcile.toml").write_text(
        'archive = "archive"\ninclude = ["archive/**/wall-*.md", "new/*.md"]\n')
    code, out, _ = run(["check", "new/wall-times.md", "--format", "json"], tmp_path,
                       monkeypatch)
    data = json.loads(out)
    assert code == 1 and data["archive_articles"] == 2  # the ferry story is not an article here


def test_check_rebuild_index_reads_the_whole_archive_again(tmp_path, monkeypatch):
    check(tmp_path, monkeypatch)
    code, _, err = run(["check", "new/wall-times.md", "--against", "archive",
                        "--rebuild-index"], tmp_path, monkeypatch)
    assert code == 1 and "archive index built" in err and "3 file(s) added" in err


@pytest.mark.parametrize(("patterns", "path", "selected"), [
    (["**/*.md"], "a.md", True),
    (["**/*.md"], "news/2025/a.md", True),
    (["*.md"], "news/a.md", False),
    (["news/**"], "news/2025/a.md", True),
    (["news/"], "news/a.md", True),
    (["news/**"], "newsletter/a.md", False),
    (["news/[!d]*.md"], "news/drafts.md", False),
    (["news/[!d]*.md"], "news/story.md", True),
    (["news/?.md"], "news/a.md", True),
], ids=["any-depth-top", "any-depth-deep", "star-one-folder", "folder-tree", "folder-slash",
        "prefix-is-not-folder", "negated-class", "class-match", "question-mark"])
def test_check_glob_patterns(patterns, path, selected):
    from reconcile.config import matches_any

    assert matches_any(patterns, path) is selected


def test_check_lists_an_article_over_the_claim_limit_instead_of_comparing_it(tmp_path, monkeypatch):
    rules = tmp_path / "tight-rules"
    rules.mkdir()
    (rules / "limits.yaml").write_text("max_article_bytes: 20971520\nmax_claims_per_article: 10\n",
                                       encoding="utf-8")
    busy = TIMES + "".join(f"\nThe fund paid ${n} million to firm {n}." for n in range(12, 30))
    code, out, err = check(tmp_path, monkeypatch, "--rules", str(rules), "--format", "json",
                           new_text=busy)
    assert code == 0, err
    assert "claims" in json.dumps(json.loads(out).get("errors", []))
    assert "wall-times.md" in json.dumps(json.loads(out).get("errors", []))
