"""Reading metadata values out of single lines: dates, bylines, outlet names; and the
document's language.

Each parser returns None when the evidence is weak: a field stays empty rather than
guessed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache

from corpuskit.dates import UNKNOWN, read_date_line
from corpuskit.lexicon import EDGE_PUNCT, every_phrase, lexicon, read_phrases
from corpuskit.memo import memo

_DIGIT_GROUPS = re.compile(r"\d+")


@cache
def _ascii_digits() -> dict[int, str]:
    """Every decimal digit of another script (০-৯, ०-९, ٠-٩, ۰-۹, ０-９, ...) to its ASCII digit."""
    return {
        code: str(unicodedata.digit(chr(code)))
        for code in range(0x0660, 0xFF20)
        if unicodedata.category(chr(code)) == "Nd"
    }


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")
_BUDDHIST_ERA = re.compile(r"(?:พ\.\s?ศ\.|พุทธศักราช)\s*")
_BUDDHIST_YEAR = re.compile(r"(?<!\d)2[45]\d\d(?!\d)")
_BUDDHIST_ERA_OFFSET = 543  # years the Thai era counts ahead of the Gregorian one


def gregorian_years(text: str) -> str:
    """A Thai line's years of the Buddhist Era (พ.ศ.), the one Thai dates are written in,
    as Gregorian years; other text as it is.

    >>> gregorian_years("15 ม.ค. 2567 10:25 น."), gregorian_years("2 ก.พ. พ.ศ. 2567")
    ('15 ม.ค. 2024 10:25 น.', '2 ก.พ. 2024')
    >>> gregorian_years("Tax Day 2567")
    'Tax Day 2567'
    """
    if not _THAI_LETTER.search(text):
        return text
    text = _BUDDHIST_ERA.sub("", text)
    return _BUDDHIST_YEAR.sub(lambda m: str(int(m.group(0)) - _BUDDHIST_ERA_OFFSET), text)


_TIME = re.compile(r"(?<!\d)\d{1,2}[:.h]\d\d(?!\d)")
_SEPARATORS = " \t|•·,;/–—-"
_NAME_SPLIT = re.compile(
    r"\s*(?:,|&|\band\b|\bog\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\boch\b|\bja\b|\bи\b)\s*"
)
_NAME_TOKEN = re.compile(r"^(?:[^\W\d_][\w'’-]*\.?|[^\W\d_]\.)$")


def strip_date_prefix(text: str) -> str:
    """Drop a dateline word ("Published", "Publisert", "date", ...) before a date.

    >>> strip_date_prefix(" date 2022-11-12 ")
    '2022-11-12'
    """
    core = text.strip(_SEPARATORS)
    phrase = lexicon("date_prefix").prefix(core)
    if phrase:
        core = core.lstrip()[len(phrase) :]
    return core.strip(_SEPARATORS + ":")


@memo()
def parse_date(text: str, language: str | None = None, general: bool = True) -> dt.date | dt.datetime | None:
    """A publication date from a line that holds a date and nothing else.

    Returns an aware datetime when the line gives a time and a zone, else a date (a time
    without a zone is ambiguous and dropped). Month-only dates and future dates are
    refused. `language` (ISO 639-1, of the document) helps with month names and with the
    order of day and month in numeric dates.

    `general=False` is for scanning many lines (a header): the strict reader decides,
    and the slow general parser is asked only for a short line in a known language whose
    month names the reader does not list, with that language's locale alone.

    >>> parse_date("Jan.07 - 2024 12:58 PM CET").isoformat()
    '2024-01-07T12:58:00+01:00'
    >>> parse_date("23 Nov 2023"), parse_date("May 2023"), parse_date("0")
    (datetime.date(2023, 11, 23), None, None)
    >>> parse_date("12.03.2023"), parse_date("03/12/2023", "en"), parse_date("03/12/2023", "fr")
    (datetime.date(2023, 3, 12), datetime.date(2023, 3, 12), datetime.date(2023, 12, 3))
    >>> parse_date("২৯ আগস্ট ২০২০"), parse_date("۱۴۰۰/۰۵/۰۷")  # the second: the Persian calendar
    (datetime.date(2020, 8, 29), None)
    """
    core = strip_date_prefix(text)
    if not core.isascii():  # "২৯ আগস্ট ২০২০": the readers know ASCII digits
        core = gregorian_years(core.translate(_ascii_digits()))
    if not core or len(core) > 60 or len(_DIGIT_GROUPS.findall(core)) < 2:
        return None
    if not _YEAR.search(core) and not re.search(r"\d{1,2}[./]\d{1,2}[./]\d{2}", core):
        return None
    fast = read_date_line(core, language)
    if fast is not UNKNOWN:  # read, or refused, without the slow general parser
        if fast is None or fast.year < 1900:
            return None
        limit = dt.date.today() + dt.timedelta(days=1)
        return None if (fast.date() if isinstance(fast, dt.datetime) else fast) > limit else fast
    if not general and not _worth_general(core, language):
        return None
    parsed = _dateparser_parse(core, language, everywhere=general)
    if parsed is None or parsed.year < 1900:
        return None
    if parsed.tzinfo is not None and _TIME.search(core):
        value: dt.date | dt.datetime = parsed.replace(tzinfo=dt.timezone(parsed.utcoffset()))
        today = dt.datetime.now(dt.timezone.utc)
        return None if value > today + dt.timedelta(days=1) else value
    day = parsed.date()
    return None if day > dt.date.today() + dt.timedelta(days=1) else day


def before_source(text: str) -> str:
    """A date line without the outlet named after its date ("2024-07-21 09:30 来源：新华网",
    "3 May 2023 | Source: Reuters"): the text before a source label and its colon.

    >>> before_source("2024年07月21日 09:30 来源：新华网"), before_source("Source of the data")
    ('2024年07月21日 09:30', 'Source of the data')
    """
    match = _source_label().search(text)
    return text[: match.start()].rstrip(" |·•–—-") if match and match.start() else text


@cache
def _source_label() -> re.Pattern[str]:
    labels = sorted(every_phrase("source_label"), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, labels))})\s*[:：]", re.IGNORECASE)


_DOTTED = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")
_SLASHED = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")
_DATEPARSER_NAMES = {"no": "nb"}


def _worth_general(core: str, language: str | None) -> bool:
    """A line the strict reader could not place that the general parser may still read:
    a few words, in a known language whose month names the reader does not list.

    >>> _worth_general("2 de março de 2024", "en"), _worth_general("2 март 2024", "bg")
    (False, True)
    """
    return bool(language) and language not in _month_languages() and len(core.split()) <= 8


@cache
def _month_languages() -> frozenset[str]:
    from corpuskit.lexicon import read_phrases

    return frozenset(read_phrases("month"))


# Month abbreviations that dateparser reads as another month, with a form it reads right:
# it drops the Thai vowel of "มี.ค." (March) and reads "ม.ค." (January)
_MISREAD_MONTHS = {"มี.ค.": "มีนาคม"}


def _dateparser_parse(text: str, language: str | None, everywhere: bool = True) -> dt.datetime | None:
    """dateparser's reading of a date line, in the document's language first.

    >>> _dateparser_parse("12 มี.ค. 2024", "th").date()  # March, not January
    datetime.date(2024, 3, 12)
    """
    from corpuskit.quickdate import quick_date

    quick = quick_date(text, language)  # plain forms: no need to load dateparser
    if quick is not None:
        return quick
    import dateparser

    for misread, plain in _MISREAD_MONTHS.items():
        text = text.replace(misread, plain)

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]}
    if _DOTTED.search(text):
        settings["DATE_ORDER"] = "DMY"
    elif _SLASHED.search(text):
        settings["DATE_ORDER"] = "MDY" if language in (None, "en") else "DMY"
    # a known language, English included, is tried first: all of dateparser's locales are
    # the fallback, not the first attempt (they cost seconds to load)
    languages = [_DATEPARSER_NAMES.get(language, language), "en"] if language else None
    if languages and language == "en":
        languages = ["en"]
    if not everywhere:
        languages = languages[:1] if languages else ["en"]
    for attempt in (languages, None) if languages and everywhere else (languages,):
        try:
            return dateparser.parse(text, languages=attempt, settings=settings)
        except (ValueError, OverflowError, TypeError, KeyError):
            continue
    return None


def parse_byline(text: str) -> list[str] | None:
    """Author names from a byline ("Written by", "Av", "Von", "Par", ...), without the
    byline word; None when no name follows it.

    >>> parse_byline("Written by Kari Nordmann")
    ['Kari Nordmann']
    >>> parse_byline("Von Anna Schmidt und Jonas Weber, dpa")
    ['Anna Schmidt', 'Jonas Weber']
    >>> parse_byline("By Lauren Manaker MS, RDN, LD | Staff Writer")
    ['Lauren Manaker']
    >>> parse_byline("By the time we arrived, it was over.") is None
    True
    """
    phrase = lexicon("byline").prefix(text)
    if not phrase:
        return _names_before_role(text)
    return parse_names(text.lstrip(EDGE_PUNCT)[len(phrase) :])


# A name in a script without capitals: two to five Han characters ("李明", "山田太郎") or
# katakana words joined by "・" ("ジョン・スミス"); in Hangul, two to four syllables ("김철수").
_KATAKANA_WORD = "[\u30a1-\u30fa\u30fc]+"
_UNCASED_NAME = re.compile(rf"[\u4e00-\u9fff]{{2,5}}|{_KATAKANA_WORD}(?:・{_KATAKANA_WORD})*")
_HANGUL_NAME = re.compile(r"[\uac00-\ud7a3]{2,4}")
_UNCASED_SPLIT = re.compile(r"[\s、，,·/]+")
_EMAIL_AT_END = re.compile(r"[\s(（]*[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)）]?\s*$")


# Korean family names (a closed set: these cover nearly every Korean), the first syllable
# of a name in a byline that carries no byline word ("김철수 기자").
_KOREAN_SURNAMES = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 홍 전 고 문 양 손 배 백 "
    "허 남 심 노 하 곽 성 차 주 우 구 민 진 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 "
    "석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 "
    "사 부 황보 남궁 제갈 선우 독고 서문".split()
)


def _names_before_role(text: str) -> list[str] | None:
    """The names of a Korean byline, which ends with the writer's role and carries no
    byline word, maybe with an e-mail address after it ("김철수 기자 kimcs@example.co.kr",
    "김철수·이영희 기자"): Hangul names that start with a family name.

    >>> _names_before_role("김철수·이영희 기자"), _names_before_role("김철수 특파원(kimcs@example.co.kr)")
    (['김철수', '이영희'], ['김철수'])
    >>> _names_before_role("그들은 기자"), _names_before_role("Jane Doe, reporter")
    (None, None)
    """
    line = _EMAIL_AT_END.sub("", text).strip(EDGE_PUNCT)
    role = _role_at_end().search(line)
    if not role or not role.start():
        return None
    names = uncased_names(line[: role.start()])
    return names if names and all(map(_HANGUL_NAME.fullmatch, names)) else None


@cache
def _role_at_end() -> re.Pattern[str]:
    roles = sorted(read_phrases("byline_role").get("ko", []), key=len, reverse=True)
    return re.compile(rf"\s*(?:{'|'.join(map(re.escape, roles))})$")


def uncased_names(text: str) -> list[str] | None:
    """Names written in a script without capitals, one per word, roles left out
    ("记者 李明 王芳": two names); None unless every other word is such a name.

    >>> uncased_names("李明、王芳"), uncased_names("本报记者 张三"), uncased_names("글쓰기 모임")
    (['李明', '王芳'], ['张三'], None)
    """
    words = [w for w in _UNCASED_SPLIT.split(text.strip(EDGE_PUNCT)) if w]
    names = [w for w in words if not lexicon("byline_role").whole_line(w)]
    if not names or len(names) > 4 or not all(map(_is_uncased_name, names)):
        return None
    return names


def _is_uncased_name(word: str) -> bool:
    if _HANGUL_NAME.fullmatch(word):  # a Korean name starts with a family name
        return word[0] in _KOREAN_SURNAMES or word[:2] in _KOREAN_SURNAMES
    return bool(_UNCASED_NAME.fullmatch(word))


_CUT = re.compile(r"\s+[|·•–—/]\s+|\s+-\s+|\s*\(")
_ROLE_OR_DATE = re.compile(r"\d")
_JOINED = re.compile(r"&|\b(?:and|og|und|et|y|e|en|och|ja|i|a)\b")


def parse_names(rest: str) -> list[str] | None:
    """A list of person names ("Jane Doe and John Roe, Staff Writer"); None when the
    text reads like anything else.

    >>> parse_names("Chris E. Hayner and Tom Caswell"), parse_names("Kari Nordmann og Ola Hansen")
    (['Chris E. Hayner', 'Tom Caswell'], ['Kari Nordmann', 'Ola Hansen'])
    >>> parse_names("the council"), parse_names("Jane Doe, Senior Correspondent")
    (None, ['Jane Doe'])
    """
    rest = _CUT.split(rest.strip(" :：–—-/／＝="), maxsplit=1)[0].strip(" ,;")
    if rest and not rest.isascii() and (uncased := uncased_names(rest)):
        return uncased
    if not rest or len(rest) > 120 or (rest.endswith((".", "!", "?")) and not rest.endswith(" Jr.")):
        return None
    if "," in rest and not _JOINED.search(rest):
        rest = rest.split(",")[0]  # "Jane Doe, Deputy Editor, Daily Planet": one name, then roles
    names = []
    for part in _NAME_SPLIT.split(rest):
        tokens = part.split()
        if (
            not tokens
            or _ROLE_OR_DATE.search(part)
            or any(lexicon("byline_role").whole_line(t) for t in tokens)
        ):
            if _ROLE_OR_DATE.search(part) and not names:
                return None
            continue  # a role, a desk or an agency after the names
        if len(tokens) > 2 and not all(t.isupper() for t in tokens):
            while len(tokens) > 2 and tokens[-1].isupper() and len(tokens[-1]) <= 5:
                tokens.pop()  # credentials: "MS", "RDN", "PhD" is mixed case and stays out below
        if 2 <= len(tokens) <= 4 and all(_is_name_token(t) for t in tokens):
            names.append(" ".join(tokens))
        elif len(tokens) > 1:
            return None  # not a name: this is a sentence, not a byline
    return names or None


def _is_name_token(token: str) -> bool:
    return bool(_NAME_TOKEN.match(token)) and (token[0].isupper() or token in _NAME_PARTICLES)


_NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del"})


def parse_copyright(text: str) -> str | None:
    """The outlet in a copyright line.

    >>> parse_copyright("© 2023 Aftenposten"), parse_copyright("Copyright (c) Reuters 2024.")
    ('Aftenposten', 'Reuters')
    >>> parse_copyright("© Copyright 2023 Gannett")
    'Gannett'

    The word alone, with neither a sign nor a year, is a link's label:

    >>> parse_copyright("Copyright Policy"), parse_copyright("Copyright Notice")
    (None, None)

    The outlet, not its company's legal form; nothing when the name is cut short:

    >>> parse_copyright("© 2023 BuzzFeed, Inc."), parse_copyright("© Phys.org 2003 - 2023 powered by")
    ('BuzzFeed', 'Phys.org')
    >>> parse_copyright("Copyright © 2005 CanWest Interactive, a division of"), parse_copyright("© 2008 The")
    (None, None)

    Nor when it names a media company, which owns outlets (`lexicons/media_group.txt`):

    >>> parse_copyright("© 2023 Telegraph Media Group Limited"), parse_copyright("© Groupe Le Monde")
    (None, None)
    """
    match = re.match(r"^\s*(?:©|\(c\)|copyright)\s*(?:\(c\)|©)?\s*(.*)$", text, re.IGNORECASE)
    if not match or not (re.search(r"©|\(c\)", text, re.IGNORECASE) or _YEAR.search(text)):
        return None
    rest = re.sub(r"^(?:\s*(?:©|\(c\)|copyright)\s*)+", "", _YEAR.sub("", match.group(1)), flags=re.I)
    rest = re.sub(
        r"\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|powered by)\b.*",
        "",
        rest,
        flags=re.I,
    )
    rest = _without_legal_form(rest.strip(" .,-–—|")).strip(" .,-–—|")
    words = rest.split()
    if not 1 <= len(words) <= 5 or not rest[0].isupper() or words[-1].casefold() in _NAME_CANNOT_END:
        return None
    if {words[0].casefold(), words[-1].strip(".,").casefold()} & _media_group_words():
        return None  # a media company, which owns outlets: not the outlet
    return rest


# articles and "of": a line that ends on one was cut short ("… her relationship with the")
CUT_SHORT = frozenset(
    {"the", "a", "an", "of", "le", "la", "les", "un", "une", "de", "du", "des", "der", "das", "dem", "ein"}
    | {"eine", "einer", "el", "los", "las", "una", "del", "di", "il", "gli", "het", "een", "van", "von"}
)
# nor does a name end on a joining word: a copyright line that stops on one was cut short
_NAME_CANNOT_END = CUT_SHORT | {"die", "by", "for", "and", "&", "und", "y", "e", "et", "og", "och", "av"}


def _without_legal_form(name: str) -> str:
    """An outlet's name without the legal form of its company (`lexicons/legal_form.txt`):
    at its end, or at its start for the forms written first (ООО, ТОВ).

    >>> _without_legal_form("Telegraph Media Group Limited"), _without_legal_form("Der Spiegel GmbH & Co. KG")
    ('Telegraph Media Group', 'Der Spiegel')
    >>> _without_legal_form("ООО «Медиа Групп»"), _without_legal_form("Incorporated Press")
    ('Медиа Групп', 'Incorporated Press')
    """
    trailing, leading = _legal_forms()
    return trailing.sub("", leading.sub("", name)).strip(' «»"') or name


@cache
def _media_group_words() -> frozenset[str]:
    return frozenset(word.casefold() for word in every_phrase("media_group"))


@cache
def _legal_forms() -> tuple[re.Pattern, re.Pattern]:
    phrases = read_phrases("legal_form")
    every = sorted({p for forms in phrases.values() for p in forms}, key=len, reverse=True)
    first = sorted({p for lang in ("ru", "uk") for p in phrases.get(lang, [])}, key=len, reverse=True)
    trailing = re.compile(rf"(?:,?\s+(?:{'|'.join(map(re.escape, every))})(?!\w))+\s*$")
    leading = re.compile(rf"^(?:{'|'.join(map(re.escape, first))})\s+")
    return trailing, leading


NO_LINGUISTIC_CONTENT = "zxx"  # the detector's class for text in no language (ISO 639-2)


@cache
def _identifier():
    from corpuskit.langid_model import load_identifier  # unpacked once, then memory-mapped

    return load_identifier()


@memo(size=256)
def detect_language(text: str) -> tuple[str | None, float, str]:
    """ISO 639-1 code, confidence and a note; no code when the text is too short or the
    detector is unsure.

    >>> detect_language("Dette er en norsk tekst om været i Oslo, og den er ganske lang nok.")[0]
    'no'
    >>> detect_language("ok")[0] is None
    True

    The detector also knows languages that have no two-letter code, and a class for text
    that is no language at all (code blocks, encoded data); neither fits the schema:

    >>> detect_language("PHNjcmlwdD4KICAoZnVuY3Rpb24odyxkLHMsbCxpKXsKICAgICAgICBpZiAo")
    (None, 0.785, 'no language: the text reads as code or encoded data')
    """
    sample = text[:2000]
    letters = sum(map(str.isalpha, sample))
    if letters < 20:
        return None, 0.0, "too little text to tell the language"
    code, prob = _identifier().classify(sample)
    prob = round(float(prob), 3)
    if prob < 0.5:
        return None, prob, f"language unclear (best guess '{code}' at {prob})"
    if code == NO_LINGUISTIC_CONTENT:
        return None, prob, "no language: the text reads as code or encoded data"
    if len(code) != 2:
        return None, prob, f"language '{code}' has no ISO 639-1 code"
    return code, prob, "detected"
