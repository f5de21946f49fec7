"""Words are counted in every script: the line features, the headline and prose shapes and
the minimum length of a seed all count words."""

from __future__ import annotations

import pytest

from conftest import BODY_BN
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


PAGES = {  # the page's headline and date above its article, in scripts without capitals
    "zh": (
        "市议会批准图书馆新预算",
        "市议会周二晚上召开会议，讨论公共图书馆的新预算。经过长时间的辩论，议员们同意再为图书馆提供三年的资金。",
    ),
    "hi": (
        "नगर परिषद ने पुस्तकालय के नए बजट को मंजूरी दी",
        "नगर परिषद ने मंगलवार शाम को सार्वजनिक पुस्तकालय के नए बजट पर चर्चा के लिए बैठक की। लंबी बहस के बाद "
        "सदस्यों ने पुस्तकालय को तीन और वर्षों तक धन देने पर सहमति जताई।",
    ),
    "ar": (
        "المجلس البلدي يوافق على ميزانية المكتبة الجديدة",
        "اجتمع المجلس البلدي مساء الثلاثاء لمناقشة الميزانية الجديدة للمكتبة العامة في المدينة. "
        "وبعد نقاش طويل، وافق الأعضاء على تمويل المكتبة لثلاث سنوات أخرى.",
    ),
}


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_headline_in_a_script_without_capitals_is_lifted(lang):
    headline, paragraph = PAGES[lang]
    result = clean_text(f"{headline}\n2024-03-05 10:30\n{paragraph}\n\n{paragraph}\n")
    assert result.record.meta.title == headline
    assert paragraph in result.record.text


def test_combining_marks_count_as_letters():
    # Hindi vowel signs are marks, not letters to str.isalpha: a Hindi line is still text
    line = segment("नगर परिषद ने पुस्तकालय के नए बजट को मंजूरी दी")[0]
    assert line.letter_share > 0.7


@pytest.mark.parametrize(
    "sentence",
    [
        BODY_BN,  # ends with the danda (।)
        "市议会周二晚上召开会议，讨论公共图书馆的新预算。",
        "नगर परिषद ने मंगलवार शाम को पुस्तकालय के नए बजट पर चर्चा की।",
    ],
)
def test_a_sentence_in_a_script_without_capitals_is_not_a_headline(sentence):
    # the line ends with a full stop of its script: prose, not a title
    result = clean_text("\n\n".join([sentence] * 6) + "\n")
    assert result.record.meta.title is None
    assert result.record.text == "\n\n".join([sentence] * 6) + "\n"


THAI = [
    "หลังจากการอภิปรายอันยาวนาน สมาชิกตกลงที่จะให้เงินสนับสนุนห้องสมุดต่อไปอีกสามปี "
    "และนายกเทศมนตรีกล่าวว่าการตัดสินใจครั้งนี้เป็นชัยชนะของประชาชน",
    "ตามที่ผู้อำนวยการห้องสมุดกล่าว จำนวนผู้เข้าชมเพิ่มขึ้นเป็นสองเท่าตั้งแต่ปีที่แล้วเนื่องจากโครงการส่งเสริมการอ่านใหม่",
]


def test_thai_paragraphs_end_without_a_mark_and_are_still_the_article():
    # Thai ends a sentence with a space: its paragraphs are prose, the menu above is not
    page = "หน้าแรก\nข่าว\nกีฬา\n2024-03-05 10:30\n" + "\n".join(THAI) + "\n"
    result = clean_text(page)
    assert all(paragraph in result.record.text for paragraph in THAI)
    assert "กีฬา" not in result.record.text.split("\n")
    assert result.record.meta.published is not None
