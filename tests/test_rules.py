"""Every rule: positive and negative cases in several languages (none from the seeds)."""

from __future__ import annotations

import datetime as dt

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
    BODY_NB,
    BODY_RO,
    BODY_TH,
    BODY_VI,
    BODY_ZH,
    around,
)
from corpuskit import clean_text
from corpuskit.config import Config

NO_MODEL = Config(ignore=["B301"])  # the header and footer rules alone


def codes_acting_on(text: str, needle: str) -> set[str]:
    res = clean_text(text)
    return {f.code for f in res.report.findings if f.text and needle in f.text and f.action != "flagged"}


POSITIVES = [
    ("B101", "Sponsored content: Try our new app", BODY),
    ("B101", "Anzeige", BODY_DE),
    ("B101", "Publicité", BODY_FR),
    ("B101", "Annonse", BODY_NB),
    ("B101", "广告", BODY),
    ("B101", "تبلیغات", BODY),
    ("B101", "Iklan", BODY),
    ("B101", "スポンサーリンク", BODY),
    ("B102", "Subscribe to continue reading this story today.", BODY),
    ("B102", "Article réservé à nos abonnés", BODY_FR),
    ("B102", "Dieser Artikel ist nur für Abonnenten verfügbar.", BODY_DE),
    ("B103", "Photo: Reuters", BODY),
    ("B103", "Foto: Heiko Schmidt", BODY_DE),
    ("B103", "Foto: NTB", BODY_NB),
    ("B106", "Read more: Floods hit the north", BODY),
    ("B106", "Lesen Sie auch: Neue Regeln für Mieter", BODY_DE),
    ("B106", "JUST IN: The mayor resigned tonight after a long row.", BODY),
    ("B106", "Read more about the budget", BODY),
    ("B106", "Lire aussi : La réforme des retraites", BODY_FR),
    ("B106", "Les også: Dette er nytt i statsbudsjettet", BODY_NB),
    ("B107", "Most read", BODY),
    ("B107", "Meistgelesen", BODY_DE),
    ("B107", "Les plus lus", BODY_FR),
    ("B108", "Home", BODY),
    ("B108", "Zurück", BODY_DE),
    ("B108", "Retour", BODY_FR),
    ("B109", "Share on Facebook", BODY),
    ("B109", "分享到：微信 微博", BODY),
    ("B109", "Bagikan artikel ini", BODY),
    ("B109", "تابعونا على فيسبوك وتويتر", BODY),
    ("B109", "Newsletter abonnieren", BODY_DE),
    ("B109", "Compartir en Twitter", BODY_ES),
    ("B110", "We use cookies to give you the best experience.", BODY),
    ("B110", "Diese Website verwendet Cookies.", BODY_DE),
    ("B110", "Nous utilisons des cookies pour améliorer votre expérience.", BODY_FR),
    ("B110", "Informujemy, że korzystamy z cookies.", BODY),
    # Japanese, Chinese, Korean, Arabic and Czech
    ("B101", "إعلان", BODY_AR),
    ("B101", "スポンサー", BODY_JA),
    ("B101", "협찬", BODY_KO),
    ("B101", "赞助", BODY_ZH),
    ("B102", "この記事は有料会員限定です。", BODY_JA),
    ("B102", "هذا المحتوى متاح للمشتركين فقط", BODY_AR),
    ("B102", "Celý článek je dostupný pouze pro předplatitele.", BODY_CS),
    ("B103", "写真：共同通信", BODY_JA),
    ("B103", "共同通信", BODY_JA),
    ("B103", "图：新华社", BODY_ZH),
    ("B103", "사진=연합뉴스", BODY_KO),
    ("B103", "تصوير: أحمد علي", BODY_AR),
    ("B103", "(أ ف ب)", BODY_AR),
    ("B106", "続きを読む", BODY_JA),
    ("B106", "阅读全文", BODY_ZH),
    ("B106", "اقرأ المزيد: افتتاح جسر جديد", BODY_AR),
    ("B106", "Číst dál", BODY_CS),
    ("B107", "人気記事", BODY_JA),
    ("B107", "热门文章", BODY_ZH),
    ("B107", "많이 본 뉴스", BODY_KO),
    ("B107", "الأكثر قراءة", BODY_AR),
    ("B107", "Nejčtenější články", BODY_CS),
    ("B108", "メニュー", BODY_JA),
    ("B108", "返回列表", BODY_ZH),
    ("B108", "본문 바로가기", BODY_KO),
    ("B108", "تسجيل الخروج", BODY_AR),
    ("B108", "Přijmout vše", BODY_CS),
    ("B109", "Twitterでシェア", BODY_JA),
    ("B109", "微信扫一扫", BODY_ZH),
    ("B109", "카카오톡으로 공유", BODY_KO),
    ("B109", "شارك المقال", BODY_AR),
    ("B109", "Sdílet na X", BODY_CS),
    ("B110", "当サイトではCookieを使用しています。", BODY_JA),
    ("B110", "本网站使用Cookie，继续浏览即表示您同意。", BODY_ZH),
    ("B110", "이 웹사이트는 쿠키를 사용합니다.", BODY_KO),
    ("B110", "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك.", BODY_AR),
    (
        "B110",
        "Tento web používá k poskytování služeb, personalizaci reklam a analýze návštěvnosti soubory cookie.",
        BODY_CS,
    ),
    # Vietnamese, Indonesian, Croatian (with Serbian and Slovenian labels), Romanian and Catalan
    ("B101", "Disponsori", BODY_ID),
    ("B101", "Sponzorirano", BODY_HR),
    ("B101", "Plaćeni oglas", BODY_HR),
    ("B101", "Sponzorisano", BODY_HR),
    ("B101", "Oglasno sporočilo", BODY),
    ("B101", "Articol sponsorizat", BODY_RO),
    ("B101", "Publireportatge", BODY_CA),
    ("B102", "Ovaj članak dostupan je samo pretplatnicima.", BODY_HR),
    ("B102", "Acest conținut este disponibil doar pentru abonați.", BODY_RO),
    ("B102", "Aquest contingut és exclusiu per a subscriptors.", BODY_CA),
    ("B103", "Ảnh: TTXVN", BODY_VI),
    ("B103", "TTXVN", BODY_VI),
    ("B103", "ANTARA FOTO/Galih Pradipta", BODY_ID),
    ("B103", "Foto ilustrasi", BODY_ID),
    ("B103", "Foto: Pixsell", BODY_HR),
    ("B103", "Snimio: Marko Horvat", BODY_HR),
    ("B103", "HINA", BODY_HR),
    ("B103", "Foto: Inquam Photos/George Călin", BODY_RO),
    ("B103", "Imagine ilustrativă", BODY_RO),
    ("B103", "Foto: ACN", BODY_CA),
    ("B103", "Imatge d'arxiu", BODY_CA),
    ("B103", "(EFE)", BODY_CA),
    ("B106", "Xem tiếp: Cầu mới thông xe ở Đà Nẵng", BODY_VI),
    ("B106", "Đọc tiếp", BODY_VI),
    ("B106", "Baca selengkapnya", BODY_ID),
    ("B106", "Pročitajte i: Novi most otvoren u Splitu", BODY_HR),
    ("B106", "Citește mai mult: Noul pod a fost deschis", BODY_RO),
    ("B106", "Llegeix més: Obre el nou pont de Girona", BODY_CA),
    ("B107", "Tin mới nhất", BODY_VI),
    ("B107", "Paling Banyak Dibaca", BODY_ID),
    ("B107", "Najčitanije", BODY_HR),
    ("B107", "Cele mai citite știri", BODY_RO),
    ("B107", "Més comentats", BODY_CA),
    ("B108", "Sao chép liên kết", BODY_VI),
    ("B108", "Đăng xuất", BODY_VI),
    ("B108", "Syarat dan Ketentuan", BODY_ID),
    ("B108", "Naslovnica", BODY_HR),
    ("B108", "Učitaj više", BODY_HR),
    ("B108", "Termeni și condiții", BODY_RO),
    ("B108", "Avís legal", BODY_CA),
    ("B109", "Sao chép liên kết bài viết", BODY_VI),
    ("B109", "Đăng ký nhận bản tin mỗi sáng", BODY_VI),
    ("B109", "Bagikan ke WhatsApp", BODY_ID),
    ("B109", "Salin tautan artikel", BODY_ID),
    ("B109", "Podijeli na Facebooku", BODY_HR),
    ("B109", "Pratite nas na Facebooku i Instagramu", BODY_HR),
    ("B109", "Trimite pe WhatsApp", BODY_RO),
    ("B109", "Comparteix per correu", BODY_CA),
    ("B110", "Trang web này sử dụng cookie để cải thiện trải nghiệm của bạn.", BODY_VI),
    ("B110", "Situs ini menggunakan cookie untuk meningkatkan pengalaman Anda.", BODY_ID),
    ("B110", "Ova stranica koristi kolačiće kako bi vam pružila bolje korisničko iskustvo.", BODY_HR),
    ("B110", "Acest site web folosește cookie-uri pentru a vă oferi o experiență mai bună.", BODY_RO),
    ("B110", "Aquest lloc web utilitza cookies pròpies i de tercers per millorar els serveis.", BODY_CA),
    # Hebrew, Persian and Hindi
    ("B101", "תוכן שיווקי", BODY_HE),
    ("B101", "رپورتاژ آگهی", BODY_FA),
    ("B101", "प्रायोजित सामग्री", BODY_HI),
    ("B102", "הכתבה זמינה למנויים בלבד", BODY_HE),
    ("B102", "این مطلب مخصوص مشترکین است.", BODY_FA),
    ("B102", "पूरी खबर पढ़ने के लिए सब्सक्राइब करें", BODY_HI),
    ("B103", "צילום: פלאש90", BODY_HE),
    ("B103", 'לע"מ', BODY_HE),
    ("B103", "عکس: ایرنا", BODY_FA),
    ("B103", "ایسنا", BODY_FA),
    ("B103", "फोटो: सोशल मीडिया", BODY_HI),
    ("B103", "प्रतीकात्मक तस्वीर", BODY_HI),
    ("B103", "पीटीआई", BODY_HI),
    ("B106", "קראו גם: נפתח גשר חדש בחיפה", BODY_HE),
    ("B106", "بیشتر بخوانید: افتتاح پل جدید در تهران", BODY_FA),
    ("B106", "ये भी पढ़ें- नए पुल का उद्घाटन", BODY_HI),
    ("B107", "הנקראות ביותר", BODY_HE),
    ("B107", "پربازدیدترین‌ها", BODY_FA),
    ("B107", "ताजा खबरें", BODY_HI),
    ("B108", "הצהרת נגישות", BODY_HE),
    ("B108", "بازگشت به بالا", BODY_FA),
    ("B108", "हमसे संपर्क करें", BODY_HI),
    ("B109", "שתפו בוואטסאפ", BODY_HE),
    ("B109", "لینک کوتاه: https://example.ir/x12", BODY_FA),
    ("B109", "व्हाट्सएप पर शेयर करें", BODY_HI),
    ("B110", "אתר זה משתמש בעוגיות כדי לשפר את חוויית הגלישה שלך.", BODY_HE),
    ("B110", "این سایت از کوکی‌ها استفاده می‌کند.", BODY_FA),
    ("B110", "हम कुकीज़ का उपयोग करते हैं ताकि आपको बेहतर अनुभव मिल सके।", BODY_HI),
    # Thai
    ("B101", "พื้นที่โฆษณา", BODY_TH),
    ("B101", "เนื้อหาที่ได้รับการสนับสนุน", BODY_TH),
    ("B102", "เนื้อหานี้สำหรับสมาชิกเท่านั้น", BODY_TH),
    ("B102", "สมัครสมาชิกเพื่ออ่านต่อ", BODY_TH),
    ("B103", "ภาพ: รอยเตอร์", BODY_TH),
    ("B103", "ที่มาภาพ : เฟซบุ๊ก", BODY_TH),
    ("B103", "ภาพประกอบข่าว", BODY_TH),
    ("B103", "(เอเอฟพี)", BODY_TH),
    ("B106", "อ่านข่าวที่เกี่ยวข้อง: เปิดสะพานใหม่ข้ามแม่น้ำเจ้าพระยา", BODY_TH),
    ("B106", "อ่านเพิ่มเติม : เทศบาลเพิ่มงบห้องสมุด", BODY_TH),
    ("B108", "ข่าวยอดนิยม", BODY_TH),
    ("B108", "อ่านมากที่สุด", BODY_TH),
    ("B108", "ข้อตกลงการใช้งาน", BODY_TH),
    ("B108", "กลับขึ้นด้านบน", BODY_TH),
    ("B109", "แชร์ไปยัง Facebook", BODY_TH),
    ("B109", "ติดตามเราได้ที่ Facebook และ YouTube", BODY_TH),
    ("B110", "เว็บไซต์นี้ใช้คุกกี้ เพื่อเพิ่มประสิทธิภาพและประสบการณ์ที่ดีในการใช้งานเว็บไซต์ของท่าน", BODY_TH),
    ("B110", "เราใช้คุกกี้เพื่อพัฒนาประสิทธิภาพ และประสบการณ์ที่ดีในการใช้เว็บไซต์ของคุณ", BODY_TH),
    # Japanese, Korean and Chinese (simplified and traditional): ad labels, paywall notes,
    # credits, teasers, most-read labels, menu and consent buttons, share and follow calls
    ("B101", "【PR】", BODY_JA),
    ("B101", "広告特集", BODY_JA),
    ("B101", "애드버토리얼", BODY_KO),
    ("B101", "廣編特輯", BODY_ZH),
    ("B102", "この記事は読者会員限定です。", BODY_JA),
    ("B102", "続きをお読みいただくには、ログインしてください。", BODY_JA),
    ("B102", "유료 회원 전용 기사입니다.", BODY_KO),
    ("B102", "以下为付费内容", BODY_ZH),
    ("B102", "登入後即可閱讀全文", BODY_ZH),
    ("B103", "写真はイメージです", BODY_JA),
    ("B103", "ＡＦＰ時事", BODY_JA),
    ("B103", "사진=셔터스톡", BODY_KO),
    ("B103", "新华社记者 李贺 摄", BODY_ZH),
    ("B103", "資料圖", BODY_ZH),
    ("B106", "あわせて読む：首相、解散を表明", BODY_JA),
    ("B106", "こんな記事も読まれています", BODY_JA),
    ("B106", "▶관련기사 : 서울시, 새 예산안 발표", BODY_KO),
    ("B106", "全文網址：https://example.com/news/123", BODY_ZH),
    ("B106", "点击阅读全文", BODY_ZH),
    ("B107", "いま読まれている記事", BODY_JA),
    ("B107", "많이 읽은 기사", BODY_KO),
    ("B107", "大家都在看", BODY_ZH),
    ("B107", "热门", BODY_ZH),
    ("B108", "同意する", BODY_JA),
    ("B108", "プライバシーポリシー", BODY_JA),  # five words: two characters a word
    ("B108", "会員登録（無料）", BODY_JA),
    ("B108", "ニュース", BODY_JA),
    ("B108", "기자 구독", BODY_KO),
    ("B108", "繁體中文", BODY_ZH),
    ("B109", "X（旧Twitter）でシェア", BODY_JA),
    ("B109", "LINEで友だち追加", BODY_JA),
    ("B109", "카카오톡 공유하기", BODY_KO),
    ("B109", "关注微信公众号", BODY_ZH),
    ("B109", "按讚加入粉絲團", BODY_ZH),
    ("B110", "サイトの閲覧を続けることで、Cookieの使用に同意したものとみなされます。", BODY_JA),
    ("B110", "当サイトではクッキーを利用しています。", BODY_JA),
    ("B110", "모든 쿠키 거부", BODY_KO),
    ("B110", "繼續瀏覽本網站即表示您同意我們使用Cookie。", BODY_ZH),
]


