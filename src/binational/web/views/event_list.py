"""The events list: filters read from the query string, one page of results, and
facet counts, shared by ``/events`` and ``/api/events``.

Filtering and ranking are the store's (``store.events``); this module adds the
category facet (events linked to any institution of a category) and the counts
beside each facet value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy import Connection, Select, String, func, type_coerce

from binational.domain import Category, EventStatus, Period
from binational.errors import UserError
from binational.index.cards import index_cards
from binational.index.facets import facet_counts
from binational.index.query import IndexFilter, query_terms, ranking
from binational.store.data_version import Version, data_version
from binational.store.event_reads import read_event_cards, read_events
from binational.store.events import EventQuery, filtered_statement
from binational.store.models import Event
from binational.store.search import RANK_WINDOW
from binational.web.context import WebContext
from binational.web.views.facets import facet_values, facets_of_ids, facets_of_query

PAGE_SIZE = 25
MAX_PAGE = 10_000
# A search's matches need only their year and month: read the day as the engine
# gives it ('2023-05-12' text on SQLite, a date on PostgreSQL, both printing as ISO)
# rather than parsed into a date for each of up to 2,000 rows (3 ms of a new search).
_raw_day = type_coerce(Event.date_value, String)


@dataclass(frozen=True)
class EventFilters:
    """What the visitor asked for, validated; ``None`` means 'any'."""

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


@dataclass(frozen=True)
class Summary:
    """What every page of one listing shares."""

    total: int
    ranked: Sequence[int] | None  # a search's ids, best first (a list, or an index's Ranking)
    facets: dict[str, list[dict[str, Any]]]
    capped: bool = False  # the database's ranking window left matches out
    indexed: bool = False  # answered by the in-memory index, which also has the cards


FILTER_NAMES = ("q", "quarter", "month", "institution", "category", "topic", "status")


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

    quarter = text("period") or text("quarter")  # any period; the facet lists quarters
    if quarter:
        try:
            quarter = str(Period.parse(quarter))
        except ValueError as error:
            raise UserError(str(error)) from None
    status = text("status")
    if status and status not in {s.value for s in EventStatus}:
        raise UserError(f"{status!r} is not a status")
    category = text("category")
    if category and category not in {c.value for c in Category}:
        raise UserError(f"{category!r} is not a category")
    return EventFilters(
        q=text("q"), quarter=quarter, month=_int(params, "month", 1, 12),
        institution=text("institution"), category=category, topic=text("topic"),
        status=status, page=_int(params, "page", 1, MAX_PAGE) or 1,
    )  # fmt: skip


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    return max(1, -(-total // size))


def _statement(
    connection: Connection,
    filters: EventFilters,
    statuses: tuple[str, ...] | None,
    web: WebContext,
) -> tuple[Select, Any]:
    """The store's filtered (and, with ``q``, ranked) statement; a category is the
    set of its institutions' slugs."""
    any_institution = None
    if filters.category:
        any_institution = tuple(i.slug for i in web.registry.by_category(filters.category))
    query = EventQuery(
        period=Period.parse(filters.quarter) if filters.quarter else None,
        month=filters.month, search=filters.q, status=filters.status,
        institution=filters.institution, topic=filters.topic, statuses=statuses,
        any_institution=any_institution,
    )  # fmt: skip
    return filtered_statement(connection.dialect.name, query)


def _summary(
    connection: Connection,
    filters: EventFilters,
    statuses: tuple[str, ...] | None,
    web: WebContext,
    version: Version,
) -> Summary:
    """What every page of one listing shares: the total, the facets and, for a
    search, the ranked ids. Cached until the data changes."""
    key = ("summary", replace(filters, page=1), statuses)
    cached = web.results.get(key, version)
    if cached is not None:
        return cached
    summary = _summary_from_index(filters, statuses, web, version)
    if summary is not None:
        web.results.put(key, version, summary)
        return summary
    statement, matches = _statement(connection, filters, statuses, web)
    ranked: list[int] | None = None
    if matches is not None:
        rows = connection.execute(
            statement.with_only_columns(Event.id, _raw_day, Event.status).order_by(
                matches.c.score.desc(), Event.id
            )
        ).all()
        ranked = [row[0] for row in rows]
        counted = Counter((int(str(row[1])[:4]), int(str(row[1])[5:7]), row[2]) for row in rows)
        periods = [(*key, count) for key, count in counted.items()]
        total = len(ranked)
        facets = facets_of_ids(connection, periods, ranked, web)
    else:
        by_day = connection.execute(
            statement.with_only_columns(Event.date_value, Event.status, func.count())
            .order_by(None)
            .group_by(Event.date_value, Event.status)
        ).all()
        months: Counter[tuple[int, int, str]] = Counter()
        for day, status, count in by_day:
            months[(day.year, day.month, status)] += count
        periods = [(*key, count) for key, count in months.items()]
        total = sum(row[3] for row in periods)
        ids = statement.with_only_columns(Event.id).order_by(None)
        facets = facets_of_query(connection, periods, ids, web)
    summary = Summary(total, ranked, facets, capped=ranked is not None and total >= RANK_WINDOW)
    web.results.put(key, version, summary)
    return summary


