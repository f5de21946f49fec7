"""HTML seeds: main content, metadata, findings, both parsers, hostile input (fixtures in
tests/html/, written for these tests, in several languages)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BODY, BODY_DE, BODY_ES
from corpuskit import clean_bytes, clean_file, clean_text
from corpuskit.assemble import rebuild_original, rebuild_view
from corpuskit.config import Config
from corpuskit.html import read_html
from corpuskit.html.vocab import classify

FIXTURES = Path(__file__).with_name("html")
PAGES = sorted(FIXTURES.glob("*.html"))


def page(body: str, head: str = "", lang: str = "en") -> bytes:
    return f'<!DOCTYPE html><html lang="{lang}"><head>{head}</head><body>{body}</body></html>'.encode()


def clean_page(raw: bytes, **config):
    return clean_bytes(raw, name="page.html", config=Config(**config))


def codes(result, action: str | None = None) -> list[str]:
    return [f.code for f in result.report.findings if action is None or f.action == action]


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


# --- the fixtures ---------------------------------------------------------------------


EXPECTED = {
    "news_en.html": (
        [
            "The town council voted on Tuesday evening",
            "The library was founded in 1904",  # an <aside> inside the article, with text
            "What happens next",  # a heading next to body text
            "The shareholders of the local bookshop, who share the building",
            "A public meeting on the library's opening hours",
        ],
        [
            "We use cookies",
            "Share on Facebook",
            "Advertisement",
            "morning newsletter",
            "Related stories",
            "Museum to close",
            "Great news for the town",
            "All rights reserved",
            "Photo: Courier staff",
            "Opinion",
        ],
    ),
    "news_de.html": (
        ["Nach tagelangem Regen", "Die Feuerwehr war die ganze Nacht", "Meteorologen rechnen"],
        ["Anzeige", "Startseite", "Teilen", "Kommentare", "Unglaublich", "Meistgelesen", "Impressum"],
    ),
    "blog_fr.html": (
        ["Le gouvernement a présenté mardi", "Les syndicats ont appelé", "Le texte sera examiné"],
        ["Accueil", "Partager", "Claire Martin est journaliste", "À lire aussi", "Publicité"],
    ),
    "nyhet_nb.html": (
        [
            "Kommunestyret møttes tirsdag kveld",
            "Ordføreren sa at vedtaket",
            "Resten av saken er forbeholdt abonnenter",  # hidden, between paragraphs: stays
            "Biblioteket skal etter planen",
        ],
        ["Lokalavisen", "Forsiden", "Del på Facebook", "Logg inn for å lese"],
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_keeps_the_article_and_drops_the_page(name):
    text = clean_file(FIXTURES / name).record.text
    keep, drop = EXPECTED[name]
    for snippet in keep:
        assert snippet in text, snippet
    for snippet in drop:
        assert snippet not in text, snippet


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_both_parsers_agree(name):
    raw = (FIXTURES / name).read_bytes()
    lxml, bs4 = clean_page(raw, html_parser="lxml"), clean_page(raw, html_parser="bs4")
    assert lxml.record.text == bs4.record.text
    assert lxml.record.meta == bs4.record.meta
    assert [(f.code, f.element, f.text) for f in lxml.report.findings] == [
        (f.code, f.element, f.text) for f in bs4.report.findings
    ]


def letters(text: str) -> Counter:
    return Counter("".join(text.split()))


def visible_letters(markup: str) -> Counter:
    """Every character of the whole page rendered as text (no HTML rule switched on),
    whitespace aside."""
    everything = frozenset(("H102", "H103", "H104", "H105", "H106"))
    return letters(read_html(markup, disabled=everything).text)


def recorded_letters(res) -> Counter:
    """Characters of the cleaned text, the lifted title and every finding's text."""
    recorded = letters(res.record.text) + letters(res.record.meta.title or "")
    for finding in res.report.findings:
        recorded += letters(finding.text or "")
    return recorded


