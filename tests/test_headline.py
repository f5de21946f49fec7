"""Headline, byline and dateline found by their neighbours: the page title above, the
byline below the headline, the date by the byline; and nothing lifted when the evidence
is weak."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BODY, BODY_DE, BODY_ES, BODY_FR, BODY_NB, BODY_PL
from corpuskit import clean_text

ROOT = Path(__file__).resolve().parents[1]
NAV = "Home\nNews\nSport\nCulture\nOpinion\n"


def tz(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


@pytest.mark.parametrize(
    ("page_title", "headline", "body"),
    [
        # case and quote marks differ between the page's title and its headline
        ("'The Voice:' Duo Brings Houses to the Final", "‘The Voice:’ Duo Brings Houses to the Final", BODY),
        (
            "alabama lineman accused of spreading disease - Daily Planet",
            "Alabama Lineman Accused of Spreading Disease",
            BODY,
        ),
        # a title rewritten for search engines shares most of its words with the headline
        (
            "Grundschule in Oberdorf bekommt neue Turnhalle | Tagesblatt",
            "Grundschule in Oberdorf bekommt endlich eine neue Turnhalle",
            BODY_DE,
        ),
        (
            "Le conseil vote le budget de la bibliothèque",
            "Le conseil municipal vote le budget de la bibliothèque",
            BODY_FR,
        ),
    ],
)
def test_headline_found_by_the_page_title(page_title, headline, body):
    meta = clean_text(f"{page_title}\n{NAV}{headline}\n\n{body}").record.meta
    assert meta.title == headline


def test_headline_above_the_byline_with_a_deck_in_between():
    page = (
        "Budget night at the town hall | Daily Planet\n"
        + NAV
        + "Council backs the library budget for three years\n"
        "Members argued for hours before they agreed.\nBy\nJane Doe\nDec 21, 2023\n\n" + BODY
    )
    meta = clean_text(page).record.meta
    assert meta.title == "Council backs the library budget for three years"
    assert meta.authors == ["Jane Doe"]
    assert meta.published == dt.date(2023, 12, 21)


@pytest.mark.parametrize(
    "page",
    [
        # two headline-like lines above the byline: kicker or headline?
        "Budget night | Daily Planet\n" + NAV + "Library news in brief\nCouncil backs the library budget\n"
        "By Jane Doe\n\n" + BODY,
        # the line above the byline speaks of something else than the page's title
        "Budget night at the town hall | Daily Planet\n" + NAV + "Weekend weather brings more rain\n"
        "By Jane Doe\n\n" + BODY,
        # the only headline-like line is cut short
        "Hochwasser in Bayern: Pegel steigen weiter und weiter\nStartseite\n"
        "Hochwasser in Bayern: Pegel steigen\n\n" + BODY_DE,
        # the repeated line is the outlet's own name
        "El Diario de la Tarde\nPortada\nEl Diario de la Tarde\n\n"
        + BODY_ES
        + "\n\n© 2023 El Diario de la Tarde",
    ],
)
def test_no_headline_when_the_neighbours_disagree(page):
    assert clean_text(page).record.meta.title is None


@pytest.mark.parametrize(
    ("first_line", "body"),
    [("New Delhi", BODY), ("Key Points", BODY), ("Bad Tölz", BODY_DE), ("Molly Woo", BODY)],
)
def test_two_words_alone_above_the_text_are_no_title(first_line, body):
    """Two words with nothing else to go by (no page title, no byline) are a place name,
    a label or a name as often as a headline: they stay, and no title is lifted. So the
    text left below a lifted title is not given another title when cleaned again."""
    res = clean_text(f"{first_line}\n\n{body}\n")
    assert res.record.meta.title is None
    assert res.record.text == f"{first_line}\n\n{body}\n"


@pytest.mark.parametrize(
    ("first_line", "body"),
    [("Council backs the library", BODY), ("Neue Turnhalle für Oberdorf", BODY_DE)],
)
def test_a_headline_alone_above_the_text_is_the_title(first_line, body):
    assert clean_text(f"{first_line}\n\n{body}\n").record.meta.title == first_line


@pytest.mark.parametrize(
    ("first_line", "body"),
    [
        ("Benni McCarthy © Action Images", BODY),
        ("Foto: Anna Schmidt / dpa", BODY_DE),
        ("Tina O'Brien has insisted that her relationship with the", BODY),
        ("Abdullah Ocalan desembarcó en Italia en noviembre de", BODY_ES),
        ("Le conseil municipal a voté le budget de la", BODY_FR),
    ],
)
def test_a_credit_or_a_line_cut_short_is_no_title(first_line, body):
    assert clean_text(f"{first_line}\n\n{body}\n").record.meta.title is None


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("The council backs the new library.", BODY),
        ("Dr. Müller übernimmt die Leitung der Bibliothek.", BODY_DE),
        ("M. Dupont prend la tête de la bibliothèque.", BODY_FR),
    ],
)
def test_a_sentence_with_a_zero_width_space_after_it_is_no_title(line, body):
    # nothing a reader sees follows the full stop: the line is a sentence, as without it
    for first in (line, line + "\u200b"):
        assert clean_text(f"{first}\n\n{body}\n").record.meta.title is None, repr(first)


def test_a_phrase_cut_by_links_below_the_headline_is_no_byline():
    """Once the headline is lifted, a later pass does not take a linked phrase inside the
    first paragraph ("Riverside Central Library") for another headline, nor the "by …"
    piece after it for the byline."""
    page = (
        "Council backs the library budget for three more years\n"
        "Subscribe to newsletters\nSign In\nMore From The Planet\nFeb 17, 2024,\n07:00am EST\n"
        "Harbour works delayed again as costs rise\nFeb 16, 2024,\n05:30am EST\n"
        "New bus lines open on the east side\nEdit Story\nBusiness\n"
        "Council backs the library budget for three more years\n"
        "Anna Larsen\nSenior Contributor\nOpinions expressed by contributors are their own.\n"
        "Dec 17, 2023,\n03:53am EST\nShare to Facebook\nShare to Twitter\n"
        "The reading room of the central library, which was rebuilt in\n... [+]\ntwo stages.\n"
        "Northlight Studio\n"
        "Readers have long asked when the council would decide on the\nRiverside Central Library\n"
        "and its branches. Now a majority has agreed to fund it for another three years, says a "
        "statement published\nby Northlight Studio\n"
        "; the members say they will review the plan next spring.\n" + BODY + "\n" + BODY + "\n"
    )
    meta = clean_text(page).record.meta
    assert meta.title == "Council backs the library budget for three more years"
    assert meta.authors == []


def test_a_byline_far_above_the_headline_is_not_the_articles():
    page = (
        "Council backs the library budget | Daily Planet\nBy Tom Roe\n"
        + NAV
        + "Weather\nTraffic\nPuzzles\nPodcasts\nCouncil backs the library budget\n\n"
        + BODY
    )
    meta = clean_text(page).record.meta
    assert meta.title == "Council backs the library budget"
    assert meta.authors == []


def test_date_by_the_byline_when_no_headline_is_known():
    page = NAV + "Lokales\nVon\nAnna Schmidt\n6. November 2023\n\n" + BODY_DE
    meta = clean_text(page).record.meta
    assert meta.authors == ["Anna Schmidt"]
    assert meta.published == dt.date(2023, 11, 6)


def test_date_line_just_above_the_headline():
    page = (
        "Council backs the library budget - Daily Planet\n"
        + NAV
        + "Published\nDecember 22, 2023 9:02am EST\n"
        "Council backs the library budget\n\n" + BODY
    )
    assert clean_text(page).record.meta.published == dt.datetime(2023, 12, 22, 9, 2, tzinfo=tz(-5))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Posted: Dec 20, 2023 10:27 AM EST | Last Updated: December 21, 2023",
            dt.datetime(2023, 12, 20, 10, 27, tzinfo=tz(-5)),
        ),
        ("Veröffentlicht: 6. November 2023 | Aktualisiert: 7. November 2023", dt.date(2023, 11, 6)),
        ("Updated: Dec 21, 2023 | Updated: Dec 22, 2023", None),  # no date of publication
        ("Dec 20, 2023 | Dec 21, 2023", None),  # which one?
    ],
)
def test_a_line_of_two_dates(line, expected):
    page = "Council backs the library budget\n" + line + "\n\n" + BODY
    assert clean_text(page).record.meta.published == expected


def test_update_said_on_the_line_above_even_when_that_line_is_removed():
    page = "Floods in the north\nBy\nJane Doe\nUpdated\nNov 13, 2019, 10:28am EST\n\n" + BODY
    assert clean_text(page).record.meta.published is None


def test_scanning_header_lines_does_not_load_the_general_date_parser():
    code = (
        "import sys\nfrom corpuskit import clean_text\n"
        "page = 'Council news | Daily Planet\\nHome\\nSunday 3 March 2024 in the morning\\n"
        "The 2024 Festival Guide Is Out\\nEvent starts 12 Oct 2024 at noon\\n\\n' + "
        f"{BODY!r}\n"
        "clean_text(page)\nprint('dateparser' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("byline", "body"),
    [("Written by Jane Doe", BODY), ("Von Anna Berg", BODY_DE), ("Par Claire Martin", BODY_FR)],
)
def test_a_byline_printed_twice_is_no_title(byline, body):
    first = clean_text(f"{byline}\n\n{byline}\n\nLone Words\n\n{body}\n")
    again = clean_text(first.record.text)
    assert first.record.meta.title != byline
    assert byline.split(maxsplit=1)[1].split()[-1] in " ".join(first.record.meta.authors)
    assert again.record.text == first.record.text


@pytest.mark.parametrize(
    ("headline", "byline", "body"),
    [
        ("Council backs the library budget", "Written by Jane Doe", BODY),
        ("Stadtrat stimmt für die Bibliothek", "Von Anna Berg", BODY_DE),
        ("Le conseil vote pour la bibliothèque", "Par Claire Martin", BODY_FR),
    ],
)
def test_copies_of_the_articles_byline_go_with_it(headline, byline, body):
    """Below a headline, a byline printed twice is lifted whole: cleaning the output again
    finds nothing more."""
    first = clean_text(f"{headline}\n\n{byline}\n\n{byline}\n\n{body}\n")
    assert first.record.meta.authors == [byline.split(maxsplit=1)[1].removeprefix("by ")]
    assert first.record.text == f"{body}\n"
    assert clean_text(first.record.text).record.text == first.record.text


@pytest.mark.parametrize(
    ("headline", "other", "body"),
    [
        ("Council Approves New Library Budget", "Weather Forecast For The Week", BODY),
        ("Stadtrat beschließt neues Budget für die Bibliothek", "Das Wetter Der Kommenden Woche", BODY_DE),
    ],
)
def test_no_title_when_another_headline_would_follow_it(headline, other, body):
    """Lifting the headline would leave the other headline-like line alone at the top,
    where cleaning the cleaned text would lift it: no confident choice, no title."""
    first = clean_text(f"{headline} | Daily Planet\n\n{headline}\n\n{other}\n\n{body}\n")
    again = clean_text(first.record.text)
    assert first.record.meta.title is None
    assert again.record.text == first.record.text and again.record.meta.title is None


@pytest.mark.parametrize(
    ("entry", "body"), [("Site Map", BODY), ("Mapa strony", BODY_PL), ("Nettstedskart", BODY_NB)]
)
def test_a_menu_entry_alone_above_the_article_is_no_title(entry, body):
    assert clean_text(f"{entry}\n\n{body}\n").record.meta.title is None


@pytest.mark.parametrize(
    ("menu", "body"),
    [
        ("Forside | Nyheter | Sport | Kultur | Debatt", BODY_NB),
        ("Startseite · Politik · Wirtschaft · Kultur · Sport", BODY_DE),
        ("Accueil • Actualités • Sport • Culture", BODY_FR),
    ],
)
def test_a_row_of_menu_entries_above_the_article_is_no_title(menu, body):
    assert clean_text(f"{menu}\n\n{body}\n\n{body}\n").record.meta.title is None


def test_a_title_with_its_site_and_section_is_still_a_title():
    title = "Oberdorf | Lokales | Neue Turnhalle für Oberdorf"
    assert clean_text(f"{title}\n\n{BODY_DE}\n").record.meta.title is not None


@pytest.mark.parametrize(
    ("lines", "body"),
    [
        ("Copyright Policy", BODY),
        ("Copyright-Hinweis", BODY_DE),
        ("Élections 2024\nÉlections 2024", BODY_FR),
        ("sports\nsports", BODY),
    ],
)
def test_link_labels_and_section_headings_are_no_source(lines, body):
    """A copyright link's label (no sign, no year) and a repeated section heading (digits,
    small letter) do not name the outlet."""
    assert clean_text(f"{lines}\n\n{body}\n").record.meta.source is None
    assert clean_text(f"© 2024 Daily Planet\n\n{body}\n").record.meta.source == "Daily Planet"


@pytest.mark.parametrize(
    "paragraph",
    [
        "The council met on Tuesday. It agreed to fund the library for three more years.’",
        "Der Stadtrat tagte am Dienstag. Er beschloss, die Bibliothek weiter zu fördern.“",
        # the first sentence ends in a word of two letters, the line not with a full stop
        "Der Stadtrat stimmte dem Plan zu. Die Bibliothek bleibt offen!",
        "The mayor said she had no time to go. We asked her why",
    ],
)
def test_a_paragraph_printed_twice_is_no_page_title(paragraph):
    """Closing quotes after the full stop, or a full stop inside: prose, kept as it is."""
    first = clean_text(f"{paragraph}\n\n{paragraph}\n")
    assert first.record.meta.title is None
    assert first.record.text == f"{paragraph}\n\n{paragraph}\n"


@pytest.mark.parametrize(
    ("line", "byline"), [("23 Nov 2023", "Written by Jane Doe"), ("23. November 2023", "Von Anna Berg")]
)
def test_a_date_line_printed_twice_goes_whole(line, byline):
    """Both copies are the dateline, even with no article below to mark the header's end."""
    first = clean_text(f"{line}\n{line}\n{byline}\n")
    assert first.record.meta.published == dt.date(2023, 11, 23)
    assert line not in first.record.text
    assert clean_text(first.record.text).record.text == first.record.text


