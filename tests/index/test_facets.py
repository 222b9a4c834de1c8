"""index/facets.py: counts over matched events."""

import numpy as np
import pytest

from binational.index.build import build_membership
from binational.index.facets import facet_rows, value_counts

LINKS = [(1, "ibwc"), (2, "ibwc"), (2, "hlsd"), (3, "hlsd"), (5, "usmca"), (2, "ibwc")]


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        ([1, 2, 3, 5], [("hlsd", 2), ("ibwc", 2), ("usmca", 1)]),
        ([2], [("hlsd", 1), ("ibwc", 1)]),
        ([4, 5], [("usmca", 1)]),  # 4 is no event
        ([], []),
    ],
)
def test_value_counts(ids, expected):
    membership = build_membership(LINKS, 6)  # the repeated (2, "ibwc") counts once
    assert value_counts(membership, np.array(ids, dtype=np.int64)) == expected


def test_facet_rows(small_index):
    index = small_index
    rows = facet_rows(index, np.array([1, 2, 3]))
    assert sorted(rows.periods) == [(2023, 4, "published", 1), (2023, 5, "draft", 1),
                                    (2023, 7, "published", 1)]  # fmt: skip
    assert rows.institutions == [("hlsd", 2), ("ibwc", 2)]
    assert rows.categories == [("commission", 2), ("dialogue", 2)]
    assert rows.topics == [("drugs", 1), ("security", 2)]
    december = facet_rows(index, np.array([5]))
    assert december.periods == [(2022, 12, "reviewed", 1)]
