"""Corpus-level checks: unique seed ids, exact and near duplicates between seeds.

`review(results, config, prior)` adds C001–C003 findings to the reports of a run; the
commands call it once. `build` then writes the run's `CorpusIndex` beside the corpus
(`<output>` with the suffix `.index.npz`: ids, paths, cleaned-text hashes and MinHash
signatures), and `check` compares the seeds it checks against that index, so checking
one new seed against a large corpus reads one file, not every seed.

Near duplicates: the cleaned text is lowercased and split into words; every run of five
words is a shingle; 128 hash functions give a MinHash signature whose share of equal
values estimates the Jaccard similarity of two seeds' shingle sets. Within a run, 32
bands of 4 values find candidates (locality-sensitive hashing); against the index every
signature is compared at once (numpy), which stays fast up to hundreds of thousands of
seeds.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from corpuskit.segment import words as segment_words

if TYPE_CHECKING:  # numpy and the models are imported when a seed is compared
    import numpy as np

    from corpuskit.config import Config
    from corpuskit.models import Finding
    from corpuskit.pipeline import CleanResult

INDEX_VERSION = 2  # 2: shingles of words as the rules count them (Chinese, Thai, ...)
SHINGLE = 5
NUM_PERM = 128
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
    hashed = (values[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)  # wraps mod 2**64
    return hashed.min(axis=0).astype(np.uint32)


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


def _no_signatures() -> np.ndarray:
    import numpy as np

    return np.zeros((0, NUM_PERM), dtype=np.uint32)


@dataclass
class CorpusIndex:
    """What `check` needs to know about the corpus without reading it: one row a seed."""

    ids: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    hashes: list[bytes] = field(default_factory=list)  # sha256 of the cleaned text
    signatures: np.ndarray = field(default_factory=lambda: _no_signatures())

    def __len__(self) -> int:
        return len(self.ids)

    def fingerprints(self) -> dict[tuple[str, str], Fingerprint]:
        """Each seed's fingerprint, by (id, normalized path)."""
        return {
            (sid, os.path.normpath(path)): Fingerprint(digest, self.signatures[row])
            for row, (sid, path, digest) in enumerate(zip(self.ids, self.paths, self.hashes, strict=True))
        }

    def save(self, path: Path) -> None:
        """Write atomically (a temporary sibling, then a rename)."""
        import numpy as np

        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with tmp.open("wb") as handle:
                np.savez(
                    handle,
                    version=np.array([INDEX_VERSION, SHINGLE, NUM_PERM]),
                    ids=np.array(self.ids, dtype=str),
                    paths=np.array(self.paths, dtype=str),
                    hashes=np.frombuffer(b"".join(self.hashes), dtype=np.uint8).reshape(-1, 32),
                    signatures=self.signatures,
                )
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)

    @classmethod
    def load(cls, path: Path) -> CorpusIndex | None:
        """The index at `path`; None when there is none or it was written by another
        version (it is then ignored: `build` writes a new one)."""
        if not path.is_file():
            return None
        import numpy as np

        try:
            with np.load(path, allow_pickle=False) as data:
                if data["version"].tolist() != [INDEX_VERSION, SHINGLE, NUM_PERM]:
                    return None
                return cls(
                    ids=data["ids"].tolist(),
                    paths=data["paths"].tolist(),
                    hashes=[row.tobytes() for row in data["hashes"]],
                    signatures=data["signatures"],
                )
        except (OSError, ValueError, KeyError):
            return None


def index_path(config: Config, output: str | Path | None = None) -> Path:
    """Where the index of a corpus lives: beside it, `corpus.jsonl` -> `corpus.index.npz`."""
    corpus = Path(output or config.output)
    return corpus.with_name(corpus.name.split(".")[0] + ".index.npz")


