"""Line repetition across a corpus: how many documents hold each normalized line.

Lines that recur across many documents are page chrome (menus, footers, share rows).
Only 64-bit hashes of normalized lines are kept, never the text: `LineCounter` collects
them in one streaming pass over the corpus, `LineTable` is the frozen result that `build`
saves next to the corpus and that cleaning consults. Normalization follows CCNet: lower
case, digits folded to 0, punctuation dropped, whitespace collapsed.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

import numpy as np

_DIGIT = re.compile(r"\d")
_NOT_WORD = re.compile(r"[^\w\s]+|_+")
_MAGIC = b"CKLINES1"
_HEADER = struct.Struct("<8sQQ")  # magic, documents, entries
TABLE_SUFFIX = ".lines"


class LineTableError(ValueError):
    """A line-frequency file that cannot be read; the message names the file."""


def line_hash(text: str) -> int:
    """64-bit hash of a line's normalized form: lower case, every digit a 0, every run of
    characters that are not word characters one space, stripped ("  Share on Facebook! (12) "
    is counted as "share on facebook 00"); 0 for a line with no word in it.

    >>> line_hash("  Share on Facebook! (12) ") == line_hash("share on facebook 00")
    True
    >>> line_hash("Home") == line_hash("  HOME |") != 0, line_hash("|||")
    (True, 0)
    """
    return line_hashes([text])[0]


def line_hashes(lines: list[str]) -> list[int]:
    """`line_hash` of many lines (no line may hold a newline): the text is folded in one
    piece, only the hashing is done line by line."""
    if not lines:
        return []
    folded = _NOT_WORD.sub(" ", _DIGIT.sub("0", "\n".join(lines).lower())).split("\n")
    return [_digest(" ".join(key.split())) for key in folded]


def _digest(key: str) -> int:
    if not key:
        return 0
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") or 1


def document_hashes(lines: Iterable[str]) -> np.ndarray:
    """The distinct non-zero hashes of a document's lines, sorted."""
    found = set(line_hashes([line for line in lines if "\n" not in line]))
    found.discard(0)
    return np.array(sorted(found), dtype=np.uint64)


class LineCounter:
    """Counts, for every line hash, the documents that hold it.

    Hashes wait in a buffer. When it fills, its distinct hashes and their counts go to
    temporary files, one of `BUCKETS` by the hash's top bits (`corpuskit.spill.Records`);
    `table` then adds up one bucket at a time. So memory holds the buffer, one bucket
    and the table (the lines held by two documents or more), however many distinct lines
    the corpus has: a corpus of 100,000 unique articles has some five million.

    >>> counter = LineCounter()
    >>> for doc in ["Home\\nA story.", "Home\\nAnother story.", "HOME"]:
    ...     counter.add_text(doc)
    >>> table = counter.table(min_count=2)
    >>> table.documents, table.count(line_hash("home")), table.count(line_hash("A story."))
    (3, 3, 0)
    """

    BUCKET_BITS = 6
    BUCKETS = 1 << BUCKET_BITS
    _ROW = np.dtype([("hash", "<u8"), ("count", "<u4")])

    def __init__(self, flush_every: int = 1 << 18):
        self.documents = 0
        self._pending: list[np.ndarray] = []
        self._pending_size = 0
        self._flush_every = flush_every
        self._buckets: list | None = None  # the temporary files, made at the first flush

    def add_text(self, text: str) -> None:
        """Count the lines of one document (each distinct line once)."""
        self.add_hashes(document_hashes(text.splitlines()))

    def add_hashes(self, hashes: np.ndarray) -> None:
        self.documents += 1
        if len(hashes):
            self._pending.append(hashes)
            self._pending_size += len(hashes)
            if self._pending_size >= self._flush_every:
                self._flush()

    def _counted_pending(self) -> tuple[np.ndarray, np.ndarray]:
        """The buffer's distinct hashes, sorted, and how many documents hold each."""
        hashes = np.concatenate(self._pending) if self._pending else np.zeros(0, dtype=np.uint64)
        return np.unique(hashes, return_counts=True)

    def _flush(self) -> None:
        from corpuskit.spill import Records

        if self._buckets is None:
            self._buckets = [Records(self._ROW.itemsize) for _ in range(self.BUCKETS)]
        hashes, counts = self._counted_pending()
        self._pending, self._pending_size = [], 0
        rows = np.empty(len(hashes), dtype=self._ROW)
        rows["hash"], rows["count"] = hashes, counts
        top = (hashes >> np.uint64(64 - self.BUCKET_BITS)).astype(np.int64)
        bounds = np.searchsorted(top, np.arange(self.BUCKETS + 1))  # sorted: a bucket is a slice
        for bucket, start, end in zip(self._buckets, bounds[:-1], bounds[1:], strict=True):
            if end > start:
                bucket.extend(rows[start:end].tobytes())

    def table(self, min_count: int = 2) -> LineTable:
        """The frozen table; lines held by fewer than `min_count` documents are dropped."""
        if self._buckets is None:  # a small corpus: everything is still in the buffer
            parts = [_at_least(*self._counted_pending(), min_count)]
        else:
            self._flush()
            parts = []
            for bucket in self._buckets:
                rows = np.frombuffer(b"".join(bucket.chunks()), dtype=self._ROW)
                hashes, where = np.unique(rows["hash"], return_inverse=True)
                parts.append(_at_least(hashes, np.bincount(where, weights=rows["count"]), min_count))
        hashes = np.concatenate([p[0] for p in parts])
        counts = np.concatenate([p[1] for p in parts])
        return LineTable(hashes, counts, self.documents)


