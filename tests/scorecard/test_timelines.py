"""The span of an institution's timeline strip."""

from __future__ import annotations

import datetime as dt

import pytest

from binational.scorecard.timelines import timeline_span

D = dt.date


@pytest.mark.parametrize(
    ("days", "steps", "today", "span"),
    [
        ([D(2023, 5, 1)], [], D(2024, 6, 30), (2022, 2024)),
        ([D(2023, 5, 1), D(2025, 1, 1)], [D(2013, 5, 1)], D(2024, 6, 30), (2013, 2025)),
        ([D(2023, 5, 1)], [D(1889, 3, 1)], D(2024, 6, 30), (1999, 2024)),
        ([D(1950, 1, 1)], [D(1889, 3, 1)], D(2024, 6, 30), (1949, 2024)),
    ],
)  # fmt: skip
def test_timeline_span(days, steps, today, span):
    assert timeline_span(days, steps, today) == span
