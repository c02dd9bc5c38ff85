"""Tests for reconcile.ingest: formats, metadata, sidecars, ids, stdin and every kind of bad input.

The committed fixtures in tests/fixtures/ingest/ are short articles written for these tests.
Bad inputs (binary, UTF-16, empty, huge, symbolic link loops ...) are made in tmp_path by each
test, so no odd files are committed.
"""
from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from reconcile.ingest import format_for, read_sources
from reconcile.model import InputError, Source
from reconcile.rules import load_rules

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
REPOSITORY = Path(__file__).parent.parent
GOOD = "Harbour traffic rose 4% last year, the port said.\n"


def by_id(sources: list[Source]) -> dict[str, Source]:
    return {source.id: source for source in sources}


def errors_for(errors: list[InputError], name: str) -> list[str]:
    return [e.error for e in errors if Path(e.path).name == name or e.path == name]


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


# ---------------------------------------------------------------------------------------------
# formats


@pytest.mark.parametrize(
    ("source_id", "fmt", "title", "outlet", "published", "published_from", "opening"),
    [
        pytest.param("yaml-front", "markdown", "Port strike ends after nine days", "Coastal Times",
                     "2025-03-14", "front matter", "Dock workers", id="markdown-yaml-front-matter"),
        pytest.param("toml-front", "markdown", "Rail line reopens after landslide",
                     "Valley Courier", "2025-04-02", "front matter", "The mountain rail",
                     id="markdown-toml-front-matter"),
        pytest.param("plain-headline", "text", "Council delays vote on new bus depot", None, None,
                     "none", "Council delays vote", id="txt-headline-first-line"),
        pytest.param("plain-sentence", "text", None, None, None, "none", "The harbour authority",
                     id="text-extension-no-headline"),
        pytest.param("no-extension", "text", "Bridge repairs to finish early", None, None, "none",
                     "Bridge repairs", id="file-without-extension"),
        pytest.param("notes", "markdown", "Library extends opening hours", None, None, "none",
                     "# Library extends", id="markdown-extension-heading-title"),
        pytest.param("wire-001", "jsonl", "Factory output rises", "Example Wire", "2025-06-10",
                     "metadata", "Factory output rose", id="jsonl-id-field"),
        pytest.param("wire-3", "jsonl", "Airport traffic recovers", "Example Wire", "2025-07-02",
                     "metadata", "Passenger numbers", id="jsonl-body-date-source-aliases"),
        pytest.param("42", "jsonl", None, None, "2025-07-05", "metadata", "Unemployment held",
                     id="jsonl-numeric-id-and-written-date"),
        pytest.param("single", "json", "Ferry fares to rise", "Island News", "2025-02-20",
                     "metadata", "Ferry fares will rise", id="json-single-object"),
        pytest.param("water-1", "json", "Water bills frozen", None, "2025-01-08", "metadata",
                     "Water bills will stay", id="json-list-id-field"),
        pytest.param("several-2", "json", "Reservoir levels low", None, "2025-01-09", "metadata",
                     "Reservoirs are",
                     id="json-list-fallback-id"),
    ],
)
def test_ingest_reads_each_format(source_id, fmt, title, outlet, published, published_from,
                                  opening):
    sources, errors = read_sources([str(FIXTURES / "formats")])
    assert errors == []
    source = by_id(sources)[source_id]
    assert (source.format, source.title, source.outlet, source.published,
            source.published_from) == (fmt, title, outlet, published, published_from)
    assert source.text.lstrip("\n").startswith(opening)


def test_ingest_body_is_the_text_after_front_matter_unchanged():
    raw = (FIXTURES / "formats" / "yaml-front.md").read_text(encoding="utf-8")
    sources, _ = read_sources([str(FIXTURES / "formats" / "yaml-front.md")])
    assert sources[0].text == raw.split("---\n", 2)[2]
    assert sources[0].path == str(FIXTURES / "formats" / "yaml-front.md")


