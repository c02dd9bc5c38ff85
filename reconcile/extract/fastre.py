"""Regex building blocks that keep the extractors fast without changing what they match.

Python's `re` tries the branches of an alternation one after another at every position, so a
pattern listing 300 unit names or 80 date words spends most of its time failing. Helpers:

- `trie_alternation` writes a list of literal words as a prefix tree ("k(?:m|g)" instead of
  "km|kg"): at most one branch is tried per character, and the longest word still wins.
- `first_chars` / `skip_ahead` learn which characters a match can begin with, so a scan can
  skip every other position with one cheap character-class test.
- `lowercase_twin` / `Caseless` run a case-insensitive pattern as a case-sensitive one over the
  lower-cased text where that is exact (ASCII text), which `re` runs much faster.
- `required_words` learns words one of which any text a pattern matches in holds, so that a
  search can be skipped with a few substring tests.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

try:  # the regex parser, to learn which characters a pattern can begin with
    import re._parser as _sre_parse
except ImportError:  # Python < 3.11
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_END = ""  # the key that marks "a word ends here" in a trie node


def trie_alternation(words: Iterable[str], ignore_case: bool = False) -> str:
    """A regex matching the same words as their longest-first alternation, as a prefix tree.

    With `ignore_case` the words are folded to lower case (compile the result with
    re.IGNORECASE). Words whose letters the regex engine would treat as one letter under
    IGNORECASE without `lower()` folding them alike ("µ" and "μ") keep the plain alternation,
    since the tree relies on at most one branch matching each character."""
    words = sorted({w.lower() if ignore_case else w for w in words if w}, key=len, reverse=True)
    if not words:
        return "(?!)"
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    if ignore_case and _ambiguous(root):
        return "|".join(re.escape(w) for w in words)
    return _emit(root)


def _emit(node: dict) -> str:
    """The regex of one trie node: longer continuations first, then the end of a word."""
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if _END in node:
        if not branches:
            return ""
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _ambiguous(node: dict) -> bool:
    """True when two branches of a node may match the same character case-insensitively."""
    chars = [c for c in node if c]
    for i, a in enumerate(chars):
        for b in chars[i + 1:]:
            if re.fullmatch(re.escape(a), b, re.IGNORECASE):
                return True
    return any(_ambiguous(child) for child in node.values())


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of the pattern can begin with (lower-cased under IGNORECASE);
    None when unknown.

    Only used to skip positions where a pattern cannot match (a speed-up), so anything this
    cannot analyse counts as "may begin with anything"."""
    try:
        parsed = _sre_parse.parse(pattern, flags)
        fold = str.lower if parsed.state.flags & re.IGNORECASE else str
        found = _first_of(list(parsed), fold)
    except Exception:  # noqa: BLE001 - an unknown regex construct only disables the filter
        return None
    if found is None or any(len(c) != 1 for c in found):
        return None  # "İ" lowers to two characters: no class can hold it
    return frozenset(found)


def _first_of(items: list, fold) -> set[str] | None:
    """First characters of a sequence of parsed regex items (None: any character)."""
    chars: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name in ("ASSERT_NOT", "ASSERT", "AT"):
            continue  # zero width: the next item decides
        if name == "LITERAL":
            return chars | {fold(chr(arg))}
        if name == "IN":
            for sub_op, sub_arg in arg:
                if str(sub_op) == "LITERAL":
                    chars.add(fold(chr(sub_arg)))
                elif str(sub_op) == "RANGE":
                    chars.update(fold(chr(c)) for c in range(sub_arg[0], sub_arg[1] + 1))
                elif str(sub_op) == "CATEGORY" and str(sub_arg) == "CATEGORY_DIGIT":
                    chars.update("0123456789")
                else:
                    return None
            return chars
        if name == "SUBPATTERN":
            if arg[1] or arg[2]:
                return None  # "(?i:...)": flags of its own
            inner = _first_of(list(arg[-1]), fold)
            if inner is None:
                return None
            return chars | inner
        if name == "BRANCH":
            for branch in arg[1]:
                inner = _first_of(list(branch), fold)
                if inner is None:
                    return None
                chars |= inner
            return chars
        if name in ("MAX_REPEAT", "MIN_REPEAT"):
            inner = _first_of(list(arg[2]), fold)
            if inner is None:
                return None
            chars |= inner
            if arg[0] > 0:
                return chars
            continue  # optional: what follows may come first
        return None
    return None  # the pattern may match the empty string


def skip_ahead(pattern: str, flags: int = 0) -> str:
    """The pattern behind a lookahead for the characters it can begin with, or unchanged.

    "(?=[abc])(?:...)" matches exactly what the pattern matches (compiled with the same
    flags, the class folds case as the pattern's own letters do); a scan then rejects most
    positions with one class test instead of trying every branch there."""
    chars = first_chars(pattern, flags)
    if not chars:
        return pattern
    klass = "".join(re.escape(c) for c in sorted(chars))
    return f"(?=[{klass}])(?:{pattern})"


def lowercase_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The IGNORECASE pattern compiled without IGNORECASE, when that twin run over
    `text.lower()` matches exactly the spans the pattern matches over `text` for every ASCII
    text; None when this cannot be vouched for.

    Why: `re` compares every letter of an IGNORECASE pattern through a case-folding table and
    cannot skip the branches of an alternation by their first letter, so a case-sensitive scan
    of the lower-cased text runs two to three times faster. An ASCII text lower-cases letter by
    letter (same length, same offsets, same word characters), so the twin is exact when each
    character or class of the pattern matches the same ASCII characters either way (no
    upper-case letter, say), and the pattern has no flags of its own and no back-reference;
    anything this cannot read keeps the plain pattern. Only spans and whether there is a match
    carry over: the twin's groups hold lower-cased text."""
    if not pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
        if not _folds_alike(list(parsed), pattern.flags):
            return None
        twin = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    except Exception:  # noqa: BLE001 - an unknown regex construct only disables the twin
        return None
    return None if twin.flags & re.IGNORECASE else twin  # a "(?i)" of its own: no twin


