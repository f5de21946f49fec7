"""Shared by the tests and the doctests of every rule."""

import os

import pytest
from hypothesis import settings

# The property tests explore new random inputs on every local run; a gate must not
# change its verdict with the draw, so CI runs them with a fixed seed (HYPOTHESIS_PROFILE=ci).
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

BODY = (
    "The council met on Tuesday evening to discuss the new budget, and after a long debate "
    "the members agreed to fund the library for another three years."
)

BODY_DE = (
    "Der Gemeinderat hat am Dienstagabend über den neuen Haushalt beraten und nach langer "
    "Debatte beschlossen, die Bibliothek drei weitere Jahre zu finanzieren."
)
BODY_ES = (
    "El consejo municipal se reunió el martes por la noche para debatir el nuevo presupuesto y, "
    "tras un largo debate, decidió financiar la biblioteca otros tres años."
)
BODY_FR = (
    "Le conseil municipal s'est réuni mardi soir pour examiner le nouveau budget et, après un "
    "long débat, a décidé de financer la bibliothèque pendant trois ans de plus."
)
BODY_NB = (
    "Kommunestyret møttes tirsdag kveld for å diskutere det nye budsjettet, og etter en lang "
    "debatt ble det vedtatt å finansiere biblioteket i tre år til."
)
BODY_PL = (
    "Rada miejska zebrała się we wtorek wieczorem, aby omówić nowy budżet, i po długiej debacie "
    "postanowiła finansować bibliotekę przez kolejne trzy lata."
)
BODY_BN = (  # Bengali: a script without case, sentences end with the danda (।)
    "পৌরসভার সদস্যরা মঙ্গলবার সন্ধ্যায় নতুন বাজেট নিয়ে আলোচনা করেন এবং দীর্ঘ বিতর্কের পর "
    "আরও তিন বছর গ্রন্থাগারের অর্থায়নের সিদ্ধান্ত নেন।"
)
BODY_JA = (  # Japanese, Chinese and Korean: words counted per one or two characters, or per space
    "市議会は火曜日の夜に新しい予算について話し合い、長い議論の末、図書館への資金提供をさらに3年間"
    "続けることを決めた。"
)
BODY_ZH = "市议会周二晚上开会讨论新的预算，经过长时间的辩论，议员们同意继续为图书馆提供三年的资金。"
BODY_KO = (
    "시의회는 화요일 저녁 새 예산을 논의했으며, 긴 토론 끝에 도서관에 3년 더 예산을 지원하기로 결정했다."
)
BODY_AR = (
    "اجتمع المجلس البلدي مساء الثلاثاء لمناقشة الميزانية الجديدة، وبعد نقاش طويل وافق الأعضاء "
    "على تمويل المكتبة لثلاث سنوات أخرى."
)
BODY_CS = (
    "Zastupitelstvo se v úterý večer sešlo k projednání nového rozpočtu a po dlouhé debatě "
    "rozhodlo financovat knihovnu další tři roky."
)
BODY_VI = (  # Vietnamese: written in syllables, each one a word
    "Hội đồng thành phố đã họp vào tối thứ Ba để thảo luận về ngân sách mới và sau một cuộc tranh luận "
    "kéo dài, các thành viên đã đồng ý cấp kinh phí cho thư viện thêm ba năm nữa."
)
BODY_ID = (
    "Dewan kota bertemu pada Selasa malam untuk membahas anggaran baru, dan setelah perdebatan panjang "
    "para anggota sepakat untuk mendanai perpustakaan selama tiga tahun lagi."
)
BODY_HR = (
    "Gradsko vijeće sastalo se u utorak navečer kako bi raspravilo novi proračun i nakon duge rasprave "
    "odlučilo je financirati knjižnicu još tri godine."
)
BODY_RO = (
    "Consiliul local s-a reunit marți seara pentru a discuta noul buget și, după o dezbatere lungă, "
    "membrii au decis să finanțeze biblioteca încă trei ani."
)
BODY_CA = (
    "El consell municipal es va reunir dimarts al vespre per debatre el nou pressupost i, després d'un "
    "llarg debat, els membres van acordar finançar la biblioteca tres anys més."
)
BODY_HE = (  # Hebrew and Persian: scripts without case, written right to left
    "מועצת העיר התכנסה ביום שלישי בערב כדי לדון בתקציב החדש, ולאחר ויכוח ארוך החליטו חברי "
    "המועצה להמשיך לממן את הספרייה שלוש שנים נוספות."
)
BODY_FA = (
    "اعضای شورای شهر سه‌شنبه شب برای بررسی بودجه جدید تشکیل جلسه دادند و پس از بحثی طولانی "
    "تصمیم گرفتند هزینه کتابخانه را سه سال دیگر تأمین کنند."
)
BODY_HI = (  # Hindi: vowel signs that Python's \w leaves out, sentences end with the danda (।)
    "नगर परिषद के सदस्यों ने मंगलवार शाम नए बजट पर चर्चा की और लंबी बहस के बाद पुस्तकालय को "
    "तीन साल और धन देने का फैसला किया।"
)
BODY_TH = (  # Thai: no space between words, a space between clauses, no mark at a sentence's end
    "สภาเทศบาลประชุมกันเมื่อเย็นวันอังคารเพื่อพิจารณางบประมาณฉบับใหม่ และหลังการอภิปรายอย่างยาวนาน "
    "สมาชิกสภาลงมติให้จัดสรรงบประมาณแก่ห้องสมุดต่อไปอีกสามปี"
)


@pytest.fixture(autouse=True)
def _doctest_body(doctest_namespace):
    """`BODY` in a rule's example stands for a paragraph of article text."""
    doctest_namespace["BODY"] = BODY


def around(line: str, body: str) -> str:
    """A line between two paragraphs of article text."""
    return f"{body}\n\n{line}\n\n{body}"


def removed_by(text: str, needle: str) -> set[str]:
    """Codes of the rules that removed a stretch holding `needle` when `text` is cleaned."""
    from corpuskit import clean_text

    return {
        f.code
        for f in clean_text(text).report.findings
        if f.text and needle in f.text and f.action == "removed"
    }
