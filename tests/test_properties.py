"""The invariants of DESIGN.md, on generated documents:

- nothing is lost: cleaned text + report rebuild the original exactly;
- idempotent: cleaning cleaned text changes nothing and removes nothing;
- deterministic: the same input gives byte-identical output;
- clean text without boilerplate comes out unchanged;
- every record and report fits the schema, whatever the text.
"""

from __future__ import annotations

import base64

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from corpuskit import clean_bytes, clean_text
from corpuskit.assemble import rebuild_normalized, rebuild_original
from corpuskit.decode import decode
from corpuskit.models import FileReport, SeedRecord
from corpuskit.normalize import restore

WORDS = (
    "the council met on tuesday to discuss budget and members agreed fund library years "
    "der rat hat am dienstag über den haushalt beraten und die mitglieder stimmten zu "
    "le conseil a discuté du budget mardi et les membres ont accepté de financer "
    "rådet møttes tirsdag for å diskutere budsjettet og medlemmene ble enige om "
    "el consejo se reunió el martes para debatir el presupuesto café naïve Zürich"
).split()

BOILERPLATE = [
    "Sponsor: Acme Corp",
    "Anzeige",
    "Photo: AP",
    "Foto: NTB",
    "Read more: Floods hit the north",
    "Lire aussi : La réforme",
    "Trending Now",
    "Meistgelesen",
    "back",
    "Tilbake",
    "23 Nov 2023",
    "Written by Jane Doe",
    "Av Kari Nordmann",
    "Share on Facebook",
    "We use cookies to improve this site.",
    "You have 50% of this article left to read.",
    "THE DAILY PLANET",
    "0",
    "| Home | World",
    "DRAMA: Feuerwehr vor Ort.",
    "TRAUER: Blumen am Tatort.",
]

word = st.sampled_from(WORDS)
sentence = st.lists(word, min_size=6, max_size=20).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraph = st.lists(sentence, min_size=2, max_size=4).map(" ".join)
short_line = st.lists(word, min_size=1, max_size=8).map(lambda ws: " ".join(ws).title())
noise = st.text(
    # no NUL: bytes full of them are binary data (F001), not a text with noise
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00"),
    max_size=40,
)
encoded = st.binary(min_size=30, max_size=60).map(lambda b: base64.b64encode(b).decode())  # no language
odd = st.sampled_from(["\u00a0", "  ", "\t", "â€™", "&amp;", "e\u0301", "\u200b", " \u3000"])
# letters of mojibake beside odd spaces: what ftfy fixes depends on what stands beside it
mojibake_bits = st.lists(
    st.sampled_from(
        [
            "Â",
            "Ã",
            "\u0080",
            "\u009d",
            "€",
            "™",
            "â€™",
            "Ã©",
            "é",
            "a",
            " ",
            "\t",
            "\u00a0",
            "\u2009",
            "\u3000",
            "&amp;",
        ]
    ),
    min_size=1,
    max_size=8,
).map("".join)
line = st.one_of(
    paragraph,
    mojibake_bits,
    paragraph.map(lambda p: p + " JUST IN: Storm warning for the coast"),
    st.sampled_from(BOILERPLATE),
    short_line,
    noise,
    encoded,
    st.tuples(paragraph, odd).map(lambda t: t[0] + t[1]),
)
newline = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def documents(draw) -> str:
    lines = draw(st.lists(line, min_size=0, max_size=14))
    separators = draw(
        st.lists(
            st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "\r"]),
            min_size=len(lines),
            max_size=len(lines),
        )
    )
    text = "".join(item + sep for item, sep in zip(lines, separators, strict=True))
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    return draw(st.sampled_from(["", "  ", "\ufeff"])) + text


front_value = st.one_of(
    st.sampled_from(
        ["Budget agreed", "Haushalt beschlossen", "'quoted: value'", "[Jane Doe, Kari Nordmann]"]
    ),
    st.sampled_from(["2023-11-23", "2024-01-07T12:58:00+01:00", "en", "nb", "null", ""]),
    noise,
)
front_line = st.one_of(
    st.tuples(
        st.sampled_from(["title", "authors", "published", "source", "url", "language", "titel"]), front_value
    ).map(lambda kv: f"{kv[0]}: {kv[1]}"),
    noise,
)


