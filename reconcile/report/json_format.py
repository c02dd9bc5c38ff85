"""The JSON report (DESIGN.md section 4): `Report.to_dict()`, indented, one trailing newline.

`chunks` writes the same bytes item by item, so a report of an archive (hundreds of megabytes
of JSON) is never held as one string: each source, claim and group is converted and encoded
on its own while the file is written."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from reconcile.model import Report


def render(report: Report, *, color: bool = False, width: int = 100) -> str:
    """The report as the JSON contract object; `color` and `width` do not apply."""
    return "".join(chunks(report))


def chunks(report: Report) -> Iterator[str]:
    """The text of `render`, in pieces of one list item each (byte for byte the same)."""
    yield "{"
    for position, (key, value) in enumerate(report.sections()):
        yield ("," if position else "") + "\n  " + _dumps(key) + ": "
        if isinstance(value, str):
            yield _dumps(value)
        else:
            yield from _array(value)
    yield "\n}\n"


def _array(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A list two levels deep, as json.dumps(indent=2) would lay it out."""
    empty = True
    for item in items:
        yield ("[" if empty else ",") + "\n    " + _dumps(item).replace("\n", "\n    ")
        empty = False
    yield "[]" if empty else "\n  ]"


def _dumps(value: Any) -> str:
    # JSON strings never hold a raw line break, so re-indenting by replacing "\n" is safe
    return json.dumps(value, indent=2, ensure_ascii=False)
