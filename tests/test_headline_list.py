"""B123: a list of other articles' headlines below the article goes; lists that may be the
page's own stay."""

from __future__ import annotations

import pytest

from conftest import BODY, BODY_BN, BODY_DE, BODY_ES, BODY_FR, BODY_HI, BODY_JA, BODY_NB, BODY_ZH
from corpuskit import clean_text
from corpuskit.rules.headlines import (
    MAX_ANNOUNCED_WORDS,
    MIN_RUN,
    SHORT_FUNCTION_WORD,
    headline_runs,
    is_headline_like,
)
from corpuskit.segment import segment


def article(body: str, paragraphs: int = 12) -> str:
    return "\n\n".join([body] * paragraphs)


def b121(result) -> dict[str, str]:
    return {f.text: f.action for f in result.report.findings if f.code == "B123"}


RELATED = {
    "en": (
        BODY,
        [
            "Storm closes the coast road for a second night",
            "Why the old bridge will cost twice as much",
            "Five new cafés to try in the harbour district",
        ],
    ),
    "de": (
        BODY_DE,
        [
            "Sturm sperrt die Küstenstraße für eine zweite Nacht",
            "Warum die alte Brücke doppelt so viel kostet",
            "Fünf neue Cafés im Hafenviertel im Test",
            "Wer zahlt für das neue Hallenbad in der Altstadt?",
        ],
    ),
    "es": (
        BODY_ES,
        [
            "La tormenta cierra la carretera de la costa otra noche",
            "Por qué el viejo puente costará el doble de lo previsto",
            "Cinco cafés nuevos para probar en el barrio del puerto",
        ],
    ),
    "nb": (
        BODY_NB,
        [
            "Storm stenger kystveien for andre natt på rad",
            "Derfor blir den gamle brua dobbelt så dyr som planlagt",
            "Fem nye kafeer å prøve i havnebyen denne helgen",
        ],
    ),
}


@pytest.mark.parametrize("lang", sorted(RELATED))
def test_headline_list_below_the_article_is_removed(lang):
    body, headlines = RELATED[lang]
    result = clean_text(article(body) + "\n\n" + "\n".join(headlines))
    assert result.record.text == article(body) + "\n"
    assert set(b121(result)) == set(headlines)
    assert set(b121(result).values()) == {"removed"}


@pytest.mark.parametrize("lang", sorted(RELATED))
def test_subheadings_inside_the_article_stay(lang):
    # the same lines as subheadings, each followed by its paragraph: article text
    body, headlines = RELATED[lang]
    text = article(body, 4) + "\n\n" + "\n\n".join(f"{h}\n{body}\n\n{body}" for h in headlines)
    result = clean_text(text)
    assert all(h in result.record.text for h in headlines)
    assert not b121(result)


def test_two_headlines_are_not_a_list():
    text = (
        article(BODY)
        + "\n\nStorm closes the coast road for a second night\nWhy the old bridge will cost twice as much"
    )
    assert not b121(clean_text(text))


def test_short_items_are_not_headlines():
    # an ingredients or features list has short items: no headline list
    items = ["Beans and lentils", "Tofu and tempeh", "Seeds and nuts", "Pilze und Kräuter"]
    assert not b121(clean_text(article(BODY) + "\n\n" + "\n".join(items)))


def test_no_article_no_list():
    # a page of headlines with no article above them (an index page) is left to other rules
    headlines = RELATED["en"][1]
    assert not b121(clean_text(BODY + "\n\n" + "\n".join(headlines)))


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        (
            BODY,
            [
                "Star gives birth! Soap actress reveals her baby's name",
                "Who pays for the bridge? The council row deepens",
                "Storm closes the coast road for a second night",
            ],
        ),
        (
            BODY_DE,
            [
                "Sie ist Mutter! Die Schauspielerin zeigt ihr Baby zum ersten Mal",
                "Wer zahlt die neue Brücke? Der Streit im Stadtrat geht weiter",
                "Sturm sperrt die Küstenstraße für eine zweite Nacht in Folge",
            ],
        ),
    ],
)
def test_tabloid_headlines_of_two_sentences_make_a_list(body, lines):
    result = clean_text(article(body) + "\n\n" + "\n".join(lines))
    assert result.record.text == article(body) + "\n"
    assert set(b121(result).values()) == {"removed"}


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        (
            BODY_FR,
            [
                "Le conseil a voté le budget hier soir.",
                "Les élus ont débattu pendant des heures avant de",
                "Elle a quitté la salle sans un mot pour la",
            ],
        ),
        (  # a wrapped line after two headlines bridges nothing: no run of three
            BODY,
            [
                "Storm closes the coast road for a second night",
                "Why the old bridge will cost twice as much",
                "The council met for hours and in the end it voted for",
            ],
        ),
    ],
)
def test_sentences_are_not_headlines(body, lines):
    # teasers with full stops, and lines of a wrapped paragraph, are not headline-shaped
    result = clean_text(article(body) + "\n\n" + "\n".join(lines))
    assert not b121(result)
    assert all(line in result.record.text for line in lines)


