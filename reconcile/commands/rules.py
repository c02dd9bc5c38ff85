"""`reconcile rules check|test`: validate the rules files and run the examples they carry."""
from __future__ import annotations

import argparse

from reconcile.commands._shared import EXIT_FINDINGS, EXIT_OK, Streams

NAME = "rules"
HELP = "check the rules files and run the example cases they carry"
DESCRIPTION = ("Check every rules file (the shipped rules/, with the files of --rules DIR in "
               "their place) and run the example cases they carry, so that an edited rule is "
               "seen to work before it is used. Exit codes: 0 all good, 1 an example fails, "
               "2 a rules file has a mistake (file, key and the expected values are printed).")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="rules_action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", help="validate every rules file and list where each comes from",
        description="Validate every rules file; list each file in force, where it comes from "
                    "and how many examples it carries.")
    test = actions.add_parser(
        "test", help="run the example cases of the rules files",
        description="Run the example cases of the rules files in force: a sentence and the "
                    "claim it must give (or must not give), or two sentences and the verdict "
                    "on the fact they state. Each failing example is printed with what was "
                    "found instead.")
    for sub in (check, test):
        sub.add_argument("--rules", metavar="DIR",
                         help="a folder of rules files that override the shipped rules/")
    test.add_argument("--file", action="append", metavar="NAME", default=[],
                      help="run only the examples of this rules file (e.g. hedges.yaml); "
                           "may be given more than once")
    test.add_argument("--verbose", "-v", action="store_true",
                      help="also list the examples that hold, with the claims they gave")


def run(args: argparse.Namespace, io: Streams) -> int:
    from reconcile.rules import load_rules

    rules = load_rules(args.rules)  # a mistake raises RulesError: the CLI prints it, exit 2
    if args.rules_action == "check":
        return _check(rules, args, io)
    return _test(rules, args, io)


def _origins(rules_dir: str | None) -> list[tuple[str, str]]:
    """(file name, the path it is read from) for every rules file, as load_rules picks them."""
    from pathlib import Path

    from reconcile.rules import READERS, default_rules_dir

    base = default_rules_dir()
    override = Path(rules_dir) if rules_dir else None
    out = []
    for name in READERS:
        path = override / name if override and (override / name).is_file() else base / name
        out.append((name, str(path)))
    return out


def _check(rules, args: argparse.Namespace, io: Streams) -> int:
    counts: dict[str, int] = {}
    for example in rules.examples:
        counts[example.file] = counts.get(example.file, 0) + 1
    origins = _origins(args.rules)
    width = max(len(name) for name, _ in origins)
    for name, path in origins:
        examples = counts.get(name, 0)
        note = f"{examples} example{'s' if examples != 1 else ''}" if examples else "no examples"
        print(f"{name:<{width}}  {note:<12}  {path}", file=io.stdout)
    print(f"rules: {len(origins)} files valid", file=io.stdout)
    return EXIT_OK


def _test(rules, args: argparse.Namespace, io: Streams) -> int:
    from reconcile.errors import UsageError
    from reconcile.rule_examples import run_examples
    from reconcile.rules import READERS

    examples = list(rules.examples)
    if args.file:
        unknown = [name for name in args.file if name not in READERS]
        if unknown:
            raise UsageError(f"--file {unknown[0]}: not a rules file; expected one of "
                             + ", ".join(sorted(READERS)))
        examples = [e for e in examples if e.file in args.file]
    if not examples:
        print("rules: no examples to run", file=io.stdout)
        return EXIT_OK
    results = run_examples(rules, examples)
    failed = [r for r in results if not r.passed]
    for result in results:
        if not result.passed:
            print(f"{result.example.label}: FAIL: {_what(result.example)}", file=io.stdout)
            print(f"    {result.detail}", file=io.stdout)
        elif args.verbose:
            print(f"{result.example.label}: ok: {_what(result.example)}", file=io.stdout)
            for line in result.found:
                print(f"    {line}", file=io.stdout)
    summary = (f"rules: {len(results)} examples, all hold" if not failed else
               f"rules: {len(results)} examples, {len(failed)} "
               + ("does not hold" if len(failed) == 1 else "do not hold"))
    print(summary, file=io.stdout)
    return EXIT_FINDINGS if failed else EXIT_OK


def _what(example) -> str:
    """The example itself, shortened to one line."""
    if example.pair is not None:
        text = " / ".join(example.pair)
        wanted = f"verdict {example.verdict}"
    else:
        text = example.sentence or ""
        wanted = ("no claim" if example.no_claim == "any" else f"no {example.no_claim} claim"
                  ) if example.no_claim else "a claim"
    text = " ".join(text.split())
    if len(text) > 90:
        text = text[:87] + "..."
    return f"{text!r} -> {wanted}"