def test_ingest_url_from_front_matter_and_jsonl():
    sources = by_id(read_sources([str(FIXTURES / "formats")])[0])
    assert sources["yaml-front"].url == "https://coastal.example-news.test/port-strike-ends"
    assert sources["toml-front"].url == "https://valley.example-news.test/rail-reopens"
    assert sources["wire-001"].url == "https://wire.example-news.test/001"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(b"---\ntitle: T\n---\r\nLine one.\r\nLine two.\r\n", "Line one.\nLine two.\n",
                     id="crlf-to-lf"),
        pytest.param(b"\xef\xbb\xbf---\ntitle: T\n---\nBody text here.\n", "Body text here.\n",
                     id="utf8-bom-stripped"),
        pytest.param("\ufeffBody with a BOM.\n".encode("utf-16"), "Body with a BOM.\n",
                     id="utf16-with-bom"),
        pytest.param(b"Old Mac line.\rSecond line.\r", "Old Mac line.\nSecond line.\n",
                     id="lone-cr-to-lf"),
        pytest.param("Tabs\tand  double  spaces stay.\n\n\nThree newlines stay.".encode(),
                     "Tabs\tand  double  spaces stay.\n\n\nThree newlines stay.",
                     id="nothing-else-changes"),
    ],
)
def test_ingest_normalises_only_line_endings_and_bom(tmp_path, raw, expected):
    write(tmp_path, "article.md", raw)
    sources, errors = read_sources([str(tmp_path)])
    assert errors == []
    assert sources[0].text == expected


# ---------------------------------------------------------------------------------------------
# front matter keys and dates


@pytest.mark.parametrize(
    ("key", "field"),
    [pytest.param(k, "published", id=f"date-{k}") for k in
     ("date", "published", "publishdate", "pubdate", "published_at", "datePublished")]
    + [pytest.param(k, "outlet", id=f"outlet-{k}") for k in
       ("outlet", "source", "publisher", "site")]
    + [pytest.param(k, "title", id=f"title-{k}") for k in ("title", "headline")]
    + [pytest.param(k, "url", id=f"url-{k}") for k in ("url", "link", "canonical_url")],
)
@pytest.mark.parametrize("language", ["yaml", "toml"])
def test_ingest_front_matter_key_aliases(tmp_path, key, field, language):
    value = {"published": "2025-11-19", "outlet": "Alias Outlet", "title": "Alias title here",
             "url": "https://alias.example-news.test/a"}[field]
    if language == "yaml":
        front = f"---\n{key}: \"{value}\"\n---\n"
    else:
        front = f"+++\n{key} = \"{value}\"\n+++\n"
    write(tmp_path, "alias.md", front + "The first sentence of the body ends here.\n")
    sources, errors = read_sources([str(tmp_path)])
    assert errors == []
    assert getattr(sources[0], field) == value
    if field == "published":
        assert sources[0].published_from == "front matter"


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        pytest.param("date: 2025-11-19T16:34:16.173Z", "2025-11-19", id="yaml-datetime-utc"),
        pytest.param("date: 2025-11-19", "2025-11-19", id="yaml-date"),
        pytest.param("date: '2025-11-19T23:30:00-08:00'", "2025-11-19",
                     id="string-with-offset-keeps-written-day"),
        pytest.param("date: November 19, 2025", "2025-11-19", id="month-day-year"),
        pytest.param("date: 19 Nov 2025", "2025-11-19", id="day-month-year"),
        pytest.param("date: 'Wed, 19 Nov 2025 16:34:16 GMT'", "2025-11-19", id="rfc-2822"),
        pytest.param("date: 2025/11/19", "2025-11-19", id="slashes"),
        pytest.param("date: 20251119", "2025-11-19", id="compact-digits"),
        pytest.param("date: 1763569800", "2025-11-19", id="unix-seconds"),
    ],
)
def test_ingest_published_normalised_to_iso_date(tmp_path, front, expected):
    write(tmp_path, "dated.md", f"---\n{front}\n---\nBody sentence of the article.\n")
    sources, errors = read_sources([str(tmp_path)])
    assert errors == []
    assert sources[0].published == expected


def test_ingest_toml_datetime_normalised(tmp_path):
    write(tmp_path, "dated.md", "+++\ndate = 2025-11-19T16:34:16Z\n+++\nBody sentence.\n")
    sources, errors = read_sources([str(tmp_path)])
    assert (sources[0].published, errors) == ("2025-11-19", [])


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("sometime soon", id="words"),
        pytest.param("yesterday", id="relative-never-resolved-against-today"),
        pytest.param("'2025-13-45'", id="impossible-iso"),
        pytest.param("[2025, 11]", id="a-list"),
    ],
)
def test_ingest_unparseable_date_is_a_warning(tmp_path, value):
    write(tmp_path, "dated.md", f"---\ntitle: Kept title\ndate: {value}\n---\nBody sentence.\n")
    sources, errors = read_sources([str(tmp_path)])
    assert len(sources) == 1
    assert (sources[0].published, sources[0].published_from) == (None, "none")
    assert sources[0].title == "Kept title"
    assert len(errors) == 1 and "cannot read" in errors[0].error and "date" in errors[0].error