class Review:
    """Corpus checks over a stream of results: each added seed is compared with the seeds
    added before it and with the prior index (minus the entries of `superseded` ids, the
    seeds being checked again)."""

    def __init__(self, config: Config, prior: CorpusIndex | None = None, superseded: Iterable[str] = ()):
        from corpuskit.rules import selected

        self.config = config
        self.on = {code: selected(code, config.select, config.ignore) for code in ("C001", "C002", "C003")}
        self.run = CorpusIndex()
        self.by_id: dict[str, str] = {}
        self.by_hash: dict[bytes, str] = {}
        self.buckets = BandIndex()  # rows of this run by band key, for near-duplicate candidates
        self.prior = prior if prior is not None and len(prior) else None
        self.prior_ids: dict[str, list[int]] = {}
        self.prior_hashes: dict[bytes, list[int]] = {}
        if self.prior is not None:
            import numpy as np

            skip = set(superseded)
            self.keep = np.array([i not in skip for i in self.prior.ids], dtype=bool)
            for row, (sid, digest) in enumerate(zip(self.prior.ids, self.prior.hashes, strict=True)):
                self.prior_ids.setdefault(sid, []).append(row)
                if self.keep[row]:
                    self.prior_hashes.setdefault(digest, []).append(row)

    def add(self, result: CleanResult) -> None:
        """Judge one result and add the corpus findings to its report."""
        record = result.record
        prints = fingerprint(record.text) if record is not None else None
        result.report.findings.extend(self.judge(result.report.id, result.report.path, prints))

    def judge(self, sid: str, shown: str, prints: Fingerprint | None) -> list[Finding]:
        """The corpus findings of one seed, given its id, path and text fingerprint
        (computed where the seed was cleaned: a worker, say)."""
        path = os.path.normpath(shown)
        findings: list[Finding] = []
        other = self._same_id(sid, path)
        if other and self.on["C001"]:
            findings.append(
                self._finding(
                    "C001", f"seed id {sid!r} is also the id of {other}", "duplicate_id", ["id"], sid, other
                )
            )
        self.by_id.setdefault(sid, path)
        if prints is not None:
            findings.extend(self._duplicates(prints.digest, prints.signature))
            self._remember(sid, path, prints.digest, prints.signature)
        return findings

    def index(self) -> CorpusIndex:
        if getattr(self, "_sigs", None):
            import numpy as np

            self.run.signatures = np.vstack(self._sigs)
        else:
            self.run.signatures = _no_signatures()
        return self.run

    def _same_id(self, sid: str, path: str) -> str | None:
        known = self.by_id.get(sid)
        if known is not None and known != path:
            return known
        for row in self.prior_ids.get(sid, []) if self.prior is not None else []:
            other = os.path.normpath(self.prior.paths[row])
            if other != path and other not in self.by_id.values() and Path(other).exists():
                return other
        return None

    def _duplicates(self, digest: bytes, sig: np.ndarray) -> list[Finding]:
        exact = self.by_hash.get(digest) or self._prior_exact(digest)
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

    def _prior_exact(self, digest: bytes) -> str | None:
        for row in self.prior_hashes.get(digest, []):
            if Path(self.prior.paths[row]).exists():
                return os.path.normpath(self.prior.paths[row])
        return None

    def _near_in_run(self, sig: np.ndarray) -> tuple[float, str] | None:
        candidates = self.buckets.rows(_band_keys(sig))
        best = None
        for row in sorted(candidates):
            score = similarity(sig, self._sigs[row])
            if score >= self.config.near_duplicate_threshold and (best is None or score > best[0]):
                best = (score, self.run.paths[row])
        return best

    def _near_in_prior(self, sig: np.ndarray) -> tuple[float, str] | None:
        if self.prior is None:
            return None
        import numpy as np

        scores = (self.prior.signatures == sig).mean(axis=1)
        scores[~self.keep] = 0.0
        for row in np.argsort(-scores, kind="stable"):
            if scores[row] < self.config.near_duplicate_threshold:
                return None
            if Path(self.prior.paths[row]).exists():
                return float(scores[row]), os.path.normpath(self.prior.paths[row])
        return None

    def _remember(self, sid: str, path: str, digest: bytes, sig: np.ndarray) -> None:
        row = len(self.run.ids)
        self.run.ids.append(sid)
        self.run.paths.append(path)
        self.run.hashes.append(digest)
        if not hasattr(self, "_sigs"):
            self._sigs: list[np.ndarray] = []
        self._sigs.append(sig)
        if digest in self.by_hash:
            return  # an exact copy: the first one stands for it among near-duplicate candidates
        self.by_hash[digest] = path
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