@pytest.mark.parametrize(
    ("credit", "body"),
    [
        ("Staff and agencies", BODY),
        ("Redaktion und Agenturen", BODY_DE),
        ("Rédaction et agences", BODY_FR),
        ("Redacción y agencias", BODY_ES),
    ],
)
def test_a_wire_credit_is_no_title(credit, body):
    """A line of roles and desks credits the text; it names nothing the article is about."""
    assert clean_text(f"{credit}\n\n{body}\n").record.meta.title is None


@pytest.mark.parametrize(
    ("headline", "body"),
    [("Agencies warn of a staff shortage", BODY), ("Agenturen warnen vor Personalmangel", BODY_DE)],
)
def test_role_words_in_a_headline_do_not_make_it_a_credit(headline, body):
    assert clean_text(f"{headline}\n\n{body}\n").record.meta.title == headline


@pytest.mark.parametrize(
    ("headline", "credit", "body"),
    [
        ("Samsung Group headquarters raided", "Staff and agencies", BODY),
        ("Le conseil vote le budget", "Rédaction et agences", BODY_FR),
        ("El consejo aprueba el presupuesto", "Redacción y agencias", BODY_ES),
    ],
)
def test_a_page_title_over_its_headline_is_the_title_not_an_outlet(headline, credit, body):
    """The page's title printed again as the headline, a wire credit below: the pair is the
    headline, never the outlet's name."""
    meta = clean_text(f"{headline}\n\n{headline}\n\n{credit}\n\n{body}\n").record.meta
    assert (meta.title, meta.source) == (headline, None)


