"""py3langid's model, loaded fast: its LZMA-compressed file takes about half a second to
unpack in every new process, so the unpacked arrays are kept once in the user's cache
folder (`corpuskit.usercache`) and memory-mapped from there afterwards.

The copy is keyed by the model file's size and time and py3langid's version; it is
written atomically, and any problem (no write access, another layout of the model) falls
back to py3langid's own loader, so the result is the same identifier either way.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from corpuskit.usercache import cache_folder

_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _model_file() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    path = Path(MODEL_FILE)
    return path if path.is_absolute() else Path(MODEL_DIR) / path


def _copy_folder(model: Path) -> Path:
    import py3langid

    version = getattr(py3langid, "__version__", "unknown")
    stat = model.stat()
    return cache_folder() / f"langid-{version}-{stat.st_size}-{stat.st_mtime_ns}"


def _unpack(model: Path, folder: Path) -> None:
    """Write the model's arrays as .npy files into `folder`, atomically."""
    import lzma

    import numpy as np

    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".langid-", dir=folder.parent))
    try:
        with tempfile.TemporaryFile(dir=tmp) as unpacked:
            with lzma.open(model) as source:
                shutil.copyfileobj(source, unpacked, length=1 << 20)
            unpacked.seek(0)
            with np.load(unpacked, allow_pickle=False) as data:
                if set(_ARRAYS) - set(data.files):
                    raise ValueError("unexpected model layout")
                for name in _ARRAYS:
                    np.save(tmp / f"{name}.npy", data[name], allow_pickle=False)
        os.replace(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _from_copy(folder: Path):
    import numpy as np
    from py3langid.modelio import _to_array

    from corpuskit.langid_walk import WalkingIdentifier

    arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS}
    rows = _int_view(arrays["nextmove_row"], _to_array)
    identifier = WalkingIdentifier(
        np.asarray(arrays["ptc"]),
        np.asarray(arrays["pc"]),
        arrays["classes"].tolist(),
        _int_view(arrays["nextmove"], _to_array),
        np.asarray(arrays["out_feat"]),
        norm_probs=True,
        tk_row=(),  # set below: py3langid shifts the row offsets one by one in Python
    )
    identifier.tk_row = rows
    identifier._rowbase = np.asarray(rows, dtype=np.int64) << 8
    return identifier


def _int_view(mapped, copy):
    """The unsigned integers of a memory-mapped array as a `memoryview` of Python ints:
    indexed like py3langid's own `array` copy, but only the pages the tokenizer visits
    are read (the state table is 40 MB). `copy` (py3langid's converter) when the array
    cannot be viewed so."""
    import numpy as np

    view = memoryview(mapped)
    if view.ndim == 1 and view.c_contiguous and view.format in ("H", "I", "L"):
        return view
    return copy(np.asarray(mapped))


def load_identifier():
    """py3langid's identifier (normalized probabilities), from the unpacked copy when
    possible."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from py3langid.langid import MODEL_FILE

    from corpuskit.langid_walk import WalkingIdentifier

    try:
        model = _model_file()
        folder = _copy_folder(model)
        if not folder.is_dir():
            _unpack(model, folder)
        return _from_copy(folder)
    except Exception:  # any surprise: py3langid's own, slower, loader
        return WalkingIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
