"""Tests for the formats newsroom archives come in: HTML pages, RSS and Atom feeds, IPTC ninjs
(1.x and 2.x) in JSON and JSON Lines, and Markdown with YAML, TOML or JSON front matter.

tests/fixtures/formats/story/ holds one invented story told by seven articles in five formats;
story-as-markdown/ holds the same seven articles as Markdown files, so the claims of each
format can be compared with the claims of its plain Markdown twin. single/ holds one small file
per remaining case (Atom, Hugo TOML and JSON front matter, ninjs JSON Lines, a sitemap). Every
fixture was written for these tests. Odd inputs are written to tmp_path by the test using them.
"""
from __future__ import annotations

import io
import json
import re
import shutil
import socket
from pathlib import Path

import pytest

from reconcile.ingest import format_for, read_sources
from reconcile.model import Source

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
STORY = FIXTURES / "story"
TWINS = FIXTURES / "story-as-markdown"
SINGLE = FIXTURES / "single"

PARAGRAPHS = """
<p>The county council agreed on Monday to spend $18 million on new flood barriers along the
river, after two floods in three years closed the town centre.</p>
<p>Work on the 2.5-kilometre wall will start in spring and take about 18 months, the council's
engineers said in a report to the meeting.</p>
<p>"We cannot ask shopkeepers to bail out their stores a third time," council leader Morgan
Hale said.</p>
"""


def page(head: str = "", before: str = "", after: str = "") -> str:
    """A small news page: `head` in <head>, `before` at the top of <article>, `after` below it."""
    return (f"<!DOCTYPE html><html><head><title>Flood wall approved | Town Crier</title>{head}"
            f"</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
            f"<h1>Flood wall approved</h1>{before}{PARAGRAPHS}</article>{after}"
            "<footer><p>© 2025 Town Crier</p></footer></body></html>")


def by_id(sources: list[Source]) -> dict[str, Source]:
    return {source.id: source for source in sources}


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# ---------------------------------------------------------------------------------------------
# every format: metadata from the document itself


