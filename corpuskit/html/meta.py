"""What a page declares about itself: title, authors, date, outlet, address and language.

Sources, strongest first: JSON-LD (`NewsArticle`, `Article`, `BlogPosting`, ...: headline,
datePublished, author, publisher, url), Open Graph and article meta tags (`og:title`,
`og:site_name`, `article:published_time`, `og:url`), other author and date meta tags
(`author`, `article:author`, `parsely-author`, `dc.creator`, `date`, `pubdate`,
`dc.date`, ...), `<title>`, `<link rel="canonical">` and `<html lang>`. Every value comes
with a `FieldOrigin` naming the tag it came from.

Values are checked, not trusted: a date must parse and not lie in the future, an author must
look like a name rather than an address, a URL must be absolute http(s) (a relative one is
resolved against the page's `<base href>`, or not at all).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any
from urllib.parse import urljoin

from corpuskit.html.tree import Head
from corpuskit.models import FieldOrigin

ARTICLE_TYPES = frozenset(
    t.lower()
    for t in (
        "NewsArticle Article BlogPosting ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle "
        "ReviewNewsArticle BackgroundNewsArticle LiveBlogPosting TechArticle ScholarlyArticle Report "
        "SocialMediaPosting DiscussionForumPosting"
    ).split()
)
MAX_JSONLD_CHARS = 500_000
MAX_JSONLD_NODES = 2_000

_TITLE_TAGS = ("og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title")
_AUTHOR_TAGS = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "byl",
    "twitter:creator",
)
_DATE_TAGS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publication_date",
    "publicationdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
)
_SOURCE_TAGS = ("og:site_name", "application-name", "dc.publisher")
_URL_TAGS = ("og:url", "twitter:url")
_LANG_TAGS = ("content-language", "dc.language", "language", "og:locale")

Declared = dict[str, tuple[Any, FieldOrigin]]


def page_metadata(head: Head) -> Declared:
    """Field -> (value, origin) for every field the page declares in a usable form.

    >>> from corpuskit.html.tree import parse
    >>> head = parse('''<html lang="fr-FR"><head><title>Crue de la Seine - Le Journal</title>
    ... <meta property="og:site_name" content="Le Journal">
    ... <meta property="article:published_time" content="2024-02-03T08:15:00+01:00">
    ... <meta name="author" content="Claire Martin"></head><body></body></html>''').head
    >>> meta = page_metadata(head)
    >>> {k: str(v) for k, (v, _) in meta.items()}  # doctest: +NORMALIZE_WHITESPACE
    {'title': 'Crue de la Seine', 'authors': "['Claire Martin']",
     'published': '2024-02-03 08:15:00+01:00', 'source': 'Le Journal', 'language': 'fr'}
    >>> meta["title"][1].method, meta["title"][1].note
    ('html:title', "site name ' - Le Journal' dropped")
    """
    tags = _meta_tags(head)
    article, publisher = _jsonld(head)
    found: Declared = {}

    def put(field: str, value: Any, method: str, text: str | None = None, note: str | None = None) -> None:
        if field not in found and value not in (None, "", []):
            found[field] = (value, FieldOrigin(origin="explicit", method=method, text=text, note=note))

    # title
    headline = _clean_text(article.get("headline") or article.get("name"))
    put("title", _title(headline), "html:json-ld headline", headline)
    for name in _TITLE_TAGS:
        value = _clean_text(tags.get(name))
        put("title", _title(value), f"html:meta {name}", value)
    site = _clean_text(tags.get("og:site_name")) or _name_of(publisher)
    if head.title and "title" not in found:
        raw = _clean_text(head.title)
        title, dropped = _strip_site_name(raw, site)
        put("title", _title(title), "html:title", raw, f"site name '{dropped}' dropped" if dropped else None)

    # authors
    names = _authors(article.get("author"))
    put("authors", names, "html:json-ld author", ", ".join(names))
    for name in _AUTHOR_TAGS:
        value = _clean_text(tags.get(name))
        put("authors", _authors(value), f"html:meta {name}", value)

    # published
    hint = _language(head.lang)
    value = article.get("datePublished") or article.get("dateCreated")
    put("published", _date(value, hint), "html:json-ld datePublished", _clean_text(value))
    for name in _DATE_TAGS:
        if "published" in found:
            break
        value = _clean_text(tags.get(name))
        put("published", _date(value, hint), f"html:meta {name}", value)

    # source
    for name in _SOURCE_TAGS:
        value = _clean_text(tags.get(name))
        put("source", _short(value, 80), f"html:meta {name}", value)
    put("source", _short(_name_of(publisher), 80), "html:json-ld publisher", _name_of(publisher))

    # url
    value = article.get("url") or _url_of(article.get("mainEntityOfPage"))
    put("url", _url(value, head.base), "html:json-ld url", _clean_text(value))
    for name in _URL_TAGS:
        value = _clean_text(tags.get(name))
        put("url", _url(value, head.base), f"html:meta {name}", value)
    for link in head.links:
        if "canonical" in link.get("rel", "").lower().split():
            value = _clean_text(link.get("href"))
            put("url", _url(value, head.base), "html:link canonical", value)

    # language
    put("language", _language(head.lang), "html:html lang", head.lang)
    value = article.get("inLanguage")
    put("language", _language(value if isinstance(value, str) else None), "html:json-ld inLanguage", None)
    for name in _LANG_TAGS:
        value = _clean_text(tags.get(name))
        put("language", _language(value), f"html:meta {name}", value)
    return found


def _meta_tags(head: Head) -> dict[str, str]:
    """name/property/itemprop/http-equiv (lower-cased) -> content; the first one wins."""
    tags: dict[str, str] = {}
    for attrs in head.metas:
        content = attrs.get("content")
        if content is None:
            continue
        for key in ("property", "name", "itemprop", "http-equiv"):
            name = attrs.get(key)
            if name:
                tags.setdefault(name.strip().lower(), content)
    return tags


def _jsonld(head: Head) -> tuple[dict, Any]:
    """The first article object of the page's JSON-LD, and its (or the page's) publisher."""
    article: dict = {}
    publisher: Any = None
    for raw in head.jsonld:
        if len(raw) > MAX_JSONLD_CHARS:
            continue
        text = raw.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        pending, seen = [data], 0
        while pending and seen < MAX_JSONLD_NODES:
            item = pending.pop(0)
            seen += 1
            if isinstance(item, list):
                pending.extend(item)
                continue
            if not isinstance(item, dict):
                continue
            if "@graph" in item:
                pending.extend(item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]])
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            names = {str(k).lower() for k in kinds if k}
            if names & ARTICLE_TYPES and not article:
                article = item
                publisher = item.get("publisher") or publisher
            elif names & {"newsmediaorganization", "organization"} and publisher is None:
                publisher = item
        if article:
            break
    return article, publisher


_SPACES = re.compile(r"\s+")


def _clean_text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None


def _short(value: str | None, limit: int) -> str | None:
    return value if value and len(value) <= limit else None


def _title(value: str | None) -> str | None:
    return value if value and 2 <= len(value) <= 300 else None


_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ")


def _strip_site_name(title: str | None, site: str | None) -> tuple[str | None, str | None]:
    """Drop the site's name from a `<title>` ("Headline - Outlet"): the part after the
    last separator when it is the declared site name, or when it is short (five words or
    fewer) and the headline before it is longer.

    >>> _strip_site_name("Rain floods valley | The Courier", None)
    ('Rain floods valley', ' | The Courier')
    >>> _strip_site_name("Q&A - What the new rules mean for renters", None)
    ('Q&A - What the new rules mean for renters', None)
    """
    if not title:
        return title, None
    for sep in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if not found or not head:
            continue
        tail_words, head_words = len(tail.split()), len(head.split())
        if (site and tail.strip().lower() == site.lower()) or (tail_words <= 5 and head_words > tail_words):
            return head.strip(), sep + tail
    return title, None


def _name_of(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return _clean_text(value)


def _url_of(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return value if isinstance(value, str) else None


_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b|\bog\b|\bi\b|\be\b)\s*", re.IGNORECASE)
_BY = re.compile(r"^(?:by|von|par|por|di|door|av|af|av:|by:)\s+", re.IGNORECASE)


def _authors(value: Any) -> list[str]:
    """Author names from a JSON-LD author (text, object or list) or a meta tag's text.

    >>> _authors([{"@type": "Person", "name": "Ana Ruiz"}, {"name": "Li Wei"}])
    ['Ana Ruiz', 'Li Wei']
    >>> _authors("By Jane Doe and John Roe"), _authors("https://example.org/staff/jd")
    (['Jane Doe', 'John Roe'], [])
    """
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items[:20]:
        if isinstance(item, dict):
            item = item.get("name")
        text = _clean_text(item)
        if not text or len(text) > 200:
            continue
        text = _BY.sub("", text)
        for part in _NAME_SPLIT.split(text):
            name = part.strip(" .·|")
            if _looks_like_name(name) and name not in names:
                names.append(name)
    return names


def _looks_like_name(text: str) -> bool:
    if not text or len(text) > 60 or "@" in text or "://" in text or text.startswith(("www.", "/")):
        return False
    words = text.split()
    return 1 <= len(words) <= 5 and any(ch.isalpha() for ch in text)


def _date(value: Any, language: str | None = None) -> dt.date | dt.datetime | None:
    """A publication date: ISO 8601 or RFC 2822 first (an aware date-time, or a date when
    no zone is given), then the general date parser (with the page's language as a hint);
    future dates are refused.

    >>> _date("2023-11-23T09:30:00Z"), _date("2023-11-23T09:30:00"), _date("soon")
    (datetime.datetime(2023, 11, 23, 9, 30, tzinfo=datetime.timezone.utc), datetime.date(2023, 11, 23), None)
    >>> _date("Wed, 20 Nov 2019 10:43:00 +0200").isoformat()
    '2019-11-20T10:43:00+02:00'
    """
    text = _clean_text(value)
    if not text or len(text) > 60:
        return None
    stamp = _iso_or_rfc(text)
    parsed: dt.date | dt.datetime | None
    if stamp is not None:
        if stamp.tzinfo is not None and stamp.utcoffset() is not None:
            parsed = stamp.replace(tzinfo=dt.timezone(stamp.utcoffset()))
        else:
            parsed = stamp.date()
    else:
        from corpuskit.metadata import parse_date

        parsed = parse_date(text, language)
    if parsed is None or parsed.year < 1900:
        return None
    if isinstance(parsed, dt.datetime):
        return None if parsed > dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1) else parsed
    return None if parsed > dt.date.today() + dt.timedelta(days=1) else parsed


_ISO_SPACES = re.compile(r"(?<=\d) ?T ?(?=\d)|(?<=\d) (?=\d\d?:)")


def _iso_or_rfc(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(_ISO_SPACES.sub("T", text.replace("Z", "+00:00"), count=1))
    except ValueError:
        pass
    if "," in text[:5] or text[:1].isdigit():
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            pass
    for shape in _COMMON_SHAPES:  # frequent in meta tags, and far cheaper than dateparser
        try:
            return dt.datetime.strptime(text, shape)
        except ValueError:
            continue
    return None


_COMMON_SHAPES = (
    "%B %d, %Y %H:%M",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%A, %B %d, %Y, %I:%M %p",
    "%A, %B %d, %Y",
    "%Y/%m/%d",
    "%Y%m%d",
    "%d.%m.%Y",
    "%Y-%m-%d %H:%M:%S %z",
)


_ABSOLUTE = re.compile(r"^https?://[^\s/]+\.[^\s/]+")


def _url(value: Any, base: str | None = None) -> str | None:
    """An absolute http(s) URL: as given; scheme-relative (`//host/path`, which takes the
    page's scheme) with https; relative to the page's `<base href>` when that is
    absolute; else none, as the page's own address is not known.

    >>> _url("//example.org/news/1"), _url("/news/1", "https://example.org/a/"), _url("/news/1")
    ('https://example.org/news/1', 'https://example.org/news/1', None)
    """
    text, base = _clean_text(value), (base or "").strip()
    if not text or len(text) > 2000:
        return None
    if text.startswith("//"):
        text = "https:" + text
    elif not _ABSOLUTE.match(text) and _ABSOLUTE.match(base):
        text = urljoin(base, text)
    return text if _ABSOLUTE.match(text) else None


_LANGUAGE = re.compile(r"^([a-z]{2})(?:[-_][A-Za-z0-9]{2,8})*$")


def _language(value: str | None) -> str | None:
    """ISO 639-1 code of a language tag ("en-US", "pt_BR", "de")."""
    text = _clean_text(value)
    if not text:
        return None
    match = _LANGUAGE.match(text.split(",")[0].strip().lower())
    return match.group(1) if match else None