PROMO = {  # a promotion above the article that reads as a paragraph
    "en": "Sign up for our newsletter to get the best stories of the week delivered to your "
    "inbox every Friday.",
    "de": "Melden Sie sich für unseren Newsletter an, dann erhalten Sie jeden Freitag die besten "
    "Geschichten der Woche.",
    "fr": "Inscrivez-vous à notre lettre pour recevoir chaque vendredi les meilleurs articles de la semaine.",
}


@pytest.mark.parametrize(
    ("lang", "line", "body", "expected"),
    [
        (
            "en",
            "Posted: Dec 20, 2023 10:27 AM EST | Last Updated: December 21, 2023",
            BODY,
            dt.datetime(2023, 12, 20, 10, 27, tzinfo=tz(-5)),
        ),
        ("de", "Veröffentlicht am 6. November 2023", BODY_DE, dt.date(2023, 11, 6)),
        ("fr", "Publié le\n3 mars 2024", BODY_FR, dt.date(2024, 3, 3)),  # the label on a line of its own
    ],
)
def test_a_date_labelled_as_the_publication_date_above_the_text(lang, line, body, expected):
    """No headline or byline to go by (a promotion reads as the first paragraph): the
    label says which date it is."""
    first = clean_text(f"{PROMO[lang]}\n{line}\n{body}\n\n{body}\n")
    assert first.record.meta.published == expected
    assert line.split("\n")[-1] not in first.record.text
    assert clean_text(first.record.text).record.text == first.record.text