@pytest.mark.parametrize(
    ("above", "lines"),
    [
        # announced by the writer
        (
            "Weiterführende Literatur:",
            [
                "Die Geschichte der Stadtbibliothek von Oberdorf und ihrer Leser im Wandel der Zeit",
                "Bücher und Leser im neunzehnten Jahrhundert zwischen Kirche, Schule und Verein",
                "Ein Haus für alle Bürger der Stadt: die Bibliothek als öffentlicher Ort",
            ],
        ),
        # dated entries: an archive or a reading list
        (
            None,
            [
                "New security report praises the system - September 18, 2003",
                "Columnist says switch to the other system - September 02, 2003",
                "Security myth of the old system is shattered - August 28, 2003",
            ],
        ),
        # an enumeration: the lines begin alike
        (
            None,
            [
                "Estándar 1: cantar solo y con otros un repertorio variado",
                "Estándar 6: escuchar, analizar y describir la música",
                "Estándar 7: evaluar la música y sus interpretaciones",
            ],
        ),
    ],
)
def test_lists_that_may_be_the_pages_own_are_flagged_and_kept(above, lines):
    text = article(BODY) + "\n\n" + (above + "\n" if above else "") + "\n".join(lines)
    result = clean_text(text)
    assert all(line in result.record.text for line in lines)
    assert set(b121(result)) == set(lines)
    assert set(b121(result).values()) == {"flagged"}


@pytest.mark.parametrize(
    ("body", "above", "lines"),
    [
        (
            BODY,
            "Top weather stories of the year:",
            [
                "Vanishing ice at the top of the world",
                "Record flood threat on the coast road",
                "A tropical summer on the Prairies",
            ],
        ),
        (
            BODY_DE,
            "Die Wetterereignisse des Jahres:",
            [
                "Das Eis am Nordpol schmilzt schneller als erwartet",
                "Rekordhochwasser an der Küstenstraße im Herbst",
                "Ein tropischer Sommer in den Alpentälern",
            ],
        ),
    ],
)
def test_the_line_that_announces_the_writers_own_list_stays_with_it(body, above, lines):
    # the footer rule (B112) leaves it: without it, cleaning again would remove the list
    once = clean_text(article(body) + "\n\n" + above + "\n" + "\n".join(lines))
    assert all(line in once.record.text for line in [above, *lines])
    assert set(b121(once).values()) == {"flagged"}
    assert clean_text(once.record.text).record.text == once.record.text


@pytest.mark.parametrize(
    ("lang", "above"),
    [
        ("en", "Read more:"),
        ("de", "Lesen Sie auch:"),
        ("es", "Noticias relacionadas:"),
        ("nb", "Les også:"),
    ],
)
def test_a_list_announced_as_other_articles_is_removed(lang, above):
    # "Read more:" announces other articles, not the writer's own list
    body, headlines = RELATED[lang]
    result = clean_text(article(body) + "\n\n" + above + "\n" + "\n".join(headlines))
    assert result.record.text == article(body) + "\n"
    assert set(b121(result)) == set(headlines)
    assert set(b121(result).values()) == {"removed"}


@pytest.mark.parametrize(("lang", "above"), [("en", "Latest headlines:"), ("de", "Topthemen:")])
def test_a_list_below_a_removed_section_label_is_removed(lang, above):
    # the section label rule (B107) removed the line above: a widget's list, not the writer's
    body, headlines = RELATED[lang]
    result = clean_text(article(body) + "\n\n" + above + "\n" + "\n".join(headlines))
    assert result.record.text == article(body) + "\n"
    assert {f.code for f in result.report.findings if f.text == above} == {"B107"}
    assert set(b121(result).values()) == {"removed"}


