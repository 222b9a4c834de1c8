"""Normalization folds case, accents and punctuation and maps spans back exactly."""

from __future__ import annotations

import random

import pytest

from binational.registry.normalize import fold, normalize_term, normalize_text, term_keys


@pytest.mark.parametrize(
    ("term", "key"),
    [
        ("Diálogo Económico de Alto Nivel", "dialogo economico de alto nivel"),
        ("T-MEC", "t mec"),
        ("U.S.-Mexico", "u s mexico"),
        ("North American Leaders’ Summit", "north american leaders summit"),
        ("  Comisión   Internacional\nde Límites ", "comision internacional de limites"),
        ("ÇÑÜ", "cnu"),
    ],
)
def test_normalize_term(term: str, key: str) -> None:
    assert normalize_term(term) == key


@pytest.mark.parametrize(
    ("term", "inflect", "expected_keys"),
    [
        ("U.S.-Mexico High-Level Economic Dialogue", True, {
            "u s mexico high level economic dialogue", "us mexico high level economic dialogue",
            "high level economic dialogue", "high level economic dialogues",
        }),
        ("Diálogo Consular México-Estados Unidos", False, {
            "dialogo consular mexico estados unidos", "dialogo consular",
        }),
        ("The White House", False, {"the white house", "white house"}),
        ("Interparliamentary Meetings", True, {"interparliamentary meeting"}),
        ("HLED", False, {"hled"}),
    ],
)  # fmt: skip
def test_term_keys_cover_spelling_and_inflection(
    term: str, inflect: bool, expected_keys: set[str]
) -> None:
    assert expected_keys <= set(term_keys(term, inflect))


def test_a_country_pair_alone_is_never_a_key() -> None:
    assert "mexico" not in set(term_keys("Mexico-U.S. Dialogue", inflect=True))
    assert "dialogue" not in set(term_keys("Mexico-U.S. Dialogue", inflect=True))


@pytest.mark.parametrize(
    "text",
    [
        "The U.S.-Mexico  High-Level   Economic Dialogue (HLED) met.",
        "  Diálogo\n\n Económico — de Alto Nivel (DEAN); la SRE…",
        "no collapsing needed here",
        "",
    ],
)
def test_every_word_maps_back_to_the_same_word_in_the_original(text: str) -> None:
    normalized = normalize_text(text)
    assert normalized.text.startswith(" ") and normalized.text.endswith(" ")
    assert "  " not in normalized.text.strip()
    index = 1
    for word in normalized.text.split():
        index = normalized.text.index(word, index)
        start, end = normalized.original_span(index, index + len(word))
        assert normalize_term(text[start:end]) == word
        index += len(word)


def test_normalized_text_keeps_one_character_per_letter() -> None:
    text = "Límites y Aguas"
    normalized = normalize_text(text)
    assert normalized.text == " limites y aguas "
    assert normalized.original_span(1, 8) == (0, 7)


def _reference_positions(text: str) -> list[int]:
    """Position in ``text`` of each character of its normalized form, worked out one
    character at a time: a letter is itself, a space the last space of its run, and
    the padding spaces stand just outside the text."""
    folded = fold(text)
    positions = [-1]  # the leading padding space
    for index, byte in enumerate(folded):
        if byte == 32 and index > 0 and folded[index - 1] == 32:
            positions[-1] = index  # a longer run: its space moves on to this one
        else:
            positions.append(index)
    return [*positions, len(folded)]  # the trailing padding space


@pytest.mark.parametrize("seed", range(6))
def test_spans_map_back_in_any_order(seed: int) -> None:
    rng = random.Random(seed)
    pieces = [*"ab é.-,  \n\t(", "HLED", "U.S.-Mexico", "—", "  ", "…", "Ñandú", "🙂", "x y"]
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 300)))
    normalized = normalize_text(text)
    expected = _reference_positions(text)
    assert len(expected) == len(normalized.text)
    spans = [(i, j) for i in range(len(expected)) for j in range(i + 1, min(i + 6, len(expected)))]
    rng.shuffle(spans)  # forward and backward walks both
    locate = normalized.locator()
    for start, end in spans:
        assert locate(start, end) == (expected[start], expected[end - 1] + 1)


@pytest.mark.parametrize("count", [3, 500])  # mapped span by span, and all at once
def test_original_bounds_agree_with_original_span(count: int) -> None:
    rng = random.Random(count)
    pieces = ["Límites", "y", "Aguas", "(CILA)", "  ", "\n\n", "—", ",", "U.S.", "é", " ", "“x”"]
    text = " ".join(rng.choice(pieces) for _ in range(400))
    normalized = normalize_text(text)
    size = len(normalized.text)
    starts = [rng.randrange(size - 1) for _ in range(count)]
    ends = [rng.randrange(start + 1, min(size, start + 40) + 1) for start in starts]
    expected = [normalized.original_span(s, e) for s, e in zip(starts, ends, strict=True)]
    bounds = normalized.original_bounds(starts, ends)
    assert list(zip(*bounds, strict=True)) == expected
