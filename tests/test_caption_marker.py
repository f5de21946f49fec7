"""Captions marked by a note in parentheses or an agency's archive tag (B124): positives
and negatives in several languages."""

from __future__ import annotations

import pytest

from conftest import BODY, BODY_DE, BODY_ES, BODY_FR, BODY_PL, around, removed_by
from corpuskit import clean_text
from corpuskit.rules.captions import caption_note, caption_tag

CAPTIONS = [
    ("Marcell Jansen (l.) und Piotr Trochowski haben einen guten Draht.", BODY_DE),
    ("Die Caritas-Präsidentin (2. von rechts) mit dem Vorstand in Berlin.", BODY_DE),
    ("Wer die Äste immer wieder auf die Wege zieht, ist unklar (Symbolbild).", BODY_DE),
    ("Taraji P. Henson (left) and Fantasia Barrino perform in a musical number.", BODY),
    ("The minister (second from left) at the opening of the new bridge.", BODY),
    ("Le maire (à gauche) et la préfète lors de l'inauguration du pont.", BODY_FR),
    ("El alcalde (izq.) y la ministra durante la inauguración del puente.", BODY_ES),
    ("Prezydent (z lewej) i minister podczas otwarcia nowego mostu.", BODY_PL),
    # an agency's archive tag opens the caption
    ("FILE - Tourists look out from the South Rim at the Grand Canyon, May 4, 2023.", BODY),
    ("FILE PHOTO: The logo of the company is seen at its headquarters in Paris, France.", BODY),
    ("ARCHIV - Ein Polizist sichert den Tatort in der Innenstadt von Köln.", BODY_DE),
    ("ARCHIVO - Turistas observan el Gran Cañón desde el borde sur, el 4 de mayo de 2023.", BODY_ES),
    ("ARCHIVES – Le maire lors de l'inauguration du nouveau pont en 2019.", BODY_FR),
    ("ARCHIWUM - Prezydent podczas otwarcia nowego mostu w Warszawie.", BODY_PL),
]


@pytest.mark.parametrize(("line", "body"), CAPTIONS)
def test_caption_with_a_note_or_an_archive_tag_removed(line, body):
    assert "B124" in removed_by(around(line, body), line)


KEPT = [
    # a unit or web links, not a place in a picture
    "Der Hubraum (l) und die Leistung (kW) stehen im Fahrzeugschein.",
    "Weitere Informationen finden Sie in unserer Sammlung (Links) zum Thema.",
    # a parenthesis that only begins with a direction
    "The switch (left on older models) turns the machine off.",
    "Il faut tourner (à gauche toute) avant le pont, dit le guide.",
    # a direction after a word, but not alone in its parenthesis
    "Die Straße führt danach (weiter links) in den Wald hinein.",
    # a note at the start of a line, after no word
    "(links) Wer hier abbiegt, kommt zum Bahnhof.",
    # a tag not in capitals: a menu, a label
    "File - Edit - View - Help",
    "Archiv: Alle Artikel des Jahres 2023 finden Sie hier in der Übersicht.",
    # a word in capitals without a dash or a colon after it
    "FILE sharing services were the first to be shut down by the court.",
    "ARCHIVO General de la Nación abre sus puertas al público este lunes.",
]


@pytest.mark.parametrize("line", KEPT)
def test_no_caption_mark(line):
    assert caption_note(line) is None and caption_tag(line) is None
    assert "B124" not in removed_by(around(line, BODY), line)


@pytest.mark.parametrize(
    ("opening", "body"),
    [
        ("Marcell Jansen (l.) und Piotr Trochowski spielten zusammen.", BODY_DE),
        ("FILE - The tribe held a blessing ceremony at the canyon.", BODY),
    ],
)
def test_long_paragraph_with_a_caption_mark_is_flagged_and_stays(opening, body):
    paragraph = opening + " " + " ".join([body] * 2)
    res = clean_text(around(paragraph, body))
    assert paragraph in res.record.text
    assert any(f.code == "B124" and f.action == "flagged" for f in res.report.findings)
