"""Reading-time notes (B115) and disclosures, disclaimers and rights notices (B116):
positives and negatives in several languages."""

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
    BODY_RO,
    BODY_TH,
    BODY_VI,
    BODY_ZH,
    around,
    removed_by,
)
from corpuskit import clean_text

REMOVED = [
    ("B115", "5 min read", BODY),
    ("B115", "Lesezeit: 3 Minuten", BODY_DE),
    ("B115", "Temps de lecture : 4 min", BODY_FR),
    ("B115", "11 minut czytania", BODY),
    ("B115", "Tiempo de lectura: 6 minutos", BODY_ES),
    ("B115", "読了時間：約3分", BODY_JA),
    ("B115", "阅读时间：3分钟", BODY_ZH),
    ("B115", "4 دقائق للقراءة", BODY_AR),
    ("B115", "4 minuty čtení", BODY_CS),
    ("B115", "5 perc olvasás", BODY),
    ("B115", "Thời gian đọc: 5 phút", BODY_VI),
    ("B115", "3 menit membaca", BODY_ID),
    ("B115", "Waktu baca 4 menit", BODY_ID),
    ("B115", "4 min čitanja", BODY_HR),
    ("B115", "Vreme čitanja: 3 min", BODY_HR),
    ("B115", "5 min branja", BODY),
    ("B115", "Timp de citire: 4 minute", BODY_RO),
    ("B115", "5 minuts de lectura", BODY_CA),
    ("B115", "4 דקות קריאה", BODY_HE),
    ("B115", "זמן קריאה: 6 דקות", BODY_HE),
    ("B115", "زمان مطالعه: ۵ دقیقه", BODY_FA),
    ("B115", "۷ دقیقه مطالعه", BODY_FA),
    ("B115", "3 मिनट में पढ़ें", BODY_HI),
    ("B115", "पढ़ने का समय: 4 मिनट", BODY_HI),
    ("B115", "ใช้เวลาอ่าน 5 นาที", BODY_TH),
    ("B115", "เวลาในการอ่าน: 4 นาที", BODY_TH),
    ("B116", "Advertising disclosure: We may receive compensation for links in our stories.", BODY),
    ("B116", "Die mit Sternchen markierten Links sind Affiliate-Links.", BODY_DE),
    ("B116", "Les opinions exprimées n'engagent que leurs auteurs.", BODY_FR),
    ("B116", "Las opiniones de los columnistas no reflejan necesariamente la línea del diario.", BODY_ES),
    ("B116", "Materiał chroniony prawem autorskim - wszelkie prawa zastrzeżone.", BODY),
    ("B116", "版权所有 © 2024 新闻网", BODY),
    ("B116", "Copyright © 2024 ニュース 無断転載を禁じます", BODY),
    ("B116", "جميع الحقوق محفوظة © 2024", BODY),
    ("B116", "© כל הזכויות שמורות לעיתון 2024", BODY_HE),
    ("B116", "کلیه حقوق این سایت متعلق به خبرگزاری است.", BODY_FA),
    ("B116", "सर्वाधिकार सुरक्षित © 2024", BODY_HI),
    ("B116", "Copyright © 2024 สำนักข่าวตัวอย่าง สงวนลิขสิทธิ์", BODY_TH),
    ("B116", "© 2567 สงวนลิขสิทธิ์ตามพระราชบัญญัติลิขสิทธิ์", BODY_TH),
    ("B115", "読了時間の目安：5分", BODY_JA),
    ("B115", "预计阅读时长：5分钟", BODY_ZH),
    (
        "B116",
        "掲載の記事・写真の無断転載を禁じます。すべての内容は日本の著作権法並びに国際条約により保護されています。",
        BODY_JA,
    ),
    ("B116", "※本記事にはアフィリエイト広告が含まれています。", BODY_JA),
    ("B116", "<저작권자(c) 통신사, 무단 전재 및 재배포, AI 학습 및 활용 금지>", BODY_KO),
    ("B116", "무단전재 및 재배포금지", BODY_KO),
    ("B116", "本文仅代表作者个人观点，不代表本站立场。", BODY_ZH),
    ("B116", "未經授權不得轉載", BODY_ZH),
]


@pytest.mark.parametrize(("code", "line", "body"), REMOVED, ids=[f"{c}:{t[:20]}" for c, t, _ in REMOVED])
def test_removed(code, line, body):
    assert code in removed_by(around(line, body), line)


