"""Korean, Chinese and Japanese pages give their title, date and authors: their dateline
words ("입력", "发布时间", "公開日"), a line of two dates without a bar, a dateline that
names its outlet after the date ("来源：新华网"), bylines whose names have no capitals
("记者 李明", "김철수 기자")."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import BODY, BODY_JA, BODY_KO, BODY_ZH
from corpuskit import clean_text
from corpuskit.metadata import parse_byline, parse_date


def page(*header: str, body: str) -> str:
    return "\n\n".join([*header, *[body] * 5]) + "\n"


PAGES = [
    (
        page(
            "서울 도심에 폭우…출근길 곳곳 침수",
            "입력 2024.07.21 09:30 수정 2024.07.22 11:02",
            "김철수 기자",
            body=BODY_KO,
        ),
        ("서울 도심에 폭우…출근길 곳곳 침수", dt.date(2024, 7, 21), ["김철수"]),
    ),
    (
        page("北京遭遇强降雨 多处道路积水", "2024年07月21日 09:30 来源：新华网", "记者 李明", body=BODY_ZH),
        ("北京遭遇强降雨 多处道路积水", dt.date(2024, 7, 21), ["李明"]),
    ),
    (
        page("台北豪雨 多處道路積水", "發布時間：2024/07/21 09:30", "記者 王小明、陳美玲", body=BODY_ZH),
        ("台北豪雨 多處道路積水", dt.date(2024, 7, 21), ["王小明", "陳美玲"]),
    ),
    (
        page("東京都心で記録的大雨", "公開日：2024年7月21日", "文：山田太郎", body=BODY_JA),
        ("東京都心で記録的大雨", dt.date(2024, 7, 21), ["山田太郎"]),
    ),
    (
        page("Storm hits the coast", "Published 3 May 2023 Updated 4 May 2023", "By Jane Doe", body=BODY),
        ("Storm hits the coast", dt.date(2023, 5, 3), ["Jane Doe"]),
    ),
    (
        page("Storm hits the coast", "3 May 2023 | Source: Reuters", "By Jane Doe", body=BODY),
        ("Storm hits the coast", dt.date(2023, 5, 3), ["Jane Doe"]),
    ),
]


@pytest.mark.parametrize(("text", "expected"), PAGES, ids=[e[0] for _, e in PAGES])
def test_title_date_and_authors_of_the_page(text, expected):
    meta = clean_text(text).record.meta
    assert (meta.title, meta.published, meta.authors) == expected


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        ("발행일 2024.07.21", "ko", dt.date(2024, 7, 21)),
        ("기사입력 2024-07-21 09:30", "ko", dt.date(2024, 7, 21)),
        ("发布时间：2024-07-21 09:30", "zh", dt.date(2024, 7, 21)),
        ("掲載日：2024年7月21日", "ja", dt.date(2024, 7, 21)),
    ],
)
def test_cjk_dateline_words_are_read(line, language, expected):
    assert parse_date(line, language) == expected


def test_a_date_of_change_alone_is_no_publication_date():
    text = page("서울 도심에 폭우…출근길 곳곳 침수", "수정 2024.07.22 11:02", "김철수 기자", body=BODY_KO)
    assert clean_text(text).record.meta.published is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("김철수·이영희 기자", ["김철수", "이영희"]),
        ("김철수 특파원 kimcs@example.co.kr", ["김철수"]),
        ("记者 李明 王芳", ["李明", "王芳"]),
        ("本报记者 张三", ["张三"]),
        ("文/ジョン・スミス", ["ジョン・スミス"]),
    ],
)
def test_bylines_of_names_without_capitals(line, expected):
    assert parse_byline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "그들은 기자",  # no family name: a phrase ending with the word for reporter
        "전직 기자 출신 의원",
        "글쓰기 모임",
        "记者 会见 将于 明天 下午 三点 在 市政府 举行 欢迎 参加",
        "文化 旅游",
        "Jane Doe, reporter",  # a role after a name, in English, is no byline without "By"
    ],
)
def test_lines_that_are_not_bylines(line):
    assert parse_byline(line) is None


def test_a_source_label_without_a_date_is_no_dateline():
    text = page("Storm hits the coast", "Source: Reuters", body=BODY)
    assert clean_text(text).record.meta.published is None