@pytest.mark.parametrize(("code", "line", "body"), POSITIVES, ids=[f"{c}:{t[:18]}" for c, t, _ in POSITIVES])
def test_line_rule_removes(code, line, body):
    assert code in codes_acting_on(around(line, body), line)


NEGATIVES = [
    "More than 20 people gathered outside the town hall on Monday to protest the plan.",
    "Read the full report, the minister said, before judging the decision.",
    "Photographers gathered outside the court as the verdict was read.",
    "Images of the flood shocked the whole region for weeks.",
    "Die Anzeige gegen den Bürgermeister wurde am Montag zurückgezogen, teilte die Polizei mit.",
    "Publicité mensongère : l'entreprise a été condamnée à une forte amende par le tribunal.",
    "Share prices fell sharply on Monday after the bank announced new losses in Asia.",
    "Home prices have risen by ten percent in the capital since the start of the year.",
    "Les plus lus des romans de l'été sont souvent les plus courts, selon les libraires.",
    "Annonsen kom overraskende på mange i kommunestyret, sier ordføreren.",
    "Zurück in Berlin sagte die Ministerin, man werde die Pläne prüfen.",
    "By the time the firefighters arrived, the roof had already collapsed.",
    "Cookies und Kuchen wurden beim Fest der Feuerwehr verkauft, berichtet der Verein.",
    "Uczniowie korzystamy z okazji, mówi dyrektorka, i pieką cookies na kiermasz szkolny.",
    "广告业在过去十年里迅速发展，专家表示。",
    "إعلان الحكومة عن خطة جديدة للنقل أثار جدلا واسعا في البرلمان يوم الاثنين.",
    "Quảng cáo trực tuyến đang thay đổi cách các doanh nghiệp nhỏ tiếp cận khách hàng.",
    "分享到朋友圈的视频引发了热议。",
    # the same words in article sentences: Japanese, Chinese, Korean, Arabic and Czech
    "同社は先月、Cookieを使用した広告配信を停止すると発表した。",
    "続きを読むには会員登録が必要だという批判も出ている。",
    "写真は市内の公園で撮影されたものだという。",
    "共同通信の世論調査によると、内閣支持率は前回から5ポイント低下した。",
    "研究人员发现，网站使用Cookie追踪用户的现象十分普遍。",
    "新华社记者在现场看到，救援工作仍在进行。",
    "热门文章往往标题更短，研究人员说。",
    "업계는 쿠키를 사용하는 광고 방식이 곧 사라질 것으로 보고 있다.",
    "사진 속 인물은 다음 날 경찰에 자진 출석했다.",
    "연합뉴스 보도에 따르면 회담은 다음 주에 열린다.",
    "قال الباحثون إن المواقع التي تستخدم ملفات تعريف الارتباط تجمع بيانات كثيرة عن زوارها.",
    "شارك المقاتلون في المعارك لعدة أيام قبل الانسحاب.",
    "Firma uvedla, že soubory cookie používá jen pro měření návštěvnosti.",
    "Přijmout všechny uprchlíky země nemůže, řekl ministr.",
    "Reklama na cigarety je v Česku zakázaná už mnoho let.",
    # the same words in article sentences: Vietnamese, Indonesian, Croatian, Romanian and Catalan
    "Ảnh hưởng của cơn bão khiến hàng nghìn người dân phải sơ tán khỏi nhà trong đêm.",
    "Theo TTXVN, hội nghị thượng đỉnh sẽ diễn ra vào tuần tới tại Hà Nội.",
    "Tin mới nhất từ hiện trường cho thấy lực lượng cứu hộ vẫn đang tìm kiếm người mất tích.",
    "Nhiều trang web sử dụng cookie để theo dõi hành vi của người dùng, các chuyên gia cho biết.",
    "Đọc nhiều sách giúp trẻ phát triển ngôn ngữ tốt hơn, theo một nghiên cứu mới công bố.",
    "Antara lain, pemerintah akan membangun jembatan baru di Surabaya tahun depan.",
    "Foto ilustrasi itu kemudian viral di media sosial, kata polisi.",
    "Berita terpopuler pekan ini datang dari Bandung, di mana jembatan baru akhirnya dibuka.",
    "Banyak situs menggunakan cookie untuk melacak pengguna, kata para peneliti.",
    "Podijelili su nagrade najboljim učenicima u petak, rekla je ravnateljica.",
    "Najčitanije knjige ove godine bile su kriminalistički romani, kaže knjižničarka.",
    "Snimio je više od dvadeset filmova, a posljednji je prikazan u Puli.",
    "Hina je izvijestila da je sastanak odgođen za idući tjedan.",
    "Mnoge stranice koriste kolačiće za praćenje korisnika, upozoravaju stručnjaci.",
    "Mulți utilizatori trimit pe WhatsApp mesaje false despre vaccin, a avertizat poliția.",
    "Imaginea ilustrativă a campaniei a fost criticată de mai mulți experți în publicitate.",
    "Cele mai citite cărți ale anului au fost romanele polițiste, spune bibliotecara.",
    "Moltes webs utilitzen galetes per seguir els usuaris, segons els experts.",
    "Comparteix la teva opinió amb els veïns, va demanar l'alcalde a la reunió.",
    # the same words in article sentences: Hebrew, Persian and Hindi
    "לדברי החוקרים, אתרים רבים משתמשים בעוגיות כדי לעקוב אחר הגולשים.",
    "פרסומת חדשה של החברה עוררה סערה ברשתות החברתיות.",
    "צילום הסרט החל בשבוע שעבר בירושלים.",
    "לפי רויטרס, השיחות יימשכו גם מחר.",
    "התושבים שיתפו בפייסבוק תמונות מההצפה ברחובות העיר.",
    "הנקראות ביותר בספרייה הן ספרי ילדים, לפי נתוני העירייה.",
    "המנויים לעיתון קיבלו את הכתבה המלאה כבר בבוקר.",
    "پژوهشگران می‌گویند بسیاری از سایت‌ها از کوکی‌ها برای ردیابی کاربران استفاده می‌کنند.",
    "به گزارش ایرنا، جلسه شورا فردا ادامه می‌یابد.",
    "عکس این ساختمان در شبکه‌های اجتماعی دست به دست شد.",
    "تبلیغات انتخاباتی از فردا آغاز می‌شود.",
    "آخرین اخبار از وضعیت بیماران امیدوارکننده است.",
    "کپی لینک‌های جعلی در شبکه‌های اجتماعی افزایش یافته است.",
    "शोधकर्ताओं के अनुसार कई वेबसाइटें कुकीज़ का उपयोग करके उपयोगकर्ताओं पर नज़र रखती हैं।",
    "पीटीआई के मुताबिक बैठक कल भी जारी रहेगी।",
    "फोटो खींचने वाले पत्रकार को पुलिस ने रोक दिया।",
    "विज्ञापन पर सरकार ने नई नीति जारी की।",
    "ताजा खबरें मिलने तक राहत कार्य जारी रहेगा, प्रशासन ने कहा।",
    "ऊपर जाएं तो पहाड़ से पूरा शहर दिखता है।",
    # the same words in Thai article sentences: a phrase inside a run of Thai letters is no phrase
    "นักวิจัยระบุว่า เว็บไซต์จำนวนมากใช้คุกกี้เพื่อติดตามพฤติกรรมของผู้ใช้งาน",
    "โฆษณาชิ้นใหม่ของบริษัทถูกวิพากษ์วิจารณ์อย่างหนักในโซเชียลมีเดีย",
    "ภาพถ่ายดาวเทียมแสดงให้เห็นความเสียหายจากน้ำท่วมในหลายอำเภอ",
    "ตามรายงานของ รอยเตอร์ การเจรจาจะดำเนินต่อไปในวันพรุ่งนี้",
    "ข่าวล่าสุดจากที่เกิดเหตุระบุว่า เจ้าหน้าที่ยังคงค้นหาผู้สูญหาย",
    "คัดลอกลิงก์ปลอมจากข้อความ SMS อาจทำให้ผู้ใช้สูญเงิน ตำรวจเตือน",
    "ยอดนิยมของเมนูนี้มาจากราคาที่ไม่แพง เจ้าของร้านกล่าว",
    "เครดิตบูโรเปิดเผยว่า หนี้ครัวเรือนเพิ่มขึ้นต่อเนื่อง",
    "สนับสนุนโดยกระทรวงวัฒนธรรม โครงการนี้จะเริ่มในเดือนหน้า",
    "ยอมรับทั้งหมดทุกข้อกล่าวหา จำเลยให้การต่อศาล",
    "สมาชิกสภาเท่านั้นที่ได้รับเอกสารฉบับเต็มก่อนการประชุม",
    # the same words in article sentences: Japanese, Korean and Chinese
    "首相は野党の提案に同意すると述べた。",
    "同社のプライバシーポリシーは昨年改定された。",
    "ニュース番組の視聴率は前年より下がった。",
    "有料会員限定のサービスを始めると発表した。",
    "写真はイメージと違うという苦情が寄せられた。",
    "詳しくはこちらの資料をご覧くださいと担当者は話した。",
    "Cookieを利用しているサイトが多いと専門家は指摘する。",
    "ブルームバーグによると、交渉は来週再開する。",
    "기자 구독 서비스를 도입하는 언론사가 늘고 있다.",
    "유료 회원 전용 기사는 하루 10건으로 제한된다.",
    "많이 읽은 기사는 대부분 정치 기사였다.",
    "大家都在看这场比赛。",
    "扫码关注的用户数量增长了两倍。",
    "以下为付费内容的收入统计，仅供参考。",
    "新闻发布会将于明天举行。",
    "本站使用的数据来自国家统计局。",
]