def _summary_from_index(
    filters: EventFilters, statuses: tuple[str, ...] | None, web: WebContext, version: Version
) -> Summary | None:
    """A search's summary from the in-memory index (``binational.index``): every
    match ranked and counted, none left out by a window. ``None`` when the index
    cannot answer (not built at this version yet, off, or a phrase search)."""
    words = query_terms(filters.q) if filters.q and web.search_index else None
    index = web.search_index.current(version) if words else None
    if index is None:
        return None
    quarter = Period.parse(filters.quarter) if filters.quarter else None
    category = web.registry.by_category(filters.category) if filters.category else None
    where = IndexFilter(
        first_day=quarter.start.toordinal() if quarter else None,
        last_day=quarter.end.toordinal() if quarter else None,
        month=filters.month, status=filters.status, statuses=statuses,
        institution=filters.institution, topic=filters.topic,
        any_institution=tuple(i.slug for i in category) if category is not None else None,
    )  # fmt: skip
    ranked = ranking(index, words, where)
    counts = facet_counts(index, ranked.ids)
    facets = facet_values(counts.quarters, counts.months, counts.statuses,
                          counts.institutions, counts.categories, counts.topics)  # fmt: skip
    return Summary(len(ranked), ranked, facets, indexed=True)


def list_events(
    connection: Connection,
    filters: EventFilters,
    statuses: tuple[str, ...] | None,
    web: WebContext,
    version: Version | None = None,
    cards: bool = False,
) -> dict[str, Any]:
    """One page of events as records (or, with ``cards``, the lighter cards a list
    page shows: see ``store.event_reads.read_event_cards``), the total, and the
    facets.

    A search ranks its matches once, on the in-memory index when it is current
    (every match), else in the database (at most the store's ranking window, see
    ``store/search.py``); the ranked ids give the total, every page and the set
    the facets count. A listing without search pages by date, newest first. Results
    are cached under the data ``version`` (read here unless the caller has it)."""
    version = version or data_version(connection)
    summary = _summary(connection, filters, statuses, web, version)
    records = web.results.remember(
        ("page", filters, statuses, cards), version,
        lambda: _page_records(connection, filters, statuses, web, summary, cards, version),
    )  # fmt: skip
    total = summary.total
    return {
        "filters": asdict(filters),
        "total": total,
        "total_is_capped": summary.capped,
        "page": filters.page,
        "pages": page_count(total),
        "page_size": PAGE_SIZE,
        "events": records,
        "facets": summary.facets,
    }


def _page_records(
    connection: Connection,
    filters: EventFilters,
    statuses: tuple[str, ...] | None,
    web: WebContext,
    summary: Summary,
    cards: bool,
    version: Version,
) -> list[dict[str, Any]]:
    """The page's records, or cards: from the index when it answered the search
    (the summary holds no index itself: cached, it would keep old ones alive)."""
    offset = (filters.page - 1) * PAGE_SIZE
    ranked = summary.ranked
    if ranked is not None:  # a list, or the index's Ranking
        page_ids = [int(event_id) for event_id in ranked[offset : offset + PAGE_SIZE]]
    else:
        statement, _ = _statement(connection, filters, statuses, web)
        page_ids = list(
            connection.scalars(
                statement.with_only_columns(Event.id)
                .order_by(Event.date_value.desc(), Event.id.desc())
                .limit(PAGE_SIZE)
                .offset(offset)
            )
        )
    index = web.search_index.current(version) if cards and summary.indexed else None
    if index is not None:
        return index_cards(index, page_ids)
    if cards:
        return read_event_cards(connection, page_ids)
    return read_events(connection, page_ids, web.labels)