def test_ingest_yaml_tags_never_build_objects(tmp_path):
    write(tmp_path, "tagged.md",
          "---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\nBody sentence.\n")
    sources, errors = read_sources([str(tmp_path)])
    assert len(sources) == 1 and sources[0].title is None
    assert "invalid YAML" in errors[0].error


# ---------------------------------------------------------------------------------------------
# titles


@pytest.mark.parametrize(
    ("body", "title"),
    [
        pytest.param("Storm hits coast\n\nThe storm hit.", "Storm hits coast", id="headline"),
        pytest.param("The storm hit the coast on Monday.\nMore text.", None,
                     id="sentence-with-period"),
        pytest.param("\n\n  Ports reopen after strike  \nText.", "Ports reopen after strike",
                     id="leading-blank-lines"),
        pytest.param("## Ports reopen after strike\nText.", "Ports reopen after strike",
                     id="markdown-heading"),
        pytest.param("Advertisement\nPorts reopen after strike\nText.", "Ports reopen after strike",
                     id="boilerplate-line-skipped"),
        pytest.param("Taiwan buys missile system from U.S.\n\nText.",
                     "Taiwan buys missile system from U.S.", id="ends-with-abbreviation"),
        pytest.param("Will the ferry run again?\nText.", "Will the ferry run again?",
                     id="question-headline"),
        pytest.param("Officials said the " + "very " * 40 + "long line goes on\nText.", None,
                     id="too-long"),
        pytest.param("Breaking\nText.", None, id="one-word"),
        pytest.param("Officials said:\nText.", None, id="ends-with-colon"),
    ],
)
def test_ingest_title_from_first_line(tmp_path, body, title):
    write(tmp_path, "untitled.txt", body)
    sources, _ = read_sources([str(tmp_path)], rules=load_rules())
    assert sources[0].title == title
    assert sources[0].text == body  # the headline line stays in the body


# ---------------------------------------------------------------------------------------------
# sidecars


def test_ingest_sidecar_metadata():
    sources, errors = read_sources([str(FIXTURES / "sidecars")])
    got = {s.id: (s.published, s.published_from, s.outlet, s.url) for s in sources}
    assert got == {
        "front-matter-wins": ("2025-09-30", "front matter", "Front Matter Gazette",
                              "https://sidecar.example-news.test/library-fines"),
        "json-side": ("2025-08-01", "sidecar", "City Transit News", None),
        "listed-by-stem": ("2025-03-04", "sidecar", "Market Monitor", None),
        "listed": ("2025-03-03", "sidecar", "Parks Weekly", None),
        "toml-side": ("2025-12-02", "sidecar", "Alpine Herald", None),
        "wire-copy": ("2025-05-06", "sidecar", "Metro Daily",
                      "https://metro.example-news.test/cancer-wing"),
    }
    # the entry that names a file outside the folder is refused, and that is said
    assert [e.error for e in errors] == [
        "entry '../outside.txt': not a file name in this folder; ignored"]


def test_ingest_sidecar_is_not_an_article_when_named(tmp_path):
    sidecar = FIXTURES / "sidecars" / "wire-copy.meta.yaml"
    sources, errors = read_sources([str(sidecar)])
    assert sources == []
    assert errors == [InputError(str(sidecar), "skipped: sidecar metadata, not an article")]


def test_ingest_sidecar_without_article_is_reported(tmp_path):
    write(tmp_path, "kept.txt", GOOD)
    write(tmp_path, "renamed.meta.yaml", "date: 2025-01-01\n")
    sources, errors = read_sources([str(tmp_path)])
    assert [s.id for s in sources] == ["kept"]
    assert errors_for(errors, "renamed.meta.yaml") == [
        "sidecar: no article named renamed beside it; ignored"]


def test_ingest_sidecar_invalid_is_reported_and_article_read(tmp_path):
    write(tmp_path, "story.txt", GOOD)
    write(tmp_path, "story.meta.yaml", "date: [unclosed\n")
    sources, errors = read_sources([str(tmp_path)])
    assert [s.id for s in sources] == ["story"] and sources[0].published is None
    assert errors_for(errors, "story.meta.yaml")[0].startswith("sidecar: invalid YAML")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_ingest_sidecar_link_outside_its_folder_is_refused(tmp_path):
    secret = write(tmp_path / "elsewhere", "secret.yaml", "outlet: Leaked Outlet\n")
    articles = tmp_path / "articles"
    write(articles, "story.txt", GOOD)
    (articles / "story.meta.yaml").symlink_to(secret)
    sources, errors = read_sources([str(articles)])
    assert sources[0].outlet is None
    assert errors_for(errors, "story.meta.yaml") == ["sidecar: points outside its folder; ignored"]


