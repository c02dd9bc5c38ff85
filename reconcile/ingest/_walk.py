"""Turn the paths a user gave into a stable, sorted list of files to read, and what was skipped."""
from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from reconcile.ingest.sidecar import is_sidecar
from reconcile.model import InputError

STDIN = "-"
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class Found:
    """A file to read (or standard input), with the names its source id can be built from."""

    path: str  # as shown to the user: the argument, joined with the path inside a folder
    relative: str  # posix path from the input root, with extension; "" for stdin
    from_folder: bool = False  # found by walking a folder (not named on the command line)

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN


@dataclass(frozen=True, slots=True)
class Walk:
    """Everything the inputs lead to."""

    files: tuple[Found, ...]
    sidecars: tuple[str, ...]  # sidecar paths met in folders, to check they have an article
    errors: tuple[InputError, ...]


def discover(arguments: Sequence[str]) -> Walk:
    """Files in argument order; a folder's files sorted by name, hidden ones skipped."""
    files: list[Found] = []
    sidecars: list[str] = []
    errors: list[InputError] = []
    seen: dict[tuple[int, int], str] = {}  # (device, inode) -> first path: read each file once
    stdin_seen = False
    for argument in arguments:
        if argument == STDIN:
            if stdin_seen:
                errors.append(InputError(STDIN, "skipped: standard input given twice"))
            else:
                files.append(Found(STDIN, ""))
            stdin_seen = True
            continue
        if _bad_name(argument, errors):
            continue
        info = _stat(argument, errors)
        if info is None:
            continue
        if stat.S_ISDIR(info.st_mode):
            _walk(Path(argument), argument, "", frozenset({_key(info)}), set(), seen, files,
                  sidecars, errors)
        elif stat.S_ISREG(info.st_mode):
            if is_sidecar(Path(argument).name):
                errors.append(InputError(argument, "skipped: sidecar metadata, not an article"))
            elif _first_time(info, argument, seen, errors):
                files.append(Found(argument, _relative_argument(argument)))
        else:
            errors.append(InputError(argument, "skipped: not a regular file"))
    return Walk(tuple(files), tuple(sidecars), tuple(errors))


def _walk(folder: Path, shown: str, relative: str, ancestors: frozenset[tuple[int, int]],
          walked: set[tuple[int, int]], seen: dict[tuple[int, int], str], files: list[Found],
          sidecars: list[str], errors: list[InputError]) -> None:
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError as err:
        errors.append(InputError(shown, f"skipped: cannot read folder ({err.strerror or err})"))
        return
    for name in names:
        if name.startswith("."):
            continue  # .git, .DS_Store, editor swap files: never articles
        path = os.path.join(shown, name)
        if _bad_name(path, errors):
            continue
        inner = f"{relative}/{name}" if relative else name
        info = _stat(path, errors)
        if info is None:
            continue
        if stat.S_ISDIR(info.st_mode):
            key = _key(info)
            if key in ancestors:
                errors.append(InputError(path, "skipped: symbolic link loop (leads back to an "
                                               "enclosing folder)"))
            elif key not in walked:  # a second link to a folder already read adds nothing
                walked.add(key)
                _walk(folder / name, path, inner, ancestors | {key}, walked, seen, files,
                      sidecars, errors)
        elif not stat.S_ISREG(info.st_mode):
            errors.append(InputError(path, "skipped: not a regular file"))
        elif is_sidecar(name):
            sidecars.append(path)
        elif _first_time(info, path, seen, errors):
            files.append(Found(path, inner, from_folder=True))


def _bad_name(path: str, errors: list[InputError]) -> bool:
    """A path whose name is not valid UTF-8 is skipped: every report names its sources, and a
    report that is not valid UTF-8 (or cannot be written at all) would fail for everyone."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")
        errors.append(InputError(shown, "skipped: the name is not valid UTF-8 (rename it)"))
        return True
    if _CONTROL.search(path):
        # a newline or an ESC in a name would break every line-based output (path:line:col)
        shown = path.encode("unicode_escape").decode("ascii")
        errors.append(InputError(shown, "skipped: the name contains control characters "
                                        "(rename it)"))
        return True
    return False


def _stat(path: str, errors: list[InputError]) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            reason = "skipped: symbolic link loop"
        elif err.errno == errno.ENOENT and os.path.islink(path):
            reason = "skipped: broken symbolic link"
        elif err.errno == errno.ENOENT:
            reason = "skipped: not found"
        else:
            reason = f"skipped: cannot read ({err.strerror or err})"
        errors.append(InputError(path, reason))
        return None
    except ValueError as err:  # a path with a NUL character in it
        errors.append(InputError(path.replace("\0", "\\0"), f"skipped: invalid path ({err})"))
        return None


def _key(info: os.stat_result) -> tuple[int, int]:
    return (info.st_dev, info.st_ino)


def _first_time(info: os.stat_result, path: str, seen: dict[tuple[int, int], str],
                errors: list[InputError]) -> bool:
    key = _key(info)
    if key in seen:
        errors.append(InputError(path, f"skipped: same file as {seen[key]} (read once)"))
        return False
    seen[key] = path
    return True


def _relative_argument(argument: str) -> str:
    """A file named on the command line: its path as given, tidied to posix, without ./ or /."""
    parts = [p for p in PurePosixPath(Path(argument).as_posix()).parts if p not in ("/", ".")]
    return "/".join(parts) or Path(argument).name
