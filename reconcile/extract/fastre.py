"""Regex building blocks that keep the extractors fast without changing what they match.

Python's `re` tries the branches of an alternation one after another at every position, so a
pattern listing 300 unit names or 80 date words spends most of its time failing. Two helpers:

- `trie_alternation` writes a list of literal words as a prefix tree ("k(?:m|g)" instead of
  "km|kg"): at most one branch is tried per character, and the longest word still wins.
- `first_chars` / `skip_ahead` learn which characters a match can begin with, so a scan can
  skip every other position with one cheap character-class test.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

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
