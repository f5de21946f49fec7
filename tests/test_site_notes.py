"""Site notes: comment notices and headers (B117), download labels (B118), related-list
headers (B119), page notices (B120), subscription appeals (B121) and shop buttons (B122),
plus licence lines (B116): positives and negatives in several languages."""

from __future__ import annotations

import pytest

from conftest import (
    BODY,
    BODY_AR,
    BODY_BN,
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
    BODY_NB,
    BODY_PL,
    BODY_RO,
    BODY_TH,
    BODY_VI,
    BODY_ZH,
    around,
    removed_by,
)
from corpuskit import clean_text
from corpuskit.lexicon import read_phrases
from corpuskit.rules.model import using_model

NEW_LEXICONS = ("comment_notice", "comment_count", "download", "related", "page_notice", "subscribe", "shop")

REMOVED = [
    # comment moderation and comment policy
    ("B117", "Please understand that comments are moderated and may take a while to appear.", BODY),
    ("B117", "We ask that comments are civil and free of libellous or hateful material.", BODY),
    ("B117", "Kommentare werden vor der Veröffentlichung geprüft.", BODY_DE),
    ("B117", "Les commentaires sont modérés avant publication.", BODY_FR),
    ("B117", "Los comentarios son moderados antes de su publicación.", BODY_ES),
    ("B117", "Komentarze są moderowane.", BODY_PL),
    ("B117", "I commenti sono moderati.", BODY),
    ("B117", "Reacties worden gemodereerd.", BODY),
    ("B117", "Os comentários são moderados.", BODY),
    # comment-section headers
    ("B117", "Vos réactions (11)", BODY_FR),
    ("B117", "12 Kommentare", BODY_DE),
    ("B117", "11 responses to “The Loneliest Woman in the World”", BODY),
    ("B117", "Sorted by:", BODY),
    ("B117", "Ordenar por:", BODY_ES),
    ("B117", "Dołącz do dyskusji", BODY_PL),
    ("B117", "Participez à la discussion", BODY_FR),
    ("B117", "11 responses to “The Loneliest Woman in the World: An Appreciation of Heart’s “Alone””", BODY),
    # downloads
    ("B118", "PDF | 38 KB | Datei ist nicht barrierefrei", BODY_DE),
    ("B118", "Pressemitteilung als PDF", BODY_DE),
    ("B118", "PDF version", BODY),
    ("B118", "Télécharger au format EPUB", BODY_FR),
    ("B118", "Descargar PDF", BODY_ES),
    ("B118", "Pobierz PDF", BODY_PL),
    ("B118", "Jahresbericht 2023 (DOCX, 1,2 MB)", BODY_DE),
    # related-list headers
    ("B119", "Mehr aus Thüringen", BODY_DE),
    ("B119", "Weitere Beiträge aus der Kolumne:", BODY_DE),
    ("B119", "More from The Guardian", BODY),
    ("B119", "Más sobre La Tercera", BODY_ES),
    ("B119", "Informate más", BODY_ES),
    ("B119", "Plus d'articles", BODY_FR),
    ("B119", "Altri articoli", BODY),
    ("B119", "Meer over Amsterdam", BODY),
    ("B119", "Flere saker fra Oslo", BODY_NB),
    ("B117", "Комментарии проходят модерацию.", BODY),
    ("B117", "Kommentarene modereres før publisering.", BODY_NB),
    ("B118", "Версия для печати", BODY),
    ("B120", "Ваш браузер не підтримує відео.", BODY),
    ("B120", "Klikkaa suuremmaksi", BODY),
    ("B121", "Підпишіться на нашу розсилку", BODY),
    ("B122", "Legg i handlekurven", BODY_NB),
    ("B122", "Купить сейчас", BODY),
    ("B119", "Другие новости:", BODY),
    ("B119", "Інші новини", BODY),
    ("B119", "أخبار ذات صلة", BODY),
    ("B119", "এই বিভাগের আরো খবর", BODY_BN),
    ("B119", "相关新闻", BODY),
    ("B119", "相关报道", BODY_ZH),
    ("B119", "مقالات ذات صلة", BODY_AR),
    ("B119", "Další zprávy", BODY_CS),
    ("B119", "함께 보면 좋은 기사", BODY_KO),
    # comment-section headers with their counts
    ("B117", "みんなのコメント(23)", BODY_JA),
    ("B117", "全部评论(23)", BODY_ZH),
    ("B117", "댓글 23", BODY_KO),
    ("B117", "التعليقات (23)", BODY_AR),
    ("B117", "12 hozzászólás", BODY),
    # newsletter appeals
    ("B121", "ニュースレターを購読する", BODY_JA),
    ("B121", "订阅我们的新闻通讯", BODY_ZH),
    ("B121", "뉴스레터를 구독하세요", BODY_KO),
    ("B121", "اشترك في النشرة البريدية ليصلك كل جديد", BODY_AR),
    ("B121", "Odebírejte náš newsletter a nic vám neunikne.", BODY_CS),
    # comment notices and headers, related-list headers and appeals in Vietnamese, Indonesian,
    # Croatian (with Serbian and Slovenian), Romanian and Catalan
    ("B117", "Bình luận của bạn đang chờ được kiểm duyệt.", BODY_VI),
    ("B117", "Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *", BODY_VI),
    ("B117", "12 bình luận", BODY_VI),
    ("B117", "Ý kiến bạn đọc (12)", BODY_VI),
    ("B117", "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *", BODY_ID),
    ("B117", "Komentar (12)", BODY_ID),
    ("B117", "Vaša adresa e-pošte neće biti objavljena. Obavezna polja su označena *", BODY_HR),
    ("B117", "12 komentara", BODY_HR),
    ("B117", "Komentari su zatvoreni.", BODY_HR),
    ("B117", "Vaš e-naslov ne bo objavljen.", BODY),
    ("B117", "Adresa ta de email nu va fi publicată. Câmpurile obligatorii sunt marcate cu *", BODY_RO),
    ("B117", "Comentariul tău așteaptă moderarea.", BODY_RO),
    ("B117", "Fii primul care comentează", BODY_RO),
    ("B117", "L'adreça electrònica no es publicarà. Els camps necessaris estan marcats amb *", BODY_CA),
    ("B119", "Tin cùng chuyên mục", BODY_VI),
    ("B119", "Có thể bạn quan tâm", BODY_VI),
    ("B119", "Berita Lainnya", BODY_ID),
    ("B119", "Povezane vijesti", BODY_HR),
    ("B119", "Više iz Zagreba", BODY_HR),
    ("B119", "Povezane vesti", BODY),
    ("B119", "Sorodne novice", BODY),
    ("B119", "Articole asemănătoare", BODY_RO),
    ("B119", "Mai multe din Sport", BODY_RO),
    ("B119", "Articles relacionats", BODY_CA),
    ("B119", "Més sobre Girona", BODY_CA),
    ("B121", "Bạn có thể hủy đăng ký bất cứ lúc nào.", BODY_VI),
    ("B121", "Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com.", BODY_ID),
    ("B121", "Možete se odjaviti u bilo kojem trenutku.", BODY_HR),
    ("B121", "Te poți dezabona oricând.", BODY_RO),
    ("B121", "Pots donar-te de baixa en qualsevol moment.", BODY_CA),
    # Hebrew, Persian and Hindi: related lists, comment headers and notices, newsletter appeals
    ("B119", "כתבות נוספות", BODY_HE),
    ("B119", "עוד בנושא:", BODY_HE),
    ("B119", "اخبار مرتبط", BODY_FA),
    ("B119", "نوشته‌های مرتبط", BODY_FA),
    ("B119", "संबंधित खबरें", BODY_HI),
    ("B119", "इससे जुड़ी खबरें", BODY_HI),
    ("B117", "23 תגובות", BODY_HE),
    ("B117", "התגובה שלך ממתינה לאישור.", BODY_HE),
    ("B117", "האימייל לא יוצג באתר. שדות החובה מסומנים *", BODY_HE),
    ("B117", "۱۲ دیدگاه", BODY_FA),
    ("B117", "انتشار یافته: ۵", BODY_FA),
    ("B117", "نشانی ایمیل شما منتشر نخواهد شد. بخش‌های موردنیاز علامت‌گذاری شده‌اند *", BODY_FA),
    ("B117", "12 कमेंट्स", BODY_HI),
    ("B117", "टिप्पणियां (4)", BODY_HI),
    ("B117", "आपका ईमेल पता प्रकाशित नहीं किया जाएगा. आवश्यक फ़ील्ड चिह्नित हैं *", BODY_HI),
    ("B121", "רוצים להתעדכן? הצטרפו לניוזלטר שלנו", BODY_HE),
    ("B121", "ללא התחייבות, ניתן לבטל את המינוי בכל עת.", BODY_HE),
    ("B121", "با عضویت در خبرنامه از آخرین اخبار باخبر شوید", BODY_FA),
    ("B121", "ताज़ा खबरें सीधे अपने इनबॉक्स में पाने के लिए अपना ईमेल दर्ज करें", BODY_HI),
    # Thai: comment headers and notices, newsletter appeals, page notices, downloads, shop buttons
    ("B117", "12 ความคิดเห็น", BODY_TH),
    ("B117", "อีเมลของคุณจะไม่แสดงให้คนอื่นเห็น ช่องข้อมูลจำเป็นถูกทำเครื่องหมาย *", BODY_TH),
    ("B117", "ความคิดเห็นของคุณกำลังรอการตรวจสอบ", BODY_TH),
    ("B121", "กรอกอีเมลของคุณ เพื่อรับข่าวสารล่าสุดทุกเช้า", BODY_TH),
    ("B121", "ยกเลิกการรับข่าวสารได้ทุกเมื่อ", BODY_TH),
    ("B120", "เบราว์เซอร์ของคุณไม่รองรับวิดีโอ", BODY_TH),
    ("B120", "คลิกที่ภาพเพื่อขยาย", BODY_TH),
    ("B118", "ดาวน์โหลดไฟล์ PDF", BODY_TH),
    ("B122", "หยิบใส่ตะกร้า", BODY_TH),
    # Japanese, Korean and Chinese: comment forms and counts, related lists, page notices,
    # newsletter appeals
    ("B117", "メールアドレスが公開されることはありません。 ※ が付いている欄は必須項目です", BODY_JA),
    ("B117", "이메일 주소는 공개되지 않습니다. 필수 필드는 *로 표시됩니다", BODY_KO),
    ("B117", "댓글 12개", BODY_KO),
    ("B117", "您的电子邮箱地址不会被公开。 必填项已用 * 标注", BODY_ZH),
    ("B117", "網友留言 (23)", BODY_ZH),
    ("B119", "関連リンク", BODY_JA),
    ("B119", "この記者の記事", BODY_JA),
    ("B119", "이 기자의 다른 기사", BODY_KO),
    ("B119", "相關連結", BODY_ZH),
    ("B119", "更多相关新闻", BODY_ZH),
    ("B120", "クリックで拡大", BODY_JA),
    ("B120", "검색어를 입력하세요", BODY_KO),
    ("B120", "点击查看大图", BODY_ZH),
    ("B121", "最新ニュースをメールでお届けします。", BODY_JA),
    ("B121", "언제든지 구독을 취소할 수 있습니다.", BODY_KO),
    ("B121", "随时取消订阅。", BODY_ZH),
    # page notices
    ("B120", "Haben Sie das Gesuchte nicht gefunden?", BODY_DE),
    ("B120", "You are using a browser version with limited support for CSS.", BODY),
    ("B120", "Votre navigateur ne supporte pas la vidéo.", BODY_FR),
    ("B120", "Twoja przeglądarka nie obsługuje odtwarzacza.", BODY_PL),
    ("B120", "Haz clic para ampliar", BODY_ES),
    # subscription appeals
    ("B121", "Únete a nuestra comunidad de lectores", BODY_ES),
    ("B121", "Dołącz do naszej społeczności!", BODY_PL),
    ("B121", "Tú también puedes hacer periodismo incómodo. Cancela cuando quieras.", BODY_ES),
    ("B121", "Zapraszamy też do subskrypcji tygodnika.", BODY_PL),
    ("B121", "Get our daily edition by email and never miss our top stories", BODY),
    ("B121", "Nach Anmeldung geht mir eine E-Mail zur Zustimmung nach Double-Opt-In-Verfahren zu.", BODY_DE),
    ("B121", "Recevez notre newsletter chaque matin.", BODY_FR),
    ("B121", "Lass dir die besten Storys jede Woche in deinen Posteingang liefern.", BODY_DE),
    ("B121", "Wählen Sie Ihren Zugang und lesen Sie weiter:", BODY_DE),
    # shop buttons
    ("B122", "Ausgabe kaufen", BODY_DE),
    ("B122", "Buy now", BODY),
    ("B122", "Ajouter au panier", BODY_FR),
    ("B122", "Añadir al carrito", BODY_ES),
    ("B122", "Kup teraz", BODY_PL),
    ("B122", "Jump to Details", BODY),
    ("B122", "Zum Angebot", BODY_DE),
    ("B122", "Sprawdź cenę", BODY_PL),
    # licence lines
    ("B116", "If not explicitly specified otherwise, this work is licensed under a", BODY),
    ("B116", "Dieser Text steht unter einer Creative-Commons-Lizenz.", BODY_DE),
    ("B116", "Este contenido está bajo una licencia Creative Commons.", BODY_ES),
]