@pytest.mark.parametrize(
    ("folder", "source_id", "fmt", "title", "outlet", "url", "published", "published_from",
     "opening"),
    [
        pytest.param(STORY, "coastal-times-desalination", "markdown",
                     "Water board approves $412 million desalination plant at Port Ellery",
                     "Coastal Times",
                     "https://coastal-times.example-news.test/2025/10/15/desalination-plant-approved",
                     "2025-10-15", "front matter", "The Marlow Bay Water Authority approved",
                     id="markdown-yaml-front-matter"),
        pytest.param(STORY, "harbour-herald-desalination", "html",
                     "Port Ellery desalination plant wins approval in 7-2 vote", "Harbour Herald",
                     "https://harbour-herald.example-news.test/local/port-ellery-desalination-approved",
                     "2025-10-15", "metadata", "The Marlow Bay Water Authority board on Tuesday",
                     id="html-json-ld-and-open-graph"),
        pytest.param(STORY, "lakeside-gazette-desalination", "html",
                     "Desalination plant approved despite fears over bills", "Lakeside Gazette",
                     "https://lakeside-gazette.example-news.test/news/desalination-bills",
                     "2025-10-16", "metadata", "Water bills in Marlow Bay",
                     id="html-article-published-time-meta"),
        pytest.param(STORY, "bay-wire-water-board-backs-desalination-plant", "feed",
                     "Marlow Bay water board backs desalination plant", "Bay Wire",
                     "https://bay-wire.example-news.test/2025/10/14/water-board-backs-desalination-plant",
                     "2025-10-14", "metadata", "The Marlow Bay Water Authority voted 7-2",
                     id="rss-item-content-encoded"),
        pytest.param(STORY, "bay-wire-desalination-plant-explainer", "feed",
                     "What Port Ellery's $412 million desalination plant will deliver", "Bay Wire",
                     "https://bay-wire.example-news.test/2025/10/16/desalination-plant-explainer",
                     "2025-10-16", "metadata", "The desalination plant approved by",
                     id="rss-item-escaped-html-description"),
        pytest.param(STORY, "valley-press-agency", "json",
                     "Desalination plant approved for Port Ellery", "Valley Press Agency", None,
                     "2025-10-15", "metadata", "PORT ELLERY - The Marlow Bay",
                     id="ninjs-2-json-html-body-urn-is-no-url"),
        pytest.param(STORY, "northern-ledger-desalination", "json",
                     "Port Ellery gets its desalination plant", "Northern Ledger",
                     "https://northern-ledger.example-news.test/region/2025/desalination-vote",
                     "2025-10-15", "metadata", "The Marlow Bay Water Authority on Tuesday",
                     id="ninjs-1-json-body-text"),
        pytest.param(SINGLE, "westshore-news-tram-extension-opens", "feed",
                     "Tram line extension opens two months early", "Westshore News & Views",
                     "https://westshore-news.example-news.test/transport/tram-extension-opens.html",
                     "2025-06-01", "metadata", "The 4.2-kilometre extension",
                     id="atom-entry-html-content-writer-date-not-utc"),
        pytest.param(SINGLE, "westshore-news-harbour-swim", "feed",
                     "Harbour swim season starts", "Westshore News & Views",
                     "https://westshore-news.example-news.test/city/harbour-swim",
                     "2025-06-03", "metadata", "The harbour baths opened",
                     id="atom-entry-xhtml-title-text-summary-updated-date"),
        pytest.param(SINGLE, "hugo-toml", "markdown", "Library extends weekend opening hours",
                     "Eastfield Echo", "https://eastfield-echo.example-news.test/library-hours/",
                     "2025-05-09", "front matter", "The central library",
                     id="markdown-toml-front-matter-publishdate"),
        pytest.param(SINGLE, "hugo-json", "markdown", "Ferry timetable adds late sailings",
                     "Channel Post", "https://channel-post.example-news.test/ferry-late-sailings",
                     "2025-08-22", "front matter", "Two late sailings",
                     id="markdown-json-front-matter"),
        pytest.param(SINGLE, "wire-ninjs-1", "jsonl", "Airport passenger numbers rise 6%",
                     "Example Wire", None, "2025-07-02", "metadata", "Passenger numbers",
                     id="ninjs-2-jsonl-main-headline-plain-body-first"),
        pytest.param(SINGLE, "wire-ninjs-2", "jsonl", "Port volumes steady", "Harbour Board",
                     "https://wire.example-news.test/2025/07/03/port-volumes", "2025-07-03",
                     "metadata", "Container volumes", id="ninjs-1-jsonl-infosource-firstcreated"),
        pytest.param(SINGLE, "plain-1", "jsonl", "Rail strike called off", "Example Wire", None,
                     "2025-07-04", "metadata", "A rail strike", id="plain-jsonl-beside-ninjs"),
    ],
)
def test_ingest_formats_metadata_from_the_document(folder, source_id, fmt, title, outlet, url,
                                                    published, published_from, opening):
    source = by_id(read_sources([str(folder)])[0])[source_id]
    assert (source.format, source.title, source.outlet, source.url, source.published,
            source.published_from) == (fmt, title, outlet, url, published, published_from)
    assert source.text.lstrip("\n").startswith(opening)


def test_ingest_formats_story_folder_reads_without_errors():
    sources, errors = read_sources([str(STORY)])
    assert errors == []
    assert len(sources) == 7


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("wire-ninjs.jsonl", [
            'line 2: versioncreated: cannot read \'not a date\' as a date; used firstcreated',
            'line 4: a ninjs picture item without body text (expected "bodies" or "body_text"); '
            'line skipped'], id="ninjs-bad-date-and-picture-item"),
        pytest.param("westshore-news.atom", [
            "item 3 (tram-opening): no article text (only a title or link); item skipped"],
            id="atom-entry-without-text"),
        pytest.param("sitemap.xml", [
            "skipped: XML but not an RSS or Atom feed (root element <urlset>)"],
            id="xml-that-is-not-a-feed"),
    ],
)
def test_ingest_formats_problems_are_rows_with_reasons(name, expected):
    _, errors = read_sources([str(SINGLE)])
    assert [e.error for e in errors if Path(e.path).name == name] == expected


