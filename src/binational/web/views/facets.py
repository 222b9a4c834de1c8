"""Facet counts of an events listing: how many of its events fall under each
quarter, month, status, institution, institution category and topic.

A search's ranked ids (a few thousand at most) have their links and topics read
and counted here; a listing without search (up to every event) is counted by the
database from the covering indexes of migration 0003_web.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    any_,
    bindparam,
    func,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import ARRAY

from binational.domain import Category
from binational.store.models import EventInstitution, EventTopic
from binational.web.context import WebContext

FACET_LIMIT = 12


def id_in(column: Any, ids: list[int], dialect: str) -> ColumnElement[bool]:
    """``column IN ids`` with the ids sent as one parameter (a JSON array on SQLite,
    an array on PostgreSQL), so thousands of ids cost no SQL compilation."""
    if dialect == "postgresql":
        return column == any_(bindparam("ids", ids, type_=ARRAY(Integer)))
    values = func.json_each(bindparam("ids", json.dumps(ids))).table_valued("value")
    return column.in_(select(values.c.value))


def count_facets(
    periods: Iterable[tuple[int, int, str, int]],
    institutions: Iterable[tuple[str, int]],
    categories: Iterable[tuple[str, int]],
    topics: Iterable[tuple[str, int]],
) -> dict[str, list[dict[str, Any]]]:
    """Facet values with counts from the database's aggregated rows: (year, month,
    status, events), (institution, links), (category, events), (topic, events)."""
    quarters: Counter[str] = Counter()
    months: Counter[int] = Counter()
    statuses: Counter[str] = Counter()
    for year, month, status, count in periods:
        quarters[f"{int(year)}Q{(int(month) - 1) // 3 + 1}"] += count
        months[int(month)] += count
        statuses[status] += count
    return facet_values(
        quarters.items(), months.items(), statuses.items(), institutions, categories, topics
    )


def facet_values(
    quarters: Iterable[tuple[str, int]],
    months: Iterable[tuple[int, int]],
    statuses: Iterable[tuple[str, int]],
    institutions: Iterable[tuple[str, int]],
    categories: Iterable[tuple[str, int]],
    topics: Iterable[tuple[str, int]],
) -> dict[str, list[dict[str, Any]]]:
    """Each facet's values with their counts, as (value, count) pairs come in:
    quarters newest first, months in calendar order, the most linked institutions
    first. Values counted zero are left out."""

    def values(pairs: Iterable[tuple[Any, int]]) -> list[dict[str, Any]]:
        return [{"value": str(value), "count": int(count)} for value, count in pairs if count]

    def by_count(pairs: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
        return sorted(pairs, key=lambda pair: (-pair[1], pair[0]))

    return {
        "quarter": values(sorted(quarters, reverse=True)),
        "month": values(sorted(months)),
        "status": values(sorted(statuses)),
        "institution": values(by_count(institutions)[:FACET_LIMIT]),
        "category": values(sorted(categories)),
        "topic": values(by_count(topics)),
    }


def facets_of_ids(
    connection: Connection,
    periods: list[tuple[int, int, str, int]],
    ids: list[int],
    web: WebContext,
) -> dict[str, list[dict[str, Any]]]:
    """Facets of a search's ranked events: their links and topics are read once and
    counted here (a search ranks at most a few thousand events)."""
    dialect = connection.dialect.name
    links = connection.execute(
        select(EventInstitution.event_id, EventInstitution.slug).where(
            id_in(EventInstitution.event_id, ids, dialect), EventInstitution.removed.is_(False)
        )
    ).all()
    topics = connection.execute(
        select(EventTopic.slug, func.count())
        .where(id_in(EventTopic.event_id, ids, dialect), EventTopic.removed.is_(False))
        .group_by(EventTopic.slug)
    ).all()
    category_of = {i.slug: i.category.value for i in web.registry.institutions}
    in_category: dict[str, set[int]] = {}
    for event_id, slug in links:
        if slug in category_of:
            in_category.setdefault(category_of[slug], set()).add(event_id)
    institutions = Counter(slug for _, slug in links).items()
    categories = [(category, len(events)) for category, events in in_category.items()]
    return count_facets(periods, institutions, categories, topics)


def facets_of_query(
    connection: Connection,
    periods: list[tuple[int, int, str, int]],
    ids: Select,
    web: WebContext,
) -> dict[str, list[dict[str, Any]]]:
    """Facets of a listing without search (up to every event): counted by the
    database, from the covering indexes of migration 0003_web."""
    every_event = ids.whereclause is None

    def of_events(column: Any) -> ColumnElement[bool]:
        return true() if every_event else column.in_(ids)

    live = (of_events(EventInstitution.event_id), EventInstitution.removed.is_(False))
    institutions = connection.execute(
        select(EventInstitution.slug, func.count()).where(*live).group_by(EventInstitution.slug)
    ).all()
    categories = []
    for category in Category:
        slugs = [i.slug for i in web.registry.by_category(category.value)]
        distinct_events = func.count(func.distinct(EventInstitution.event_id))
        count = connection.scalar(
            select(distinct_events).where(*live, EventInstitution.slug.in_(slugs))
        )
        categories.append((category.value, count or 0))
    topics = connection.execute(
        select(EventTopic.slug, func.count())
        .where(of_events(EventTopic.event_id), EventTopic.removed.is_(False))
        .group_by(EventTopic.slug)
    ).all()
    return count_facets(periods, institutions, categories, topics)
