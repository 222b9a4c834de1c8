"""Everything the site shows, as plain values read once (by ``load.py``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from binational.publish.document import ReportDocument
from binational.registry.loader import Registry
from binational.site.search import SHARD_EVENTS
from binational.store.citations import ArchivedCopy
from binational.store.public_reads import PublicEvent


@dataclass(frozen=True)
class SiteReport:
    """A saved report of published events: its document and the event of each item,
    in the report's order."""

    period: str
    document: ReportDocument
    event_ids: tuple[int, ...]


@dataclass(frozen=True)
class SiteData:
    organization: str
    events: tuple[PublicEvent, ...]
    registry: Registry
    reports: tuple[SiteReport, ...]
    archived: Mapping[str, ArchivedCopy]
    languages: tuple[str, ...] = ("en", "es")
    base_url: str | None = None
    data_license: str = "CC-BY-4.0"  # SPDX identifier (the ``data_license`` setting)
    today: dt.date | None = None  # the day the scorecard and timelines run to (None: today)
    shard_events: int = SHARD_EVENTS  # events a search bundle holds (``search.py``)

    @property
    def day(self) -> dt.date:
        return self.today or dt.date.today()