# ---------------------------------------------------------------------------------------------
# HTML pages


def test_ingest_formats_html_body_is_the_article_alone():
    """Navigation, cookie notice, related stories and footer stay out; the body reads like the
    same article written in Markdown, paragraph for paragraph."""
    html = by_id(read_sources([str(STORY)])[0])["harbour-herald-desalination"]
    twin = by_id(read_sources([str(TWINS)])[0])["harbour-herald-desalination"]
    assert html.text == twin.text.strip()
    for noise in ("cookies", "Home", "Opinion", "Related stories", "ferry fares", "240 days",
                  "3.1 million", "All rights reserved", "Privacy policy", "Priya Castellanos"):
        assert noise not in html.text


@pytest.mark.parametrize(
    ("head", "before", "after", "published"),
    [
        pytest.param('<script type="application/ld+json">{"@context": "https://schema.org", '
                     '"@graph": [{"@type": "WebPage", "datePublished": "2020-01-01"}, '
                     '{"@type": ["NewsArticle"], "datePublished": "2025-03-03T22:30:00-05:00"}]}'
                     '</script><meta property="article:published_time" content="2025-03-01">',
                     "", "", "2025-03-03", id="json-ld-article-over-web-page-and-meta"),
        pytest.param('<script type="application/ld+json">{"@type": "WebPage", '
                     '"datePublished": "2025-02-27"}</script>', "", "", "2025-02-27",
                     id="json-ld-web-page-when-no-article"),
        pytest.param('<script type="application/ld+json">{not json</script>'
                     '<meta property="article:published_time" content="2025-03-02T08:00:00Z">',
                     "", "", "2025-03-02", id="broken-json-ld-then-meta"),
        pytest.param('<meta name="DC.date.issued" content="2025-03-05">', "", "", "2025-03-05",
                     id="dublin-core-meta"),
        pytest.param("", '<p>By Sam Reed <time itemprop="datePublished" datetime="2025-03-06">'
                     "6 March</time></p>", "", "2025-03-06", id="time-itemprop"),
        pytest.param("", '<p>By Sam Reed, <time datetime="2025-03-07T09:00">7 March</time></p>',
                     '<aside><time datetime="2024-01-01">old</time></aside>', "2025-03-07",
                     id="first-time-in-article"),
        pytest.param("", "", '<aside><h2>Related stories</h2><a href="/x">Older flood story</a>'
                     '<time datetime="2024-11-02">2 November 2024</time></aside>', None,
                     id="related-story-time-is-not-the-date"),
        pytest.param('<meta property="og:url" content="https://crier.example-news.test/2025/03/'
                     '09/flood-wall">', "<p>Published March 9, 2025</p>", "", None,
                     id="no-guessing-from-url-or-text"),
    ],
)
def test_ingest_formats_html_publication_date_from_metadata_only(tmp_path, head, before, after,
                                                                 published):
    write(tmp_path, "flood-wall.html", page(head, before, after))
    sources, errors = read_sources([str(tmp_path)])
    assert errors == []
    assert (sources[0].published, sources[0].published_from) == (
        published, "metadata" if published else "none")


def test_ingest_formats_html_without_date_takes_a_sidecar(tmp_path):
    write(tmp_path, "flood-wall.html", page())
    write(tmp_path, "flood-wall.meta.yaml", "date: 2025-03-10\noutlet: Sidecar Outlet\n")
    source = read_sources([str(tmp_path)])[0][0]
    assert (source.published, source.published_from, source.outlet) == (
        "2025-03-10", "sidecar", "Sidecar Outlet")
    assert source.title == "Flood wall approved"