BENGALI = [  # no capitals in the script: any letter may start a headline
    "ঝড়ের কারণে উপকূলের সড়ক দ্বিতীয় রাতের মতো বন্ধ",
    "পুরোনো সেতুর খরচ কেন দ্বিগুণ হবে",
    "বন্দর এলাকায় নতুন পাঁচটি ক্যাফে খুলেছে",
]


def test_headlines_in_a_script_without_capitals():
    runs = list(headline_runs(segment("\n".join(BENGALI)), MIN_RUN, SHORT_FUNCTION_WORD))
    assert [[b.text for b in run] for run in runs] == [BENGALI]
    result = clean_text(article(BODY_BN) + "\n\nআরও পড়ুন:\n" + "\n".join(BENGALI))
    assert result.record.text == article(BODY_BN) + "\n"


def test_cleaning_twice_changes_nothing():
    body, headlines = RELATED["de"]
    once = clean_text(article(body) + "\n\n" + "\n".join(headlines)).record.text
    assert clean_text(once).record.text == once


MOST_READ = [
    "Storm closes the coast road for a second night",
    "Why the old bridge will cost twice the price",
    "Five new cafés to try in the harbour district",
    "Ferry timetable changes again after the winter break",
    "Local school wins the regional robotics contest",
    "Council delays the vote on new parking fees",
]


def test_long_headline_list_above_the_article_is_removed():
    text = "\n".join(MOST_READ) + "\n* * *\n\n" + article(BODY)
    result = clean_text(text)
    assert set(b121(result)) == set(MOST_READ)
    assert set(b121(result).values()) == {"removed"}
    assert article(BODY) in result.record.text


@pytest.mark.parametrize(
    "lines",
    [
        MOST_READ[:5],  # five: fewer than six above the article
        # the page's own headline, deck and standfirst, right above the body
        [
            "Der Gemeinderat sichert die Bibliothek für drei Jahre",
            "Nach langer Debatte stimmen die Mitglieder dem Haushalt zu",
            "Die Opposition kritisiert die hohen Kosten des Neubaus",
            "Der Bürgermeister spricht von einem guten Tag für die Stadt",
            "Die Leser dürfen sich auf längere Öffnungszeiten freuen",
            "Der Neubau soll im kommenden Frühjahr eröffnet werden",
        ],
    ],
)
def test_short_runs_and_runs_touching_the_article_stay_above_it(lines):
    text = "\n".join(lines) + "\n" + article(BODY_DE)
    assert "removed" not in b121(clean_text(text)).values()


@pytest.mark.parametrize("lang", ["en", "de", "es"])
def test_copies_of_a_removed_headline_go_with_it(lang):
    body, related = RELATED[lang]
    first = related[0]
    cut = " ".join(first.split()[:-2]) + "…"  # the same teaser cut short
    doc = f"{cut}\n\n{article(body)}\n\n" + "\n".join(related) + f"\n\nSport\n\n{first}"
    findings = {f.text: f.message for f in clean_text(doc).report.findings if f.code == "B123"}
    assert findings[cut].startswith("copy of a headline")
    assert first not in clean_text(doc).record.text


def test_a_cut_teaser_in_the_list_takes_its_full_copy():
    body, related = RELATED["en"]
    full = "Council votes to close the old swimming pool in the spring"
    listed = [*related, "Council votes to close the old swimming…"]
    doc = f"{article(body)}\n\n" + "\n".join(listed) + f"\n\nSport\n\n{full}"
    assert full not in clean_text(doc).record.text


def test_copies_of_a_flagged_run_stay():
    questions = [
        "Why does the old bridge cost twice as much as planned?",
        "Who pays for the new swimming pool in the old town?",
        "When will the coast road open again after the storm?",
    ]
    doc = f"{article(BODY)}\n\n" + "\n".join(questions) + f"\n\nSport\n\n{questions[0]}"
    result = clean_text(doc)
    assert {f.action for f in result.report.findings if f.code == "B123"} == {"flagged"}
    assert result.record.text.count(questions[0]) == 2


def test_a_paragraph_that_begins_like_a_headline_stays():
    body, related = RELATED["en"]
    paragraph = related[1] + " is a question the council answered on Tuesday, after a long debate."
    doc = f"{article(body, 6)}\n\n{paragraph}\n\n{article(body, 6)}\n\n" + "\n".join(related)
    assert paragraph in clean_text(doc).record.text