TEASER_SENTENCES = [  # a teaser phrase that opens the writer's own sentence
    "Read more about the hospice's work and you quickly see why the village cares.",
    "See also the important notes in the section below.",
    "Weiterlesen möchte man fast die kleinen Sprüche in den Keksen, die der Sohn schreibt.",
    "Lees meer over de actie op het bord in de winkel, want een website heeft de bakkerij niet.",
    "Читайте также на двери объявление о том, какие книги особенно нужны.",
    "קראו גם את המכתב של ראש העיר, אמרה הדוברת בסוף הכנס.",
    "بیشتر بخوانید و کمتر حرف بزنید، این توصیه معلم به شاگردانش بود.",
    "यह भी पढ़ें कि सरकार ने बजट में क्या कहा है।",
]


@pytest.mark.parametrize("line", TEASER_SENTENCES, ids=[t[:20] for t in TEASER_SENTENCES])
def test_sentence_opening_with_a_teaser_phrase_is_flagged(line):
    res = clean_text(around(line, BODY))
    assert line in res.record.text
    assert ("B106", "flagged") in {(f.code, f.action) for f in res.report.findings if f.text == line}


@pytest.mark.parametrize("line", NEGATIVES, ids=[t[:24] for t in NEGATIVES])
def test_article_sentences_stay(line):
    res = clean_text(around(line, BODY))
    assert line in res.record.text


