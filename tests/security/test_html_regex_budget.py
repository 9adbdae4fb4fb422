"""The allow-list and the attribute tokenizer run in linear time: 100 KB of hostile input, well
under a second."""

from __future__ import annotations

import time

import pytest

from sphinx_comparisons.hugo import safeurl
from sphinx_comparisons.hugo.headings import _attributes

SIZE = 100_000


@pytest.mark.parametrize(
    "text",
    [
        "a" * SIZE,
        "a" * SIZE + ":",
        " \t" * (SIZE // 2) + "javascript:x",
        "&#58;" * (SIZE // 5),
        "\x01" * SIZE + "x",
    ],
)
def test_allow_list_is_linear(text):
    start = time.perf_counter()
    safeurl.refusal(text)
    safeurl.check(text)
    safeurl.safe_id(text)
    assert time.perf_counter() - start < 1


@pytest.mark.parametrize(
    "text",
    [
        "#a " * (SIZE // 3),
        "a" * SIZE,
        "a=" * (SIZE // 2),
        "k='" + "a" * SIZE,
        "#" + "a" * SIZE + "'",
        " " * SIZE + "x",
    ],
)
def test_attribute_tokens_are_linear(text):
    start = time.perf_counter()
    _attributes(text)
    assert time.perf_counter() - start < 1
