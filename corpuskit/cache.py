"""The results cache: a seed is cleaned again only when it, its sidecar, corpuskit or the
config changed.

Each entry is keyed by the seed's path, the sha256 of its bytes and of its sidecars'
bytes, and a salt made of the corpuskit version (with a fingerprint of its own source
and lexicon files, and the versions of the libraries that shape the output) and the hash
of the settings that change findings. A seed's hash is remembered with its size and
modification time, so an unchanged file is not even read again (one modified within two
seconds of its hashing is hashed again next time, as its time alone cannot tell). An
entry holds the findings, the lines `check` prints for them, and the full record and
report (what `build` needs), each compressed: a report takes several times the bytes of
its seed. Beside the entries, `build`'s first pass keeps each seed's line hashes by the
hash of its bytes (`corpuskit.line_pass`). Entries live in one
SQLite file under `cache-dir` (default `.corpuskit_cache/` beside pyproject.toml;
`CORPUSKIT_CACHE_DIR` overrides it); entries unused for 30 days are dropped.
`--no-cache` bypasses it, `corpuskit clean-cache` deletes it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import sys
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from corpuskit import __version__
from corpuskit.budget import max_seed_bytes
from corpuskit.discover import SIDECAR_SUFFIXES, sidecar_names
from corpuskit.project import ConfigError, find_pyproject
from corpuskit.snapshot import json_values

if TYPE_CHECKING:
    from corpuskit.config import Config

SCHEMA = 5
KEEP_SECONDS = 30 * 24 * 3600
_TOUCH_AFTER = 24 * 3600
_BATCH = 500  # keys or paths a query asks about
_RACY_NS = 2_000_000_000  # a file written this close to its hashing is hashed again next time
# the libraries whose output ends up in a report, by import name
_LIBRARIES = ("ftfy", "py3langid", "dateparser", "charset_normalizer", "bs4", "pydantic")


GITIGNORE = "# made by corpuskit\n*\n"  # the first line marks a folder as the cache
_DATABASE_FILE = re.compile(r"v\d+\.sqlite3(-wal|-shm|-journal)?")  # the cache's database, any schema


def cache_dir(config: Config, start: Path | None = None) -> Path:
    """Where the cache lives: `CORPUSKIT_CACHE_DIR`, else `cache-dir` relative to the
    folder of the nearest pyproject.toml (or the current folder). Never the project's
    folder or one above it, however spelled (an absolute path, a link): its `.gitignore`
    would hide the project from git."""
    override = os.environ.get("CORPUSKIT_CACHE_DIR")
    start = (start or Path.cwd()).resolve()
    pyproject = find_pyproject(start)
    root = pyproject.parent if pyproject else start
    folder = Path(override) if override else root / config.cache_dir
    if root.is_relative_to(folder.resolve()):
        where = "CORPUSKIT_CACHE_DIR" if override else f"{pyproject or 'settings'}: cache-dir"
        raise ConfigError(
            f"{where} {folder}: is the project's folder or one above it; give a folder of its own"
        )
    return folder


def code_fingerprint() -> str:
    """corpuskit's version, the size and time of each of its source and lexicon files,
    and the size and time of the main file of each library whose output ends up in a
    report (installing another version rewrites it; looked up without importing the
    library or `importlib.metadata`)."""
    package = Path(__file__).resolve().parent
    parts = [__version__]
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".txt") and "__pycache__" not in path.parts:
            stat = path.stat()
            parts.append(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    for name in _LIBRARIES:
        parts.append(f"{name}:{_library_stamp(name)}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _library_stamp(name: str) -> str:
    """`size:mtime` of an installed library's main file, or "none"."""
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
        stat = os.stat(spec.origin) if spec is not None and spec.origin else None
    except (ImportError, ValueError, OSError):
        stat = None
    return f"{stat.st_size}:{stat.st_mtime_ns}" if stat else "none"


def config_fingerprint(config: Config) -> str:
    """Hash of every setting that can change a seed's findings, record or report (the same
    for a `Config` and the `corpuskit.snapshot.Settings` read back for it)."""
    excluded = {"paths", "include", "exclude", "output", "reports", "cache_dir"}
    values = {name: value for name, value in json_values(config).items() if name not in excluded}
    payload = json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def _drop_older_schemas(folder: Path) -> None:
    """Delete the cache files of older schemas (no version of corpuskit that reads
    this one reads them)."""
    for old in range(1, SCHEMA):
        for path in folder.glob(f"v{old}.sqlite3*"):
            with contextlib.suppress(OSError):
                path.unlink()


