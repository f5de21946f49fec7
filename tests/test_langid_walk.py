"""The vectorized feature walk counts exactly what py3langid's byte-by-byte walk counts,
so language scores stay bit for bit the same."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from py3langid.langid import visit_counts

from corpuskit.langid_walk import FeatureWalk
from corpuskit.metadata import _identifier

TEXTS = [
    "",
    "a",
    "The council met on Tuesday evening to discuss the new budget for the library.",
    "Der Gemeinderat hat am Dienstagabend über den neuen Haushalt beraten.",
    "Совет собрался во вторник вечером, чтобы обсудить новый бюджет.",
    "市议会周二晚上开会讨论图书馆的新预算。",
    "Kommunestyret møttes tirsdag kveld for å diskutere det nye budsjettet. " * 20,
]


@pytest.fixture(scope="module")
def identifier():
    return _identifier()


def _walked(ident, data: bytes):
    return visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, data)


@pytest.mark.parametrize("text", TEXTS)
def test_counts_like_the_byte_walk(identifier, text):
    data = text.encode("utf-8")
    walk = FeatureWalk(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output)
    counted, walked = walk.counts(data), _walked(identifier, data)
    assert (counted is None) == (walked is None)
    if walked is not None:
        assert list(counted.items()) == list(walked.items())  # same order: same float sums


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_counts_like_the_byte_walk_on_any_bytes(identifier, data):
    walk = FeatureWalk(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output)
    counted, walked = walk.counts(data), _walked(identifier, data)
    assert (None if counted is None else list(counted.items())) == (
        None if walked is None else list(walked.items())
    )


def test_too_shallow_a_depth_falls_back_to_the_walk(identifier):
    data = "Le conseil municipal s'est réuni mardi soir.".encode()
    shallow = FeatureWalk(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, depth=2)
    assert shallow.states(data) is None
    assert list(shallow.counts(data).items()) == list(_walked(identifier, data).items())


def test_scores_are_identical(identifier):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for text in TEXTS:
        assert np.array_equal(identifier._decide(text), reference._decide(text))
