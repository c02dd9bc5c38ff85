"""`reconcile check`: check new or changed articles against the archive of published ones."""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from reconcile.commands._shared import (EXIT_FINDINGS, EXIT_OK, Progress, Streams,
                                        add_common_arguments, output_format, write_output)

NAME = "check"
HELP = "check new articles against the archive; findings as annotations, SARIF, JUnit..."
DESCRIPTION = (
    "Compare the articles under PATH (or the ones git says changed) with the archive of "
    "published articles and report each conflict at the new article's line and column, "
    "naming the archive articles, their dates and their exact words. The archive's claims "
    "are kept in an index file, built on first use and updated by content hash. Exit codes: "
    "0 nothing at or above --fail-on, 1 conflicts found, 2 bad usage or configuration, or no "
    "readable input.")
# the format an --output file's extension asks for when --format is not given
BY_SUFFIX = {"sarif": "sarif", "json": "json", "xml": "junit"}



def add_arguments(parser: argparse.ArgumentParser) -> None:
    from reconcile.check.formats import FORMATS

    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article file, folder (read recursively) or - for standard input")
    parser.add_argument("--against", "-a", metavar="ARCHIVE",
                        help="the folder of published articles (default: `archive` in "
                             "reconcile.toml)")
    parser.add_argument("--format", "-f", default=None, choices=tuple(FORMATS),
                        help="text: path:line:col:rule:message lines; github: workflow "
                             "annotations and a job summary; sarif: SARIF 2.1.0; rdjson: "
                             "reviewdog; junit: JUnit XML; json: everything (default: from "
                             "the --output extension: .sarif, .xml for junit, .json; else "
                             "text)")
    parser.add_argument("--output", "-o", metavar="FILE",
                        help="write the findings to FILE instead of standard output")
    parser.add_argument("--fail-on", choices=("conflict", "never"), default=None,
                        help="exit 1 when a finding reaches this level; never: always exit 0 "
                             "(default: `fail_on` in reconcile.toml, else conflict)")
    parser.add_argument("--changed-only", action="store_true",
                        help="check the article files git says changed (see --since), besides "
                             "any PATH")
    parser.add_argument("--since", metavar="REF",
                        help="with --changed-only (implied): files changed between REF and HEAD, "
                             "plus uncommitted and untracked ones (default: origin/$GITHUB_BASE_REF"
                             " in a pull request, else uncommitted and untracked files only)")
    parser.add_argument("--accepted", metavar="FILE",
                        help="the accepted-findings file (default: `accepted` in reconcile.toml,"
                             " else reconcile-accepted.yaml at the project root)")
    parser.add_argument("--write-accepted", action="store_true",
                        help="record every current finding in the accepted-findings file as an "
                             "accepted difference (a baseline), then exit 0")
    parser.add_argument("--index", metavar="FILE",
                        help="the archive index file (default: `index` in reconcile.toml, else "
                             ".reconcile/index.sqlite at the project root)")
    parser.add_argument("--rebuild-index", action="store_true",
                        help="build the archive index from scratch instead of updating it")
    parser.add_argument("--config", metavar="FILE",
                        help="read this reconcile.toml (or pyproject.toml) instead of looking "
                             "for one from the working folder up")
    add_common_arguments(parser)


