"""What every format reader receives and returns, and the byte-to-text decoding they share."""
from __future__ import annotations

import codecs
import io
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO

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
    # front matter key names per field, as _meta.field_aliases() gives them; None: FIELD_ALIASES
    front_matter: Mapping[str, tuple[str, ...]] | None = None


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
    format: str | None = None  # set when the content, not the extension, told the format


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


# Signatures of binary files people keep beside articles; named in the reason, so the user
# knows what was skipped ("a PDF document") rather than only that it was not text.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
)
# Text has almost no control characters; binary data decoded as latin-1 has about one in five.
_CONTROL_SHARE = 0.10
_SAMPLE = 65536
# A few stray NUL bytes (padding, a bad copy) spoil a text file; many make it binary.
_STRAY_NUL_SHARE = 0.01


def decode(data: bytes) -> tuple[str, str | None]:
    """Text from bytes: BOM-marked Unicode, else UTF-8, else cp1252/latin-1 with a warning.

    Binary data (a known signature, NUL bytes, or mostly control characters) raises
    IngestError with the reason; UTF-16 without a byte-order mark is recognised by where its
    NUL bytes fall; a few stray NUL bytes in text are dropped, with a warning."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), None
            except UnicodeDecodeError as err:
                raise IngestError(f"skipped: cannot decode as {encoding} ({err.reason})") from err
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise IngestError(f"skipped: binary file ({what})")
    notes: list[str] = []
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            try:
                text = data.decode(utf16)
            except UnicodeDecodeError as err:
                raise IngestError(f"skipped: cannot decode as {utf16} ({err.reason})") from err
            return _checked_text(text), f"no byte-order mark; read as {utf16.upper()}"
        nuls = data.count(b"\x00")
        if nuls > max(2, len(data) * _STRAY_NUL_SHARE):
            raise IngestError("skipped: binary file (contains NUL bytes)")
        data = data.replace(b"\x00", b"")
        notes.append(f"{nuls} NUL byte{'s' if nuls > 1 else ''} removed")
    text, encoding_note = _decode_text(data)
    if encoding_note:
        notes.insert(0, encoding_note)
    return _checked_text(text), "; ".join(notes) or None


def _decode_text(data: bytes) -> tuple[str, str | None]:
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


def _bomless_utf16(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NUL bytes fall on one side of most byte pairs, else None.

    Text in a Latin script stored as UTF-16 has a NUL as the high byte of nearly every
    character; binary data has NUL bytes on both sides alike."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even = sample[0:pairs * 2:2].count(0) / pairs
    odd = sample[1:pairs * 2:2].count(0) / pairs
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


# the control characters of binary data: C0 but white space (tab to carriage return), and C1
_BINARY = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _checked_text(text: str) -> str:
    """The text, unless it is mostly control characters (binary data that happened to decode)."""
    sample = text[:_SAMPLE]
    if not sample:
        return text
    controls = len(_BINARY.findall(sample))
    if controls > len(sample) * _CONTROL_SHARE:
        share = round(100 * controls / len(sample))
        raise IngestError(f"skipped: binary file ({share}% control characters)")
    return text


# C0 and C1 control characters but tab and newline: in a title or a body they can only be
# damage or an attack (ESC sequences that rewrite a terminal, characters XML forbids).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def without_controls(article: Article) -> tuple[Article, int]:
    """The article with each control character replaced by U+FFFD, and how many there were.

    One character for one keeps every offset into the body valid; every output (terminal,
    Markdown, JUnit and SARIF XML, spreadsheets) can then show the text as it is."""
    count = 0

    def clean(value: str | None) -> str | None:
        nonlocal count
        if value is None or not _CONTROLS.search(value):
            return value
        cleaned, replaced = _CONTROLS.subn("\ufffd", value)
        count += replaced
        return cleaned

    changed = {name: clean(getattr(article, name))
               for name in ("text", "title", "outlet", "url", "published")}
    return (replace(article, **changed) if count else article), count


def safe_yaml(text: str) -> Any:
    """YAML as plain data: tags never build objects, and dates stay the text they were written
    (see reconcile.plainyaml); one impossible date loses only the date, not the title."""
    from reconcile.plainyaml import load_plain_yaml

    return load_plain_yaml(text)


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
        head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
        if (any(head.startswith(bom) for bom, enc in _BOMS if enc != "utf-8-sig")
                or (b"\x00" in head and _bomless_utf16(head[:len(head) // 2 * 2]))):
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

