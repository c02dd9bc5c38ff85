"""The JSON report (DESIGN.md section 4): `Report.to_dict()`, one list item per line.

Each source, story, claim, group and error is one line: a diff of two reports shows the
claims that changed, and the encoding runs in json's C encoder (an indented layout goes
through its pure-Python one, four times slower: 9 of the 11 seconds of writing the
Reuters-21578 report). `chunks` yields the document item by item, so a report of an archive
(hundreds of megabytes of JSON) is never held as one string."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from reconcile.model import Report


def render(report: Report, *, color: bool = False, width: int = 100) -> str:
    """The report as the JSON contract object; `color` and `width` do not apply."""
    return "".join(chunks(report))


def chunks(report: Report) -> Iterator[str]:
    """The text of `render`, in pieces of one list item each."""
    yield "{"
    for position, (key, value) in enumerate(report.sections()):
        yield ("," if position else "") + "\n  " + _dumps(key) + ": "
        if isinstance(value, str):
            yield _dumps(value)
        else:
            yield from _array(value)
    yield "\n}\n"


def _array(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A list with one item per line."""
    empty = True
    for item in items:
        yield ("[" if empty else ",") + "\n    " + _dumps(item)
        empty = False
    yield "[]" if empty else "\n  ]"


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def _dumps(value: Any) -> str:
    return _ENCODER.encode(value)
