"""Normalization folds case, accents and punctuation and maps spans back exactly."""

from __future__ import annotations

import pytest

from binational.registry.normalize import normalize_term, normalize_text, term_keys


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