@pytest.mark.parametrize("body", [BODY, BODY_DE, BODY_NB])
def test_caption_labels_removed_when_several(body):
    doc = f"ULYKKE: Bilen havnet i grøfta.\n\n{body}\n\nREDNING: Mannskaper på stedet.\n\n{body}"
    res = clean_text(doc)
    assert "ULYKKE" not in res.record.text and "REDNING" not in res.record.text
    assert res.record.text.count(body) == 2


@pytest.mark.parametrize(
    "doc",
    [
        "NEW DELHI: The government on Monday announced a new budget for the libraries of the country.",
        "SMITH: We agree with the plan.\n\nJONES: We do not agree.\n\nSMITH: Then we vote on it today.",
        "BERLIN: Die Regierung hat am Montag einen neuen Haushalt für die Bibliotheken beschlossen.",
    ],
)
def test_caption_labels_flagged_not_removed(doc):
    res = clean_text(doc + "\n\n" + BODY)
    assert res.record.text.startswith(doc.split("\n")[0])
    assert "B104" in {f.code for f in res.report.findings if f.action == "flagged"}


def test_caption_after_credit_removed_only_when_echoing():
    echo = (
        "Storm über Hamburg: Bäume entwurzelt\n\nFoto: dpa\n\nStorm über Hamburg: Bäume entwurzelt.\n\n"
        + BODY_DE
    )
    assert "entwurzelt." not in clean_text(echo).record.text
    lede = "Foto: dpa\n\nDie Polizei sperrte die Straße.\n\n" + BODY_DE
    res = clean_text(lede)
    assert "Die Polizei sperrte die Straße." in res.record.text
    assert "B105" in {f.code for f in res.report.findings if f.action == "flagged"}