def test_ingest_formats_html_fragment_without_html_element(tmp_path):
    write(tmp_path, "export.html", PARAGRAPHS)
    sources, errors = read_sources([str(tmp_path)])
    assert errors == []
    assert sources[0].text.startswith("The county council agreed on Monday")
    assert "\n\nWork on the 2.5-kilometre wall" in sources[0].text


FURNITURE = ("skipped: the page holds no article, only page furniture (cookie notice, "
             "navigation, subscription prompt)")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param("<!DOCTYPE html><html><head><title>x</title></head><body></body></html>",
                     "skipped: no article text found in the HTML page", id="empty-body"),
        pytest.param("<html><body><nav><a href='/'>Home</a></nav></body></html>", FURNITURE,
                     id="navigation-only"),
        pytest.param("<!DOCTYPE html><html><body><div class='consent'><p>We use cookies to improve "
                     "your experience. By continuing you agree to our policy.</p><button>Accept "
                     "all cookies</button></div><footer><p>© 2025 Town Crier. All rights reserved."
                     "</p></footer></body></html>", FURNITURE, id="consent-wall"),
    ],
)
def test_ingest_formats_html_without_article_text_is_an_error_row(tmp_path, content, reason):
    write(tmp_path, "good.md", "Harbour traffic rose 4% last year, the port said.\n")
    write(tmp_path, "empty.html", content)
    sources, errors = read_sources([str(tmp_path)])
    assert [s.id for s in sources] == ["good"]
    assert [(Path(e.path).name, e.error) for e in errors] == [("empty.html", reason)]