@pytest.mark.parametrize(
    ("lang", "page"),
    [
        # below most of the text: a comment's date
        ("en", f"{BODY}\n\n{BODY}\n\nPosted on Dec 3, 2023\nGreat article, thanks.\n"),
        ("de", f"{BODY_DE}\n\n{BODY_DE}\n\nVeröffentlicht am 6. November 2023\nDanke für den Artikel.\n"),
        # labelled lines that disagree: a list of teasers
        ("en", f"Published Dec 3, 2023\n{BODY}\nPublished Dec 5, 2023\n{BODY}\n"),
        ("fr", f"Publié le 3 mars 2024\n{BODY_FR}\nPublié le 5 mars 2024\n{BODY_FR}\n"),
        # a date of change is no date of publication
        ("de", f"Aktualisiert am 6. November 2023\n{BODY_DE}\n\n{BODY_DE}\n"),
    ],
)
def test_no_labelled_date_below_the_text_or_among_others(lang, page):
    assert clean_text(f"{PROMO[lang]}\n{page}").record.meta.published is None


@pytest.mark.parametrize(
    ("page", "body", "expected"),
    [
        (
            "Woman killed by falling tree in market square | Europe | Daily Planet\nHome\n"
            "Woman killed by falling tree in market square\nTwo people injured as the tree collapses\n"
            "Reuters\nFri 22 Dec 2023 12.10 CET\nLast modified on Fri 22 Dec 2023 19.26 CET\n",
            BODY,
            dt.datetime(2023, 12, 22, 12, 10, tzinfo=tz(1)),
        ),
        (
            "Baum stürzt auf Weihnachtsmarkt | Tagesblatt\nStartseite\nBaum stürzt auf Weihnachtsmarkt\n"
            "Zwei Menschen verletzt\nFoto: dpa\nFreitag, 22. Dezember 2023\n"
            "Zuletzt aktualisiert am Freitag, 22. Dezember 2023\n",
            BODY_DE,
            dt.date(2023, 12, 22),
        ),
    ],
)
def test_a_dateline_below_a_credit_is_no_caption(page, body, expected):
    """A date line under a wire or photo credit echoes the date of change below it; it is
    the article's date, not a caption repeating another line."""
    assert clean_text(f"{page}{body}\n").record.meta.published == expected


