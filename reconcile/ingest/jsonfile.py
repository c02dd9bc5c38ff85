"""A .json file holding one article object or a list of them: the plain form or IPTC ninjs."""
from __future__ import annotations

import json

from reconcile.errors import IngestError
from reconcile.ingest._base import Input, Parsed, read_text
from reconcile.ingest.jsonl import article_from_object


def read(source: Input) -> Parsed:
    """The article or articles of one JSON document; a bad item is reported, the rest read."""
    text, problems = read_text(source)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise IngestError(f"skipped: invalid JSON ({err.msg} at line {err.lineno}, "
                          f"column {err.colno})") from err
    except RecursionError as err:  # "[[[[..." thousands deep
        raise IngestError("skipped: invalid JSON (nested too deeply)") from err
    if isinstance(data, list):
        items = [(f"item {i}", f"{source.stem}-{i}", item) for i, item in enumerate(data, 1)]
        if not items:
            raise IngestError("skipped: empty list of articles")
    else:
        items = [("", source.stem, data)]
    articles = []
    for label, fallback_id, item in items:
        prefix = f"{label}: " if label else ""
        article, notes = article_from_object(item, fallback_id)
        if article is None:
            if not label:
                raise IngestError(f"skipped: {notes[0]}")
            problems.append(f"{prefix}{notes[0]}; item skipped")
            continue
        articles.append(article)
        problems.extend(prefix + note for note in notes)
    return Parsed(tuple(articles), tuple(problems))