class BandIndex:
    """The rows that hold each band key, in about 12 bytes per key: the keys of recent rows
    in a dict, older ones in two numpy arrays sorted by key, into which the dict is merged
    once it holds `MERGE_AT` keys (a dict takes some 100 bytes a key, and a corpus of
    100,000 seeds has 3.2 million).

    >>> index = BandIndex(merge_at=2)
    >>> index.add([11, 12], 0)
    >>> index.add([12, 13], 1)
    >>> sorted(index.rows([12])), sorted(index.rows([13, 14])), sorted(index.rows([11, 13]))
    ([0, 1], [1], [0, 1])
    """

    MERGE_AT = 1 << 16

    def __init__(self, merge_at: int = MERGE_AT):
        import numpy as np

        self._keys = np.zeros(0, dtype=np.int64)
        self._rows = np.zeros(0, dtype=np.int32)
        self._recent: dict[int, list[int]] = {}
        self._merge_at = merge_at

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
        import numpy as np

        keys = [key for key, rows in self._recent.items() for _ in rows]
        rows = [row for held in self._recent.values() for row in held]
        merged_keys = np.concatenate([self._keys, np.array(keys, dtype=np.int64)])
        merged_rows = np.concatenate([self._rows, np.array(rows, dtype=np.int32)])
        order = np.argsort(merged_keys, kind="stable")
        self._keys, self._rows, self._recent = merged_keys[order], merged_rows[order], {}


def _band_keys(sig: np.ndarray) -> list[int]:
    """One key per band of the signature: the hash of the band's number and its `ROWS`
    values. Keys live only in one process's memory, so Python's hash serves; two bands
    that collide only add a candidate, which its similarity then rules out."""
    raw, step = sig.tobytes(), ROWS * sig.itemsize
    return [hash(bytes((band,)) + raw[band * step : (band + 1) * step]) for band in range(BANDS)]


def review(results: list[CleanResult], config: Config, prior: CorpusIndex | None = None) -> CorpusIndex:
    """Add the corpus findings (C001–C003) to the reports of `results`, in order, and
    return the index of this run. With `prior` (the last build's index), seeds are also
    compared with the corpus it describes; its entries for the seeds checked now are
    ignored (they are these seeds' earlier versions)."""
    checking = Review(config, prior, superseded={r.report.id for r in results})
    for result in results:
        checking.add(result)
    return checking.index()


def load_index(config: Config) -> CorpusIndex | None:
    """The index the last `build` wrote beside the configured corpus, if any."""
    return CorpusIndex.load(index_path(config))


def review_reports(reports: list, fresh: dict[str, Fingerprint | None], config: Config) -> None:
    """`check`'s corpus findings: each report is compared with the ones before it and with
    the last build's index. Seeds cleaned in this run bring their fingerprint (`fresh`, by
    path), seeds answered from the cache bring the one stored with them, others take
    theirs from the index."""
    prior = load_index(config)
    if prior is None and len(reports) < 2:
        return  # one seed and no corpus to compare it with: nothing to find
    known = prior.fingerprints() if prior is not None else {}
    checking = Review(config, prior, superseded={r.id for r in reports})
    for report in reports:
        if report.path in fresh:
            prints = fresh[report.path]
        elif getattr(report, "prints", None) is not None:  # a cached report brings its own
            prints = report.prints
        else:
            prints = known.get((report.id, os.path.normpath(report.path)))
        found = checking.judge(report.id, report.path, prints)
        if found and hasattr(report, "add_findings"):  # a cached report
            report.add_findings(found)
        elif found:
            report.findings.extend(found)
