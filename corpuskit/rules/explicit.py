"""Codes about explicit metadata: front matter and sidecar files beside a seed."""

from __future__ import annotations

from corpuskit.models import Severity
from corpuskit.rules.base import Notice


class FrontMatter(Notice):
    """Takes YAML front matter out of the text and into the metadata.

    What it does: a seed whose first line is `---` followed by YAML and a closing `---`
    (or `...`) line has that block removed from the cleaned text; its keys (`title`,
    `authors`, `published`, `source`, `url`, `language`) become the seed's metadata and
    win over what the rules infer. The report keeps the block, so nothing is lost.

    Why: front matter is how a person states metadata the text does not show reliably.

    Example:
        >>> from corpuskit import clean_text
        >>> r = clean_text("---\\ntitle: Budget agreed\\nlanguage: en\\n---\\n" + BODY)
        >>> r.record.meta.title, r.record.text == BODY + "\\n"
        ('Budget agreed', True)
    """

    code, name, category = "M006", "front-matter", "metadata"
    summary = "YAML front matter lifted into metadata"


class FrontMatterInvalid(Notice):
    """Fails a seed whose front matter cannot be read.

    What it does: reports YAML that does not parse, front matter that is not a mapping,
    a key given twice, or a `---` first line followed by keys but never closed; the
    message names the line.

    Why: a typo in front matter would silently lose the metadata a person wrote down.

    Example:
        >>> from corpuskit import clean_text
        >>> r = clean_text("---\\ntitle: [unclosed\\n---\\n" + BODY)
        >>> [(f.code, f.line, f.detail.type) for f in r.report.findings if f.code == "M201"]
        [('M201', 3, 'yaml_syntax')]
    """

    code, name, category = "M201", "front-matter-invalid", "metadata"
    severity = Severity.ERROR
    summary = "front matter is not valid YAML metadata"


class SidecarInvalid(Notice):
    """Fails a seed whose sidecar file cannot be read.

    What it does: a sidecar (`<seed>.meta.yaml`, `.meta.yml` or `.meta.json` beside the
    seed, named after the file or after its stem) that does not parse, is not a mapping,
    repeats a key, or is one of several sidecars of the same seed is an error; the message
    names the sidecar and the line.

    Why: the sidecar holds the seed's metadata; a broken one must not pass unnoticed.

    Example:
        >>> import tempfile, pathlib
        >>> from corpuskit import clean_file
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_text(BODY)
        >>> _ = (folder / "a.meta.json").write_text('{"title": "A",}')
        >>> [(f.code, f.detail.type, f.detail.line) for f in clean_file(folder / "a.txt").report.findings
        ...  if f.code == "M202"]
        [('M202', 'json_syntax', 1)]
    """

    code, name, category = "M202", "sidecar-invalid", "metadata"
    severity = Severity.ERROR
    summary = "sidecar file is not valid metadata"


class ExplicitValueInvalid(Notice):
    """Fails a seed whose explicit metadata holds an invalid value or an unknown key.

    What it does: every front matter or sidecar value is validated against the metadata
    schema; an unknown key, a wrong type, a language that is not an ISO 639-1 code or a
    date-time without UTC offset is an error with a stable type, the field path and the
    value. The other, valid fields are still used.

    Why: explicit metadata wins over what is inferred, so it must be right.

    Example:
        >>> from corpuskit import clean_text
        >>> r = clean_text("---\\nauthors: Jane Doe\\npublished: 2024-01-07 12:58\\n---\\n" + BODY)
        >>> [(f.detail.type, f.detail.loc, f.line) for f in r.report.findings if f.code == "M203"]
        [('list_type', ['authors'], 2), ('published_naive', ['published'], 3)]
    """

    code, name, category = "M203", "explicit-value-invalid", "metadata"
    severity = Severity.ERROR
    summary = "explicit metadata value does not validate"


class PageValueIgnored(Notice):
    """Notes a metadata value read from a page (not written by a person) that was dropped.

    What it does: metadata a driver reads from the page itself (an HTML page's meta
    tags, for instance) is validated like explicit metadata, but leniently; a value that
    still does not validate is dropped and noted here.

    Why: page metadata is often malformed; dropping it beats failing the seed, and the
    note says why the field was not taken from it.

    Example:
        >>> from corpuskit import clean_text
        >>> from corpuskit.explicit import ExplicitMeta
        >>> page = ExplicitMeta({"published": "sometime"}, "html-meta", strict=False)
        >>> [f.code for f in clean_text(BODY, explicit=[page]).report.findings if f.code == "M204"]
        ['M204']
    """

    code, name, category = "M204", "page-value-ignored", "metadata"
    summary = "page metadata value dropped"
