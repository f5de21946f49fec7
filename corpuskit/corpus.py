"""Corpus-level checks: unique seed ids, exact and near duplicates between seeds.

`Review` judges a run's seeds one at a time as they come, adding C001–C003 findings;
what it keeps of each seed waits in temporary files (`corpuskit.spill`), so a large
corpus does not fill memory. `build` then writes the run's index beside the corpus
(`<output>` with the suffix `.index.npz`: ids, paths, cleaned-text hashes and MinHash
signatures), and `check` compares the seeds it checks against that index
(`StoredIndex`), so checking one new seed against a large corpus reads one file, not
every seed.

Near duplicates: the cleaned text is lowercased and split into words; every run of five
words is a shingle; 128 hash functions give a MinHash signature whose share of equal
values estimates the Jaccard similarity of two seeds' shingle sets. Within a run, 32
bands of 4 values find candidates (locality-sensitive hashing); against the index, read
from its file a chunk at a time (`StoredIndex`), a signature is compared with every row
(numpy), which stays fast up to hundreds of thousands of seeds.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from corpuskit.project import from_project, project_path, setting_path
from corpuskit.segment import words as segment_words

if TYPE_CHECKING:  # numpy and the models are imported when a seed is compared
    import numpy as np

    from corpuskit.config import Config
    from corpuskit.models import Finding
    from corpuskit.pipeline import CleanResult

INDEX_VERSION = 2  # 2: shingles of words as the rules count them (Chinese, Thai, ...)
SHINGLE = 5
NUM_PERM = 128
SIGNATURE_ROWS = 4096  # shingles hashed at a time: 4 MB of NUM_PERM hashes each
BANDS, ROWS = 32, 4


MINHASH_SEED = 20240107


@cache
def _hashing() -> tuple:
    """The MinHash parameters: a 32-bit mask, the NUM_PERM multipliers and offsets, and
    the shingle weights. The multipliers and offsets were drawn once from
    `numpy.random.default_rng(MINHASH_SEED)` and are read from data/minhash.json (the same
    numbers, without loading numpy.random), so signatures stay comparable across runs."""
    import json

    import numpy as np

    params = json.loads(Path(__file__).with_name("data").joinpath("minhash.json").read_text("utf-8"))
    a = np.array(params["multipliers"], dtype=np.uint64)
    b = np.array(params["offsets"], dtype=np.uint64)
    mult = np.array([pow(1_000_003, k, 2**32) for k in range(SHINGLE)], dtype=np.uint64)
    return np.uint64(0xFFFFFFFF), a, b, mult


def shingles(text: str) -> np.ndarray:
    """32-bit hashes of the text's word 5-grams (lowercased; words in every script, as the
    rules count them); the whole text as one shingle when it has fewer words.

    >>> len(shingles("One two three four five six")), len(shingles("Short text"))
    (2, 1)
    >>> len(shingles("市议会周二晚上召开会议，讨论公共图书馆的新预算。"))  # 12 words: 市议 会周 二晚 ...
    8
    """
    import numpy as np

    mask32, _, _, shingle_mult = _hashing()
    words = segment_words(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    hashes = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    if len(words) < SHINGLE:
        return np.array([zlib.crc32(" ".join(words).encode())], dtype=np.uint64)
    windows = np.lib.stride_tricks.sliding_window_view(hashes, SHINGLE)
    values = np.sort((windows * shingle_mult).sum(axis=1) & mask32)
    distinct = np.empty(len(values), dtype=bool)  # `np.unique`, which would load numpy.ma
    distinct[0] = True
    np.not_equal(values[1:], values[:-1], out=distinct[1:])
    return values[distinct]


def signature(text: str) -> np.ndarray:
    """MinHash signature (NUM_PERM uint32 values) of a text's shingles.

    >>> a = signature("the council met on tuesday to discuss the budget of the town library")
    >>> float(similarity(a, a)), float(similarity(a, signature("a different text about other things")))
    (1.0, 0.0)
    """
    import numpy as np

    _, a, b, _ = _hashing()
    values = shingles(text)
    if values.size == 0:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    lowest = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint64)
    for start in range(0, values.size, SIGNATURE_ROWS):  # a long book has 10**6 shingles
        chunk = values[start : start + SIGNATURE_ROWS]
        hashed = (chunk[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)  # wraps mod 2**64
        np.minimum(lowest, hashed.min(axis=0), out=lowest)
    return lowest.astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float((a == b).mean())


@dataclass(frozen=True)
class Fingerprint:
    """What the corpus checks need of a cleaned text: its hash and MinHash signature."""

    digest: bytes
    signature: np.ndarray


def fingerprint(text: str) -> Fingerprint | None:
    """The fingerprint of a cleaned text; None for an empty one (nothing to compare)."""
    if not text.strip():
        return None
    return Fingerprint(hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest(), signature(text))


class UnreadableIndex(Exception):
    """An index file that cannot be used; the message names the file and why."""


class StoredIndex:
    """An index file read where it lies (`corpuskit.npz`): a row or a chunk of rows at a
    time, so that comparing a few seeds with a corpus of a million does not load it."""

    def __init__(self, arrays: dict):
        self.ids, self.paths = arrays["ids"], arrays["paths"]
        self.hashes, self.signatures = arrays["hashes"], arrays["signatures"]

    @classmethod
    def open(cls, path: Path) -> StoredIndex | None:
        """The index at `path`; None when there is none. Raises `UnreadableIndex` for one
        that cannot be read or was written by another version (`build` writes a new one)."""
        from corpuskit import npz

        if not Path(path).is_file():
            return None
        try:
            arrays = npz.open_arrays(path)
            version = arrays["version"]
            if version.shape != (3,) or version.read().tolist() != [INDEX_VERSION, SHINGLE, NUM_PERM]:
                raise UnreadableIndex(f"{path}: written by another version of corpuskit")
            index = cls(arrays)
        except (OSError, ValueError, KeyError) as exc:
            raise UnreadableIndex(f"{path}: cannot be read ({type(exc).__name__}: {exc})") from exc
        problem = _column_problem(arrays)
        if problem:
            raise UnreadableIndex(f"{path}: {problem}")
        return index

    def __len__(self) -> int:
        return len(self.ids)

    def digest(self, row: int) -> bytes:
        return self.hashes[row].tobytes()

    def id_keys(self) -> np.ndarray:
        """The key (`hash`) of every row's id, in row order."""
        import numpy as np

        return np.fromiter((hash(sid) for _, ids in self.ids.chunks() for sid in ids.tolist()), np.int64)

    def digest_keys(self) -> np.ndarray:
        """The key (`_digest_key`) of every row's text hash, in row order."""
        import numpy as np

        parts = [np.ascontiguousarray(rows[:, :8]).view("<i8").ravel() for _, rows in self.hashes.chunks()]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


