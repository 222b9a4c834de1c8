"""One event for its page or the API (what the visitor may see of it), and the
changes an edit form carries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from binational.accounts.roles import Actor
from binational.curation.edits import EventChanges, Vocabulary, apply_changes
from binational.domain import DatePrecision, PartialDate, Period, Quarter
from binational.errors import UserError
from binational.reports.numbers import ReportShape, ShapeOf, Target, event_numbers, report_shape
from binational.store.cached_reader import Readable
from binational.store.citations import citation_checks
from binational.store.data_version import Version, data_version
from binational.store.event_reads import event_page_record, read_event_row
from binational.store.events import EDITABLE_FIELDS, find_event_for_edit
from binational.store.models import Event
from binational.web.context import WebContext
from binational.web.http.errors import NotFound


def compose_date(day: str, precision: str) -> str:
    """The ISO partial date for a picked day and precision: ('2023-05-12', 'month')
    → '2023-05'; a quarter is the one containing the day."""
    try:
        chosen = DatePrecision(precision)
    except ValueError:
        raise UserError(
            f"{precision!r} is not a date precision; use day, month or quarter"
        ) from None
    try:
        value = PartialDate.parse(day)
    except ValueError as error:
        raise UserError(str(error)) from None
    if chosen is DatePrecision.DAY:
        if value.precision is not DatePrecision.DAY:
            raise UserError(f"{day!r} is not a whole date; write it like 2023-05-12")
        return value.iso()
    if chosen is DatePrecision.MONTH:
        return PartialDate(value.value, DatePrecision.MONTH).iso()
    return str(Quarter.containing(value.value))


def form_changes(form: Mapping[str, str], topics: Iterable[str] | None) -> EventChanges:
    """The changes an edit form carries: every editable field present in it, the
    date composed from its day and precision, and the ticked topics."""
    fields = {name: form[name] for name in EDITABLE_FIELDS if name in form and name != "date"}
    if form.get("date"):
        fields["date"] = compose_date(form["date"], form.get("date_precision", "day"))
    return EventChanges(fields=fields, topics=tuple(topics) if topics is not None else None)


def load_event(session: Session, event_id: int, statuses: tuple[str, ...] | None) -> Event:
    """The event, if it exists and the actor may see it (a hidden event is 'not
    found', so its existence does not leak)."""
    event = find_event_for_edit(session, event_id)
    if event is None or (statuses is not None and event.status not in statuses):
        raise NotFound(f"there is no event {event_id}")
    return event


def event_detail(
    connection: Connection,
    event_id: int,
    statuses: tuple[str, ...] | None,
    actor: Actor,
    web: WebContext,
) -> dict[str, Any]:
    """The event's record with its number in its quarter's report, its sources,
    report placements and, for signed-in users, its revision history (authors are
    not shown to the public); 'not found' if it does not exist or the actor may not
    see it."""
    reader = web.database.reader(connection)
    event = read_event_row(reader, event_id, statuses)
    if event is None:
        raise NotFound(f"there is no event {event_id}")
    record = event_page_record(reader, event, web.labels, not actor.anonymous)
    target = Target(event.id, event.date_value, event.status)
    shape_of = kept_report_shapes(reader, web, data_version(connection))
    record["number"] = event_numbers(reader, [target], shape_of).get(event_id)
    record["citations"] = citation_status(reader, record)
    return record


def kept_report_shapes(reader: Readable, web: WebContext, version: Version) -> ShapeOf:
    """Quarters' report shapes as the process keeps them for the data's version
    (``WebContext.report_shapes``): they are most of numbering an event, and every
    page of the quarter needs the same one. (A report's items change only with a
    revision or a new event, which change the version.)"""

    def shape_of(period: Period, _horizon: dt.date) -> ReportShape:
        return web.report_shapes.remember(
            str(period), version, lambda: report_shape(reader, period)
        )

    return shape_of


def citation_status(connection: Readable, record: dict[str, Any]) -> list[dict[str, Any]]:
    """What the last re-check (``binational archive check``) found at each address
    the event cites, for those that were checked."""
    cited = [record["url"]] if record.get("url") else []
    cited += [source["url"] for source in record["sources"] if source["url"] not in cited]
    checks = citation_checks(connection, cited)
    return [
        {"url": url, "state": check.state, "status": check.status,
         "final_url": check.final_url, "checked_at": check.checked_at.date().isoformat()}
        for url in cited
        if (check := checks.get(url)) is not None
    ]  # fmt: skip


def vocabulary(web: WebContext) -> Vocabulary:
    """What an edit may name: the app's registry and taxonomy."""
    return Vocabulary(kind_of=web.entry_kind, topics=web.topic_names)


def apply_edit(
    session: Session, event: Event, changes: EventChanges, actor: Actor, web: WebContext
) -> int:
    """The editor's changes through the curation service, with the app's registry,
    taxonomy and linker; how many revisions were written."""
    return apply_changes(
        session, event, changes, actor.email or "", vocabulary(web), web.annotator
    )
