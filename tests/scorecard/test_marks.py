"""The continuity rules as tables: gaps exactly at 1.5x and 3x the cadence and one
day more, a single meeting, no cadence, ad hoc, a suspended or ended institution, a
new one, a relaunch, and no linked event at all."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.scorecard.conftest import institution, linked

from binational.domain import Period
from binational.publish.scorecard_document import Mark
from binational.scorecard.activity import institution_activity
from binational.scorecard.marks import add_months, continuity, months_between, status_on

COVERAGE_START = dt.date(2013, 1, 1)


def mark_of(entry, dates, as_of, coverage_start=COVERAGE_START):
    day = dt.date.fromisoformat(as_of)
    activity = institution_activity(entry, linked(*dates), Period.year(day.year), day)
    return continuity(entry, activity, day, coverage_start)


@pytest.mark.parametrize(
    ("cadence", "last", "as_of", "mark"),
    [
        # annual: overdue after 18 months, lapsed after 36
        ("annual", "2022-06-30", "2023-12-30", Mark.ON_CADENCE),  # exactly 18 months
        ("annual", "2022-06-30", "2023-12-31", Mark.OVERDUE),  # one day more
        ("annual", "2020-12-31", "2023-12-31", Mark.OVERDUE),  # exactly 36 months
        ("annual", "2020-12-31", "2024-01-01", Mark.LAPSED),  # one day more
        # quarterly: 4.5 months rounds up to 5, 9 months
        ("quarterly", "2023-01-31", "2023-06-30", Mark.ON_CADENCE),  # 5 months (June 30)
        ("quarterly", "2023-01-31", "2023-07-01", Mark.OVERDUE),
        ("quarterly", "2023-01-15", "2023-10-15", Mark.OVERDUE),  # exactly 9 months
        ("quarterly", "2023-01-15", "2023-10-16", Mark.LAPSED),
        # semiannual: 9 and 18 months
        ("semiannual", "2022-03-10", "2022-12-10", Mark.ON_CADENCE),
        ("semiannual", "2022-03-10", "2022-12-11", Mark.OVERDUE),
        ("semiannual", "2022-03-10", "2023-09-10", Mark.OVERDUE),
        ("semiannual", "2022-03-10", "2023-09-11", Mark.LAPSED),
        # biennial: 36 and 72 months
        ("biennial", "2017-05-01", "2020-05-01", Mark.ON_CADENCE),
        ("biennial", "2017-05-01", "2020-05-02", Mark.OVERDUE),
        ("biennial", "2017-05-01", "2023-05-02", Mark.LAPSED),
    ],
)
def test_gaps_at_and_just_past_the_limits(cadence, last, as_of, mark):
    found = mark_of(institution(cadence), [last], as_of)
    assert found.mark is mark
    assert found.reference == dt.date.fromisoformat(last)
    assert found.reason.value("since") == "meeting"


@pytest.mark.parametrize(("cadence", "key"), [(None, "no_cadence"), ("ad_hoc", "ad_hoc")])
def test_no_cadence_is_shown_not_judged(cadence, key):
    found = mark_of(institution(cadence), ["2015-01-06"], "2023-12-31")
    assert (found.mark, found.reason.key) == (Mark.NO_CADENCE, key)


def test_a_single_meeting_is_judged_from_that_meeting():
    entry = institution("annual", established="2013-05")
    on_time = mark_of(entry, ["2013-09-20"], "2014-12-31")
    late = mark_of(entry, ["2013-09-20"], "2015-06-01")
    assert (on_time.mark, late.mark) == (Mark.ON_CADENCE, Mark.OVERDUE)
    assert [e.id for e in late.occasion.events] == [1]


@pytest.mark.parametrize(
    ("history", "as_of", "mark", "key"),
    [
        ((("2013-05", "active"), ("2017", "suspended")), "2019-12-31", Mark.LAPSED, "suspended"),
        ((("2013-05", "active"), ("2017", "suspended")), "2016-12-31", Mark.ON_CADENCE,
         "gap_on_cadence"),
        ((("2005-03", "active"), ("2009-08", "ended")), "2012-01-01", Mark.ENDED, "ended"),
        ((("1994", "active"), ("2020-07-01", "superseded")), "2021-01-01", Mark.ENDED, "ended"),
    ],
)  # fmt: skip
def test_the_registry_decides_for_a_suspended_or_ended_institution(history, as_of, mark, key):
    # It met the month before: the registry's status wins over the gap.
    day = dt.date.fromisoformat(as_of)
    last = (day.replace(day=1) - dt.timedelta(days=20)).isoformat()
    found = mark_of(institution("annual", history=history, established=history[0][0]), [last],
                    as_of)  # fmt: skip
    assert (found.mark, found.reason.key) == (mark, key)
    if mark is not Mark.ON_CADENCE:
        assert found.step is not None and found.step.status == history[-1][1]


@pytest.mark.parametrize(
    ("established", "as_of", "mark"),
    [
        ("2023-01-10", "2023-12-31", Mark.NEW),
        ("2023-01-01", "2023-12-31", Mark.NEW),  # 12 months minus a day
        ("2022-12-31", "2023-12-31", Mark.LAPSED),  # 12 months: no longer new
        ("2024-01", "2023-12-31", Mark.LAPSED),  # not yet established (build leaves it out)
    ],
)
def test_new_within_a_year_of_establishment(established, as_of, mark):
    entry = institution("quarterly", history=(), established=established)
    found = mark_of(entry, [], as_of, coverage_start=dt.date(2020, 1, 1))
    assert found.mark is mark


def test_a_relaunch_restarts_the_gap_and_a_meeting_on_that_day_is_the_reference():
    history = (("2013-05", "active"), ("2017", "suspended"), ("2021-09-09", "relaunched"))
    entry = institution("annual", history=history)
    quiet = mark_of(entry, ["2016-02-25"], "2022-12-31")
    assert (quiet.mark, quiet.reason.value("since"), quiet.reference) == (
        Mark.ON_CADENCE, "relaunch", dt.date(2021, 9, 9),
    )  # fmt: skip
    assert quiet.step is not None and quiet.step.status == "relaunched"
    assert mark_of(entry, ["2016-02-25"], "2023-03-10").mark is Mark.OVERDUE
    met = mark_of(entry, ["2016-02-25", "2021-09-09"], "2022-12-31")
    assert met.reason.value("since") == "meeting" and met.occasion is not None


@pytest.mark.parametrize(
    ("established", "coverage", "reference", "since"),
    [
        ("1961", "2022-10-01", "2022-10-01", "coverage"),
        ("2022-11", "2022-10-01", "2022-11-01", "establishment"),
    ],
)
def test_no_linked_event_measures_from_the_later_of_start_and_coverage(
    established, coverage, reference, since
):
    entry = institution("annual", history=((established, "active"),), established=established)
    found = mark_of(entry, [], "2023-12-31", coverage_start=dt.date.fromisoformat(coverage))
    assert (found.reference, found.reason.value("since")) == (
        dt.date.fromisoformat(reference), since,
    )  # fmt: skip
    assert found.occasion is None


def test_the_lapse_day_is_the_day_after_the_limit():
    entry = institution("annual")
    found = mark_of(entry, ["2020-02-29"], "2023-12-31")
    assert found.lapses_on == dt.date(2023, 3, 1)  # 2023-02-28 is 36 months after
    assert mark_of(entry, ["2020-02-29"], "2023-02-28").mark is Mark.OVERDUE
    assert mark_of(entry, ["2020-02-29"], "2023-03-01").mark is Mark.LAPSED


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [("2023-01-31", 1, "2023-02-28"), ("2020-02-29", 12, "2021-02-28"),
     ("2023-11-15", 3, "2024-02-15"), ("2023-05-10", 0, "2023-05-10")],
)  # fmt: skip
def test_add_months_keeps_the_day_or_the_months_last(day, months, expected):
    assert add_months(dt.date.fromisoformat(day), months) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [("2022-06-30", "2023-12-30", 18), ("2022-06-30", "2023-12-29", 17),
     ("2016-02-25", "2021-09-09", 66)],
)  # fmt: skip
def test_months_between_counts_whole_months(start, end, months):
    assert months_between(dt.date.fromisoformat(start), dt.date.fromisoformat(end)) == months


def test_status_on_a_day_comes_from_the_history():
    history = (("2013-05", "active"), ("2017", "suspended"), ("2021-09-09", "relaunched"))
    entry = institution("annual", history=history)
    assert status_on(entry, dt.date(2016, 12, 31))[0] == "active"
    assert status_on(entry, dt.date(2017, 1, 1))[0] == "suspended"
    assert status_on(entry, dt.date(2021, 9, 9))[0] == "relaunched"
    undated = institution("annual", history=(), established=None)
    assert status_on(undated, dt.date(2020, 1, 1)) == (undated.status, None)
