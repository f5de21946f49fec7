"""Metadata from outside the text: YAML front matter, sidecar files beside a seed, and
whatever a driver hands over (an HTML page's meta tags, say).

Every such source becomes an `ExplicitMeta`: a `SeedMeta`-shaped mapping with an origin
label. `clean_*` take a list of them; sidecar and front matter are found by the pipeline
itself. Precedence, strongest first: sidecar, front matter, the sources a driver passes
(in the order given), then what the rules infer from the text.

Values written by a person (`strict=True`: front matter, sidecars) that do not validate
are errors naming the file, the line and what is wrong; values read from a page
(`strict=False`) that do not validate are dropped with a note.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpuskit.discover import sidecar_names
from corpuskit.models import PublishedError, SeedMeta, parse_published

FIELDS = SeedMeta.field_names()
_DELIMITER = re.compile(r"^---[ \t]*$")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_KEY_LINE = re.compile(r"^[\w-]+[ \t]*:")


@dataclass(frozen=True)
class ExplicitMeta:
    """Metadata given from outside the text.

    `values` holds `SeedMeta` fields (title, authors, published, source, url, language);
    `origin` names the source ("sidecar", "front-matter", "html-meta", "json-ld", ...);
    `file` and `lines` (field -> 1-based line) say where each value was written.
    """

    values: Mapping[str, Any]
    origin: str
    file: str | None = None
    lines: Mapping[str, int] = field(default_factory=dict)
    strict: bool = True


@dataclass(frozen=True)
class Problem:
    """One thing wrong with explicit metadata, before it becomes a finding."""

    code: str  # M201 front matter, M202 sidecar, M203 a value
    type: str  # stable error type
    message: str
    loc: tuple = ()
    value: Any = None
    file: str | None = None
    line: int | None = None  # in `file`
    seed_line: int = 1  # where the finding points in the seed


@dataclass(frozen=True)
class FrontMatter:
    """The front matter block at the top of a text seed: `source[:end]`."""

    end: int
    meta: ExplicitMeta | None


def find_front_matter(text: str, name: str) -> tuple[FrontMatter | None, list[Problem]]:
    """The YAML front matter of a text: a first line `---`, YAML, a closing `---` (or
    `...`) line. A `---` first line followed by `key:` but never closed is an error.

    >>> fm, problems = find_front_matter("---\\ntitle: Hi there\\n---\\nBody.\\n", "x.txt")
    >>> fm.end, dict(fm.meta.values), fm.meta.lines, problems
    (24, {'title': 'Hi there'}, {'title': 2}, [])
    >>> find_front_matter("--- no\\nBody.\\n", "x.txt")
    (None, [])
    """
    first, _, rest = text.partition("\n")
    if not _DELIMITER.match(first):
        return None, []
    offset = len(first) + 1
    lines = rest.split("\n")
    for line in lines:
        if _CLOSING.match(line):
            body = text[len(first) + 1 : offset]
            end = min(len(text), offset + len(line) + 1)
            meta, problems = _parse_yaml(body, name, "front-matter", "M201", first_line=2)
            return FrontMatter(end, meta), problems
        offset += len(line) + 1
    if lines and _KEY_LINE.match(lines[0]):
        return None, [
            Problem(
                "M201",
                "front_matter_unclosed",
                "front matter opened on line 1 is never closed by '---'",
                file=name,
                line=1,
            )
        ]
    return None, []


def sidecars_of(seed: Path) -> list[Path]:
    """Existing sidecars of a seed: `<name>.meta.yaml|yml|json` or `<stem>.meta.yaml|yml|json`
    beside it; whatever stands under such a name, so that a folder or a broken link there is
    reported as a sidecar that cannot be read, not passed over."""
    return [seed.with_name(n) for n in sidecar_names(seed.name) if os.path.lexists(seed.with_name(n))]


def read_sidecar(seed: Path) -> tuple[ExplicitMeta | None, list[Problem]]:
    """The sidecar of a seed, if any, with the problems found reading it."""
    found = sidecars_of(seed)
    if not found:
        return None, []
    if len(found) > 1:
        listed = ", ".join(str(p) for p in found)
        return None, [
            Problem("M202", "sidecar_ambiguous", f"several sidecars: {listed}; keep one", file=str(found[0]))
        ]
    path = found[0]
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return None, [Problem("M202", "sidecar_unreadable", f"cannot read: {err}", file=str(path))]
    if path.name.endswith(".json"):
        return _parse_json(text, str(path))
    return _parse_yaml(text, str(path), "sidecar", "M202", first_line=1, seed_line=None)


def _parse_json(text: str, name: str) -> tuple[ExplicitMeta | None, list[Problem]]:
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as err:
        line = _json_key_line(text, err.key)
        return None, [
            Problem("M202", "duplicate_key", f"key {err.key!r} given twice", (err.key,), file=name, line=line)
        ]
    except json.JSONDecodeError as err:
        return None, [Problem("M202", "json_syntax", err.msg, file=name, line=err.lineno)]
    except RecursionError:  # the decoder recurses on nested brackets
        too_deep = True
    else:
        too_deep = _nesting(data) > MAX_NESTING
    if too_deep:
        return None, [Problem("M202", "json_nesting", "values nested too deeply", file=name, line=1)]
    if not isinstance(data, dict):
        return None, [
            Problem(
                "M202",
                "not_a_mapping",
                "expected an object of metadata fields",
                value=data,
                file=name,
                line=1,
            )
        ]
    lines = {key: _json_key_line(text, key) for key in data}
    return ExplicitMeta(data, "sidecar", name, lines), []


class _DuplicateKey(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    seen: dict = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


def _json_key_line(text: str, key: str) -> int:
    match = re.search(rf'"{re.escape(key)}"\s*:', text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _construct(loader, node):
    """The Python value of a YAML document. A plain value YAML reads as a type it cannot
    hold (`published: 2023-02-30`, a timestamp with no such day) is kept as the text
    written, so that validation reports it as that field's invalid value.

    >>> import yaml
    >>> loader = yaml.SafeLoader("title: A\\npublished: 2023-02-30\\n")
    >>> _construct(loader, loader.get_single_node())
    {'title': 'A', 'published': '2023-02-30'}
    """
    import yaml

    try:
        return loader.construct_document(node)
    except ValueError as err:  # raised by a constructor, e.g. datetime.date(2023, 2, 30)
        retagged = False
        for value_node in _scalar_values(node):
            try:
                yaml.SafeLoader("").construct_object(value_node)
            except ValueError:
                value_node.tag, retagged = "tag:yaml.org,2002:str", True
        if not retagged:
            raise yaml.YAMLError(f"cannot read a value: {err}") from err
        return yaml.SafeLoader("").construct_document(node)  # a constructor in a clean state


MAX_NESTING = 10  # metadata needs three levels (a mapping of lists of text)


def _nesting(value, depth: int = 1) -> int:
    """How deep a JSON value nests (counted up to just past `MAX_NESTING`).

    >>> _nesting({"authors": ["A", "B"]}), _nesting(json.loads("[" * 12 + "]" * 12)) > MAX_NESTING
    (2, True)
    """
    if not isinstance(value, (dict, list)):
        return depth - 1  # a plain value adds no level
    if depth > MAX_NESTING:
        return depth
    items = value.values() if isinstance(value, dict) else value
    return max((_nesting(item, depth + 1) for item in items), default=depth)


def _depth(node, on_path: set[int], known: dict[int, int]) -> int:
    """How deep a YAML node graph nests; an alias inside its own value counts as deeper
    than `MAX_NESTING`. Shared nodes (aliases) are measured once.

    >>> import yaml
    >>> _depth(yaml.compose("authors: [A, B]"), set(), {})
    3
    >>> _depth(yaml.compose("title: &x [*x]"), set(), {}) > MAX_NESTING
    True
    """
    if id(node) in known:
        return known[id(node)]
    if id(node) in on_path or len(on_path) > MAX_NESTING:
        return MAX_NESTING + 1
    on_path.add(id(node))
    depth = 1 + max((_depth(child, on_path, known) for child in _children(node)), default=0)
    on_path.discard(id(node))
    known[id(node)] = depth
    return depth


def _children(node) -> list:
    """The nodes inside a YAML node: a sequence's items, a mapping's keys and values."""
    if not isinstance(node.value, list):
        return []  # a scalar
    return [child for item in node.value for child in (item if isinstance(item, tuple) else (item,))]


def _scalar_values(node) -> list:
    """The plain values (and keys) of a YAML node, at any depth; called after `_depth`
    has refused a node graph nested too deeply or inside itself."""
    children = _children(node)
    return [found for child in children for found in _scalar_values(child)] if children else [node]


def _parse_yaml(
    text: str, name: str, origin: str, code: str, first_line: int, seed_line: int | None = 0
) -> tuple[ExplicitMeta | None, list[Problem]]:
    """Safe YAML (no object construction) into an `ExplicitMeta`; `first_line` is the
    line of `text`'s start in its file. `seed_line` 0 means the finding points at the
    same line in the seed (front matter), None at line 1 (a sidecar)."""
    import yaml

    def problem(type_: str, message: str, line: int, **extra) -> Problem:
        where = line if seed_line == 0 else 1
        return Problem(code, type_, message, file=name, line=line, seed_line=where, **extra)

    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is not None and _depth(node, set(), {}) > MAX_NESTING:
                return None, [
                    problem("yaml_nesting", "values nested too deeply, or an alias inside itself", first_line)
                ]
            data = _construct(loader, node) if node is not None else None
        finally:
            loader.dispose()
    except RecursionError:  # the parser itself recurses on nested brackets
        return None, [problem("yaml_nesting", "values nested too deeply", first_line)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = first_line + (mark.line if mark else 0)
        what = " ".join(part for part in (err.context, err.problem) if part) or "invalid YAML"
        return None, [problem("yaml_syntax", what, line)]
    except yaml.YAMLError as err:
        return None, [problem("yaml_syntax", str(err), first_line)]
    if data is None:
        return ExplicitMeta({}, origin, name, {}), []
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return None, [
            problem(
                "not_a_mapping", "expected a mapping of metadata fields (key: value)", first_line, value=data
            )
        ]
    lines: dict[str, int] = {}
    for key_node, _ in node.value:
        key = key_node.value
        line = first_line + key_node.start_mark.line
        if key in lines:
            return None, [problem("duplicate_key", f"key {key!r} given twice", line, loc=(key,))]
        lines[key] = line
    return ExplicitMeta({str(k): v for k, v in data.items()}, origin, name, lines), []


def validate(source: ExplicitMeta) -> tuple[dict[str, Any], list[Problem]]:
    """The valid fields of an explicit source, and a problem for every invalid one.

    Null or empty values count as not given. Values from a page (`strict=False`) get a
    second chance (a published date in any format the date parser reads, a language tag
    such as `en-US`); what still does not validate is dropped with an M204 note.

    >>> values, problems = validate(ExplicitMeta({"title": "Hi", "autors": ["A B"]}, "sidecar", "s.yaml"))
    >>> values, [(p.type, p.loc, p.value) for p in problems]
    ({'title': 'Hi'}, [('extra_forbidden', ('autors',), ['A B'])])
    """
    given = {k: v for k, v in source.values.items() if v not in (None, "", [])}
    problems: list[Problem] = []
    if not source.strict:
        given = _lenient(given)
    from pydantic import ValidationError

    while True:
        try:
            meta = SeedMeta.model_validate(given)
        except ValidationError as err:
            bad = set()
            for error in map(_unknown_key_type, err.errors(include_url=False)):
                loc = tuple(error["loc"])
                key = str(loc[0]) if loc else ""
                bad.add(key)
                line = source.lines.get(key)
                path = ".".join(str(p) for p in loc)
                problems.append(
                    Problem(
                        "M203" if source.strict else "M204",
                        error["type"],
                        f"{source.origin} `{path}`: {_message(key, error)}",
                        loc,
                        _plain(error.get("input")),
                        source.file,
                        line,
                        line if source.origin == "front-matter" and line else 1,
                    )
                )
            given = {k: v for k, v in given.items() if k not in bad}
            continue
        return {k: getattr(meta, k) for k in given}, problems


_MESSAGES = {
    (
        "language",
        "string_pattern_mismatch",
    ): "expected an ISO 639-1 code: two lowercase letters, such as 'en'",
    ("language", "string_type"): "expected an ISO 639-1 code: two lowercase letters, such as 'en'",
    ("authors", "list_type"): "expected a list of names, such as [Jane Doe, John Roe]",
    ("url", "string_pattern_mismatch"): "expected an absolute http(s) URL, such as https://example.org/a",
    ("*", "string_type"): "expected text (in YAML, quote a value that reads as a number, a date or a list)",
    ("*", "extra_forbidden"): f"unknown key; the keys are {', '.join(FIELDS)}",
}


def _unknown_key_type(error: dict) -> dict:
    """pydantic names an unknown key of a dataclass `unexpected_keyword_argument`; the
    stable type of the error is `extra_forbidden`, as for any other model."""
    if error["type"] == "unexpected_keyword_argument":
        return {**error, "type": "extra_forbidden"}
    return error


def _message(key: str, error: dict) -> str:
    return _MESSAGES.get((key, error["type"])) or _MESSAGES.get(("*", error["type"])) or error["msg"]


def _lenient(values: dict[str, Any]) -> dict[str, Any]:
    """Page metadata as pages write it: one author as a string, dates in any format,
    language tags such as `en-US`."""
    out = dict(values)
    if isinstance(out.get("authors"), str):
        out["authors"] = [out["authors"]]
    if isinstance(out.get("language"), str):
        out["language"] = out["language"].split("-")[0].split("_")[0].strip().lower() or None
    published = out.get("published")
    if isinstance(published, str):
        try:
            parse_published(published)
        except PublishedError:
            from corpuskit.metadata import parse_date

            parsed = parse_date(published)
            if parsed is not None:
                out["published"] = parsed
    return {k: v for k, v in out.items() if v not in (None, "", [])}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


def declared_values(sources: list[ExplicitMeta]) -> dict[str, tuple[Any, str]]:
    """The valid values a person wrote (front matter, sidecars), strongest source first:
    field -> (value, the source's origin). Problems are reported by `merge`.

    >>> declared_values([ExplicitMeta({"title": "Budget agreed", "url": "x"}, "front-matter", "a.txt")])
    {'title': ('Budget agreed', 'front-matter')}
    """
    declared: dict[str, tuple[Any, str]] = {}
    for source in sources:
        if source.strict:
            for key, value in validate(source)[0].items():
                declared.setdefault(key, (value, source.origin))
    return declared


def merge(meta: SeedMeta, origins: dict, sources: list[ExplicitMeta]) -> list[Problem]:
    """Put explicit values into `meta` over inferred ones, strongest source first, and
    record each field's origin; return the problems found on the way."""
    from corpuskit.models import FieldOrigin

    problems: list[Problem] = []
    taken: set[str] = set()
    for source in sources:
        values, found = validate(source)
        problems.extend(found)
        for key, value in values.items():
            previous = origins.get(key)
            if key in taken:
                if value != getattr(meta, key):
                    previous.note = _join(previous.note, f"{source.origin} gave {_show(value)}")
                continue
            note = None
            inferred = getattr(meta, key)
            if previous is not None and previous.origin == "inferred" and inferred not in (None, [], value):
                note = f"overrides {_show(inferred)} inferred by {previous.method}"
            setattr(meta, key, list(value) if isinstance(value, list) else value)
            origins[key] = FieldOrigin(
                origin="explicit",
                method=source.origin,
                file=source.file,
                line=source.lines.get(key),
                note=note,
            )
            taken.add(key)
    return problems


def _show(value: Any) -> str:
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _join(first: str | None, second: str) -> str:
    return f"{first}; {second}" if first else second