DIGEST_SIZE = 32  # sha256
_COLUMNS = {  # name -> (dtype, shape of a row) of the index's columns; "U": strings of any width
    "ids": ("U", ()),
    "paths": ("U", ()),
    "hashes": ("|u1", (DIGEST_SIZE,)),
    "signatures": ("<u4", (NUM_PERM,)),
}


def _column_problem(arrays: dict) -> str | None:
    """What makes the columns of an index file unusable, if anything: a column of another
    type or row shape (written by something else, or damaged), or columns of different
    lengths. Comparing seeds with such rows would fail or find the wrong duplicates.

    >>> import numpy as np
    >>> from types import SimpleNamespace
    >>> def column(dtype, *shape):
    ...     return SimpleNamespace(dtype=np.dtype(dtype), shape=shape)
    >>> good = {"ids": column("<U3", 2), "paths": column("<U9", 2), "hashes": column("u1", 2, 32),
    ...         "signatures": column("<u4", 2, 128)}
    >>> _column_problem(good) is None
    True
    >>> _column_problem(dict(good, hashes=column("u1", 2, 3)))
    'its hashes column holds |u1 values of shape (2, 3), not rows of 32 |u1'
    >>> _column_problem(dict(good, ids=column("<U3", 3)))
    'its columns differ in length'
    """
    lengths = set()
    for name, (dtype, row) in _COLUMNS.items():
        column = arrays[name]
        kind = column.dtype.kind if dtype == "U" else column.dtype.str
        if kind != dtype or len(column.shape) != 1 + len(row) or column.shape[1:] != row:
            wanted = f"rows of {row[0]} {dtype}" if row else "one string a row"
            return f"its {name} column holds {column.dtype.str} values of shape {column.shape}, not {wanted}"
        lengths.add(column.shape[0])
    return "its columns differ in length" if len(lengths) > 1 else None