def test_long_tabloid_headlines_make_a_list():
    tabloid = [
        "Under-fire tycoon moans she has been treated like a drug lord in 'extremely tough' "
        "year after the bank froze her accounts and the police raided her home in the "
        "night - as friends say she will fight every charge",
        "Record numbers of giant hornets invade the country: New figures reveal the number "
        "of sightings of the deadly insects made this year as experts warn the public to "
        "stay away from their nests and call the council",
        "Star reveals the one 'weird' Christmas tradition she sticks to every year despite "
        "her whole family refusing to take part - and fans say they do exactly the same "
        "thing in their own homes every single December",
    ]
    assert all(31 <= len(segment(line)[0].words) <= 40 for line in tabloid)
    result = clean_text(article(BODY) + "\n\n" + "\n".join(tabloid))
    assert result.record.text == article(BODY) + "\n"
    assert set(b121(result)) == set(tabloid)


ANNOUNCED = [
    ("More from Politics", BODY, RELATED["en"][1][:2]),
    ("Mehr aus der Region", BODY_DE, RELATED["de"][1][:3]),
    ("Most read", BODY, RELATED["en"][1]),
    (
        "এই বিভাগের আরো খবর",
        BODY_BN,
        ["ফাঁকা ক্লাসরুমে টিকটক ভিডিও, অভিভাবকদের ডেকে সতর্ক", "জামালপুরের নিখোঁজ তিন মাদ্রাসাছাত্রী ঢাকায় উদ্ধার"],
    ),
]


@pytest.mark.parametrize(("header", "body", "headlines"), ANNOUNCED, ids=[h for h, _, _ in ANNOUNCED])
def test_headlines_below_a_list_header_go_even_below_a_short_article(header, body, headlines):
    text = f"{body}\n\n{header}\n" + "\n".join(headlines)  # one paragraph: no body of 200 words
    result = clean_text(text)
    assert result.record.text == body + "\n"
    assert all(b121(result)[h] == "removed" for h in headlines)


def test_lines_below_a_kept_header_stay():
    # "More from less" opens a subheading, not a list header: it is flagged and stays
    headlines = RELATED["en"][1][:2]
    text = f"{BODY}\n\nMore from less: how farms adapt\n" + "\n".join(headlines)
    assert all(h in clean_text(text).record.text for h in headlines)


def test_a_single_line_below_a_list_header_is_not_a_list():
    line = RELATED["en"][1][0]
    assert line in clean_text(f"{BODY}\n\nMore from Politics\n{line}\n\n{BODY}").record.text


READ_MORE_HEADERS = [
    ("TE PUEDE INTERESAR", BODY_ES, RELATED["es"][1]),
    ("Lesen Sie auch:", BODY_DE, RELATED["de"][1][:3]),
    ("Related stories", BODY, RELATED["en"][1][:2]),
]


@pytest.mark.parametrize(
    ("header", "body", "headlines"), READ_MORE_HEADERS, ids=[h for h, _, _ in READ_MORE_HEADERS]
)
def test_headlines_below_a_read_more_phrase_alone_on_its_line_go(header, body, headlines):
    """A "read more" phrase with nothing after it heads a list of other articles."""
    result = clean_text(f"{body}\n\n{header}\n" + "\n".join(headlines))
    assert result.record.text == body + "\n"
    assert all(b121(result)[h] == "removed" for h in headlines)


def test_a_paragraph_cut_short_by_a_link_below_a_list_header_stays():
    """A paragraph broken off before a link looks like a headline, but runs longer."""
    headline = "Possible water plumes on Europa: the discovery in images"
    cut = (
        "Paganini and his colleagues used the Keck Observatory in Hawaii over several nights "
        "last spring to study the 1,900-mile-wide moon Europa, which many astrobiologists "
        "regard as one of the solar system's"
    )
    assert segment(cut)[0].word_count > MAX_ANNOUNCED_WORDS
    text = f"{BODY}\n\nRelated:\n{headline}\n{cut}\nbest bets to host alien life\n\n{BODY}"
    assert cut in clean_text(text).record.text


@pytest.mark.parametrize(
    ("header", "body", "title", "headlines"),
    [
        ("ÚLTIMAS NOTICIAS", BODY_ES, "El puerto abre una nueva terminal de pasajeros", RELATED["es"][1]),
        ("Meistgelesen", BODY_DE, "Der Hafen eröffnet ein neues Terminal für Fähren", RELATED["de"][1][:3]),
    ],
)
def test_the_pages_own_headline_atop_the_list_does_not_hide_its_header(header, body, title, headlines):
    """The page's headline heads the "latest news" list too; lifted as a copy of the title,
    it stands between the list's header and the other headlines."""
    text = f"{title}\n\n{body}\n\n{header}\n{title}\n" + "\n".join(headlines)
    result = clean_text(text)
    assert result.record.meta.title == title
    assert all(b121(result)[h] == "removed" for h in headlines)
    assert result.record.text == body + "\n"


