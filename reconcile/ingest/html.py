"""HTML article pages: the article body without the page around it, and the page's metadata.

trafilatura finds the main text (leaving out navigation, related-story lists, cookie notices,
footers and comments) and reads the title, site name and canonical URL from Open Graph, JSON-LD
and `<meta>` tags. The publication date comes from _pagedate, which only trusts dates the page
states for machines. Nothing is fetched: trafilatura is handed the parsed page, never a URL.

The body is trafilatura's text with one paragraph per line turned into paragraphs separated by a
blank line (as a Markdown body is written), and without the headline when the page repeats it
as the first line: the headline is the title, and claims are offsets into this body.
"""
from __future__ import annotations

import re
from typing import Any

from reconcile.errors import IngestError
from reconcile.ingest._base import Article, Input, Parsed, read_text
from reconcile.ingest._pagedate import page_published

# Tables in news pages are mostly sidebars (fixtures, results, "key facts" boxes) whose cells
# make claims without a sentence around them; precision over recall, as trafilatura's own
# favor_precision does for the text.
_EXTRACTION = {"with_metadata": True, "include_comments": False, "include_tables": False,
               "include_images": False, "include_links": False, "favor_precision": True,
               "deduplicate": False}
# htmldate still runs inside trafilatura's metadata step; its date is not used (see _pagedate),
# so it runs in its cheap mode and with a fixed upper bound rather than today's date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2199-12-31"}
_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html\b|<html\b)",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """Whether text (a .txt file, standard input) is an HTML page: a doctype or <html> first."""
    return _HTML_START.match(text[:4096]) is not None


def read(source: Input) -> Parsed:
    """One article from an HTML page."""
    text, problems = read_text(source)
    return parse(text, problems)


def parse(text: str, problems: list[str] | None = None) -> Parsed:
    """The article of a page already decoded to text; raises IngestError when it has none."""
    import trafilatura

    tree = _tree(text)
    document = None
    if tree is not None:
        try:
            document = trafilatura.bare_extraction(tree, date_extraction_params=_DATE_PARAMS,
                                                   **_EXTRACTION)
        except (AssertionError, ValueError, TypeError, AttributeError, RecursionError) as err:
            # a page broken enough to trip the parser inside trafilatura/htmldate (an
            # AssertionError in lxml's drop_tree for "</html><body><script>")
            raise IngestError(f"skipped: the HTML page could not be parsed "
                              f"({type(err).__name__})") from err
    title = _one_line(document.title) if document is not None else None
    body = _body(document.text or "", title) if document is not None else ""
    if not body:
        raise IngestError("skipped: no article text found in the HTML page")
    published = page_published(tree)
    article = Article(text=body, title=title,
                      outlet=_one_line(document.sitename), url=_one_line(document.url),
                      published=published,
                      published_from="metadata" if published else "none")
    return Parsed((article,), tuple(problems or ()), format="html")


def _tree(text: str) -> Any:
    """The parsed page; a fragment without <html> (a CMS export of a body) gets wrapped."""
    import trafilatura

    tree = trafilatura.load_html(text)
    if tree is None and "<" in text:
        tree = trafilatura.load_html(f"<html><body>{text}</body></html>")
    return tree


def _body(text: str, title: str | None) -> str:
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    if lines and title and _same_words(lines[0], title):
        lines = lines[1:]
    return "\n\n".join(lines)


def _same_words(line: str, title: str) -> bool:
    return " ".join(line.lower().split()).strip("# ") == " ".join(title.lower().split())


def _one_line(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None
