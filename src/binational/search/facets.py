"""Facet counts of a search from the engine's aggregations: pure.

One aggregation counts each single-valued facet column over every match
(``documents`` explains the columns); this module turns those buckets into the
facets a listing shows: events per quarter, month (of any year) and status, per
institution (its top ``FACET_LIMIT``), per category and per topic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from binational.search.documents import (
    CATEGORY_BITS,
    EMPTY_SLOT,
    INSTITUTION_SLOTS,
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


Buckets = Mapping[str, Iterable[tuple[Any, int]]]


def buckets_of(result: Mapping[str, Any]) -> dict[str, list[tuple[Any, int]]]:
    """The engine's answer to ``aggregations`` as (key, count) pairs per column."""
    columns = dict(result)
    filtered = columns.pop(_EXTRA, None)
    if filtered is not None:
        columns["extra_tags"] = filtered["extra_tags"]
    return {
        name: [(bucket["key"], int(bucket["doc_count"])) for bucket in value["buckets"]]
        for name, value in columns.items()
    }


def total_of(buckets: Buckets) -> int:
    """Matches counted: every event has one period."""
    return sum(count for _, count in buckets.get("period", ()))


def facets_of(buckets: Buckets, topic_bits: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """The listing's facets from the buckets of ``aggregations`` and
    its filtered ``extra_tags``; ``topic_bits`` names the topics' bits.

    A broad query brings hundreds of ``period`` and ``kinds`` codes: they are
    decoded as arrays (numpy), one operation per column rather than one Python step
    per code, which is most of a new search's facet cost."""
    codes, counts = _columns(buckets.get("period", ()))
    months_since_zero, status = np.divmod(codes, 8)
    year, month = np.divmod(months_since_zero, 12)
    quarter_of, per_quarter = _sums(year * 4 + month // 3, counts)
    quarters = [(f"{q // 4:04d}Q{q % 4 + 1}", n)  # as str(Quarter) writes it
                for q, n in zip(quarter_of, per_quarter, strict=True)]  # fmt: skip
    months = [(m + 1, n) for m, n in enumerate(_bincount(month, counts, 12))]
    statuses = list(zip(STATUSES, _bincount(status, counts, len(STATUSES)), strict=True))
    categories, topics = kinds_counts(buckets.get("kinds", ()), topic_bits)
    tags: dict[str, Counter[str]] = {"institution": Counter(), "topic": topics}
    for column in SLOT_COLUMNS:
        for value, count in buckets.get(column, ()):
            if value != EMPTY_SLOT:
                tags["institution"][value] += count
    for tag, count in buckets.get("extra_tags", ()):
        facet, value = str(tag).split(":", 1)
        tags[facet][value] += count
    return facet_values(
        quarters, months, statuses,
        tags["institution"].items(), categories.items(), tags["topic"].items(),
    )  # fmt: skip


def _columns(pairs: Iterable[tuple[Any, int]]) -> tuple[np.ndarray, np.ndarray]:
    """(keys, counts) of integer-keyed buckets as two arrays (keys up to 2**64)."""
    table = np.array(list(pairs), dtype=np.uint64).reshape(-1, 2)
    return table[:, 0], table[:, 1].astype(np.int64)


def _bincount(keys: np.ndarray, counts: np.ndarray, size: int) -> list[int]:
    """Counts summed per key 0..size-1."""
    sums = np.zeros(size, dtype=np.int64)
    np.add.at(sums, keys.astype(np.intp), counts)
    return sums.tolist()


def _sums(keys: np.ndarray, counts: np.ndarray) -> tuple[list[int], list[int]]:
    """The distinct keys in order and the counts summed per key."""
    distinct, where = np.unique(keys, return_inverse=True)
    sums = np.zeros(len(distinct), dtype=np.int64)
    np.add.at(sums, where, counts)
    return distinct.tolist(), sums.tolist()


def kinds_counts(
    pairs: Iterable[tuple[Any, int]], topic_bits: Sequence[str]
) -> tuple[Counter[str], Counter[str]]:
    """Events per category and per topic from (``kinds`` code, count) pairs: each
    set bit of a code adds its count (``split_kinds`` reads one code; here the codes'
    64 bits are unpacked as a matrix and weighted by the counts in one product)."""
    codes, counts = _columns(pairs)
    bits = np.unpackbits(codes.astype("<u8").view(np.uint8).reshape(-1, 8), axis=1,
                         bitorder="little")  # fmt: skip
    per_bit = (counts @ bits.astype(np.int64)).tolist()
    categories = Counter({category: per_bit[bit.bit_length() - 1]
                          for category, bit in CATEGORY_BITS.items()})  # fmt: skip
    topics = Counter({
        slug: per_bit[len(CATEGORY_BITS) + number]
        for number, slug in enumerate(topic_bits[:TOPIC_BITS])
    })  # fmt: skip
    return +categories, +topics  # without the zeros


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