# ---------------------------------------------------------------------------------------------
# ids


def test_ingest_ids_use_relative_path_only_for_colliding_stems():
    sources, errors = read_sources([str(FIXTURES / "collide")])
    assert errors == []
    assert [s.id for s in sources] == ["north/storm", "south/storm", "storm-report"]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(["a.md", "b.txt"], ["a", "b"], id="distinct-stems"),
        pytest.param(["x/a.md", "y/a.md"], ["x/a", "y/a"], id="same-stem-two-folders"),
        pytest.param(["a.md", "a.txt"], ["a.md", "a.txt"], id="same-stem-two-extensions"),
        pytest.param(["a.md", "x/a.md", "x/a.txt"], ["a", "x/a.md", "x/a.txt"],
                     id="three-way"),
        pytest.param(["a.md", "x/a.md"], ["a", "x/a"], id="top-level-file-keeps-short-id"),
    ],
)
def test_ingest_ids_unique_and_stable(tmp_path, files, expected):
    for name in files:
        write(tmp_path, name, GOOD)
    first = [s.id for s in read_sources([str(tmp_path)])[0]]
    second = [s.id for s in read_sources([str(tmp_path)])[0]]
    assert first == second == expected


def test_ingest_ids_for_files_named_on_the_command_line(tmp_path, monkeypatch):
    write(tmp_path, "one/report.md", GOOD)
    write(tmp_path, "two/report.md", GOOD)
    monkeypatch.chdir(tmp_path)
    sources, errors = read_sources(["one/report.md", "./two/report.md"])
    assert errors == []
    assert [(s.id, s.path) for s in sources] == [("one/report", "one/report.md"),
                                                  ("two/report", "./two/report.md")]


def test_ingest_ids_jsonl_collision_with_file_stem(tmp_path):
    write(tmp_path, "feed.jsonl", '{"id": "story", "text": "One line of text."}\n'
                                  '{"text": "Second line of text."}\n')
    write(tmp_path, "story.md", GOOD)
    sources, errors = read_sources([str(tmp_path)])
    assert errors == []
    assert [s.id for s in sources] == ["feed/story", "feed-2", "story"]


def test_ingest_ids_stdin_next_to_a_file_named_stdin(tmp_path):
    write(tmp_path, "stdin.txt", GOOD)
    sources, _ = read_sources(["-", str(tmp_path)], stdin=io.StringIO(GOOD))
    ids = [s.id for s in sources]
    assert len(set(ids)) == 2 and ids[0].startswith("stdin")


# ---------------------------------------------------------------------------------------------
# standard input


def test_ingest_stdin_is_one_source():
    text = "---\ntitle: From a pipe\ndate: 2025-11-19\n---\r\nPiped body text.\r\n"
    sources, errors = read_sources(["-"], stdin=io.StringIO(text))
    assert errors == []
    assert [(s.id, s.path, s.title, s.published, s.text) for s in sources] == [
        ("stdin", "-", "From a pipe", "2025-11-19", "Piped body text.\n")]


@pytest.mark.parametrize(
    ("text", "reason"),
    [pytest.param("", "skipped: empty file", id="empty"),
     pytest.param("x" * 2000, "skipped: too large", id="too-large")],
)
def test_ingest_stdin_bad_input(text, reason):
    sources, errors = read_sources(["-"], stdin=io.StringIO(text), max_bytes=1000)
    assert sources == []
    assert errors[0].path == "-" and errors[0].error.startswith(reason)


def test_ingest_stdin_closed_stream_reported():
    closed = io.StringIO("text")
    closed.close()
    sources, errors = read_sources(["-"], stdin=closed)
    assert sources == [] and errors[0].path == "-"
    assert errors[0].error.startswith("skipped: cannot read")


# ---------------------------------------------------------------------------------------------
# bad input: each is reported with a reason, and the good file next to it is still read


def _symlink_loop(folder: Path) -> str:
    (folder / "loop").mkdir()
    (folder / "loop" / "back").symlink_to(folder, target_is_directory=True)
    return "back"


def _self_link(folder: Path) -> str:
    (folder / "self.md").symlink_to(folder / "self.md")
    return "self.md"


