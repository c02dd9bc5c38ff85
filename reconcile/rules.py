"""Load and validate the editable rule data in rules/ into typed, frozen objects.

Each rules file holds one concern. A mistake is reported with the file, the key and what was
expected, and every problem of every file is collected before anything is raised.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from reconcile.errors import RulesError

HEDGE_KINDS = ("approximately", "nearly", "more_than", "at_least", "less_than", "at_most",
               "up_to")
NUMERIC_KINDS = ("money", "count", "percent", "quantity")
QUANTITY_DIMENSIONS = ("length", "area", "volume", "mass", "time", "speed", "temperature",
                       "energy", "power", "data", "age", "frequency", "pressure", "other")


def _frozen(mapping: Mapping) -> Mapping:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of measure: its canonical singular name and how to reach the base unit."""

    name: str
    dimension: str
    factor: float = 1.0


@dataclass(frozen=True, slots=True, eq=False)
class Rules:
    """All rule data, validated. Build it with load_rules(); compared and hashed by identity."""

    hedges: Mapping[str, str]
    widen: Mapping[str, Mapping[str, float]]
    round_number_cap: Mapping[str, float]
    scales: Mapping[str, float]
    scales_spaced_only: frozenset[str]
    currency_symbols: Mapping[str, str]
    currency_codes: frozenset[str]
    currency_names: Mapping[str, str]
    currency_subunits: Mapping[str, tuple[str, float]]
    currency_word_codes: frozenset[str]
    units: Mapping[str, Unit]
    count_nouns_not: frozenset[str]
    implied_people: frozenset[str]
    speech_verbs: tuple[str, ...]
    boilerplate: tuple[re.Pattern[str], ...]
    aliases: Mapping[str, str]
    tolerances: Mapping[str, Any]
    directory: str = ""
    examples: tuple[Any, ...] = field(default=())  # reconcile.rule_examples.RuleExample
    max_article_bytes: int = 20 * 1024 * 1024  # limits.yaml
    max_claims_per_article: int = 5000  # limits.yaml
    hedges_after: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # "or more", "or so"
    currency_guarded: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # "PS2.7m"
    number_names: frozenset[str] = frozenset()  # "category 4", "sp 500": a number in a name
    numeral_names: frozenset[str] = frozenset()  # "News 6": a numeral (not a word) in a name
    service_numbers: frozenset[str] = frozenset()  # "called 911", "a 911 call": a phone number
    # units.yaml: phrases in which a number is a figure of speech ("one step closer")
    figures_of_speech: re.Pattern[str] | None = None
    casualties: Any = None  # reconcile.extract.casualties.CasualtyRules, compiled on load
    scopes: tuple[tuple[str, re.Pattern[str]], ...] = ()  # scope.yaml: (label, pattern)
    # scope.yaml: the labels of scopes that still count the article's own incident, and of
    # those whose phrase only qualifies a figure before it ("six killed, including the gunman")
    own_incident_scopes: frozenset[str] = frozenset()
    scopes_after_figure: frozenset[str] = frozenset()
    # and of those whose phrase only qualifies a figure after it ("police initially said two")
    scopes_before_figure: frozenset[str] = frozenset()
    # those that are spans of time ("in 2015", "in two days"): a claim keeps its span too
    period_scopes: frozenset[str] = frozenset()


# ---------------------------------------------------------------------------------------------
# validation helpers: each appends "file: key: expected ..., got ..." to problems


class _Checker:
    def __init__(self, filename: str, problems: list[str]):
        self.filename = filename
        self.problems = problems

    def fail(self, key: str, expected: str, got: Any) -> None:
        self.problems.append(f"{self.filename}: {key}: expected {expected}, got {got!r}")

    def mapping(self, data: Any, key: str, required: bool = True) -> dict:
        value = data.get(key) if isinstance(data, dict) else None
        if value is None:
            if required:
                self.fail(key, "a mapping", value)
            return {}
        if not isinstance(value, dict):
            self.fail(key, "a mapping", value)
            return {}
        return value

    def string_list(self, data: Any, key: str, required: bool = True) -> list[str]:
        value = data.get(key) if isinstance(data, dict) else None
        if value is None:
            if required:
                self.fail(key, "a list of strings", value)
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(key, "a list of strings", value)
            return []
        return value

    def regex_list(self, data: Any, key: str, required: bool = True) -> list[str]:
        """A list of regular expressions, each checked (key[i] names a broken one)."""
        values = self.string_list(data, key, required)
        for i, value in enumerate(values):
            self.regex(f"{key}[{i}]", value)
        return values

    def number(self, key: str, value: Any, low: float = 0.0, high: float = float("inf")) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            self.fail(key, f"a number from {low:g} to {high:g}", value)
            return 0.0
        return float(value)

    def choice(self, key: str, value: Any, options: tuple[str, ...]) -> str:
        if value not in options:
            self.fail(key, "one of " + ", ".join(options), value)
        return str(value)

    def regex(self, key: str, value: Any) -> re.Pattern[str] | None:
        if not isinstance(value, str):
            self.fail(key, "a regular expression string", value)
            return None
        try:
            return re.compile(value, re.IGNORECASE)
        except re.error as err:
            self.fail(key, f"a valid regular expression ({err})", value)
            return None


