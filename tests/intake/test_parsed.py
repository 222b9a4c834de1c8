"""The date an imported event keeps when its report gives none."""

from __future__ import annotations

import pytest

from binational.domain import DatePrecision, DateSource, PartialDate, Period
from binational.intake.parsed import ParsedItem


def item(date=None, source=None) -> ParsedItem:
    return ParsedItem(1, "Title", None, date, source, (), ())


@pytest.mark.parametrize(
    ("period", "date", "source", "stored", "stored_source"),
    [
        ("2022Q4", None, None, "2022Q4", DateSource.INFERRED),
        ("2022-06..2022-10", None, None, "2022Q2", DateSource.INFERRED),
        ("2023", PartialDate.month(2023, 5), DateSource.SECTION, "2023-05", DateSource.SECTION),
        ("2023", PartialDate.day(2023, 5, 2), None, "2023-05-02", DateSource.STATED),
    ],
)
def test_stored_date(period, date, source, stored, stored_source):
    value, kept_source = item(date, source).stored_date(Period.parse(period))
    assert (value.iso(), kept_source) == (stored, stored_source)
    if date is None:
        assert value.precision is DatePrecision.QUARTER
