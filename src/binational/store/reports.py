"""Reports in the database: saving an imported report, and reading back the lines a
quarterly report is assembled from."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from binational.domain import Period, Quarter
from binational.intake.parsed import ParsedReport
from binational.publish.assemble import ReportLine, report_numbers
from binational.store.models import Event, Report, ReportItem

# Events a quarterly report includes unless the analyst excludes them.
REPORTABLE_STATUSES = ("reviewed", "published")


def find_report(
    session: Session, quarter: Quarter | Period, kind: str = "quarterly"
) -> Report | None:
    return session.scalar(select(Report).where(Report.kind == kind, Report.period == str(quarter)))


def save_parsed_report(
    session: Session, parsed: ParsedReport, source_name: str, sha256: str
) -> tuple[Report, list[Event]]:
    """Add a report and one published event per item to the session (not flushed, so
    that links can be attached to the new events without loading anything)."""
    period = parsed.period
    report = Report(
        kind="quarterly",
        period=str(period),
        period_start=period.start,
        period_end=period.end,
        header=parsed.header,
        intro=parsed.intro,
        source_name=source_name,
        source_sha256=sha256,
    )
    session.add(report)
    events: list[Event] = []
    for position, item in enumerate(parsed.items, start=1):
        date, date_source = item.stored_date(period)
        event = Event(
            title=item.title,
            date_value=date.value,
            date_precision=date.precision.value,
            date_source=date_source.value,
            summary="\n".join(item.summary),
            implications="\n".join(item.implications),
            context="\n".join(item.context),
            url=item.url,
            link_text=item.link_text,
            status="published",
            truncated=item.truncated,
            origin="report",
            origin_ref=f"{source_name}#{item.number}",
        )
        session.add(event)
        report.items.append(
            ReportItem(
                event=event,
                position=position,
                printed_number=item.number,
                month_section=item.month_section,
                excluded=False,
            )
        )
        events.append(event)
    return report, events


def load_report_lines(session: Session, quarter: Quarter) -> list[ReportLine]:
    """Every event of the quarter that a report could hold: those placed in the
    quarter's report (included or excluded) and any other reviewed or published
    event dated in the quarter."""
    report = find_report(session, quarter)
    placed: dict[int, ReportItem] = {}
    if report is not None:
        placed = {item.event_id: item for item in report.items}
    events = session.scalars(
        select(Event)
        .where(Event.date_value >= quarter.start, Event.date_value <= quarter.end)
        .where(Event.status.in_(REPORTABLE_STATUSES) | Event.id.in_(list(placed)))
    ).all()
    lines = []
    for event in events:
        item = placed.get(event.id)
        lines.append(
            ReportLine(
                event_id=event.id,
                title=event.title,
                date=event.date,
                url=event.url,
                link_text=event.link_text,
                summary=event.summary,
                implications=event.implications,
                context=event.context,
                truncated=event.truncated,
                position=item.position if item else None,
                excluded=bool(item and item.excluded) or event.status == "rejected",
            )
        )
    return lines


def report_numbers_for(session: Session, quarters: set[Quarter]) -> dict[int, int]:
    """event id -> its number in its quarter's report, for the given quarters."""
    numbers: dict[int, int] = {}
    for quarter in quarters:
        numbers.update(report_numbers(load_report_lines(session, quarter)))
    return numbers
