"""Events to index documents: pure, no engine, no database.

An ``EventRow`` (``store/search_rows.py``) is what the index needs of one event;
``index_document`` lays it
out as the index's fields (``engine.SCHEMA_FIELDS`` names them):

- the three searched texts, folded by the engine's analyzer (case and accents), and
  ``words``, the three together, which only decides whether an event matches;
- filters: ``day``, ``month`` (of the year), ``status``, ``institution``, ``topic``,
  ``category``;
- facet columns, every one single-valued, because counting a single-valued column
  costs a few nanoseconds an event and a multi-valued one ten times that (measured
  at a million events, ``benchmarks/bench_search_engines.py``): ``period`` packs the
  month and the status; ``kinds`` packs two bit masks, the categories of the event's
  institutions and its topics (a bit per topic, the index's ``topic_bits``); the
  institutions fill numbered slots (``institution_1``…) with their codes (an
  institution's position in the index's ``institution_codes``, plus one); the rare
  tags left over (more institutions than slots, a topic without a bit, an
  institution without a code) go to the multi-valued ``extra_tags``;
- ``recency`` (newest first, then the higher id) and the stored ``card``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import msgspec

from binational.domain import Category, DatePrecision, EventStatus, PartialDate
from binational.store.records import card_language, event_card
from binational.store.search_rows import EventRow

# Field weights: a word in the title counts most, then the summary, then the
# implications.
TEXT_FIELDS = (("title", 10.0), ("summary", 3.0), ("implications", 1.0))
INSTITUTION_SLOTS = 3
TOPIC_BITS = 60  # a u64 holds the 4 category bits and this many topics
EMPTY_SLOT = 0  # a slot with no institution: every slot column is dense
STATUSES = tuple(status.value for status in EventStatus)
STATUS_CODES = {status: code for code, status in enumerate(STATUSES)}
STATUS_SLOTS = 8  # a period code keeps room for this many statuses under its month
CATEGORY_BITS = {category.value: 1 << bit for bit, category in enumerate(Category)}


def month_number(day: dt.date) -> int:
    """Months since year 0: a month that sorts and subtracts."""
    return day.year * 12 + day.month - 1


def period_code(day: dt.date, status: str) -> int:
    """The month and the status of an event in one number (see ``split_period``)."""
    return month_number(day) * STATUS_SLOTS + STATUS_CODES[status]


def split_period(code: int) -> tuple[int, int, str]:
    """(year, month 1-12, status) of a ``period_code``."""
    months, status = divmod(code, STATUS_SLOTS)
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


def kinds_code(
    categories: int, topics: Iterable[str], topic_bits: Sequence[str]
) -> tuple[int, list[str]]:
    """The ``kinds`` column of an event: its category mask and, above it, one bit
    per topic of ``topic_bits``; and its topics that have no bit."""
    bit_of = {slug: bit for bit, slug in enumerate(topic_bits[:TOPIC_BITS])}
    code, left = categories, []
    for slug in topics:
        if slug in bit_of:
            code |= 1 << (len(CATEGORY_BITS) + bit_of[slug])
        else:
            left.append(slug)
    return code, left


def split_kinds(code: int, topic_bits: Sequence[str]) -> tuple[list[str], list[str]]:
    """(categories, topics) of a ``kinds_code``."""
    topics = code >> len(CATEGORY_BITS)
    return categories_of_mask(code), [
        slug for bit, slug in enumerate(topic_bits[:TOPIC_BITS]) if topics >> bit & 1
    ]


def recency(day: dt.date, event_id: int) -> int:
    """Sorts events newest first, and on the same day the higher id first, when
    taken in descending order."""
    return (day.toordinal() << 32) | event_id


def slots(prefix: str, values: list[int], count: int) -> dict[str, int]:
    """``values`` spread over ``count`` numbered slot fields, empty ones marked."""
    return {
        f"{prefix}_{number}": values[number - 1] if number <= len(values) else EMPTY_SLOT
        for number in range(1, count + 1)
    }


def institution_codes(slugs: Iterable[str]) -> dict[str, int]:
    """The code of each institution of an index's ``institution_codes``: its
    position plus one (0 is ``EMPTY_SLOT``)."""
    return {slug: code for code, slug in enumerate(slugs, start=1)}


def card_of(row: EventRow) -> dict[str, Any]:
    """The event's card (``store.records.event_card``) as a result page shows it,
    kept whole with the document so a page of results needs no database read and no
    reshaping."""
    summary = row.summary or ""
    date = PartialDate(row.day, DatePrecision(row.date_precision)).iso()
    return event_card(row.id, row.title, date, row.status, summary, set(row.institutions),
                      card_language(row.title, summary))  # fmt: skip


def index_document(
    row: EventRow,
    category_of: Mapping[str, str],
    topic_bits: Sequence[str],
    code_of: Mapping[str, int],
) -> dict[str, Any]:
    """The index's fields of one event; ``category_of`` maps an institution's slug
    to its category (agencies have none), ``topic_bits`` names the topics' bits,
    ``code_of`` gives the institutions' codes (``institution_codes``)."""
    institutions = sorted(set(row.institutions))
    topics = sorted(set(row.topics))
    mask = category_mask(institutions, category_of)
    kinds, topics_left = kinds_code(mask, topics, topic_bits)
    coded = [slug for slug in institutions if slug in code_of][:INSTITUTION_SLOTS]
    codes = [code_of[slug] for slug in coded]
    extra = [f"institution:{slug}" for slug in institutions if slug not in coded]
    extra += [f"topic:{slug}" for slug in topics_left]
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
        "kinds": kinds,
        **slots("institution", codes, INSTITUTION_SLOTS),
        "extra_tags": extra,
        "has_extra": int(bool(extra)),
        "recency": recency(row.day, row.id),
        "card": msgspec.json.encode(card_of(row)),
    }
