"""The lexical part of the line model: stable hashing, the features of a line, the scores
and their explanation, and the weights file shipped with the package."""

from __future__ import annotations

import zlib

import numpy as np
import pytest

from conftest import BODY, BODY_DE, BODY_ES, BODY_FR, BODY_PL
from corpuskit import clean_text
from corpuskit.linelexical import (
    LexicalModel,
    default_lexicon,
    hashed_lines,
    pair_hash,
    rows_of,
    word_features,
)
from corpuskit.linemodel import default_model


def test_hashes_are_stable_crc32():
    _, hashes = hashed_lines(["newsletter"], np.array([1]))
    assert hashes.tolist() == [zlib.crc32(b"newsletter")] == [2122679752]
    assert pair_hash(1, 2) == pair_hash(1, 2) != pair_hash(2, 1)


@pytest.mark.parametrize(
    ("word", "features"),
    [
        ("newsletter", ["newsletter"]),
        ("2024", ["0000"]),
        ("covid-19", ["covid-00"]),
        ("abonnieren", ["abonnieren"]),
        ("ニュース", ["ニュ", "ュー", "ース"]),
        ("ข่าวสาร", ["ข่", "่า", "าว", "วส", "สา", "าร"]),
    ],
)
def test_word_features(word, features):
    assert word_features(word) == features


def test_pairs_stay_within_a_line():
    owner, hashes = hashed_lines(["sign", "up", "today", "now"], np.array([2, 2]))
    assert owner.tolist() == [0, 0, 1, 1, 0, 1]  # four words, then one pair per line
    indptr, buckets, values = rows_of(owner, hashes, 2, 18)
    assert indptr.tolist() == [0, 3, 6] and len(set(buckets.tolist())) == 6
    assert np.allclose(values, 1 / np.sqrt(3))


def _toy() -> LexicalModel:
    mask = (1 << 10) - 1
    weights = {zlib.crc32(b"newsletter") & mask: 2.0, zlib.crc32(b"said") & mask: -1.0}
    buckets = np.array(sorted(weights))
    return LexicalModel(10, buckets, np.array([weights[b] for b in buckets]), -0.5)


def test_scores_and_top_words():
    model = _toy()
    scores = model.score_texts([["newsletter"], ["she", "said"], []])
    assert np.allclose(scores, [2.0 / np.sqrt(1) - 0.5, -1.0 / np.sqrt(3) - 0.5, -0.5])
    assert model.top_words(["Our", "Newsletter"]) == [("newsletter", 2.0)]
    assert model.top_words(["She", "said"]) == []


def test_round_trip_through_arrays_keeps_float16_weights():
    model = _toy()
    again = LexicalModel.from_arrays(model.to_arrays())
    assert again.bits == 10 and again.buckets.tolist() == model.buckets.tolist()
    assert np.allclose(again.weights, model.weights, atol=1e-3)


def test_shipped_weights_load_and_are_used_by_the_line_model():
    lexicon = default_lexicon()
    assert lexicon is not None and lexicon.weights.dtype == np.float32
    assert default_model().lexical is lexicon


PITCHES = [  # not in the phrase lexicons: the line model alone has to notice them
    "Get the best stories in your inbox every morning with our free daily newsletter.",
    "Unser Newsletter bringt Ihnen jeden Morgen die wichtigsten Nachrichten kostenlos ins Postfach.",
    "Recibe cada mañana nuestra newsletter gratuita con las noticias más importantes.",
]


@pytest.mark.parametrize("body", [BODY, BODY_DE, BODY_FR, BODY_ES, BODY_PL])
def test_article_text_scores_below_a_newsletter_pitch(body):
    lexicon = default_lexicon()
    pitch = lexicon.score_texts([PITCHES[0].lower().split()])[0]
    assert lexicon.score_texts([body.lower().split()])[0] < pitch


@pytest.mark.parametrize(("pitch", "body"), zip(PITCHES, [BODY, BODY_DE, BODY_ES], strict=True))
def test_finding_names_the_words_that_pushed_the_line_out(pitch, body):
    doc = f"{body}\n\n{body}\n\n{body}\n\n{pitch}\n"
    result = clean_text(doc)
    finding = next(f for f in result.report.findings if f.code == "B301" and f.text == pitch)
    assert "words: " in finding.message and "newsletter" in finding.message