def _broken_link(folder: Path) -> str:
    (folder / "gone.md").symlink_to(folder / "nowhere.md")
    return "gone.md"


BAD_INPUTS = [
    # (id, name, content or a function making it, expected reason (regex), sources it gives)
    ("binary-nul", "image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"skipped: binary file",
     False),
    ("empty", "empty.md", b"", r"skipped: empty file", False),
    ("only-white-space", "blank.txt", b"  \n\n\t\n", r"skipped: empty file", False),
    ("front-matter-only", "meta-only.md", b"---\ntitle: T\n---\n\n",
     r"skipped: no article text after the front matter", False),
    ("unsupported-extension", "photo.png", b"not really a png",
     r"^skipped: unsupported format \.png$", False),
    ("cp1252-text", "latin.txt", "Caf\u00e9 owners said prices rose 5\u2009%.".encode("cp1252",
                                                                                     "replace"),
     r"^not valid UTF-8; read as cp1252$", True),
    ("undecodable-cp1252-byte", "odd.txt", b"Price rose \x81 sharply today.",
     r"^not valid UTF-8; read as latin-1$", True),
    ("front-matter-never-closes", "open.md", b"---\ntitle: T\nBody without a closing fence.\n",
     r"^front matter: opened with '---' on line 1 but never closed; whole file read as body$",
     True),
    ("invalid-yaml", "bad-yaml.md", b"---\ntitle: [unclosed\ndate: 2025-01-01\n---\nBody.\n",
     r"^front matter: invalid YAML at line \d+ \(.+\); body read without it$", True),
    ("yaml-impossible-date", "bad-date.md", b"---\ntitle: T\ndate: 2025-13-45\n---\nBody.\n",
     r"^front matter: date: cannot read '2025-13-45' as a date; read without a publication "
     r"date$", True),
    ("invalid-toml", "bad-toml.md", b"+++\ntitle = \n+++\nBody.\n",
     r"^front matter: invalid TOML \(.+\); body read without it$", True),
    ("yaml-not-a-mapping", "rules.md", b"---\nJust a line of prose.\n---\nMore prose.\n",
     r"^front matter: expected key: value pairs, got str; whole file read as body$", True),
    ("invalid-json", "broken.json", b'{"title": "T", "text": ',
     r"^skipped: invalid JSON \(.+ at line 1, column \d+\)$", False),
    ("json-without-text", "notext.json", b'{"title": "Only a title"}',
     r"^skipped: no article text", False),
    ("json-not-an-object", "number.json", b"42", r"^skipped: expected a JSON object, got a number$",
     False),
    ("jsonl-bad-line", "feed.jsonl", b'{"text": "Good line one."}\nnot json\n{"text": "Three."}\n',
     r"^line 2: invalid JSON \(.+\); line skipped$", 2),
    ("jsonl-line-not-object", "list.jsonl", b'["a", "b"]\n{"text": "Good line."}\n',
     r"^line 1: expected a JSON object, got an array; line skipped$", True),
    ("jsonl-without-articles", "gold.jsonl", b'{"incident": "1", "killed": 2}\n{"incident": "2"}\n',
     r"^skipped: no article on any line \(line 1: no article text .+; line skipped\)$", False),
    ("symlink-loop", _symlink_loop, None, r"^skipped: symbolic link loop", False),
    ("self-link", _self_link, None, r"^skipped: symbolic link loop$", False),
    ("broken-link", _broken_link, None, r"^skipped: broken symbolic link$", False),
]


@pytest.mark.parametrize(("name", "content", "reason", "still_read"),
                         [pytest.param(*case[1:], id=case[0]) for case in BAD_INPUTS])
def test_ingest_bad_input_reported_and_good_file_read(tmp_path, capsys, name, content, reason,
                                                      still_read):
    write(tmp_path, "good.md", GOOD)
    if callable(name):
        name = name(tmp_path)
    else:
        write(tmp_path, name, content)
    sources, errors = read_sources([str(tmp_path)])
    assert "good" in by_id(sources)
    reasons = errors_for(errors, name)
    assert any(re.search(reason, r) for r in reasons), errors
    assert len(sources) == 1 + int(still_read)
    assert capsys.readouterr() == ("", "")  # library code never prints


def test_ingest_missing_path_reported(tmp_path):
    write(tmp_path, "good.md", GOOD)
    missing = str(tmp_path / "no-such-file.md")
    sources, errors = read_sources([missing, str(tmp_path / "good.md")])
    assert [s.id for s in sources] == ["good"]
    assert errors == [InputError(missing, "skipped: not found")]


