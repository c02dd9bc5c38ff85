"""Example cases that a rules file carries, and the check that runs them (`reconcile rules test`).

An edited rule is only trustworthy once it is seen to work on the sentences it was written for.
Any rules file may end with an `examples:` list; `reconcile rules test` runs every example of
the rules in force (the shipped files, or a `--rules` folder's) and names each one that fails.
Each example is one of three forms:

    examples:
      # a sentence and a claim it must give: every field listed must match one claim found
      - sentence: The United States approved a sale worth nearly $700 million.
        claim: {kind: money, text: nearly $700 million, hedge: nearly, high: 700000000}
      # a sentence that must give no claim, of one kind or of any kind
      - sentence: "Also Read: Taiwan orders 3 more air defence systems"
        no_claim: any
      # two sentences from two sources of one story, and the verdict on the fact they state
      - pair: [The deal is worth $699 million., The deal is worth nearly $700 million.]
        kind: money
        verdict: agree

Claim fields: kind, text, unit, stated, low, high, hedge, speaker, granularity (for a quote,
`stated` is its words). Numbers compare as numbers (700000000 = 7e8), dates as ISO days.
Verdicts: agree, conflict, update (a later, higher toll), single (the two are not matched as
one fact). Every example may have `published` (an ISO date, or a list of two for a pair: the
sources' publication dates, which anchor relative dates and tell an update from a conflict) and
a `note` saying why it is there.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

CLAIM_KINDS = ("money", "count", "percent", "quantity", "date", "quote")
CLAIM_FIELDS = ("kind", "text", "unit", "stated", "low", "high", "hedge", "speaker",
                "granularity")
VERDICTS = ("agree", "conflict", "update", "single")
EXAMPLE_KEYS = ("sentence", "claim", "no_claim", "pair", "kind", "verdict", "published", "note")
FORMS = "sentence with claim, sentence with no_claim, or pair with verdict"


@dataclass(frozen=True, slots=True)
class RuleExample:
    """One example case of a rules file, checked on load; `number` counts from 1 in its file."""

    file: str
    number: int
    sentence: str | None = None
    claim: Mapping[str, Any] | None = None
    no_claim: str | None = None  # a claim kind, or "any"
    pair: tuple[str, str] | None = None
    kind: str | None = None  # for a pair: the kind of claim compared
    verdict: str | None = None
    published: tuple[str | None, str | None] = (None, None)
    note: str = ""

    @property
    def label(self) -> str:
        """How the example is named in messages: file and number."""
        return f"{self.file}: examples[{self.number}]"


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """Whether one example held, and if not, what was found instead (one line)."""

    example: RuleExample
    passed: bool
    detail: str = ""
    found: tuple[str, ...] = field(default=())


# ---------------------------------------------------------------------------------------------
# the schema: every problem is named with its file, example number and key


def parse_examples(raw: Any, checker: Any) -> tuple[RuleExample, ...]:
    """The examples of one rules file; each mistake goes to `checker` (a rules._Checker)."""
    if not isinstance(raw, list):
        checker.fail("examples", f"a list of examples ({FORMS})", raw)
        return ()
    examples = []
    for number, entry in enumerate(raw, 1):
        example = _parse_one(number, entry, checker)
        if example is not None:
            examples.append(example)
    return tuple(examples)


def _parse_one(number: int, entry: Any, c: Any) -> RuleExample | None:
    key = f"examples[{number}]"
    if not isinstance(entry, dict):
        c.fail(key, f"a mapping ({FORMS})", entry)
        return None
    problems_before = len(c.problems)
    for name in entry:
        if name not in EXAMPLE_KEYS:
            c.fail(f"{key}.{name}", "one of the keys " + ", ".join(EXAMPLE_KEYS), name)
    has_sentence, has_pair = "sentence" in entry, "pair" in entry
    if has_sentence == has_pair:
        c.fail(key, f"either sentence or pair ({FORMS})", sorted(map(str, entry)))
        return None
    note = entry.get("note", "")
    if not isinstance(note, str):
        c.fail(f"{key}.note", "text", note)
    example = (_parse_sentence(key, entry, c) if has_sentence else _parse_pair(key, entry, c))
    if example is None or len(c.problems) > problems_before:
        return None
    return replace(example, file=c.filename, number=number, note=str(note))


def _parse_sentence(key: str, entry: dict, c: Any) -> RuleExample | None:
    sentence = entry["sentence"]
    if not isinstance(sentence, str) or not sentence.strip():
        c.fail(f"{key}.sentence", "a sentence (text)", sentence)
    for name in ("pair", "verdict", "kind"):
        if name in entry:
            c.fail(f"{key}.{name}", "no such key in a sentence example (it belongs to a pair)",
                   name)
    if ("claim" in entry) == ("no_claim" in entry):
        c.fail(key, "exactly one of claim or no_claim beside sentence", sorted(map(str, entry)))
        return None
    published = _date(f"{key}.published", entry.get("published"), c)
    if "no_claim" in entry:
        kind = entry["no_claim"]
        if kind not in (*CLAIM_KINDS, "any"):
            c.fail(f"{key}.no_claim", "one of " + ", ".join((*CLAIM_KINDS, "any")), kind)
        return RuleExample("", 0, sentence=str(sentence), no_claim=str(kind),
                           published=(published, None))
    claim = entry["claim"]
    if not isinstance(claim, dict) or not claim:
        c.fail(f"{key}.claim", "a mapping of claim fields (" + ", ".join(CLAIM_FIELDS) + ")",
               claim)
        return None
    expected: dict[str, Any] = {}
    for name, value in claim.items():
        if name not in CLAIM_FIELDS:
            c.fail(f"{key}.claim.{name}", "one of the claim fields " + ", ".join(CLAIM_FIELDS),
                   name)
        elif name == "kind" and value not in CLAIM_KINDS:
            c.fail(f"{key}.claim.kind", "one of " + ", ".join(CLAIM_KINDS), value)
        else:
            expected[str(name)] = _plain(value)
    return RuleExample("", 0, sentence=str(sentence), claim=MappingProxyType(expected),
                       published=(published, None))


def _parse_pair(key: str, entry: dict, c: Any) -> RuleExample | None:
    pair = entry["pair"]
    if (not isinstance(pair, list) or len(pair) != 2
            or not all(isinstance(s, str) and s.strip() for s in pair)):
        c.fail(f"{key}.pair", "a list of two sentences", pair)
        return None
    for name in ("claim", "no_claim"):
        if name in entry:
            c.fail(f"{key}.{name}", "no such key in a pair example (it belongs to a sentence)",
                   name)
    verdict = entry.get("verdict")
    if verdict not in VERDICTS:
        c.fail(f"{key}.verdict", "one of " + ", ".join(VERDICTS), verdict)
    kind = entry.get("kind")
    if kind is not None and kind not in CLAIM_KINDS:
        c.fail(f"{key}.kind", "one of " + ", ".join(CLAIM_KINDS), kind)
    published = entry.get("published")
    dates: tuple[str | None, str | None] = (None, None)
    if published is not None:
        if not isinstance(published, list) or len(published) != 2:
            c.fail(f"{key}.published", "a list of two ISO dates (one per sentence)", published)
        else:
            dates = (_date(f"{key}.published[1]", published[0], c),
                     _date(f"{key}.published[2]", published[1], c))
    return RuleExample("", 0, pair=(pair[0], pair[1]), kind=kind, verdict=verdict,
                       published=dates)


def _date(key: str, value: Any, c: Any) -> str | None:
    """An ISO day from YAML (which reads 2025-11-19 as a date) or a string."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        c.fail(key, "an ISO date (YYYY-MM-DD)", value)
        return None