def _save_index(path: Path, rows: int, ids: tuple, paths: tuple, hashes, signatures) -> None:
    """Write an index of `rows` seeds as the `.npz` file that `StoredIndex` reads
    (what `numpy.savez` writes), from chunks of bytes: `ids` and `paths` are (chunks of
    UTF-32 strings padded to the width, width), `hashes` and `signatures` chunks of their
    rows. Nothing is gathered in memory; the file is written to a temporary sibling and
    renamed into place."""
    import numpy as np

    from corpuskit import npz

    npz.write(
        path,
        {
            "version": ("<i8", (3,), [np.array([INDEX_VERSION, SHINGLE, NUM_PERM], dtype="<i8").tobytes()]),
            "ids": (f"<U{max(1, ids[1])}", (rows,), ids[0]),
            "paths": (f"<U{max(1, paths[1])}", (rows,), paths[0]),
            "hashes": ("|u1", (rows, DIGEST_SIZE), hashes),
            "signatures": ("<u4", (rows, NUM_PERM), signatures),
        },
    )


def _fixed_width(texts: Iterable[str], width: int) -> bytes:
    """Strings as numpy stores an array of them: UTF-32, each padded to `width` characters.

    >>> _fixed_width(["ab", "c"], 2) == "abc\\0".encode("utf-32-le")
    True
    """
    size = 4 * max(1, width)
    return b"".join(text.encode("utf-32-le", "surrogatepass").ljust(size, b"\0") for text in texts)


def index_path(config: Config, output: str | Path | None = None) -> Path:
    """Where the index of a corpus lives: beside it, `corpus.jsonl` -> `corpus.index.npz`."""
    corpus = Path(output or setting_path(config.output))
    return corpus.with_name(corpus.name.split(".")[0] + ".index.npz")


