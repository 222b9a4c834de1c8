import datetime as dt

import pytest

from binational.domain import DatePrecision, PartialDate, Quarter, month_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2023Q2", Quarter(2023, 2)), ("2023-q4", Quarter(2023, 4)), (" 1999Q1 ", Quarter(1999, 1))],
)
def test_quarter_parse(text, expected):
    assert Quarter.parse(text) == expected


@pytest.mark.parametrize("text", ["2023Q5", "Q2", "2023", "", "2023Q0"])
def test_quarter_parse_refuses(text):
    with pytest.raises(ValueError, match="quarter"):
        Quarter.parse(text)


def test_quarter_bounds_and_label():
    quarter = Quarter(2024, 1)
    assert quarter.start == dt.date(2024, 1, 1)
    assert quarter.end == dt.date(2024, 3, 31)
    assert quarter.label == "January-March 2024"
    assert Quarter(2023, 2).label == "April-June 2023"
    assert str(Quarter.containing(dt.date(2023, 12, 31))) == "2023Q4"


@pytest.mark.parametrize(
    ("text", "precision", "value", "display"),
    [
        ("2023-05-12", DatePrecision.DAY, dt.date(2023, 5, 12), "May 12, 2023"),
        ("2023-05", DatePrecision.MONTH, dt.date(2023, 5, 1), "May 2023"),
        ("2023Q2", DatePrecision.QUARTER, dt.date(2023, 4, 1), "Q2 2023"),
    ],
)
def test_partial_date_round_trip(text, precision, value, display):
    date = PartialDate.parse(text)
    assert (date.precision, date.value, date.iso(), date.display()) == (
        precision, value, text, display,
    )  # fmt: skip


@pytest.mark.parametrize("text", ["2023-13", "2023-02-30", "May 2023", "yesterday"])
def test_partial_date_refuses(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_month_precision_sorts_before_days_of_that_month():
    assert PartialDate.month(2023, 5) < PartialDate.day(2023, 5, 2)
    assert PartialDate(dt.date(2023, 5, 17), DatePrecision.MONTH).value == dt.date(2023, 5, 1)


@pytest.mark.parametrize(
    ("name", "number"),
    [("April", 4), ("APRIL", 4), ("abril", 4), ("Sept.", 9), ("septiembre", 9), ("Dic", 12),
     ("Mayo", 5), ("nonsense", None), ("", None)],
)  # fmt: skip
def test_month_number(name, number):
    assert month_number(name) == number
