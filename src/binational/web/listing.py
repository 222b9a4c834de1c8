"""The events list: filters read from the query string, one page of results, and
facet counts, shared by ``/events`` and ``/api/events``.

Filtering and ranking are the store's (``store.events``); this module adds the
category facet (events linked to any institution of a category) and the counts
beside each facet value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session, selectinload

from binational.domain import Category, EventStatus, Quarter
from binational.errors import UserError
from binational.store.events import EventQuery, _filtered
from binational.store.models import Event, EventInstitution, EventTopic
from binational.store.records import event_record
from binational.web.context import WebContext

PAGE_SIZE = 50
MAX_PAGE = 10_000
FACET_LIMIT = 12


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
        values = asdict(replace(self, **{"page": 1, **changes}))
        return {
            k: str(v) for k, v in values.items() if v not in (None, "") and (k, v) != ("page", 1)
        }

    @property
    def active(self) -> bool:
        return any(v is not None for k, v in asdict(self).items() if k != "page")


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

    quarter = text("quarter")
    if quarter:
        try:
            quarter = str(Quarter.parse(quarter))
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
    session: Session, filters: EventFilters, statuses: tuple[str, ...] | None, web: WebContext
) -> tuple[Select, Any]:
    query = EventQuery(
        quarter=Quarter.parse(filters.quarter) if filters.quarter else None,
        month=filters.month, search=filters.q, status=filters.status,
        institution=filters.institution, topic=filters.topic, statuses=statuses,
    )  # fmt: skip
    statement, matches = _filtered(session, query)
    if filters.category:
        slugs = [i.slug for i in web.registry.by_category(filters.category)]
        statement = statement.where(
            Event.id.in_(
                select(EventInstitution.event_id).where(
                    EventInstitution.slug.in_(slugs), EventInstitution.removed.is_(False)
                )
            )
        )
    return statement, matches


def facet_counts(session: Session, ids: Select, web: WebContext) -> dict[str, list[dict[str, Any]]]:
    """How many of the filtered events fall under each value of each facet."""
    ids_subquery = ids.scalar_subquery()
    counted = func.count(Event.id)
    year = func.extract("year", Event.date_value)
    month = func.extract("month", Event.date_value)
    by_month = session.execute(
        select(year, month, counted).where(Event.id.in_(ids_subquery)).group_by(year, month)
    ).all()
    quarters: dict[str, int] = {}
    months: dict[int, int] = {}
    for y, m, n in by_month:
        key = str(Quarter(int(y), (int(m) - 1) // 3 + 1))
        quarters[key] = quarters.get(key, 0) + n
        months[int(m)] = months.get(int(m), 0) + n
    statuses = session.execute(
        select(Event.status, counted).where(Event.id.in_(ids_subquery)).group_by(Event.status)
    ).all()
    live_link = (EventInstitution.event_id.in_(ids_subquery), EventInstitution.removed.is_(False))
    institutions = session.execute(
        select(EventInstitution.slug, func.count())
        .where(*live_link)
        .group_by(EventInstitution.slug)
        .order_by(func.count().desc(), EventInstitution.slug)
        .limit(FACET_LIMIT)
    ).all()
    category_of = {i.slug: i.category for i in web.registry.institutions}
    category = case(category_of, value=EventInstitution.slug, else_=None)
    categories = session.execute(
        select(category, func.count(func.distinct(EventInstitution.event_id)))
        .where(*live_link, EventInstitution.slug.in_(list(category_of)))
        .group_by(category)
    ).all()
    topics = session.execute(
        select(EventTopic.slug, func.count())
        .where(EventTopic.event_id.in_(ids_subquery), EventTopic.removed.is_(False))
        .group_by(EventTopic.slug)
        .order_by(func.count().desc(), EventTopic.slug)
    ).all()

    def values(pairs: Any) -> list[dict[str, Any]]:
        return [{"value": str(v), "count": int(n)} for v, n in pairs if v is not None]

    return {
        "quarter": values(sorted(quarters.items(), reverse=True)),
        "month": values(sorted(months.items())),
        "status": values(sorted(statuses)),
        "institution": values(institutions),
        "category": values(sorted(categories, key=lambda pair: str(pair[0]))),
        "topic": values(topics),
    }


def list_events(
    session: Session,
    filters: EventFilters,
    statuses: tuple[str, ...] | None,
    web: WebContext,
    with_facets: bool = True,
) -> dict[str, Any]:
    """One page of events as records, the total, and the facets."""
    statement, matches = _statement(session, filters, statuses, web)
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    if matches is not None:
        ordered = statement.order_by(matches.c.score.desc(), Event.id)
    else:
        ordered = statement.order_by(Event.date_value.desc(), Event.id.desc())
    events = session.scalars(
        ordered.options(selectinload(Event.institution_links), selectinload(Event.topics))
        .limit(PAGE_SIZE)
        .offset((filters.page - 1) * PAGE_SIZE)
    ).all()
    result: dict[str, Any] = {
        "filters": asdict(filters),
        "total": total,
        "page": filters.page,
        "pages": page_count(total),
        "page_size": PAGE_SIZE,
        "events": [event_record(event, None, web.labels) for event in events],
    }
    if with_facets:
        ids = statement.with_only_columns(Event.id).order_by(None)
        result["facets"] = facet_counts(session, ids, web)
    return result
