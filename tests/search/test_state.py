"""search/state.py: what an index reflects, and the ids it still awaits."""

from __future__ import annotations

import pytest

from binational.search.state import IndexState, gaps_after, read_state, write_state


@pytest.mark.parametrize(
    ("previous", "low", "high", "found", "now", "expected"),
    [
        ({}, 10, 13, [11, 12, 13], 100.0, {}),
        ({}, 10, 13, [11, 13], 100.0, {12: 100.0}),
        ({}, 10, 10, [], 100.0, {}),
        ({5: 50.0}, 10, 12, [11, 12], 100.0, {5: 50.0}),  # still awaited
        ({5: 50.0}, 10, 12, [5, 11, 12], 100.0, {}),  # it came
        ({5: 50.0}, 10, 12, [11, 12], 700.0, {}),  # waited long enough: rolled back
        ({5: 50.0, 6: 90.0}, 10, 11, [], 651.0, {6: 90.0, 11: 651.0}),
    ],
)
def test_gaps_after(previous, low, high, found, now, expected):
    assert gaps_after(previous, low, high, found, now, patience=600.0) == expected


def test_the_state_file_round_trips(tmp_path):
    state = IndexState(1, "g1", "f", 10, 20, {3: 1.5}, {19: 2.5}, ("labor", "water"))
    write_state(tmp_path, state)
    assert read_state(tmp_path) == state
    assert read_state(tmp_path).waiting and read_state(tmp_path).version == (10, 20)
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]  # no temporary left


@pytest.mark.parametrize("content", [None, "", "garbage", "{}", '{"format": 1}', "[1, 2]"])
def test_a_missing_or_unreadable_state_is_none(tmp_path, content):
    if content is not None:
        (tmp_path / "state.json").write_text(content, encoding="utf-8")
    assert read_state(tmp_path) is None