@pytest.mark.parametrize("fixture", PAGES, ids=lambda p: p.name)
def test_nothing_visible_is_lost(fixture):
    """Every word a reader sees is in the cleaned text or in a finding of the report."""
    res = clean_file(fixture)
    assert not visible_letters(fixture.read_text("utf-8")) - recorded_letters(res)


@pytest.mark.parametrize("fixture", PAGES, ids=lambda p: p.name)
def test_report_rebuilds_the_extracted_view(fixture):
    res = clean_file(fixture)
    view = rebuild_view(res.record.text, res.report)
    assert hashlib.sha256(view.encode()).hexdigest() == res.report.html.view_sha256
    assert res.record.checksums.raw_sha256 == hashlib.sha256(fixture.read_bytes()).hexdigest()
    with pytest.raises(ValueError, match="HTML seed"):
        rebuild_original(res.record.text, res.report)


def test_findings_point_at_elements_and_source_lines():
    res = clean_file(FIXTURES / "news_en.html")
    share = next(f for f in res.report.findings if f.text and "Share on Facebook" in f.text)
    assert (share.code, share.element, share.action) == (
        "H103",
        "body > main > article > div.share-bar",
        "removed",
    )
    source = (FIXTURES / "news_en.html").read_text("utf-8").splitlines()
    assert "share-bar" in source[share.line - 1]
    lifted = next(f for f in res.report.findings if f.action == "lifted:title")
    assert lifted.element == "body > main > article > h1"
    assert res.report.html.root == "body > main > article"


# --- metadata -----------------------------------------------------------------------------


def test_metadata_from_json_ld_and_meta_tags():
    res = clean_file(FIXTURES / "news_en.html")
    meta, origins = res.record.meta, res.report.metadata
    assert meta.title == "Council votes to keep the library open"
    assert meta.authors == ["Jane Doe", "Omar Haddad"]
    assert meta.published == dt.datetime(2024, 3, 5, 18, 30, tzinfo=dt.timezone.utc)
    assert meta.source == "The Riverside Courier"
    assert meta.url == "https://courier.example/news/library-vote"
    assert meta.language == "en"
    assert origins["title"].method == "html:json-ld headline"
    assert origins["authors"].method == "html:json-ld author"
    assert origins["published"].origin == "explicit"
    assert origins["source"].method == "html:meta og:site_name"


def test_metadata_from_title_date_and_author_tags():
    res = clean_file(FIXTURES / "news_de.html")
    meta, origins = res.record.meta, res.report.metadata
    assert meta.title == "Hochwasser in Bayern: Pegel steigen weiter"
    assert origins["title"].note == "site name ' - Süddeutsche Rundschau' dropped"
    assert meta.published == dt.date(2024, 6, 2)
    assert meta.authors == ["Anna Schmidt"]
    assert meta.language == "de"


def test_declared_language_does_not_override_the_text():
    res = clean_page(page(f"<p>{BODY_DE}</p><p>{BODY_DE}</p>", lang="en"))
    assert res.record.meta.language == "de"
    assert "the page declares 'en'" in res.report.metadata["language"].note


def test_declared_language_fills_in_when_the_text_is_too_short():
    res = clean_page(page("<p>Hola.</p>", lang="es-ES"))
    assert res.record.meta.language == "es"
    assert res.report.metadata["language"].method == "html:html lang"


def test_bad_metadata_values_are_refused():
    head = (
        '<meta property="article:published_time" content="2999-01-01T00:00:00Z">'
        '<meta name="author" content="https://example.org/staff/42">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
    )
    res = clean_page(page(f"<p>{BODY}</p>", head))
    assert res.record.meta.published is None
    assert res.record.meta.authors == []


