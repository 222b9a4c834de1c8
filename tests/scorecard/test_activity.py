"""An institution's activity: which events count, meetings (events less than 14 days
apart are one), intervals, the median, and counts per period."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.scorecard.conftest import institution, linked

from binational.domain import Period
from binational.scorecard.activity import (
    group_occasions,
    institution_activity,
    median_interval,
    meets,
    period_counts,
)

HLED = ("2013-09-20", "2015-01-06", "2016-02-25", "2021-09-09", "2022-09-12", "2023-09-29")


def days(*texts):
    return [dt.date.fromisoformat(text) for text in texts]


@pytest.mark.parametrize(
    ("dates", "occasions"),
    [
        (("2023-01-09", "2023-01-10", "2023-01-22"), ["2023-01-09"]),  # 13 days: one meeting
        (("2023-01-09", "2023-01-23"), ["2023-01-09", "2023-01-23"]),  # 14 days: two
        # measured from the meeting's first event, not chained
        (("2023-01-01", "2023-01-10", "2023-01-19"), ["2023-01-01", "2023-01-19"]),
        ((), []),
    ],
)
def test_events_less_than_14_days_apart_are_one_meeting(dates, occasions):
    found = group_occasions(linked(*dates))
    assert [o.day.isoformat() for o in found] == occasions
    assert sum(len(o.events) for o in found) == len(dates)


@pytest.mark.parametrize(
    ("dates", "median"),
    [
        (HLED, 415.0),  # intervals 473, 415, 2023, 368, 382 days
        (("2023-01-01",), None),
        ((), None),
        (("2021-01-01", "2022-01-01", "2022-07-02", "2023-07-02"), 365.0),
        (("2020-01-01", "2020-01-31", "2020-03-01", "2020-03-11"), 30.0),
    ],
)
def test_median_interval_between_consecutive_days(dates, median):
    assert median_interval(days(*dates)) == median


def test_counts_per_period_of_the_same_length():
    events = linked("2019-05-01", "2022-12-31", "2023-01-01", "2023-06-30", "2024-01-01")
    assert period_counts(events, Period.year(2023)) == (1, 0, 0, 1, 2)
    # 2022Q2, 2022Q3, 2022Q4, 2023Q1, then 2023Q2
    assert period_counts(events, Period.parse("2023Q2")) == (0, 0, 1, 1, 1)
    assert period_counts(events, Period.parse("2022-06..2022-10")) == (0, 0, 0, 0, 0)


def test_the_high_level_economic_dialogue_as_of_the_end_of_2023():
    entry = institution(None)
    activity = institution_activity(entry, linked(*HLED), Period.year(2023), dt.date(2023, 12, 31))
    assert activity.meets and len(activity.meetings) == 6
    assert activity.last_occasion.day == dt.date(2023, 9, 29)
    assert activity.days_since_last == 93
    assert activity.median_interval_days == 415.0
    assert activity.counts == (0, 0, 1, 1, 1)
    assert [e.date.year for e in activity.in_period] == [2023]


def test_only_counted_statuses_up_to_the_day():
    events = (*linked("2023-01-05", "2023-03-05"), *linked("2023-02-05", status="draft"))
    entry = institution(None)
    activity = institution_activity(entry, events, Period.year(2023), dt.date(2023, 2, 28))
    assert [e.date.isoformat() for e in activity.events] == ["2023-01-05"]
    published = institution_activity(
        entry, events, Period.year(2023), dt.date(2023, 12, 31), statuses=("draft",)
    )
    assert [e.date.isoformat() for e in published.events] == ["2023-02-05"]


@pytest.mark.parametrize(
    ("slug", "meets_"),
    [("hled", True), ("nals", True), ("trilateral-fentanyl-committee", True),
     ("border-governors-conference", True), ("ibwc", False), ("usmca", False),
     ("sentri", False)],
)  # fmt: skip
def test_which_institutions_meet(slug, meets_):
    from binational.registry.loader import load_registry

    assert meets(load_registry().institution(slug)) is meets_


def test_an_institution_that_does_not_meet_has_occasions_but_no_meetings():
    entry = institution(None, slug="usmca")
    activity = institution_activity(
        entry, linked("2023-01-05", "2023-03-05"), Period.year(2023), dt.date(2023, 12, 31)
    )
    assert activity.meetings == () and len(activity.occasions) == 2
