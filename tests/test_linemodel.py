"""The line model (B301), its features and the corpus line table: positives and negatives
in several languages (none from the seeds), the three decision bands, the explanation of
each removal, and the table's file format."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import BODY, BODY_DE, BODY_ES, BODY_FR, BODY_PL
from corpuskit import clean_text
from corpuskit.config import Config
from corpuskit.linefeatures import CONTEXT, INTRINSIC, intrinsic_rows
from corpuskit.linefreq import LineCounter, LineTable, LineTableError, cached_table, line_hash, table_path
from corpuskit.linemodel import LineModel, Stage, default_model
from corpuskit.rules.model import using_model
from corpuskit.segment import segment

MENUS = {
    "en": ["Sections", "Local", "Weather", "Obituaries", "Classifieds", "E-Edition"],
    "de": ["Ressorts", "Lokales", "Kultur", "Ratgeber", "Immobilien", "Stellenmarkt"],
    "fr": ["Rubriques", "Régions", "Culture", "Économie", "Immobilier", "Emploi"],
    "es": ["Secciones", "Local", "Cultura", "Economía", "Clasificados", "Empleo"],
    "pl": ["Działy", "Region", "Kultura", "Gospodarka", "Ogłoszenia", "Praca"],
}
BODIES = {"en": BODY, "de": BODY_DE, "fr": BODY_FR, "es": BODY_ES, "pl": BODY_PL}


def b301(result) -> dict[str, str]:
    """Text -> action of every B301 finding."""
    return {f.text: f.action for f in result.report.findings if f.code == "B301"}


@pytest.mark.parametrize("lang", sorted(MENUS))
def test_menu_above_the_article_is_removed(lang):
    body = BODIES[lang]
    doc = "\n".join(MENUS[lang]) + f"\n\n{body}\n\n{body}\n\n{body}\n"
    assert clean_text(doc).record.text == f"{body}\n\n{body}\n\n{body}\n"


@pytest.mark.parametrize("lang", sorted(MENUS))
def test_menu_below_the_article_is_removed_by_the_model(lang):
    body = BODIES[lang]
    doc = f"{body}\n\n{body}\n\n{body}\n\n" + "\n".join(MENUS[lang]) + "\n"
    alone = Config(ignore=["B111", "B112", "B113"])  # no header or footer rule
    result = clean_text(doc, config=alone)
    assert result.record.text == f"{body}\n\n{body}\n\n{body}\n"
    assert sum(b301(result).get(word) == "removed" for word in MENUS[lang]) >= 5  # one may be a nav word


@pytest.mark.parametrize("lang", sorted(MENUS))
def test_link_row_below_the_article_is_removed(lang):
    body = BODIES[lang]
    row = " | ".join(MENUS[lang])
    result = clean_text(f"{body}\n\n{body}\n\n{row}\n")
    assert row not in result.record.text
    assert result.record.text.count(body) == 2


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        ("What the council decided", BODY),
        ("Was der Rat beschlossen hat", BODY_DE),
        ("Ce que le conseil a décidé", BODY_FR),
        ("Lo que decidió el consejo", BODY_ES),
        ("Co postanowiła rada", BODY_PL),
    ],
)
def test_subheading_between_paragraphs_stays(heading, body):
    doc = f"{body}\n\n{body}\n\n{heading}\n\n{body}\n\n{body}\n"
    result = clean_text(doc)
    assert f"\n{heading}\n" in result.record.text
    assert b301(result).get(heading) != "removed"


@pytest.mark.parametrize("body", BODIES.values())
def test_article_paragraphs_are_never_touched(body):
    result = clean_text(f"{body}\n\n{body}\n\n{body}\n")
    assert b301(result) == {}


def test_removal_names_the_features_that_pushed_the_line_out():
    doc = "\n".join(MENUS["de"]) + f"\n\n{BODY_DE}\n\n{BODY_DE}\n"
    messages = [f.message for f in clean_text(doc).report.findings if f.code == "B301"]
    assert messages
    for message in messages:
        assert message.startswith(("boilerplate (p=", "maybe boilerplate (p="))
        reasons = message.split("): ", 1)[1].split(", ")
        assert 1 <= len(reasons) <= 3
        assert all(r.endswith(")") and "(+" in r for r in reasons)


def _words_only_model(remove_at: float, flag_at: float) -> LineModel:
    """A model whose score falls with the number of words only (log-odds 3 - 2 x words)."""
    names = INTRINSIC
    mean, scale = np.zeros(len(names)), np.ones(len(names))
    coef = np.zeros(len(names))
    coef[names.index("words")] = -2 / np.log(2)  # `words` is log(1 + words)
    stage1 = Stage(names, mean, scale, coef, 1.0)
    names2 = INTRINSIC + CONTEXT
    coef2 = np.zeros(len(names2))
    coef2[names2.index("words")] = coef[names.index("words")]
    stage2 = Stage(names2, np.zeros(len(names2)), np.ones(len(names2)), coef2, 3.0)
    return LineModel([stage1, stage2], remove_at, flag_at, {})


def test_three_bands_remove_flag_keep():
    # one word: log-odds 1 (p 0.73); three words: log-odds -1 (p 0.27); many: ~0
    model = _words_only_model(remove_at=0.7, flag_at=0.2)
    with using_model(model):
        result = clean_text(f"{BODY}\n\nAlone\n\nThree words here.\n\n{BODY}\n")
    assert b301(result) == {"Alone": "removed", "Three words here.": "flagged"}
    assert result.record.text == f"{BODY}\n\nThree words here.\n\n{BODY}\n"
    flagged = [f for f in result.report.findings if f.code == "B301" and f.action == "flagged"]
    assert flagged[0].severity == "warning"


def test_the_model_never_empties_a_document():
    model = _words_only_model(remove_at=0.0, flag_at=0.0)  # every line would go
    with using_model(model):
        result = clean_text(f"{BODY}\n\n{BODY}\n")
    assert result.record.text == f"{BODY}\n\n{BODY}\n"
    assert set(b301(result).values()) == {"flagged"}


def test_no_model_no_decision():
    with using_model(None):
        result = clean_text("\n".join(MENUS["en"]) + "\n\n" + BODY + "\n")
    assert b301(result) == {}


def test_model_round_trips_through_its_json_form():
    model = default_model()
    assert model is not None
    again = LineModel.from_dict(model.to_dict())
    blocks = segment("\n".join(MENUS["fr"]) + "\n" + BODY_FR)
    first = model.predict(blocks).probability
    assert np.allclose(first, again.predict(blocks).probability, atol=1e-6)


def test_model_with_other_features_is_refused():
    data = default_model().to_dict()
    data["stages"][0]["features"] = data["stages"][0]["features"][:-1]
    with pytest.raises(ValueError, match="features do not match"):
        LineModel.from_dict(data)


# ---------------------------------------------------------------- features


def _features(line: str) -> dict[str, float]:
    return dict(zip(INTRINSIC, intrinsic_rows(segment(line))[0].tolist(), strict=True))


@pytest.mark.parametrize("body", BODIES.values())
def test_prose_has_stopwords_and_ends_like_a_sentence(body):
    f = _features(body)
    assert f["stopwords"] >= 0.25 and f["terminal"] == 1.0 and f["chrome_words"] < 0.1


@pytest.mark.parametrize(
    ("line", "feature"),
    [
        ("Home | News | Sport | Wetter", "separators"),
        ("Kontakt: redaktion@example.de", "link"),
        ("Mehr unter www.example.org", "link"),
        ("ACTUALITÉS RÉGIONALES", "all_caps"),
        ("Foto: dpa", "credit_words"),
        ("Partager sur Facebook", "chrome_words"),
        ("12.03.2023 14:30", "date_time"),
        ("»Wir bleiben«, sagte sie.", "quotes"),
        ("und dann ging es weiter.", "first_lower"),
        ("• Nächster Artikel", "leading_mark"),
    ],
)
def test_feature_fires(line, feature):
    assert _features(line)[feature] > 0


@pytest.mark.parametrize(
    ("line", "feature"),
    [
        (BODY_DE, "separators"),
        (BODY_FR, "link"),
        ("Actualités régionales", "all_caps"),
        (BODY_ES, "credit_words"),
        (BODY_PL, "date_time"),
        ("Der Rat tagte.", "leading_mark"),
    ],
)
def test_feature_stays_quiet(line, feature):
    assert _features(line)[feature] == 0


def test_features_of_a_block_do_not_depend_on_the_others():
    lines = ["Home", BODY_FR, "Kontakt: redaktion@example.de", "» Weiter"]
    together = intrinsic_rows(segment("\n".join(lines)))
    alone = np.vstack([intrinsic_rows(segment(line)) for line in lines])
    assert np.array_equal(together, alone)


# ---------------------------------------------------------------- corpus line table


def test_line_hash_ignores_case_digits_and_punctuation():
    assert line_hash("Share on Facebook") == line_hash("  SHARE on facebook! ")
    assert line_hash("Page 2 of 10") == line_hash("Page 3 of 11")
    assert line_hash("Share on Facebook") != line_hash("Share on Twitter")
    assert line_hash(" -- | -- ") == 0


def test_counter_counts_documents_not_occurrences():
    counter = LineCounter(flush_every=2)  # force merges of buffers
    for doc in ["Menu\nMenu\nA", "Menu\nB", "Menü\nMenu", "C"]:
        counter.add_text(doc)
    table = counter.table(min_count=1)
    assert table.documents == 4
    assert table.count(line_hash("menu")) == 3
    assert table.count(line_hash("Menü")) == 1
    assert counter.table(min_count=2).count(line_hash("A")) == 0


LINES = ["Home", "Menu", "A story.", "Menü", "Share", "Next", "Ok"]


@given(st.lists(st.lists(st.sampled_from(LINES), max_size=5)), st.integers(1, 6))
def test_counts_kept_in_temporary_files_are_the_counts_in_memory(docs, flush_every):
    """A buffer flushed to the bucket files every few hashes gives the table that counting
    everything in memory gives, and asking twice gives it twice."""
    spilled, in_memory = LineCounter(flush_every=flush_every), LineCounter(flush_every=10**9)
    for doc in docs:
        spilled.add_text("\n".join(doc))
        in_memory.add_text("\n".join(doc))
    for least in (1, 2):
        expected = in_memory.table(min_count=least)
        for table in (spilled.table(min_count=least), spilled.table(min_count=least)):
            assert table.documents == expected.documents == len(docs)
            assert table.hashes.tolist() == expected.hashes.tolist()
            assert table.counts.tolist() == expected.counts.tolist()


def test_table_round_trips_and_rejects_other_files(tmp_path):
    counter = LineCounter()
    for doc in ["Home\nA story", "Home\nAnother story"]:
        counter.add_text(doc)
    path = tmp_path / "corpus.lines"
    counter.table().save(path)
    table = LineTable.load(path)
    assert (table.documents, len(table), table.count(line_hash("home"))) == (2, 1, 2)
    bad = tmp_path / "bad.lines"
    bad.write_bytes(b"not a table at all")
    with pytest.raises(LineTableError, match=r"bad\.lines"):
        LineTable.load(bad)
    assert cached_table(tmp_path / "nothing.jsonl") == (None, None)
    (tmp_path / "other.lines").write_bytes(b"CKLINES1" + b"\0" * 30)
    table, warning = cached_table(tmp_path / "other.jsonl")
    assert table is None and "other.lines" in warning
    assert table_path(tmp_path / "corpus.jsonl") == path


def _table(lines: list[str], documents: int) -> LineTable:
    hashes = np.array(sorted(line_hash(line) for line in lines), dtype=np.uint64)
    return LineTable(hashes, np.full(len(hashes), documents, dtype=np.uint32), documents)


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("Unsere Leserreisen im Überblick", BODY_DE),
        ("Nos offres d'abonnement du moment", BODY_FR),
        ("Nuestras ofertas de suscripción", BODY_ES),
        ("Our weekly digest of local events", BODY),
    ],
)
def test_line_repeated_across_the_corpus_goes(line, body):
    doc = f"{body}\n\n{body}\n\n{line}\n\n{body}\n\n{body}\n"
    assert line in clean_text(doc).record.text
    assert line in clean_text(doc, line_table=_table([line], 3)).record.text  # a few pages: no sign
    result = clean_text(doc, line_table=_table([line], 400))
    assert line not in result.record.text
    message = next(f.message for f in result.report.findings if f.text == line)
    assert "other documents with this line 399" in message


@pytest.mark.parametrize("body", BODIES.values())
def test_repeated_article_text_stays(body):
    doc = f"{body}\n\n{body}\n"
    result = clean_text(doc, line_table=_table([body], 400))
    assert result.record.text == doc


LIST_BELOW = {  # the items of a list, no punctuation: text to the line model
    "en": "What the council agreed on Tuesday evening\nFund the town library for another three years\n"
    "Reopen the swimming pool on the north side before summer\nHire two more teachers for the primary "
    "school in the autumn",
    "fr": "Ce que le conseil a décidé mardi soir\nLa bibliothèque sera financée pendant trois ans de "
    "plus\nLa piscine du quartier nord rouvrira avant l'été\nDeux enseignants de plus arriveront à "
    "l'école à l'automne",
}
LIST_ABOVE = {  # a list that opens the article, its items ending on commas
    "en": "The council agreed on Tuesday evening to\nFund the town library for another three years,\n"
    "Reopen the swimming pool on the north side,\nHire two more teachers for the primary school",
    "de": "Der Gemeinderat hat am Dienstag beschlossen:\nDie Bibliothek drei weitere Jahre zu "
    "finanzieren,\nDas Hallenbad im Norden vor dem Sommer zu öffnen,\nZwei neue Lehrer an die "
    "Grundschule zu holen",
    "fr": "Le conseil a décidé mardi soir de\nFinancer la bibliothèque trois ans de plus,\nRouvrir la "
    "piscine du quartier nord avant l'été,\nRecruter deux enseignants pour l'école primaire",
}
WRAPPED_LOWER = {  # the lines go on in lower case: pieces of cut sentences
    "de": "Der Gemeinderat hat am Dienstagabend über den neuen Haushalt\nberaten und nach langer "
    "Debatte beschlossen,\ndie Bibliothek drei weitere Jahre zu finanzieren, und\nwill im Herbst "
    "erneut darüber sprechen",
    "fr": "Le conseil municipal s'est réuni mardi soir pour\nexaminer le nouveau budget et, après un "
    "long débat,\na décidé de financer la bibliothèque pendant trois\nans de plus et d'en reparler "
    "à l'automne",
    "en": "The council met on Tuesday evening to discuss the\nnew budget, and after a long debate the "
    "members\nagreed to fund the library for another three years\nand to come back to it in the autumn",
}


@pytest.mark.parametrize("lang", sorted(LIST_BELOW))
def test_footer_clutter_defers_to_the_model_on_a_list(lang):
    body = BODIES[lang]
    doc = f"{body}\n\n{body}\n\n{LIST_BELOW[lang]}\n"
    assert [f.code for f in clean_text(doc).report.findings if f.action] == []
    without_model = Config(ignore=["B301"])
    removed = {f.code for f in clean_text(doc, config=without_model).report.findings if f.action}
    assert removed == {"B112"}  # alone, the footer rule takes the items for chrome


@pytest.mark.parametrize("lang", sorted(LIST_ABOVE))
def test_header_clutter_defers_to_the_model_on_a_list(lang):
    body = BODIES[lang]
    doc = f"{LIST_ABOVE[lang]}\n\n{body}\n\n{body}\n"
    assert [f.code for f in clean_text(doc).report.findings if f.action == "removed"] == []
    without_model = Config(ignore=["B301"])
    removed = {f.code for f in clean_text(doc, config=without_model).report.findings if f.action == "removed"}
    assert removed == {"B111"}  # alone, the header rule takes the items for chrome


@pytest.mark.parametrize("lang", sorted(WRAPPED_LOWER))
def test_clutter_rules_keep_the_pieces_of_a_cut_sentence(lang):
    """Lines that go on in lower case are one sentence: kept even without the line model."""
    body, without_model = BODIES[lang], Config(ignore=["B301"])
    for doc in (
        f"{body}\n\n{body}\n\n{WRAPPED_LOWER[lang]}\n",
        f"{WRAPPED_LOWER[lang]}\n\n{body}\n\n{body}\n",
    ):
        assert [
            f.code for f in clean_text(doc, config=without_model).report.findings if f.action == "removed"
        ] == []


LOWER_CASE_MENU = {
    "en": "gadgets\nreviews\ndeals",
    "de": "garten\nrezepte\nangebote",
    "fr": "jardin\nrecettes\npromos",
}


@pytest.mark.parametrize("lang", sorted(LOWER_CASE_MENU))
def test_a_menu_in_lower_case_is_no_cut_sentence(lang):
    """Words in lower case, one a line, are too few to be a sentence: the clutter rules take them."""
    body, menu, without_model = BODIES[lang], LOWER_CASE_MENU[lang], Config(ignore=["B301"])
    for doc in (f"{body}\n\n{body}\n\n{menu}\n", f"{menu}\n\n{body}\n\n{body}\n"):
        removed = [
            f.text for f in clean_text(doc, config=without_model).report.findings if f.action == "removed"
        ]
        assert removed == menu.split("\n")


CLOSING_PIECE = {  # a short piece, and a shorter one that closes its sentence in lower case
    "en": ("on the website", "instead."),
    "de": ("Homepage des Herstellers", "nachlesen."),
    "fr": ("sur le site", "officiel."),
}


@pytest.mark.parametrize("lang", sorted(CLOSING_PIECE))
def test_a_short_piece_that_closes_its_sentence_is_kept(lang):
    """Fewer than five words in all below the article, but the lower-case piece ends the
    sentence with a full stop: one sentence cut at a link, not a menu."""
    body, without_model = BODIES[lang], Config(ignore=["B301"])
    doc = f"{body}\n\n{body}\n\n" + "\n".join(CLOSING_PIECE[lang]) + "\n"
    result = clean_text(doc, config=without_model)
    assert [f for f in result.report.findings if f.action == "removed"] == []
    assert all(piece in result.record.text for piece in CLOSING_PIECE[lang])


@pytest.mark.parametrize(("lines", "lang"), [("Neue Rezepte\nmehr…", "de"), ("Top deals\nmore...", "en")])
def test_a_short_piece_that_trails_off_is_no_sentence(lines, lang):
    # an ellipsis closes nothing: "mehr…" is a link label
    body, without_model = BODIES[lang], Config(ignore=["B301"])
    removed = [
        f.text for f in clean_text(f"{body}\n\n{body}\n\n{lines}\n", config=without_model).report.findings
    ]
    assert all(line in removed for line in lines.split("\n"))


@pytest.mark.parametrize(
    ("piece", "rest", "lang"),
    [
        ("WeWork", "is reportedly being investigated by the state attorney general", "en"),
        ("Die Stadtwerke", "haben am Dienstag neue Preise für Strom und Gas angekündigt", "de"),
    ],
)
def test_a_piece_of_a_cut_sentence_repeated_across_the_corpus_stays(piece, rest, lang):
    """A name that many pages print on its own line (a link) is still the subject here;
    B302 spares it (the line model, which reads the same count, is left out)."""
    body, without_model = BODIES[lang], Config(ignore=["B301"])
    doc = f"{body}\n\n{piece}\n\n{rest} {body}\n"
    assert clean_text(doc, config=without_model, line_table=_table([piece], 400)).record.text == doc


TABLE_ROWS = {  # a table scraped cell by cell: short lines, no full stops
    "en": [("Tesco Korma Curry Sauce", "Cooking Sauce", "Best Before End April 2006")] * 6,
    "de": [("Rewe Curry Sauce", "Fertigsauce", "Mindestens haltbar bis Ende April 2006")] * 6,
}


def _table_text(lang: str) -> str:
    return "\n".join(
        f"{name} {n}\n{kind}\n{date}" for n, (name, kind, date) in enumerate(TABLE_ROWS[lang], 1)
    )


@pytest.mark.parametrize("lang", sorted(TABLE_ROWS))
def test_short_lines_that_outweigh_the_article_above_are_flagged(lang):
    """Twice the article's words "below the article": the article goes on there (a table)."""
    doc = f"{BODIES[lang]}\n\n{_table_text(lang)}\n"
    findings = clean_text(doc, config=Config(ignore=["B301"])).report.findings
    assert {(f.code, f.action) for f in findings if f.action} == {("B112", "flagged")}


@pytest.mark.parametrize("lang", sorted(TABLE_ROWS))
def test_short_lines_below_a_longer_article_are_removed(lang):
    body = BODIES[lang]
    doc = f"{body}\n\n{body}\n\n{body}\n\n{_table_text(lang)}\n"
    findings = clean_text(doc, config=Config(ignore=["B301"])).report.findings
    assert {(f.code, f.action) for f in findings if f.action} == {("B112", "removed")}
