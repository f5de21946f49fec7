"""Navigation, section and teaser lines in many languages (B108, B107, B106): a lone UI line goes, the
same words inside a sentence of the article stay."""

from __future__ import annotations

import pytest

from conftest import (
    BODY,
    BODY_AR,
    BODY_CA,
    BODY_CS,
    BODY_DE,
    BODY_ES,
    BODY_FA,
    BODY_FR,
    BODY_HE,
    BODY_HI,
    BODY_HR,
    BODY_ID,
    BODY_JA,
    BODY_KO,
    BODY_PL,
    BODY_RO,
    BODY_TH,
    BODY_VI,
    BODY_ZH,
)
from corpuskit import clean_text

LONE = [
    ("de", "Ähnliche Beiträge", "B108"),
    ("de", "Schlagworte", "B108"),
    ("de", "Vorheriges", "B108"),
    ("en", "Older posts", "B108"),
    ("en", "Leave a reply", "B108"),
    ("fr", "Article suivant", "B108"),
    ("fr", "Mots-clés", "B108"),
    ("es", "Noticias relacionadas", "B108"),
    ("it", "Articoli correlati", "B108"),
    ("pt", "Palavras-chave", "B108"),
    ("nl", "Gerelateerde artikelen", "B108"),
    ("sv", "Relaterade artiklar", "B108"),
    ("fi", "Aiheeseen liittyvät", "B108"),
    ("pl", "Powiązane artykuły", "B108"),
    ("ru", "Похожие статьи", "B108"),
    ("uk", "Схожі статті", "B108"),
    ("pl", "Czytaj także: Nowy most na Wiśle otwarty", "B106"),
    ("ru", "Читайте также: Новый мост открыт", "B106"),
    ("sv", "Läs också: Ny bro öppnad i Göteborg", "B106"),
    ("zh", "联系我们", "B108"),
    ("ja", "お問い合わせ", "B108"),
    ("ko", "이전글", "B108"),
    ("ar", "اتصل بنا", "B108"),
    ("hi", "हमारे बारे में", "B108"),
    ("id", "Hubungi Kami", "B108"),
    ("fi", "Lue aiheesta lisää: Uusi silta avattiin", "B106"),
    ("ar", "اقرأ أيضا: افتتاح جسر جديد", "B106"),
    ("hi", "ये भी पढ़ें: नया पुल खुला", "B106"),
    ("id", "Baca juga: Jembatan baru dibuka", "B106"),
    ("zh", "延伸阅读：新桥开通", "B106"),
    ("de", "Zurück zur Liste", "B108"),
    ("en", "Back to search results", "B108"),
    ("fr", "Retour à la liste", "B108"),
    ("pl", "Powrót do listy", "B108"),
    ("ru", "Назад к списку", "B108"),
    ("en", "Messenger", "B108"),
    ("es", "Las más vistas", "B107"),
    ("de", "Lesenswert: Interview über die Zukunft der Bibliotheken", "B106"),
    ("en", "Editor's pick: The ten best walks on the coast", "B106"),
    ("fr", "À découvrir aussi : les dix plus belles plages du Nord", "B106"),
    ("ja", "記事一覧", "B108"),
    ("ja", "アクセスランキング", "B107"),
    ("ja", "こちらもおすすめ：新しい橋が開通", "B106"),
    ("zh", "加载更多", "B108"),
    ("zh", "熱門新聞", "B107"),
    ("zh", "相关阅读：新桥开通", "B106"),
    ("ko", "맨 위로", "B108"),
    ("ko", "많이 본 기사", "B107"),
    ("ar", "عرض المزيد", "B108"),
    ("ar", "اقرأ أيضًا: افتتاح جسر جديد", "B106"),
    ("cs", "Odmítnout vše", "B108"),
    ("cs", "Přečtěte si více: Nový most v Brně otevřen", "B106"),
    ("vi", "Về trang chủ", "B108"),
    ("vi", "Xem nhiều nhất", "B107"),
    ("vi", "Đọc thêm: Cầu mới thông xe ở Đà Nẵng", "B106"),
    ("id", "Kembali ke atas", "B108"),
    ("id", "Berita Terkini", "B107"),
    ("id", "Simak juga: Jembatan baru dibuka", "B106"),
    ("hr", "Povratak na vrh", "B108"),
    ("hr", "Najčitanije vijesti", "B107"),
    ("hr", "Pročitajte još: Novi most otvoren u Splitu", "B106"),
    ("sr", "Pročitajte još: Otvoren novi most", "B106"),
    ("sl", "Preskoči na vsebino", "B108"),
    ("sl", "Preberite še: Odprli so nov most", "B106"),
    ("ro", "Încarcă mai multe", "B108"),
    ("ro", "Cele mai vizualizate", "B107"),
    ("ro", "Citește și: Noul pod a fost deschis", "B106"),
    ("ca", "Carregar més", "B108"),
    ("ca", "Més populars", "B107"),
    ("ca", "Llegiu també: Obre el nou pont de Girona", "B106"),
    ("he", "טען עוד", "B108"),
    ("he", "מדיניות פרטיות", "B108"),
    ("he", "תגיות:", "B108"),
    ("he", "כתבות מומלצות", "B107"),
    ("he", "כדאי לקרוא גם: נפתח גשר חדש בחיפה", "B106"),
    ("fa", "مشاهده بیشتر", "B108"),
    ("fa", "قوانین و مقررات", "B108"),
    ("fa", "برچسب‌ها:", "B108"),
    ("fa", "جدیدترین اخبار", "B107"),
    ("fa", "همچنین بخوانید: افتتاح پل جدید", "B106"),
    ("hi", "और लोड करें", "B108"),
    ("hi", "उपयोग की शर्तें", "B108"),
    ("hi", "टैग्स", "B108"),
    ("hi", "टॉप न्यूज़", "B107"),
    ("hi", "इसे भी पढ़ें: नए पुल का उद्घाटन", "B106"),
    ("th", "ดูทั้งหมด", "B108"),
    ("th", "โหลดเพิ่มเติม", "B108"),
    ("th", "แท็ก", "B108"),
    ("th", "ย้อนกลับ", "B108"),
    ("th", "ร่วมงานกับเรา", "B108"),
    ("th", "ติดต่อโฆษณา", "B108"),
    ("th", "ข่าวล่าสุด", "B108"),
    ("th", "ข่าวที่เกี่ยวข้อง", "B108"),
    ("th", "อ่านเพิ่มเติม: เปิดสะพานใหม่ข้ามแม่น้ำเจ้าพระยา", "B106"),
    ("ja", "このページの先頭へ", "B108"),
    ("ja", "ページの先頭に戻る", "B108"),
    ("ja", "著者プロフィール", "B108"),
    ("ja", "総合ランキング", "B107"),
    ("ja", "併せて読む：新しい橋が開通", "B106"),
    ("ko", "후속기사 원해요", "B108"),
    ("ko", "답글순", "B108"),
    ("ko", "랭킹뉴스", "B107"),
    ("ko", "▶ 관련기사 서울시, 새 예산안 발표", "B106"),
    ("zh", "網站首頁", "B108"),
    ("zh", "今日要闻", "B107"),
    ("zh", "推薦閱讀：新橋通車", "B106"),
]

