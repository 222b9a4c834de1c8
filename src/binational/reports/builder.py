"""The report builder: a period's items in report order, excluding, including and
moving them, kept as the report's placements (``ReportItem.position`` and
``excluded``; the ``Report`` row is created on the first change). Items only move
within their month, since the report groups items by month (``ordering``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from binational.config import Settings
from binational.domain import Period, Quarter
from binational.errors import UserError
from binational.reports.ordering import month_key, moved, order_lines
from binational.store.models import Report
from binational.store.reports import (
    ReportLine,
    ensure_report,
    find_report,
    load_report_lines,
    reportable_months,
    saved_periods,
    set_item_excluded,
    set_positions,
)


def builder_view(session: Session, period: Period) -> dict[str, Any]:
    """What the builder shows: the included items numbered in order (with whether
    each can move up or down) and the excluded ones."""
    lines = load_report_lines(session, period)
    ordered = order_lines(lines)
    items = []
    for index, line in enumerate(ordered):
        month = month_key(line)
        items.append(
            {
                "number": index + 1, "event_id": line.event_id, "title": line.title,
                "date": line.date.iso(), "month": line.date.value.month,
                "section": f"{month[0]:04d}-{month[1]:02d}",
                "can_move_up": index > 0 and month_key(ordered[index - 1]) == month,
                "can_move_down": index + 1 < len(ordered)
                and month_key(ordered[index + 1]) == month,
            }
        )  # fmt: skip
    excluded = sorted(
        (line for line in lines if line.excluded), key=lambda line: (line.date.value, line.event_id)
    )
    return {
        "period": str(period),
        "label": period.label,
        "years": period.first[0] != period.last[0],  # month headings then name the year
        "saved": find_report(session, period) is not None,
        "items": items,
        "excluded": [
            {"event_id": line.event_id, "title": line.title, "date": line.date.iso()}
            for line in excluded
        ],
    }


def _report(session: Session, period: Period, settings: Settings) -> Report:
    return ensure_report(
        session, period, f"{settings.report_title} | {period.label}", settings.report_intro
    )


def _lines_with(session: Session, period: Period, event_id: int) -> list[ReportLine]:
    lines = load_report_lines(session, period)
    if event_id not in {line.event_id for line in lines}:
        raise UserError(f"event {event_id} is not reviewed or published in {period}")
    return lines


def set_excluded(
    session: Session, period: Period, event_id: int, excluded: bool, author: str,
    settings: Settings,
) -> None:  # fmt: skip
    _lines_with(session, period, event_id)
    set_item_excluded(session, _report(session, period, settings), event_id, excluded, author)


def move_item(
    session: Session, period: Period, event_id: int, delta: int, author: str,
    settings: Settings,
) -> None:  # fmt: skip
    """Move an included item one place up or down within its month; every included
    item gets its place written, so the order no longer depends on dates."""
    ordered = order_lines(_lines_with(session, period, event_id))
    old = [line.event_id for line in ordered]
    new = moved(ordered, event_id, delta)
    set_positions(
        session, _report(session, period, settings), new, event_id,
        old.index(event_id) + 1, new.index(event_id) + 1, author,
    )  # fmt: skip


def report_periods(session: Session) -> list[dict[str, Any]]:
    """Quarters that have reviewed or published events, and the other periods that
    have a saved report (a year, a month range), newest first, with their counts and
    whether a report is saved for each."""
    months = reportable_months(session)
    counts: dict[Period, int] = {}
    for year, month, events in months:
        quarter = Period.of_quarter(Quarter(year, (month - 1) // 3 + 1))
        counts[quarter] = counts.get(quarter, 0) + events
    saved = saved_periods(session)
    for text in saved:
        try:
            period = Period.parse(text)
        except ValueError:  # a period saved in a form no longer read: not listed
            continue
        if period not in counts:
            counts[period] = sum(n for y, m, n in months if (y, m) in set(period.months()))
    # Newest end first; of two periods ending together, the longer first (2023, 2023Q4).
    ordered = sorted(counts.items(), key=lambda item: (item[0].last, item[0].month_count),
                     reverse=True)  # fmt: skip
    return [
        {"period": str(p), "label": p.label, "events": n, "saved": str(p) in saved}
        for p, n in ordered
    ]