class Cache:
    """One SQLite file of entries; every method is safe to call when the file is
    missing, unreadable or locked (the cache then simply misses)."""

    def __init__(self, folder: Path, config: Config):
        self.folder = folder
        lines = sys.modules.get("corpuskit.linefreq")  # not loaded: no line table in use
        table = lines.current_table() if lines is not None else None
        self.code = code_fingerprint()
        salt = f"{self.code}\n{config_fingerprint(config)}\n{table.digest() if table else ''}"
        self.salt = hashlib.sha256(salt.encode()).hexdigest()
        self._db: sqlite3.Connection | None = None
        self.hits = self.misses = 0
        self._sidecars_in: dict[str, frozenset[str]] = {}  # folder -> names of the sidecars in it
        self.max_bytes = max_seed_bytes(config)  # a larger seed has no key: the runner reports it

    def key(self, path: str, raw_sha256: str) -> str:
        """An entry's key: the salt, the seed's path and hash, and its sidecars' contents."""
        sidecars = self._sidecars_digest(path)
        return hashlib.sha256(f"{self.salt}\n{path}\n{raw_sha256}\n{sidecars}".encode()).hexdigest()

    def _sidecars_digest(self, path: str) -> str:
        """The hash of the names and bytes of a seed's sidecars ("" when it has none); each
        folder is listed once per run."""
        folder, name = os.path.split(path)
        present = self._sidecars_in.get(folder)
        if present is None:
            try:
                present = frozenset(n for n in os.listdir(folder or ".") if n.endswith(SIDECAR_SUFFIXES))
            except OSError:
                present = frozenset()
            self._sidecars_in[folder] = present
        found = [n for n in sidecar_names(name) if n in present] if present else []
        if not found:
            return ""
        digest = hashlib.sha256()
        for sidecar in found:
            try:
                content = Path(folder, sidecar).read_bytes()
            except OSError as err:
                content = f"unreadable: {err.strerror}".encode()
            digest.update(f"{sidecar}\n{len(content)}\n".encode() + content)
        return digest.hexdigest()

    def _connect(self, create: bool) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        file = self.file
        if not create and not file.exists():
            return None
        try:
            if create:
                self.folder.mkdir(parents=True, exist_ok=True)
                if not _is_cache(self.folder) and any(self.folder.iterdir()):
                    return None  # a folder of other files: never hide them from git, nor mix in
                gitignore = self.folder / ".gitignore"
                if not gitignore.exists():
                    gitignore.write_text(GITIGNORE, encoding="utf-8")
                if not file.exists():
                    _drop_older_schemas(self.folder)
            db = sqlite3.connect(file, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            # small columns first and the largest, most rarely read last: SQLite reaches a
            # column through the overflow pages of the large ones before it
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, stamp INTEGER, id TEXT, "
                "path TEXT, encoding TEXT, tally TEXT, prints BLOB, text TEXT, concise TEXT, "
                "findings BLOB, result BLOB)"
            )
            db.execute("CREATE INDEX IF NOT EXISTS entries_by_stamp ON entries (stamp)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS hashes (path TEXT PRIMARY KEY, size INTEGER, "
                "mtime INTEGER, sha TEXT, seen INTEGER)"
            )
            db.execute("CREATE TABLE IF NOT EXISTS lines (key TEXT PRIMARY KEY, stamp INTEGER, hashes BLOB)")
        except (sqlite3.Error, OSError):
            return None
        self._db = db
        return db

    @property
    def file(self) -> Path:
        return self.folder / f"v{SCHEMA}.sqlite3"

    def lookup(self, keys: list[str], full: bool, render: str | None = None) -> dict[str, tuple]:
        """Entries by key: (id, path, encoding, findings JSON, text, concise, tally JSON,
        result), the findings, the lines and the result compressed (`_compressed`). Only
        what is asked for is read, the rest is None: the result when `full`, else the
        lines rendered in the `render` style ("text", "concise"; none for "tally"), else
        (no `render`) the findings."""
        db = self._connect(create=False)
        found: dict[str, tuple] = {}
        if db is None or not keys:
            return found
        wanted = {
            "findings": not full and render is None,
            "text": not full and render == "text",
            "concise": not full and render == "concise",
            "result": full,
        }
        findings, text, concise, column = (name if on else "NULL" for name, on in wanted.items())
        now = int(time.time())
        stale: list[str] = []
        try:
            for first in range(0, len(keys), _BATCH):
                chunk = keys[first : first + _BATCH]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT key, id, path, encoding, {findings}, {text}, {concise}, tally, {column}, "
                    "prints, stamp "
                    "FROM entries "
                    f"WHERE key IN ({marks})",
                    chunk,
                )
                for key, *entry, stamp in rows:
                    found[key] = tuple(entry)
                    if now - stamp > _TOUCH_AFTER:
                        stale.append(key)
            if stale:
                db.execute("BEGIN")
                db.executemany("UPDATE entries SET stamp = ? WHERE key = ?", [(now, k) for k in stale])
                db.execute("COMMIT")
        except sqlite3.Error:
            return {}
        return found

    def known_hashes(self, names: list[str]) -> dict[str, tuple[int, int, str, int]]:
        """path -> (size, mtime ns, sha256, when it was hashed in ns), as last recorded,
        for the paths in `names` that have a record."""
        db = self._connect(create=False)
        if db is None or not names:
            return {}
        marks = ",".join("?" * len(names))
        try:
            query = f"SELECT path, size, mtime, sha, seen FROM hashes WHERE path IN ({marks})"
            return {row[0]: row[1:] for row in db.execute(query, names)}
        except sqlite3.Error:
            return {}

    def present(self, keys: list[str | None]) -> bytearray:
        """1 for each key that has an entry, 0 for the others (and for None), in order;
        the entries themselves are read later, a batch at a time (`lookup`)."""
        found = bytearray(len(keys))
        db = self._connect(create=False)
        if db is None:
            return found
        try:
            for first in range(0, len(keys), _BATCH):
                chunk = [key for key in keys[first : first + _BATCH] if key is not None]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT key FROM entries WHERE key IN ({marks})"
                held = {row[0] for row in db.execute(query, chunk)}
                for offset, key in enumerate(keys[first : first + _BATCH]):
                    found[first + offset] = key in held
        except sqlite3.Error:
            return bytearray(len(keys))
        return found

    def store_hashes(self, rows: list[tuple[str, int, int, str, int]]) -> None:
        db = self._connect(create=True) if rows else None
        if db is None:
            return
        try:
            db.execute("BEGIN")
            db.executemany("INSERT OR REPLACE INTO hashes VALUES (?, ?, ?, ?, ?)", rows)
            db.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")

    def store(self, rows: list[tuple]) -> None:
        """Write rows made by `make_entry`."""
        if not rows:
            return
        db = self._connect(create=True)
        if db is None:
            return
        now = int(time.time())
        try:
            db.execute("BEGIN")
            db.executemany(
                "INSERT OR REPLACE INTO entries (key, id, path, encoding, findings, text, concise, "
                "tally, result, prints, stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(*row, now) for row in rows],
            )
            db.execute("DELETE FROM entries WHERE stamp < ?", (now - KEEP_SECONDS,))
            db.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")

    def lines_key(self, sha: str) -> str:
        """The key of a seed's line hashes (build's first pass): the hash of its bytes and
        corpuskit's code; no setting changes how lines are counted."""
        return hashlib.sha256(f"{self.code}\nlines\n{sha}".encode()).hexdigest()

    def read_lines(self, keys: list[str]) -> dict[str, bytes]:
        """The stored line hashes of `keys` (at most `_BATCH` of them), by key. A damaged
        row (not whole 64-bit hashes) is left out: a miss, so the seed is read again and
        its row written over."""
        db = self._connect(create=False)
        if db is None or not keys:
            return {}
        query = f"SELECT key, hashes FROM lines WHERE key IN ({','.join('?' * len(keys))})"
        try:
            rows = db.execute(query, keys).fetchall()
        except sqlite3.Error:
            return {}
        return {key: value for key, value in rows if isinstance(value, bytes) and len(value) % 8 == 0}

    def store_lines(self, rows: list[tuple[str, bytes]]) -> None:
        """Write (key, line hashes) rows; rows older than 30 days are dropped (an unchanged
        seed is then read once more)."""
        db = self._connect(create=True) if rows else None
        if db is None:
            return
        now = int(time.time())
        try:
            db.execute("BEGIN")
            db.executemany("INSERT OR REPLACE INTO lines VALUES (?, ?, ?)", [(k, now, h) for k, h in rows])
            db.execute("DELETE FROM lines WHERE stamp < ?", (now - KEEP_SECONDS,))
            db.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def make_entry(key: str, result, prints=None, record_json: str | None = None) -> tuple:
    """The row of one result (`prints`, `record_json`: its fingerprint and serialized
    record, when already made)."""
    from corpuskit.corpus import fingerprint
    from corpuskit.reporters.text import render_concise, render_text, tally

    report = result.report
    findings = _FINDINGS().dump_json(report.findings).decode()
    record_json = result.record.model_dump_json() if record_json is None else record_json
    document = '{"record":' + record_json + ',"report":' + report.model_dump_json() + "}"
    return (
        key,
        report.id,
        report.path,
        report.decoding.encoding,
        _compressed(findings),
        _compressed(render_text(report.path, report.findings)),
        _compressed(render_concise(report.path, report.findings)),
        json.dumps(tally(report.findings)),
        _compressed(document),
        _pack(fingerprint(result.record.text) if prints is None else prints),
    )


