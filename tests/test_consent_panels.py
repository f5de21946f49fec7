"""B110 on consent managers' settings panels and on the placeholders of blocked embeds:
their headers go when alone on a line, their standard sentences wherever they stand; an
article about cookie law keeps its sentences."""

from __future__ import annotations

import pytest

from conftest import BODY, BODY_DE, BODY_ES, BODY_FR, BODY_PL, around, removed_by
from corpuskit import clean_text

PANEL_LINES = [
    ("Strictly Necessary Cookies", BODY),
    ("Targeting Cookies", BODY),
    ("Cookie Preferences", BODY),
    (
        "If you do not allow these cookies, you will experience less targeted advertising.",
        BODY,
    ),
    (
        "You can set your browser to block or alert you about these cookies, but some parts "
        "of the site will not then work.",
        BODY,
    ),
    ("This cookie is set by GDPR Cookie Consent plugin.", BODY),
    ("Funktionale Cookies", BODY_DE),
    ("Alle Cookies ablehnen", BODY_DE),
    ("Datenschutzeinstellungen verwalten", BODY_DE),
    ("Mit dem Laden des Videos akzeptieren Sie die Datenschutzerklärung von YouTube.", BODY_DE),
    (
        "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine "
        "Verbindung zu Twitter her.",
        BODY_DE,
    ),
    ("Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.", BODY_DE),
    ("Cookies strictement nécessaires", BODY_FR),
    ("Refuser tous les cookies", BODY_FR),
    ("Rechazar todas las cookies", BODY_ES),
    ("Este sitio web usa cookies para mejorar su experiencia.", BODY_ES),
    ("Niezbędne pliki cookie", BODY_PL),
]


@pytest.mark.parametrize(("line", "body"), PANEL_LINES, ids=[line[:30] for line, _ in PANEL_LINES])
def test_consent_panel_lines_go(line, body):
    assert removed_by(around(line, body), line) == {"B110"}


COOKIE_LAW_SENTENCES = [
    "Strictly necessary cookies do not need consent, the court ruled on Tuesday.",
    "Sites may set performance cookies only after asking, the regulator said.",
    "Nur notwendige Cookies dürfen ohne Zustimmung gesetzt werden, entschied das Gericht.",
    "Nutzer können alle Cookies ablehnen, ohne Nachteile zu haben, sagt die Verbraucherzentrale.",
    "Les cookies strictement nécessaires sont exemptés de consentement, rappelle la CNIL.",
    "Los usuarios deben poder rechazar todas las cookies con un solo clic, según la agencia.",
]


@pytest.mark.parametrize("sentence", COOKIE_LAW_SENTENCES)
def test_sentences_about_cookies_stay(sentence):
    text = around(sentence, BODY)
    assert sentence in clean_text(text).record.text