# ---------------------------------------------------------------------------------------------
# one reader per rules file


def _read_hedges(data: Any, c: _Checker) -> dict[str, Any]:
    words = {str(k).lower(): c.choice(f"words.{k}", v, HEDGE_KINDS)
             for k, v in c.mapping(data, "words").items()}
    widen: dict[str, Mapping[str, float]] = {}
    for hedge, per_kind in c.mapping(data, "widen").items():
        c.choice(f"widen.{hedge}", hedge, HEDGE_KINDS)
        if not isinstance(per_kind, dict):
            c.fail(f"widen.{hedge}", "a mapping of claim kind to fraction", per_kind)
            continue
        widen[hedge] = _frozen({c.choice(f"widen.{hedge}.{k}", k, NUMERIC_KINDS):
                                c.number(f"widen.{hedge}.{k}", v, 0.0, 1.0)
                                for k, v in per_kind.items()})
    after = {str(k).lower(): c.choice(f"after.{k}", v, HEDGE_KINDS)
             for k, v in c.mapping(data, "after", required=False).items()}
    return {"hedges": _frozen(words), "widen": _frozen(widen), "hedges_after": _frozen(after)}


def _read_precision(data: Any, c: _Checker) -> dict[str, Any]:
    caps = {c.choice(f"round_number_cap.{k}", k, NUMERIC_KINDS):
            c.number(f"round_number_cap.{k}", v, 0.0, 1.0)
            for k, v in c.mapping(data, "round_number_cap").items()}
    return {"round_number_cap": _frozen(caps)}


def _read_scales(data: Any, c: _Checker) -> dict[str, Any]:
    words = {str(k).lower(): c.number(f"words.{k}", v, 1.0)
             for k, v in c.mapping(data, "words").items()}
    spaced = c.string_list(data, "spaced_only", required=False)
    for word in spaced:
        if word.lower() not in words:
            c.fail(f"spaced_only.{word}", "a scale word listed under words", word)
    return {"scales": _frozen(words), "scales_spaced_only": frozenset(w.lower() for w in spaced)}


def _read_currencies(data: Any, c: _Checker) -> dict[str, Any]:
    code_re = re.compile(r"[A-Z]{3}")
    codes = c.string_list(data, "codes")
    for code in codes:
        if not code_re.fullmatch(code):
            c.fail(f"codes.{code}", "a three-letter upper-case ISO 4217 code", code)
    symbols = {str(k): str(v) for k, v in c.mapping(data, "symbols").items()}
    for sym, code in symbols.items():
        if not code_re.fullmatch(code):
            c.fail(f"symbols.{sym}", "a three-letter upper-case ISO 4217 code", code)
    names = {str(k).lower(): str(v) for k, v in c.mapping(data, "names").items()}
    subunits: dict[str, tuple[str, float]] = {}
    for name, spec in c.mapping(data, "subunits", required=False).items():
        if (not isinstance(spec, list) or len(spec) != 2 or not isinstance(spec[0], str)
                or isinstance(spec[1], bool) or not isinstance(spec[1], (int, float))):
            c.fail(f"subunits.{name}", "[ISO code, factor]", spec)
            continue
        subunits[str(name).lower()] = (spec[0], float(spec[1]))
    word_codes = c.string_list(data, "word_codes", required=False)
    guarded = {str(k): str(v) for k, v in c.mapping(data, "guarded_symbols", required=False).items()}
    for sym, code in guarded.items():
        if not code_re.fullmatch(code):
            c.fail(f"guarded_symbols.{sym}", "a three-letter upper-case ISO 4217 code", code)
    return {"currency_symbols": _frozen(symbols), "currency_codes": frozenset(codes),
            "currency_names": _frozen(names), "currency_subunits": _frozen(subunits),
            "currency_word_codes": frozenset(w.upper() for w in word_codes),
            "currency_guarded": _frozen(guarded)}