KEPT = [
    # reading time named in a sentence, or a short line without a number
    ("The committee said the reading time of the report, 40 minutes, was far too long for ministers.", BODY),
    ("Lesezeit", BODY_DE),
    ("Le temps de lecture moyen a doublé en dix ans, selon l'étude publiée mardi par le ministère.", BODY_FR),
    ("学生每天的阅读时间平均为3小时。", BODY_ZH),  # the phrase inside a run of Chinese letters
    ("読了時間が長い記事ほど、読者の満足度は高い。", BODY_JA),  # no number
    ("Čtení trvá dětem v průměru 4 minuty, říká učitelka.", BODY_CS),
    ("Thời gian đọc sách của trẻ em đã giảm 30 phút mỗi ngày so với năm trước, theo khảo sát.", BODY_VI),
    ("Waktu baca anak-anak rata-rata hanya 15 menit sehari, menurut survei terbaru.", BODY_ID),
    ("Vrijeme čitanja", BODY_HR),
    ("Timpul de citire al raportului, 40 de minute, a fost prea lung pentru miniștri.", BODY_RO),
    ("ילדים מקדישים בממוצע 20 דקות קריאה ביום, לפי הסקר של משרד החינוך.", BODY_HE),
    ("دانش‌آموزان روزانه ۲۰ دقیقه مطالعه می‌کنند، طبق گزارش وزارت آموزش و پرورش.", BODY_FA),
    ("زمان مطالعه", BODY_FA),  # no number
    ("छात्रों के पढ़ने का समय 2 घंटे बढ़ाया गया है, शिक्षा मंत्री ने कहा।", BODY_HI),
    ("पढ़ने का समय", BODY_HI),
    ("นักเรียนใช้เวลาอ่านหนังสือเฉลี่ย 20 นาทีต่อวัน ตามผลสำรวจของกระทรวงศึกษาธิการ", BODY_TH),
    ("เวลาในการอ่าน", BODY_TH),  # no number
    # the words of a disclaimer in a longer article paragraph
    (
        "Der Verlag erklärte am Montag, man behalte sich alle Rechte vor, und kündigte an, gegen die "
        "Veröffentlichung der internen Dokumente juristisch vorzugehen, sobald die Prüfung der Anwälte "
        "abgeschlossen sei und der Vorstand zugestimmt habe, was bis Ende des Monats erwartet werde.",
        BODY_DE,
    ),
    ("The findings do not necessarily mean the treatment works, the researchers cautioned.", BODY),
    (
        "איגוד העובדים טען בבית המשפט כי כל הזכויות שמורות לעובדים לפי ההסכם הישן, כולל תשלום על "
        "שעות נוספות, דמי חופשה ותוכנית הפנסיה, ושהחברה ביטלה אותן בלי כל התייעצות ואף התעלמה משלוש "
        "התראות בכתב שקיבלה ממשרד העבודה במהלך השנתיים האחרונות, כך לפי כתב התביעה שהוגש ביום שני.",
        BODY_HE,
    ),
    (
        "สหภาพแรงงานยื่นฟ้องต่อศาลว่า ผลงานออกแบบทั้งหมดของพนักงาน สงวนลิขสิทธิ์ ไว้เป็นของพนักงานตามสัญญาฉบับเดิม "
        "ทั้งค่าล่วงเวลา วันหยุดพักผ่อน และกองทุนสำรองเลี้ยงชีพ แต่บริษัทกลับยกเลิกสิทธิเหล่านั้นโดยไม่ปรึกษาใคร "
        "และเพิกเฉยต่อหนังสือเตือนสามฉบับจากกระทรวงแรงงานตลอดสองปีที่ผ่านมา ตามคำฟ้องที่ยื่นเมื่อวันจันทร์",
        BODY_TH,
    ),
    # "版权所有者" is the copyright holder, named in a sentence
    ("法院认定该公司是这张照片的版权所有者。", BODY),
    # the words of a notice inside a sentence, or a reading-time label without its number
    ("写真の無断転載を禁じますとの注意書きがあった。", BODY_JA),
    ("読了時間の目安", BODY_JA),
    ("他表示不代表本网立场的言论不会被删除。", BODY_ZH),
]


@pytest.mark.parametrize(("line", "body"), KEPT, ids=[t[:24] for t, _ in KEPT])
def test_kept(line, body):
    res = clean_text(around(line, body))
    assert line in res.record.text
    assert not {"B115", "B116"} & {f.code for f in res.report.findings}


def test_long_paragraph_with_a_rights_phrase_stays():
    paragraph = (
        "The union argued in court that all rights reserved to the workers under the old contract, "
        "including overtime pay, holiday pay and the pension scheme, had been taken away without any "
        "consultation, and that the company had ignored three written warnings from the regional labour "
        "inspectorate over the past two years."
    )
    assert paragraph in clean_text(around(paragraph, BODY)).record.text


LEGAL_TAIL = (
    " The data are processed only for the purposes named above and are deleted once they are no"
    " longer needed. You may ask at any time what is stored about you, have it corrected or"
    " erased, and withdraw your consent with effect for the future by writing to the address"
    " given in the imprint."
)
LONG_NOTICES = [
    ("B110", "We use cookies and other tracking technologies to improve your experience." + LEGAL_TAIL),
    ("B110", "Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten." + LEGAL_TAIL),
    ("B116", "Advertiser Disclosure: some of the products on this site are from our partners." + LEGAL_TAIL),
    (
        "B117",
        "Prosimy o zaznaczenie checkboxa przed dodaniem komentarza. Niniejszym informujemy, że"
        " administratorem danych osobowych jest wydawca portalu z siedzibą w Warszawie. Dane"
        " osobowe zostały przekazane dobrowolnie i będą przetwarzane wyłącznie w celu"
        " zamieszczania komentarzy, kontrolowania ich treści przed publikacją i odmowy publikacji"
        " komentarzy naruszających regulamin serwisu lub przepisy prawa obowiązującego w Polsce."
        " Więcej informacji o przetwarzaniu danych osobowych znajduje się w polityce prywatności"
        " dostępnej na stronie internetowej serwisu.",
    ),
]


@pytest.mark.parametrize(("code", "notice"), LONG_NOTICES, ids=[c + n[:16] for c, n in LONG_NOTICES])
def test_long_notice_told_by_its_opening_sentence(code, notice):
    assert len(notice.split()) > 60
    assert code in removed_by(around(notice, BODY), notice)


def test_notice_words_after_the_opening_sentence_do_not_count():
    paragraph = (
        "The regulator fined the publisher on Tuesday after a two-year inquiry into its websites."
        " Its banner said: we use cookies to improve your experience, but it set them before anyone"
        " clicked." + LEGAL_TAIL
    )
    assert paragraph in clean_text(around(paragraph, BODY)).record.text
