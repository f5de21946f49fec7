"""Lexicon lines carry the brackets, bullets and full-width marks of Chinese, Japanese and
Korean pages around their phrase ("【PR】", "▶ 관련기사", "・利用規約", "協賛：…"); article lines
that open with a bracketed tag stay."""

from __future__ import annotations

import pytest

from conftest import BODY, BODY_DE, BODY_JA, BODY_KO, BODY_ZH, around, removed_by
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


# Korean and Japanese credits join label and name with "=" ("사진=연합뉴스", "写真＝共同"),
# and close a caption in brackets ("（写真：ロイター）", "[사진=AP]").
CREDITS = [
    ("B103", "사진=독자 제공", BODY_KO),
    ("B103", "(사진=게티이미지뱅크)", BODY_KO),
    ("B103", "写真＝共同通信", BODY_JA),
    ("B114", "21일 오전 서울 강남역 인근 도로가 물에 잠겨 있다. (사진=독자 제공)", BODY_KO),
    ("B114", "시민들이 우산을 쓰고 출근하고 있다. /사진=뉴스1", BODY_KO),
    ("B114", "東京・渋谷のスクランブル交差点を渡る人々（写真：ロイター）", BODY_JA),
    ("B114", "街頭で演説する候補者。写真＝共同", BODY_JA),
    ("B114", "Die Feuerwehr im Einsatz am Montag [Foto: Stadt Trier]", BODY_DE),
]


@pytest.mark.parametrize(("code", "line", "body"), CREDITS, ids=[line for _, line, _ in CREDITS])
def test_credits_joined_by_an_equals_sign_or_in_brackets_go(code, line, body):
    assert code in removed_by(around(line, body), line)


CREDIT_WORDS_IN_PROSE = [
    ("사진 작가 김영수 씨는 지난 30년 동안 전국의 사라져 가는 골목을 기록해 왔다고 말했다.", BODY_KO),
    ("영상 속에서 그는 마지막까지 구조를 기다리던 주민들의 모습을 담담하게 설명했다.", BODY_KO),
    ("写真を撮影した男性は、当時の様子を「一瞬の出来事だった」と振り返った。", BODY_JA),
    ("He set the photo ratio so that Image = 3 × width, and the printer took it from there.", BODY),
]


@pytest.mark.parametrize(
    ("line", "body"), CREDIT_WORDS_IN_PROSE, ids=[line[:12] for line, _ in CREDIT_WORDS_IN_PROSE]
)
def test_prose_that_opens_with_a_credit_word_stays(line, body):
    assert line in clean_text(around(line, body)).record.text
