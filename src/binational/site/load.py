"""Reading what the site shows: published events, saved reports of them and the
archived copies of what they cite, from the database; the registry from its files.
The only I/O of the pipeline before writing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from binational.config import Settings
from binational.domain import Period
from binational.registry.loader import Registry
from binational.reports.document import build_document
from binational.reports.ordering import order_lines
from binational.reports.service import report_style
from binational.site.data import SiteData, SiteReport
from binational.store.citations import archived_copies
from binational.store.database import Database
from binational.store.public_reads import published_events, saved_report_periods
from binational.store.reports import load_report_lines


def load_site_data(
    database: Database,
    settings: Settings,
    registry: Registry,
    languages: Sequence[str],
    base_url: str | None,
    today: dt.date | None = None,
) -> SiteData:
    with database.connect() as connection:
        events = published_events(connection)
        periods = saved_report_periods(connection)
        cited = {source.url for event in events for source in event.sources}
        archived = archived_copies(connection, cited)
    published = {event.id for event in events}
    reports = []
    with database.sessions() as session:
        for text in periods:
            period = Period.parse(text)
            lines = [
                line for line in load_report_lines(session, period) if line.event_id in published
            ]
            if not lines:
                continue
            document = build_document(lines, period, report_style(settings))
            order = tuple(line.event_id for line in order_lines(lines))
            reports.append(SiteReport(str(period), document, order))
    return SiteData(
        organization=settings.organization, events=tuple(events), registry=registry,
        reports=tuple(reports), archived=archived, languages=tuple(languages),
        base_url=base_url, data_license=settings.data_license, today=today,
    )  # fmt: skip
