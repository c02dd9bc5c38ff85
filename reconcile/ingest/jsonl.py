"""JSON Lines: one article per line, {"id","title","text"|"body","published"|"date",...} or an
IPTC ninjs item (see ninjs.py); a file may mix the two."""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from reconcile.errors import IngestError
from reconcile.ingest._base import Article, Input, Parsed, iter_lines
from reconcile.ingest._meta import metadata_from
from reconcile.ingest.ninjs import article_from_ninjs, is_ninjs

TEXT_FIELDS = ("text", "body", "content")


def read(source: Input) -> Parsed:
    """One article per non-blank line; a bad line is reported and the others are still read."""
    articles: list[Article] = []
    problems: list[str] = []
    for number, line, problem in iter_lines(source):
        if problem:
            problems.append(problem)
        if line is None or not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"line {number}: invalid JSON ({err.msg} at column {err.colno}); "
                            "line skipped")
            continue
        except RecursionError:  # "[[[[..." thousands deep
            problems.append(f"line {number}: invalid JSON (nested too deeply); line skipped")
            continue
        article, notes = article_from_object(data, f"{source.stem}-{number}")
        if article is None:
            problems.append(f"line {number}: {notes[0]}; line skipped")
        else:
            articles.append(article)
            problems.extend(f"line {number}: {note}" for note in notes)
    if not articles:
        # a file of records that are not articles (a gold-label file next to a corpus) is one
        # error, not one per line
        raise IngestError(f"skipped: no article on any line ({problems[0]})" if problems
                          else "skipped: empty file")
    return Parsed(tuple(articles), tuple(problems))


def article_from_object(data: Any, fallback_id: str) -> tuple[Article | None, tuple[str, ...]]:
    """An Article and warnings about it, or None and the one reason it is not an article."""
    if not isinstance(data, Mapping):
        return None, (f"expected a JSON object, got {_json_type(data)}",)
    if is_ninjs(data):
        return article_from_ninjs(data, fallback_id)
    text = next((data[k] for k in TEXT_FIELDS if isinstance(data.get(k), str) and data[k].strip()),
                None)
    if text is None:
        return None, ("no article text (expected a non-empty \"text\" or \"body\" field)",)
    meta = metadata_from(data, "date")
    raw_id = data.get("id")
    given_id = str(raw_id).strip() if isinstance(raw_id, (str, int)) and not isinstance(
        raw_id, bool) else ""
    # JSON strings may hold "\r\n"; offsets must point into the same text every format gives
    body = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return Article(text=body, title=meta.title, outlet=meta.outlet, url=meta.url,
                   published=meta.published,
                   published_from="metadata" if meta.published else "none",
                   id=given_id or None, fallback_id=fallback_id), meta.problems


def _json_type(value: Any) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
