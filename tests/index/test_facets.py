"""index/facets.py: counts over matched events."""

import numpy as np
import pytest

from binational.index.build import build_membership
from binational.index.facets import facet_counts, tag_counts

TAGS = [(1, ("institution", "ibwc")), (2, ("institution", "ibwc")), (2, ("topic", "water")),
        (2, ("institution", "hlsd")), (3, ("institution", "hlsd")),
        (5, ("institution", "usmca")), (2, ("institution", "ibwc"))]  # fmt: skip


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        ([1, 2, 3, 5], [("hlsd", 2), ("ibwc", 2), ("usmca", 1)]),
        ([2], [("hlsd", 1), ("ibwc", 1)]),
        ([4, 5], [("usmca", 1)]),  # 4 is no event
        ([], []),
    ],
)
def test_tag_counts(ids, expected):
    membership = build_membership(TAGS, 6)  # the repeated (2, "ibwc") counts once
    counts = tag_counts(membership, np.array(ids, dtype=np.int64))
    assert counts["institution"] == expected and counts["category"] == []
    assert counts["topic"] == ([("water", 1)] if 2 in ids else [])


def test_facet_counts(small_index):
    counts = facet_counts(small_index, np.array([1, 2, 3]))
    assert counts.quarters == [("2023Q2", 2), ("2023Q3", 1)]
    assert counts.months == [(4, 1), (5, 1), (7, 1)]
    assert counts.statuses == [("draft", 1), ("published", 2)]
    assert counts.institutions == [("hlsd", 2), ("ibwc", 2)]
    assert counts.categories == [("commission", 2), ("dialogue", 2)]
    assert counts.topics == [("drugs", 1), ("security", 2)]
    december = facet_counts(small_index, np.array([5, 1]))
    assert december.quarters == [("2022Q4", 1), ("2023Q2", 1)]
    assert december.months == [(4, 1), (12, 1)]
    assert december.statuses == [("reviewed", 1), ("published", 1)]
    empty = facet_counts(small_index, np.array([], dtype=np.int64))
    assert empty.quarters == empty.months == empty.statuses == empty.institutions == []
