"""The events list: filters read from the query string, one page of results, and
facet counts, shared by ``/events`` and ``/api/events``.

The search service (``binational.search``) answers every listing, with or without
words: the same ranking as ``binational events --search``, every match counted in
the facets. This module reads the filters and shapes the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection

from binational.domain import Category, EventStatus, Period
from binational.errors import UserError
from binational.search import SearchQuery, search
from binational.store.data_version import Version
from binational.store.event_reads import read_events
from binational.web.context import WebContext

PAGE_SIZE = 25
MAX_PAGE = 10_000
FILTER_NAMES = ("q", "quarter", "month", "institution", "category", "topic", "status")


@dataclass(frozen=True)
class EventFilters:
    """What the visitor asked for, validated; ``None`` means 'any'. ``quarter``
    holds any period (``period=`` or ``quarter=`` in the query string); its facet
    lists quarters."""

    q: str | None = None
    quarter: str | None = None
    month: int | None = None
    institution: str | None = None
    category: str | None = None
    topic: str | None = None
    status: str | None = None
    page: int = 1

    def query_params(self, **changes: Any) -> dict[str, str]:
        """The filters as query parameters (for links), with ``changes`` applied;
        a change to ``None`` removes that filter, and any change resets the page."""
        values = {name: getattr(self, name) for name in FILTER_NAMES}
        values.update(changes)
        params = {k: str(v) for k, v in values.items() if v not in (None, "") and k != "page"}
        page = changes.get("page", 1)
        if page != 1:
            params["page"] = str(page)
        return params

    @property
    def active(self) -> bool:
        return any(getattr(self, name) is not None for name in FILTER_NAMES)


def _int(params: Mapping[str, str], name: str, low: int, high: int) -> int | None:
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise UserError(f"{name} must be a number from {low} to {high}, not {raw!r}")
    return int(raw)


def parse_filters(params: Mapping[str, str]) -> EventFilters:
    """Read the filters from query parameters; one sentence when a value is wrong."""

    def text(name: str) -> str | None:
        value = (params.get(name) or "").strip()
        return value[:200] or None

    period = text("period") or text("quarter")
    if period:
        try:
            period = str(Period.parse(period))
        except ValueError as error:
            raise UserError(str(error)) from None
    status = text("status")
    if status and status not in {s.value for s in EventStatus}:
        raise UserError(f"{status!r} is not a status")
    category = text("category")
    if category and category not in {c.value for c in Category}:
        raise UserError(f"{category!r} is not a category")
    return EventFilters(
        q=text("q"), quarter=period, month=_int(params, "month", 1, 12),
        institution=text("institution"), category=category, topic=text("topic"),
        status=status, page=_int(params, "page", 1, MAX_PAGE) or 1,
    )  # fmt: skip


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    return max(1, -(-total // size))


def search_query(
    filters: EventFilters, statuses: tuple[str, ...] | None, web: WebContext
) -> SearchQuery:
    """The filters in the search service's terms (a category is its institutions)."""
    period = Period.parse(filters.quarter) if filters.quarter else None
    category = web.registry.by_category(filters.category) if filters.category else None
    return SearchQuery(
        text=filters.q, first_day=period.start if period else None,
        last_day=period.end if period else None, month=filters.month,
        status=filters.status, statuses=statuses, institution=filters.institution,
        any_institution=tuple(i.slug for i in category) if category is not None else None,
        topic=filters.topic,
    )  # fmt: skip


def list_events(
    connection: Connection,
    filters: EventFilters,
    statuses: tuple[str, ...] | None,
    web: WebContext,
    cards: bool = False,
    version: Version | None = None,
) -> dict[str, Any]:
    """One page of events as records (or, with ``cards``, the lighter cards a list
    page shows, which the search index keeps), the total and the facets: best match
    first with words, newest first without. ``version``: the data version the
    caller has just read on ``connection``."""
    results = search(
        web.search, search_query(filters, statuses, web),
        offset=(filters.page - 1) * PAGE_SIZE, limit=PAGE_SIZE, version=version,
    )  # fmt: skip
    if cards:
        events = results.cards
    else:
        events = read_events(web.database.reader(connection), results.ids, web.labels)
    return {
        "filters": asdict(filters),
        "total": results.total,
        "page": filters.page,
        "pages": page_count(results.total),
        "page_size": PAGE_SIZE,
        "events": events,
        "facets": results.facets,
    }
