"""Dates and numbers in English and Spanish, as atoms comparable across languages."""

from __future__ import annotations

import pytest

from binational.drafting.quantities import atoms_in, find_quantities


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("On April 13, 2023 they met", [("April 13, 2023", "date", {"md:04-13", "y:2023"})]),
        ("On April 13 they met", [("April 13", "date", {"md:04-13"})]),
        ("on January 9-10", [("January 9-10", "date", {"md:01-09", "md:01-10"})]),
        ("13 April 2023", [("13 April 2023", "date", {"md:04-13", "y:2023"})]),
        ("el 13 de abril de 2023", [("13 de abril de 2023", "date", {"md:04-13", "y:2023"})]),
        ("el 9 y 10 de enero", [("9 y 10 de enero", "date", {"md:01-09", "md:01-10"})]),
        ("in January 2023", [("January 2023", "date", {"mon:01", "y:2023"})]),
        ("en mayo de 2023", [("mayo de 2023", "date", {"mon:05", "y:2023"})]),
        ("in May", [("May", "date", {"mon:05"})]),
        ("they may meet in march", []),
        ("2023-04-13", [("2023-04-13", "date", {"md:04-13", "y:2023"})]),
        ("on Wednesday", [("Wednesday", "weekday", {"wd:3"})]),
        ("el miércoles", [("miércoles", "weekday", {"wd:3"})]),
        ("today", [("today", "relative", set())]),
        ("since 2015", [("2015", "year", {"y:2015"})]),
        ("100,000 people", [("100,000", "number", {"n:100000"})]),
        ("100.000 personas", [("100.000", "number", {"n:100000"})]),
        ("a 60-day surge", [("60", "number", {"n:60"})]),
        ("the 7th meeting", [("7", "number", {"n:7"})]),
        ("1.5 percent", [("1.5", "number", {"n:1.5"})]),
        ("1,5 por ciento", [("1,5", "number", {"n:1.5"})]),
        ("Title 42", [("42", "number", {"n:42"})]),
        ("no numbers here", []),
    ],
)
def test_find_quantities(text, found):
    quantities = find_quantities(text)
    assert [(q.text, q.kind, set(q.atoms)) for q in quantities] == found
    for quantity in quantities:
        assert text[quantity.start : quantity.end] == quantity.text


def test_spanish_date_supports_the_english_one():
    english = find_quantities("April 13")[0]
    assert english.atoms <= atoms_in("se reunieron el 13 de abril")


def test_a_day_supports_its_month_and_number_words_support_digits():
    atoms = atoms_in("They met on April 13 for the seventh time, with siete ministros.")
    assert {"md:04-13", "mon:04", "n:7"} <= atoms
    assert "y:2023" not in atoms  # a day without a year says nothing of the year