def _folds_alike(items: list, flags: int) -> bool:
    """Whether parsed regex items match a lower-cased ASCII text case-sensitively as they
    match the text itself under IGNORECASE (see `lowercase_twin`)."""
    for op, arg in items:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL", "IN"):
            if not _atom_folds_alike(_atom_source(name, arg), flags):
                return False
        elif name in ("ANY", "AT"):
            continue  # "." and \b, ^, $ read no letter's case
        elif name == "BRANCH":
            if not all(_folds_alike(list(branch), flags) for branch in arg[1]):
                return False
        elif name == "SUBPATTERN":
            if arg[1] or arg[2] or not _folds_alike(list(arg[3]), flags):
                return False  # "(?i:...)", "(?-i:...)": flags of its own
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            if not _folds_alike(list(arg[2]), flags):
                return False
        elif name in ("ASSERT", "ASSERT_NOT"):
            if not _folds_alike(list(arg[1]), flags):
                return False
        elif name == "ATOMIC_GROUP":
            if not _folds_alike(list(arg), flags):
                return False
        else:
            return False  # back-references and anything newer: not vouched for
    return True


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
               "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


def _atom_source(name: str, arg) -> str:
    """A parsed one-character item (a character, "[^x]" or a class) as regex source."""
    if name == "LITERAL":
        return re.escape(chr(arg))
    if name == "NOT_LITERAL":
        return "[^" + re.escape(chr(arg)) + "]"
    parts = []
    for sub_op, sub_arg in arg:
        sub = str(sub_op)
        if sub == "NEGATE":
            parts.insert(0, "^")
        elif sub == "LITERAL":
            parts.append(re.escape(chr(sub_arg)))
        elif sub == "RANGE":
            parts.append(re.escape(chr(sub_arg[0])) + "-" + re.escape(chr(sub_arg[1])))
        elif sub == "CATEGORY" and str(sub_arg) in _CATEGORIES:
            parts.append(_CATEGORIES[str(sub_arg)])
        else:
            raise ValueError(f"unknown class item {sub}")
    return "[" + "".join(parts) + "]"


@lru_cache(maxsize=1024)
def _atom_folds_alike(source: str, flags: int) -> bool:
    """Whether the one-character regex matches each ASCII character under IGNORECASE exactly
    when it matches that character lower-cased without: tried on all 128 of them, so this
    holds for any letter, class or flag combination the regex engine knows."""
    folding = re.compile(source, flags)
    plain = re.compile(source, flags & ~re.IGNORECASE)
    return all((folding.fullmatch(char) is None) == (plain.fullmatch(char.lower()) is None)
               for char in map(chr, range(128)))


def required_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which every text the pattern matches in holds (a match, or what its
    lookarounds read); None when no such set is known. For a case-sensitive pattern.

    Why: `"this" in text` costs a fraction of a regex scan, so a search can be skipped where
    none of the words occurs. Only used to skip work, so anything this cannot analyse (a
    class, a repeat that may be empty, a negative lookaround) requires nothing."""
    if flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parse.parse(pattern, flags)
        if parsed.state.flags & re.IGNORECASE:
            return None  # a "(?i)" of its own
        return _required(list(parsed))
    except Exception:  # noqa: BLE001 - an unknown regex construct only disables the filter
        return None


def _required(items: list) -> frozenset[str] | None:
    """The best requirement of a sequence: one of its items' (or runs of characters') word
    sets, the one whose shortest word is longest (the rarer it is, the more it skips)."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in [*items, (None, None)]:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(arg))
            continue
        if run:
            candidates.append(frozenset({"".join(run)}))
            run = []
        found = _required_of(name, arg) if op is not None else None
        if found:
            candidates.append(found)
    if not candidates:
        return None
    return max(candidates, key=lambda words: (min(map(len, words)), -len(words)))


def _required_of(name: str, arg) -> frozenset[str] | None:
    if name == "BRANCH":
        sets = [_required(list(branch)) for branch in arg[1]]
        return None if any(s is None for s in sets) else frozenset().union(*sets)
    if name == "SUBPATTERN":
        return None if arg[1] or arg[2] else _required(list(arg[3]))
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return _required(list(arg[2])) if arg[0] >= 1 else None
    if name == "ASSERT":
        return _required(list(arg[1]))  # what a lookaround reads is in the text too
    if name == "ATOMIC_GROUP":
        return _required(list(arg))
    return None


@dataclass(frozen=True)
class Caseless:
    """An IGNORECASE pattern and its lower-case twin (see `lowercase_twin`), if it has one."""

    pattern: re.Pattern[str]
    twin: re.Pattern[str] | None

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> Caseless:
        return cls(pattern, lowercase_twin(pattern))

    def over(self, text: str) -> tuple[re.Pattern[str], str]:
        """The pattern to run and the text to run it over, at the same offsets: the twin over
        the lower-cased text when the text is ASCII, else the pattern over the text."""
        if self.twin is not None and text.isascii():
            return self.twin, text.lower()
        return self.pattern, text
