"""Shared by the tests and the doctests of every rule."""

import pytest

BODY = (
    "The council met on Tuesday evening to discuss the new budget, and after a long debate "
    "the members agreed to fund the library for another three years."
)


@pytest.fixture(autouse=True)
def _doctest_body(doctest_namespace):
    """`BODY` in a rule's example stands for a paragraph of article text."""
    doctest_namespace["BODY"] = BODY
