import datetime as dt

import pytest

from binational.domain import DatePrecision, PartialDate, Period, Quarter, month_number


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


@pytest.mark.parametrize(
    ("text", "canonical", "kind", "start", "end", "label"),
    [
        ("2023Q2", "2023Q2", "quarter", dt.date(2023, 4, 1), dt.date(2023, 6, 30),
         "April-June 2023"),
        ("2023-q4", "2023Q4", "quarter", dt.date(2023, 10, 1), dt.date(2023, 12, 31),
         "October-December 2023"),
        ("2023", "2023", "year", dt.date(2023, 1, 1), dt.date(2023, 12, 31), "2023"),
        ("2023-05", "2023-05", "month", dt.date(2023, 5, 1), dt.date(2023, 5, 31), "May 2023"),
        ("2024-2", "2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "February 2024"),
        ("2022-06..2022-10", "2022-06..2022-10", "range", dt.date(2022, 6, 1),
         dt.date(2022, 10, 31), "June-October 2022"),
        ("2022-11..2023-02", "2022-11..2023-02", "range", dt.date(2022, 11, 1),
         dt.date(2023, 2, 28), "November 2022-February 2023"),
        # A range that is exactly a quarter, a year or a month is that period.
        ("2023-04..2023-06", "2023Q2", "quarter", dt.date(2023, 4, 1), dt.date(2023, 6, 30),
         "April-June 2023"),
        ("2023-01..2023-12", "2023", "year", dt.date(2023, 1, 1), dt.date(2023, 12, 31), "2023"),
        ("2023-05..2023-05", "2023-05", "month", dt.date(2023, 5, 1), dt.date(2023, 5, 31),
         "May 2023"),
        (" 2023Q1 ", "2023Q1", "quarter", dt.date(2023, 1, 1), dt.date(2023, 3, 31),
         "January-March 2023"),
    ],
)  # fmt: skip
def test_period_parse(text, canonical, kind, start, end, label):
    period = Period.parse(text)
    assert (str(period), period.kind.value, period.start, period.end, period.label) == (
        canonical, kind, start, end, label,
    )  # fmt: skip
    assert Period.parse(str(period)) == period


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("0000Q1", "years run"),
        ("2023Q5", "quarters run"),
        ("2023Q0", "quarters run"),
        ("2023-13", "months run"),
        ("2023-00", "months run"),
        ("9999", "years run"),
        ("2023-06..2023-01", "cannot come before"),
        ("", "is not a period"),
        ("Q2 2023", "is not a period"),
        ("2023-05-01", "is not a period"),
        ("spring", "is not a period"),
        ("2023..2024", "is not a period"),
    ],
)
def test_period_refuses_with_one_sentence_naming_the_forms(text, reason):
    with pytest.raises(ValueError) as caught:
        Period.parse(text)
    message = str(caught.value)
    assert reason in message
    assert "2023Q2" in message and "2022-06..2022-10" in message
    assert "\n" not in message


def test_period_months_quarters_and_shift():
    period = Period.parse("2022-11..2023-02")
    assert period.months() == [(2022, 11), (2022, 12), (2023, 1), (2023, 2)]
    assert [str(q) for q in period.quarters()] == ["2022Q4", "2023Q1"]
    assert period.month_count == 4
    assert str(Period.parse("2023Q1").shifted(-1)) == "2022Q4"
    assert str(Period.parse("2023").shifted(-2)) == "2021"
    assert str(Period.parse("2023-01").shifted(-1)) == "2022-12"
    assert str(period.shifted(1)) == "2023-03..2023-06"
    assert Period.parse("2023Q2").quarter == Quarter(2023, 2)
    assert Period.parse("2023").quarter is None
    assert Period.parse("2023Q2").contains(dt.date(2023, 6, 30))
    assert not Period.parse("2023Q2").contains(dt.date(2023, 7, 1))


# Forms a person types that the tables above leave out: spaces, one-digit months, the
# edges of the years a period may name, and halves of a range.


@pytest.mark.parametrize(
    ("text", "canonical"),
    [("2023 Q2", "2023Q2"), ("2023 - q2", "2023Q2"), ("2022-6..2022-10", "2022-06..2022-10"),
     ("2022-06 .. 2022-10", "2022-06..2022-10"), ("2023-1..2023-3", "2023Q1"),
     ("2022-12..2023-11", "2022-12..2023-11"), ("1800-01", "1800-01"), ("2999", "2999")],
)  # fmt: skip
def test_period_parse_more_forms(text, canonical):
    assert str(Period.parse(text)) == canonical


@pytest.mark.parametrize(
    ("text", "reason"),
    [("2023-5..", "is not a period"), ("..2023-05", "is not a period"),
     ("2023-05..2023-13", "months run"), ("1799", "years run"), ("3000-01", "years run"),
     ("2023Q2..2023Q3", "is not a period"), ("2023-005", "is not a period"),
     ("2023-05..2023", "is not a period")],
)  # fmt: skip
def test_period_refuses_more_forms(text, reason):
    with pytest.raises(ValueError, match=reason):
        Period.parse(text)


@pytest.mark.parametrize("year", [1, 999, 1000, 2023, 9999])
@pytest.mark.parametrize("precision", list(DatePrecision))
def test_partial_dates_of_any_year_read_back_as_written(year, precision):
    """``iso`` writes four-digit years, which is what ``parse`` reads."""
    date = PartialDate(dt.date(year, 5, 1), precision)
    assert PartialDate.parse(date.iso()) == date


@pytest.mark.parametrize("year", [1, 999, 1000, 2023])
def test_quarters_of_any_year_read_back_as_written(year):
    assert Quarter.parse(str(Quarter(year, 2))) == Quarter(year, 2)
