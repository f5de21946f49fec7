"""A breadcrumb trail above the article ("Home > News > World") is page chrome in any
script, even where the line model reads short lines as text; an arrow in a headline or in
the body does not make a trail."""

from __future__ import annotations

import pytest

from conftest import BODY, BODY_DE, BODY_JA, BODY_ZH, removed_by
from corpuskit import clean_text

TRAILS = [
    ("Home > News > World", BODY),
    ("Startseite › Politik › Ausland", BODY_DE),
    ("首页 > 新闻 > 国内", BODY_ZH),
    ("ホーム » 社会 » 事件・事故", BODY_JA),
]


@pytest.mark.parametrize(("trail", "body"), TRAILS, ids=[t for t, _ in TRAILS])
def test_a_trail_above_the_article_goes(trail, body):
    text = "\n\n".join([trail, *[body] * 5])
    assert removed_by(text, trail) & {"B111", "B301"}


def test_the_headline_below_a_trail_is_the_title():
    text = "\n\n".join(["首页 > 新闻 > 国内", "北京遭遇强降雨 多处道路积水", *[BODY_ZH] * 5])
    assert clean_text(text).record.meta.title == "北京遭遇强降雨 多处道路积水"


KEPT = [
    ("Markets » Why the euro fell against the dollar again this week", BODY),  # one arrow: a headline
    ("Wähle Datei > Exportieren > PDF, um den Bericht zu speichern.", BODY_DE),  # a sentence
]


@pytest.mark.parametrize(("line", "body"), KEPT, ids=[t[:20] for t, _ in KEPT])
def test_lines_with_arrows_that_are_no_trail_stay(line, body):
    text = "\n\n".join([line, *[body] * 5])
    assert line in clean_text(text).record.text or clean_text(text).record.meta.title == line


def test_a_menu_path_in_the_body_stays():
    path = "Analysis > Compare > By Feature"
    text = "\n\n".join([BODY, BODY, "Open the report from the menu:", path, BODY, BODY])
    assert path in clean_text(text).record.text
