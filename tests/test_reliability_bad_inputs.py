"""A folder of inputs nobody cleaned: each is read or listed in `errors` with a clear reason,
the rest of the folder is still reported, and the exit codes follow DESIGN.md.

Every fixture is written into tmp_path at test time (the 50 MB one too): nothing large is
committed. Each row says what the input is, whether it is read, and the reason or note it
gets in `errors` (a regular expression on the whole line).
"""
from __future__ import annotations

import codecs
import io
import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reconcile.cli import main
from reconcile.ingest import read_sources

GOOD = ("---\ntitle: Council passes budget\noutlet: Test Post\ndate: 2025-11-19\n---\n"
        "The council approved a $4.5 million budget on Tuesday, officials said.\n")
SENTENCE = "The council approved a $4.5 million budget on Tuesday.\n"
MB = 1024 * 1024


def _noise(with_nul: bool) -> bytes:
    rng = random.Random(9)  # fixed: the same bytes every run
    low = 0 if with_nul else 1
    return bytes(rng.randrange(low, 256) for _ in range(4000))


def _huge(folder: Path, name: str) -> None:
    """A 50 MB article of real text (not a sparse file): it must be refused without reading."""
    chunk = (SENTENCE * 2000).encode()
    with open(folder / name, "wb") as handle:
        while handle.tell() < 50 * MB:
            handle.write(chunk)


def _one_line(folder: Path, name: str) -> None:
    """A single 1 MB line: no newline to split on, one claim at its very end."""
    filler = ("Residents waited in the rain for news of the vote. " * 21000)[:MB - 60]
    (folder / name).write_text(filler + "The repair cost $2 million, officials said.")


def _symlink_loop(folder: Path, name: str) -> None:
    (folder / "loop").mkdir()
    (folder / "loop" / name).symlink_to(folder.resolve(), target_is_directory=True)


def _self_link(folder: Path, name: str) -> None:
    (folder / name).symlink_to(folder.resolve() / name)


def _nested_html(folder: Path, name: str) -> None:
    depth = 5000  # libxml2 stops at 256 levels unless told otherwise
    (folder / name).write_text("<!doctype html><html><body>" + "<div>" * depth
                               + "<p>The council approved a $3 million repair.</p>"
                               + "</div>" * depth + "</body></html>")


def _write(content: bytes | str) -> Callable[[Path, str], None]:
    def make(folder: Path, name: str) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return make


READ, SKIPPED = "read", "skipped"

