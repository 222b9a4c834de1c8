"""An event's number in its quarter's report, for lists of events (the CLI's
``events`` and the JSON API)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from binational.domain import Period, Quarter
from binational.reports.ordering import report_numbers
from binational.store.reports import load_report_lines


def report_numbers_for(session: Session, quarters: set[Quarter]) -> dict[int, int]:
    """event id -> its number in its quarter's report, for the given quarters."""
    numbers: dict[int, int] = {}
    for quarter in quarters:
        numbers.update(report_numbers(load_report_lines(session, Period.of_quarter(quarter))))
    return numbers
