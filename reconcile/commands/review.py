"""`reconcile review`: export the findings as a review table, import the editors' decisions."""
from __future__ import annotations

import argparse
from pathlib import Path

from reconcile.commands._shared import (EXIT_OK, Progress, Streams, add_common_arguments,
                                        bundled_sources, output_format, read_inputs)

NAME = "review"
HELP = "export findings as a review table (xlsx, csv, html) and import editors' decisions"
DESCRIPTION = ("Editors and fact-checkers decide on flagged facts in a table. `review export` "
               "writes one row per conflict or update, with each side's words and empty "
               "status, note and reviewer columns; `review import` reads the decisions back "
               "into the accepted-findings file, which `report` and `check` apply.")
_STATUS_HELP = ("statuses: open, confirmed conflict, accepted difference, false positive, "
                "corrected")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="review_action", metavar="ACTION",
                                    help="export or import")
    export = actions.add_parser(
        "export", help="write the findings as a review table",
        description="Write one row per finding (a conflict, or an update made by a later "
                    "report) with each side's values and words, the suggested verdict, and "
                    "status, note and reviewer columns to fill in. Decisions already in the "
                    "accepted-findings file are filled in. " + _STATUS_HELP + ".")
    export.add_argument("paths", nargs="*", metavar="PATH",
                        help="article file, folder (read recursively) or - for standard input "
                             "(default: the bundled sources/ folder)")
    export.add_argument("--format", "-f", choices=("xlsx", "csv", "html"), default=None,
                        help="table format (default: from the --output extension, else csv)")
    export.add_argument("--output", "-o", metavar="FILE",
                        help="write the table to FILE (required for xlsx; csv and html go to "
                             "standard output without it)")
    _accepted_argument(export)
    add_common_arguments(export)
    take = actions.add_parser(
        "import", help="read the decisions of a review table into the accepted-findings file",
        description="Read status, note and reviewer from an exported .xlsx or .csv table "
                    "(the HTML table downloads a CSV) and write them into the accepted-findings "
                    "file. Rows without a status change nothing, so importing a file twice "
                    "changes nothing. Edits to locked columns refuse the import, naming each "
                    "row. Give the articles to learn now which decisions were made on words "
                    "that have changed since; `report` and `check` show those reopened.")
    take.add_argument("file", metavar="FILE", help="the review table (.xlsx or .csv)")
    take.add_argument("paths", nargs="*", metavar="PATH",
                      help="the articles, to check the decisions against their current words")
    take.add_argument("--dry-run", action="store_true",
                      help="check the table and say what would change, but write nothing")
    _accepted_argument(take)
    add_common_arguments(take)


def _accepted_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--accepted", metavar="FILE",
                        help="the accepted-findings file (default: `accepted` in "
                             "reconcile.toml, else reconcile-accepted.yaml in the project "
                             "folder)")


def run(args: argparse.Namespace, io: Streams) -> int:
    from reconcile.errors import UsageError

    if args.review_action == "export":
        return _export(args, io)
    if args.review_action == "import":
        return _import(args, io)
    raise UsageError("review: say `export` or `import` (see reconcile review --help)")


def _report(paths: list[str], args: argparse.Namespace, io: Streams):
    from reconcile.pipeline import build_report

    rules, sources, errors = read_inputs(paths, args, io)
    with Progress(len(sources), args.quiet, io.stderr) as advance:
        report, _ = build_report(sources, errors, rules, args.rules, args.jobs, progress=advance)
    return report


def _export(args: argparse.Namespace, io: Streams) -> int:
    from reconcile.decisions import FINDING_VERDICTS, load_accepted
    from reconcile.errors import UsageError
    from reconcile.fileio import write_atomic
    from reconcile.review import export_review

    fmt = output_format(args.format, args.output,
                        {"xlsx": "xlsx", "csv": "csv", "html": "html", "htm": "html"}, "csv")
    if fmt == "xlsx" and not args.output:
        raise UsageError("review export: an xlsx workbook is a binary file; give --output "
                         "FILE.xlsx (csv and html can go to standard output)")
    decisions = load_accepted(args.accepted)
    report = _report(args.paths or [bundled_sources()], args, io)
    data = export_review(report, decisions, fmt)
    if args.output:
        write_atomic(Path(args.output), data)
    else:
        io.stdout.write(data.decode("utf-8"))
        io.stdout.flush()
    if not args.quiet:
        counts = [sum(1 for g in report.groups if str(g.verdict) == v) for v in FINDING_VERDICTS]
        where = f" to {args.output}" if args.output else ""
        print(f"reconcile: {sum(counts)} finding{'s' if sum(counts) != 1 else ''} to review "
              f"({counts[0]} conflict{'s' if counts[0] != 1 else ''}, {counts[1]} "
              f"update{'s' if counts[1] != 1 else ''}) written{where}", file=io.stderr)
    return EXIT_OK


def _import(args: argparse.Namespace, io: Streams) -> int:
    from reconcile.decisions import accepted_file, load_decisions
    from reconcile.review import import_review
    from reconcile.review.importer import read_table

    accepted = accepted_file(args.accepted)
    if args.paths:  # a bad table or decisions file fails before the articles are read
        read_table(Path(args.file))
        load_decisions(accepted)
    current = _report(args.paths, args, io) if args.paths else None
    outcome = import_review(Path(args.file), accepted, current, dry_run=args.dry_run)
    result = outcome.result
    out = io.stdout
    print(f"{args.file}: {len(result.added)} decision{'s' if len(result.added) != 1 else ''} "
          f"added, {len(result.changed)} changed, {len(result.unchanged)} unchanged; "
          f"{result.undecided} row{'s' if result.undecided != 1 else ''} without a decision",
          file=out)
    for line in result.notes:
        print(f"note: {line}", file=out)
    for line in result.stale:
        print(f"stale: {line}", file=out)
    for line in result.not_found:
        print(f"not found: {line}", file=out)
    if args.dry_run:
        print(f"dry run: {accepted} was not written", file=out)
    elif outcome.written:
        print(f"wrote {accepted}", file=out)
    else:
        print(f"{accepted} is unchanged", file=out)
    if current is None and not args.quiet and (result.added or result.changed):
        print("reconcile: give the articles' paths after the file to check now for decisions "
              "made on words that have changed; report and check show those either way",
              file=io.stderr)
    return EXIT_OK
