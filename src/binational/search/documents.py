"""Events to index documents: pure, no engine, no database.

An ``EventRow`` is what the index needs of one event; ``index_document`` lays it
out as the index's fields (``engine.SCHEMA_FIELDS`` names them):

- the three searched texts, folded by the engine's analyzer (case and accents), and
  ``words``, the three together, which only decides whether an event matches;
- filters: ``day``, ``month`` (of the year), ``status``, ``institution``, ``topic``,
  ``category``;
- facet columns, every one single-valued, because counting a single-valued column
  costs a few nanoseconds an event and a multi-valued one ten times that (measured
  at a million events, ``benchmarks/bench_search_engines.py``): ``period`` packs the
  month and the status, ``categories`` is a bit mask, and an event's institutions
  and topics fill numbered slots (``institution_1``…), the rare ones beyond the
  slots going to the multi-valued ``extra_tags``;
- ``recency`` (newest first, then the higher id) and the stored ``card``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from binational.domain import Category, DatePrecision, EventStatus, PartialDate
from binational.store.records import CARD_SUMMARY

# Field weights: a word in the title counts most, then the summary, then the
# implications (the same order and weights as the database's bm25, store/search.py).
TEXT_FIELDS = (("title", 10.0), ("summary", 3.0), ("implications", 1.0))
INSTITUTION_SLOTS = 3
TOPIC_SLOTS = 2
EMPTY_SLOT = "-"  # a slot with no value: every slot column is dense
STATUSES = tuple(status.value for status in EventStatus)
STATUS_CODES = {status: code for code, status in enumerate(STATUSES)}
CATEGORY_BITS = {category.value: 1 << bit for bit, category in enumerate(Category)}


@dataclass(frozen=True)
class EventRow:
    """What the index keeps of one event: its texts, date, status, and its live
    institution links and topics."""

    id: int
    title: str
    summary: str
    implications: str
    day: dt.date
    status: str
    date_precision: str = DatePrecision.DAY.value
    institutions: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()


def month_number(day: dt.date) -> int:
    """Months since year 0: a month that sorts and subtracts."""
    return day.year * 12 + day.month - 1


def period_code(day: dt.date, status: str) -> int:
    """The month and the status of an event in one number (see ``split_period``)."""
    return month_number(day) * 8 + STATUS_CODES[status]


def split_period(code: int) -> tuple[int, int, str]:
    """(year, month 1-12, status) of a ``period_code``."""
    months, status = divmod(code, 8)
    year, month = divmod(months, 12)
    return year, month + 1, STATUSES[status]


def category_mask(institutions: Iterable[str], category_of: Mapping[str, str]) -> int:
    """One bit per category that some of the institutions belong to."""
    mask = 0
    for slug in institutions:
        category = category_of.get(slug)
        if category is not None:
            mask |= CATEGORY_BITS[category]
    return mask


def categories_of_mask(mask: int) -> list[str]:
    return [category for category, bit in CATEGORY_BITS.items() if mask & bit]


def recency(day: dt.date, event_id: int) -> int:
    """Sorts events newest first, and on the same day the higher id first, when
    taken in descending order."""
    return (day.toordinal() << 32) | event_id


def slots(prefix: str, values: list[str], count: int) -> dict[str, str]:
    """``values`` spread over ``count`` numbered slot fields, empty ones marked."""
    return {
        f"{prefix}_{number}": values[number - 1] if number <= len(values) else EMPTY_SLOT
        for number in range(1, count + 1)
    }


def card_of(row: EventRow) -> dict[str, Any]:
    """What a result's card shows (``store.records.event_card``), kept with the
    document so a page of results needs no database read."""
    date = PartialDate(row.day, DatePrecision(row.date_precision)).iso()
    return {
        "title": row.title, "date": date, "status": row.status,
        "summary": (row.summary or "")[:CARD_SUMMARY],
        "institutions": sorted(set(row.institutions)),
    }  # fmt: skip


def index_document(row: EventRow, category_of: Mapping[str, str]) -> dict[str, Any]:
    """The index's fields of one event; ``category_of`` maps an institution's slug
    to its category (agencies have none)."""
    institutions = sorted(set(row.institutions))
    topics = sorted(set(row.topics))
    extra = [f"institution:{slug}" for slug in institutions[INSTITUTION_SLOTS:]]
    extra += [f"topic:{slug}" for slug in topics[TOPIC_SLOTS:]]
    mask = category_mask(institutions, category_of)
    texts = [row.title or "", row.summary or "", row.implications or ""]
    return {
        "id": row.id,
        "title": texts[0],
        "summary": texts[1],
        "implications": texts[2],
        "words": texts,
        "day": row.day.toordinal(),
        "month": row.day.month,
        "status": row.status,
        "institution": institutions,
        "topic": topics,
        "category": categories_of_mask(mask),
        "period": period_code(row.day, row.status),
        "categories": mask,
        **slots("institution", institutions, INSTITUTION_SLOTS),
        **slots("topic", topics, TOPIC_SLOTS),
        "extra_tags": extra,
        "has_extra": int(bool(extra)),
        "recency": recency(row.day, row.id),
        "card": json.dumps(card_of(row), ensure_ascii=False).encode(),
    }