@pytest.mark.parametrize("parser", ["lxml", "bs4"])
@pytest.mark.parametrize(
    ("head", "url"),
    [
        ('<link rel="canonical" href="//news.example/a/1">', "https://news.example/a/1"),
        ('<base href="https://news.example/a/"><link rel="canonical" href="1">', "https://news.example/a/1"),
        ('<base href="/a/"><link rel="canonical" href="/a/1">', None),
        ('<link rel="canonical" href="/a/1">', None),
    ],
)
def test_a_relative_address_is_resolved_only_against_what_the_page_says(parser, head, url):
    res = clean_page(page(f"<p>{BODY}</p>", head), html_parser=parser)
    assert res.record.meta.url == url


# --- the extraction rules, with their negatives ----------------------------------------------


def test_aside_inside_the_article_with_text_stays_but_outside_goes():
    inside = f"<article><p>{BODY}</p><aside><p>{BODY_DE}</p></aside></article>"
    outside = f"<article><p>{BODY}</p><p>{BODY}</p></article><aside><p>{BODY_DE}</p></aside>"
    assert BODY_DE in clean_page(page(inside)).record.text
    assert BODY_DE not in clean_page(page(outside)).record.text


def test_boilerplate_words_in_the_text_itself_are_not_class_names():
    text = "Share prices rose after the comments, and readers shared the advertisement in the newsletter."
    res = clean_page(page(f"<article><p>{BODY}</p><p>{text}</p></article>"))
    assert text in res.record.text


@pytest.mark.parametrize(
    "value",
    [
        "shareholder-letter",
        "commentary",
        "no-ads",
        "has-comments",
        "category-newsletter",
        "header",
        "loading",
    ],
)
def test_class_names_that_are_not_boilerplate(value):
    assert classify(value) is None


@pytest.mark.parametrize(
    "value, category",
    [
        ("social-share", "share"),
        ("ad-container", "ad"),
        ("werbung", "ad"),
        ("publicite", "ad"),
        ("kommentare", "comments"),
        ("commentaires", "comments"),
        ("cookieConsentBanner", "cookie"),
        ("relacionados", "related"),
        ("les-ogsa", "related"),
        ("bildunterschrift", "caption"),
    ],
)
def test_class_names_that_are_boilerplate(value, category):
    assert classify(value)[0] == category


def test_a_named_wrapper_holding_the_article_is_kept_and_flagged():
    res = clean_page(page(f"<div class='sidebar-layout'><p>{BODY}</p><p>{BODY_ES}</p></div>"))
    assert BODY in res.record.text and BODY_ES in res.record.text
    assert "H107" in codes(res, "flagged")
    assert res.record.flags.flagged >= 1


def test_paywall_named_article_body_keeps_its_text():
    body = f"<article><div class='paywall'><p>{BODY}</p><p>{BODY_ES}</p></div></article>"
    res = clean_page(page(body + "<div class='paywall-prompt'>Subscribe now</div>"))
    assert BODY in res.record.text and "Subscribe now" not in res.record.text


def test_hidden_dialog_goes_and_hidden_duplicate_goes():
    body = (
        f"<article><p>{BODY}</p><p>{BODY_ES}</p></article>"
        f"<div style='display: none'><p>{BODY_DE}</p></div>"
        f"<article><p aria-hidden='true'>{BODY}</p></article>"
    )
    res = clean_page(page(body))
    assert BODY_DE not in res.record.text
    assert res.record.text.count(BODY) == 1
    assert "H104" in codes(res, "removed")


def test_link_lists_go_but_paragraphs_with_links_stay():
    linked = f"The <a href='/c'>council</a> met. {BODY}"
    links = "<p><a href='/1'>Wahlen</a> · <a href='/2'>Politik</a> · <a href='/3'>Bayern</a></p>"
    res = clean_page(page(f"<article><p>{linked}</p>{links}<p>{BODY_DE}</p></article>"))
    assert "The council met." in res.record.text and "Wahlen" not in res.record.text
    assert "H106" in codes(res, "removed")