def test_ingest_size_limit(tmp_path):
    write(tmp_path, "good.md", GOOD)
    write(tmp_path, "huge.md", "A long line of text. " * 100)
    sources, errors = read_sources([str(tmp_path)], max_bytes=1000)
    assert [s.id for s in sources] == ["good"]
    assert errors_for(errors, "huge.md") == [
        "skipped: too large (2100 bytes; the limit is 1000 bytes per article)"]


def test_ingest_default_size_limit_is_20_megabytes(tmp_path):
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: no 21 MB written to disk
    _, errors = read_sources([str(tmp_path)])
    assert errors_for(errors, "huge.txt") == [
        "skipped: too large (21.0 MB; the limit is 20.0 MB per article)"]


def test_ingest_jsonl_size_limit_is_per_line(tmp_path):
    long_line = '{"text": "' + "word " * 400 + '"}'
    write(tmp_path, "feed.jsonl", '{"text": "Short one."}\n' + long_line + '\n{"text": "Third."}\n')
    sources, errors = read_sources([str(tmp_path)], max_bytes=1000)
    assert [s.text for s in sources] == ["Short one.", "Third."]
    assert [s.id for s in sources] == ["feed-1", "feed-3"]
    assert errors_for(errors, "feed.jsonl")[0].startswith("line 2: skipped: too large")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root reads files whatever their permissions")
def test_ingest_unreadable_file(tmp_path):
    write(tmp_path, "good.md", GOOD)
    locked = write(tmp_path, "locked.md", GOOD)
    locked.chmod(0)
    try:
        sources, errors = read_sources([str(tmp_path)])
    finally:
        locked.chmod(0o644)
    assert [s.id for s in sources] == ["good"]
    assert errors_for(errors, "locked.md")[0].startswith("skipped: cannot read")


def test_ingest_unreadable_file_simulated(tmp_path, monkeypatch):
    import builtins

    write(tmp_path, "good.md", GOOD)
    write(tmp_path, "locked.md", GOOD)
    real_open = builtins.open

    def guarded(path, *args, **kwargs):
        if str(path).endswith("locked.md"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    sources, errors = read_sources([str(tmp_path)])
    assert [s.id for s in sources] == ["good"]
    assert errors_for(errors, "locked.md") == ["skipped: cannot read (Permission denied)"]


def test_ingest_not_a_regular_file(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs named pipes")
    write(tmp_path, "good.md", GOOD)
    os.mkfifo(tmp_path / "pipe.md")
    sources, errors = read_sources([str(tmp_path)])
    assert [s.id for s in sources] == ["good"]
    assert errors_for(errors, "pipe.md") == ["skipped: not a regular file"]


def test_ingest_hidden_files_and_folders_skipped(tmp_path):
    write(tmp_path, "good.md", GOOD)
    write(tmp_path, ".hidden.md", GOOD)
    write(tmp_path, ".git/HEAD", "ref: refs/heads/main\n")
    write(tmp_path, ".git/notes.md", GOOD)
    sources, errors = read_sources([str(tmp_path)])
    assert ([s.id for s in sources], errors) == (["good"], [])


def test_ingest_same_file_twice_read_once(tmp_path):
    path = write(tmp_path, "good.md", GOOD)
    sources, errors = read_sources([str(tmp_path), str(path)])
    assert [s.id for s in sources] == ["good"]
    assert errors == [InputError(str(path), f"skipped: same file as {path} (read once)")]


def test_ingest_all_bad_inputs_at_once_order_stable(tmp_path):
    """Every bad input in one folder: one error each, good files kept, same order every run."""
    write(tmp_path, "good.md", GOOD)
    write(tmp_path, "sub/also-good.txt", GOOD)
    bad_names = []
    for _, name, content, _, _ in BAD_INPUTS:
        bad_names.append(name(tmp_path) if callable(name) else write(tmp_path, name, content).name)
    runs = [read_sources([str(tmp_path)]) for _ in range(3)]
    assert all(run == runs[0] for run in runs)
    sources, errors = runs[0]
    assert {"good", "also-good"} <= set(by_id(sources))
    for name in bad_names:
        assert errors_for(errors, name), f"{name} not reported"
    assert [s.path for s in sources] == sorted(s.path for s in sources)


def test_ingest_folder_order_is_sorted_not_creation_order(tmp_path):
    for name in ["zeta.md", "alpha.md", "mid/beta.md", "Mid.md"]:
        write(tmp_path, name, GOOD)
    assert [s.id for s in read_sources([str(tmp_path)])[0]] == ["Mid", "alpha", "beta", "zeta"]


# ---------------------------------------------------------------------------------------------
# the format registry


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        pytest.param("a.md", "markdown", id="md"),
        pytest.param("a.MARKDOWN", "markdown", id="markdown-upper-case"),
        pytest.param("a.txt", "text", id="txt"),
        pytest.param("a.text", "text", id="text"),
        pytest.param("README", "text", id="no-extension"),
        pytest.param("notes.2025", "text", id="digits-are-not-an-extension"),
        pytest.param("a.jsonl", "jsonl", id="jsonl"),
        pytest.param("a.json", "json", id="json"),
        pytest.param("a.png", None, id="png-unsupported"),
        pytest.param("page.html", "html", id="html"),
    ],
)
def test_ingest_format_for(name, fmt):
    found, _ = format_for(name)
    assert (found.name if found else None) == fmt