# (id, file name, how to make it, read or skipped, the reason or note in errors or None)
BAD_INPUTS = [
    ("png-image", "photo.md", _write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
     SKIPPED, r"skipped: binary file \(a PNG image\)"),
    ("pdf-named-txt", "statement.txt", _write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
     SKIPPED, r"skipped: binary file \(a PDF document\)"),
    ("zip-archive", "bundle.md", _write(b"PK\x03\x04\x14\x00\x00\x00" + bytes(range(200))),
     SKIPPED, r"skipped: binary file \(a ZIP archive.*\)"),
    ("random-bytes-no-nul", "noise.md", _write(_noise(with_nul=False)), SKIPPED,
     r"skipped: binary file \(\d+% control characters\)"),
    ("random-bytes-with-nul", "noise-nul.txt", _write(_noise(with_nul=True)), SKIPPED,
     r"skipped: binary file \((contains NUL bytes|\d+% control characters)\)"),
    ("mostly-nul", "zeros.md", _write(b"\x00" * 2048 + SENTENCE.encode()), SKIPPED,
     r"skipped: binary file \(contains NUL bytes\)"),
    ("stray-nul-bytes", "stray-nul.md",
     _write(SENTENCE.encode().replace(b"council", b"coun\x00cil") + b"\x00"), READ,
     r"2 NUL bytes removed"),
    ("utf16-le-bom", "utf16le-bom.txt", _write(codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le")),
     READ, None),
    ("utf16-be-bom", "utf16be-bom.txt", _write(codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be")),
     READ, None),
    ("utf16-le-no-bom", "utf16le.txt", _write(SENTENCE.encode("utf-16-le")), READ,
     r"no byte-order mark; read as UTF-16-LE"),
    ("utf16-be-no-bom", "utf16be.md", _write(SENTENCE.encode("utf-16-be")), READ,
     r"no byte-order mark; read as UTF-16-BE"),
    ("utf8-bom", "bom.md", _write(codecs.BOM_UTF8 + GOOD.encode()), READ, None),
    ("latin-1", "latin1.txt",
     _write("Caf\xe9 owners in Montr\xe9al said rents rose 12% this year.\n".encode("latin-1")),
     READ, r"not valid UTF-8; read as cp1252"),
    ("windows-1252", "cp1252.txt",
     _write("\u201cWe will not raise fares,\u201d Mayor Ann Lee said of the \u20ac3 ticket.\n"
            .encode("cp1252")), READ, r"not valid UTF-8; read as cp1252"),
    ("undecodable-in-cp1252", "odd.txt", _write(b"Prices rose \x81 sharply, by 4%.\n"), READ,
     r"not valid UTF-8; read as latin-1"),
    ("empty-file", "empty.md", _write(b""), SKIPPED, r"skipped: empty file"),
    ("only-a-bom", "bom-only.md", _write(codecs.BOM_UTF8), SKIPPED, r"skipped: empty file"),
    ("only-white-space", "blank.txt", _write(" \n\t\r\n \u00a0\n"), SKIPPED,
     r"skipped: empty file"),
    ("fifty-megabytes", "huge.md", _huge, SKIPPED,
     r"skipped: too large \(50\.0 MB; the limit is 20\.0 MB per article\)"),
    ("one-megabyte-line", "one-line.txt", _one_line, READ, None),
    ("front-matter-never-closes", "open-front.md",
     _write("---\ntitle: Never closed\n\nThe council approved $3 million.\n"), READ,
     r"front matter: opened with '---' on line 1 but never closed; whole file read as body"),
    ("invalid-yaml-front-matter", "bad-yaml.md",
     _write("---\ntitle: [unclosed\noutlet: X\n---\nThe council approved $3 million.\n"), READ,
     r"front matter: invalid YAML at line \d+ \(.+\); body read without it"),
    ("invalid-toml-front-matter", "bad-toml.md",
     _write('+++\ntitle = "unclosed\noutlet = 3\n+++\nThe council approved $3 million.\n'),
     READ, r"front matter: invalid TOML \(.+\); body read without it"),
    ("impossible-date-feb-30", "feb30.md",
     _write("---\ntitle: Storm damage tallied\ndate: 2025-02-30\n---\n"
            "The storm caused $3 million in damage.\n"), READ,
     r"front matter: date: cannot read '2025-02-30' as a date; read without a publication date"),
    ("impossible-date-in-toml", "feb30-toml.md",
     _write('+++\ntitle = "Storm"\ndate = 2025-02-30\n+++\nThe storm caused $3 million.\n'),
     READ, r"front matter: invalid TOML \(.+\); body read without it"),
    ("unbalanced-and-nested-quotes", "quotes.md",
     _write("“We will “never” accept ‘this’,” Greene said. “And then \"more\" ‘ said. \" ” ‘ ’ “"
            "\n\n“Open quote never closed, said Lee.\n\n”Backwards,“ said Kim.\n"), READ, None),
    ("deeply-nested-html", "nested.html", _nested_html, SKIPPED,
     r"skipped: no article text found in the HTML page"),
    ("malformed-feed", "feed.xml",
     _write("<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item>"
            "<title>Storm</title><description>The storm caused $3 million in dam"), SKIPPED,
     r"skipped: .+"),
    ("deeply-nested-json", "deep.json", _write("[" * 100000 + "]" * 100000), SKIPPED,
     r"skipped: invalid JSON \(nested too deeply\)"),
    ("deeply-nested-jsonl-line", "deep.jsonl",
     _write('{"text": "The council approved $3 million."}\n' + "[" * 50000 + "\n"), READ,
     r"line 2: invalid JSON \(nested too deeply\); line skipped"),
    ("symlink-loop", "back", _symlink_loop, SKIPPED, r"skipped: symbolic link loop.*"),
    ("link-to-itself", "self.md", _self_link, SKIPPED, r"skipped: symbolic link loop"),
]

SKIPPED_IN_LOOP = {"symlink-loop": "loop/back"}


def _path_of(name: str, case_id: str) -> str:
    return SKIPPED_IN_LOOP.get(case_id, name)


def _errors_for(errors, path: str) -> list[str]:
    return [e.error for e in errors if e.path == path]


@pytest.mark.parametrize(("name", "make", "outcome", "reason"),
                         [pytest.param(*case[1:], id=case[0]) for case in BAD_INPUTS])
def test_reliability_bad_input_read_or_reported(tmp_path, capsys, name, make, outcome, reason):
    import re

    (tmp_path / "good.md").write_text(GOOD)
    make(tmp_path, name)
    case_id = next(c[0] for c in BAD_INPUTS if c[1] == name)
    path = str(tmp_path / _path_of(name, case_id))
    sources, errors = read_sources([str(tmp_path)])
    ids = {s.id for s in sources}
    assert "good" in ids  # the rest of the folder is still read
    reasons = _errors_for(errors, path)
    read = {s.path for s in sources}
    if outcome == READ:
        assert path in read, (reasons, errors)
    else:
        assert path not in read
        assert reasons, f"{name} was neither read nor reported: {errors}"
    if reason is not None:
        assert any(re.fullmatch(reason, r) for r in reasons), reasons
    elif outcome == READ:
        assert reasons == []
    assert all(r and "\n" not in r for r in reasons)
    assert capsys.readouterr() == ("", "")  # library code never prints


@pytest.mark.parametrize(("name", "expected"), [
    pytest.param("utf16le.txt", "The council approved a $4.5 million budget on Tuesday.",
                 id="utf16-no-bom"),
    pytest.param("utf16be-bom.txt", "The council approved a $4.5 million budget on Tuesday.",
                 id="utf16-be-bom"),
    pytest.param("latin1.txt", "Café owners in Montréal said rents rose 12% this year.",
                 id="latin-1"),
    pytest.param("cp1252.txt", "“We will not raise fares,” Mayor Ann Lee said of the €3 ticket.",
                 id="cp1252-curly-quotes-and-euro"),
    pytest.param("stray-nul.md", "The council approved a $4.5 million budget on Tuesday.",
                 id="stray-nul-removed"),
])
def test_reliability_decoded_text_is_right(tmp_path, name, expected):
    make = next(c[2] for c in BAD_INPUTS if c[1] == name)
    make(tmp_path, name)
    (source,), _ = read_sources([str(tmp_path / name)])
    assert source.text.strip() == expected


def test_reliability_windows_1252_quote_keeps_its_speaker(tmp_path):
    make = next(c[2] for c in BAD_INPUTS if c[0] == "windows-1252")
    make(tmp_path, "cp1252.txt")
    code, out, _ = _run(["extract", str(tmp_path)])
    claims = [json.loads(line) for line in out.splitlines()]
    quotes = [c for c in claims if c.get("kind") == "quote"]
    assert code == 0
    assert [(q["text"], q["value"]["speaker"]) for q in quotes] == [
        ("We will not raise fares", "Ann Lee")]
    assert any(c.get("kind") == "money" and c["value"]["unit"] == "EUR" for c in claims)


def test_reliability_feb_30_keeps_the_rest_of_the_front_matter(tmp_path):
    _write("---\ntitle: Storm damage tallied\noutlet: Coast Daily\ndate: 2025-02-30\n---\n"
           "The storm caused $3 million in damage.\n")(tmp_path, "feb30.md")
    (source,), errors = read_sources([str(tmp_path)])
    assert (source.title, source.outlet, source.published) == (
        "Storm damage tallied", "Coast Daily", None)
    assert len(errors) == 1


def _run(argv: list[str], stdin_text: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin_text), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _bad_folder(folder: Path, with_good: bool) -> list[str]:
    """Every bad input in one folder (the 50 MB one too); returns the paths made."""
    made = []
    for case_id, name, make, _, _ in BAD_INPUTS:
        make(folder, name)
        made.append(str(folder / _path_of(name, case_id)))
    if with_good:
        (folder / "good.md").write_text(GOOD)
        made.append(str(folder / "good.md"))
    return made


def test_reliability_bad_folder_every_input_accounted_for(tmp_path):
    """One run over the whole folder: exit 0, every file is a source or an error (or both, with
    a note), the good article's facts are reported, and every error line names its file."""
    folder = tmp_path / "archive"
    folder.mkdir()
    made = _bad_folder(folder, with_good=True)
    output = tmp_path / "report.json"
    code, _, err = _run(["report", str(folder), "--format", "json", "--output", str(output)])
    assert code == 0
    report = json.loads(output.read_text(encoding="utf-8"))
    read = {s["path"] for s in report["sources"]}
    listed = {e["path"] for e in report["errors"]}
    assert set(made) <= read | listed, sorted(set(made) - read - listed)
    expected_read = {str(folder / c[1]) for c in BAD_INPUTS if c[3] == READ} | {
        str(folder / "good.md")}
    assert read == expected_read
    good = next(s["id"] for s in report["sources"] if s["path"].endswith("good.md"))
    assert any(c["source"] == good and c["text"] == "$4.5 million" for c in report["claims"])
    # the 1 MB line is read to its end: its one claim sits there
    line = next(s["id"] for s in report["sources"] if s["path"].endswith("one-line.txt"))
    assert [(c["text"], c["start"] > MB - 100) for c in report["claims"]
            if c["source"] == line and c["kind"] == "money"] == [("$2 million", True)]
    # every error is also on standard error, one line each, naming the file
    for error in report["errors"]:
        assert f"reconcile: {error['path']}: {error['error']}\n" in err


def test_reliability_only_unreadable_inputs_exit_2(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for case_id, name, make, outcome, _ in BAD_INPUTS:
        if outcome == SKIPPED and case_id != "fifty-megabytes":
            make(folder, name)
    code, out, err = _run(["report", str(folder), "--format", "json"])
    skipped = sum(1 for c in BAD_INPUTS if c[3] == SKIPPED) - 1
    assert (code, out) == (2, "")
    assert err.endswith(f"reconcile: error: no readable input ({skipped} inputs could not be "
                        "read)\n")


def test_reliability_missing_path_among_good_ones(tmp_path):
    (tmp_path / "good.md").write_text(GOOD)
    code, out, err = _run(["report", str(tmp_path / "good.md"), str(tmp_path / "nope.md"),
                           "--format", "json"])
    report = json.loads(out)
    assert code == 0
    assert report["errors"] == [{"path": str(tmp_path / "nope.md"), "error": "skipped: not found"}]


def test_reliability_file_name_not_utf8(tmp_path):
    """A name that is not valid UTF-8 would make every report invalid UTF-8: it is skipped."""
    (tmp_path / "good.md").write_text(GOOD)
    try:
        open(os.fsencode(tmp_path) + b"/caf\xe9.md", "wb").close()
    except (OSError, ValueError):
        pytest.skip("the file system refuses names that are not UTF-8")
    Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.md")).write_text(SENTENCE)
    output = tmp_path / "report.json"
    code, _, _ = _run(["report", str(tmp_path), "--format", "json", "--output", str(output)])
    report = json.loads(output.read_bytes().decode("utf-8"))  # strict: valid UTF-8
    assert code == 0
    assert report["errors"] == [{"path": f"{tmp_path}/caf\\xe9.md",
                                 "error": "skipped: the name is not valid UTF-8 (rename it)"}]


# ---------------------------------------------------------------------------------------------
# standard input: real bytes through a real process


def _reconcile(args: list[str], data: bytes, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reconcile", *args], input=data, cwd=cwd,
                          capture_output=True, timeout=120)


@pytest.mark.parametrize(("data", "code", "reason"), [
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 2, "skipped: binary file (a PNG image)",
                 id="png"),
    pytest.param(b"", 2, "skipped: empty file", id="empty"),
    pytest.param(SENTENCE.encode("utf-16-le"), 0, "no byte-order mark; read as UTF-16-LE",
                 id="utf16-no-bom"),
    pytest.param("Caf\xe9 prices rose 5%.".encode("cp1252"), 0, "not valid UTF-8; read as cp1252",
                 id="cp1252"),
])
def test_reliability_bad_standard_input(tmp_path, data, code, reason):
    result = _reconcile(["report", "-", "--format", "json"], data, tmp_path)
    assert result.returncode == code, result.stderr
    assert f"reconcile: -: {reason}" in result.stderr.decode()
    if code == 0:
        assert json.loads(result.stdout)["errors"] == [{"path": "-", "error": reason}]


# ---------------------------------------------------------------------------------------------
# `check` against an archive nobody cleaned


def test_reliability_check_against_a_bad_archive_lists_every_input(tmp_path):
    """The archive holds every bad input: the check still runs (exit 0: no conflict with the
    good article), and each archive file is indexed or listed in archive_errors."""
    archive = tmp_path / "archive"
    archive.mkdir()
    made = set(_bad_folder(archive, with_good=True))
    new = tmp_path / "new.md"
    new.write_text(GOOD.replace("2025-11-19", "2025-11-20"))
    code, out, err = _run(["check", str(new), "--against", str(archive), "--format", "json",
                           "--index", str(tmp_path / "index.sqlite"), "--jobs", "1"])
    result = json.loads(out)
    assert code == 0, err
    listed = {e["path"] for e in result["archive_errors"]}
    # a link back to the archive folder adds no file: check's walker passes it over in silence
    skipped = {str(archive / _path_of(c[1], c[0])) for c in BAD_INPUTS
               if c[3] == SKIPPED and c[0] != "symlink-loop"}
    assert skipped <= listed, sorted(skipped - listed)
    read = sum(1 for c in BAD_INPUTS if c[3] == READ) + 1
    assert result["archive_articles"] == read
    assert len(made) == len(BAD_INPUTS) + 1


def test_reliability_check_of_unreadable_articles_exits_2(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "good.md").write_text(GOOD)
    bad = []
    for case_id, name, make, outcome, _ in BAD_INPUTS[:6]:
        make(tmp_path, name)
        bad.append(str(tmp_path / name))
    code, out, err = _run(["check", *bad, "--against", str(archive),
                           "--index", str(tmp_path / "index.sqlite")])
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == "reconcile: error: no readable article to check"
    for path in bad:
        assert f"reconcile: error: {path}: skipped: binary file" in err
