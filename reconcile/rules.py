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
    examples: tuple[Mapping[str, Any], ...] = field(default=())


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
    return {"hedges": _frozen(words), "widen": _frozen(widen)}


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
    return {"currency_symbols": _frozen(symbols), "currency_codes": frozenset(codes),
            "currency_names": _frozen(names), "currency_subunits": _frozen(subunits),
            "currency_word_codes": frozenset(w.upper() for w in word_codes)}


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
    return {"units": _frozen(units), "count_nouns_not": frozenset(w.lower() for w in not_nouns),
            "implied_people": frozenset(w.lower() for w in implied)}


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
                    "story_date_window", "story_date_factor")
MATCHING_LISTS = ("update_words",)


def _read_tolerances(data: Any, c: _Checker) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in (data or {}).items() if isinstance(data, dict) else []:
        if key in MATCHING_NUMBERS:
            out[key] = c.number(key, value, 0.0, 100.0)
        elif key in MATCHING_LISTS:
            out[key] = tuple(w.lower() for w in c.string_list(data, key))
        elif key != "examples":
            c.fail(key, "one of " + ", ".join(MATCHING_NUMBERS + MATCHING_LISTS), key)
    return {"tolerances": _frozen(out)}


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
}


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
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problems.append(f"{path.name}: is not valid YAML{where} ({getattr(err, 'problem', err)})")
        return None


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
        fields.update(reader(data or {}, _Checker(filename, problems)))
        if isinstance(data, dict) and isinstance(data.get("examples"), list):
            fields.setdefault("examples", ())
            fields["examples"] += tuple({"file": filename, **e} for e in data["examples"]
                                        if isinstance(e, dict))
    if problems:
        raise RulesError(problems)
    return Rules(directory=str(override or base), **fields)