def test_main_content_wins_over_teasers_and_keeps_its_heading():
    teasers = "".join(f"<li><a href='/{i}'>Teaser headline number {i} here</a></li>" for i in range(10))
    article = f"<div><h1>Council agrees the budget</h1><div><p>{BODY}</p><p>{BODY}</p></div></div>"
    body = f"<div class='top'><ul>{teasers}</ul></div>{article}"
    res = clean_page(page(body))
    assert "Teaser" not in res.record.text
    assert res.record.meta.title == "Council agrees the budget"  # the heading went with the text, then lifted


def test_article_body_is_preferred_but_not_blindly():
    lead = f"<div itemprop='articleBody'><p>{BODY}</p><p>{BODY_ES}</p></div>"
    assert BODY in clean_page(page(f"<div><p>{BODY_DE}</p></div>{lead}")).record.text
    tiny = "<div itemprop='articleBody'><p>Short teaser.</p></div>"
    res = clean_page(page(f"{tiny}<div><p>{BODY}</p><p>{BODY_ES}</p><p>{BODY_DE}</p></div>"))
    assert BODY_ES in res.record.text


def test_tables_rows_and_line_breaks():
    body = (
        f"<article><p>{BODY}</p><table><tr><td>Oslo</td><td>12 °C</td></tr>"
        "<tr><td>Bergen</td><td>9 °C</td></tr></table><p>Line one.<br>Line two.</p></article>"
    )
    view = read_html(page(body).decode()).text
    assert "Oslo 12 °C\n" in view and "Bergen 9 °C\n" in view
    assert "Line one.\nLine two.\n" in view


def test_ignoring_a_code_keeps_what_it_would_drop():
    body = f"<article><p>{BODY}</p><div class='share-bar'>Share this story</div></article>"
    assert "Share this story" not in clean_page(page(body)).record.text
    assert "Share this story" in clean_page(page(body), ignore=["H103", "B1", "B3"]).record.text


def test_text_rules_run_on_the_extracted_view():
    body = f"<article><p>Foto: NTB Scanpix</p><p>{BODY}</p><p>Lire aussi : La réforme</p></article>"
    res = clean_page(page(body))
    assert res.record.text == BODY + "\n"
    assert {"B103", "B106"} <= set(codes(res, "removed"))


# --- hostile input --------------------------------------------------------------------------


@pytest.mark.parametrize("parser", ["lxml", "bs4"])
@pytest.mark.parametrize(
    "markup",
    [
        "<div>" * 50_000 + "deep text" + "</div>" * 50_000,
        "<b><i>" * 20_000 + "unclosed",
        "<p>" * 20_000,
        "<table><tr><td>" * 3_000 + "cell",
        "<a href='x'>" + "<div><p>swallowed by a link that never closes.</p></div>" * 50,
        "<<<>>></p></div><div <p =>& &amp &#xZZ; &#99999999;",
        "",
        "   ",
        "<html><body></body></html>",
        '<p class="' + "x" * 200_000 + '">long attribute</p>',
    ],
    ids=[
        "deep",
        "unclosed-inline",
        "many-p",
        "nested-tables",
        "open-link",
        "garbage",
        "empty",
        "blank",
        "no-text",
        "long-attr",
    ],
)
def test_hostile_markup_does_not_crash(markup, parser):
    res = clean_page(markup.encode(), html_parser=parser)
    assert res.record is not None
    assert res.report.html.parser == parser


@pytest.mark.parametrize("parser", ["lxml", "bs4"])
@pytest.mark.parametrize("depth", [300, 5_000])
def test_text_below_deep_nesting_is_kept(parser, depth):
    """Old pages leave tags open (`<font>`, `<div>`) until they nest hundreds deep; libxml2
    stops building its tree there and would drop the rest of the page."""
    markup = f"<html><body>{'<div>' * depth}<p>{BODY}</p>{'</div>' * depth}<p>{BODY_DE}</p></body></html>"
    text = clean_page(markup.encode(), html_parser=parser).record.text
    assert BODY in text and BODY_DE in text