@pytest.mark.parametrize(("code", "line", "body"), REMOVED, ids=[f"{c}:{t[:24]}" for c, t, _ in REMOVED])
def test_removed(code, line, body):
    with using_model(None):  # the rule itself, not the line model (which runs before it)
        assert code in removed_by(around(line, body), line)


NEW_CODES = {"B116", "B117", "B118", "B119", "B120", "B121", "B122"}

KEPT = [
    # the words of a comment notice or header inside the story
    ("The mayor read the comments aloud and said the council would respond next week.", BODY),
    ("Die Kommentare der Leser wurden am Montag im Gemeinderat vorgelesen und diskutiert.", BODY_DE),
    ("Reviews", BODY),
    ("Kommentar", BODY_DE),
    ("Responses to the flood varied from town to town.", BODY),
    # an appeal's words told of the town, not to the reader
    ("Burmistrz zaprosił nowe rodziny, by dołączyły do naszej społeczności.", BODY_PL),
    ("The mayor asked the new families to join our community garden this spring.", BODY),
    # files named in sentences
    ("The ministry published the full report as a PDF on its website on Monday.", BODY),
    ("Der Bericht ist als PDF erschienen und umfasst 38 Seiten.", BODY_DE),
    ("Le rapport, publié au format PDF, compte 200 pages.", BODY_FR),
    # "more from" words opening a sentence or a subheading
    ("More from the same supplier would arrive by Friday, the company said.", BODY),
    ("Mehr aus weniger machen", BODY_DE),
    ("Más sobre el asunto se sabrá el lunes, dijo el ministro.", BODY_ES),
    # a browser, a search, an inbox in the story
    ("The browser war between the two companies ended years ago.", BODY),
    ("Die Polizei hat das Gesuchte am Dienstag in einem Wald gefunden.", BODY_DE),
    ("Phishing emails often land in your inbox looking like a bank's message.", BODY),
    ("Betrügerische Mails landen oft direkt in Ihren Posteingang, warnt die Polizei.", BODY_DE),
    ("Un courriel frauduleux arrive souvent dans votre boîte mail, selon la police.", BODY_FR),
    ("El contrato se puede cancelar, explicó el abogado, pero con una penalización.", BODY_ES),
    # a discussion, a purchase in the story
    ("The residents were invited to join the discussion at the town hall on Friday.", BODY),
    ("Viele Leser wollten die Ausgabe kaufen, doch sie war schnell vergriffen.", BODY_DE),
    ("Kup teraz, zapłać później: tak działa nowy system płatności w sklepach.", BODY_PL),
    # comment, newsletter and related words in Japanese, Chinese, Korean, Arabic and Czech prose
    ("コメントを寄せた市民は500人を超えた。", BODY_JA),
    ("メルマガ登録者数は前年の2倍に増えた。", BODY_JA),
    ("评论人士认为，这项政策将影响出口。", BODY_ZH),
    ("댓글 조작 사건의 재판이 3년 만에 끝났다.", BODY_KO),
    ("التعليقات التي نشرها الوزير أثارت غضبا واسعا.", BODY_AR),
    ("Další zprávy o nehodě slíbila policie zveřejnit v pondělí.", BODY_CS),
    # the same words in Vietnamese, Indonesian, Croatian, Romanian and Catalan prose
    ("Bình luận của chuyên gia về dự luật này được đăng trên báo hôm thứ Hai.", BODY_VI),
    ("Tin khác về vụ việc sẽ được công bố vào tuần sau, cảnh sát cho biết.", BODY_VI),
    ("Komentar presiden soal kebijakan itu memicu perdebatan di media sosial.", BODY_ID),
    ("Berita lain yang beredar ternyata tidak benar, kata juru bicara polisi.", BODY_ID),
    ("Komentari čitatelja pročitani su na sjednici gradskog vijeća u ponedjeljak.", BODY_HR),
    ("Više o tome gradonačelnik će reći u ponedjeljak.", BODY_HR),
    ("Comentariile cititorilor au fost citite în ședința consiliului local de luni.", BODY_RO),
    ("Mai multe din aceste clădiri vor fi demolate anul viitor, a anunțat primarul.", BODY_RO),
    ("Els comentaris dels veïns es van llegir al ple de dilluns.", BODY_CA),
    ("Més sobre el projecte se sabrà dilluns, va dir l'alcalde.", BODY_CA),
    # and in Hebrew, Persian and Hindi prose, or a one-word label without its count
    ("עוד כתבות על הפרשה יתפרסמו מחר, אמר העורך.", BODY_HE),
    ("התגובות לתוכנית היו חריפות, והאופוזיציה דרשה לבטל אותה.", BODY_HE),
    ("תגובה", BODY_HE),
    ("הוא ביקש להירשם לניוזלטר של העירייה כדי לקבל עדכונים על העבודות.", BODY_HE),
    ("اخبار مرتبط با این پرونده هنوز منتشر نشده است.", BODY_FA),
    ("نظرات کارشناسان درباره این طرح متفاوت است.", BODY_FA),
    ("نظر", BODY_FA),
    ("پرونده این متهم هنوز در انتظار بررسی در دادگاه است.", BODY_FA),
    ("संबंधित खबरें छापने पर अखबार को नोटिस भेजा गया।", BODY_HI),
    ("टिप्पणियां करने वाले नेताओं पर पार्टी ने कार्रवाई की।", BODY_HI),
    ("टिप्पणी", BODY_HI),
    ("मंत्री ने कहा कि सभी टिप्पणियां ध्यान से पढ़ी जाएंगी।", BODY_HI),
    # and in Thai prose, or a one-word label without its count
    ("ความคิดเห็นของประชาชนต่อโครงการนี้แตกต่างกันอย่างมาก", BODY_TH),
    ("ความคิดเห็น", BODY_TH),
    ("ข่าวอื่นๆ ที่เกิดขึ้นในสัปดาห์นี้จะรายงานในวันพรุ่งนี้", BODY_TH),
    ("ประชาชนสามารถสมัครรับข่าวสารจากเทศบาลได้ทางเว็บไซต์", BODY_TH),
    ("เบราว์เซอร์รุ่นเก่าไม่รองรับระบบใหม่ของธนาคาร ผู้เชี่ยวชาญเตือน", BODY_TH),
    ("ดาวน์โหลดแอปปลอมทำให้ผู้ใช้สูญเงินกว่า 2 ล้านบาท ตำรวจเตือน", BODY_TH),
    # and in Japanese, Korean and Chinese prose, or a label without its count
    ("関連リンクを張る行為は違法ではないと裁判所は判断した。", BODY_JA),
    ("メールアドレスが公開されることはありませんと同社は説明した。", BODY_JA),
    ("이 기자의 다른 기사에 대해 정정보도가 나갔다.", BODY_KO),
    ("相关链接已被删除，平台表示。", BODY_ZH),
    ("用户可以随时取消订阅服务，公司表示。", BODY_ZH),
    ("网友留言", BODY_ZH),
]