def _compressed(text: str) -> bytes:
    """A stored text: UTF-8, compressed (fast: zlib level 1).

    >>> _decompressed(_compressed("Photo: AP")) == "Photo: AP"
    True
    """
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def _decompressed(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8", "surrogatepass")


def _pack(prints) -> bytes | None:
    return None if prints is None else prints.digest + prints.signature.tobytes()


def stored_prints(entry: tuple):
    """The fingerprint stored with an entry (None for a seed without a record): what
    `build` writes to the corpus index, without computing it again."""
    return _unpack(entry[-1])


def _unpack(blob: bytes | None):
    """The fingerprint stored with an entry (for the corpus checks of `check`)."""
    if blob is None:
        return None
    import numpy as np

    from corpuskit.corpus import Fingerprint

    return Fingerprint(blob[:32], np.frombuffer(blob[32:], dtype=np.uint32))


def _FINDINGS():
    from corpuskit.models import Finding, adapter

    return adapter(list[Finding])


class CachedReport:
    """A report read back from the cache for `check`: the id, path and findings of a
    `FileReport` (the findings parsed only when something reads them), its lines already
    rendered for the text formats (`rendered`) and its counts (`tally`)."""

    __slots__ = (
        "_added", "_blob", "_findings", "_prints", "_source", "encoding", "id", "path", "rendered", "tally"
    )  # fmt: skip

    def __init__(
        self,
        sid: str,
        path: str,
        encoding: str,
        blob: bytes | None,
        text: bytes | None,
        concise: bytes | None,
        counts: str,
        prints: bytes | None = None,
        source: tuple[Path, str] | None = None,
    ):
        self.id, self.path, self.encoding, self._blob = sid, path, encoding, blob
        lines = (("text", text), ("concise", concise))
        self.rendered = {style: _decompressed(packed) for style, packed in lines if packed is not None}
        self.tally = json.loads(counts)
        self._prints = prints  # unpacked (numpy) only when the corpus checks compare seeds
        self._findings = None
        self._added: list = []  # findings added since (corpus checks), before parsing
        self._source = source  # (cache file, key), to read the findings when not loaded

    @property
    def prints(self):
        """The text fingerprint stored with the entry (`corpuskit.corpus.Fingerprint`)."""
        return _unpack(self._prints)

    @property
    def findings(self) -> list:
        if self._findings is None:
            if self._blob is None and self._source is not None:
                file, key = self._source
                with contextlib.closing(sqlite3.connect(file)) as db:
                    row = db.execute("SELECT findings FROM entries WHERE key = ?", (key,)).fetchone()
                self._blob = row[0] if row else None
            listed = _decompressed(self._blob) if self._blob else "[]"
            self._findings = _FINDINGS().validate_json(listed) + self._added
            self._added = []
        return self._findings

    def add_findings(self, found: list) -> None:
        """Add findings (the corpus checks') after the stored ones: to the rendered lines
        and the counts at once, to the findings when they are parsed, so a corpus with
        many duplicates is printed without parsing every report."""
        from corpuskit.reporters.text import render_concise, render_text

        for style, render in (("text", render_text), ("concise", render_concise)):
            if style in self.rendered:
                self.rendered[style] += render(self.path, found)
        for finding in found:  # the counts of `corpuskit.reporters.text.tally`
            self.tally[finding.severity.value] += 1
            if finding.fix:
                self.tally[finding.fix] += 1
        (self._added if self._findings is None else self._findings).extend(found)

    @property
    def decoding(self):
        from corpuskit.models import Decoding

        return Decoding(encoding=self.encoding)


class CachedResult(NamedTuple):
    """A result answered from the cache for `check` (the record is not read): like a
    `CleanResult`, without importing the pipeline."""

    record: None
    report: CachedReport


def result_of_entry(entry: tuple, full: bool, source: tuple[Path, str]):
    sid, path, encoding, findings, text, concise, counts, result, prints = entry
    if full:
        from corpuskit.models import FileReport, SeedRecord
        from corpuskit.pipeline import CleanResult

        document = json.loads(_decompressed(result))
        return CleanResult(
            SeedRecord.model_validate(document["record"]), FileReport.model_validate(document["report"])
        )
    report = CachedReport(sid, path, encoding, findings, text, concise, counts, prints, source)
    return CachedResult(None, report)


def seed_keys(paths: list, config: Config) -> tuple[Cache, list[str | None]]:
    """The cache, and the key of every seed in order (None when it cannot be read); a
    seed is hashed again only when changed (`seed_shas`), `_BATCH` paths at a time, so
    memory does not grow with the corpus."""
    cache = Cache(cache_dir(config), config)
    keys: list[str | None] = []
    for first in range(0, len(paths), _BATCH):
        names = [str(path) for path in paths[first : first + _BATCH]]
        shas = seed_shas(cache, names)
        keys += [None if sha is None else cache.key(name, sha) for name, sha in zip(names, shas, strict=True)]
    return cache, keys


def seed_shas(cache: Cache, names: list[str]) -> list[str | None]:
    """The sha256 of each seed's bytes (None when it cannot be read, or is larger than
    `max-seed-size`): as recorded when the file has the size and time it had then, else
    read and recorded anew."""
    known = cache.known_hashes(names)
    hashed: list[tuple[str, int, int, str, int]] = []
    shas: list[str | None] = []
    now = time.time_ns()
    for name in names:
        try:
            stat = os.stat(name)
            size, mtime = stat.st_size, stat.st_mtime_ns
            if cache.max_bytes is not None and size > cache.max_bytes:
                shas.append(None)
                continue
            memo = known.get(name)
            if memo and memo[:2] == (size, mtime) and mtime < memo[3] - _RACY_NS:
                sha = memo[2]  # same size and time as when hashed, and not written just then
            else:
                sha = _sha256_of(name)
                hashed.append((name, size, mtime, sha, now))
        except OSError:
            shas.append(None)  # the runner reports it
            continue
        shas.append(sha)
    cache.store_hashes(hashed)
    return shas


def _sha256_of(name: str) -> str:
    """The sha256 of a file's bytes, read a megabyte at a time."""
    digest = hashlib.sha256()
    with open(name, "rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def clean(config: Config) -> tuple[Path, list[str]] | None:
    """Delete the files of the cache and then its folder, when it holds nothing else;
    returns the folder and the names of the other files it holds (kept), or None when
    there is no cache. Only what corpuskit writes there goes (its `.gitignore` and its
    database files): a `cache-dir` that names a folder of other files costs none of them."""
    folder = cache_dir(config)
    if not _is_cache(folder):
        return None
    for name in os.listdir(folder):
        if name == ".gitignore" or _DATABASE_FILE.fullmatch(name):
            (folder / name).unlink(missing_ok=True)
    others = sorted(entry.name for entry in folder.iterdir())
    if not others and not folder.is_symlink():  # a link to the folder is the user's: it stays
        folder.rmdir()
    return folder, others


def _is_cache(folder: Path) -> bool:
    """Whether `folder` holds a cache corpuskit made: its `.gitignore` says so, or it holds
    nothing but corpuskit's database files."""
    try:
        with open(folder / ".gitignore", encoding="utf-8") as handle:
            if handle.readline() == GITIGNORE.splitlines(keepends=True)[0]:
                return True
        return False
    except FileNotFoundError:
        try:
            names = os.listdir(folder)
        except OSError:
            return False
        return bool(names) and all(_DATABASE_FILE.fullmatch(name) for name in names)
    except (OSError, UnicodeDecodeError):
        return False
