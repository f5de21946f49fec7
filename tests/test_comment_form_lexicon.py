"""Comment-form notes, comment-status lines and newsletter sign-ups of common site
templates in many languages (B109): the template line goes, the same words inside a
sentence of the article stay."""

from __future__ import annotations

import pytest

from conftest import BODY, BODY_DE, BODY_ES, BODY_FR, BODY_PL
from corpuskit import clean_text

TEMPLATE_LINES = [
    ("en", "Your email address will not be published. Required fields are marked *"),
    ("de", "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert"),
    ("fr", "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *"),
    (
        "es",
        "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *",
    ),
    ("it", "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *"),
    ("pt", "O seu endereço de email não será publicado. Campos obrigatórios são marcados com *"),
    ("nl", "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *"),
    ("pl", "Twój adres e-mail nie zostanie opublikowany. Wymagane pola są oznaczone *"),
    ("en", "This site uses Akismet to reduce spam. Learn how your comment data is processed."),
    ("de", "Diese Website verwendet Akismet, um Spam zu reduzieren."),
    ("nl", "Deze site gebruikt Akismet om spam te verminderen."),
    ("de", "Die Kommentarfunktion ist geschlossen."),
    ("fr", "Les commentaires sont fermés."),
    ("it", "I commenti sono chiusi."),
    ("es", "Debes iniciar sesión para publicar un comentario."),
    ("pl", "Musisz się zalogować, aby móc dodać komentarz."),
    ("de", "Kostenlos zum Newsletter anmelden und nichts mehr verpassen"),
    ("en", "Join our newsletter"),
]
BODIES = {"de": BODY_DE, "fr": BODY_FR, "es": BODY_ES, "pl": BODY_PL}


@pytest.mark.parametrize(("lang", "line"), TEMPLATE_LINES)
def test_template_line_below_the_article_goes(lang, line):
    body = BODIES.get(lang, BODY)
    result = clean_text(f"{body}\n\n{body}\n\n{line}\n")
    assert line not in result.record.text
    assert any(f.code == "B109" and f.text == line and f.action == "removed" for f in result.report.findings)


IN_SENTENCES = [
    ("en", "The court ruled that your email address will not be published without consent, the judge said."),
    (
        "de",
        "Der Verlag teilte mit, die Kommentare sind geschlossen worden, als die Debatte eskalierte.",
    ),
    ("fr", "Le maire a rappelé que les commentaires sont fermés pendant la campagne électorale municipale."),
    (
        "es",
        "El alcalde explicó que los comentarios están cerrados durante la campaña electoral en la ciudad.",
    ),
    ("pl", "Burmistrz powiedział, że komentarze są wyłączone na czas kampanii wyborczej w mieście."),
]


@pytest.mark.parametrize(("lang", "sentence"), IN_SENTENCES)
def test_the_words_inside_a_sentence_stay(lang, sentence):
    body = BODIES.get(lang, BODY)
    doc = f"{body}\n\n{sentence}\n\n{body}\n"
    result = clean_text(doc)
    assert sentence in result.record.text
    assert not any(f.code == "B109" for f in result.report.findings)
