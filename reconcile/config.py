"""Project configuration: `reconcile.toml`, or `[tool.reconcile]` in `pyproject.toml`.

The file is found by walking up from the working folder (DESIGN.md section 5); the first folder
holding either file wins, and `reconcile.toml` wins over `pyproject.toml` in the same folder.
Relative paths in it are relative to the folder holding it. Every key is checked: a mistake
names the file, the key and what was expected, and exits 2 (ConfigError).

    archive = "archive/"                 # what `check` compares with (--against overrides)
    include = ["**/*.md"]                # globs of articles to read, relative to the root
    exclude = ["drafts/**"]
    fail_on = "conflict"                 # conflict | never
    accepted = "reconcile-accepted.yaml" # the accepted-findings file (review import writes it)
    index = ".reconcile/index.sqlite"    # the archive index of `check`
    [front_matter]                       # key names tried, in order, for each field
    date = ["date", "published"]
    outlet = ["outlet", "publisher"]
    title = ["title"]
    url = ["url", "link"]

`include` and `exclude` apply to the articles `check` checks and to the archive it indexes:
`*` and `?` stay within one folder, `**/` spans any number of folders, a pattern ending in `/`
takes a whole folder (Config.selects).
"""
from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reconcile.errors import ConfigError

CONFIG_NAME = "reconcile.toml"
FAIL_LEVELS = ("conflict", "never")
FRONT_MATTER_FIELDS = ("date", "outlet", "title", "url")
DEFAULT_ACCEPTED = "reconcile-accepted.yaml"
DEFAULT_INDEX = ".reconcile/index.sqlite"
# Keys naming files reconcile writes: they must stay inside the project folder.
WRITTEN_KEYS = ("accepted", "index")


@dataclass(frozen=True, slots=True)
class Config:
    """The settings in force; `path` is the file they came from (None: defaults only)."""

    root: Path
    path: Path | None = None
    archive: Path | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: str = "conflict"
    accepted: Path | None = None
    index: Path | None = None
    front_matter: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def accepted_path(self) -> Path:
        return self.accepted or self.root / DEFAULT_ACCEPTED

    @property
    def index_path(self) -> Path:
        return self.index or self.root / DEFAULT_INDEX

    def selects(self, path: Path) -> bool:
        """Whether `include` / `exclude` let an article file through. The globs are relative to
        the root; a file outside the root cannot be named by them and is let through."""
        if not self.include and not self.exclude:
            return True
        try:
            relative = Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return True
        if self.include and not matches_any(self.include, relative):
            return False
        return not matches_any(self.exclude, relative)


def matches_any(patterns: Iterable[str], relative: str) -> bool:
    """Whether a posix path matches one of the globs (`*` within a folder, `**` across)."""
    return any(_glob(pattern).fullmatch(relative) for pattern in patterns)


@functools.lru_cache(maxsize=256)
def _glob(pattern: str) -> re.Pattern[str]:
    """A glob as a regular expression: `**/` any folders (or none), `*` and `?` within one
    folder, `[...]` a character class; a pattern ending in `/` or `/**` takes a whole folder."""
    pattern = pattern.strip().lstrip("./") if pattern.startswith("./") else pattern.strip()
    if pattern.endswith("/"):
        pattern += "**"
    parts, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            parts.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            parts.append(".*")
            i += 2
        elif pattern[i] == "*":
            parts.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            parts.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2:]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1:end]
            parts.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = end + 1
        else:
            parts.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(parts))


def find_config(start: Path | None = None) -> tuple[Path | None, dict[str, Any]]:
    """The configuration file above `start` (default: the working folder) and its table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / CONFIG_NAME
        if own.is_file():
            return own, _load_toml(own)
        project = folder / "pyproject.toml"
        if project.is_file():
            table = _load_toml(project).get("tool", {}).get("reconcile")
            if table is not None:
                if not isinstance(table, dict):
                    raise ConfigError(f"{project}: tool.reconcile: expected a table")
                return project, table
    return None, {}


def load_config(start: Path | None = None, path: Path | None = None) -> Config:
    """The configuration found from `start`, or read from the explicit file `path`."""
    if path is not None:
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"{path}: no such configuration file")
        table = _load_toml(path)
        if path.name == "pyproject.toml":
            table = table.get("tool", {}).get("reconcile", {})
    else:
        path, table = find_config(start)
    root = path.parent if path else (start or Path.cwd()).resolve()
    return parse_config(table, root, path)


def parse_config(table: Mapping[str, Any], root: Path, path: Path | None = None) -> Config:
    """Check every key of a configuration table and build the Config."""
    where = str(path) if path else "configuration"
    known = {"archive", "include", "exclude", "fail_on", "accepted", "index", "front_matter"}
    for key in table:
        if key not in known:
            raise ConfigError(f"{where}: {key}: unknown key; expected one of "
                              + ", ".join(sorted(known)))

    def a_path(key: str) -> Path | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: {key}: expected a path as a string")
        resolved = (root / value).resolve() if not Path(value).is_absolute() else Path(value)
        if key in WRITTEN_KEYS and not resolved.resolve().is_relative_to(root.resolve()):
            # a configuration file travels with the articles: it must not make reconcile write
            # outside the project (the command-line options may point anywhere)
            raise ConfigError(f"{where}: {key}: expected a path inside the project folder "
                              f"{root}, got {value!r}")
        return resolved

    def globs(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ConfigError(f"{where}: {key}: expected a list of glob patterns (strings)")
        return tuple(value)

    fail_on = table.get("fail_on", "conflict")
    if fail_on not in FAIL_LEVELS:
        raise ConfigError(f"{where}: fail_on: expected one of {', '.join(FAIL_LEVELS)}, "
                          f"got {fail_on!r}")
    front = table.get("front_matter", {})
    if not isinstance(front, dict):
        raise ConfigError(f"{where}: front_matter: expected a table of key-name lists")
    front_matter: dict[str, tuple[str, ...]] = {}
    for name, keys in front.items():
        if name not in FRONT_MATTER_FIELDS:
            raise ConfigError(f"{where}: front_matter.{name}: unknown field; expected one of "
                              + ", ".join(FRONT_MATTER_FIELDS))
        if isinstance(keys, str):
            keys = [keys]
        if not isinstance(keys, list) or not keys or not all(isinstance(k, str) and k
                                                              for k in keys):
            raise ConfigError(f"{where}: front_matter.{name}: expected a list of key names")
        front_matter[name] = tuple(k.lower() for k in keys)
    return Config(root=root, path=path, archive=a_path("archive"), include=globs("include"),
                  exclude=globs("exclude"), fail_on=fail_on, accepted=a_path("accepted"),
                  index=a_path("index"), front_matter=front_matter)


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err.strerror or err}") from err
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML: {err}") from err
