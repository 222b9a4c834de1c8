"""Facet counts of a search from the engine's aggregations: pure.

One aggregation counts each single-valued facet column over every match
(``documents`` explains the columns); this module turns the engine's answer into
the facets a listing shows: events per quarter, month (of any year) and status, per
institution (its top ``FACET_LIMIT``), per category and per topic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any

import numpy as np

from binational.search.documents import (
    CATEGORY_BITS,
    EMPTY_SLOT,
    INSTITUTION_SLOTS,
    STATUS_SLOTS,
    STATUSES,
    TOPIC_BITS,
)

FACET_LIMIT = 12
SLOT_COLUMNS = tuple(f"institution_{n}" for n in range(1, INSTITUTION_SLOTS + 1))
_BUCKETS = 100_000  # more than any column has values
_EXTRA = "with_extra"  # the filtered part of the request


def aggregations() -> dict[str, Any]:
    """The aggregation request over the facet columns (one pass over the matches).
    The multi-valued ``extra_tags`` is counted only over the few matches that have
    some (``has_extra``): a filter inside the same request, which costs less than a
    second request over the matches."""
    request: dict[str, Any] = {
        name: {"terms": {"field": name, "size": _BUCKETS}}
        for name in ("period", "kinds", *SLOT_COLUMNS)
    }
    request[_EXTRA] = {
        "filter": "has_extra:1",
        "aggs": {"extra_tags": {"terms": {"field": "extra_tags", "size": _BUCKETS}}},
    }
    return request


def facets_of(
    answer: Mapping[str, Any], topic_bits: Sequence[str]
) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    """The number of matches and the listing's facets, from the engine's answer to
    ``aggregations``; ``topic_bits`` names the topics' bits.

    A new search's answer holds about a thousand buckets, and reading them is most
    of what a search costs in Python: each column is read in one pass over its
    buckets, with no intermediate lists (the ``period`` buckets fold into quarters,
    months and statuses in the same pass)."""
    quarters: dict[int, int] = {}
    months = [0] * 12
    statuses = [0] * len(STATUSES)
    for bucket in _buckets(answer, "period"):
        count = bucket["doc_count"]
        months_since_zero, status = divmod(bucket["key"], STATUS_SLOTS)  # split_period's
        year, month = divmod(months_since_zero, 12)
        quarter = year * 4 + month // 3
        quarters[quarter] = quarters.get(quarter, 0) + count
        months[month] += count
        statuses[status] += count
    categories, topics = kinds_counts(_buckets(answer, "kinds"), topic_bits)
    institutions: dict[str, int] = {}
    for column in SLOT_COLUMNS:
        for bucket in _buckets(answer, column):
            slug = bucket["key"]
            institutions[slug] = institutions.get(slug, 0) + bucket["doc_count"]
    institutions.pop(EMPTY_SLOT, None)
    extra = answer.get(_EXTRA, {}).get("extra_tags", {}).get("buckets", ())
    for bucket in extra:
        facet, value = str(bucket["key"]).split(":", 1)
        tally = institutions if facet == "institution" else topics
        tally[value] = tally.get(value, 0) + bucket["doc_count"]
    found = facet_values(
        ((f"{q // 4:04d}Q{q % 4 + 1}", n) for q, n in quarters.items()),  # as str(Quarter)
        ((month + 1, count) for month, count in enumerate(months)),
        zip(STATUSES, statuses, strict=True),
        institutions.items(), categories.items(), topics.items(),
    )  # fmt: skip
    return sum(statuses), found


def newest_months_start(answer: Mapping[str, Any], count: int) -> dt.date | None:
    """The first day of the latest months that together hold at least ``count`` of
    the matches, from the ``period`` buckets of the engine's answer to
    ``aggregations``; None when all the matches are fewer. The newest ``count``
    matches are all dated from that day on."""
    per_month: dict[int, int] = {}
    for bucket in _buckets(answer, "period"):
        month = bucket["key"] // STATUS_SLOTS
        per_month[month] = per_month.get(month, 0) + bucket["doc_count"]
    held = 0
    for month in sorted(per_month, reverse=True):
        held += per_month[month]
        if held >= count:
            year, month_of_year = divmod(month, 12)
            return dt.date(year, month_of_year + 1, 1)
    return None


def _buckets(answer: Mapping[str, Any], column: str) -> Sequence[Mapping[str, Any]]:
    return answer.get(column, {}).get("buckets", ())


def kinds_counts(
    buckets: Sequence[Mapping[str, Any]], topic_bits: Sequence[str]
) -> tuple[dict[str, int], dict[str, int]]:
    """Events per category and per topic from the ``kinds`` buckets: each set bit
    of a code adds its count (``split_kinds`` reads one code; here the codes' 64
    bits are unpacked as a matrix and weighted by the counts in one product)."""
    codes = np.fromiter(map(itemgetter("key"), buckets), np.dtype("<u8"), len(buckets))
    counts = np.fromiter(map(itemgetter("doc_count"), buckets), np.float64, len(buckets))
    bits = np.unpackbits(codes.view(np.uint8).reshape(-1, 8), axis=1, bitorder="little")
    per_bit = [round(total) for total in (counts @ bits).tolist()]  # exact below 2**53
    categories = {category: per_bit[bit.bit_length() - 1]
                  for category, bit in CATEGORY_BITS.items()}  # fmt: skip
    topics = {slug: per_bit[len(CATEGORY_BITS) + number]
              for number, slug in enumerate(topic_bits[:TOPIC_BITS])}  # fmt: skip
    return categories, topics


def facet_values(
    quarters: Iterable[tuple[str, int]],
    months: Iterable[tuple[int, int]],
    statuses: Iterable[tuple[str, int]],
    institutions: Iterable[tuple[str, int]],
    categories: Iterable[tuple[str, int]],
    topics: Iterable[tuple[str, int]],
) -> dict[str, list[dict[str, Any]]]:
    """Each facet's values with their counts: quarters newest first, months in
    calendar order, the most linked institutions first (ties by slug), topics the
    same way. Values counted zero are left out."""

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
