"""Words are counted in every script: the line features, the headline and prose shapes and
the minimum length of a seed all count words."""

from __future__ import annotations

import pytest

from corpuskit import clean_text
from corpuskit.config import Config
from corpuskit.segment import segment


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("The council didn't meet on Tuesday.", 6),
        ("प्रधानमंत्री ने आज संसद में भाषण दिया।", 7),  # Hindi: vowel signs belong to their word
        ("আজ শনিবার সকাল সাড়ে সাতটার দিকে", 6),  # Bengali
        ("اجتمع المجلس البلدي مساء الثلاثاء", 5),  # Arabic
        ("שָׁלוֹם עֲלֵיכֶם", 2),  # Hebrew with points
        ("市议会周二开会。", 4),  # Chinese: a word per two characters (市议 会周 二开 会)
        ("联系我们", 2),  # 联系 我们
        ("市議会は火曜日に", 4),  # Japanese
        ("Ελληνικά κείμενα εδώ", 3),
    ],
)
def test_words_in_every_script(line, words):
    assert segment(line)[0].word_count == words


def test_unspaced_scripts_count_about_a_word_per_five_characters():
    thai = "สภาเทศบาลได้ประชุมเมื่อเย็นวันอังคาร"  # six words, no space between them
    assert 5 <= segment(thai)[0].word_count <= 9


@pytest.mark.parametrize(
    "text",
    [
        "市议会周二晚上召开会议，讨论公共图书馆的新预算。经过长时间的辩论，议员们同意再为图书馆提供三年的资金。",
        "नगर परिषद ने मंगलवार शाम को सार्वजनिक पुस्तकालय के नए बजट पर चर्चा के लिए बैठक की।",
    ],
)
def test_an_article_in_an_unspaced_or_indic_script_is_long_enough(text):
    # D003 counts words as the rules do: a Chinese or Hindi paragraph is not "two words"
    result = clean_text(text + "\n", config=Config(min_words=12))
    assert not [f for f in result.report.findings if f.code == "D003"]
    short = clean_text("市议会开会。\n", config=Config(min_words=12))
    assert [f.code for f in short.report.findings if f.code == "D003"] == ["D003"]
