"""Readers' comments below the article (B126): sections opened by a label or a call in
several languages, and pages where a comment label is not a section's header."""

from __future__ import annotations

import pytest

from conftest import (
    BODY,
    BODY_CA,
    BODY_DE,
    BODY_ES,
    BODY_FA,
    BODY_FR,
    BODY_HE,
    BODY_HI,
    BODY_HR,
    BODY_ID,
    BODY_JA,
    BODY_PL,
    BODY_RO,
    BODY_TH,
    BODY_VI,
    BODY_ZH,
    removed_by,
)
from corpuskit import clean_text


def article(body: str) -> str:
    """Ten paragraphs of article text: an article body (200 words) for the section to follow."""
    return "\n\n".join([body] * 10)


COMMENT = {
    "en": "I think the library deserves every cent of it, and more besides. My children read "
    "there every week, and the council should be proud of the decision it took this time.",
    "de": "Ich finde, die Bibliothek hat jeden Cent verdient, und noch mehr. Meine Kinder lesen "
    "dort jede Woche, und der Gemeinderat kann stolz auf diese Entscheidung sein.",
    "fr": "Je pense que la bibliothèque mérite chaque centime, et même davantage. Mes enfants y "
    "lisent chaque semaine, et le conseil peut être fier de sa décision.",
    "es": "Creo que la biblioteca merece cada céntimo, y todavía más. Mis hijos leen allí cada "
    "semana, y el consejo puede estar orgulloso de su decisión.",
    "pl": "Uważam, że biblioteka zasługuje na każdy grosz, a nawet więcej. Moje dzieci czytają "
    "tam co tydzień, a rada może być dumna ze swojej decyzji.",
    "vi": "Tôi nghĩ thư viện xứng đáng với từng đồng, thậm chí còn hơn thế. Các con tôi đến đó đọc "
    "sách mỗi tuần, và hội đồng nên tự hào về quyết định này.",
    "id": "Menurut saya perpustakaan layak mendapat setiap rupiah, bahkan lebih. Anak-anak saya membaca "
    "di sana setiap minggu, dan dewan patut bangga dengan keputusan ini.",
    "hr": "Mislim da knjižnica zaslužuje svaki cent, pa i više. Moja djeca ondje čitaju svaki tjedan, "
    "a vijeće može biti ponosno na ovu odluku.",
    "ro": "Cred că biblioteca merită fiecare ban, ba chiar mai mult. Copiii mei citesc acolo în fiecare "
    "săptămână, iar consiliul poate fi mândru de această decizie.",
    "ca": "Crec que la biblioteca es mereix cada cèntim, i encara més. Els meus fills hi llegeixen cada "
    "setmana, i el consell pot estar orgullós d'aquesta decisió.",
    "he": "לדעתי הספרייה שווה כל שקל, ואף יותר. הילדים שלי קוראים שם כל שבוע, והמועצה יכולה "
    "להיות גאה בהחלטה.",
    "fa": "به نظر من کتابخانه ارزش هر ریالی را دارد و حتی بیشتر. بچه‌های من هر هفته آنجا کتاب "
    "می‌خوانند و شورا می‌تواند به این تصمیم افتخار کند.",
    "hi": "मुझे लगता है कि पुस्तकालय हर पैसे का हकदार है, बल्कि इससे भी ज़्यादा। मेरे बच्चे हर हफ्ते "
    "वहां पढ़ते हैं और परिषद को इस फैसले पर गर्व होना चाहिए।",
    "th": "ผมคิดว่าห้องสมุดคุ้มค่ากับทุกบาทที่จ่ายไป ลูกๆ ของผมไปอ่านหนังสือที่นั่นทุกสัปดาห์ และสภาควรภูมิใจกับการตัดสินใจครั้งนี้",
    "ja": "図書館にはそれだけの価値があると思います。子どもたちは毎週そこで本を読んでいて、議会はこの"
    "決定を誇りに思うべきです。",
    "ko": "도서관은 그만한 가치가 있다고 생각합니다. 우리 아이들은 매주 그곳에서 책을 읽고, 의회는 이 "
    "결정을 자랑스러워해야 합니다.",
    "zh": "我认为图书馆值得每一分钱，甚至更多。我的孩子们每周都在那里读书，议会应该为这个决定感到骄傲。",
}