def test_ingest_formats_nothing_is_fetched(tmp_path, monkeypatch, capsys):
    """Pages, feeds and URL-looking text are read offline: no socket is ever opened."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network use in a test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    url = "https://feeds.example-news.test/rss"
    for name in ("link.html", "link.rss", "link.xml", "link.txt", "link"):
        write(tmp_path, name, url)
    shutil.copy(STORY / "harbour-herald-desalination.html", tmp_path)
    shutil.copy(STORY / "bay-wire.xml", tmp_path)
    sources, errors = read_sources([str(tmp_path)])
    assert attempts == []
    assert len(sources) == 5  # the page, the feed's 2 items, the two URL-only text files
    assert len(errors) == 3
    assert capsys.readouterr() == ("", "")


# ---------------------------------------------------------------------------------------------
# RSS and Atom feeds


RSS = """<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Pier Post</title>{items}</channel></rss>
"""


def item(title: str, link: str | None = None, guid: str | None = None) -> str:
    parts = [f"<title>{title}</title>", f"<description>{title} was reported, 3 people said."
             "</description>"]
    parts += [f"<link>{link}</link>"] if link else []
    parts += [f"<guid>{guid}</guid>"] if guid else []
    return "<item>" + "".join(parts) + "</item>"


def test_ingest_formats_feed_item_ids_stay_when_other_items_come_and_go(tmp_path):
    items = [item("Pier reopens", "https://pier.example-news.test/news/pier-reopens"),
             item("Tide record", "https://pier.example-news.test/news/tide-record.html"),
             item("Gull survey", "https://pier.example-news.test/news/gull-survey/")]
    write(tmp_path, "a/pier.rss", RSS.format(items="".join(items)))
    write(tmp_path, "b/pier.rss", RSS.format(items="".join(items[1:])))
    first = [s.id for s in read_sources([str(tmp_path / "a")])[0]]
    later = [s.id for s in read_sources([str(tmp_path / "b")])[0]]
    assert first == ["pier-pier-reopens", "pier-tide-record", "pier-gull-survey"]
    assert later == first[1:]


def test_ingest_formats_feed_item_ids_unique_when_links_say_nothing(tmp_path):
    items = [item("Pier reopens", "https://pier.example-news.test/article.php?id=17"),
             item("Tide record", "https://pier.example-news.test/article.php?id=18"),
             item("Storm warning", guid="urn:pier:204"), item("Storm warning", guid="urn:pier:205"),
             item("Untitled"), item("Untitled")]
    write(tmp_path, "pier.rss", RSS.format(items="".join(items)))
    sources, errors = read_sources([str(tmp_path)])
    assert errors == []
    # an RSS guid is a permalink unless it says otherwise, so feedparser takes it as the link
    assert [s.id for s in sources] == ["pier-id-17", "pier-id-18", "pier-pier-204",
                                       "pier-pier-205", "pier-untitled", "pier-untitled-2"]


def test_ingest_formats_feed_declared_charset_does_not_garble_text(tmp_path):
    """The prolog says ISO-8859-1 but the file is UTF-8 text once read: no mojibake."""
    write(tmp_path, "pier.rss", RSS.format(items=item("Café on the pier reopens",
                                                      "https://pier.example-news.test/cafe")))
    source = read_sources([str(tmp_path)])[0][0]
    assert source.title == "Café on the pier reopens"


def test_ingest_formats_malformed_feed_is_read_as_far_as_possible(tmp_path):
    broken = RSS.format(items=item("Pier reopens", "https://pier.example-news.test/p") +
                        "<item><title>Unclosed <b>tag</title></item>")
    write(tmp_path, "pier.rss", broken)
    sources, errors = read_sources([str(tmp_path)])
    assert [s.title for s in sources][:1] == ["Pier reopens"]
    assert len(errors) >= 1
    assert re.match(r"feed: not well-formed XML \(.+ at line \d+\); items read as far as possible",
                    errors[0].error)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        pytest.param("page.rss", page(), "skipped: an HTML page, not an RSS or Atom feed "
                     "(rename it .html to read it as one)", id="html-saved-as-rss"),
        pytest.param("notes.xml", "plain words, no markup", "skipped: not an RSS or Atom feed "
                     "(no XML element found)", id="text-saved-as-xml"),
        pytest.param("empty.atom", '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
                     "</feed>", "skipped: a feed without items", id="feed-without-items"),
        pytest.param("links.rss", RSS.format(items="<item><title>Only a title</title></item>"),
                     "skipped: no item with article text (item 1 (only-a-title): no article text "
                     "(only a title or link); item skipped)", id="feed-of-titles-only"),
    ],
)
def test_ingest_formats_not_a_readable_feed(tmp_path, name, content, reason):
    write(tmp_path, "good.md", "Harbour traffic rose 4% last year, the port said.\n")
    write(tmp_path, name, content)
    sources, errors = read_sources([str(tmp_path)])
    assert [s.id for s in sources] == ["good"]
    assert [e.error for e in errors] == [reason]


# ---------------------------------------------------------------------------------------------
# the content decides when the name cannot


@pytest.mark.parametrize(
    ("name", "content", "fmt", "count"),
    [
        pytest.param("saved-page", page(), "html", 1, id="page-without-extension"),
        pytest.param("saved-page.txt", page(), "html", 1, id="page-saved-as-txt"),
        pytest.param("feed.txt", (STORY / "bay-wire.xml").read_text(encoding="utf-8"), "feed", 2,
                     id="feed-saved-as-txt"),
        pytest.param("notes.txt", "<b>Bold</b> claims: prices rose 4% in May.\n", "text", 1,
                     id="text-starting-with-a-tag-stays-text"),
    ],
)
def test_ingest_formats_sniffed_when_the_extension_says_nothing(tmp_path, name, content, fmt,
                                                                count):
    write(tmp_path, name, content)
    sources, errors = read_sources([str(tmp_path)])
    assert errors == []
    assert [s.format for s in sources] == [fmt] * count


def test_ingest_formats_html_page_on_standard_input():
    sources, errors = read_sources(["-"], stdin=io.StringIO(page()))
    assert errors == []
    assert (sources[0].id, sources[0].format, sources[0].title) == (
        "stdin", "html", "Flood wall approved")


def test_ingest_formats_plain_json_with_a_uri_is_not_ninjs(tmp_path):
    write(tmp_path, "plain.json", json.dumps({"uri": "https://x.example-news.test/a", "title": "T",
                                              "text": "Fares rose 4%.", "date": "2025-01-02"}))
    source = read_sources([str(tmp_path)])[0][0]
    assert (source.text, source.published, source.title) == ("Fares rose 4%.", "2025-01-02", "T")


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        pytest.param("a.html", "html", id="html"), pytest.param("a.HTM", "html", id="htm"),
        pytest.param("a.xhtml", "html", id="xhtml"), pytest.param("a.rss", "feed", id="rss"),
        pytest.param("a.atom", "feed", id="atom"), pytest.param("a.xml", "feed", id="xml"),
        pytest.param("a.ndjson", "jsonl", id="ndjson"), pytest.param("a.pdf", None, id="pdf"),
    ],
)
def test_ingest_formats_format_for(name, fmt):
    found, _ = format_for(name)
    assert (found.name if found else None) == fmt


# ---------------------------------------------------------------------------------------------
# front matter: JSON, and configurable key names


@pytest.mark.parametrize(
    ("content", "body_start", "title", "problem"),
    [
        pytest.param('{"title": "Bus fares frozen"}\nFares stay at $2.\n', "Fares stay",
                     "Bus fares frozen", None, id="json-object-then-body"),
        pytest.param('{\n  "title": "Bus fares frozen"\n  "date": "2025-01-02"\n}\nFares stay.\n',
                     "{", None, "front matter: opens with '{' but is not valid JSON (Expecting "
                     "',' delimiter at line 3); whole file read as body",
                     id="invalid-json-whole-file-is-body"),
        pytest.param('{{< figure src="bus.jpg" >}}\nFares stay at $2.\n', "{{<", None, None,
                     id="hugo-shortcode-is-body"),
        pytest.param('{"a": 1} and {"b": 2} were both wrong.\n', "{", None,
                     "front matter: text follows the closing '}' on its line; whole file read "
                     "as body", id="prose-after-the-brace"),
    ],
)
def test_ingest_formats_json_front_matter(tmp_path, content, body_start, title, problem):
    write(tmp_path, "fares.md", content)
    sources, errors = read_sources([str(tmp_path)])
    assert sources[0].text.startswith(body_start)
    assert title is None or sources[0].title == title
    assert [e.error for e in errors] == ([problem] if problem else [])


def test_ingest_formats_front_matter_key_names_are_configurable():
    path = str(SINGLE / "jekyll-custom-keys.md")
    default = read_sources([path])[0][0]
    configured = read_sources([path], front_matter={"date": ["Issued"], "outlet": "masthead"})[0][0]
    assert (default.published, default.outlet) == ("2025-09-30", None)
    assert (configured.published, configured.outlet, configured.title) == (
        "2025-09-12", "Riverside Record", "Market hall reopens after repairs")


def test_ingest_formats_front_matter_unknown_field_is_a_caller_mistake():
    with pytest.raises(ValueError, match="front matter field 'author': expected one of date"):
        read_sources([str(SINGLE / "hugo-toml.md")], front_matter={"author": ["by"]})


def test_ingest_formats_cli_takes_key_names_from_reconcile_toml(tmp_path, monkeypatch):
    from reconcile.cli import main

    shutil.copy(SINGLE / "jekyll-custom-keys.md", tmp_path)
    write(tmp_path, "reconcile.toml", '[front_matter]\ndate = ["issued"]\noutlet = ["masthead"]\n')
    monkeypatch.chdir(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    code = main(["report", "jekyll-custom-keys.md", "--format", "json"], stdin=io.StringIO(),
                stdout=out, stderr=err)
    assert (code, err.getvalue()) == (0, "")
    source = json.loads(out.getvalue())["sources"][0]
    assert (source["published"], source["published_from"], source["outlet"]) == (
        "2025-09-12", "front matter", "Riverside Record")


# ---------------------------------------------------------------------------------------------
# the done-when of the issue: one story across formats, the same claims as in Markdown


def _claim_keys(claims) -> list[tuple]:
    return sorted((str(c.kind), c.text, json.dumps(c.value.to_dict(), sort_keys=True), c.subject)
                  for c in claims)


def test_ingest_formats_mixed_folder_is_one_story_with_the_markdown_claims():
    from reconcile.pipeline import build_report, extract_sources

    sources, errors = read_sources([str(STORY)])
    twins = {s.title: s for s in read_sources([str(TWINS)])[0]}
    report, _ = build_report(sources, errors, jobs=1)
    assert [sorted(story.sources) for story in report.stories] == [sorted(s.id for s in sources)]
    assert {s.format for s in sources} == {"markdown", "html", "feed", "json"}
    for source in sources:
        assert source.published and source.title and source.outlet, source.id
    claims = extract_sources(sources, jobs=1)
    twin_claims = extract_sources(list(twins.values()), jobs=1)
    for source in sources:
        twin = twins[source.title]
        assert source.published == twin.published, source.id
        assert claims[source.id], source.id
        assert _claim_keys(claims[source.id]) == _claim_keys(twin_claims[twin.id]), source.id


def test_ingest_formats_claim_offsets_point_into_every_body():
    from reconcile.pipeline import extract_sources

    sources = read_sources([str(STORY), str(SINGLE)])[0]
    claims = extract_sources(sources, jobs=1)
    assert sum(map(len, claims.values())) > 50
    for source in sources:
        for claim in claims[source.id]:
            assert source.text[claim.start:claim.end] == claim.text, (source.id, claim.text)


def test_ingest_formats_published_from_in_the_json_report():
    from reconcile.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(["report", str(STORY), "--format", "json"], stdin=io.StringIO(), stdout=out,
                stderr=err)
    assert code == 0
    origins = {s["id"]: s["published_from"] for s in json.loads(out.getvalue())["sources"]}
    assert origins == {"coastal-times-desalination": "front matter",
                       "harbour-herald-desalination": "metadata",
                       "lakeside-gazette-desalination": "metadata",
                       "bay-wire-water-board-backs-desalination-plant": "metadata",
                       "bay-wire-desalination-plant-explainer": "metadata",
                       "valley-press-agency": "metadata",
                       "northern-ledger-desalination": "metadata"}


# ---------------------------------------------------------------------------------------------
# any bytes at all: a source or a reason, never an exception


@pytest.mark.parametrize("suffix", [".html", ".rss", ".xml", ".txt"])
def test_ingest_formats_any_bytes_give_a_source_or_a_reason(tmp_path_factory, suffix):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    prefixes = st.sampled_from([b"", b"<!DOCTYPE html><html><body><p>", b"<rss><channel><item>",
                                b'<?xml version="1.0" encoding="latin-1"?><feed>', b"<html>",
                                b"\xef\xbb\xbf<rss>", b"\xff\xfe", b"<![CDATA[", b"<!--"])

    # trafilatura's fallback extractors make an odd page cost ~0.1 s: fewer examples keep it fast
    @settings(max_examples=25 if suffix == ".html" else 40, deadline=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(prefix=prefixes, body=st.binary(max_size=300))
    def check(prefix, body):
        folder = tmp_path_factory.mktemp("fuzz")
        write(folder, "article" + suffix, prefix + body)
        sources, errors = read_sources([str(folder)])
        assert sources or errors
        assert all(e.error and "\n" not in e.error for e in errors)
        assert not [e for e in errors if "could not be read" in e.error]  # no unexpected error

    check()
