"""Lexicon lines carry the brackets, bullets and full-width marks of Chinese, Japanese and
Korean pages around their phrase ("【PR】", "▶ 관련기사", "・利用規約", "協賛：…"); article lines
that open with a bracketed tag stay."""

from __future__ import annotations

import pytest

from conftest import BODY_JA, BODY_KO, BODY_ZH, around, removed_by
from corpuskit import clean_text

MARKED = [
    ("B101", "【PR】", BODY_JA),
    ("B101", "【協賛】株式会社サンプル", BODY_JA),
    ("B101", "广告：某某文化传媒有限公司", BODY_ZH),
    ("B106", "▶ 관련기사", BODY_KO),
    ("B108", "・利用規約", BODY_JA),
    ("B108", "■ プライバシーポリシー", BODY_JA),
    ("B108", "会員登録（無料）", BODY_JA),  # the phrase's own bracket closes the line
]


@pytest.mark.parametrize(("code", "line", "body"), MARKED, ids=[line for _, line, _ in MARKED])
def test_marked_lexicon_lines_go(code, line, body):
    assert code in removed_by(around(line, body), line)


KEPT = [
    ("【速報】首相が辞任の意向を表明、与党内に動揺が広がる", BODY_JA),
    ("「ニュース」という言葉の意味を、改めて考えてみたい。", BODY_JA),
    ("▶ 서울시는 내년부터 심야버스 노선을 20개로 늘린다고 밝혔다.", BODY_KO),
    ("【记者观察】乡村振兴离不开人才，各地纷纷出台新政策。", BODY_ZH),
]


@pytest.mark.parametrize(("line", "body"), KEPT, ids=[line[:12] for line, _ in KEPT])
def test_article_lines_that_open_with_a_mark_stay(line, body):
    assert line in clean_text(around(line, body)).record.text