@pytest.mark.parametrize(
    ("headline", "dates", "byline", "body", "expected"),
    [
        (
            "How the brain turns unconscious information into thought",
            "Published\nThursday 27 July 2017\nPublished Thu 27 Jul 2017",
            "By\nAna Smith",
            BODY,
            dt.date(2017, 7, 27),
        ),
        (
            "Wie das Gehirn aus Unbewusstem Gedanken macht",
            "Veröffentlicht\nDonnerstag, 27. Juli 2017\nVeröffentlicht am 27.07.2017",
            "Von\nAnna Berg",
            BODY_DE,
            dt.date(2017, 7, 27),
        ),
    ],
)
def test_a_labelled_copy_of_the_date_goes_with_it(headline, dates, byline, body, expected):
    """The article's date printed again with its label is the same dateline: left in the
    text, it would be lifted by the next cleaning."""
    page = f"{headline} | Daily Planet\n{NAV}{PROMO['en']}\n{headline}\n{dates}\n{byline}\n\n{body}\n"
    first = clean_text(page)
    assert first.record.meta.published == expected
    assert "2017" not in first.record.text
    assert clean_text(first.record.text).record.text == first.record.text


@pytest.mark.parametrize(
    ("page_title", "headline", "body"),
    [
        ("The council backs the library budget  (2023/12/18)-", "The council backs the library budget", BODY),
        (
            "Stadtrat beschließt das Budget der Bibliothek [12.03.2024]",
            "Stadtrat beschließt das Budget der Bibliothek",
            BODY_DE,
        ),
    ],
)
def test_a_page_title_stamped_with_a_date_finds_its_headline(page_title, headline, body):
    meta = clean_text(f"{page_title}\n{NAV}Weather\nTraffic\n{headline}\n\n{body}\n").record.meta
    assert meta.title == headline


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        ("Floods hit the north after a week of rain", BODY),
        ("Les crues touchent le nord après une semaine de pluie", BODY_FR),
        ("Powódź na północy po tygodniu deszczu", BODY_PL),
    ],
    ids=["en", "fr", "pl"],
)
@pytest.mark.parametrize("copies", [3, 4])
def test_every_copy_of_the_headline_goes_with_it(headline, body, copies):
    page = "\n".join([headline] * copies) + f"\n\n{body}\n"
    cleaned = clean_text(page).record
    assert cleaned.meta.title == headline
    assert headline not in cleaned.text and body in cleaned.text
    assert clean_text(cleaned.text).record.text == cleaned.text  # nothing left to lift again