def _plain(value: Any) -> Any:
    """YAML values as the JSON report has them: dates as ISO text, lists for ranges."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


# ---------------------------------------------------------------------------------------------
# running them


def run_examples(rules: Any, examples: Sequence[RuleExample] | None = None) -> list[ExampleResult]:
    """Run `examples` (default: every example of `rules`) with `rules`, in file order."""
    examples = rules.examples if examples is None else examples
    return [_run(example, rules) for example in examples]


def _run(example: RuleExample, rules: Any) -> ExampleResult:
    if example.pair is not None:
        return _run_pair(example, rules)
    from reconcile.extract import extract_claims

    claims = [c.to_dict() for c in extract_claims(example.sentence or "", example.published[0],
                                                    rules)]
    found = tuple(describe(c) for c in claims)
    if example.no_claim is not None:
        unwanted = [c for c in claims if example.no_claim in ("any", c["kind"])]
        if unwanted:
            what = "a claim" if example.no_claim == "any" else f"a {example.no_claim} claim"
            return ExampleResult(example, False, f"expected no {what[2:]}, found "
                                 + "; ".join(describe(c) for c in unwanted), found)
        return ExampleResult(example, True, found=found)
    assert example.claim is not None
    if any(_matches(example.claim, c) for c in claims):
        return ExampleResult(example, True, found=found)
    wanted = ", ".join(f"{k}={_show(v)}" for k, v in example.claim.items())
    return ExampleResult(example, False, f"expected a claim with {wanted}; found "
                         + ("; ".join(found) if found else "no claims"), found)


def _run_pair(example: RuleExample, rules: Any) -> ExampleResult:
    from reconcile.extract import extract_claims
    from reconcile.judge import judge_group
    from reconcile.match import MatchSettings, match_story
    from reconcile.model import Source

    assert example.pair is not None
    sources = {f"example-{i}": Source(id=f"example-{i}", path="", text=text,
                                      published=example.published[i - 1])
               for i, text in enumerate(example.pair, 1)}
    claims = []
    for source in sources.values():
        for claim in extract_claims(source.text, source.published, rules):
            if example.kind in (None, str(claim.kind)):
                claims.append(replace(claim, source=source.id, id=f"c{len(claims) + 1}"))
    found = tuple(f"{c.source}: {describe(c.to_dict())}" for c in claims)
    if {c.source for c in claims} != set(sources):
        missing = sorted(set(sources) - {c.source for c in claims})
        what = f"{example.kind} claim" if example.kind else "claim"
        return ExampleResult(example, False, f"no {what} found in " + " and ".join(
            f"sentence {m[-1]}" for m in missing), found)
    tolerances = rules.tolerances
    groups, _ = match_story(claims, MatchSettings.from_rules(rules), {})
    update_words = frozenset(tolerances.get("update_words", ()))
    verdict, reason = "single", "the two sentences' claims were not matched as one fact"
    for members in groups:
        if {c.source for c in members} == set(sources):
            group = judge_group("g1", "s1", members, sources, {}, update_words,
                                tolerances.get("update_after_days"))
            verdict, reason = str(group.verdict), group.reason
            break
    if verdict == example.verdict:
        return ExampleResult(example, True, found=found)
    return ExampleResult(example, False, f"expected verdict {example.verdict}, got {verdict} "
                         f"({reason})", found)


def _matches(expected: Mapping[str, Any], claim: Mapping[str, Any]) -> bool:
    value = claim.get("value") or {}
    for name, wanted in expected.items():
        actual = claim.get(name) if name in ("kind", "text") else value.get(name)
        if not _equal(wanted, actual):
            return False
    return True


def _equal(wanted: Any, actual: Any) -> bool:
    if isinstance(wanted, list) or isinstance(actual, (list, tuple)):
        return (isinstance(wanted, list) and isinstance(actual, (list, tuple))
                and len(wanted) == len(actual)
                and all(_equal(w, a) for w, a in zip(wanted, actual)))
    numbers = (int, float)
    if (isinstance(wanted, numbers) and isinstance(actual, numbers)
            and not isinstance(wanted, bool) and not isinstance(actual, bool)):
        return math.isclose(float(wanted), float(actual), rel_tol=1e-9, abs_tol=1e-12)
    return wanted == actual


def describe(claim: Mapping[str, Any]) -> str:
    """One claim as a short line: kind, text and the value fields that are set."""
    value = claim.get("value") or {}
    parts = [f"{k} {_show(value[k])}" for k in ("stated", "low", "high", "unit", "hedge",
                                                 "speaker", "granularity")
             if value.get(k) is not None]
    return f"{claim['kind']} {claim['text']!r} (" + ", ".join(parts) + ")"


def _show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        value = int(value)
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return str(value)