def _at_least(hashes: np.ndarray, counts: np.ndarray, least: int) -> tuple[np.ndarray, np.ndarray]:
    """The hashes counted at least `least` times, and their counts."""
    keep = counts >= least
    return hashes[keep], counts[keep].astype(np.uint32)


class LineTable:
    """Sorted line hashes with the number of documents holding each."""

    def __init__(self, hashes: np.ndarray, counts: np.ndarray, documents: int):
        self.hashes = np.asarray(hashes, dtype=np.uint64)
        self.counts = np.asarray(counts, dtype=np.uint32)
        self.documents = documents

    def __len__(self) -> int:
        return len(self.hashes)

    def digest(self) -> str:
        """A short hash of the whole table: results cleaned with it depend on it."""
        sha = hashlib.sha256(str(self.documents).encode())
        sha.update(self.hashes.tobytes())
        sha.update(self.counts.tobytes())
        return sha.hexdigest()[:16]

    def count(self, hash_value: int) -> int:
        """Documents holding the line with this hash (0 when unknown)."""
        return int(self.lookup(np.array([hash_value], dtype=np.uint64))[0])

    def lookup(self, hashes: np.ndarray) -> np.ndarray:
        """Document counts for an array of hashes (0 when unknown)."""
        if not len(self.hashes) or not len(hashes):
            return np.zeros(len(hashes), dtype=np.uint32)
        pos = np.minimum(np.searchsorted(self.hashes, hashes), len(self.hashes) - 1)
        return np.where(self.hashes[pos] == hashes, self.counts[pos], 0).astype(np.uint32)

    def to_bytes(self) -> bytes:
        """The table as `load` reads it: a header, then the hashes, then the counts."""
        header = _HEADER.pack(_MAGIC, self.documents, len(self.hashes))
        return header + self.hashes.astype("<u8").tobytes() + self.counts.astype("<u4").tobytes()

    def save(self, path: str | Path) -> None:
        Path(path).write_bytes(self.to_bytes())

    @classmethod
    def load(cls, path: str | Path) -> LineTable:
        """Read a table written by `save`; `LineTableError` names the file when it cannot."""
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            raise LineTableError(f"{path}: cannot read the line table: {err.strerror or err}") from None
        if len(data) < _HEADER.size:
            raise LineTableError(f"{path}: not a corpuskit line table (too short)")
        magic, documents, entries = _HEADER.unpack_from(data)
        if magic != _MAGIC or len(data) != _HEADER.size + 12 * entries:
            raise LineTableError(f"{path}: not a corpuskit line table (bad header or size)")
        start = _HEADER.size
        hashes = np.frombuffer(data, dtype="<u8", count=entries, offset=start)
        counts = np.frombuffer(data, dtype="<u4", count=entries, offset=start + 8 * entries)
        return cls(hashes.astype(np.uint64), counts.astype(np.uint32), documents)


def count_corpus(paths: Iterable[str | Path], max_bytes: int | None = None) -> LineTable:
    """The first of `build`'s two passes: count the lines of every readable seed (the
    second pass, cleaning, consults the result). Unreadable seeds, and seeds of more than
    `max_bytes`, are left to the second pass, which reports them."""
    counter = LineCounter()
    for hashes in (seed_hashes(path, max_bytes) for path in paths):
        if hashes is not None:
            counter.add_hashes(hashes)
    return counter.table()


def seed_hashes(path: str | Path, max_bytes: int | None = None) -> np.ndarray | None:
    """`document_hashes` of one seed file; None when it cannot be read or decoded, or
    holds more than `max_bytes` (it is not read then)."""
    from corpuskit.decode import DecodeError, decode

    try:
        if max_bytes is not None and Path(path).stat().st_size > max_bytes:
            return None
        return document_hashes(decode(Path(path).read_bytes()).text.splitlines())
    except (OSError, DecodeError):
        return None


def save_table(table: LineTable, path: str | Path) -> None:
    """Write the table whole or not at all (temporary sibling, then rename)."""
    from corpuskit.atomic import atomic_bytes

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_bytes(path, table.to_bytes())


def cached_table(corpus: str | Path) -> tuple[LineTable | None, str | None]:
    """The table saved by the last `build` next to `corpus`, if any, and a warning when
    one is there but cannot be read (cleaning then goes on without it)."""
    path = table_path(corpus)
    if not path.is_file():
        return None, None
    try:
        return LineTable.load(path), None
    except LineTableError as err:
        return None, f"warning: {err}; cleaning without corpus line counts"


def table_path(corpus: str | Path) -> Path:
    """Where the line table of a corpus file lives: next to it, suffix `.lines`.

    >>> table_path("build/corpus.jsonl").as_posix()
    'build/corpus.lines'
    """
    return Path(corpus).with_suffix(TABLE_SUFFIX)


_in_use: LineTable | None = None


def current_table() -> LineTable | None:
    """The table the running command cleans with (set by `use_table`), if any."""
    return _in_use


@contextmanager
def use_table(table: LineTable | None):
    """Clean with `table` inside the block: the engines' workers (forked from this
    process) and the results cache see it too."""
    global _in_use
    previous, _in_use = _in_use, table
    try:
        yield table
    finally:
        _in_use = previous