class Review:
    """Corpus checks over a stream of results: each added seed is compared with the seeds
    added before it and with the prior index (minus the entries of `superseded` ids, the
    seeds being checked again).

    What it keeps of each seed (id, path, text hash and signature) goes to temporary
    files (`corpuskit.spill`); memory holds only 64-bit keys that lead to the rows:
    about 40 bytes a seed, plus 32 band keys for each distinct text. The prior stays in
    its file too: memory holds the keys of its rows' ids and text hashes.
    """

    def __init__(self, config: Config, prior: StoredIndex | None = None, superseded: Iterable[str] = ()):
        from corpuskit.rules import selected
        from corpuskit.spill import Records, Strings

        self.config = config
        self.on = {code: selected(code, config.select, config.ignore) for code in ("C001", "C002", "C003")}
        self._ids, self._paths = Strings(), Strings()  # one row per seed judged
        self._prints = Records(DIGEST_SIZE + 4 * NUM_PERM)  # its text's hash and signature
        self._printed = array("b")  # 1 when the row has them (its cleaned text is not empty)
        self._by_id, self._by_path = RowIndex(), RowIndex()
        self._by_digest = RowIndex()  # the first row of each distinct text
        self.buckets = RowIndex()  # those rows by band key, for near-duplicate candidates
        self.prior = prior if prior is not None and len(prior) else None
        if self.prior is not None:
            self._read_prior(superseded)

    def _read_prior(self, superseded: Iterable[str]) -> None:
        """Index the prior's rows by id and by text hash (keys only: the rows stay in its
        file), leaving out the text hashes of the `superseded` ids."""
        import numpy as np

        prior = self.prior
        id_keys = prior.id_keys()
        self._prior_by_id = RowIndex.of(id_keys)
        # by key alone: two ids whose 64-bit hashes collide would leave one more row out
        self.keep = ~np.isin(id_keys, np.fromiter((hash(sid) for sid in superseded), np.int64))
        rows = np.flatnonzero(self.keep)
        self._prior_by_digest = RowIndex.of(prior.digest_keys()[rows], rows)
        # near duplicates are looked for among the kept rows only: a check of the whole
        # corpus against its own last build has none to compare with
        self._any_kept = bool(len(rows))

    def _prior_rows_of(self, sid: str) -> list[int]:
        """The prior's rows whose id is `sid`, in order."""
        return [row for row in sorted(self._prior_by_id.rows([hash(sid)])) if self.prior.ids[row] == sid]

    def prior_fingerprint(self, sid: str, path: str) -> Fingerprint | None:
        """The fingerprint the prior holds for the seed `sid` at `path`, if any."""
        if self.prior is None:
            return None
        path = project_path(path)
        for row in self._prior_rows_of(sid):
            if os.path.normpath(self.prior.paths[row]) == path:
                return Fingerprint(self.prior.digest(row), self.prior.signatures[row])
        return None

    def add(self, result: CleanResult) -> None:
        """Judge one result and add the corpus findings to its report."""
        record = result.record
        prints = fingerprint(record.text) if record is not None else None
        result.report.findings.extend(self.judge(result.report.id, result.report.path, prints))

    def judge(self, sid: str, shown: str, prints: Fingerprint | None) -> list[Finding]:
        """The corpus findings of one seed, given its id, path and text fingerprint
        (computed where the seed was cleaned: a worker, say)."""
        path = project_path(shown)
        findings: list[Finding] = []
        other = self._same_id(sid, path)
        if other and self.on["C001"]:
            findings.append(
                self._finding(
                    "C001", f"seed id {sid!r} is also the id of {other}", "duplicate_id", ["id"], sid, other
                )
            )
        copy_of = self._run_exact(prints.digest) if prints is not None else None
        if prints is not None:
            findings.extend(self._duplicates(prints.digest, prints.signature, copy_of))
        self._remember(sid, path, prints, copy_of is not None)
        return findings

    def save(self, path: Path) -> None:
        """Write the index of the seeds with a fingerprint (`StoredIndex` reads it),
        reading the rows back from their temporary files a chunk at a time."""
        import numpy as np

        printed = np.frombuffer(self._printed, dtype=np.int8).astype(bool)
        widths = [max((len(t) for t, p in zip(column, printed, strict=True) if p), default=0)
                  for column in (self._ids, self._paths)]  # fmt: skip

        def strings(column, width: int):
            batch: list[str] = []
            for text, keep in zip(column, printed, strict=True):
                if keep:
                    batch.append(text)
                if len(batch) == 4096:
                    yield _fixed_width(batch, width)
                    batch = []
            yield _fixed_width(batch, width) if batch else b""

        def parts(start: int, end: int):
            row = 0
            for chunk in self._prints.chunks():
                table = np.frombuffer(chunk, dtype=np.uint8).reshape(-1, self._prints.size)
                yield table[printed[row : row + len(table)], start:end].tobytes()
                row += len(table)

        _save_index(
            path,
            int(printed.sum()),
            (strings(self._ids, widths[0]), widths[0]),
            (strings(self._paths, widths[1]), widths[1]),
            parts(0, DIGEST_SIZE),
            parts(DIGEST_SIZE, self._prints.size),
        )

    def _first(self, index: RowIndex, key: int, column, value) -> int | None:
        """The first row under `key` whose `column` holds `value` (keys may collide)."""
        for row in sorted(index.rows([key])):
            if column(row) == value:
                return row
        return None

    def _same_id(self, sid: str, path: str) -> str | None:
        row = self._first(self._by_id, hash(sid), self._ids.__getitem__, sid)
        known = self._paths[row] if row is not None else None
        if known is not None and known != path:
            return known
        for row in self._prior_rows_of(sid) if self.prior is not None else []:
            other = os.path.normpath(self.prior.paths[row])
            if other != path and not self._judged(other) and os.path.exists(from_project(other)):
                return other
        return None

    def _judged(self, path: str) -> bool:
        """Whether a seed at `path` was judged in this run."""
        return self._first(self._by_path, hash(path), self._paths.__getitem__, path) is not None

    def _duplicates(self, digest: bytes, sig: np.ndarray, copy_of: str | None) -> list[Finding]:
        exact = copy_of or self._prior_exact(digest)
        if exact:
            if not self.on["C002"]:
                return []
            return [
                self._finding("C002", f"same cleaned text as {exact}", "duplicate_text", ["text"], 1.0, exact)
            ]
        if not self.on["C003"]:
            return []
        best, best_path = self._near_in_run(sig), None
        score = best[0] if best else 0.0
        if best:
            best_path = best[1]
        prior = self._near_in_prior(sig)
        if prior and prior[0] > score:
            score, best_path = prior
        if best_path is None:
            return []
        threshold = self.config.near_duplicate_threshold
        return [
            self._finding(
                "C003",
                f"near duplicate of {best_path}: similarity {score:.2f} (threshold {threshold:.2f})",
                "near_duplicate_text",
                ["text"],
                round(score, 3),
                best_path,
            )
        ]

    def _run_exact(self, digest: bytes) -> str | None:
        row = self._first(self._by_digest, _digest_key(digest), self._digest_of, digest)
        return self._paths[row] if row is not None else None

    def _digest_of(self, row: int) -> bytes:
        return self._prints[row][:DIGEST_SIZE]

    def _prior_exact(self, digest: bytes) -> str | None:
        if self.prior is None:
            return None
        for row in sorted(self._prior_by_digest.rows([_digest_key(digest)])):
            if self.prior.digest(row) == digest and os.path.exists(from_project(self.prior.paths[row])):
                return os.path.normpath(self.prior.paths[row])
        return None

    def _near_in_run(self, sig: np.ndarray) -> tuple[float, str] | None:
        candidates = self.buckets.rows(_band_keys(sig))
        best = None
        for row in sorted(candidates):
            score = similarity(sig, _signature_of(self._prints[row]))
            if score >= self.config.near_duplicate_threshold and (best is None or score > best[0]):
                best = (score, self._paths[row])
        return best

    def _near_in_prior(self, sig: np.ndarray) -> tuple[float, str] | None:
        """The closest kept row of the prior at or above the threshold whose seed still
        exists (the first in row order among equals), comparing a chunk of rows at a time."""
        if self.prior is None or not self._any_kept:
            return None
        import numpy as np

        threshold = self.config.near_duplicate_threshold
        found: list[tuple[float, int]] = []
        for start, chunk in self.prior.signatures.chunks():
            scores = (chunk == sig).mean(axis=1)
            close = np.flatnonzero((scores >= threshold) & self.keep[start : start + len(chunk)])
            found += zip((-scores[close]).tolist(), (close + start).tolist(), strict=True)
        for score, row in sorted(found):
            if os.path.exists(from_project(self.prior.paths[row])):
                return -score, os.path.normpath(self.prior.paths[row])
        return None

    def _remember(self, sid: str, path: str, prints: Fingerprint | None, copy: bool) -> None:
        import numpy as np

        row = len(self._ids)
        self._ids.append(sid)
        self._paths.append(path)
        self._by_id.add([hash(sid)], row)
        self._by_path.add([hash(path)], row)
        if prints is None:
            self._prints.append(bytes(self._prints.size))
            self._printed.append(0)
            return
        sig = np.ascontiguousarray(prints.signature, dtype="<u4")
        self._prints.append(prints.digest + sig.tobytes())
        self._printed.append(1)
        if copy:
            return  # an exact copy: the first one stands for it among near-duplicate candidates
        self._by_digest.add([_digest_key(prints.digest)], row)
        self.buckets.add(_band_keys(sig), row)

    def _finding(self, code: str, message: str, type_: str, loc: list, value, other: str) -> Finding:
        from corpuskit.models import Detail, Finding
        from corpuskit.rules import ALL_RULES

        rule = ALL_RULES[code]
        level = self.config.severity.get(code, rule.severity)
        return Finding(
            code=code,
            rule=rule.name,
            category=rule.category,
            severity=level,
            message=message,
            detail=Detail(type=type_, loc=loc, value=value, file=other),
        )