@st.composite
def with_front_matter(draw) -> str:
    """A document under YAML front matter: valid, malformed or never closed."""
    lines = draw(st.lists(front_line, max_size=6))
    closing = draw(st.sampled_from(["---", "...", "--- ", None]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    head = newline.join(["---", *lines, *([closing] if closing is not None else [])]) + newline
    return draw(st.sampled_from(["", "\ufeff"])) + head + draw(documents())


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _decoded(res) -> str:
    return restore(
        rebuild_normalized(res.record.text, res.report), res.report.encoding_fixes, res.report.decoding
    )


@SETTINGS
@given(documents())
def test_nothing_is_lost(text):
    res = clean_text(text)
    assert _decoded(res) == text


@SETTINGS
@given(with_front_matter())
def test_front_matter_is_lifted_and_nothing_is_lost(text):
    res = clean_bytes(text.encode("utf-8"), name="seed.txt")
    assert rebuild_original(res.record.text, res.report) == text.encode("utf-8")
    lifted = [f for f in res.report.findings if f.code == "M006"]
    if lifted:
        assert lifted[0].start == 0 and lifted[0].text.startswith("---")
        assert all(piece.src >= lifted[0].end for piece in res.report.pieces)  # none of it is kept


@SETTINGS
@given(documents(), st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-8-sig"]))
def test_original_bytes_rebuilt(text, encoding):
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        raw = text.encode("utf-8")
    res = clean_bytes(raw, name="seed.txt")
    if res.record is None:
        assert res.report.findings[0].code == "F001"
    else:
        assert rebuild_original(res.record.text, res.report) == raw


SCRIPTS = [
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèàüöäßçñ",
    "".join(map(chr, range(0x0410, 0x0450))),  # Cyrillic
    "".join(map(chr, range(0x03B1, 0x03CA))),  # Greek
    "".join(map(chr, range(0x0627, 0x064B))),  # Arabic
    "".join(map(chr, range(0x05D0, 0x05EB))),  # Hebrew
    "".join(map(chr, range(0x0915, 0x093A))),  # Devanagari
    "".join(map(chr, range(0x0E01, 0x0E2F))),  # Thai
    "".join(chr(c) for c in range(0x4E01, 0x9FA6) if c % 256),  # CJK (a NUL low byte: below)
    "".join(chr(c) for c in range(0xAC01, 0xD7A4) if c % 256),  # Hangul
]
script_words = st.sampled_from(SCRIPTS).flatmap(
    lambda letters: st.lists(
        st.text(st.sampled_from(letters), min_size=1, max_size=8), min_size=2, max_size=40
    )
)
separators = st.sampled_from([" ", ", "])


@SETTINGS
@given(script_words, separators, st.sampled_from(["\n", ".\n"]), st.sampled_from(["le", "be"]))
def test_utf16_without_bom_decodes_back_exactly(words, space, end, order):
    """Words of one script, with spaces and a line break, in UTF-16 without a byte-order
    mark (characters whose low byte is NUL, such as 一, are left out: a text made of them
    alone reads as well the other way round)."""
    text = space.join(words) + end
    decoded = decode(text.encode(f"utf-16-{order}"))
    assert (decoded.text, decoded.decoding.encoding) == (text, f"utf-16-{order}")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_are_rebuilt_or_refused(raw):
    res = clean_bytes(raw, name="blob.txt")
    if res.record is None:
        assert [f.code for f in res.report.findings] == ["F001"]
    else:
        assert rebuild_original(res.record.text, res.report) == raw


@SETTINGS
@given(documents())
@example("\u00a0\u00c2\u0080\n")  # mojibake ftfy fixes only once the odd space before it is plain
@example(" \u00c2 \u2122\n")  # ... or once the line's indent is gone from the record
def test_idempotent(text):
    once = clean_text(text)
    twice = clean_text(once.record.text)
    assert twice.record.text == once.record.text
    assert [f for f in twice.report.findings if f.action and f.action != "flagged"] == []


@SETTINGS
@given(documents())
def test_deterministic(text):
    first, second = clean_text(text), clean_text(text)
    assert first.record.model_dump_json() == second.record.model_dump_json()
    assert first.report.model_dump_json() == second.report.model_dump_json()


@SETTINGS
@given(st.lists(paragraph, min_size=1, max_size=8))
def test_clean_text_is_left_alone(paragraphs):
    text = "\n\n".join(paragraphs) + "\n"
    res = clean_text(text)
    assert res.record.text == text
    assert [f for f in res.report.findings if f.action] == []


@SETTINGS
@given(documents())
def test_every_record_and_report_fits_the_schema(text):
    res = clean_text(text)
    SeedRecord.model_validate_json(res.record.model_dump_json())
    FileReport.model_validate_json(res.report.model_dump_json())
