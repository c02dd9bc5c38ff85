"""The command line: argument parsing, exit codes, and the only place that prints.

Exit codes (DESIGN.md): 0 nothing at or above --fail-on; 1 findings (check); 2 bad usage,
bad configuration or rules, or no readable input.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
REPORT_FORMATS = ("terminal", "markdown", "json", "csv")


def bundled_sources() -> str:
    """The example articles: ./sources when run from a checkout, else the package's sibling.

    Relative to the working folder where possible, so that reports name "sources/x.md" and
    read the same on every machine."""
    import os

    if (Path.cwd() / "sources").is_dir():
        return "sources"
    bundled = Path(__file__).resolve().parent.parent / "sources"
    try:
        return os.path.relpath(bundled)
    except ValueError:  # another drive on Windows
        return str(bundled)


def _parser() -> argparse.ArgumentParser:
    from reconcile import __version__

    parser = argparse.ArgumentParser(
        prog="reconcile",
        description="Find where news sources agree, conflict, or stand alone on checkable facts "
                    "(money, counts, percentages, quantities, dates, quotes).")
    parser.add_argument("--version", action="version", version=f"reconcile {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    report = commands.add_parser(
        "report", help="compare the articles and report agreements and conflicts",
        description="Read articles (files, folders, or - for standard input), group them into "
                    "stories, and report which facts their sources agree or conflict on. With "
                    "no PATH, reads the bundled sources/ folder.")
    report.add_argument("paths", nargs="*", metavar="PATH",
                        help="article file, folder (read recursively) or - for standard input")
    report.add_argument("--format", "-f", default="terminal", choices=REPORT_FORMATS,
                        help="output format (default: terminal)")
    report.add_argument("--output", "-o", metavar="FILE",
                        help="write the report to FILE instead of standard output")
    _common(report)

    extract = commands.add_parser(
        "extract", help="list the claims found in each article",
        description="Extract the checkable claims of each article, one per line.")
    extract.add_argument("paths", nargs="*", metavar="PATH",
                         help="article file, folder (read recursively) or - for standard input")
    extract.add_argument("--format", "-f", default="jsonl", choices=("jsonl", "csv"),
                         help="output format (default: jsonl)")
    extract.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    _common(extract)
    return parser


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("--rules", metavar="DIR",
                         help="a folder of rules files that override the shipped rules/")
    command.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                         help="worker processes for extraction (default: one per CPU)")
    command.add_argument("--quiet", "-q", action="store_true",
                         help="print nothing on standard error but errors")


def main(argv: list[str] | None = None, stdin: TextIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; returns the exit code."""
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) and EXIT_USAGE
    if args.command is None:
        parser.print_help(stdout)
        return EXIT_USAGE
    from reconcile.errors import ReconcileError

    try:
        if args.command == "report":
            return _report(args, stdin, stdout, stderr)
        if args.command == "extract":
            return _extract(args, stdin, stdout, stderr)
    except ReconcileError as err:
        for line in getattr(err, "problems", None) or [str(err)]:
            print(f"reconcile: error: {line}", file=stderr)
        return err.exit_code
    except BrokenPipeError:
        return EXIT_OK
    return EXIT_USAGE


def _read(args, stdin: TextIO, stderr: TextIO):
    from reconcile.errors import NoInputError
    from reconcile.ingest import read_sources
    from reconcile.rules import load_rules

    rules = load_rules(args.rules)
    paths = args.paths or [str(bundled_sources())]
    sources, errors = read_sources(paths, stdin=stdin, rules=rules)
    if not args.quiet:
        for error in errors:
            print(f"reconcile: {error.path}: {error.error}", file=stderr)
    if not sources:
        raise NoInputError("no readable input" + (f" ({len(errors)} inputs could not be read)"
                                                   if errors else ""))
    return rules, sources, errors


def _write(text: str, output: str | None, stdout: TextIO) -> None:
    if output:
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    else:
        stdout.write(text)
        stdout.flush()


def _report(args, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from reconcile.pipeline import build_report
    from reconcile.report import render

    rules, sources, errors = _read(args, stdin, stderr)
    with _progress(len(sources), args.quiet, stderr) as advance:
        report, _ = build_report(sources, errors, rules, args.rules, args.jobs, progress=advance)
    color = args.format == "terminal" and not args.output and stdout.isatty()
    width = _terminal_width() if args.format == "terminal" else 100
    _write(render(report, args.format, color=color, width=width), args.output, stdout)
    return EXIT_OK


# Below this many articles a run takes a moment, and a progress bar would only flicker.
PROGRESS_MIN_SOURCES = 50


class _progress:
    """A rich progress bar on standard error while articles are extracted, when it is a
    terminal, the run is long enough, and --quiet was not given; otherwise nothing."""

    def __init__(self, total: int, quiet: bool, stream: TextIO):
        self.total, self.stream = total, stream
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
        task = self.bar.add_task("reading articles", total=self.total)
        return lambda n=1: self.bar.advance(task, n)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


def _terminal_width() -> int:
    import shutil

    return max(60, min(160, shutil.get_terminal_size((100, 24)).columns))


def _extract(args, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    import csv
    import io
    import json

    from reconcile.pipeline import extract_sources, number_claims

    rules, sources, errors = _read(args, stdin, stderr)
    sources = sorted(sources, key=lambda s: s.id)
    claims = number_claims(sources, extract_sources(sources, args.rules, args.jobs))
    rows = [claim.to_dict() for source in sources for claim in claims[source.id]]
    if args.format == "jsonl":
        text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        text += "".join(json.dumps({"error": e.error, "path": e.path}, ensure_ascii=False) + "\n"
                        for e in errors)
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["id", "source", "kind", "text", "start", "end", "stated", "low", "high",
                         "unit", "hedge", "speaker", "subject", "sentence"])
        for row in rows:
            value = row["value"]
            writer.writerow([row["id"], row["source"], row["kind"], row["text"], row["start"],
                             row["end"], json.dumps(value.get("stated"), ensure_ascii=False),
                             value.get("low"), value.get("high"), value.get("unit", ""),
                             value.get("hedge") or "", value.get("speaker") or "",
                             row["subject"], row["sentence"]])
        for error in errors:
            writer.writerow(["", error.path, "error", error.error] + [""] * 10)
        text = buffer.getvalue()
    _write(text, args.output, stdout)
    return EXIT_OK
