"""The words of an article's title and opening, and TF-IDF similarity weighted by the archive.

`reconcile report` scores story similarity with scikit-learn's TF-IDF over the articles it was
given. `check` compares a new article with an archive it does not read, and must answer in well
under a second, which rules out importing scikit-learn (about 2 s on its own). So the archive
index keeps each article's term counts and the archive's document frequencies, and this module
computes the same kind of score: lower-cased tokens of the same pattern, English stop words
removed, sublinear term frequency, smoothed IDF, cosine of L2-normalised vectors. The IDF comes
from the whole archive, which is what a report over the archive and the new article would use.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from reconcile.cluster import lead_text
from reconcile.model import Source

# The token pattern of reconcile.cluster.similarity_pairs, so both score the same words.
TOKEN = re.compile(r"(?u)\b[A-Za-z][A-Za-z0-9\-]+\b")

Vector = dict[str, float]
PairScores = dict[tuple[int, int], float]


def english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop words, the list report's clustering removes.

    Needed only when an index is created (the list is then stored in the index). The list is
    read from scikit-learn's source file without importing the package, which takes seconds;
    if that file ever moves, the import does it."""
    import ast
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("sklearn")  # a top-level lookup imports nothing
    if spec is not None and spec.origin:
        source = Path(spec.origin).parent / "feature_extraction" / "_stop_words.py"
        try:
            for node in ast.parse(source.read_text(encoding="utf-8")).body:
                if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                        and any(getattr(t, "id", "") == "ENGLISH_STOP_WORDS"
                                for t in node.targets)):
                    words = ast.literal_eval(node.value.args[0])
                    if words and all(isinstance(w, str) for w in words):
                        return frozenset(words)
        except (OSError, SyntaxError, ValueError, IndexError):
            pass
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def lead_terms(source: Source, stop_words: frozenset[str]) -> dict[str, int]:
    """How often each word occurs in the article's title and opening (stop words left out)."""
    counts = Counter(token for token in TOKEN.findall(lead_text(source).lower())
                     if token not in stop_words)
    return dict(sorted(counts.items()))


def idf(document_frequency: int, documents: int) -> float:
    """Smoothed inverse document frequency, as scikit-learn's TfidfVectorizer computes it."""
    return math.log((1 + documents) / (1 + document_frequency)) + 1.0


def vector(terms: Mapping[str, int], weights: Mapping[str, float]) -> Vector:
    """An L2-normalised TF-IDF vector with sublinear term frequency (1 + ln tf)."""
    raw = {term: (1.0 + math.log(count)) * weights[term] for term, count in terms.items()
           if count > 0 and term in weights}
    norm = math.sqrt(sum(value * value for value in raw.values()))
    return {term: value / norm for term, value in raw.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two normalised vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b[term] for term, value in a.items() if term in b)


def weights_for(term_sets: Iterable[Mapping[str, int]], frequencies: Mapping[str, int],
                documents: int) -> dict[str, float]:
    """IDF of every term of `term_sets`, from the archive's document frequencies."""
    terms = {term for terms in term_sets for term in terms}
    return {term: idf(frequencies.get(term, 0), documents) for term in terms}


def similarity(vectors: Mapping[str, Vector]) -> Callable[[Sequence[Source], float], PairScores]:
    """A pair scorer for reconcile.cluster.cluster_sources over precomputed vectors by source id."""

    def pairs(sources: Sequence[Source], threshold: float) -> PairScores:
        found: PairScores = {}
        for i, first in enumerate(sources):
            a = vectors.get(first.id, {})
            for j in range(i + 1, len(sources)):
                score = cosine(a, vectors.get(sources[j].id, {}))
                if score >= threshold:
                    found[(i, j)] = score
        return found

    return pairs


def query_terms(terms: Mapping[str, int], weights: Mapping[str, float], limit: int) -> list[str]:
    """The most distinctive words of an article, to look its story up in the archive."""
    ranked = sorted(terms, key=lambda t: (-(1.0 + math.log(terms[t])) * weights.get(t, 0.0), t))
    return ranked[:limit]
