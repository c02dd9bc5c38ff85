"""`reconcile report`: compare articles and report agreements and conflicts."""
from __future__ import annotations

import argparse

from reconcile.commands._shared import (EXIT_OK, Progress, Streams, add_common_arguments,
                                        bundled_sources, read_inputs, terminal_width,
                                        write_output)

NAME = "report"
HELP = "compare the articles and report agreements and conflicts"
DESCRIPTION = ("Read articles (files, folders, or - for standard input), group them into "
               "stories, and report which facts their sources agree or conflict on. With no "
               "PATH, reads the bundled sources/ folder.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from reconcile.report import FORMATS

    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article file, folder (read recursively) or - for standard input")
    parser.add_argument("--format", "-f", default="terminal", choices=tuple(FORMATS),
                        help="output format (default: terminal)")
    parser.add_argument("--output", "-o", metavar="FILE",
                        help="write the report to FILE instead of standard output")
    parser.add_argument("--accepted", metavar="FILE",
                        help="the accepted-findings file of editors' decisions (default: "
                             "`accepted` in reconcile.toml, else reconcile-accepted.yaml in "
                             "the project folder); decided findings are shown as decided")
    add_common_arguments(parser)


def run(args: argparse.Namespace, io: Streams) -> int:
    from reconcile.decisions import apply_decisions, load_accepted
    from reconcile.pipeline import build_report
    from reconcile.report import render

    decisions = load_accepted(args.accepted)  # a bad decisions file fails before the long run
    rules, sources, errors = read_inputs(args.paths or [bundled_sources()], args, io)
    with Progress(len(sources), args.quiet, io.stderr) as advance:
        report, _ = build_report(sources, errors, rules, args.rules, args.jobs, progress=advance)
    report = apply_decisions(report, decisions)
    color = args.format == "terminal" and not args.output and io.stdout.isatty()
    width = terminal_width() if args.format == "terminal" else 100
    write_output(render(report, args.format, color=color, width=width), args.output, io.stdout)
    return EXIT_OK
