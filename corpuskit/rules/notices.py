"""Codes reported by pipeline stages: reading, decoding and encoding repair."""

from __future__ import annotations

from corpuskit.models import Severity
from corpuskit.rules.base import Notice


class EncodingFixed(Notice):
    """Reports each line whose encoding or whitespace was repaired.

    What it does: ftfy (conservative settings: typographic quotes, dashes and widths kept;
    NFC) repairs mojibake, HTML entities and control characters; odd spaces such as NBSP
    become plain spaces; trailing whitespace goes. Each changed line is one finding, and
    the report keeps the original text and ftfy's explanation.

    Why: mojibake and invisible characters break search, deduplication and tokenizers.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text("The café’s menu doesnâ€™t change.").record.text
        'The café’s menu doesn’t change.\\n'
    """

    code, name, category = "E001", "encoding-fixed", "encoding"
    summary = "encoding or whitespace repaired"


class CharsetDetected(Notice):
    """Reports a seed that is not UTF-8 and was decoded with a detected charset.

    What it does: when the bytes are not valid UTF-8 (and carry no byte-order mark), or are
    UTF-16 without one, the charset is detected (charset-normalizer, the high bytes of
    UTF-16, a short file's Western letters) and the report names it, with charset-normalizer's
    confidence when it gave one.

    Why: a corpus should be UTF-8; a detected charset can be wrong, so it is a warning.

    Example:
        >>> from corpuskit import clean_bytes
        >>> raw = "Smörgåsbord på svenska.".encode("cp1252")
        >>> [f.code for f in clean_bytes(raw, name="x.txt").report.findings][:1]
        ['E002']
    """

    code, name, category = "E002", "charset-detected", "encoding"
    severity = Severity.WARNING
    summary = "not UTF-8: decoded with a detected charset"


class UnreadableSeed(Notice):
    """Reports a seed that cannot be read or decoded.

    What it does: a file that cannot be opened, or whose bytes are not text in any
    encoding, yields this error and no record; the rest of the corpus is still processed.

    Why: a broken file must stop the gate with a message naming it, never a traceback.

    Example:
        >>> from corpuskit import clean_bytes
        >>> clean_bytes(bytes(range(256)) * 4, name="x.bin").report.findings[0].code
        'F001'
    """

    code, name, category = "F001", "unreadable-seed", "file"
    severity = Severity.ERROR
    summary = "seed cannot be read or decoded"


class OverTime(Notice):
    """Reports a seed that took longer than its time budget.

    What it does: cleaning one seed is bounded by `time-budget` seconds (default 60); a
    seed that takes longer is reported as an error and left out of the corpus, and the
    rest of the corpus is still processed.

    Why: a gate that hangs on one pathological file is worse than one that names it.

    Example:
        >>> from corpuskit.rules import ALL_RULES
        >>> ALL_RULES["F003"].severity.value
        'error'
    """

    code, name, category = "F003", "over-time", "file"
    severity = Severity.ERROR
    summary = "seed took longer than the time budget"


class OversizedSeed(Notice):
    """Reports a seed larger than `max-seed-size`, without reading it.

    What it does: a seed of more than `max-seed-size` MB (default 10) is reported as an
    error and left out of the corpus and of the count of repeated lines; its bytes are
    not read. The rest of the corpus is still processed.

    Why: cleaning takes memory in proportion to a seed's text, about 80 times its size
    for prose: one stray database dump or book among the seeds would otherwise exhaust a
    CI machine's memory, or every worker's at once, instead of being named.

    Example:
        >>> from corpuskit import clean_bytes
        >>> from corpuskit.config import Config
        >>> result = clean_bytes(b"A" * 2_000_000, name="dump.txt", config=Config(max_seed_size=1))
        >>> result.report.findings[0].message
        'dump.txt is 2.0 MB, more than max-seed-size (1 MB); not read'
    """

    code, name, category = "F007", "oversized-seed", "file"
    severity = Severity.ERROR
    summary = "seed larger than max-seed-size: not read"


class LinkOutside(Notice):
    """Reports a seed-named file whose link leads outside the corpus folder.

    What it does: while walking a folder, a symbolic link (or a file under a linked
    folder) that resolves outside the folder is not read, and this error names it and its
    target; so is a link that leads into a loop. (A link to a file that does not exist is
    a seed that cannot be read: F001.)

    Why: a corpus in git must not pull in files from elsewhere on the machine (a link to
    a home folder or to /etc); reading it would also make the corpus differ by machine.

    Example:
        >>> from corpuskit.discover import escape_check
        >>> from pathlib import Path
        >>> escape_check(Path("seeds"))(Path("/etc/hostname"))
        True
    """

    code, name, category = "F004", "link-outside-corpus", "file"
    severity = Severity.ERROR
    summary = "link leads outside the corpus folder: not read"


class OrphanSidecar(Notice):
    """Warns about a metadata sidecar with no seed beside it.

    What it does: a `<seed>.meta.yaml`, `.meta.yml` or `.meta.json` whose seed (by file
    name or by id) is not in the same folder is reported; it is not used.

    Why: a sidecar left behind after a seed was renamed or deleted silently stops
    applying; the warning says so.

    Example:
        >>> from corpuskit.rules import ALL_RULES
        >>> ALL_RULES["F005"].severity.value
        'warning'
    """

    code, name, category = "F005", "orphan-sidecar", "file"
    severity = Severity.WARNING
    summary = "sidecar without a seed"


class UnnamableFile(Notice):
    """Fails a seed whose file name is not valid UTF-8.

    What it does: a file of the corpus whose path holds bytes that are not UTF-8 (a name
    made on a system with another encoding) is reported with those bytes escaped
    (`bad\\xffname.txt`), and not read.

    Why: a seed's id and path go into the corpus and its report, which are UTF-8 JSON; a
    name that cannot be written there cannot be a seed. Renaming the file fixes it.

    Example:
        >>> import os, tempfile
        >>> from pathlib import Path
        >>> from corpuskit.discover import walk
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = Path(os.fsdecode(bytes(folder) + b"/bad\\xffname.txt")).write_text("Text.")
        >>> [(code, Path(path).name) for path, code, _ in walk([str(folder)], ["*.txt"], []).strays]
        [('F006', 'bad\\\\xffname.txt')]
    """

    code, name, category = "F006", "unnamable-file", "file"
    severity = Severity.ERROR
    summary = "file name is not valid UTF-8: not read"
