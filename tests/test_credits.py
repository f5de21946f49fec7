"""Photo credits written with a copyright sign (B103) and captions ending with their credit
(B114): positives and negatives in several languages."""

from __future__ import annotations

import pytest

from conftest import BODY, BODY_DE, BODY_ES, BODY_FR, BODY_JA, BODY_ZH, around, removed_by
from corpuskit import clean_text
from corpuskit.rules.captions import credit_at_end, photographer_at_end

CREDITS = [
    ("© Oli Scarff/Getty Images", BODY),
    ("© Bundesregierung/Steffen Kugler", BODY_DE),
    ("© Sergey Nivens – stock.adobe.com", BODY_FR),
    ("© Ivo Mayr / Correctiv", BODY_DE),
]


@pytest.mark.parametrize(("line", "body"), CREDITS)
def test_copyright_credit_removed(line, body):
    assert "B103" in removed_by(around(line, body), line)


def test_copyright_notice_is_the_source_not_a_credit():
    res = clean_text(f"{BODY}\n\n© 2024 Aftenposten")
    assert res.record.meta.source == "Aftenposten"
    assert "B103" not in {f.code for f in res.report.findings}


CAPTIONS = [
    ("Son tres los periodos de vacaciones durante el año escolar. Foto: Andina", BODY_ES),
    ("Der Abgeordnete im Landtag am Dienstag. (Foto: picture alliance/dpa)", BODY_DE),
    ("Le piquet de grève dans le hall de l’université / (C) Kab Niang", BODY_FR),
    ("The minister arrives at the summit. | © Augusta National/Getty Images", BODY),
    ("WeWork chairman Marcelo Claure (Credit: Getty Images)", BODY),
    ("Demonstranten vor dem Rathaus in Trier. Bild: Stadt Trier", BODY_DE),
    # Japanese and Chinese captions end with the photographer's name and "taken by"
    ("記者会見する首相＝東京都千代田区で2024年5月1日、山田太郎撮影", BODY_JA),
    ("記者会見する首相（1日、首相官邸で）＝山田太郎撮影", BODY_JA),
    ("5月1日，游客在北京天坛公园游览。新华社记者 李贺 摄", BODY_ZH),
    ("游客在天坛公园游览（张三 摄）", BODY_ZH),
]


@pytest.mark.parametrize(("line", "body"), CAPTIONS)
def test_caption_with_its_credit_removed(line, body):
    assert "B114" in removed_by(around(line, body), line)


KEPT = [
    # a colon after a credit word inside running text
    "We looked at the photo: it showed the river before the flood.",
    "Das Foto: ein Fluss im Frühling, kurz bevor das Hochwasser kam.",
    # a question or a sentence after the label
    "La photo : qui l'a prise, et pourquoi la publier maintenant ?",
    "Foto de familia: Los ministros posaron juntos. Después comenzó la reunión del consejo.",
    # a site's copyright notice is not a photo credit
    "Part of the Media Group. © 2024 Example Media, Inc. All rights reserved.",
    # the copyright sign inside a sentence
    "The logo carried a © sign, the court heard, although the design was never registered.",
]


@pytest.mark.parametrize("line", KEPT)
def test_no_credit_at_end(line):
    assert credit_at_end(line) is None
    assert "B114" not in removed_by(around(line, BODY), line)


def test_long_paragraph_ending_with_a_credit_stays():
    paragraph = " ".join([BODY] * 2) + " Foto: Andina"
    assert paragraph in clean_text(around(paragraph, BODY)).record.text


PHOTOGRAPHER_KEPT = [
    ("新作映画、京都で撮影", BODY_JA),  # a headline: no "＝", and "で撮影" is a verb's
    ("映画は京都で撮影された。", BODY_JA),
    ("5月1日＝東京都内で、山田太郎さんが撮影", BODY_JA),  # hiragana: a sentence, not a name
    ("纪录片在北京 现场拍摄", BODY_ZH),  # "拍摄", to film
    ("他在现场拍摄了大量照片。", BODY_ZH),
]


@pytest.mark.parametrize(("line", "body"), PHOTOGRAPHER_KEPT)
def test_no_photographer_at_end(line, body):
    assert photographer_at_end(line) is None
    assert "B114" not in removed_by(around(line, body), line)