class RowIndex:
    """The rows that hold each 64-bit key, in about 12 bytes a key: the keys of recent
    rows in a dict, older ones in two numpy arrays sorted by key, into which the dict is
    merged once it holds `MERGE_AT` keys (a dict takes some 100 bytes a key, and the band
    keys of 100,000 seeds are 3.2 million).

    >>> index = RowIndex(merge_at=2)
    >>> index.add([11, 12], 0)
    >>> index.add([12, 13], 1)
    >>> sorted(index.rows([12])), sorted(index.rows([13, 14])), sorted(index.rows([11, 13]))
    ([0, 1], [1], [0, 1])
    """

    MERGE_AT = 1 << 14

    def __init__(self, merge_at: int = MERGE_AT):
        import numpy as np

        self._keys = np.zeros(0, dtype=np.int64)
        self._rows = np.zeros(0, dtype=np.int32)
        self._recent: dict[int, list[int]] = {}
        self._merge_at = merge_at

    @classmethod
    def of(cls, keys: np.ndarray, rows: np.ndarray | None = None) -> RowIndex:
        """An index of `keys[i]` held by `rows[i]` (by default, by row `i`), sorted at once.

        >>> import numpy as np
        >>> sorted(RowIndex.of(np.array([7, 5, 7])).rows([7]))
        [0, 2]
        """
        import numpy as np

        index = cls()
        rows = np.arange(len(keys), dtype=np.int32) if rows is None else np.asarray(rows, dtype=np.int32)
        order = np.argsort(keys, kind="stable")
        index._keys, index._rows = np.asarray(keys, dtype=np.int64)[order], rows[order]
        return index

    def add(self, keys: list[int], row: int) -> None:
        for key in keys:
            self._recent.setdefault(key, []).append(row)
        if len(self._recent) >= self._merge_at:
            self._merge()

    def rows(self, keys: list[int]) -> set[int]:
        """The rows that hold any of `keys`."""
        import numpy as np

        found = {row for key in keys for row in self._recent.get(key, ())}
        if len(self._keys):
            wanted = np.array(keys, dtype=np.int64)
            starts = np.searchsorted(self._keys, wanted, side="left")
            ends = np.searchsorted(self._keys, wanted, side="right")
            for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
                found.update(self._rows[start:end].tolist())
        return found

    def _merge(self) -> None:
        """Sort the recent keys and insert them into the arrays (one copy of the arrays,
        where sorting everything again would cost more with every merge)."""
        import numpy as np

        keys = np.array([key for key, rows in self._recent.items() for _ in rows], dtype=np.int64)
        rows = np.array([row for held in self._recent.values() for row in held], dtype=np.int32)
        order = np.argsort(keys, kind="stable")
        keys, rows = keys[order], rows[order]
        at = np.searchsorted(self._keys, keys, side="right")
        self._keys, self._rows = np.insert(self._keys, at, keys), np.insert(self._rows, at, rows)
        self._recent = {}


