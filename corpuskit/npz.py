"""`.npz` files (what `numpy.savez` writes) written from chunks and read in place.

The corpus index can hold a million rows; neither writing nor reading it should gather
them in memory. `write` streams each array from chunks of bytes; `open_arrays` reads the
arrays of an uncompressed file where they lie, a row or a chunk of rows at a time.

>>> import os, tempfile
>>> import numpy as np
>>> path = os.path.join(tempfile.mkdtemp(), "t.npz")
>>> write(path, {"n": ("<i8", (3,), [np.arange(3, dtype="<i8").tobytes()]),
...              "s": ("<U2", (2,), ["abc".encode("utf-32-le") + bytes(4)])})
>>> arrays = open_arrays(path)
>>> len(arrays["n"]), arrays["n"][2], arrays["s"][0], arrays["s"].read().tolist()
(3, 2, 'ab', ['ab', 'c'])
>>> np.load(path)["s"].tolist()
['ab', 'c']
"""

from __future__ import annotations

import math
import os
import struct
import weakref
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... name length, extra length
CHUNK_BYTES = 1 << 22  # read at a time when going through a whole array


def write(path: str | Path, members: dict[str, tuple[str, tuple, Iterable[bytes]]]) -> None:
    """Write `name -> (dtype, shape, chunks of its bytes in C order)` as an `.npz` file,
    atomically: to a temporary sibling, then renamed into place."""
    import numpy as np

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
            for name, (dtype, shape, chunks) in members.items():
                with archive.open(f"{name}.npy", "w", force_zip64=True) as member:
                    header = {"descr": dtype, "fortran_order": False, "shape": shape}
                    np.lib.format.write_array_header_1_0(member, header)
                    for chunk in chunks:
                        member.write(chunk)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


class StoredArray:
    """One array of an `.npz` file, read from the file as it is asked for: a row
    (`array[i]`: a value for a 1-D array, a row otherwise) or all rows in order, a chunk
    at a time (`chunks()`), or all at once (`read()`)."""

    def __init__(self, file: _File, offset: int, dtype: np.dtype, shape: tuple[int, ...]):
        self._file = file  # shared by the arrays of one archive
        self._offset = offset
        self.dtype = dtype
        self.shape = shape
        self._row_shape = shape[1:]
        self._row_bytes = dtype.itemsize * math.prod(self._row_shape)

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, row: int):
        import numpy as np

        if not 0 <= row < len(self):
            raise IndexError(row)
        data = os.pread(self._file.fileno, self._row_bytes, self._offset + row * self._row_bytes)
        value = np.frombuffer(data, dtype=self.dtype).reshape(self._row_shape)
        return value.item() if not self._row_shape else value

    def chunks(self, rows: int = 0) -> Iterator[tuple[int, np.ndarray]]:
        """(first row, array of the next rows) for every chunk of `rows` rows (default:
        about `CHUNK_BYTES` a chunk)."""
        import numpy as np

        step = rows or max(1, CHUNK_BYTES // max(1, self._row_bytes))
        for start in range(0, len(self), step):
            count = min(step, len(self) - start)
            where = self._offset + start * self._row_bytes
            data = os.pread(self._file.fileno, count * self._row_bytes, where)
            yield start, np.frombuffer(data, dtype=self.dtype).reshape((count, *self._row_shape))

    def read(self) -> np.ndarray:
        """The whole array, in memory."""
        import numpy as np

        parts = [chunk for _, chunk in self.chunks()]
        return np.concatenate(parts) if parts else np.zeros(self.shape, dtype=self.dtype)


def open_arrays(path: str | Path) -> dict[str, StoredArray]:
    """The arrays of the `.npz` file at `path`, by name, read in place. Raises ValueError
    for a file that is not an uncompressed `.npz` (OSError when it cannot be read)."""
    import numpy as np

    file = _File(path)  # one open file: the directory and the arrays are read from it
    handle = file.handle
    try:
        with zipfile.ZipFile(handle) as archive:  # leaves a file it was given open
            members = [info for info in archive.infolist() if info.filename.endswith(".npy")]
    except zipfile.BadZipFile as exc:
        raise ValueError(f"not an .npz file: {exc}") from exc
    arrays = {}
    for info in members:
        if info.compress_type != zipfile.ZIP_STORED:
            raise ValueError(f"{info.filename} is compressed")
        handle.seek(info.header_offset)
        magic, name_length, extra_length = _LOCAL_HEADER.unpack(handle.read(_LOCAL_HEADER.size))
        if magic != b"PK\x03\x04":
            raise ValueError(f"{info.filename}: no local header where the directory says")
        start = info.header_offset + _LOCAL_HEADER.size + name_length + extra_length
        handle.seek(start)
        version = np.lib.format.read_magic(handle)
        if version not in _HEADER_READERS:
            raise ValueError(f"{info.filename}: .npy format {version} is not read here")
        shape, fortran, dtype = getattr(np.lib.format, _HEADER_READERS[version])(handle)
        if fortran or dtype.hasobject:
            raise ValueError(f"{info.filename}: not a plain C-ordered array")
        if handle.tell() - start + dtype.itemsize * math.prod(shape) > info.file_size:
            raise ValueError(f"{info.filename}: shorter than its shape {shape}")
        arrays[info.filename[: -len(".npy")]] = StoredArray(file, handle.tell(), dtype, shape)
    return arrays


_HEADER_READERS = {(1, 0): "read_array_header_1_0", (2, 0): "read_array_header_2_0"}


class _File:
    """A file kept open while an array read from it lives (closed after the last one),
    so a file written over meanwhile (renamed into place) does not change what is read."""

    def __init__(self, path: str | Path):
        self.handle = open(path, "rb")  # noqa: SIM115 - closed by the finalizer below
        self.fileno = self.handle.fileno()
        weakref.finalize(self, self.handle.close)
