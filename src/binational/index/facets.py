"""Facet counts over a set of matched events, from the index's arrays: pure.

Events per quarter, month (of any year) and status, links per institution, events
per category and topic: what ``web/facets.facet_values`` lays out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from binational.index.build import TAG_FACETS, EventIndex, Membership


@dataclass(frozen=True)
class FacetCounts:
    """(value, count) pairs of each facet, values counted zero left out."""

    quarters: list[tuple[str, int]]  # '2023Q2'
    months: list[tuple[int, int]]  # 1-12
    statuses: list[tuple[str, int]]
    institutions: list[tuple[str, int]]
    categories: list[tuple[str, int]]
    topics: list[tuple[str, int]]


def tag_counts(membership: Membership, ids: np.ndarray) -> dict[str, list[tuple[str, int]]]:
    """Per facet, (value, events among ``ids`` that have it), for the values some
    have, in value order."""
    starts, ends = membership.starts[ids], membership.starts[ids + 1]
    sizes = ends - starts
    found: dict[str, list[tuple[str, int]]] = {facet: [] for facet in TAG_FACETS}
    total = int(sizes.sum())
    if not total:
        return found
    # Positions of every code of every event in ``ids``: each event's run of
    # ``codes`` laid end to end (a vectorized concatenation of ranges).
    run_starts = np.repeat(starts - np.cumsum(sizes) + sizes, sizes)
    counts = np.bincount(membership.codes[run_starts + np.arange(total)])
    present = np.flatnonzero(counts)
    values = membership.values
    for code, count in zip(present.tolist(), counts[present].tolist(), strict=True):
        facet, value = values[code]
        found[facet].append((value, count))
    return found


def facet_counts(index: EventIndex, ids: np.ndarray) -> FacetCounts:
    months = index.months[ids]  # months since year 0
    quarters = months // 3
    first = int(quarters.min()) if len(ids) else 0
    by_quarter = np.bincount(quarters - first)
    by_month = np.bincount(months % 12, minlength=12)
    by_status = np.bincount(index.status_codes[ids], minlength=len(index.statuses))
    tagged = tag_counts(index.tags, ids)
    return FacetCounts(
        quarters=[
            (f"{(first + q) // 4}Q{(first + q) % 4 + 1}", count)
            for q, count in enumerate(by_quarter.tolist())
            if count
        ],
        months=[(m + 1, count) for m, count in enumerate(by_month.tolist()) if count],
        statuses=[
            (index.statuses[s], count) for s, count in enumerate(by_status.tolist()) if count
        ],
        institutions=tagged["institution"],
        categories=tagged["category"],
        topics=tagged["topic"],
    )