def _digest_key(digest: bytes) -> int:
    """The 64-bit key a text's hash is found under."""
    return int.from_bytes(digest[:8], "little", signed=True)


def _signature_of(stored: bytes) -> np.ndarray:
    """The signature in a row of `Review`'s stored prints (after the text's hash)."""
    import numpy as np

    return np.frombuffer(stored, dtype="<u4", offset=DIGEST_SIZE)


def _band_keys(sig: np.ndarray) -> list[int]:
    """One key per band of the signature: the hash of the band's number and its `ROWS`
    values. Keys live only in one process's memory, so Python's hash serves; two bands
    that collide only add a candidate, which its similarity then rules out."""
    raw, step = sig.tobytes(), ROWS * sig.itemsize
    return [hash(bytes((band,)) + raw[band * step : (band + 1) * step]) for band in range(BANDS)]


def review(results: list[CleanResult], config: Config) -> Review:
    """Add the corpus findings (C001–C003) to the reports of `results`, in order, and
    return the review (`save` writes its index; `check` compares with the last build's
    index as well: `reviewed`)."""
    checking = Review(config)
    for result in results:
        checking.add(result)
    return checking


def load_index(config: Config) -> tuple[StoredIndex | None, str | None]:
    """The index the last `build` wrote beside the configured corpus, if any, and a
    warning when one is there but cannot be used (the seeds are then compared with each
    other only)."""
    try:
        return StoredIndex.open(index_path(config)), None
    except UnreadableIndex as err:
        return None, (
            f"warning: {err}; the seeds checked are compared with each other only "
            "(`corpuskit build` writes a new index)"
        )


def reviewed(
    reports: Iterable, paths: list, fresh: dict, config: Config, prior: StoredIndex | None = None
) -> Iterator:
    """`check`'s corpus findings: the reports of the seeds at `paths`, each judged as it
    comes (against the ones before it and `prior`, the last build's index) and passed on,
    so a check need not hold them all. Seeds cleaned in this run bring their fingerprint
    (`fresh`, by path: taken out as used), seeds answered from the cache bring the one
    stored with them, others take theirs from the index."""
    if prior is None and len(paths) < 2:
        yield from reports  # one seed and no corpus to compare it with: nothing to find
        return
    # the index's entries for the seeds checked now are their old versions (ids: file stems)
    superseded = (Path(path).stem for path in paths) if prior is not None else ()
    checking = Review(config, prior, superseded=superseded)
    for report in reports:
        if report.path in fresh:
            prints = fresh.pop(report.path)
        elif getattr(report, "prints", None) is not None:  # a cached report brings its own
            prints = report.prints
        else:
            prints = checking.prior_fingerprint(report.id, report.path)
        found = checking.judge(report.id, report.path, prints)
        if found and hasattr(report, "add_findings"):  # a cached report
            report.add_findings(found)
        elif found:
            report.findings.extend(found)
        yield report