@pytest.mark.parametrize(
    ("body", "link", "headline", "date"),
    [
        (BODY, "read more", "Phase II study of a new drug in kidney cancer", "Tuesday, 26 December 2006"),
        (BODY_DE, "weiterlesen", "Neue Studie zur Behandlung von Nierenkrebs", "Dienstag, 26. Dezember 2006"),
    ],
)
def test_a_teasers_headline_and_date_below_a_read_more_link_stay(body, link, headline, date):
    """On a list of teasers, "read more" ends one teaser; the next one's headline and date
    below it are one headline, not a list."""
    text = f"{body}\n{link}\n{headline}\n{date}\n{body}"
    assert headline in clean_text(text).record.text


@pytest.mark.parametrize(
    ("header", "body", "others"),
    [
        ("関連記事", BODY_JA, ("公園", "病院")),
        ("热门新闻", BODY_ZH, ("公园", "医院")),
        ("ताजा खबरें", BODY_HI, ("अस्पताल", "पार्क")),
    ],
    ids=["ja", "zh", "hi"],
)
def test_paragraphs_that_end_with_a_full_stop_of_their_script_are_no_headlines(header, body, others):
    """ "。" and "।" end sentences as "." does: the paragraphs below a list header stay."""
    word = {"関連記事": "図書館", "热门新闻": "图书馆", "ताजा खबरें": "पुस्तकालय"}[header]
    paragraphs = [body.replace(word, other) for other in others]
    result = clean_text(f"{body}\n\n{header}\n" + "\n".join(paragraphs))
    assert all(p in result.record.text for p in paragraphs)


def test_lines_in_a_script_without_sentence_marks_make_no_headline_list():
    """Thai ends a sentence with a space, not a mark: its paragraphs and headlines look alike."""
    paragraphs = [
        "ทีมชาติไทยเดินทางถึงสนามแข่งขันเรียบร้อยแล้ว เพื่อเตรียมลงเตะนัดสำคัญในศึกฟุตบอลโลกรอบคัดเลือก",
        "หัวหน้าผู้ฝึกสอนเปิดเผยว่า นักเตะทุกคนมีความพร้อมเต็มร้อย แม้จะมีผู้เล่นบาดเจ็บสองราย",
        "การแข่งขันนัดนี้จะถ่ายทอดสดทางโทรทัศน์ แฟนบอลสามารถติดตามชมได้ทั่วประเทศ",
    ]
    assert not any(is_headline_like(segment(p)[0]) for p in paragraphs)


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        (
            BODY,
            [
                "Storm closes the coast road for a second night",
                "Council votes on a bridge it cannot pay for",  # ends with a preposition
                "Why the old bridge will cost twice as much",
                "5 new cafés to try in the harbour district",  # opens with a number
                "Mayor opens the library after a long delay",
            ],
        ),
        (
            BODY_DE,
            [
                "Sturm sperrt die Küstenstraße für eine zweite Nacht",
                "Bischof kündigt Widerstand gegen das neue Dekret an",  # a verb's particle
                "Warum die alte Brücke doppelt so viel kostet",
                "40 Helfer besuchen die beschädigte Kirche im Dorf",
                "Fünf neue Cafés im Hafenviertel im Test",
            ],
        ),
    ],
)
def test_a_headline_between_two_others_belongs_to_the_run(body, lines):
    """A headline may end like a wrapped line ("… an", "… for") or open with a number; between
    two headlines of the run it is one of them."""
    result = clean_text(article(body) + "\n\n" + "\n".join(lines))
    assert result.record.text == article(body) + "\n"
    assert set(b121(result)) == set(lines)


def test_headlines_that_open_with_a_number_make_a_list():
    lines = [
        "5 new cafés to try in the harbour district",
        "10 things the council did not tell you about the bridge",
        "3 reasons the old pool will close for good",
    ]
    result = clean_text(article(BODY) + "\n\n" + "\n".join(lines))
    assert result.record.text == article(BODY) + "\n"


def test_an_ingredient_list_is_not_a_headline_list():
    items = ["200 g Mehl", "2 Eier", "1 Prise Salz", "250 ml Milch"]
    result = clean_text(article(BODY_DE) + "\n\n" + "\n".join(items))
    assert not b121(result)
