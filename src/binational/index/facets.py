"""Facet counts over a set of matched events, from the index's arrays: pure.

The same aggregated rows as the database gives ``web/facets.count_facets``: events
per (year, month, status), links per institution, events per category and topic.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from binational.index.build import EventIndex, Membership


@dataclass(frozen=True)
class FacetRows:
    periods: list[tuple[int, int, str, int]]  # year, month, status, events
    institutions: list[tuple[str, int]]
    categories: list[tuple[str, int]]
    topics: list[tuple[str, int]]


def value_counts(membership: Membership, ids: np.ndarray) -> list[tuple[str, int]]:
    """(value, events among ``ids`` that have it), for the values some have."""
    starts, ends = membership.starts[ids], membership.starts[ids + 1]
    sizes = ends - starts
    if not sizes.sum():
        return []
    # Positions of every code of every event in ``ids``: each event's run of
    # ``codes`` laid end to end (a vectorized concatenation of ranges).
    run_starts = np.repeat(starts - np.cumsum(sizes) + sizes, sizes)
    positions = run_starts + np.arange(sizes.sum())
    counts = np.bincount(membership.codes[positions], minlength=len(membership.values))
    return [(membership.values[code], int(counts[code])) for code in np.flatnonzero(counts)]


def facet_rows(index: EventIndex, ids: np.ndarray) -> FacetRows:
    width = len(index.statuses)
    keys = index.months[ids].astype(np.int64) * width + index.status_codes[ids]
    unique, counts = np.unique(keys, return_counts=True)
    periods = [
        (int(month // 12), int(month % 12) + 1, index.statuses[status], int(count))
        for month, status, count in zip(unique // width, unique % width, counts, strict=True)
    ]
    return FacetRows(
        periods=periods,
        institutions=value_counts(index.institutions, ids),
        categories=value_counts(index.categories, ids),
        topics=value_counts(index.topics, ids),
    )