def run(args: argparse.Namespace, io: Streams) -> int:
    from reconcile.check.formats import render
    from reconcile.check.runner import CheckOptions, run_check
    from reconcile.config import load_config
    from reconcile.errors import UsageError

    config = load_config(path=Path(args.config) if args.config else None)
    args.format = output_format(args.format, args.output, BY_SUFFIX, "text")
    paths = list(args.paths)
    if args.changed_only or args.since:
        paths += _changed(args, io)
    elif not paths:
        raise UsageError("check: give the articles to check (PATH ...) or --changed-only")
    archive = args.against or (str(config.archive) if config.archive else None)
    if not archive:
        raise UsageError("check: no archive to check against: give --against ARCHIVE or set "
                         f"`archive` in {config.path or 'reconcile.toml'}")
    if not paths:
        # nothing changed is a clean check, and still writes its (empty) output file
        from reconcile import __version__
        from reconcile.check.findings import CheckResult

        _say(io, args, "no changed articles to check")
        write_output(render(CheckResult((), archive=archive, version=__version__),
                            args.format), args.output, io.stdout)
        return EXIT_OK
    options = CheckOptions(
        archive=Path(archive), index=Path(args.index) if args.index else config.index_path,
        fail_on=args.fail_on or config.fail_on,
        accepted=Path(args.accepted) if args.accepted else config.accepted_path,
        rules_dir=args.rules, jobs=args.jobs, front_matter=dict(config.front_matter),
        selects=config.selects if config.include or config.exclude else None,
        rebuild=args.rebuild_index)
    check = run_check(paths, options, stdin=io.stdin, progress=lambda total: Progress(
        total, args.quiet, io.stderr, "indexing the archive"))
    result = check.result
    _report_inputs(io, args, check)
    if args.write_accepted:
        return _write_accepted(io, args, options.accepted, result)
    write_output(render(result, args.format), args.output, io.stdout)
    if args.format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), result)
    _say(io, args, result.summary())
    return EXIT_FINDINGS if result.failed else EXIT_OK


def _changed(args: argparse.Namespace, io: Streams) -> list[str]:
    from reconcile.check.select import changed_files, default_base
    from reconcile.ingest import format_for

    since = args.since or default_base(os.environ)
    files = changed_files(since)
    _say(io, args, f"{len(files)} file(s) changed since {since}" if since
         else f"{len(files)} uncommitted or untracked file(s)")
    return [path for path in files if format_for(path)[0] is not None]


def _say(io: Streams, args: argparse.Namespace, text: str) -> None:
    if not args.quiet:
        print(f"reconcile: {text}", file=io.stderr)


def _report_inputs(io: Streams, args: argparse.Namespace, check) -> None:
    """Unreadable inputs one line each; excluded ones and the index update in one line each."""
    if args.quiet:
        return
    for error in check.result.errors:
        print(f"reconcile: {error.path}: {error.error}", file=io.stderr)
    for path in check.excluded:
        print(f"reconcile: {path}: skipped: excluded by the include/exclude settings",
              file=io.stderr)
    sync = check.sync
    if sync.rebuilt or sync.added or sync.changed or sync.removed:
        what = "built" if sync.rebuilt else "updated"
        print(f"reconcile: archive index {what} in {sync.seconds:.1f} s: {sync.added} file(s) "
              f"added, {sync.changed} changed, {sync.removed} removed", file=io.stderr)
    if check.result.archive_errors:
        print(f"reconcile: {len(check.result.archive_errors)} archive input(s) could not be "
              "read (listed by --format json)", file=io.stderr)


def _write_accepted(io: Streams, args: argparse.Namespace, path: Path, result) -> int:
    from reconcile.decisions import Decision, load_decisions, save_decisions

    decisions = load_decisions(path)
    added = 0
    for finding in result.findings:
        current = decisions.get(finding.id)
        if current is not None and current.fingerprint == finding.fingerprint:
            continue
        decisions[finding.id] = Decision(
            id=finding.id, status="accepted difference",
            note=current.note if current else "accepted with reconcile check --write-accepted",
            reviewer=current.reviewer if current else "", fingerprint=finding.fingerprint,
            kind=finding.kind, subject=finding.subject, sources=finding.sources)
        added += 1
    changed = save_decisions(path, decisions)
    _say(io, args, f"{added} finding(s) recorded as accepted differences in {path}"
         if changed else f"{path} already accepts every current finding")
    return EXIT_OK


def _append_summary(path: Path, result) -> None:
    from reconcile.check.format_github import job_summary

    with path.open("a", encoding="utf-8") as handle:
        handle.write(job_summary(result))
