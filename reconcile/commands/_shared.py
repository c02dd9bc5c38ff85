"""What several commands share: the streams, reading inputs, writing output, progress."""
from __future__ import annotations

import argparse
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

# Below this many articles a run takes a moment, and a progress bar would only flicker.
PROGRESS_MIN_SOURCES = 50


@dataclass(frozen=True, slots=True)
class Streams:
    """The standard streams a command reads and writes (tests pass StringIO objects)."""

    stdin: TextIO
    stdout: TextIO
    stderr: TextIO


def bundled_sources() -> str:
    """The example articles: ./sources when run from a checkout, else the package's sibling.

    Relative to the working folder where possible, so that reports name "sources/x.md" and
    read the same on every machine."""
    if (Path.cwd() / "sources").is_dir():
        return "sources"
    bundled = Path(__file__).resolve().parent.parent.parent / "sources"
    try:
        return os.path.relpath(bundled)
    except ValueError:  # another drive on Windows
        return str(bundled)


def add_common_arguments(command: argparse.ArgumentParser) -> None:
    """--rules, --jobs and --quiet, which every command that reads articles takes."""
    command.add_argument("--rules", metavar="DIR",
                         help="a folder of rules files that override the shipped rules/")
    command.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                         help="worker processes for extraction (default: one per CPU)")
    command.add_argument("--quiet", "-q", action="store_true",
                         help="print nothing on standard error but errors")


def output_format(chosen: str | None, output: str | None, by_suffix: dict[str, str],
                  default: str) -> str:
    """The format --format names, else the one the --output file's extension asks for
    ("report.md" is markdown, "findings.sarif" SARIF), else `default`."""
    if chosen:
        return chosen
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    return by_suffix.get(suffix, default)


def read_inputs(paths: Sequence[str], args: argparse.Namespace, io: Streams):
    """(rules, sources, errors) for `paths`; each unreadable input is reported on stderr.

    Raises NoInputError when nothing at all could be read, and ConfigError for a mistake in
    the project configuration (its [front_matter] key names are used here)."""
    from reconcile.config import load_config
    from reconcile.errors import NoInputError
    from reconcile.ingest import read_sources
    from reconcile.rules import load_rules

    rules = load_rules(args.rules)
    front_matter = load_config().front_matter
    sources, errors = read_sources(list(paths), stdin=io.stdin, rules=rules,
                                   front_matter=front_matter)
    if not args.quiet:
        for error in errors:
            print(f"reconcile: {error.path}: {error.error}", file=io.stderr)
    if not sources:
        raise NoInputError("no readable input" + (f" ({len(errors)} inputs could not be read)"
                                                   if errors else ""))
    return rules, sources, errors


def write_output(text: str | Iterable[str], output: str | None, stdout: TextIO) -> None:
    """`text` (whole or in pieces) to the file `output` (written whole or not at all), or to
    standard output."""
    if output:
        from reconcile.errors import ReconcileError
        from reconcile.fileio import write_atomic

        try:
            write_atomic(Path(output), text)
        except OSError as err:  # a full disk, a read-only folder: one line, exit 2, old file kept
            raise ReconcileError(f"{output}: cannot write ({err.strerror or err}); "
                                 "nothing was written") from err
    else:
        for piece in [text] if isinstance(text, str) else text:
            stdout.write(piece)
        stdout.flush()


class Progress:
    """A rich progress bar on standard error while articles are extracted, when it is a
    terminal, the run is long enough, and --quiet was not given; otherwise nothing.

    Used as a context manager, it gives `advance(n=1)` or None."""

    def __init__(self, total: int, quiet: bool, stream: TextIO,
                 description: str = "reading articles"):
        self.total, self.stream, self.description = total, stream, description
        self.enabled = (not quiet and total >= PROGRESS_MIN_SOURCES
                        and getattr(stream, "isatty", lambda: False)())
        self.bar = None

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.bar = Progress("[progress.description]{task.description}", BarColumn(),
                            MofNCompleteColumn(), TimeRemainingColumn(),
                            console=Console(file=self.stream), transient=True)
        self.bar.start()
        task = self.bar.add_task(self.description, total=self.total)
        return lambda n=1: self.bar.advance(task, n)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


def terminal_width() -> int:
    import shutil

    return max(60, min(160, shutil.get_terminal_size((100, 24)).columns))
