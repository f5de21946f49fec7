"""Metadata extraction: headline, bylines, datelines with their zone, language; empty
rather than guessed, with the reason in the report."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BODY, BODY_DE, BODY_ES, BODY_FR, BODY_TH
from corpuskit import clean_text
from corpuskit.dates import UNKNOWN, read_date_line
from corpuskit.metadata import parse_byline, parse_date, parse_names

ROOT = Path(__file__).resolve().parents[1]


def tz(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        ("Dec 23, 2023, 08:26 AM EST", "en", dt.datetime(2023, 12, 23, 8, 26, tzinfo=tz(-5))),
        ("Fri 22 Dec 2023 12.10 CET", "en", dt.datetime(2023, 12, 22, 12, 10, tzinfo=tz(1))),
        ("Veröffentlicht am 6. November 2023, 14:30 Uhr", "de", dt.date(2023, 11, 6)),
        ("Publié le 23 novembre 2023 à 14h30", "fr", dt.date(2023, 11, 23)),
        ("Publicado el 6 de noviembre de 2023", "es", dt.date(2023, 11, 6)),
        ("Publisert 23. november 2023 kl. 14.30", "no", dt.date(2023, 11, 23)),
        ("Pubblicato il 5 settembre 2023 alle 14:30", "it", dt.date(2023, 9, 5)),
        ("21 ноября 2023 г.", "ru", dt.date(2023, 11, 21)),
        ("2023-11-23T08:15:00+01:00", None, dt.datetime(2023, 11, 23, 8, 15, tzinfo=tz(1))),
        ("12/21/2023 10:00 AM", "en", dt.date(2023, 12, 21)),  # a time without a zone is dropped
        ("21/12/2023", "fr", dt.date(2023, 12, 21)),
        ("Dec 23, 2023 5:06pm PT", "en", dt.date(2023, 12, 23)),  # PT: which offset? date only
        ("12 มี.ค. 2024", "th", dt.date(2024, 3, 12)),  # March, which dateparser reads as January
        ("12 ม.ค. 2024", "th", dt.date(2024, 1, 12)),
        ("12 มีนาคม 2024", "th", dt.date(2024, 3, 12)),
        ("15 ม.ค. 2567 10:25 น.", "th", dt.date(2024, 1, 15)),  # the Buddhist Era: 543 years on
        ("เผยแพร่: 18 มี.ค. 2567 เวลา 14:30 น.", "th", dt.date(2024, 3, 18)),
        ("2 ก.พ. พ.ศ. 2567", "th", dt.date(2024, 2, 2)),
    ],
)
def test_dates_in_many_languages(line, language, expected):
    assert parse_date(line, language) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Published 3 days ago",
        "Aktualisiert vor 2 Stunden",
        "May 2023",
        "Best Games Of 2023",
        "20 Dec 2023 – 21 Dec 2023",
        "31.02.2024",
        "Tax Day 2024",
        "3 min read",
        "Il y a 2 heures",
        "ปี 2567 งบประมาณ 3,000 ล้าน",  # a year and a sum, no date
        "Tax Day 2567",
    ],
)
def test_not_dates(line):
    assert parse_date(line) is None


def test_the_fast_reader_knows_common_lines_without_the_general_parser():
    for line in ["23 Nov 2023", "Jun 24, 2025", "2022-11-12", "Jan.07 - 2024 12:58 PM CET", "12.03.2023"]:
        assert read_date_line(line) not in (None, UNKNOWN), line
    assert read_date_line("vor 2 Tagen 2023") is UNKNOWN
    seeds = str(ROOT / "seeds")
    code = (
        "import sys, pathlib; from corpuskit import clean_file; "
        f"[clean_file(p) for p in sorted(pathlib.Path({seeds!r}).glob('*.txt'))]; "
        "print('dateparser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"  # a check of the seeds never pays for dateparser


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By\nChris E. Hayner\nand\nTom Caswell\n", ["Chris E. Hayner", "Tom Caswell"]),
        ("Written by\nLori Grunin\nSenior Editor / Advice\n", ["Lori Grunin"]),
        ("Von\nAnna Schmidt\nund\nJonas Weber\n", ["Anna Schmidt", "Jonas Weber"]),
        ("Par\nMarie Dubois\n", ["Marie Dubois"]),
        ("Por Ana Pérez García, corresponsal\n", ["Ana Pérez García"]),
        ("Door Jan de Vries\n", ["Jan de Vries"]),
        ("Author:\nJeremy Salvucci\n", ["Jeremy Salvucci"]),
        ("By Lauren Manaker MS, RDN, LD\n", ["Lauren Manaker"]),
    ],
)
def test_bylines(text, names):
    assert clean_text(text + "\n" + BODY).record.meta.authors == names


@pytest.mark.parametrize(
    "line",
    [
        "By the time the council met, the budget was already spent.",
        "Von der Leyen sagte am Dienstag, die Kommission prüfe den Plan.",
        "Par ailleurs, le conseil a voté le budget.",
        "Por primera vez, el consejo aprobó el presupuesto.",
        "Av og til møtes rådet om kvelden.",
    ],
)
def test_sentences_that_start_like_bylines_are_not_bylines(line):
    assert parse_byline(line) is None


def test_a_bare_byline_word_takes_only_names():
    res = clean_text("Floods hit the north\nBy\nJane Doe\nDeputy Editor\nPlus Icon\n\n" + BODY)
    assert res.record.meta.authors == ["Jane Doe"]
    assert parse_names("Staff Writer") is None or parse_names("Staff Writer") == []


def test_headline_repeating_the_page_title():
    page = (
        "Hochwasser in Bayern: Pegel steigen weiter | Nachrichten | Tagesblatt\n"
        "Startseite\nPolitik\nWirtschaft\nSport\nHochwasser in Bayern: Pegel steigen weiter\n"
        "Von\nAnna Schmidt\nMittwoch, 6. November 2023, 14:30 Uhr\n\n" + BODY_DE
    )
    meta = clean_text(page).record.meta
    assert (meta.title, meta.authors, meta.published) == (
        "Hochwasser in Bayern: Pegel steigen weiter",
        ["Anna Schmidt"],
        dt.date(2023, 11, 6),
    )


@pytest.mark.parametrize(
    "page",
    [
        "Sign In\nNews\nSport\nSign In\nMenu\n\n" + BODY,  # a short nav line repeated is not a title
        "Le conseil a voté le budget hier soir.\nActualités\nLe conseil a voté le budget hier soir.\n\n"
        + BODY_FR,
        "Noticias de hoy en la ciudad\nPortada\nDeportes\nÚltima hora\n\n" + BODY_ES,  # no repetition
    ],
)
def test_no_title_rather_than_a_guess(page):
    res = clean_text(page)
    assert res.record.meta.title is None
    assert res.report.metadata["title"].origin == "empty" and res.report.metadata["title"].note


def test_masthead_date_far_from_the_article_is_not_the_date():
    page = "Sunday, December 24, 2023\nHome\nWorld\nBusiness\nSport\nCulture\nOpinion\n\n" + BODY
    res = clean_text(page)
    assert res.record.meta.published is None
    assert "2023" not in res.record.text  # still page chrome: removed


def test_update_dates_are_not_publication_dates():
    for line in [
        "Updated Nov. 6, 2023 6:00 a.m. PT",
        "Zuletzt aktualisiert: 6. November 2023",
        "Mis à jour le 3 mars 2024",
    ]:
        res = clean_text(line + "\n\n" + BODY)
        assert res.record.meta.published is None, line
    both = clean_text("Fri 22 Dec 2023 12.10 CET\nLast modified on Fri 22 Dec 2023 19.26 CET\n\n" + BODY)
    assert both.record.meta.published == dt.datetime(2023, 12, 22, 12, 10, tzinfo=tz(1))


@pytest.mark.parametrize(
    ("dateline", "update", "body"),
    [
        ("Published 21 Dec 2023", "Updated 22 Dec 2023 10:48", BODY),
        ("Veröffentlicht am 21. Dezember 2023", "Aktualisiert am 22. Dezember 2023", BODY_DE),
    ],
)
def test_a_later_pass_handles_the_date_lines_its_grown_header_holds(dateline, update, body):
    """Once the dateline is lifted, a later pass (whose header grew as lines above the
    article went) lifts copies of it and removes the other date lines there, as cleaning
    the cleaned text again would."""
    from corpuskit.rules.base import Context
    from corpuskit.rules.dateline import Dateline
    from corpuskit.segment import segment

    blocks = segment(f"{dateline}\n{update}\n{dateline}\n\n{body}")
    survivors = blocks[1:]  # the first pass lifted the dateline
    ctx = Context(survivors, blocks, {blocks[0].index: "M003"})
    found = {hit.block.line: (hit.rule.code, hit.action) for hit in Dateline().check(ctx)}
    assert found == {2: ("M005", "remove"), 3: ("M003", "lift")}


@pytest.mark.parametrize(("body", "code"), [(BODY, "en"), (BODY_DE, "de"), (BODY_FR, "fr"), (BODY_ES, "es")])
def test_language_with_confidence(body, code):
    res = clean_text(body)
    origin = res.report.metadata["language"]
    assert res.record.meta.language == code
    assert (origin.origin, origin.method) == ("inferred", "py3langid") and origin.confidence >= 0.9


def test_every_empty_field_says_why():
    res = clean_text(BODY)
    for field in ("title", "authors", "published", "source", "url"):
        origin = res.report.metadata[field]
        assert origin.origin == "empty" and origin.note, field


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("শনিবার, আগস্ট ২৯, ২০২০", dt.date(2020, 8, 29)),  # Bengali digits
        ("२९ अगस्त २०२०", dt.date(2020, 8, 29)),  # Devanagari digits
        ("٢٩ أغسطس ٢٠٢٠", dt.date(2020, 8, 29)),  # Arabic-Indic digits
        ("２０２０年８月２９日", dt.date(2020, 8, 29)),  # full-width digits
        ("۱۴۰۰/۰۵/۰۷", None),  # a year of the Persian calendar, not 1400 AD
    ],
)
def test_dates_written_with_the_digits_of_other_scripts(line, expected):
    assert parse_date(line) == expected


def test_a_bengali_dateline_is_lifted():
    body = "পৌরসভার সদস্যরা মঙ্গলবার সন্ধ্যায় নতুন বাজেট নিয়ে আলোচনা করেন এবং দীর্ঘ বিতর্কের পর সিদ্ধান্ত নেন।"
    result = clean_text(f"শনিবার, আগস্ট ২৯, ২০২০\n{body}\n\n{body}\n")
    assert result.record.meta.published == dt.date(2020, 8, 29)


def test_a_thai_page_gives_its_headline_and_its_date():
    """A Thai headline ends unmarked, as a sentence does, and may name a Latin acronym
    ("PM2.5"): it is still the title, and the date below it, in the Buddhist Era, is read."""
    title = "รัฐบาลเร่งแก้ปัญหาฝุ่น PM2.5 ในกรุงเทพฯ สั่งตรวจรถควันดำทุกเขต"
    record = clean_text(f"{title}\n15 ม.ค. 2567 10:25 น.\n\n{BODY_TH}\n\n{BODY_TH}").record
    assert record.meta.title == title
    assert record.meta.published == dt.date(2024, 1, 15)