def test_entities_declared_in_the_page_are_not_expanded():
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        f"<html><body><p>&lol2; {BODY}</p></body></html>"
    )
    external = (
        '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<html><body><p>&x; {BODY}</p></body></html>"
    )
    for markup in (laughs, external):
        text = clean_page(markup.encode()).record.text
        assert "lollol" not in text and "root:" not in text
        assert BODY in text


def test_hostile_json_ld_is_skipped():
    deep = "[" * 100_000 + "]" * 100_000
    head = f'<script type="application/ld+json">{deep}</script><title>A calm title here</title>'
    res = clean_page(page(f"<p>{BODY}</p>", head))
    assert res.record.meta.title == "A calm title here"


def test_not_utf8_html_is_decoded():
    raw = page(f"<p>Smörgåsbord på svenska, {BODY}</p>").decode().encode("cp1252")
    res = clean_page(raw)
    assert "Smörgåsbord" in res.record.text
    assert "E002" in codes(res)


tag = st.sampled_from(["div", "p", "span", "a", "section", "article", "aside", "li", "ul", "h2", "td", "br"])
attrs = st.sampled_from(
    ["", ' class="share-bar"', ' class="content"', ' id="comments"', " hidden", ' style="display:none"']
)
text = st.sampled_from([BODY, BODY_DE, BODY_ES, "Home", "Share", "Read more", "12 °C", "&amp; more", ""])


@st.composite
def pages(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        kind = draw(st.integers(0, 2))
        if kind == 0:
            parts.append(f"<{draw(tag)}{draw(attrs)}>")
        elif kind == 1:
            parts.append(f"</{draw(tag)}>")
        else:
            parts.append(draw(text))
    return "<html><body>" + "".join(parts) + "</body></html>"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_generated_pages_rebuild_and_lose_nothing(markup):
    res = clean_page(markup.encode())
    view = rebuild_view(res.record.text, res.report)
    assert hashlib.sha256(view.encode()).hexdigest() == res.report.html.view_sha256
    assert not visible_letters(markup) - recorded_letters(res)
    again = clean_page(markup.encode())
    assert again.record.model_dump_json() == res.record.model_dump_json()


# --- text seeds that still hold markup ----------------------------------------------------------


def test_stray_tags_in_a_text_seed_are_removed_and_recorded():
    res = clean_text(f'<p>{BODY}<br/>{BODY_DE}</p>\n<a href="/x" class="more">{BODY_ES}</a>\n')
    assert res.record.text == f"{BODY} {BODY_DE}\n\n{BODY_ES}\n"
    stray = [f for f in res.report.findings if f.code == "H201"]
    assert len(stray) == 2 and all(f.action == "fixed" for f in stray)


@pytest.mark.parametrize(
    "line",
    ["if a <b and c> d then", "I <3 this town", "Use <insert name here> in the form", "x < y > z"],
)
def test_things_that_only_look_like_tags_stay(line):
    res = clean_text(line)
    assert res.record.text == line + "\n"
    assert "H201" not in codes(res)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(["<p>", "</p>", "<br>", "<b>", '<a href="u">', "</a>", BODY, "x<i>y</i>z", "\n"])
    )
)
def test_text_seeds_with_tags_rebuild_exactly(pieces):
    raw = "".join(pieces).encode()
    res = clean_bytes(raw, name="seed.txt")
    assert rebuild_original(res.record.text, res.report) == raw
    assert "<p>" not in res.record.text and "<br>" not in res.record.text


def test_a_headline_that_is_not_the_declared_title_stays():
    head = '<meta property="og:title" content="Council keeps the library open">'
    body = f"<article><p>Zwei Jahre Streit um ein Haus voller Bücher</p><p>{BODY}</p><p>{BODY}</p></article>"
    res = clean_page(page(body, head))
    assert res.record.meta.title == "Council keeps the library open"
    assert "Zwei Jahre Streit" in res.record.text
    assert any(f.code == "M001" and f.action == "flagged" for f in res.report.findings)
    same = f"<article><h1>Council keeps the library open</h1><p>{BODY}</p></article>"
    assert "Council keeps" not in clean_page(page(same, head)).record.text
