"""Time stamps counted back from the moment of reading (B125): positives and negatives in
several languages."""

from __future__ import annotations

import pytest

from conftest import (
    BODY,
    BODY_AR,
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
    BODY_KO,
    BODY_PL,
    BODY_RO,
    BODY_TH,
    BODY_VI,
    BODY_ZH,
    around,
    removed_by,
)

STAMPS = [
    ("3 hours ago", BODY),
    ("8 years, 2 months ago", BODY),
    ("7h ago", BODY),
    ("vor 2 Tagen", BODY_DE),
    ("vor 5 Std.", BODY_DE),
    ("hace 21 minutos", BODY_ES),
    ("Hace 3 horas", BODY_ES),
    ("il y a 3 jours", BODY_FR),
    ("· 2 godziny temu", BODY_PL),
    ("5 päivää sitten", BODY),
    ("for 3 timer siden", BODY),
    ("3시간 전", BODY_KO),
    ("· 5분 전", BODY_KO),
    ("منذ 3 ساعات", BODY_AR),
    ("قبل 2 أيام", BODY_AR),
    ("3 órával ezelőtt", BODY),
    ("3 giờ trước", BODY_VI),
    ("· 15 phút trước", BODY_VI),
    ("3 jam yang lalu", BODY_ID),
    ("2 hari lalu", BODY_ID),
    ("prije 3 sata", BODY_HR),
    ("prije 2 sedmice", BODY_HR),
    ("pre 5 minuta", BODY_HR),
    ("pred 3 urami", BODY),
    ("în urmă cu 2 zile", BODY_RO),
    ("3 ore în urmă", BODY_RO),
    ("fa 3 hores", BODY_CA),
    ("לפני 3 שעות", BODY_HE),
    ("· לפני 20 דקות", BODY_HE),
    ("۳ ساعت پیش", BODY_FA),
    ("۲ روز قبل", BODY_FA),
    ("3 घंटे पहले", BODY_HI),
    ("5 दिन पूर्व", BODY_HI),
    ("2 हफ्ते पहले", BODY_HI),
    ("2 ชม. ที่แล้ว", BODY_TH),
    ("· 15 นาที ที่แล้ว", BODY_TH),
    ("เมื่อ 5 ชม. ที่แล้ว", BODY_TH),
    ("3 ชั่วโมงที่แล้ว", BODY_TH),  # the frame written on without a space
    ("2 วันที่ผ่านมา", BODY_TH),
    ("3時間前", BODY_JA),
    ("· 30分前", BODY_JA),
    ("1カ月前", BODY_JA),
    ("3小时前", BODY_ZH),
    ("5分钟前", BODY_ZH),
    ("2天前", BODY_ZH),
    ("3個月前", BODY_ZH),
]


@pytest.mark.parametrize(("line", "body"), STAMPS)
def test_relative_time_stamp_removed(line, body):
    assert "B125" in removed_by(around(line, body), line)


KEPT = [
    ("Three hours ago", BODY),  # no count in digits
    ("3 hours ago, the bridge over the river fell.", BODY),  # a sentence
    ("Il y a 3 solutions", BODY_FR),  # "there are", not "ago"
    ("Há 3 pessoas na sala", BODY_ES),
    ("vor 2 Zeugen", BODY_DE),  # not a unit of time
    ("Vor 3 Jahren begann der Bau der neuen Brücke über den Fluss.", BODY_DE),
    ("3년 전 그날", BODY_KO),  # not a stamp: a title
    ("منذ 3 سنوات والمدينة تنتظر افتتاح الجسر.", BODY_AR),
    ("3 năm trước, cây cầu này đã bị sập trong một trận lũ lớn.", BODY_VI),
    ("3 hari lalu polisi menangkap tersangka di Bandung.", BODY_ID),
    ("Prije 3 godine počela je gradnja novog mosta preko Save.", BODY_HR),
    ("prije 3 utakmice", BODY_HR),  # not a unit of time
    ("În urmă cu 3 ani a început construcția podului.", BODY_RO),
    ("Fa 3 anys que es va inaugurar el pont.", BODY_CA),
    ("לפני 3 שנים נפתח הגשר החדש מעל הנהר.", BODY_HE),
    ("לפני 3 ילדים", BODY_HE),  # not a unit of time
    ("۳ سال پیش این پل افتتاح شد و حالا نیاز به تعمیر دارد.", BODY_FA),
    ("۳ نفر پیش", BODY_FA),
    ("3 साल पहले इस पुल का उद्घाटन हुआ था।", BODY_HI),
    ("3 लोग पहले", BODY_HI),
    ("3 ปี ที่แล้ว สะพานแห่งนี้ถูกน้ำพัดพังทั้งหมด", BODY_TH),
    ("3 คน ที่แล้ว", BODY_TH),  # not a unit of time
    ("3 วันที่แล้วฝนตกหนักทั่วกรุงเทพฯ", BODY_TH),  # a sentence that opens with the stamp
    ("3時間前から駅前に長い列ができていた。", BODY_JA),
    ("3人前", BODY_JA),  # three servings: not a unit of time
    ("5日前後", BODY_JA),  # around the fifth
    ("3小时前，警方接到报警。", BODY_ZH),
    ("3楼前", BODY_ZH),  # in front of building 3
]


@pytest.mark.parametrize(("line", "body"), KEPT)
def test_not_a_relative_time_stamp(line, body):
    assert "B125" not in removed_by(around(line, body), line)