TEASER = {  # a teaser's summary: a paragraph of running text in a list of teasers
    "en": "The story of the week, told by the people who were there when it happened.",
    "de": "Die Geschichte der Woche, erzählt von den Menschen, die dabei waren, als es geschah.",
    "fr": "L'histoire de la semaine, racontée par les gens qui étaient là quand tout est arrivé.",
}


def _teasers(lang: str, headline: str, count: int = 7) -> str:
    """A list of teasers, the article's own headline among them, without dates."""
    lines = []
    for number in range(count):
        lines += [headline if number == 0 else f"Another story number {number} of the week", TEASER[lang]]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("lang", "headline", "date", "body", "expected"),
    [
        ("en", "The council backs the library budget", "Dec 21, 2023", BODY, dt.date(2023, 12, 21)),
        (
            "de",
            "Stadtrat beschließt das Budget der Bibliothek",
            "21. Dezember 2023",
            BODY_DE,
            dt.date(2023, 12, 21),
        ),
        (
            "fr",
            "Le conseil vote le budget de la bibliothèque",
            "21 décembre 2023",
            BODY_FR,
            dt.date(2023, 12, 21),
        ),
    ],
)
def test_the_date_by_the_articles_copy_of_a_headline_shown_twice(lang, headline, date, body, expected):
    """The headline stands first in a list of teasers, then again over the article with
    its date: the date by the copy is the article's."""
    page = f"{headline} | Daily Planet\n{NAV}{_teasers(lang, headline)}{headline}\n{date}\n{body}\n\n{body}\n"
    first = clean_text(page)
    assert first.record.meta.title == headline
    assert first.record.meta.published == expected
    assert date not in first.record.text and body in first.record.text
    assert clean_text(first.record.text).record.text == first.record.text


