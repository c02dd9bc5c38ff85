"""The command line: argument parsing, exit codes, and the only place that prints.

Each sub-command is a module of `reconcile.commands`. Exit codes (DESIGN.md): 0 nothing at or
above --fail-on; 1 findings (check); 2 bad usage, bad configuration or rules, or no readable
input.
"""
from __future__ import annotations

import argparse
import sys
from typing import TextIO

from reconcile.commands._shared import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, Streams

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "main"]


def _parser() -> tuple[argparse.ArgumentParser, dict]:
    from reconcile import __version__
    from reconcile.commands import command_modules

    parser = argparse.ArgumentParser(
        prog="reconcile",
        description="Find where news sources agree, conflict, or stand alone on checkable facts "
                    "(money, counts, percentages, quantities, dates, quotes).")
    parser.add_argument("--version", action="version", version=f"reconcile {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    runners = {}
    for module in command_modules():
        sub = commands.add_parser(module.NAME, help=module.HELP, description=module.DESCRIPTION)
        module.add_arguments(sub)
        runners[module.NAME] = module.run
    return parser, runners


def main(argv: list[str] | None = None, stdin: TextIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; returns the exit code."""
    io = Streams(stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr)
    parser, runners = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) and EXIT_USAGE
    if args.command is None:
        parser.print_help(io.stdout)
        return EXIT_USAGE
    from reconcile.errors import ReconcileError

    try:
        return runners[args.command](args, io)
    except ReconcileError as err:
        for line in getattr(err, "problems", None) or [str(err)]:
            print(f"reconcile: error: {line}", file=io.stderr)
        return err.exit_code
    except BrokenPipeError:
        return EXIT_OK
