"""Words for comparing sentences: folded, without function words or plural s."""

from __future__ import annotations

from collections import Counter

import pytest

from binational.drafting.words import (
    bag,
    content_words,
    cosine,
    cosine_to_rest,
    coverage,
    words,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Commissions met in México.", ["commission", "met", "mexico"]),
        ("La Comisión y los Estados Unidos", ["comision", "estado", "unido"]),
        ("U.S.-Mexico 2023 agreement", ["mexico", "2023", "agreement"]),
        ("a an the of de la", []),
        ("", []),
    ],
)
def test_content_words(text, expected):
    assert content_words(text) == expected


def test_words_keeps_everything_folded():
    assert words("Él y ÉL, ¡sí!") == ["el", "y", "el", "si"]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("commission met", "commission met", 1.0),
        ("commission met", "bank opened", 0.0),
        ("", "bank opened", 0.0),
    ],
)
def test_cosine(a, b, expected):
    assert cosine(bag(a), bag(b)) == pytest.approx(expected)


def test_cosine_of_partial_overlap_is_between():
    value = cosine(Counter({"a": 1, "b": 1}), Counter({"a": 1, "c": 1}))
    assert value == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("words_of", "reference", "expected"),
    [(["a", "b"], {"a", "c"}, 0.5), (["a"], set(), 0.0), ([], {"a"}, 0.0)],
)
def test_coverage(words_of, reference, expected):
    assert coverage(words_of, reference) == expected


@pytest.mark.parametrize(
    "part",
    [Counter({"a": 1}), Counter({"a": 2, "b": 1}), Counter({"c": 1}), Counter({"d": 3}),
     Counter()],
)  # fmt: skip
def test_cosine_to_rest_equals_cosine_with_the_rest(part):
    whole = Counter({"a": 3, "b": 2, "c": 1, "d": 3})
    square = sum(v * v for v in whole.values())
    assert cosine_to_rest(part, whole, square) == pytest.approx(cosine(part, whole - part))