IN_SENTENCES = {
    "de": "Ähnliche Beiträge hatte die Zeitung schon im Frühjahr gedruckt, sagte die Sprecherin.",
    "en": "Older posts on the forum show that the problem has existed for years, he said.",
    "fr": "L'article suivant de la loi prévoit une consultation des habitants avant la décision.",
    "es": "Las noticias relacionadas con el puerto llegaron al pleno municipal el martes por la tarde.",
    "pl": "Powiązane artykuły naukowe opisują ten sam problem, powiedział badacz w czwartek.",
    "ru": "Назад к списку вопросов комиссия вернулась только в четверг, сообщил депутат.",
    "it": "Torna alla lista dei candidati il nome del sindaco uscente, ha detto il partito.",
    "ja": "記事一覧を見ると、事故の記事は昨年から増えている。",
    "zh": "加载更多数据需要时间，工程师解释说。",
    "ko": "많이 본 기사를 분석한 결과, 정치 기사가 가장 많았다.",
    "ar": "عرض المزيد من الوثائق أمام المحكمة يوم الاثنين، بحسب المحامي.",
    "cs": "Odmítnout vše, co vláda navrhla, opozice nechce, řekl poslanec.",
    "vi": "Về trang chủ của công ty, nhiều khách hàng phàn nàn rằng thông tin đã quá cũ.",
    "id": "Kembali ke atas panggung setelah lima tahun, penyanyi itu disambut meriah oleh penonton.",
    "hr": "Povratak na vrh ljestvice trener je najavio još u proljeće, rekao je predsjednik kluba.",
    "ro": "Încarcă mai multe camioane decât permite legea, a spus inspectorul de trafic.",
    "ca": "Carregar més camions dels permesos és il·legal, va recordar l'inspector.",
    "he": "תגיות המחיר בחנויות יוחלפו עד סוף החודש, הודיע משרד הכלכלה.",
    "fa": "مشاهده بیشتر آثار این هنرمند در موزه ملی ممکن است، به گفته مدیر موزه.",
    "hi": "और देखें तो इस साल बारिश पिछले साल से कम हुई है, मौसम विभाग ने बताया।",
    "th": "ดูทั้งหมดแล้ว ทีมชาติไทยยังเล่นได้ดีกว่าทุกทีมในกลุ่ม โค้ชกล่าวหลังการแข่งขัน",
}
BODIES = {"en": BODY, "de": BODY_DE, "fr": BODY_FR, "es": BODY_ES, "pl": BODY_PL, "ru": BODY, "it": BODY}
BODIES |= {"ja": BODY_JA, "zh": BODY_ZH, "ko": BODY_KO, "ar": BODY_AR, "cs": BODY_CS}
BODIES |= {"vi": BODY_VI, "id": BODY_ID, "hr": BODY_HR, "ro": BODY_RO, "ca": BODY_CA}
BODIES |= {"he": BODY_HE, "fa": BODY_FA, "hi": BODY_HI, "th": BODY_TH}


