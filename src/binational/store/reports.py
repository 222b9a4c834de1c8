"""Reports in the database: saving an imported report, reading back the lines a
report is assembled from, and the builder's placements (order and exclusions).

Everything here takes and returns plain values (``ReportLine``, ``NewReportItem``,
``Period``) or the store's own models; ordering and numbering are the ``reports``
package's pure functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from binational.domain import DateSource, PartialDate, Period
from binational.store.models import Event, Report, ReportItem
from binational.store.report_counts import REPORTABLE_STATUSES
from binational.store.revisions import record_revision


@dataclass(frozen=True)
class ReportLine:
    """One event as a report sees it: plain data, ready to be ordered and rendered."""

    event_id: int
    title: str
    date: PartialDate
    url: str | None
    link_text: str | None
    summary: str
    implications: str
    truncated: bool
    position: int | None
    excluded: bool
    context: str = ""


@dataclass(frozen=True)
class NewReportItem:
    """One item of a report being imported: it becomes a published event placed in
    the report at its position."""

    title: str
    date: PartialDate
    date_source: DateSource
    summary: str
    implications: str
    context: str = ""
    url: str | None = None
    link_text: str | None = None
    truncated: bool = False
    printed_number: int | None = None
    month_section: str | None = None
    origin_ref: str | None = None


def find_report(session: Session, period: Period, kind: str = "quarterly") -> Report | None:
    return session.scalar(select(Report).where(Report.kind == kind, Report.period == str(period)))


def save_report(
    session: Session,
    period: Period,
    header: str,
    intro: str,
    items: Sequence[NewReportItem],
    source_name: str | None = None,
    source_sha256: str | None = None,
) -> tuple[Report, list[Event]]:
    """Add a report and one published event per item to the session (not flushed, so
    that links can be attached to the new events without loading anything)."""
    report = Report(
        kind="quarterly", period=str(period), period_start=period.start,
        period_end=period.end, header=header, intro=intro, source_name=source_name,
        source_sha256=source_sha256,
    )  # fmt: skip
    session.add(report)
    events: list[Event] = []
    for position, item in enumerate(items, start=1):
        event = Event(
            title=item.title, date_value=item.date.value,
            date_precision=item.date.precision.value, date_source=item.date_source.value,
            summary=item.summary, context=item.context, implications=item.implications,
            url=item.url, link_text=item.link_text, status="published",
            truncated=item.truncated, origin="report", origin_ref=item.origin_ref,
        )  # fmt: skip
        session.add(event)
        report.items.append(
            ReportItem(
                event=event, position=position, printed_number=item.printed_number,
                month_section=item.month_section, excluded=False,
            )  # fmt: skip
        )
        events.append(event)
    return report, events


def ensure_report(session: Session, period: Period, header: str, intro: str) -> Report:
    """The period's report row, created (with ``header`` and ``intro``) on first use."""
    report = find_report(session, period)
    if report is None:
        report = Report(
            kind="quarterly", period=str(period), period_start=period.start,
            period_end=period.end, header=header, intro=intro,
        )  # fmt: skip
        session.add(report)
        session.flush()
    return report


def load_report_lines(session: Session, period: Period) -> list[ReportLine]:
    """Every event of the period that its report could hold: those placed in the
    period's report (included or excluded) and any other reviewed or published
    event dated in the period."""
    report = find_report(session, period)
    placed: dict[int, ReportItem] = {}
    if report is not None:
        placed = {item.event_id: item for item in report.items}
    events = session.scalars(
        select(Event)
        .where(Event.date_value >= period.start, Event.date_value <= period.end)
        .where(Event.status.in_(REPORTABLE_STATUSES) | Event.id.in_(list(placed)))
    ).all()
    lines = []
    for event in events:
        item = placed.get(event.id)
        lines.append(
            ReportLine(
                event_id=event.id, title=event.title, date=event.date, url=event.url,
                link_text=event.link_text, summary=event.summary,
                implications=event.implications, context=event.context,
                truncated=event.truncated, position=item.position if item else None,
                excluded=bool(item and item.excluded) or event.status == "rejected",
            )  # fmt: skip
        )
    return lines


def place_item(report: Report, event_id: int) -> ReportItem:
    """The report's item for an event, added (unplaced, included) if it has none."""
    for item in report.items:
        if item.event_id == event_id:
            return item
    item = ReportItem(event_id=event_id, position=None, excluded=False)
    report.items.append(item)
    return item


def set_item_excluded(
    session: Session, report: Report, event_id: int, excluded: bool, author: str
) -> bool:
    """Exclude an event from the report (or include it again), with a revision;
    False when it already was."""
    item = place_item(report, event_id)
    if item.excluded == excluded:
        return False
    item.excluded = excluded
    action = "report-exclude" if excluded else "report-include"
    record_revision(
        session, session.get(Event, event_id), author, action,
        {"report": report.period, "excluded": not excluded},
        {"report": report.period, "excluded": excluded},
    )  # fmt: skip
    return True


def set_positions(
    session: Session, report: Report, order: Sequence[int], moved: int, before: int, after: int,
    author: str,
) -> None:  # fmt: skip
    """Write every included item's place (``order``: event ids, first to last) and a
    revision for the moved event (its number ``before`` and ``after``)."""
    for position, event_id in enumerate(order, start=1):
        place_item(report, event_id).position = position
    record_revision(
        session, session.get(Event, moved), author, "report-move",
        {"report": report.period, "number": before}, {"report": report.period, "number": after},
    )  # fmt: skip


def reportable_months(
    session: Session | Connection, statuses: Sequence[str] = REPORTABLE_STATUSES
) -> list[tuple[int, int, int]]:
    """(year, month, events) for every month that has reviewed or published events
    (or events of ``statuses``)."""
    year = func.extract("year", Event.date_value)
    month = func.extract("month", Event.date_value)
    rows = session.execute(
        select(year, month, func.count(Event.id))
        .where(Event.status.in_(list(statuses)))
        .group_by(year, month)
    ).all()
    return [(int(y), int(m), int(n)) for y, m, n in rows]


def saved_periods(session: Session) -> set[str]:
    """The periods that have a saved report (built or imported)."""
    return set(session.scalars(select(Report.period).where(Report.kind == "quarterly")))
