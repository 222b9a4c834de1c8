"""Which search bundle indexes which page (pure)."""

import pytest

from binational.site.search import event_shard, shard_of, touched, year_splits


@pytest.mark.parametrize(
    ("events", "most", "splits"),
    [
        (0, 400, 1), (400, 400, 1), (401, 400, 2), (770, 400, 2), (1200, 400, 3),
        (1201, 400, 4), (4000, 400, 12), (50_000, 400, 12), (15, 1, 12), (2, 1, 2),
    ],
)  # fmt: skip
def test_year_splits(events, most, splits):
    assert year_splits(events, most) == splits


@pytest.mark.parametrize(
    ("year", "month", "splits", "shard"),
    [
        (2023, 5, 1, "2023"), (2010, 6, 2, "2010-01"), (2010, 7, 2, "2010-07"),
        (2010, 12, 2, "2010-07"), (2010, 9, 4, "2010-07"), (2010, 10, 4, "2010-10"),
        (2010, 3, 12, "2010-03"), (2010, 3, 6, "2010-03"), (2010, 2, 6, "2010-01"),
    ],
)  # fmt: skip
def test_event_shard(year, month, splits, shard):
    assert event_shard(year, month, splits) == shard


@pytest.mark.parametrize(
    ("path", "shard"),
    [
        ("en/institutions/hled/index.html", "institutions"),
        ("es/events/2023/17.html", "2023"),
        ("en/events/2023/index.html", None),
        ("en/events/index.html", None),
        ("archive/0123456789abcdef.html", None),
        ("en/categories/program/index.html", None),
        ("data/events.csv", None),
    ],
)
def test_shard_of(path, shard):
    assert shard_of(path) == shard


@pytest.mark.parametrize(
    ("shard", "removed", "expected"),
    [
        ("2023", {"2023"}, True), ("2023-07", {"2023"}, True), ("2023-07", {"2024"}, False),
        ("institutions", {"institutions"}, True), ("institutions", {"2023"}, False),
    ],
)  # fmt: skip
def test_a_removed_page_touches_its_years_bundles(shard, removed, expected):
    assert touched(shard, removed) is expected
