"""IPTC ninjs ("News in JSON") items, 1.x and 2.x field names, in .json and .jsonl files.

ninjs 1.x: `headline`, `body_text` / `body_html` / `body_xhtml`, `byline`, `infosource`.
ninjs 2.x: `headlines` and `bodies` (lists of {role, contenttype, value}), `by`, `infosources`.
Both: `uri` (required), `versioncreated`, `firstcreated`, `contentcreated`, `copyrightholder`.

Choices where the standard leaves room:
- date: `versioncreated` first, as the text of this version was written then and its relative
  dates ("on Tuesday") are relative to it; then `firstcreated`, `contentcreated`, `embargoed`.
- outlet: `copyrightholder` (who publishes the text), then the first info source's name.
- URL: `uri` when it is a web address; a URN identifies the item but links nowhere.
- body: a plain-text body before an HTML one, the main role before others.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reconcile.ingest._base import Article
from reconcile.ingest._html_text import html_to_text
from reconcile.ingest._meta import normalise_date

# Keys only ninjs uses; with `uri` (required by every version) they tell it from a plain article.
_NINJS_KEYS = frozenset({"headlines", "bodies", "body_text", "body_html", "body_xhtml",
                         "headline", "versioncreated", "firstcreated", "infosources",
                         "renditions", "associations", "pubstatus", "copyrightholder"})
_DATE_KEYS = ("versioncreated", "firstcreated", "contentcreated", "embargoed")
_BODY_KEYS_1X = ("body_text", "body_html", "body_xhtml")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def is_ninjs(data: Any) -> bool:
    """Whether a JSON object is a ninjs item rather than a plain {"text": ...} article."""
    if not isinstance(data, Mapping) or not isinstance(data.get("uri"), str):
        return False
    standard = data.get("standard")
    if isinstance(standard, Mapping) and str(standard.get("name", "")).lower() == "ninjs":
        return True
    return any(key in data for key in _NINJS_KEYS)


def article_from_ninjs(data: Mapping[str, Any],
                       fallback_id: str) -> tuple[Article | None, tuple[str, ...]]:
    """An Article and warnings about it, or None and the one reason the item is not one."""
    text = _body(data)
    if not text:
        kind = data.get("type")
        what = f"a ninjs {kind} item" if isinstance(kind, str) and kind != "text" else "ninjs item"
        return None, (f"{what} without body text (expected \"bodies\" or \"body_text\")",)
    published, unreadable = None, None
    for key in _DATE_KEYS:
        value = data.get(key)
        if value in (None, ""):
            continue
        published = normalise_date(value)
        if published:
            break
        unreadable = unreadable or f"{key}: cannot read {str(value)[:40]!r} as a date"
    if unreadable:
        notes: tuple[str, ...] = (f"{unreadable}; used {key}" if published else
                                  f"{unreadable}; read without a publication date",)
    else:
        notes = ()
    uri = data.get("uri")
    url = uri if isinstance(uri, str) and uri.startswith(("http://", "https://")) else None
    return Article(text=text, title=_headline(data), outlet=_outlet(data), url=url,
                   published=published, published_from="metadata" if published else "none",
                   fallback_id=fallback_id), notes


def _body(data: Mapping[str, Any]) -> str:
    bodies = data.get("bodies")
    candidates: list[tuple[int, str, str]] = []  # (rank, content type, value)
    if isinstance(bodies, list):
        for body in bodies:
            if isinstance(body, Mapping) and isinstance(body.get("value"), str):
                kind = str(body.get("contenttype") or "text/plain").lower()
                role = str(body.get("role") or "main").lower()
                rank = (0 if role in ("main", "body", "text") else 2) + (kind in _HTML_TYPES)
                candidates.append((rank, kind, body["value"]))
    for rank, key in enumerate(_BODY_KEYS_1X):
        if isinstance(data.get(key), str):
            candidates.append((rank, "text/plain" if key == "body_text" else "text/html",
                               data[key]))
    for _, kind, value in sorted(candidates, key=lambda c: c[0]):
        text = html_to_text(value) if kind in _HTML_TYPES else _plain(value)
        if text:
            return text
    return ""


def _plain(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").strip()


def _headline(data: Mapping[str, Any]) -> str | None:
    headlines = data.get("headlines")
    if isinstance(headlines, list):
        usable = [h for h in headlines if isinstance(h, Mapping) and isinstance(h.get("value"), str)
                  and h["value"].strip()]
        main = [h for h in usable if str(h.get("role", "main")).lower() == "main"]
        if main or usable:
            return _one_line((main or usable)[0]["value"])
    for key in ("headline", "title"):
        if isinstance(data.get(key), str) and data[key].strip():
            return _one_line(data[key])
    return None


def _outlet(data: Mapping[str, Any]) -> str | None:
    holder = data.get("copyrightholder")
    if isinstance(holder, str) and holder.strip():
        return _one_line(holder)
    sources = data.get("infosources", data.get("infosource"))
    if isinstance(sources, Mapping):
        sources = [sources]
    if isinstance(sources, list):
        for source in sources:
            if isinstance(source, Mapping) and isinstance(source.get("name"), str):
                return _one_line(source["name"])
    return None


def _one_line(text: str) -> str | None:
    line = " ".join(text.split())
    return line or None
