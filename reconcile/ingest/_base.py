"""What every format reader receives and returns, and the byte-to-text decoding they share."""
from __future__ import annotations

import codecs
import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from reconcile.errors import IngestError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Checked longest first: a UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Input:
    """One input a reader is asked to read: a file, or text already in memory (stdin)."""

    path: str  # as shown in errors and in Source.path
    stem: str  # file name without the extension
    opener: Callable[[], BinaryIO] | None = None
    text: str | None = None  # set instead of opener for standard input
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class Article:
    """One article as a reader found it, before sidecars, title guessing and id assignment."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_from: str = "none"
    id: str | None = None  # an id the data itself gives (JSON "id")
    fallback_id: str | None = None  # "<stem>-<line>" for one of several articles in a file


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a reader made of one input: its articles and the problems it met (one line each)."""

    articles: tuple[Article, ...] = ()
    problems: tuple[str, ...] = field(default=())


def too_large(size: int, limit: int) -> str:
    """The one-line reason for an input over the size limit."""
    return f"skipped: too large ({_megabytes(size)}; the limit is {_megabytes(limit)} per article)"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF and a leading BOM goes; nothing else in the text changes."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes) -> tuple[str, str | None]:
    """Text from bytes: BOM-marked Unicode, else UTF-8, else cp1252/latin-1 with a warning."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), None
            except UnicodeDecodeError as err:
                raise IngestError(f"skipped: cannot decode as {encoding} ({err.reason})") from err
    if b"\x00" in data:
        raise IngestError("skipped: binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    # cp1252 is what most non-UTF-8 news text is; latin-1 decodes any byte, so it always ends it.
    for encoding in ("cp1252", "latin-1"):
        try:
            return data.decode(encoding), f"not valid UTF-8; read as {encoding}"
        except UnicodeDecodeError:
            continue
    raise IngestError("skipped: cannot decode")  # unreachable: latin-1 accepts every byte


def read_text(source: Input) -> tuple[str, list[str]]:
    """The whole input as normalised text, within the size limit, and any decoding warning."""
    if source.text is not None:
        if len(source.text) > source.max_bytes:
            raise IngestError(too_large(len(source.text), source.max_bytes))
        text, warnings = source.text, []
    else:
        assert source.opener is not None
        with source.opener() as stream:
            size = _size(stream)
            if size is not None and size > source.max_bytes:
                raise IngestError(too_large(size, source.max_bytes))  # without reading it
            # read one byte past the limit: a file that grows or a device has no trustworthy size
            data = stream.read(source.max_bytes + 1)
        if len(data) > source.max_bytes:
            raise IngestError(too_large(len(data), source.max_bytes))
        text, warning = decode(data)
        warnings = [warning] if warning else []
    text = normalise_newlines(text)
    if not text.strip():
        raise IngestError("skipped: empty file")
    return text, warnings


def _size(stream: BinaryIO) -> int | None:
    try:
        return os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        return None


def iter_lines(source: Input) -> Iterator[tuple[int, str | None, str | None]]:
    """(line number, normalised line or None, problem or None) for line-oriented formats.

    Lines are read one at a time so a large JSON Lines file never sits in memory whole; each
    line (one article) is held to the size limit instead of the file.
    """
    if source.text is not None:
        for number, line in enumerate(normalise_newlines(source.text).split("\n"), 1):
            yield number, line, None
        return
    assert source.opener is not None
    with source.opener() as stream:
        head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
        if any(head.startswith(bom) for bom, enc in _BOMS if enc != "utf-8-sig"):
            # UTF-16/32 cannot be split on b"\n"; such files are rare, so read them whole
            data = stream.read(source.max_bytes + 1)
            if len(data) > source.max_bytes:
                raise IngestError(too_large(len(data), source.max_bytes))
            text, _ = decode(data)
            yield from iter_lines(Input(source.path, source.stem, text=text,
                                        max_bytes=source.max_bytes))
            return
        number = 0
        while True:
            raw = stream.readline(source.max_bytes + 1)
            if not raw:
                return
            number += 1
            if len(raw) > source.max_bytes and not raw.endswith(b"\n"):
                while (rest := stream.readline(1024 * 1024)) and not rest.endswith(b"\n"):
                    pass  # drain the rest of the oversized line without keeping it
                yield number, None, f"line {number}: {too_large(len(raw), source.max_bytes)}"
                continue
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            try:
                line, warning = decode(raw)
            except IngestError as err:
                if number == 1:
                    raise  # a binary first line: the whole file is not text
                yield number, None, f"line {number}: {err}"
                continue
            yield number, normalise_newlines(line).rstrip("\n"), (
                f"line {number}: {warning}" if warning else None)

