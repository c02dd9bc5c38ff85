"""Plain text, and inputs whose name does not tell their format: standard input, files without an
extension, .txt files. Their content decides: an HTML page (a doctype or <html> first) is read
as a page, an RSS or Atom feed as a feed, anything else as Markdown or text with optional front
matter. So `curl -s URL | reconcile report -` and a page saved without an extension both work.
"""
from __future__ import annotations

from reconcile.ingest import feed, html, markdown
from reconcile.ingest._base import Input, Parsed, read_text


def read(source: Input) -> Parsed:
    """One article, or a feed's items, from text whose format only its content tells."""
    text, problems = read_text(source)
    if text.lstrip().startswith("<"):
        if html.looks_like_html(text):
            return html.parse(text, problems)
        if feed.root_element(text[:65536]) in feed.FEED_ROOTS:
            return feed.parse(text, source.stem, problems)
    return markdown.parse(text, problems, source.front_matter)
