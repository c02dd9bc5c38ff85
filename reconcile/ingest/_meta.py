"""Article metadata from any key/value source: key aliases, dates to ISO, headline guessing."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Common names for each field, in order of preference, compared case-insensitively.
FIELD_ALIASES: Mapping[str, tuple[str, ...]] = {
    "published": ("date", "published", "publishdate", "pubdate", "published_at", "datepublished",
                  "publish_date", "published_date", "publication_date"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "publication"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url", "canonical", "permalink"),
}
# The field names of reconcile.toml's [front_matter] table, and the FIELD_ALIASES field each sets.
CONFIG_FIELDS: Mapping[str, str] = {"date": "published", "outlet": "outlet", "title": "title",
                                    "url": "url"}

_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_HAS_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
# Plausible publication years; anything else is a typo or a placeholder, not a date to trust.
_YEARS = range(1800, 2200)
# A headline is short; longer first lines are the opening paragraph of a file without a title.
_HEADLINE_MAX_CHARS = 160
_HEADLINE_MAX_WORDS = 25


@dataclass(frozen=True, slots=True)
class Metadata:
    """Title, outlet, URL and publication date found in one place, and what went wrong there."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    problems: tuple[str, ...] = ()


def field_aliases(configured: Mapping[str, Sequence[str]] | None) -> Mapping[str, tuple[str, ...]]:
    """FIELD_ALIASES with each field a configuration names ("date", "outlet", "title", "url")
    replaced by its key names: a site whose `date` is the last edit names `publishdate` alone.

    Raises ValueError for a field name that is not one of those four."""
    if not configured:
        return FIELD_ALIASES
    aliases = dict(FIELD_ALIASES)
    for name, keys in configured.items():
        if name not in CONFIG_FIELDS:
            raise ValueError(f"front matter field {name!r}: expected one of "
                             + ", ".join(CONFIG_FIELDS))
        if isinstance(keys, str):
            keys = (keys,)
        lowered = tuple(str(key).strip().lower() for key in keys if str(key).strip())
        if lowered:
            aliases[CONFIG_FIELDS[name]] = lowered
    return aliases


def metadata_from(mapping: Mapping[Any, Any], where: str,
                  aliases: Mapping[str, tuple[str, ...]] = FIELD_ALIASES) -> Metadata:
    """Pick the known fields out of a mapping (front matter, sidecar, JSON object)."""
    lowered = {str(key).lower(): value for key, value in mapping.items()}
    found: dict[str, Any] = {}
    problems: list[str] = []
    for name, names in aliases.items():
        for alias in names:
            if lowered.get(alias) not in (None, ""):
                found[name] = lowered[alias]
                break
    published = None
    if "published" in found:
        published = normalise_date(found["published"])
        if published is None:
            problems.append(f"{where}: cannot read {_short(found['published'])} as a date; "
                            "read without a publication date")
    return Metadata(title=_text_field(found.get("title")), outlet=_outlet(found.get("outlet")),
                    url=_text_field(found.get("url")), published=published,
                    problems=tuple(problems))


def _short(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else type(value).__name__
    return text if len(text) <= 60 else text[:57] + "...'"


def _text_field(value: Any) -> str | None:
    """A scalar as one clean line; lists and mappings are not titles or URLs."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = " ".join(str(value).split())
    return text or None


def _outlet(value: Any) -> str | None:
    # schema.org style: "publisher": {"name": "..."}
    if isinstance(value, Mapping):
        value = value.get("name")
    return _text_field(value)


def normalise_date(value: Any) -> str | None:
    """An ISO date "YYYY-MM-DD" from a date, datetime, epoch number or common date string."""
    if isinstance(value, dt.datetime):
        return _checked(value.date())
    if isinstance(value, dt.date):
        return _checked(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        # ten-digit numbers are Unix seconds in JSON feeds; thirteen are milliseconds
        seconds = value / 1000 if value > 1e11 else value
        if 1e8 < seconds < 7e9:
            return _checked(dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date())
        value = str(int(value)) if float(value).is_integer() else str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _ISO_DATE.match(text + " ")
    if match:
        # the date as the writer dated it: "2025-11-19T23:30-08:00" stays the 19th
        try:
            return _checked(dt.date(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            return None
    return _parse_loose_date(text)


def _parse_loose_date(text: str) -> str | None:
    """RFC 2822 and human-written dates; only with a year, so nothing resolves against today."""
    compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
    if compact:
        try:
            return _checked(dt.date(int(compact[1]), int(compact[2]), int(compact[3])))
        except ValueError:
            return None
    if not _HAS_YEAR.search(text) or len(text) > 80:
        return None
    from email.utils import parsedate_to_datetime

    try:
        return _checked(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={
        "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "MDY"})
    return _checked(parsed.date()) if parsed else None


def _checked(date: dt.date) -> str | None:
    return date.isoformat() if date.year in _YEARS else None


def guess_title(text: str, boilerplate: Sequence[re.Pattern[str]] = ()) -> str | None:
    """The first non-empty line when it reads like a headline: short, no final period."""
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped or any(p.fullmatch(stripped) for p in boilerplate):
            continue
        candidate = re.sub(r"^#{1,6}\s+", "", stripped).strip("*_ ").strip()
        words = candidate.split()
        # a final period only ends a headline that closes on an abbreviation: "... from U.S."
        final_period = candidate.endswith(".") and not re.search(r"\b(?:[A-Z]\.){2,}$", candidate)
        if (2 <= len(words) <= _HEADLINE_MAX_WORDS and len(candidate) <= _HEADLINE_MAX_CHARS
                and not final_period and candidate[-1] not in ",;:"):
            return candidate
        return None
    return None

