"""What a run keeps of every seed in temporary files reads back as it was written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from corpuskit.spill import Records, Spool, Strings


@given(st.lists(st.text()))
def test_strings_read_back_by_row_and_in_order(texts):
    column = Strings()
    for text in texts:
        column.append(text)
    assert list(column) == texts
    assert [column[row] for row in reversed(range(len(texts)))] == texts[::-1]
    column.append("after reading")  # appending after a read goes on at the end
    assert list(column)[-1] == "after reading" and len(column) == len(texts) + 1


@given(st.integers(1, 40).flatmap(lambda size: st.lists(st.binary(min_size=size, max_size=size), min_size=1)))
def test_records_read_back_by_row_and_in_chunks(records):
    stored = Records(len(records[0]))
    for record in records:
        stored.append(record)
    assert [stored[row] for row in range(len(records))] == records
    assert b"".join(stored.chunks()) == b"".join(records)


def test_records_refuse_a_record_of_another_size():
    import pytest

    stored = Records(4)
    with pytest.raises(ValueError, match="3 bytes where 4"):
        stored.append(b"abc")
    with pytest.raises(IndexError):
        stored[0]


@given(st.lists(st.one_of(st.text(), st.integers(), st.dictionaries(st.text(), st.integers()))))
def test_spool_reads_back_in_order_as_often_as_asked(items):
    spool = Spool()
    for item in items:
        spool.append(item)
    assert list(spool) == items and list(spool) == items and len(spool) == len(items)