@pytest.mark.parametrize(("lang", "line", "code"), LONE)
def test_lone_navigation_line_is_removed(lang, line, code):
    body = BODIES.get(lang, BODY)
    result = clean_text(f"{body}\n\n{line}\n\n{body}\n")
    assert result.record.text == f"{body}\n\n{body}\n"
    codes = [f.code for f in result.report.findings if f.text == line]
    assert codes == [code] or codes in (["B106"], ["B107"])  # an older entry may hold it


@pytest.mark.parametrize("lang", sorted(IN_SENTENCES))
def test_the_words_inside_a_sentence_stay(lang):
    body, sentence = BODIES[lang], IN_SENTENCES[lang]
    result = clean_text(f"{body}\n\n{sentence}\n\n{body}\n")
    assert result.record.text == f"{body}\n\n{sentence}\n\n{body}\n"


TEASER_WORDS_IN_SENTENCES = [
    ("de", "Lesenswert ist vor allem das Kapitel über die Stadt, schrieb der Kritiker."),
    ("en", "Editor's picks are chosen by the newsroom every morning, the paper explained."),
    ("fr", "À découvrir aussi, selon le guide, la vieille ville et son marché couvert."),
    ("vi", "Đọc tiếp những trang cuối của cuốn sách, người đọc sẽ hiểu vì sao tác giả chọn cái kết ấy."),
    ("id", "Simak juga penjelasan ahli gizi soal porsi makan anak di bagian akhir laporan ini."),
    ("hr", "Pročitajte i ovu knjigu, savjetuje knjižničarka svim učenicima koji vole povijest."),
    ("ro", "Citește mai mult decât colegii săi, spune profesoara despre elevul premiat."),
    ("ca", "Llegeix més que ningú a la classe, explica la mestra sobre l'alumne premiat."),
    ("he", "להמשך קריאה בספרייה נדרש כרטיס חדש, הודיעה העירייה."),
    ("fa", "ادامه مطلب را نویسنده در شماره بعد منتشر می‌کند."),
    ("hi", "पढ़ें और आगे बढ़ें, मुख्यमंत्री ने छात्रों से कहा।"),
    ("th", "อ่านต่อไปอีกไม่กี่หน้าก็จะรู้ว่าใครเป็นคนร้าย ผู้เขียนกล่าวกับผู้อ่าน"),
    ("ja", "あわせて読むと理解が深まる資料だ、と教授は言う。"),
    ("ja", "記事を読む人が減っている、と調査会社は分析した。"),
    ("ko", "원문보기 서비스를 중단한다고 회사는 밝혔다."),
    ("zh", "查看原文件后，法官驳回了上诉。"),
]


@pytest.mark.parametrize(("lang", "sentence"), TEASER_WORDS_IN_SENTENCES)
def test_teaser_words_opening_a_sentence_stay(lang, sentence):
    body = BODIES[lang]
    result = clean_text(f"{body}\n\n{sentence}\n\n{body}\n")
    assert sentence in result.record.text


THAI_SHORT_PARAGRAPHS = (
    "นายกเทศมนตรีกล่าวว่า ห้องสมุดเป็นพื้นที่สำคัญของเด็กและเยาวชน",
    "ผู้ใช้บริการเพิ่มขึ้นเกือบเท่าตัวเมื่อเทียบกับปีที่ผ่านมา",
)


@pytest.mark.parametrize("label", ["ข่าวล่าสุด", "อ่านเพิ่มเติม", "อ่านข่าวเพิ่ม :", "ข่าวที่เกี่ยวข้อง:"])
def test_a_thai_list_label_goes_alone(label):
    """Thai ends a sentence without a mark, so a short paragraph is shaped like a headline:
    a lone "latest news" or "read more" label is removed by itself and announces no list of
    other articles, which would take the paragraphs below it."""
    first, second = THAI_SHORT_PARAGRAPHS
    text = f"{BODY_TH}\n\n{label}\n\n{first}\n\n{second}\n\n{BODY_TH}\n"
    assert clean_text(text).record.text == f"{BODY_TH}\n\n{first}\n\n{second}\n\n{BODY_TH}\n"


def test_a_book_review_fact_box_below_the_article_stays():
    """ "چاپ" (print) is a print button's label and an everyday word of a book's details: no
    navigation word."""
    box = "نویسنده: مریم توکلی\n\nناشر: نشر آبان\n\nنوبت چاپ: اول، ۱۴۰۳\n\nقیمت: ۲۴۰ هزار تومان"
    text = f"{BODY_FA}\n\n{BODY_FA}\n\n{box}\n"
    assert clean_text(text).record.text == text