@pytest.mark.parametrize(("line", "body"), KEPT, ids=[t[:24] for t, _ in KEPT])
def test_kept(line, body):
    with using_model(None):
        result = clean_text(around(line, body))
    assert line in result.record.text
    assert not NEW_CODES & {f.code for f in result.report.findings if f.action == "removed"}


def test_related_header_before_ordinary_words_is_flagged():
    line = "Mehr aus weniger machen"
    with using_model(None):
        result = clean_text(around(line, BODY_DE))
    assert line in result.record.text
    assert any(f.code == "B119" and f.action == "flagged" for f in result.report.findings)


def test_long_paragraph_with_a_notice_phrase_stays():
    paragraph = (
        "The editor wrote that comments are moderated on the paper's own site, but the dispute began "
        "on social media, where nobody moderated anything, and within two days the thread had grown "
        "to thousands of replies, many of them from accounts created that same week, according to "
        "the researchers who later studied it for the university's report on online harassment and "
        "its effect on local newsrooms."
    )
    assert paragraph in clean_text(around(paragraph, BODY)).record.text


def test_appeal_does_not_mark_the_article_truncated():
    result = clean_text(around("Cancel anytime.", BODY))
    assert "Cancel anytime" not in result.record.text
    assert result.record.flags.truncated is False


@pytest.mark.parametrize("category", NEW_LEXICONS)
def test_lexicon_covers_the_main_languages(category):
    languages = set(read_phrases(category))
    assert {"en", "de", "fr", "es", "it", "pt", "nl", "pl"} <= languages
