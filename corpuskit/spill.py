"""What a run keeps of every seed, kept in temporary files instead of memory.

A corpus of a million seeds would hold a million paths, hashes and signatures in memory
until the run ends; these containers write them to an unnamed temporary file (gone when
closed, or when the process ends) and keep only a few bytes a row in memory, so a run's
memory does not grow with the corpus.

- `Records`: fixed-size records, read back by row;
- `Strings`: strings, read back by row (8 bytes a row in memory: where each one starts);
- `Spool`: any picklable items, read back in order.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import weakref
from array import array
from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")
_CHUNK = 1 << 20  # bytes read at a time when reading everything back


def _scratch(owner: object):
    """An unnamed temporary file, closed (and so deleted) when its `owner` is collected,
    or when the process ends."""
    file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the finalizer below
    weakref.finalize(owner, file.close)
    return file


class Records:
    """Records of `size` bytes each, appended and read back by row.

    >>> records = Records(2)
    >>> records.append(b"ab"); records.extend(b"cdef")
    >>> len(records), records[1], b"".join(records.chunks())
    (3, b'cd', b'abcdef')
    """

    def __init__(self, size: int):
        self.size = size
        self._file = _scratch(self)
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def append(self, record: bytes) -> None:
        if len(record) != self.size:
            raise ValueError(f"a record of {len(record)} bytes where {self.size} are expected")
        self._file.write(record)
        self._count += 1

    def extend(self, records: bytes) -> None:
        """Append many records at once, given end to end."""
        if len(records) % self.size:
            raise ValueError(f"{len(records)} bytes are not whole records of {self.size}")
        self._file.write(records)
        self._count += len(records) // self.size

    def __getitem__(self, row: int) -> bytes:
        if not 0 <= row < self._count:
            raise IndexError(row)
        self._file.flush()
        return os.pread(self._file.fileno(), self.size, row * self.size)

    def chunks(self) -> Iterator[bytes]:
        """Every record in order, as chunks of whole records."""
        self._file.flush()
        step = max(1, _CHUNK // self.size) * self.size
        end = self._count * self.size
        for start in range(0, end, step):
            yield os.pread(self._file.fileno(), min(step, end - start), start)


class Strings:
    """Strings appended and read back by row, in order or one at a time.

    >>> column = Strings()
    >>> column.append("seeds/a.txt"); column.append("seeds/é.txt")
    >>> len(column), column[1], list(column)
    (2, 'seeds/é.txt', ['seeds/a.txt', 'seeds/é.txt'])
    """

    def __init__(self):
        self._file = _scratch(self)
        self._ends = array("q")

    def __len__(self) -> int:
        return len(self._ends)

    def append(self, text: str) -> None:
        data = text.encode("utf-8", "surrogatepass")
        self._file.write(data)
        self._ends.append((self._ends[-1] if self._ends else 0) + len(data))

    def __getitem__(self, row: int) -> str:
        start = self._ends[row - 1] if row > 0 else 0
        self._file.flush()
        data = os.pread(self._file.fileno(), self._ends[row] - start, start)
        return data.decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        self._file.flush()
        self._file.seek(0)
        start = 0
        for end in self._ends:
            yield self._file.read(end - start).decode("utf-8", "surrogatepass")
            start = end
        self._file.seek(0, os.SEEK_END)


class Spool(Generic[T]):
    """Items appended, then read back in order (as often as wanted).

    >>> spool = Spool()
    >>> spool.append({"a": 1}); spool.append("two")
    >>> len(spool), list(spool), list(spool)
    (2, [{'a': 1}, 'two'], [{'a': 1}, 'two'])
    """

    def __init__(self):
        self._file = _scratch(self)
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def append(self, item: T) -> None:
        pickle.dump(item, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._count += 1

    def __iter__(self) -> Iterator[T]:
        self._file.flush()
        self._file.seek(0)
        for _ in range(self._count):
            yield pickle.load(self._file)
        self._file.seek(0, os.SEEK_END)