SECTIONS = [
    ("Comments", BODY, "en"),
    ("Leave a Reply", BODY, "en"),
    ("12 Kommentare", BODY_DE, "de"),
    ("Schreibe einen Kommentar", BODY_DE, "de"),
    ("Vos réactions (11)", BODY_FR, "fr"),
    ("Comentarios", BODY_ES, "es"),
    ("Komentarze (9)", BODY_PL, "pl"),
    ("Yorum yaz", BODY, "en"),
    ("发表评论", BODY, "en"),
    ("أضف تعليقاً", BODY, "en"),
    ("댓글 쓰기", BODY, "en"),
    ("Ý kiến bạn đọc (12)", BODY_VI, "vi"),
    ("Bình luận", BODY_VI, "vi"),
    ("Komentar (4)", BODY_ID, "id"),
    ("Berikan Komentar", BODY_ID, "id"),
    ("12 komentara", BODY_HR, "hr"),
    ("Napišite komentar", BODY_HR, "hr"),
    ("Lasă un răspuns", BODY_RO, "ro"),
    ("Deixa una resposta", BODY_CA, "ca"),
    ("כתיבת תגובה", BODY_HE, "he"),
    ("23 תגובות", BODY_HE, "he"),
    ("دیدگاهتان را بنویسید", BODY_FA, "fa"),
    ("۱۲ دیدگاه", BODY_FA, "fa"),
    ("प्रातिक्रिया दे", BODY_HI, "hi"),
    ("टिप्पणियां (4)", BODY_HI, "hi"),
    ("ความคิดเห็น (4)", BODY_TH, "th"),
    ("คอมเมนต์ (12)", BODY_TH, "th"),
    ("コメントをどうぞ", BODY_JA, "ja"),
    ("コメントを書き込む", BODY_JA, "ja"),
    ("답글 남기기", BODY, "ko"),  # ten Korean paragraphs hold fewer than 150 words
    ("댓글 12개", BODY, "ko"),
    ("发表回复", BODY_ZH, "zh"),
    ("精选留言", BODY_ZH, "zh"),
    ("網友留言 (23)", BODY_ZH, "zh"),
]


@pytest.mark.parametrize(("header", "body", "lang"), SECTIONS)
def test_comments_below_a_section_header_removed(header, body, lang):
    text = article(body) + f"\n\n{header}\n\nAnna\n\n{COMMENT[lang]}\n\nReply"
    result = clean_text(text)
    assert result.record.text == article(body) + "\n"
    assert "B126" in removed_by(text, COMMENT[lang])


@pytest.mark.parametrize(("body", "lang"), [(BODY, "en"), (BODY_DE, "de"), (BODY_FR, "fr")])
def test_a_comment_count_above_the_article_opens_nothing(body, lang):
    """A count beside the byline ("3 Comments") stands above the article's text."""
    text = f"By Anna Berg\n\n3 Comments\n\n{article(body)}\n\n{COMMENT[lang]}"
    assert "B126" not in removed_by(text, COMMENT[lang])
    assert "B126" not in removed_by(text, body)


@pytest.mark.parametrize(("label", "body"), [("Comments (3)", BODY), ("Kommentare (2)", BODY_DE)])
def test_a_page_of_posts_each_with_its_comment_count_is_kept(label, body):
    """One label under each post: the text between the labels is posts, not comments."""
    posts = [f"Post {n}\n\n{article(body)}\n\n09:4{n} AM | Permalink\n\n{label}" for n in range(3)]
    text = "\n\n".join(posts)
    assert not any(f.code == "B126" for f in clean_text(text).report.findings)


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("Comments are welcome on every page of the report.", BODY),  # a sentence
        ('"Comment": {', BODY),  # a key in a block of code
        ("Kommentare von Lesern zum Haushalt der Stadt", BODY_DE),  # more than a label
        ("Kommentieren", BODY_DE),  # a one-word button of a share bar
        ("他在会上发表评论，称该计划不切实际。", BODY),  # a sentence that holds the call's words
        ("Yorum yapmaktan kaçındı.", BODY),  # "declined to comment"
        ("Bình luận của bạn đọc về dự luật được tổng hợp và gửi tới Quốc hội.", BODY_VI),  # a sentence
        ("Komentar warganet soal jembatan itu ramai di media sosial", BODY_ID),  # more than a label
        ("Napišite komentar i pošaljite ga uredništvu do petka, poručio je urednik.", BODY_HR),
        ("הוא סירב להוסיף תגובה לדברים.", BODY_HE),
        ("תגובות הגולשים לתוכנית היו חריפות במיוחד", BODY_HE),  # more than a label
        ("نظر شما درباره این طرح چیست؟", BODY_FA),  # a question to the reader
        ("टिप्पणी करने से मंत्री ने इनकार कर दिया।", BODY_HI),
        ("เขาปฏิเสธที่จะแสดงความคิดเห็นเกี่ยวกับเรื่องนี้", BODY_TH),
        ("ความคิดเห็นของผู้อ่านต่อโครงการนี้แตกต่างกันอย่างมาก", BODY_TH),  # more than a label
        ("コメントを書き込むユーザーが増えている。", BODY_JA),  # a sentence
        ("精选留言功能于去年上线，平台表示。", BODY_ZH),
    ],
)
def test_lines_that_do_not_open_a_comment_section(line, body):
    text = f"{article(body)}\n\n{line}\n\n{body} Second half of the article."
    assert "B126" not in removed_by(text, "Second half of the article.")