# ---------------------------------------------------------------------------------------------
# rules/boilerplate.yaml


NOISE_LINES = [
    "Also Read: Taiwan's opposition questions pace of US weapons deliveries",
    "Advertisement", "ADVERTISEMENT - SCROLL TO CONTINUE WITH CONTENT", "Story continues below",
    "Share on Facebook", "Share on X", "Twitter", "Copy link", "12 Comments",
    "Photo: Reuters", "Image credit: Getty Images", "Photo 3 of 12", "AP Photo/Chiang Ying-ying",
    "Related stories", "Related: Storm season outlook", "Click to expand", "Tap to enlarge image",
    "We use cookies to improve your experience. By continuing you agree to our policy.",
    "This website uses cookies", "Accept all cookies", "Cookie settings", "Manage preferences",
    "Listen to this article 5 min", "4 min read", "Sign up for our morning briefing",
    "Subscribe now", "Already a subscriber? Log in", "You have 3 free articles left this month",
    "Skip to main content", "Back to top", "Continue reading", "Read more", "See also: Timeline",
    "© 2025 Example News. All rights reserved.", "Copyright 2025 Example News",
    "Reporting by Jane Doe; Editing by John Roe", "Source: Taiwan Ministry of National Defense",
    "Updated: Nov. 19, 2025 10:31 a.m. ET", "Published on November 19, 2025 at 4:34 pm",
    "Tags: Taiwan, defence, NASAMS", "Most read stories", "More from Pacific Wire",
    "Sign up today.", "Subscribe now!", "(Published Tuesday, Mar 4, 2025)",
    "Updated Friday, Oct. 3, 2025 at 7:15 PM EDT", "UPDATE @ 4:10 p.m. (Nov. 12):",
    "UPDATE 2:15 p.m.",
    "(TM and Copyright 2025 Example Radio Group Inc. and its affiliates. All Rights Reserved.",
    "TM and \u00a9 Copyright 2024 Example Radio Group Inc. and its affiliates.",
    "Wednesday, Jun 4, 2025 | Updated 8:42 AM EDT", "14 April 2025, 11:20 (GMT+02:00)",
    "Friday, March 3, 2017",
    "Last updated 13:26 14/09/2013", "12:52 p. m. EDT May 2, 2013", "May 3rd, 2013 2: 00pm EDT",
]

NEWS_LINES = [
    "The United States has approved a nearly $700 million sale of NASAMS to Taiwan.",
    "Photos taken on Monday showed 12 damaged homes on the north shore.",
    "Related charges were filed against two men on Tuesday.",
    "Share prices fell 3% after the announcement.",
    "Sources said at least 20 aircraft were seen near the island.",
    "Copyrights on the songs expire in 2031, the court said.",
    "Subscribers to the service rose to more than 2 million last year.",
    "We use every dollar of the $84 million budget carefully, the mayor said.",
    "Cookies sold at the fair raised about $2,000 for the shelter.",
    "Published figures show the toll rose to 14 on Thursday.",
    "Updated figures released on Friday put the cost at $3 million.",
    "More than 1,000 Javelin missiles are part of the package.",
    "Advertisement revenue at the paper fell 8% in 2024.",
    "Continue reading the report, officials urged lawmakers, before the vote on Tuesday.",
    "Click and collect orders rose 15% over the holiday weekend.",
    "Listen to residents and you hear about 3 days without power.",
    "Watch officials said the river would crest at 5 metres.",
    "Sign language interpreters were present at all 6 briefings.",
    "Tags on the 60 howitzers were checked by inspectors.",
    "By continuing the strike, workers gave up about $1,200 each.",
    "Source code for the voting machines was reviewed by 3 firms.",
    "Reporting by the agency found 40 errors in the count.",
    "Updated on Tuesday, the forecast showed 2 inches of rain.",
    "Sign up today and the city will send 2 alerts a day, officials said.",
    "Published Thursday, Jan. 21, 2016, the report counted 14 deaths.",
    "Update at 3 p.m. on Friday: the toll rose to 4.",
    "Wednesday, Jun 4, 2025 was the day the storm hit 3 towns.",
    "On Friday, March 3, 2017, police arrested 2 men.",
    "Last updated on 14/09/2013, the count stood at 12.",
    "At 12:52 p.m. EDT May 2, 2013, the quake struck.",
]


