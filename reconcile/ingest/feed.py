"""RSS and Atom feeds: one article per item, each with its own date, title and link.

feedparser reads every RSS and Atom version and tolerates the malformed XML real feeds carry.
It is handed bytes, never a string: given a string it would fetch it as a URL or open it as a
file name. An item's body is its full content (`content:encoded`, Atom `content`), else its
summary (`description`); HTML in either is turned into paragraphs of plain text.

An item's id is the feed's file name and a slug of the item's link (or guid, or title), so
that it is readable and stays the same when the feed gains or loses other items.
"""
from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from reconcile.errors import IngestError
from reconcile.ingest._base import Article, Input, Parsed, read_text
from reconcile.ingest._html_text import html_to_text
from reconcile.ingest._meta import normalise_date

FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})
_PROLOG_ENCODING = re.compile(r"""(<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")
_SKIPPABLE = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)", re.IGNORECASE | re.DOTALL)
_ELEMENT = re.compile(r"\s*<([A-Za-z_][\w.:-]*)")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
_SLUG_MAX = 60


def root_element(text: str) -> str | None:
    """The lower-cased name of the first element, after the prolog, comments and doctype."""
    position = 0
    while match := _SKIPPABLE.match(text, position):
        position = match.end()
    match = _ELEMENT.match(text, position)
    return match[1].lower() if match else None


def read(source: Input) -> Parsed:
    """The items of an RSS or Atom feed (.rss, .atom, .xml)."""
    text, problems = read_text(source)
    return parse(text, source.stem, problems)


def parse(text: str, stem: str, problems: list[str] | None = None) -> Parsed:
    """Every item with text as an Article; items without text are reported and left out."""
    root = root_element(text[:65536])
    if root not in FEED_ROOTS:
        raise IngestError(_not_a_feed(root))
    import feedparser

    # the text is already decoded: the prolog must not send feedparser back to another charset
    data = _PROLOG_ENCODING.sub(r"\1\2utf-8\2", text, count=1).encode("utf-8")
    feed = feedparser.parse(io.BytesIO(data))
    problems = list(problems or [])
    if feed.get("bozo") and _is_xml_error(feed.get("bozo_exception")):
        problems.append(f"feed: not well-formed XML ({_xml_error(feed['bozo_exception'])}); "
                        "items read as far as possible")
    entries = list(feed.get("entries") or [])
    if not entries:
        raise IngestError("skipped: a feed without items" if not problems
                          else f"skipped: no item could be read ({problems[-1]})")
    outlet = _text_of(feed.feed, "title")
    slugs = _slugs(entries)
    articles = []
    for number, (entry, slug) in enumerate(zip(entries, slugs), 1):
        label = f"item {number} ({slug})"
        body = _entry_text(entry)
        if not body:
            problems.append(f"{label}: no article text (only a title or link); item skipped")
            continue
        published, note = _published(entry)
        if note:
            problems.append(f"{label}: {note}")
        source = entry.get("source")
        item_outlet = _text_of(source, "title") if isinstance(source, Mapping) else None
        articles.append(Article(
            text=body, title=_text_of(entry, "title"), outlet=item_outlet or outlet,
            url=_one_line(entry.get("link")), published=published,
            published_from="metadata" if published else "none", fallback_id=f"{stem}-{slug}"))
    if not articles:
        raise IngestError(f"skipped: no item with article text ({problems[-1]})")
    return Parsed(tuple(articles), tuple(problems), format="feed")


def _not_a_feed(root: str | None) -> str:
    if root is None:
        return "skipped: not an RSS or Atom feed (no XML element found)"
    if root == "html":
        return "skipped: an HTML page, not an RSS or Atom feed (rename it .html to read it as one)"
    return f"skipped: XML but not an RSS or Atom feed (root element <{root}>)"


def _is_xml_error(error: Any) -> bool:
    import xml.sax

    return isinstance(error, xml.sax.SAXException)


def _xml_error(error: Any) -> str:
    message = error.getMessage() if hasattr(error, "getMessage") else str(error)
    line = getattr(error, "getLineNumber", lambda: None)()
    return f"{message} at line {line}" if line else str(message)


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The item's full content if it has any, else its summary, as plain text."""
    details = list(entry.get("content") or [])
    if entry.get("summary_detail"):
        details.append(entry["summary_detail"])
    elif entry.get("summary"):
        details.append({"type": "text/html", "value": entry["summary"]})
    for detail in details:
        value = detail.get("value") if isinstance(detail, Mapping) else None
        if isinstance(value, str) and value.strip():
            text = _as_text(value, str(detail.get("type") or "text/html"))
            if text:
                return text
    return ""


def _as_text(value: str, kind: str) -> str:
    if kind.lower() in _HTML_TYPES:
        return html_to_text(value)
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _text_of(mapping: Any, key: str) -> str | None:
    """A title as one line of text: feedparser keeps HTML in titles of type html."""
    if not isinstance(mapping, Mapping) or not isinstance(mapping.get(key), str):
        return None
    detail = mapping.get(f"{key}_detail")
    kind = str(detail.get("type") or "") if isinstance(detail, Mapping) else ""
    value = html_to_text(mapping[key]) if kind.lower() in _HTML_TYPES else mapping[key]
    return _one_line(value)


def _published(entry: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The item's date as its writer dated it (not feedparser's UTC conversion), or a note."""
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            published = normalise_date(value)
            if published:
                return published, None
            return None, f"cannot read {value[:40]!r} as a date; read without a publication date"
    return None, None


def _slugs(entries: list[Any]) -> list[str]:
    """One slug per item, unique within the feed, built from what identifies each item."""
    first = [_slug(_link_name(e.get("link"))) or _slug(e.get("id")) or _slug(e.get("title"))
             or f"item-{n}" for n, e in enumerate(entries, 1)]
    counts = Counter(first)
    # a shared last path segment ("article.php?id=...") says nothing: use the whole id or link
    second = [s if counts[s] == 1 else (_slug(e.get("id")) or _slug(e.get("link")) or s)
              for s, e in zip(first, entries)]
    seen: Counter[str] = Counter()
    unique = []
    for slug in second:
        seen[slug] += 1
        unique.append(slug if seen[slug] == 1 else f"{slug}-{seen[slug]}")
    return unique


def _link_name(link: Any) -> str | None:
    if not isinstance(link, str) or not link.strip():
        return None
    parts = urlsplit(link.strip())
    name = parts.path.rstrip("/").rpartition("/")[2]
    name = re.sub(r"\.(?:s?html?|php|aspx?|jsp|cms)$", "", name, flags=re.IGNORECASE)
    if name.lower() in ("", "index", "article", "story", "news", "default"):
        name = ""
    return "-".join(p for p in (name, parts.query) if p) or None


def _slug(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > _SLUG_MAX:
        slug = slug[:_SLUG_MAX].rpartition("-")[0] or slug[:_SLUG_MAX]
    return slug


def _one_line(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None
