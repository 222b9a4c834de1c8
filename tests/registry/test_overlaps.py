"""Overlapping matches: the longest wins, cluster by cluster, the same whether the
clusters are found in a loop or with arrays."""

from __future__ import annotations

import random

import pytest

from binational.registry.overlaps import (
    VECTOR_MATCHES,
    longest_first,
    longest_first_arrays,
    longest_first_loop,
    settle,
)


def greedy(starts: list[int], ends: list[int], dropped: set[int]) -> list[int]:
    """The rule itself over all matches at once: longest first (then leftmost), each
    kept when it overlaps none kept, returned in text order."""
    return settle([i for i in range(len(starts)) if i not in dropped], starts, ends)


def spans(seed: int, count: int) -> tuple[list[int], list[int], set[int]]:
    """Random spans, many nested or overlapping, no two the same; some dropped."""
    rng = random.Random(seed)
    found: set[tuple[int, int]] = set()
    while len(found) < count:
        start = rng.randrange(count * 4)
        found.add((start, start + rng.randint(1, 12)))
    pairs = list(found)
    rng.shuffle(pairs)
    dropped = {i for i in range(count) if rng.random() < 0.1}
    return [s for s, _ in pairs], [e for _, e in pairs], dropped


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("count", [1, 5, VECTOR_MATCHES, 300])
def test_loop_and_arrays_keep_what_the_greedy_rule_keeps(seed: int, count: int) -> None:
    starts, ends, dropped = spans(seed, count)
    expected = greedy(starts, ends, dropped)
    assert longest_first_loop(starts, ends, dropped) == expected
    assert longest_first_arrays(starts, ends, dropped) == expected
    assert longest_first(starts, ends, dropped) == expected


@pytest.mark.parametrize(
    ("starts", "ends", "kept"),
    [
        ([0], [5], [0]),
        ([0, 2], [10, 6], [0]),  # a name and a shorter one inside it
        ([0, 4], [6, 12], [1]),  # overlapping: the longer wins
        ([0, 4, 10], [6, 12, 14], [1]),  # a chain: the longest, then none overlaps
        ([0, 6], [6, 9], [0, 1]),  # touching spans do not overlap
        ([0, 3, 5], [4, 6, 9], [0, 2]),  # no cover: settled greedily
        ([0, 3, 8], [5, 10, 12], [1]),  # no cover: the longest overlaps both others
    ],
)  # fmt: skip
def test_small_clusters(starts: list[int], ends: list[int], kept: list[int]) -> None:
    assert longest_first_loop(starts, ends) == kept
    assert longest_first_arrays(starts, ends) == kept


def test_every_match_dropped() -> None:
    assert longest_first_arrays([0, 3], [2, 5], {0, 1}) == []
    assert longest_first_loop([0, 3], [2, 5], {0, 1}) == []
