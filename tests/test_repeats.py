"""B302, lines recurring across the corpus: positives and negatives in several languages
(none from the seeds), on hand-made line tables."""

from __future__ import annotations

import numpy as np
import pytest

from conftest import BODY, BODY_DE, BODY_ES, BODY_FR, BODY_PL
from corpuskit import clean_text
from corpuskit.config import Config
from corpuskit.linefreq import LineTable, line_hash


def _table(lines: list[str], documents: int) -> LineTable:
    hashes = np.array(sorted(line_hash(line) for line in lines), dtype=np.uint64)
    return LineTable(hashes, np.full(len(hashes), documents, dtype=np.uint32), documents)


def b302(text: str, line: str, documents: int, config: Config | None = None) -> list[str]:
    result = clean_text(text, line_table=_table([line], documents), config=config)
    return [f.action for f in result.report.findings if f.code == "B302" and f.text == line]


def _doc(body: str, line: str) -> str:
    return f"{body}\n\n{line}\n\n{body}\n"


CHROME = [
    ("Alle Ratgeber auf einen Blick", BODY_DE),
    ("Nos newsletters thématiques", BODY_FR),
    ("Las claves del fin de semana", BODY_ES),
    ("Najczęściej czytane w regionie", BODY_PL),
    ("Weekend events near you", BODY),
]


@pytest.mark.parametrize(("line", "body"), CHROME)
def test_short_line_in_many_documents_goes(line, body):
    doc = _doc(body, line)
    without_model = Config(ignore=["B301"])  # the model runs first and may take it itself
    assert b302(doc, line, 51, without_model) == ["removed"]
    assert line not in clean_text(doc, line_table=_table([line], 51)).record.text


@pytest.mark.parametrize(("line", "body"), CHROME)
def test_line_in_few_documents_or_without_a_table_is_left_to_the_model(line, body):
    doc = _doc(body, line)
    assert b302(doc, line, 50) == []  # 49 other documents: below the bar
    assert [f for f in clean_text(doc).report.findings if f.code == "B302"] == []


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("Das Rathaus bleibt am Montag geschlossen.", BODY_DE),
        ("La mairie sera fermée lundi.", BODY_FR),
        ("The town hall is closed on Monday.", BODY),
    ],
)
def test_recurring_sentence_is_flagged_not_removed(line, body):
    doc = _doc(body, line)
    without_model = Config(ignore=["B301"])  # the model may still take it out
    assert b302(doc, line, 400, without_model) == ["flagged"]
    assert line in clean_text(doc, line_table=_table([line], 400), config=without_model).record.text


@pytest.mark.parametrize("body", [BODY, BODY_DE, BODY_FR, BODY_ES, BODY_PL])
def test_recurring_paragraph_is_not_counted(body):
    doc = f"{body}\n\n{body}\n"
    result = clean_text(doc, line_table=_table([body], 400))
    assert [f for f in result.report.findings if f.code == "B302"] == []
    assert result.record.text == doc


@pytest.mark.parametrize(
    ("line", "body"),
    [("6", BODY_DE), ("2024", BODY), ("12.03.2023", BODY_FR), ("1 – 3", BODY_ES)],
)
def test_a_line_of_digits_alone_is_not_counted(line, body):
    # it folds to the key of every number of its shape: a count of numbers, not of the line
    without_model = Config(ignore=["B301"])
    assert b302(_doc(body, line), line, 500, without_model) == []