@pytest.mark.parametrize(
    ("line", "authors", "body"),
    [
        ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"], BODY),
        ("Von Anna Schmidt", ["Anna Schmidt"], BODY_DE),
        ("Par Marie Dupont et Luc Martin", ["Marie Dupont", "Luc Martin"], BODY_FR),
        ("Av Kari Nordmann", ["Kari Nordmann"], BODY_NB),
        ("Por Lucía García", ["Lucía García"], BODY_ES),
    ],
)
def test_byline_lifted(line, authors, body):
    res = clean_text(f"{line}\n\n{body}")
    assert res.record.meta.authors == authors
    assert line not in res.record.text


@pytest.mark.parametrize(
    "line", ["By the time we arrived it was over.", "Von wegen", "Par ailleurs, rien ne change."]
)
def test_byline_not_lifted(line):
    assert clean_text(f"{line}\n\n{BODY}").record.meta.authors == []


@pytest.mark.parametrize(
    ("line", "expected", "body"),
    [
        ("Published: 12 March 2023", dt.date(2023, 3, 12), BODY),
        ("Veröffentlicht am 7. März 2023", dt.date(2023, 3, 7), BODY_DE),
        ("Publié le 3 janvier 2024 à 10h15", dt.date(2024, 1, 3), BODY_FR),
        ("Publisert 12.03.2023", dt.date(2023, 3, 12), BODY_NB),
        (
            "2023-05-04T10:00:00+02:00",
            dt.datetime(2023, 5, 4, 10, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            BODY,
        ),
    ],
)
def test_dateline_lifted(line, expected, body):
    res = clean_text(f"{line}\n\n{body}")
    assert res.record.meta.published == expected
    assert line not in res.record.text


@pytest.mark.parametrize("line", ["In 2023 the budget grew.", "May 2023", "Tuesday", "2099-01-01"])
def test_dateline_not_lifted(line):
    assert clean_text(f"{line}\n\n{BODY}").record.meta.published is None


@pytest.mark.parametrize(
    ("header", "title", "body"),
    [
        (
            "Council saves the library for three more years",
            "Council saves the library for three more years",
            BODY,
        ),
        ("Bibliothek gerettet: Rat stimmt zu", "Bibliothek gerettet: Rat stimmt zu", BODY_DE),
        ("La bibliothèque sauvée par le conseil", "La bibliothèque sauvée par le conseil", BODY_FR),
    ],
)
def test_title_lifted(header, title, body):
    res = clean_text(f"{header}\n\n{body}")
    assert res.record.meta.title == title
    assert res.record.text == body + "\n"


def test_two_headline_candidates_lift_nothing():
    res = clean_text("Bibliothek gerettet\n\nRat stimmt nach langer Debatte zu\n\n" + BODY_DE)
    assert res.record.meta.title is None
    assert "Bibliothek gerettet" in res.record.text and "Rat stimmt" in res.record.text


@pytest.mark.parametrize(
    ("outlet", "body", "signature"),
    [
        ("Dagbladet", BODY_NB, "Foto: Dagbladet"),
        ("Le Figaro", BODY_FR, "Photo : Le Figaro / AFP"),
        ("Süddeutsche Zeitung", BODY_DE, "© 2023 Süddeutsche Zeitung"),
    ],
)
def test_repeated_outlet_that_signs_the_page_is_the_source(outlet, body, signature):
    res = clean_text(f"{outlet}\n{outlet}\n\n{body}\n\n{signature}")
    assert res.record.meta.source == outlet
    assert outlet not in res.record.text


@pytest.mark.parametrize(
    ("name", "body"),
    [("World", BODY), ("Courtney Carr", BODY), ("Politik", BODY_DE), ("Economía", BODY_ES)],
)
def test_a_name_printed_twice_that_signs_nothing_is_no_source(name, body):
    """A section heading under its crumb, an author's picture and name: not an outlet."""
    res = clean_text(f"{name}\n{name}\n\n{body}\n\nFoto: NTB")
    assert res.record.meta.source is None


@pytest.mark.parametrize(
    ("body", "line", "outlet"),
    [
        (BODY_NB, "© 2024 Aftenposten", "Aftenposten"),
        (BODY_NB, "© 2024 Aftenposten AS", "Aftenposten"),
        (BODY, "Copyright © 2023 BuzzFeed, Inc.", "BuzzFeed"),
        (BODY_DE, "© 2023 Der Spiegel GmbH & Co. KG", "Der Spiegel"),
        (BODY_FR, "© Le Figaro SAS 2024", "Le Figaro"),
    ],
)
def test_copyright_line_is_the_source(body, line, outlet):
    assert clean_text(f"{body}\n\n{line}").record.meta.source == outlet


@pytest.mark.parametrize(
    ("body", "line"),
    [
        (BODY, "Copyright © 2019 IDG Communications, Inc."),
        (BODY_DE, "© 2023 FUNKE Mediengruppe"),
        (BODY_FR, "© Groupe Le Monde 2024"),
        (BODY_ES, "© 2024 Grupo Prisa. Todos los derechos reservados."),
        (BODY_NB, "© 2024 Schibsted Media AS"),
    ],
)
def test_a_media_company_in_a_copyright_line_is_no_source(body, line):
    """The company owns the outlet ("The Telegraph", not "Telegraph Media Group")."""
    assert clean_text(f"{body}\n\n{line}").record.meta.source is None


@pytest.mark.parametrize(
    ("body", "line"),
    [
        (BODY, "© 2008 The"),
        (BODY, "Copyright © 2005 CanWest Interactive, a division of"),
        (BODY_DE, "© 2019 von"),
    ],
)
def test_a_copyright_line_cut_short_names_no_source(body, line):
    assert clean_text(f"{body}\n\n{line}").record.meta.source is None


@pytest.mark.parametrize("body", [BODY, BODY_DE, BODY_ES])
def test_header_and_footer_clutter(body):
    res = clean_text(f"DAILY NEWS\n| Home | World |\n42\n\n{body}\n\nTags: x, y\n3 Kommentare")
    assert res.record.text == body + "\n"


@pytest.mark.parametrize("body", [BODY, BODY_DE, BODY_FR])
def test_header_sentence_is_flagged_not_removed(body):
    res = clean_text(f"It rained all night.\n\n{body}")
    assert res.record.text.startswith("It rained all night.")
    assert [f.code for f in res.report.findings if f.action == "flagged"] == ["B113"]


CLOSING_SUBHEADINGS = [  # a subheading, then a closing paragraph of short sentences
    (BODY, "Verdict", "All in all, a bold evening at the theatre.\nJust do not go tired."),
    (BODY_DE, "Fazit", "Alles in allem ein mutiger Abend im Theater.\nNur nicht müde hingehen."),
    (BODY_FR, "Verdict", "Au final, une soirée audacieuse au théâtre.\nMais n'y allez pas fatigué."),
    (BODY_NB, "Konklusjon", "Alt i alt en modig kveld på teateret.\nBare ikke gå dit trøtt."),
]


@pytest.mark.parametrize(("body", "heading", "closing"), CLOSING_SUBHEADINGS, ids=["en", "de", "fr", "nb"])
def test_short_line_between_sentences_below_the_article_is_flagged(body, heading, closing):
    """The footer rule alone (B301 off) keeps a subheading between sentences, and still
    removes the chrome below them."""
    res = clean_text(f"{body}\n\n{heading}\n{closing}\n\nTags: x, y\n3 Kommentare", config=NO_MODEL)
    assert res.record.text == f"{body}\n\n{heading}\n\n{closing.replace(chr(10), chr(10) * 2)}\n"
    assert {(f.code, f.action) for f in res.report.findings if f.text == heading} == {("B112", "flagged")}


@pytest.mark.parametrize(
    ("body", "time"), [(BODY, "14.30"), (BODY_NB, "14.30"), (BODY_DE, "14:30 Uhr")], ids=["en", "nb", "de"]
)
def test_short_line_between_sentences_above_the_article_is_flagged(body, time):
    """A live blog's time between two short entries stays; the menu above them goes."""
    entries = "The storm reached the coast early this morning.\n{}\nSchools are closed across the region."
    res = clean_text(f"| Home | World |\n{entries.format(time)}\n\n{body}", config=NO_MODEL)
    assert time in res.record.text and "Home" not in res.record.text
    assert {(f.code, f.action) for f in res.report.findings if f.text == time} == {("B111", "flagged")}


def test_no_prose_means_no_zones():
    poem = "Roses are red\nViolets are blue\nSugar is sweet\nAnd so are you\n"
    assert (
        clean_text(poem).record.text
        == "Roses are red\n\nViolets are blue\n\nSugar is sweet\n\nAnd so are you\n"
    )


@pytest.mark.parametrize(
    ("paragraph", "promo"),
    [
        (BODY, " READ MORE: Floods hit the north"),
        (BODY_FR, " LIRE AUSSI : La réforme des retraites"),
        (BODY_NB, " LES OGSÅ: Dette er nytt i budsjettet"),
        (BODY_DE, " MEHR ZUM THEMA: Neue Regeln"),
    ],
)
def test_inline_promo_cut_from_paragraph_end(paragraph, promo):
    res = clean_text(paragraph + promo)
    assert res.record.text == paragraph + "\n"
    assert [f.code for f in res.report.findings if f.action == "removed"] == ["B201"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "The agency said READ MORE: was the label on the button, which confused readers.",
        "Er sagte, MEHR ZUM THEMA sei nicht geplant.",
        "Officials joked WATCH: this space, at the end of the meeting.",
    ],
)
def test_inline_promo_needs_a_sentence_end_before_it(paragraph):
    assert paragraph in clean_text(paragraph + "\n\n" + BODY).record.text


def test_over_removal_warns():
    res = clean_text("Sponsor: Acme\n" * 20 + BODY)
    assert "D002" in {f.code for f in res.report.findings}


def test_empty_seed_is_an_error():
    res = clean_text("   \n\n")
    assert [f.code for f in res.report.findings if f.severity == "error"] == ["D001"]


def test_encoding_fix_recorded_with_explanation():
    res = clean_text("The café doesnâ€™t open on Sundays, said the owner on Monday morning.")
    assert res.record.text.startswith("The café doesn’t open")
    fix = res.report.encoding_fixes[0]
    assert fix.original == "â€™" and fix.fixed == "’"
    assert "decode_inconsistent_utf8" in fix.explanation or "fix_encoding" in fix.explanation
    assert res.record.flags.encoding_fixed
