"""`reconcile report`: compare articles and report agreements and conflicts."""
from __future__ import annotations

import argparse
import time

from reconcile.commands._shared import (EXIT_OK, Progress, Streams, add_common_arguments,
                                        bundled_sources, output_format, read_inputs,
                                        terminal_width, write_output)

NAME = "report"
HELP = "compare the articles and report agreements and conflicts"
DESCRIPTION = ("Read articles (files, folders, or - for standard input), group them into "
               "stories, and report which facts their sources agree or conflict on. With no "
               "PATH, reads the bundled sources/ folder.")
# the format an --output file's extension asks for when --format is not given
BY_SUFFIX = {"md": "markdown", "markdown": "markdown", "html": "html", "htm": "html",
             "json": "json", "csv": "csv"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from reconcile.report import FORMATS

    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article file, folder (read recursively) or - for standard input")
    parser.add_argument("--format", "-f", default=None, choices=tuple(FORMATS),
                        help="output format (default: from the --output extension: .md, "
                             ".html, .json, .csv; else terminal)")
    parser.add_argument("--output", "-o", metavar="FILE",
                        help="write the report to FILE instead of standard output")
    parser.add_argument("--accepted", metavar="FILE",
                        help="the accepted-findings file of editors' decisions (default: "
                             "`accepted` in reconcile.toml, else reconcile-accepted.yaml in "
                             "the project folder); decided findings are shown as decided")
    parser.add_argument("--engine", choices=("local", "dask"), default=None,
                        help="where extraction and matching run: local worker processes "
                             "(default) or a Dask cluster (needs reconcile[dask]); the report "
                             "is the same either way")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="the Dask scheduler of an existing cluster, e.g. "
                             "tcp://10.0.0.5:8786 (implies --engine dask; without it, dask "
                             "starts a local cluster of --jobs workers)")
    parser.add_argument("--findings-only", action="store_true",
                        help="show only the stories with a conflict, an update or a name "
                             "spelled two ways, and only the conflicts and updates in them; the "
                             "summary still counts everything (for an archive, whose report is "
                             "mostly agreements and single-source facts; not for --format json, "
                             "always the complete report)")
    parser.add_argument("--stats", action="store_true",
                        help="print the run's figures on standard error, even with --quiet: "
                             "articles, claims, candidate pairs against all pairs, time per "
                             "stage")
    add_common_arguments(parser)


def run(args: argparse.Namespace, io: Streams) -> int:
    from reconcile.decisions import apply_decisions, load_accepted
    from reconcile.engine import open_engine
    from reconcile.pipeline import PROGRESS_STEPS, build_report
    from reconcile.report import refuse_findings_only, stream

    fmt = output_format(args.format, args.output, BY_SUFFIX, "terminal")
    if args.findings_only:
        refuse_findings_only(fmt)  # before the long run, not after it
    decisions = load_accepted(args.accepted)  # a bad decisions file fails before the long run
    started = time.perf_counter()
    # a missing Dask or an unreachable scheduler fails before the long run too
    with open_engine(args.engine or ("dask" if args.scheduler else "local"), jobs=args.jobs,
                     scheduler=args.scheduler) as engine:
        rules, sources, errors = read_inputs(args.paths or [bundled_sources()], args, io)
        read = time.perf_counter() - started
        with Progress(len(sources), args.quiet, io.stderr) as advance:
            # each article advances once when extracted and once when its story is matched
            step = advance and (lambda n: advance(n / PROGRESS_STEPS))
            report, stats = build_report(sources, errors, rules, args.rules, args.jobs,
                                         progress=step, engine=engine)
    started = time.perf_counter()
    report = apply_decisions(report, decisions)
    color = fmt == "terminal" and not args.output and io.stdout.isatty()
    width = terminal_width() if fmt == "terminal" else 100
    write_output(stream(report, fmt, color=color, width=width,
                        findings_only=args.findings_only), args.output, io.stdout)
    if args.stats:
        for line in [*stats.summary(), f"time: read {read:.1f} s (with engine start), "
                                       f"render and write {time.perf_counter() - started:.1f} s"]:
            print(f"reconcile: {line}", file=io.stderr)
    return EXIT_OK
