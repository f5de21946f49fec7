"""The lexical part of the line model: stable hashing, the features of a line, the scores
and their explanation, and the weights file shipped with the package."""

from __future__ import annotations

import zlib

import numpy as np
import pytest

from conftest import BODY, BODY_DE, BODY_ES
from corpuskit import clean_text
from corpuskit.linefeatures import CONTEXT, INTRINSIC
from corpuskit.linelexical import (
    LexicalModel,
    default_lexicon,
    hashed_lines,
    pair_hash,
    rows_of,
    word_features,
)
from corpuskit.linemodel import LineModel, Stage, default_model
from corpuskit.rules.model import using_model


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


def test_the_shipped_model_names_its_lexical_weights_or_none():
    model = default_model()
    assert (model.lexical is None) == (default_lexicon() is None)
    assert LineModel.from_dict(model.to_dict()).lexical is model.lexical


def _lexical_line_model(lexical: LexicalModel) -> LineModel:
    """A model that reads the lexical score alone (log-odds = the lexical score)."""
    stages = []
    for names in (INTRINSIC, INTRINSIC + CONTEXT):
        coef = np.zeros(len(names))
        coef[names.index("lexical")] = 1.0
        stages.append(Stage(names, np.zeros(len(names)), np.ones(len(names)), coef, 0.0))
    return LineModel(stages, 0.7, 0.5, {}, lexical)


PITCHES = [
    ("Get our free daily newsletter every morning.", BODY),
    ("Unser Newsletter kommt jeden Morgen kostenlos.", BODY_DE),
    ("Recibe nuestra newsletter gratuita cada mañana.", BODY_ES),
]


@pytest.mark.parametrize(("pitch", "body"), PITCHES)
def test_finding_names_the_words_that_pushed_the_line_out(pitch, body):
    mask = (1 << 20) - 1  # buckets enough that no other word of the page shares one
    lexical = LexicalModel(20, np.array([zlib.crc32(b"newsletter") & mask]), np.array([20.0]), -2.0)
    with using_model(_lexical_line_model(lexical)):
        result = clean_text(f"{body}\n\n{body}\n\n{pitch}\n")
    finding = next(f for f in result.report.findings if f.code == "B301" and f.text == pitch)
    assert finding.action == "removed"
    assert "words: newsletter (+" in finding.message
    assert pitch not in result.record.text and result.record.text.count(body) == 2
