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
    answer: Mapping[str, Any], topic_bits: Sequence[str], institution_codes: Sequence[str]
) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    """The number of matches and the listing's facets, from the engine's answer to
    ``aggregations``; ``topic_bits`` names the topics' bits and ``institution_codes``
    the institutions' codes (the index's)."""
    period = _column(_buckets(answer, "period"))
    kinds = _column(_buckets(answer, "kinds"))
    slots = [_column(_buckets(answer, column)) for column in SLOT_COLUMNS]
    return tally(period, kinds, slots, _extra_buckets(answer), topic_bits, institution_codes)


def _extra_buckets(answer: Mapping[str, Any]) -> Sequence[Mapping[str, Any]]:
    """The ``extra_tags`` buckets of an answer to ``aggregations``."""
    return answer.get(_EXTRA, {}).get("extra_tags", {}).get("buckets", ())


# A facet column's values and how many matches hold each, from its buckets.
Column = tuple[np.ndarray, np.ndarray]


def _column(buckets: Sequence[Mapping[str, Any]]) -> Column:
    values = np.fromiter(map(itemgetter("key"), buckets), np.uint64, len(buckets))
    counts = np.fromiter(map(itemgetter("doc_count"), buckets), np.float64, len(buckets))
    return values, counts


def _per_value(values: np.ndarray, counts: np.ndarray, size: int = 0) -> np.ndarray:
    """How many matches hold each value from 0, as integers (a sum of counts is
    exact below 2**53)."""
    tallied = np.bincount(values.astype(np.int64), weights=counts, minlength=size)
    return tallied.round().astype(np.int64)


def tally(
    period: Column,
    kinds: Column,
    slots: Sequence[Column],
    extra: Iterable[Mapping[str, Any]],
    topic_bits: Sequence[str],
    institution_codes: Sequence[str],
) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    """The number of matches and the facets, from the facet columns (``Column``)
    and the ``extra_tags`` buckets. A new search's answer holds about a thousand
    buckets, so each column is counted in a few array operations, not bucket by
    bucket: a period code splits into its month (hence quarter and month of the
    year) and status, an institution's code is its position in ``institution_codes``."""
    codes, counts = period
    months_since_zero, status = np.divmod(codes.astype(np.int64), STATUS_SLOTS)  # split_period's
    statuses = _per_value(status, counts, len(STATUSES))[: len(STATUSES)].tolist()
    months = _per_value(months_since_zero % 12, counts, 12).tolist()
    quarters: Iterable[tuple[int, int]] = ()
    if len(codes):
        quarter = months_since_zero // 3  # year * 4 + quarter - 1
        first = int(quarter.min())
        per_quarter = _per_value(quarter - first, counts)
        held = np.flatnonzero(per_quarter)
        quarters = zip((held + first).tolist(), per_quarter[held].tolist(), strict=True)
    categories, topics = kinds_counts(*kinds, topic_bits)
    institutions = institution_counts(slots, institution_codes)
    for bucket in extra:
        facet, value = str(bucket["key"]).split(":", 1)
        counted = institutions if facet == "institution" else topics
        counted[value] = counted.get(value, 0) + bucket["doc_count"]
    found = facet_values(
        ((f"{q // 4:04d}Q{q % 4 + 1}", n) for q, n in quarters),  # as str(Quarter)
        ((month + 1, count) for month, count in enumerate(months)),
        zip(STATUSES, statuses, strict=True),
        institutions.items(), categories.items(), topics.items(),
    )  # fmt: skip
    return sum(statuses), found


def institution_counts(slots: Sequence[Column], institution_codes: Sequence[str]) -> dict[str, int]:
    """Events per institution from the slot columns' codes (``EMPTY_SLOT`` and
    codes the index does not name left out)."""
    values = np.concatenate([codes for codes, _ in slots])
    counts = np.concatenate([counts for _, counts in slots])
    per_code = _per_value(values, counts, len(institution_codes) + 1)
    per_code = per_code[: len(institution_codes) + 1]
    per_code[EMPTY_SLOT] = 0
    held = np.flatnonzero(per_code)
    return dict(zip(map(institution_codes.__getitem__, (held - 1).tolist()),
                    per_code[held].tolist(), strict=True))  # fmt: skip


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
    codes: np.ndarray, counts: np.ndarray, topic_bits: Sequence[str]
) -> tuple[dict[str, int], dict[str, int]]:
    """Events per category and per topic from ``kinds`` codes (unsigned 64-bit)
    and how many matches hold each: each set bit of a code adds its count
    (``split_kinds`` reads one code; here the codes' 64 bits are unpacked
    as a matrix and weighted by the counts in one product)."""
    bits = np.unpackbits(codes.astype("<u8").view(np.uint8).reshape(-1, 8), axis=1,
                         bitorder="little")  # fmt: skip
    per_bit = (counts @ bits).round().astype(np.int64).tolist()  # exact below 2**53
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
        # by name, then by count: the second sort is stable, so ties stay by name
        return sorted(sorted(pair for pair in pairs if pair[1]), key=itemgetter(1), reverse=True)

    return {
        "quarter": values(sorted(quarters, reverse=True)),
        "month": values(sorted(months)),
        "status": values(sorted(statuses)),
        "institution": values(by_count(institutions)[:FACET_LIMIT]),
        "category": values(sorted(categories)),
        "topic": values(by_count(topics)),
    }