@pytest.mark.parametrize("line", [pytest.param(x, id=x[:40]) for x in NOISE_LINES])
def test_boilerplate_matches_page_noise(line):
    rules = load_rules()
    assert any(p.fullmatch(line.strip()) for p in rules.boilerplate)


@pytest.mark.parametrize("line", [pytest.param(x, id=x[:40]) for x in NEWS_LINES])
def test_boilerplate_never_matches_a_news_sentence(line):
    rules = load_rules()
    assert not [p.pattern for p in rules.boilerplate if p.fullmatch(line.strip())]


@pytest.mark.parametrize(("line", "noise"), [
    ("Police seized a rifle at the house. (Published Tuesday, Mar 4, 2025)",
     "(Published Tuesday, Mar 4, 2025)"),
    ("The station's report. (\u00a9 2025 WKRX)", "(\u00a9 2025 WKRX)"),
    ("He was shot on Friday (Jan. 4, 2016)", None),   # a date in parentheses is news
    ("Two men (both 24) were hurt.", None),
])
def test_boilerplate_in_parentheses_at_the_end_of_a_line(line, noise):
    from reconcile.extract.context import boilerplate_spans

    text = f"{line}\nThree people were hurt.\n"
    spans = boilerplate_spans(text, load_rules())
    assert [text[a:b].strip() for a, b in spans] == ([noise] if noise else [])


# ---------------------------------------------------------------------------------------------
# the bundled example articles in sources/


def test_ingest_bundled_sources_read_cleanly():
    sources, errors = read_sources([str(REPOSITORY / "sources")])
    assert errors == []
    assert 8 <= len(sources) <= 10
    for source in sources:
        assert source.title and source.outlet and source.published, source.id
    sidecar_read = by_id(sources)["westbury-storm"]
    assert (sidecar_read.format, sidecar_read.published_from) == ("text", "sidecar")
    assert "Also Read:" in by_id(sources)["daily-meridian-nasams"].text


def test_ingest_bundled_sources_have_the_example_facts():
    """The facts the end-to-end example depends on are stated where the README says they are."""
    texts = {s.id: s.text for s in read_sources([str(REPOSITORY / "sources")])[0]}
    quote = ("Our support for Taiwan's self-defence is steady, and it is backed by deeds as well "
             "as words")
    assert quote in texts["harbor-ledger-nasams"] and quote in texts["pacific-wire-nasams"]
    assert quote not in texts["daily-meridian-nasams"]
    assert "about $300 million" in texts["daily-meridian-nasams"]
    assert all("$330 million" in texts[i] for i in ("harbor-ledger-nasams", "pacific-wire-nasams"))
    assert "84 HIMARS" in texts["northern-gazette-himars"]
    assert all("82 HIMARS" in texts[i] for i in ("capital-courier-taiwan-package",
                                                  "strait-observer-arms-package"))


# ---------------------------------------------------------------------------------------------
# any bytes at all: a source or a reason, never an exception


@pytest.mark.parametrize("suffix", [".md", ".jsonl", ".json"])
def test_ingest_any_bytes_give_a_source_or_a_reason(tmp_path_factory, suffix):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    prefixes = st.sampled_from([b"", b"---\n", b"+++\n", b"\xef\xbb\xbf", b"\xff\xfe", b"{", b"["])

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(prefix=prefixes, body=st.binary(max_size=300))
    def check(prefix, body):
        folder = tmp_path_factory.mktemp("fuzz")
        write(folder, "article" + suffix, prefix + body)
        sources, errors = read_sources([str(folder)])
        assert sources or errors
        assert all(e.error and "\n" not in e.error for e in errors)
        assert not [e for e in errors if "could not be read" in e.error]  # no unexpected error

    check()
