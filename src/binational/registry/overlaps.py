"""Which of overlapping matches the linker keeps: among overlapping ones the
longest wins, settled greedily (the longest first, then each that overlaps none
kept), so the cost stays linear in the number of matches.

Matches are spans ``[start, end)`` given as two lists, referred to by index.
Overlapping matches form clusters. A cluster is nearly always one match, or a long
name and the shorter names inside it ("U.S.-Mexico High-Level Economic Dialogue"
and "High-Level Economic Dialogue"): the match that covers the whole cluster is
then the one kept, with no settling. A text of megabytes has tens of thousands of
matches: from ``VECTOR_MATCHES`` on, clusters and their covers are found with numpy
(the same answer as the loop, which a test checks), leaving only clusters without
a cover to ``settle``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

VECTOR_MATCHES = 48


def longest_first(
    starts: Sequence[int], ends: Sequence[int], dropped: Collection[int] = ()
) -> list[int]:
    """The matches (by index) to keep, in text order; those in ``dropped`` take no
    part."""
    if len(starts) >= VECTOR_MATCHES:
        return longest_first_arrays(starts, ends, dropped)
    return longest_first_loop(starts, ends, dropped)


def longest_first_loop(
    starts: Sequence[int], ends: Sequence[int], dropped: Collection[int] = ()
) -> list[int]:
    """``longest_first`` in one pass in text order, settling each cluster as it closes."""
    kept: list[int] = []
    cluster: list[int] = []
    cluster_start = cluster_end = -1
    cover: int | None = None  # the match spanning the whole cluster, if any
    for i in sorted(range(len(starts)), key=starts.__getitem__):
        if i in dropped:
            continue
        start, end = starts[i], ends[i]
        if start >= cluster_end:
            if cover is not None:
                kept.append(cover)
            elif cluster:
                kept.extend(settle(cluster, starts, ends))
            cluster, cluster_start, cluster_end, cover = [i], start, end, i
        else:
            cluster.append(i)
            if end > cluster_end:
                cluster_end = end
                cover = i if start == cluster_start else None
    if cover is not None:
        kept.append(cover)
    elif cluster:
        kept.extend(settle(cluster, starts, ends))
    return kept


def longest_first_arrays(
    starts: Sequence[int], ends: Sequence[int], dropped: Collection[int] = ()
) -> list[int]:
    """``longest_first`` with numpy: clusters from the running furthest end in text
    order, each cluster's cover where one match spans it, ``settle`` for the rest."""
    import numpy as np  # here, not at import: most texts have a few matches

    all_starts = np.asarray(starts, dtype=np.int64)
    all_ends = np.asarray(ends, dtype=np.int64)
    taking = np.ones(len(all_starts), dtype=bool)
    taking[list(dropped)] = False
    taken = np.flatnonzero(taking)
    if not len(taken):
        return []
    order = taken[np.argsort(all_starts[taken], kind="stable")]
    span_starts, span_ends = all_starts[order], all_ends[order]
    reach = np.maximum.accumulate(span_ends)  # furthest end so far
    opens = np.empty(len(order), dtype=bool)  # where a new cluster starts
    opens[0] = True
    np.greater_equal(span_starts[1:], reach[:-1], out=opens[1:])
    cluster = np.cumsum(opens) - 1
    firsts = np.flatnonzero(opens)
    lasts = np.append(firsts[1:] - 1, len(order) - 1)
    covers = (span_starts == span_starts[firsts][cluster]) & (span_ends == reach[lasts][cluster])
    covered = np.zeros(len(firsts), dtype=bool)
    covered[cluster[covers]] = True
    kept = order[covers].tolist()
    for number in np.flatnonzero(~covered).tolist():
        kept.extend(settle(order[firsts[number] : lasts[number] + 1].tolist(), starts, ends))
    return sorted(kept, key=starts.__getitem__)


def settle(cluster: list[int], starts: Sequence[int], ends: Sequence[int]) -> list[int]:
    """Overlapping matches (by index): the longest first, then each that overlaps none
    kept, in text order."""
    kept: list[int] = []
    for i in sorted(cluster, key=lambda i: (starts[i] - ends[i], starts[i])):
        if all(ends[i] <= starts[j] or starts[i] >= ends[j] for j in kept):
            kept.append(i)
    return sorted(kept, key=starts.__getitem__)
