"""An HTML page's publication date, from the markup its publisher put there for machines.

Trusted, in this order: JSON-LD `datePublished` (of an Article type first), then `<meta>` tags
that name the publication time (`article:published_time` and the common CMS names), then a
`<time>` marked as the publication time (`itemprop="datePublished"`, `pubdate`), then the first
`<time datetime>` of the `<article>` outside its asides, navigation and footers.

Not used: the date trafilatura's htmldate guesses from the URL and the page text. It cannot say
where its date came from, it may take the date of a related story or of a copyright line, and it
bounds dates by today, so the same page would read differently on another day. A page without
machine-readable date gets no date (relative dates then stay unresolved, as the design wants),
and a sidecar NAME.meta.yaml can supply one.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from reconcile.ingest._meta import normalise_date

# <meta property|name|itemprop=...> keys that state the publication time, most trusted first.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "article.published", "published_time", "publishdate", "publish-date",
    "publish_date", "pubdate", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
    "parsely-pub-date", "sailthru.date", "date",
)
# schema.org types whose datePublished is the article's, not the site's or a web page's.
_ARTICLE_TYPES = ("article", "blogposting", "report", "liveblogposting", "posting")
# A <time> inside these belongs to a related story, a comment or the page furniture.
_NOT_THE_ARTICLE = frozenset({"aside", "nav", "footer", "figure", "form"})


def page_published(tree: Any) -> str | None:
    """The ISO publication date the page's metadata states, or None (see the module notes)."""
    for find in (_json_ld_date, _meta_date, _time_date):
        published = find(tree)
        if published:
            return published
    return None


def _json_ld_date(tree: Any) -> str | None:
    others: list[Any] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)  # pages put raw newlines in strings
        except (ValueError, RecursionError):
            continue
        for item in _objects(data):
            value = item.get("datePublished")
            if value in (None, ""):
                continue
            if _is_article(item.get("@type")):
                published = normalise_date(value)
                if published:
                    return published
            else:
                others.append(value)
    return next((p for p in map(normalise_date, others) if p), None)


def _objects(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every JSON-LD node: top-level objects, lists of them and @graph members."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"), depth + 1)


def _is_article(kind: Any) -> bool:
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.lower().endswith(_ARTICLE_TYPES) for k in kinds)


def _meta_date(tree: Any) -> str | None:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip()
        content = meta.get("content")
        if key and content and key.lower() not in found:
            found[key.lower()] = content
    for key in PUBLISHED_META:
        if key in found:
            published = normalise_date(found[key])
            if published:
                return published
    return None


def _time_date(tree: Any) -> str | None:
    for time in tree.iter("time"):
        marked = (time.get("itemprop") or "").lower() == "datepublished"
        if marked or time.get("pubdate") is not None:
            published = normalise_date(time.get("datetime") or time.get("content") or "")
            if published:
                return published
    article = next(tree.iter("article"), None)
    if article is None:
        return None
    for time in article.iter("time"):
        if time.get("datetime") and not _inside_furniture(time, article):
            published = normalise_date(time.get("datetime"))
            if published:
                return published
    return None


def _inside_furniture(element: Any, article: Any) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not article:
        if isinstance(parent.tag, str) and parent.tag.lower() in _NOT_THE_ARTICLE:
            return True
        parent = parent.getparent()
    return False
