"""Plain text from an HTML fragment that is already the article (a feed item, a ninjs body).

A page needs boilerplate removal and goes through trafilatura (html.py); a fragment is all
article, so every paragraph is kept. Each block element becomes one paragraph and paragraphs
are separated by a blank line, the way a Markdown body is written, so that the same article
gives the same sentences whichever format it came in.
"""
from __future__ import annotations

import re

# Elements that start a new paragraph; inline elements (a, b, em, span ...) run on in one.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol",
    "p", "pre", "section", "table", "tr", "ul",
})
# Never text a reader sees.
_SKIPPED = frozenset({"script", "style", "noscript", "template", "iframe", "object", "svg",
                      "head", "title", "meta", "link"})
_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0]+")


def html_to_text(markup: str) -> str:
    """The text of an HTML fragment: one paragraph per block element, blank lines between."""
    from lxml import etree, html

    try:
        root = html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    paragraphs: list[str] = []
    current: list[str] = [root.text or ""]
    _walk(root, paragraphs, current)
    paragraphs.append("".join(current))
    return _paragraphs(paragraphs)


def _walk(element, paragraphs: list[str], current: list[str]) -> None:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""  # comments, processing instructions
        name = tag.lower().rpartition("}")[2]
        if name in _SKIPPED or not tag:
            pass
        elif name == "br":
            current.append("\n")
        elif name in _BLOCKS:
            _break(paragraphs, current)
            current.append(child.text or "")
            _walk(child, paragraphs, current)
            _break(paragraphs, current)
        elif name in ("td", "th"):
            current.append(" " + (child.text or ""))
            _walk(child, paragraphs, current)
        else:
            current.append(child.text or "")
            _walk(child, paragraphs, current)
        current.append(child.tail or "")


def _break(paragraphs: list[str], current: list[str]) -> None:
    paragraphs.append("".join(current))
    current.clear()


def _paragraphs(chunks: list[str]) -> str:
    """Collapse white space inside each paragraph (a <br> keeps its line) and drop empty ones."""
    out = []
    for chunk in chunks:
        lines = [_SPACES.sub(" ", line).strip() for line in chunk.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            out.append(text)
    return "\n\n".join(out)
