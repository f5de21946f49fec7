"""Which lines ftfy could change: an exact, cheap gate built from ftfy's own tables.

ftfy's `fix_and_explain` repeats its fixers until a pass changes nothing, so a line comes
back unchanged (with no explanation) exactly when every fixer leaves the *original* line
alone. Each fixer needs a trigger that is cheap to look for:

- `unescape_html`: an entity ``&name;`` or ``&#123;``;
- `remove_control_chars`, `remove_terminal_escapes`, `fix_c1_controls`, `fix_surrogates`,
  `fix_latin_ligatures` (and width, quote and line-break fixes when enabled): one character
  from ftfy's tables;
- normalization: a line that is not already in the configured normal form;
- `fix_encoding`: only when `ftfy.badness.is_bad(line)`, and then it re-decodes either the
  whole line (which needs, in one of the single-byte encodings ftfy tries, a byte that
  starts a UTF-8 sequence followed by one that continues it, or the space, ``?`` or U+FFFD
  that ftfy's `restore_byte_a0` and `replace_lossy_sequences` repair), or stretches that
  ftfy's `UTF8_DETECTOR_RE` finds and `is_bad` condemns, or C1 controls.

`might_change(line)` returns False only when none of these can fire, so skipping ftfy on
such a line gives byte-identical output; tests/test_ftfy_gate.py proves it on real
mojibake in many languages and encodings and on generated text. Most lines of a clean
corpus are rejected by one C-speed scan.

Building the gate takes ftfy's tables, and importing ftfy costs more than checking a
seed: `default_gate` therefore keeps the built patterns (`Gate.spec`) in the user's cache
folder (`corpuskit.usercache`), keyed by the size and time of ftfy's files
and of this module's, and later processes compile them without importing ftfy. ftfy is
imported only when a line may need it.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from functools import cache
from pathlib import Path

# The patterns of ftfy's byte-level repairs this gate was derived from (see `_byte_rules`);
# `check_ftfy_tables` refuses to run against an ftfy whose patterns differ.
ALTERED_UTF8_PATTERN = (
    b"[\xc2\xc3\xc5\xce\xd0\xd9][ ]"
    b"|[\xe2\xe3][ ][\x80-\x84\x86-\x9f\xa1-\xbf]"
    b"|[\xe0-\xe3][\x80-\x84\x86-\x9f\xa1-\xbf][ ]"
    b"|[\xf0][ ][\x80-\xbf][\x80-\xbf]"
    b"|[\xf0][\x80-\xbf][ ][\x80-\xbf]"
    b"|[\xf0][\x80-\xbf][\x80-\xbf][ ]"
)
LOSSY_UTF8_PATTERN = (
    b"[\xc2-\xdf][\x1a]"
    b"|[\xc2-\xc3][?]"
    b"|\xed[\xa0-\xaf][\x1a?]\xed[\xb0-\xbf][\x1a?\x80-\xbf]"
    b"|\xed[\xa0-\xaf][\x1a?\x80-\xbf]\xed[\xb0-\xbf][\x1a?]"
    b"|[\xe0-\xef][\x1a?][\x1a\x80-\xbf]"
    b"|[\xe0-\xef][\x1a\x80-\xbf][\x1a?]"
    b"|[\xf0-\xf4][\x1a?][\x1a\x80-\xbf][\x1a\x80-\xbf]"
    b"|[\xf0-\xf4][\x1a\x80-\xbf][\x1a?][\x1a\x80-\xbf]"
    b"|[\xf0-\xf4][\x1a\x80-\xbf][\x1a\x80-\xbf][\x1a?]"
    b"|\x1a"
)
A_GRAVE_WORD_PATTERN = b"\xc3 (?! |quele|quela|quilo|s )"

_CONT = rb"[\x80-\xbf]"
# Two or three leading bytes that any change by ftfy's whole-line re-decoding must begin
# with, in one single-byte encoding (every alternative of the patterns above included):
_ANY_SEQUENCE = rb"[\xc0-\xff]" + _CONT  # a UTF-8 sequence (utf-8-variants: C0 80, ED ..)
_SPACE_REPAIRED = rb"[\xc2\xc3\xc5\xce\xd0\xd9] |[\xe2\xe3\xf0] " + _CONT  # restore_byte_a0
_LOSSY_REPAIRED = (  # replace_lossy_sequences (sloppy codecs only; byte 1A is U+FFFD there)
    rb"[\xc2-\xdf]\x1a|[\xc2\xc3]\?|[\xe0-\xf4][\x1a?][\x1a\x80-\xbf]"
)


class GateError(RuntimeError):
    """The installed ftfy or the configured settings are not what the gate was built for."""


def check_ftfy_tables() -> None:
    """Refuse an ftfy whose byte-level repairs differ from those the gate models."""
    from ftfy import chardata, fixes

    for name, actual, expected in (
        ("ALTERED_UTF8_RE", chardata.ALTERED_UTF8_RE.pattern, ALTERED_UTF8_PATTERN),
        ("LOSSY_UTF8_RE", chardata.LOSSY_UTF8_RE.pattern, LOSSY_UTF8_PATTERN),
        ("A_GRAVE_WORD_RE", fixes.A_GRAVE_WORD_RE.pattern, A_GRAVE_WORD_PATTERN),
    ):
        if actual != expected:
            raise GateError(f"ftfy's {name} changed; re-derive corpuskit.ftfy_gate for this ftfy version")


def char_class(chars) -> str:
    """The body of a regex character class holding exactly `chars`, runs of consecutive
    code points written as ranges (a short pattern compiles fast).

    >>> char_class("dcba-x"), char_class("-ax") == "\\\\-ax"
    ('\\\\-a-dx', True)
    """
    points = sorted(set(map(ord, chars)))
    out = []
    start = 0
    for i in range(1, len(points) + 1):
        if i == len(points) or points[i] != points[i - 1] + 1:
            first, last = chr(points[start]), chr(points[i - 1])
            if points[i - 1] - points[start] >= 2:
                out.append(f"{re.escape(first)}-{re.escape(last)}")
            else:
                out.extend(re.escape(chr(p)) for p in points[start:i])
            start = i
    return "".join(out)


SPEC_VERSION = 5  # of what `Gate.spec` holds


class Gate:
    """`might_change(line)` for one ftfy configuration."""

    def __init__(self, config):
        from ftfy import chardata, fixes
        from ftfy.badness import BADNESS_RE

        check_ftfy_tables()
        if config.unescape_html not in ("auto", True, False):
            raise GateError(f"unsupported unescape_html={config.unescape_html!r}")
        self._normal_form = config.normalization
        self._badness, self._badness_source = BADNESS_RE, None  # `ftfy.badness.is_bad`
        self._badness_keys = _badness_keys(BADNESS_RE)
        self._badness_cluster, self._badness_calls = None, 0

        singles: set[str] = set()
        if config.remove_control_chars:
            singles.update(map(chr, chardata.CONTROL_CHARS))
        if config.remove_terminal_escapes:
            singles.add("\x1b")
        if config.fix_c1_controls or config.fix_encoding:
            singles.update(map(chr, range(0x80, 0xA0)))
        if config.fix_latin_ligatures:
            singles.update(map(chr, chardata.LIGATURES))
        if config.fix_character_width:
            singles.update(map(chr, chardata.WIDTH_MAP))
        if config.fix_surrogates:
            singles.update(map(chr, range(0xD800, 0xE000)))
        if config.fix_encoding:
            singles.add("\ufffd")  # byte 1A of the sloppy codecs, repaired on its own
        if config.uncurl_quotes:
            quotes = (chardata.SINGLE_QUOTE_RE, chardata.DOUBLE_QUOTE_RE)
            singles.update(ch for ch in map(chr, range(0x10000)) if any(q.match(ch) for q in quotes))
        if config.fix_line_breaks:
            singles.update("\r\n\v\f\x85\u2028\u2029")
        # unescape_html may be on: an ampersand sends the line to the entity check
        ascii_singles = char_class(ch for ch in singles if ch.isascii())
        self._ascii = re.compile(f"[{ascii_singles}&]")
        self._singles = re.compile(f"[{char_class(singles)}&]")
        self._singles_and: dict[str, re.Pattern[str]] = {}
        self._entity = fixes.HTML_ENTITY_RE if config.unescape_html else None
        self._pairs, self._byte_rules = self._build_pairs(chardata) if config.fix_encoding else (None, {})
        self._space_leads = None if self._pairs is None else _space_leads(self._pairs, chardata)

    def spec(self) -> dict:
        """What the gate is made of, as JSON-ready data: `from_spec` rebuilds it without ftfy."""
        return {
            "version": SPEC_VERSION,
            "normal_form": self._normal_form,
            "ascii": self._ascii.pattern,
            "singles": self._singles.pattern,
            "entity": None if self._entity is None else [self._entity.pattern, self._entity.flags],
            "pairs": None if self._pairs is None else self._pairs.pattern,
            "space_leads": None if self._space_leads is None else self._space_leads.pattern,
            "byte_rules": {name: rule.pattern.decode("latin-1") for name, rule in self._rules().items()},
            "badness": [self._bad().pattern, self._bad().flags],
            "badness_keys": None if self._badness_keys is None else list(self._badness_keys),
        }

    @classmethod
    def from_spec(cls, spec: dict) -> Gate:
        """The gate `spec` describes (made by `Gate.spec`), built without importing ftfy.

        >>> again = Gate.from_spec(default_gate().spec())
        >>> again.might_change("plain text"), again.might_change("doesnâ€™t")
        (False, True)
        >>> again.spec() == default_gate().spec()
        True
        """
        if spec.get("version") != SPEC_VERSION:
            raise GateError("a gate description of another version")
        gate = cls.__new__(cls)
        gate._normal_form = spec["normal_form"]
        gate._ascii = re.compile(spec["ascii"])
        gate._singles = re.compile(spec["singles"])
        gate._singles_and = {}
        gate._entity = None if spec["entity"] is None else re.compile(*spec["entity"])
        gate._pairs = None if spec["pairs"] is None else re.compile(spec["pairs"])
        gate._space_leads = None if spec["space_leads"] is None else re.compile(spec["space_leads"])
        gate._byte_rules = None  # compiled when a line first needs them
        gate._badness, gate._badness_source = None, tuple(spec["badness"])
        gate._badness_keys = None if spec["badness_keys"] is None else tuple(spec["badness_keys"])
        gate._badness_cluster, gate._badness_calls = None, 0
        gate._byte_sources = {name: pattern.encode("latin-1") for name, pattern in spec["byte_rules"].items()}
        return gate

    def _bad(self) -> re.Pattern[str]:
        if self._badness is None:
            self._badness = re.compile(*self._badness_source)
        return self._badness

    def is_bad(self, text: str) -> bool:
        """`ftfy.badness.is_bad(text)`, searched only where a match can be.

        ftfy's badness pattern is slow to search (it tries dozens of alternatives at every
        position), but every match of it holds one of a few characters, the keys, and
        reaches at most a few characters before and after it (`_badness_keys`). So the
        pattern is searched only in the stretches around the keys (keys closer than
        that reach make one stretch): a text without a key cannot be bad. The pattern
        that finds those stretches is compiled only once a process has asked this many
        times (`_WHOLE_SEARCHES_FIRST`): checking one seed never pays for it.

        >>> gate = default_gate()
        >>> gate.is_bad("plain text, “curly” – and café " * 50), gate.is_bad("x " * 300 + "doesnâ€™t")
        (False, True)
        """
        cluster = self._badness_cluster
        if cluster is None:
            self._badness_calls += 1
            if self._badness_keys is None or self._badness_calls <= _WHOLE_SEARCHES_FIRST:
                return self._bad().search(text) is not None  # (None: matches not bounded)
            keys, before, after = self._badness_keys
            cluster = re.compile(f"[{keys}](?:[^{keys}]{{0,{before + after}}}[{keys}])*")
            self._badness_cluster = cluster
        keys, before, after = self._badness_keys
        bad = self._bad()
        found = cluster.search(text)
        while found is not None:
            start = found.start() - before
            if bad.search(text, start if start > 0 else 0, found.end() + after) is not None:
                return True
            found = cluster.search(text, found.end())
        return False

    def _rules(self) -> dict[str, re.Pattern[bytes]]:
        if self._byte_rules is None:
            self._byte_rules = {name: re.compile(source) for name, source in self._byte_sources.items()}
        return self._byte_rules

    @staticmethod
    def _build_pairs(chardata):
        """A character-level prefilter for `fix_encoding`, and per encoding the byte rules."""
        lead, space_lead, question_lead = set(), set(), set()
        byte_rules: dict[str, re.Pattern[bytes]] = {}
        for encoding in chardata.CHARMAP_ENCODINGS:
            sloppy = encoding.startswith("sloppy")
            rules = [_ANY_SEQUENCE]
            if encoding != "macroman":  # ftfy skips restore_byte_a0 for MacRoman
                rules.append(_SPACE_REPAIRED)
            if sloppy:
                rules.append(_LOSSY_REPAIRED)
            byte_rules[encoding] = re.compile(b"|".join(rules))
            for byte in range(0xC0, 0x100):
                ch = bytes([byte]).decode(encoding)
                lead.add(ch)
                if encoding != "macroman" and byte in b"\xc2\xc3\xc5\xce\xd0\xd9\xe2\xe3\xf0":
                    space_lead.add(ch)
                if sloppy and (byte in b"\xc2\xc3" or 0xE0 <= byte <= 0xF4):
                    question_lead.add(ch)
        clues = chardata.UTF8_CLUES
        first = clues["utf8_first_of_2"] + clues["utf8_first_of_3"] + clues["utf8_first_of_4"]
        cont = clues["utf8_continuation"]
        # Every follower of a lead in the byte rules is a non-ASCII character, a space or
        # "?"; every match of UTF8_DETECTOR_RE starts with a first_of_N clue and a
        # continuation clue.
        pattern = (
            f"[{char_class(lead)}{first}]"
            f"(?:(?<=[{char_class(lead)}])[^\\x00-\\x7f]"
            f"|(?<=[{char_class(space_lead)}])[ ]"
            f"|(?<=[{char_class(question_lead)}])[?]"
            f"|(?<=[{first}])[{cont}])"
        )
        return re.compile(pattern), byte_rules

    def might_change(self, line: str) -> bool:
        """False only when ftfy would return the line unchanged, with no explanation.

        >>> gate = default_gate()
        >>> gate.might_change("plain text, “curly” – and café"), gate.might_change("doesnâ€™t")
        (False, True)
        >>> gate.might_change("a &amp; b"), gate.might_change("e\\u0301"), gate.might_change("\\x00")
        (True, True, True)
        """
        if line.isascii():
            return self._ascii.search(line) is not None and self._ascii_might_change(line)
        found = self._singles.search(line)
        if found is not None and (found.group() != "&" or self._singles_after_ampersand(line)):
            return True
        if self._normal_form and not unicodedata.is_normalized(self._normal_form, line):
            return True
        if self._pairs is None or self._pairs.search(line) is None:
            return False
        return self._encoding_might_change(line)

    def suspects(
        self, text: str, also: str = "", line_ends: str = "", utf8: bytes | None = None
    ) -> list[int] | None:
        """Offsets in `text` of every spot where a line might change (a line without one
        cannot change), or None when any line might (the text is not normalized). The
        non-ASCII characters in `also` are reported too (one scan for both), and so are
        the ASCII characters in `line_ends` where they end a line or the text. `utf8`: the
        text's UTF-8 (surrogates passed), when the caller has it.

        Most texts have no such spot, and finding that out costs few passes at C speed:
        the text's UTF-8 bytes with every harmless ASCII byte deleted (what is left is
        short: the non-ASCII characters and the ASCII controls) are searched for the
        characters, and the runs of non-ASCII characters for pairs (`_pairs_in`); where
        each line first holds one is found with `str.find`. An ampersand counts only where
        an entity begins.

        >>> default_gate().suspects("clean\\nA &amp; B\\nÃ© x"), default_gate().suspects("e\\u0301")
        ([8, 16], None)
        >>> default_gate().suspects("AT&T, Q&A\\n“no entity” &amp"), default_gate().suspects("")
        ([], [])
        >>> sorted(default_gate().suspects("Ã© x \\nab\\t\\nc ", line_ends=" \\t"))
        [0, 4, 8, 11]
        """
        if text.isascii():
            found = self._entities(text) + _line_ends_in(text, line_ends)
            if not text.encode("ascii").translate(None, self._plain_ascii()):
                return found
            return [m.start() for m in self._ascii.finditer(text) if m.group() != "&"] + found
        data = text.encode("utf-8", "surrogatepass") if utf8 is None else utf8
        rare = data.translate(None, self._plain_ascii()).decode("utf-8", "surrogatepass")
        if self._normal_form and not _normalized(self._normal_form, text, rare):
            return None
        singles = self._singles_and.get(also)
        if singles is None:
            singles = re.compile(self._singles.pattern[:-1] + char_class(also) + "]")
            self._singles_and[also] = singles
        # One byte for each character (continuation bytes deleted), telling its kind
        kinds = data.translate(self._kinds(line_ends), _CONTINUATION_BYTES)
        found = self._entities(text) + _line_ends_in_kinds(kinds) if line_ends else self._entities(text)
        if singles.search(rare) is not None:
            found += _first_in_each_line(text, set(singles.findall(rare)) - {"&"})
        if self._pairs is not None:
            adjacent = self._first_adjacent_pairs(text, kinds)
            if adjacent is None:  # too many places to look at one by one
                return found + _first_match_in_each_line(self._pairs, text)
            found += adjacent
            if self._space_leads.search(rare) is not None:
                found += _first_in_each_line(text, {lead + " " for lead in self._space_leads.findall(rare)})
        return found

    def _kinds(self, line_ends: str) -> bytes:
        """The `bytes.translate` table of `_BYTE_KINDS` with the `line_ends` characters
        made "s"."""
        table = self._kinds_for.get(line_ends) if "_kinds_for" in self.__dict__ else None
        if table is None:
            if any(not ch.isascii() or ch in "?\n" for ch in line_ends):
                raise ValueError(f"line ends must be ASCII other than '?' and newline: {line_ends!r}")
            kinds = bytearray(_BYTE_KINDS)
            for ch in line_ends:
                kinds[ord(ch)] = ord("s")
            table = bytes(kinds)
            self.__dict__.setdefault("_kinds_for", {})[line_ends] = table
        return table

    def _first_adjacent_pairs(self, text: str, kinds: bytes) -> list[int] | None:
        """Where each line of `text` first holds a pair of two non-ASCII characters or of a
        non-ASCII character and "?"; None when the text has so many such neighbours that
        one regex scan of it is cheaper.

        A pair is one of those, or one of `_space_leads` and a space (tests/test_ftfy_gate.py
        checks that nothing else is). `kinds` has one byte for each character of the text,
        "L" for a non-ASCII character or "?", "n" for a newline: `bytes.find` lists the
        places where two "L" meet, and each is tried with the pair pattern; after a pair
        the search goes on from the next line."""
        at = kinds.find(b"LL")
        if at < 0:
            return []
        tries = len(text) * _PAIR_TRIES // 1000
        found = []
        pairs = self._pairs
        while at >= 0:
            tries -= 1
            if tries < 0:
                return None
            if pairs.match(text, at) is not None:
                found.append(at)
                end = kinds.find(b"n", at)
                if end < 0:
                    break
                at = kinds.find(b"LL", end)
            else:
                at = kinds.find(b"LL", at + 1)
        return found

    def _entities(self, text: str) -> list[int]:
        """Where an HTML entity ftfy would unescape begins (an ampersand alone changes nothing)."""
        if self._entity is None or "&" not in text:
            return []
        return [m.start() for m in self._entity.finditer(text)]

    def _plain_ascii(self) -> bytes:
        """The ASCII bytes no character check cares about: all but the ASCII singles."""
        plain = self.__dict__.get("_plain")
        if plain is None:
            plain = bytes(b for b in range(128) if b == 0x26 or not self._ascii.match(chr(b)))
            self._plain = plain
        return plain

    def _ascii_might_change(self, line: str) -> bool:
        return any(ch != "&" for ch in self._ascii.findall(line)) or self._has_entity(line)

    def _singles_after_ampersand(self, line: str) -> bool:
        return any(ch != "&" for ch in self._singles.findall(line)) or self._has_entity(line)

    def _has_entity(self, line: str) -> bool:
        return self._entity is not None and self._entity.search(line) is not None

    def _encoding_might_change(self, line: str) -> bool:
        """The exact conditions under which `fix_encoding` can touch this line: ftfy's
        `is_bad(line)` (its pattern, which most lines do not match, checked before ftfy is
        imported), and one of the re-decodings able to change it."""
        if not self.is_bad(line):
            return False
        from ftfy import chardata
        from ftfy.badness import is_bad

        candidate = False
        for encoding, rule in self._rules().items():
            if chardata.possible_encoding(line, encoding) and rule.search(line.encode(encoding)):
                candidate = True
                break
        if not candidate:
            candidate = any(is_bad(m.group()) for m in chardata.UTF8_DETECTOR_RE.finditer(line))
        return candidate


def _badness_keys(pattern: re.Pattern[str]) -> tuple[str, int, int] | None:
    """Characters one of which every match of `pattern` holds (as a character class), and
    how far a match reaches before and after that character at most; None when the
    pattern is not one this can be read from.

    Read from the parsed pattern, which must be a choice of alternatives, each a row of
    single characters (a literal, a class, any), bounded repeats of one character and
    start-of-text anchors: no groups, no lookaround, no end anchor or word boundary, no
    flag that changes which characters a class holds. A search confined to
    `text[max(0, key - before) : key + after + 1]` then finds every match holding that
    key, and a match it finds is one in the whole text.

    From each alternative the one-character item with the rarest characters in text is
    the key (letters, punctuation and spaces count as common; an ASCII character is never
    a key); the keys of all alternatives make the class.

    >>> _badness_keys(re.compile(r"[a-z]\\s?[ÃÂ] |ÃŠ|^x[€™]"))
    ('ÂÃ€™', 2, 1)
    >>> [_badness_keys(re.compile(p)) for p in ["(?<=a)é", "é$", "[a-z]+"]]
    [None, None, None]
    """
    try:
        from re import _constants as sre  # Python 3.11 and later
        from re import _parser as parser
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as sre  # type: ignore[no-redef]
        import sre_parse as parser  # type: ignore[no-redef]

    if pattern.flags & (re.IGNORECASE | re.LOCALE | re.MULTILINE):
        return None
    tree = list(parser.parse(pattern.pattern, pattern.flags))
    alternatives = tree[0][1][1] if len(tree) == 1 and tree[0][0] is sre.BRANCH else [tree]
    single = (sre.LITERAL, sre.IN, sre.ANY)

    def chars(op, av) -> set[int] | None:  # the characters one item matches, when known
        if op is sre.LITERAL:
            return {av}
        if op is not sre.IN:
            return None
        found: set[int] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                found.add(value)
            elif kind is sre.RANGE:
                found.update(range(value[0], value[1] + 1))
            else:  # a negated class or a category: unbounded
                return None
        return found

    def rarity(points: set[int]) -> int:
        cost = 0
        for point in points:
            if point < 0x80:
                return -1
            cost += 10 if unicodedata.category(chr(point))[0] in "LPZ" else 1
        return cost

    keys: set[int] = set()
    before = after = 0
    for alternative in alternatives:
        items = []  # (widest, characters of a one-character item or None)
        for op, av in alternative:
            if op in single:
                items.append((1, chars(op, av)))
            elif op is sre.AT and av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
                items.append((0, None))
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
                low, high, body = av
                body = list(body)
                if len(body) != 1 or body[0][0] not in single or high is sre.MAXREPEAT:
                    return None
                items.append((high, chars(*body[0]) if low == high == 1 else None))
            else:
                return None
        costs = [(rarity(points), at) for at, (_, points) in enumerate(items) if points is not None]
        costs = [(cost, at) for cost, at in costs if cost >= 0]
        if not costs:
            return None
        at = min(costs)[1]
        keys |= items[at][1]
        before = max(before, sum(width for width, _ in items[:at]))
        after = max(after, sum(width for width, _ in items[at + 1 :]))
    return char_class(map(chr, keys)), before, after


# The starters (canonical combining class 0) that may take the second place of a canonical
# composition: with the combining marks, the characters whose NFC and NFKC quick check
# answers "maybe". Listed from the decompositions of these Unicode versions (tests check
# the list against the running one); under another version every text gets the full check.
_COMPOSING_STARTERS = frozenset(
    [*map(chr, range(0x1161, 0x1176)), *map(chr, range(0x11A8, 0x11C3))]  # Hangul vowels, finals
    + [chr(point) for point in (0x09BE, 0x09D7, 0x0B3E, 0x0B56, 0x0B57, 0x0BBE, 0x0BD7, 0x0CC2, 0x0CD5)]
    + [chr(point) for point in (0x0CD6, 0x0D3E, 0x0D57, 0x0DCF, 0x0DDF, 0x0FB5, 0x0FB7, 0x102E, 0x1B35)]
    + [chr(point) for point in (0x11127, 0x1133E, 0x11357, 0x114B0, 0x114BA, 0x114BD, 0x115AF, 0x11930)]
)
_LISTED_UNICODE = ("13.0.0", "14.0.0", "15.0.0", "15.1.0")
_PLAIN_CHARACTER: dict[str, dict[str, bool]] = {}  # per normal form: character -> `_plain_in`


def _plain_in(form: str, ch: str) -> bool:
    """Whether `ch` is a starter that the quick check of normal form `form` passes ("yes"):
    such a character never changes, nor makes any other character change, in normalization."""
    if unicodedata.combining(ch) or unicodedata.normalize(form, ch) != ch:
        return False
    return form in ("NFD", "NFKD") or ch not in _COMPOSING_STARTERS


def _normalized(form: str, text: str, rare: str) -> bool:
    """`unicodedata.is_normalized(form, text)`, where `rare` holds every non-ASCII character
    of `text`. When each distinct character of `rare` is plain (`_plain_in`), as ASCII is,
    the quick check of the whole text says "yes" and the text is normalized; finding that
    out costs a set of the few characters in `rare` rather than a look-up for every
    character of `text`. A text mostly of non-ASCII characters is checked directly.

    >>> _normalized("NFC", "caf\u00e9 \u2019x\u2019", "\u00e9\u2019\u2019")
    True
    >>> _normalized("NFC", "cafe\u0301", "\u0301"), _normalized("NFC", "=\u0338", "\u0338")
    (False, False)
    """
    if len(rare) * 8 > len(text) or unicodedata.unidata_version not in _LISTED_UNICODE:
        return unicodedata.is_normalized(form, text)
    plain = _PLAIN_CHARACTER.get(form)
    if plain is None:
        plain = _PLAIN_CHARACTER[form] = {}
    for ch in set(rare):
        known = plain.get(ch)
        if known is None:
            known = plain[ch] = _plain_in(form, ch)
        if not known:
            return unicodedata.is_normalized(form, text)
    return True


def _first_in_each_line(text: str, chars) -> list[int]:
    """Where one of `chars` first stands in each line that holds one: a `str.find` (C
    speed) for each of the few characters found, in place of a regex over the text.

    >>> _first_in_each_line("a\\xa0b\\xa0\\nc\\nd\\x00\\xa0", {"\\xa0", "\\x00"})
    [1, 8, 9]
    """
    found = []
    for ch in chars:
        at = text.find(ch)
        while at >= 0:
            found.append(at)
            end = text.find("\n", at)
            if end < 0:
                break
            at = text.find(ch, end)
    return sorted(found)


def _first_match_in_each_line(pattern: re.Pattern[str], text: str) -> list[int]:
    """Where `pattern` (whose matches never span a line end) first matches in each line:
    one search per line that holds a match, not one step per match (a line of mojibake
    holds dozens).

    >>> _first_match_in_each_line(re.compile("b+"), "abcb\\nxx\\nbb b\\nb")
    [1, 8, 13]
    """
    found = []
    match = pattern.search(text)
    while match is not None:
        found.append(match.start())
        end = text.find("\n", match.end())
        if end < 0:
            break
        match = pattern.search(text, end + 1)
    return found


# `Gate.is_bad` searches whole texts this many times before it compiles its key pattern
_WHOLE_SEARCHES_FIRST = 64
# The kind of each character by the first byte of its UTF-8: "L" a non-ASCII character or
# "?", "n" a newline, " " the rest; continuation bytes are deleted (`_CONTINUATION_BYTES`).
_BYTE_KINDS = bytes(0x4C if b == 0x3F else 0x6E if b == 0x0A else 0x20 for b in range(128)) + b"L" * 128
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))
# One regex scan of a text costs about as much as trying this many places per 1,000 characters
_PAIR_TRIES = 25


def _line_ends_in(text: str, chars: str) -> list[int]:
    """Offsets of the characters `chars` where they end a line or the text.

    >>> _line_ends_in("a \\nb\\t\\t\\nc d\\x0c", " \\t\\x0c")
    [1, 5, 10]
    """
    found = []
    for ch in chars:
        if ch in text:
            at = text.find(ch + "\n")
            while at >= 0:
                found.append(at)
                at = text.find(ch + "\n", at + 2)
    if text and text[-1] in chars:
        found.append(len(text) - 1)
    return found


def _line_ends_in_kinds(kinds: bytes) -> list[int]:
    """Where an "s" ends a line or the text in `kinds` (one byte for each character).

    >>> _line_ends_in_kinds(b"Lsn Lssn s")
    [1, 6, 9]
    """
    found = []
    at = kinds.find(b"sn")
    while at >= 0:
        found.append(at)
        at = kinds.find(b"sn", at + 2)
    if kinds[-1:] == b"s":
        found.append(len(kinds) - 1)
    return found


def _space_leads(pairs: re.Pattern[str], chardata) -> re.Pattern[str]:
    """The characters that begin a pair of `pairs` with a space after them. Every pair
    begins with a character of a single-byte encoding ftfy tries or a UTF-8 clue, and
    pairs look at their two characters alone."""
    every_byte = bytes(range(256))
    starts = {ch for encoding in chardata.CHARMAP_ENCODINGS for ch in every_byte.decode(encoding)}
    starts.update(ch for clue in chardata.UTF8_CLUES.values() for ch in clue)
    found = char_class(ch for ch in starts if pairs.match(ch + " "))
    return re.compile(f"[{found}]" if found else "(?!)")


@cache
def default_gate() -> Gate:
    """The gate for corpuskit's own ftfy settings (`corpuskit.ftfy_settings.ftfy_config`):
    from its description in the user's cache folder when one fits, else built from ftfy
    (and its description saved there for the next process)."""
    file = _spec_file()
    if file is not None:
        try:
            return Gate.from_spec(json.loads(file.read_text("utf-8")))
        except (OSError, ValueError, KeyError, TypeError, re.error, GateError):
            pass  # none yet, or unreadable: build it
    from corpuskit.ftfy_settings import ftfy_config

    gate = Gate(ftfy_config())
    if file is not None:
        from corpuskit.usercache import save

        save(file, json.dumps(gate.spec()).encode())
    return gate


def _spec_file() -> Path | None:
    """Where the description of the default gate is kept: its name holds a digest of the
    size and time of every file of ftfy and of the two corpuskit modules that define the
    gate and the settings, so a change to any of them makes a new one. None when ftfy
    cannot be found (the gate is then built, which reports the problem)."""
    from importlib.util import find_spec

    from corpuskit.usercache import cache_folder, stamp

    try:
        spec = find_spec("ftfy")
        folders = list(spec.submodule_search_locations or ()) if spec else []
        if not folders:
            return None
        files = [__file__, str(Path(__file__).with_name("ftfy_settings.py"))]
        for folder in folders:
            for root, dirs, names in os.walk(folder):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__")
                files.extend(os.path.join(root, name) for name in sorted(names) if name.endswith(".py"))
        digest = stamp([f"v{SPEC_VERSION}"], files)
    except (OSError, ImportError, ValueError):
        return None
    return cache_folder() / f"ftfy-gate-{digest}.json"
