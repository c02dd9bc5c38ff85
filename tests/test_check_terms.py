"""Story similarity without scikit-learn: the same scores as the report's TF-IDF."""
from __future__ import annotations

from collections import Counter

import pytest

from reconcile.check.terms import (english_stop_words, lead_terms, query_terms, similarity,
                                   vector, weights_for)
from reconcile.model import Source

ARTICLES = [
    Source("a", "a.md", "The harbour council approved a $45 million sea wall on Monday to "
                        "protect the Port Ellery waterfront.", title="Council backs sea wall"),
    Source("b", "b.md", "Port Ellery's council voted for a sea wall worth $54 million to hold "
                        "back winter storms on the waterfront.", title="Sea wall vote"),
    Source("c", "c.md", "The island ferry adds a second boat in June, carrying 400 passengers "
                        "a day.", title="Ferry adds a boat"),
    Source("d", "d.md", "Storms closed the ferry crossing twice this winter; the council said "
                        "a wall would help.", title="Winter storms and the ferry"),
]


def test_check_terms_cosine_equals_scikit_learn_tfidf():
    from sklearn.feature_extraction.text import TfidfVectorizer

    from reconcile.cluster import lead_text

    words = english_stop_words()
    terms = [lead_terms(s, words) for s in ARTICLES]
    frequencies = Counter(t for ts in terms for t in ts)
    weights = weights_for(terms, frequencies, len(ARTICLES))
    vectors = {s.id: vector(t, weights) for s, t in zip(ARTICLES, terms)}
    ours = similarity(vectors)(ARTICLES, 0.0)
    # the settings of reconcile.cluster.similarity_pairs
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1,
                             token_pattern=r"(?u)\b[A-Za-z][A-Za-z0-9\-]+\b").fit_transform(
        [lead_text(s) for s in ARTICLES])
    theirs = (matrix @ matrix.T).toarray()
    for i in range(len(ARTICLES)):
        for j in range(i + 1, len(ARTICLES)):
            assert ours.get((i, j), 0.0) == pytest.approx(theirs[i, j], abs=1e-9)
    assert ours[(0, 1)] > ours.get((0, 2), 0.0)  # the two sea wall stories are closest


def test_check_terms_query_prefers_distinctive_words():
    terms = {"council": 3, "wall": 1, "ellery": 1}
    weights = {"council": 1.0, "wall": 2.5, "ellery": 9.0}  # council: (1 + ln 3) * 1.0 = 2.1
    assert query_terms(terms, weights, 2) == ["ellery", "wall"]
