"""`.npz` files written from chunks and read in place give back what numpy writes and reads."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from corpuskit import npz

TABLES = st.integers(0, 5).flatmap(  # 1-D (width 0) or 2-D arrays of 0 to 30 rows
    lambda width: arrays(
        np.uint32, st.tuples(st.integers(0, 30), st.just(width)) if width else st.integers(0, 30)
    )
)


@settings(max_examples=40)
@given(TABLES, st.lists(st.text(st.characters(codec="utf-8"), max_size=6), max_size=20), st.integers(1, 7))
def test_reads_in_place_what_numpy_savez_writes(tmp_path_factory, table, texts, chunk_rows):
    path = tmp_path_factory.mktemp("npz") / "a.npz"
    np.savez(path, table=table, texts=np.array(texts, dtype=str))
    stored = npz.open_arrays(path)
    assert np.array_equal(stored["table"].read(), table) and stored["table"].read().dtype == table.dtype
    with np.load(path) as by_numpy:  # numpy's fixed-width strings drop trailing NULs: as numpy reads
        assert [stored["texts"][row] for row in range(len(texts))] == by_numpy["texts"].tolist()
    for row in range(len(table)):
        assert np.array_equal(np.asarray(stored["table"][row]), table[row])
    chunks = list(stored["table"].chunks(chunk_rows))
    assert [start for start, _ in chunks] == list(range(0, len(table), chunk_rows))
    if len(table):
        assert np.array_equal(np.concatenate([chunk for _, chunk in chunks]), table)


@given(st.lists(st.binary(min_size=8, max_size=8), max_size=30), st.integers(1, 5))
def test_written_from_chunks_numpy_reads_the_same(tmp_path_factory, rows, per_chunk):
    data = b"".join(rows)
    chunks = [data[i : i + 8 * per_chunk] for i in range(0, len(data), 8 * per_chunk)]
    path = tmp_path_factory.mktemp("npz") / "b.npz"
    npz.write(path, {"keys": ("<i8", (len(rows),), chunks)})
    with np.load(path) as loaded:
        assert loaded["keys"].tobytes() == data
    assert npz.open_arrays(path)["keys"].read().tobytes() == data
    assert [p.name for p in path.parent.iterdir()] == ["b.npz"]  # no temporary file left


def test_what_is_not_read_in_place_is_refused(tmp_path):
    compressed = tmp_path / "c.npz"
    np.savez_compressed(compressed, a=np.arange(3))
    with pytest.raises(ValueError, match="compressed"):
        npz.open_arrays(compressed)
    short = tmp_path / "s.npz"
    npz.write(short, {"a": ("<i8", (4,), [bytes(16)])})  # two rows where the header says four
    with pytest.raises(ValueError, match="shorter"):
        npz.open_arrays(short)
    garbage = tmp_path / "g.npz"
    garbage.write_bytes(b"not a zip file")
    with pytest.raises(ValueError, match=r"not an \.npz"):
        npz.open_arrays(garbage)


def test_an_array_reads_its_file_as_it_was_opened(tmp_path):
    """A file renamed over the one opened (a new build's index) does not change what is read."""
    path = tmp_path / "i.npz"
    np.savez(path, a=np.arange(4))
    stored = npz.open_arrays(path)["a"]
    np.savez(tmp_path / "new.npz", a=np.arange(10, 14))
    (tmp_path / "new.npz").replace(path)
    assert stored[3] == 3 and stored.read().tolist() == [0, 1, 2, 3]