@pytest.mark.parametrize(
    ("lang", "headline", "dates", "body"),
    [
        # the copies carry different dates: which one is the article's?
        ("en", "The council backs the library budget", ["Dec 21, 2023", "Dec 19, 2023"], BODY),
        (
            "de",
            "Stadtrat beschließt das Budget der Bibliothek",
            ["21. Dezember 2023", "19. Dezember 2023"],
            BODY_DE,
        ),
        # a date of change is no date of publication
        ("fr", "Le conseil vote le budget de la bibliothèque", ["Mis à jour le 21 décembre 2023"], BODY_FR),
    ],
)
def test_no_date_by_copies_of_the_headline_that_disagree(lang, headline, dates, body):
    copies = "".join(f"{headline}\n{date}\n{TEASER[lang]}\n" for date in dates)
    page = f"{headline} | Daily Planet\n{NAV}{_teasers(lang, headline)}{copies}{body}\n\n{body}\n"
    assert clean_text(page).record.meta.published is None


@pytest.mark.parametrize(
    ("lang", "headline", "byline", "note", "body", "expected"),
    [
        (
            "en",
            "The council backs the library budget",
            "By\nJane Doe",
            "This story was originally published\nDecember 22, 2023, 11:09 AM.",
            BODY,
            dt.date(2023, 12, 22),
        ),
        (
            "de",
            "Stadtrat beschließt das Budget der Bibliothek",
            "Von Anna Berg",
            "Dieser Artikel wurde ursprünglich veröffentlicht am 6. November 2023",
            BODY_DE,
            dt.date(2023, 11, 6),
        ),
        (
            "fr",
            "Le conseil vote le budget de la bibliothèque",
            "Par Claire Martin",
            "Publié initialement le 3 mars 2024",
            BODY_FR,
            dt.date(2024, 3, 3),
        ),
    ],
)
def test_a_date_said_to_be_the_first_publication_below_the_article(
    lang, headline, byline, note, body, expected
):
    """The header gives only a date of change; the note below the article says when it
    was first published."""
    update = {
        "en": "Updated December 26, 2023",
        "de": "Aktualisiert am 8. November 2023",
        "fr": "Mis à jour le 5 mars 2024",
    }
    article = "\n\n".join([body] * 13)  # longer than the window below the headline
    page = f"{headline}\n{byline}\n{update[lang]}\n{article}\n{note}\n"
    first = clean_text(page)
    assert first.record.meta.published == expected
    assert note.split("\n")[-1] not in first.record.text and body in first.record.text
    assert clean_text(first.record.text).record.text == first.record.text


@pytest.mark.parametrize(
    ("lang", "page"),
    [
        # a sentence that begins with the words is article text, and no date
        ("en", f"{BODY}\nOriginally published in 1851, the novel sold poorly at first.\n{BODY}\n"),
        ("fr", f"{BODY_FR}\nPublié initialement en 1851, le roman s'est mal vendu.\n{BODY_FR}\n"),
        # two notes that disagree: which one?
        (
            "de",
            f"{BODY_DE}\nUrsprünglich veröffentlicht am 6. November 2023\n{BODY_DE}\n"
            "Ursprünglich veröffentlicht am 9. November 2023\n",
        ),
    ],
)
def test_no_first_publication_date_from_prose_or_notes_that_disagree(lang, page):
    first = clean_text(page)
    assert first.record.meta.published is None
    assert "1851" in first.record.text or lang == "de"
    # notes that disagree go all the same: one left behind would date the next cleaning
    assert "veröffentlicht" not in first.record.text
    assert clean_text(first.record.text).record.text == first.record.text
