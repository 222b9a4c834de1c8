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

from binational.search.documents import (
    CATEGORY_BITS,
    EMPTY_SLOT,
    INSTITUTION_SLOTS,
    TOPIC_BITS,
    split_period,
)

FACET_LIMIT = 12
SLOT_COLUMNS = tuple(f"institution_{n}" for n in range(1, INSTITUTION_SLOTS + 1))
_BUCKETS = 100_000  # more than any column has values


def aggregations() -> dict[str, Any]:
    """The aggregation request over the facet columns (one pass over the matches)."""
    return {
        name: {"terms": {"field": name, "size": _BUCKETS}}
        for name in ("period", "kinds", *SLOT_COLUMNS)
    }


def extra_aggregation() -> dict[str, Any]:
    """The request over ``extra_tags``, for the few events with more institutions
    than slots or a topic without a bit."""
    return {"extra_tags": {"terms": {"field": "extra_tags", "size": _BUCKETS}}}


Buckets = Mapping[str, Iterable[tuple[Any, int]]]


def buckets_of(result: Mapping[str, Any]) -> dict[str, list[tuple[Any, int]]]:
    """The engine's aggregation result as (key, count) pairs per column."""
    return {
        name: [(bucket["key"], int(bucket["doc_count"])) for bucket in value["buckets"]]
        for name, value in result.items()
    }


def total_of(buckets: Buckets) -> int:
    """Matches counted: every event has one period."""
    return sum(count for _, count in buckets.get("period", ()))


def facets_of(buckets: Buckets, topic_bits: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """The listing's facets from the buckets of ``aggregations`` and
    ``extra_aggregation`` together; ``topic_bits`` names the topics' bits."""
    quarters: Counter[str] = Counter()
    months: Counter[int] = Counter()
    statuses: Counter[str] = Counter()
    for code, count in buckets.get("period", ()):
        year, month, status = split_period(int(code))
        quarters[f"{year}Q{(month - 1) // 3 + 1}"] += count
        months[month] += count
        statuses[status] += count
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
        quarters.items(), months.items(), statuses.items(),
        tags["institution"].items(), categories.items(), tags["topic"].items(),
    )  # fmt: skip


def kinds_counts(
    pairs: Iterable[tuple[Any, int]], topic_bits: Sequence[str]
) -> tuple[Counter[str], Counter[str]]:
    """Events per category and per topic from (``kinds`` code, count) pairs: each
    set bit of a code adds its count (``split_kinds`` reads one code; a broad query
    has a thousand codes, so bits are counted first and named once)."""
    per_bit: Counter[int] = Counter()
    for code, count in pairs:
        code = int(code)
        while code:
            bit = code & -code
            per_bit[bit] += count
            code ^= bit
    categories = Counter({category: per_bit[bit] for category, bit in CATEGORY_BITS.items()})
    topics = Counter({
        slug: per_bit[1 << (len(CATEGORY_BITS) + number)]
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
    same way. Values counted zero are left out. (The shape of the web's facets,
    ``web/facets.facet_values``.)"""

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
