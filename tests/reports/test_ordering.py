"""Which events a report holds and in what order (reports/ordering.py)."""

import datetime as dt

import pytest

from binational.domain import DatePrecision, PartialDate
from binational.reports.ordering import order_lines, report_numbers
from binational.store.reports import ReportLine


def line(event_id, date, position=None, excluded=False, precision=DatePrecision.DAY):
    return ReportLine(
        event_id=event_id, title=f"Event {event_id}",
        date=PartialDate(dt.date.fromisoformat(date), precision), url=None, link_text=None,
        summary="One.\nTwo.", implications="Three.", truncated=False,
        position=position, excluded=excluded,
    )  # fmt: skip


def ids(lines):
    return [entry.event_id for entry in lines]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # no positions: by date, months in order
        ([line(1, "2023-05-02"), line(2, "2023-04-20"), line(3, "2023-04-03")], [3, 2, 1]),
        # placed lines keep their order even when dates disagree (sample item 11)
        (
            [line(9, "2023-05-02", 9), line(10, "2023-05-09", 10),
             line(11, "2023-05-01", 11, precision=DatePrecision.MONTH), line(12, "2023-05-12", 12)],
            [9, 10, 11, 12],
        ),
        # a new, unplaced line is merged in by date
        ([line(1, "2023-04-02", 1), line(2, "2023-04-20", 2), line(3, "2023-04-10")], [1, 3, 2]),
        ([line(1, "2023-04-02", 1), line(3, "2023-04-30")], [1, 3]),
        # excluded lines are left out
        ([line(1, "2023-04-02", 1, excluded=True), line(2, "2023-04-20", 2)], [2]),
        ([], []),
    ],
)  # fmt: skip
def test_order_lines(lines, expected):
    assert ids(order_lines(lines)) == expected


def test_numbers_run_across_months():
    lines = [line(7, "2023-06-01"), line(5, "2023-04-01"), line(6, "2023-05-01")]
    assert report_numbers(lines) == {5: 1, 6: 2, 7: 3}
