"""The report builder: a quarter's items in report order, excluding, including and
moving them, persisted in ``ReportItem.position``/``excluded`` (the ``Report`` row
is created on the first change). The order and numbering rules are the publisher's
(``publish.assemble.order_lines``); items only move within their month, since the
report groups items by month."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from binational.config import Settings
from binational.domain import Quarter
from binational.errors import UserError
from binational.publish.assemble import ReportLine, order_lines
from binational.store.models import Event, Report, ReportItem
from binational.store.reports import REPORTABLE_STATUSES, find_report, load_report_lines
from binational.store.revisions import record_revision
from binational.web.errors import NotFound


def parse_quarter(text: str) -> Quarter:
    try:
        return Quarter.parse(text)
    except ValueError as error:
        raise NotFound(str(error)) from None


def month_key(line: ReportLine) -> tuple[int, int]:
    return (line.date.value.year, line.date.value.month)


def moved(order: Sequence[ReportLine], event_id: int, delta: int) -> list[int]:
    """Event ids in their new order after moving ``event_id`` by ``delta`` (-1 up,
    +1 down) within its month; refused at the edge of the month."""
    ids = [line.event_id for line in order]
    if event_id not in ids:
        raise UserError(f"event {event_id} is not an included item of this report")
    index = ids.index(event_id)
    target = index + delta
    if (
        delta not in (-1, 1)
        or not 0 <= target < len(ids)
        or (month_key(order[target]) != month_key(order[index]))
    ):
        edge = "first" if delta < 0 else "last"
        raise UserError(f"event {event_id} is already the {edge} item of its month")
    ids[index], ids[target] = ids[target], ids[index]
    return ids


def builder_view(session: Session, quarter: Quarter) -> dict[str, Any]:
    """What the builder shows: the included items numbered in order (with whether
    each can move up or down) and the excluded ones."""
    lines = load_report_lines(session, quarter)
    ordered = order_lines(lines)
    items = []
    for index, line in enumerate(ordered):
        month = month_key(line)
        items.append(
            {
                "number": index + 1, "event_id": line.event_id, "title": line.title,
                "date": line.date.iso(), "month": line.date.value.month,
                "can_move_up": index > 0 and month_key(ordered[index - 1]) == month,
                "can_move_down": index + 1 < len(ordered)
                and month_key(ordered[index + 1]) == month,
            }
        )  # fmt: skip
    excluded = sorted(
        (line for line in lines if line.excluded), key=lambda line: (line.date.value, line.event_id)
    )
    return {
        "quarter": str(quarter),
        "label": quarter.label,
        "saved": find_report(session, quarter) is not None,
        "items": items,
        "excluded": [
            {"event_id": line.event_id, "title": line.title, "date": line.date.iso()}
            for line in excluded
        ],
    }


def ensure_report(session: Session, quarter: Quarter, settings: Settings) -> Report:
    report = find_report(session, quarter)
    if report is None:
        report = Report(
            kind="quarterly", period=str(quarter), period_start=quarter.start,
            period_end=quarter.end, header=f"{settings.report_title} | {quarter.label}",
            intro=settings.report_intro,
        )  # fmt: skip
        session.add(report)
        session.flush()
    return report


def _item(report: Report, event_id: int) -> ReportItem:
    for item in report.items:
        if item.event_id == event_id:
            return item
    item = ReportItem(event_id=event_id, position=None, excluded=False)
    report.items.append(item)
    return item


def _line(session: Session, quarter: Quarter, event_id: int) -> list[ReportLine]:
    lines = load_report_lines(session, quarter)
    if event_id not in {line.event_id for line in lines}:
        raise UserError(f"event {event_id} is not reviewed or published in {quarter}")
    return lines


def set_excluded(
    session: Session, quarter: Quarter, event_id: int, excluded: bool, author: str,
    settings: Settings,
) -> None:  # fmt: skip
    _line(session, quarter, event_id)
    item = _item(ensure_report(session, quarter, settings), event_id)
    if item.excluded == excluded:
        return
    item.excluded = excluded
    action = "report-exclude" if excluded else "report-include"
    record_revision(
        session, session.get(Event, event_id), author, action,
        {"report": str(quarter), "excluded": not excluded},
        {"report": str(quarter), "excluded": excluded},
    )  # fmt: skip


def move_item(
    session: Session, quarter: Quarter, event_id: int, delta: int, author: str,
    settings: Settings,
) -> None:  # fmt: skip
    """Move an included item one place up or down within its month; every included
    item gets its place written, so the order no longer depends on dates."""
    ordered = order_lines(_line(session, quarter, event_id))
    old = [line.event_id for line in ordered]
    new = moved(ordered, event_id, delta)
    report = ensure_report(session, quarter, settings)
    for position, moved_id in enumerate(new, start=1):
        _item(report, moved_id).position = position
    record_revision(
        session, session.get(Event, event_id), author, "report-move",
        {"report": str(quarter), "number": old.index(event_id) + 1},
        {"report": str(quarter), "number": new.index(event_id) + 1},
    )  # fmt: skip


def report_quarters(session: Session) -> list[dict[str, Any]]:
    """Quarters that have reviewed or published events, newest first, with counts."""
    year = func.extract("year", Event.date_value)
    month = func.extract("month", Event.date_value)
    rows = session.execute(
        select(year, month, func.count(Event.id))
        .where(Event.status.in_(REPORTABLE_STATUSES))
        .group_by(year, month)
    ).all()
    counts: dict[Quarter, int] = {}
    for y, m, n in rows:
        quarter = Quarter(int(y), (int(m) - 1) // 3 + 1)
        counts[quarter] = counts.get(quarter, 0) + n
    saved = set(session.scalars(select(Report.period).where(Report.kind == "quarterly")))
    return [
        {"quarter": str(q), "label": q.label, "events": n, "saved": str(q) in saved}
        for q, n in sorted(counts.items(), reverse=True)
    ]