def _read_units(data: Any, c: _Checker) -> dict[str, Any]:
    units: dict[str, Unit] = {}
    for name, spec in c.mapping(data, "units").items():
        key = f"units.{name}"
        if not isinstance(spec, dict):
            c.fail(key, "a mapping with dimension, aliases and optional factor", spec)
            continue
        dimension = c.choice(f"{key}.dimension", spec.get("dimension"), QUANTITY_DIMENSIONS)
        factor = c.number(f"{key}.factor", spec.get("factor", 1.0), 0.0)
        unit = Unit(str(name), dimension, factor or 1.0)
        aliases = spec.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            c.fail(f"{key}.aliases", "a list of strings", aliases)
            aliases = []
        for alias in [str(name), *aliases]:
            # abbreviations keep their case ("mm" vs "Mm" is not a worry, "L" vs "l" is)
            units[alias] = unit
    not_nouns = c.string_list(data, "not_counted_nouns", required=False)
    implied = c.string_list(data, "implied_people", required=False)
    names = c.string_list(data, "number_names", required=False)
    numeral_names = c.string_list(data, "numeral_names", required=False)
    services = c.string_list(data, "service_numbers", required=False)
    figures = c.regex_list(data, "figures_of_speech", required=False)
    combined = (re.compile(r"(?:" + "|".join(f"(?:{f})" for f in figures) + r")\b", re.IGNORECASE)
                if figures and not c.problems else None)
    return {"units": _frozen(units), "count_nouns_not": frozenset(w.lower() for w in not_nouns),
            "implied_people": frozenset(w.lower() for w in implied),
            "number_names": frozenset(w.lower() for w in names),
            "numeral_names": frozenset(w.lower() for w in numeral_names),
            "service_numbers": frozenset(w.strip() for w in services),
            "figures_of_speech": combined}


def _read_speech(data: Any, c: _Checker) -> dict[str, Any]:
    return {"speech_verbs": tuple(v.lower() for v in c.string_list(data, "verbs"))}


def _read_boilerplate(data: Any, c: _Checker) -> dict[str, Any]:
    patterns = []
    for i, pattern in enumerate(c.string_list(data, "lines")):
        compiled = c.regex(f"lines[{i}]", pattern)
        if compiled is not None:
            patterns.append(compiled)
    return {"boilerplate": tuple(patterns)}


def _read_aliases(data: Any, c: _Checker) -> dict[str, Any]:
    aliases: dict[str, str] = {}
    for canonical, names in c.mapping(data, "entities").items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            c.fail(f"entities.{canonical}", "a list of names", names)
            continue
        for name in [canonical, *names]:
            aliases[name.lower()] = str(canonical)
    return {"aliases": _frozen(aliases)}


MATCHING_NUMBERS = ("story_similarity", "subject_similarity",
                    "story_date_window", "story_date_factor", "story_event_bonus",
                    "story_event_penalty", "story_place_bonus", "story_place_penalty",
                    "story_figure_penalty", "story_figure_disagreements", "story_series_factor",
                    "story_rare_word_max_sources", "story_period_factor", "story_ticker_factor",
                    "story_merge_similarity", "story_country_factor",
                    "story_title_figure_factor", "update_after_days")
MATCHING_LISTS = ("update_words", "story_street_words", "story_countries")
# numbers whose range is not 0-100
MATCHING_RANGES = {"update_after_days": (1.0, 3650.0)}


def _read_tolerances(data: Any, c: _Checker) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in (data or {}).items() if isinstance(data, dict) else []:
        if key in MATCHING_NUMBERS:
            out[key] = c.number(key, value, *MATCHING_RANGES.get(key, (0.0, 100.0)))
        elif key in MATCHING_LISTS:
            out[key] = tuple(w.lower() for w in c.string_list(data, key))
        elif key != "examples":
            c.fail(key, "one of " + ", ".join(MATCHING_NUMBERS + MATCHING_LISTS), key)
    return {"tolerances": _frozen(out)}


def _read_casualties(data: Any, c: _Checker) -> dict[str, Any]:
    from reconcile.extract.casualties import compile_casualty_rules

    return {"casualties": compile_casualty_rules(data, c)}


# Limits keep one odd input from taking unbounded memory or time; the ranges stop a typo
# (a missing digit, an extra three zeros) from disabling them or from rejecting every article.
LIMITS = {"max_article_bytes": (1024, 1024 ** 3), "max_claims_per_article": (10, 10_000_000)}


def _read_limits(data: Any, c: _Checker) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, (low, high) in LIMITS.items():
        value = data.get(key) if isinstance(data, dict) else None
        if value is None:
            continue  # the default in Rules stands
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            c.fail(key, f"a whole number from {low:,} to {high:,}", value)
        else:
            out[key] = value
    return out


def _read_scope(data: Any, c: _Checker) -> dict[str, Any]:
    from reconcile.extract.scope import compile_scope_rules, flagged_scopes

    return {"scopes": compile_scope_rules(data, c),
            "own_incident_scopes": flagged_scopes(data, "this_incident", c),
            "scopes_after_figure": flagged_scopes(data, "after_figure", c),
            "scopes_before_figure": flagged_scopes(data, "before_figure", c),
            "period_scopes": flagged_scopes(data, "period", c)}


READERS: dict[str, Callable[[Any, _Checker], dict[str, Any]]] = {
    "hedges.yaml": _read_hedges,
    "precision.yaml": _read_precision,
    "scales.yaml": _read_scales,
    "currencies.yaml": _read_currencies,
    "units.yaml": _read_units,
    "speech.yaml": _read_speech,
    "boilerplate.yaml": _read_boilerplate,
    "aliases.yaml": _read_aliases,
    "matching.yaml": _read_tolerances,
    "limits.yaml": _read_limits,
    "casualties.yaml": _read_casualties,
    "scope.yaml": _read_scope,
}


class _Recorded(dict):
    """A rules file's top-level mapping that remembers which keys its reader asked for.

    A key no reader asks for is a typo ("word:" for "words:") or a key from another file, and
    would otherwise be ignored in silence; asking is enough, so readers need no key lists."""

    def __init__(self, data: dict):
        super().__init__(data)
        self.asked: set[str] = set()
        self.everything = False

    def get(self, key, default=None):
        self.asked.add(key)
        return super().get(key, default)

    def __getitem__(self, key):
        self.asked.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.asked.add(key)
        return super().__contains__(key)

    def _all(self):
        self.everything = True

    def items(self):
        self._all()
        return super().items()

    def keys(self):
        self._all()
        return super().keys()

    def values(self):
        self._all()
        return super().values()

    def __iter__(self):
        self._all()
        return super().__iter__()

    def unknown(self) -> list[str]:
        if self.everything:
            return []
        return [str(k) for k in super().keys() if k not in self.asked]


def _check_unknown_keys(data: _Recorded, c: _Checker) -> None:
    expected = sorted(str(k) for k in data.asked | {"examples"})
    for key in data.unknown():
        if key == "examples":
            continue  # read by read_examples()
        c.fail(key, "one of the keys " + ", ".join(expected), key)


def _check_unknown_files(override: Path | None, problems: list[str]) -> None:
    """A .yaml file in a rules folder that no reader reads is a misnamed rules file."""
    if override is None:
        return
    for path in sorted(override.iterdir()):
        if path.suffix.lower() in (".yaml", ".yml") and path.name not in READERS:
            problems.append(f"{path.name}: not a rules file (it would be ignored); expected one "
                            "of " + ", ".join(sorted(READERS)))


def default_rules_dir() -> Path:
    """The rules shipped inside an installed package, else the checkout's rules/ folder."""
    here = Path(__file__).resolve().parent
    installed = here / "_rules"
    return installed if (installed / "hedges.yaml").is_file() else here.parent / "rules"


def _parse_yaml(path: Path, problems: list[str]) -> Any:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        problems.append(f"{path.name}: cannot be read ({err})")
        return None
    from reconcile.plainyaml import load_plain_yaml

    try:
        return load_plain_yaml(text)  # tags build no objects; dates stay text
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problems.append(f"{path.name}: is not valid YAML{where} ({getattr(err, 'problem', err)})")
        return None


def read_examples(data: dict, c: _Checker) -> tuple[Any, ...]:
    """The `examples:` list of one rules file, checked (reconcile.rule_examples)."""
    if "examples" not in data:
        return ()
    from reconcile.rule_examples import parse_examples

    return parse_examples(data["examples"], c)


@lru_cache(maxsize=8)
def load_rules(directory: str | Path | None = None) -> Rules:
    """Read every rules file; files in `directory` override the shipped ones of the same name."""
    base = default_rules_dir()
    override = Path(directory) if directory else None
    if override is not None and not override.is_dir():
        raise RulesError([f"{override}: rules folder not found"])
    problems: list[str] = []
    fields: dict[str, Any] = {}
    for filename, reader in READERS.items():
        path = override / filename if override and (override / filename).is_file() else base / filename
        if not path.is_file():
            problems.append(f"{filename}: missing from {base}")
            continue
        data = _parse_yaml(path, problems)
        if data is not None and not isinstance(data, dict):
            problems.append(f"{filename}: expected a mapping at the top level, got {type(data).__name__}")
            data = None
        checker = _Checker(filename, problems)
        recorded = _Recorded(data or {})
        fields.update(reader(recorded, checker))
        _check_unknown_keys(recorded, checker)
        fields["examples"] = fields.get("examples", ()) + read_examples(data or {}, checker)
    _check_unknown_files(override, problems)
    if problems:
        raise RulesError(problems)
    return Rules(directory=str(override or base), **fields)
