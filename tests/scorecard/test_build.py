"""The ScorecardDocument from plain data: coverage spans, trends, the rows' order and
fields, institutions not yet established, the category filter, the evidence."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.scorecard.conftest import institution, linked

from binational.domain import Period
from binational.publish.scorecard_document import Mark, Trend
from binational.registry.loader import load_registry
from binational.scorecard.build import build_scorecard, coverage_spans, trend

HLED = ("2013-09-20", "2015-01-06", "2016-02-25", "2021-09-09", "2022-09-12", "2023-09-29")
COVERED_YEARS = [(y, m, 2) for y in (2013, 2014, 2015, 2016, 2021, 2022, 2023) for m in (1, 9)]


@pytest.mark.parametrize(
    ("months", "spans"),
    [
        ([(2022, 10), (2022, 11), (2022, 12), (2023, 4), (2023, 5), (2023, 6)],
         ["2022Q4", "2023Q2"]),
        ([(2022, 12), (2023, 1)], ["2022-12..2023-01"]),
        ([(2023, 5), (2023, 5), (2023, 7)], ["2023-05", "2023-07"]),
        ([], []),
    ],
)  # fmt: skip
def test_coverage_spans_merge_consecutive_months(months, spans):
    assert [str(span) for span in coverage_spans(months)] == spans


@pytest.mark.parametrize(
    ("counts", "covered", "expected"),
    [
        ((0, 1, 1, 2, 3), (True,) * 5, Trend.RISING),
        ((2, 2, 2, 2, 1), (True,) * 5, Trend.FALLING),
        ((1, 1, 1, 1, 1), (True,) * 5, Trend.STEADY),
        ((0, 0, 0, 0, 0), (True,) * 5, Trend.QUIET),
        ((0, 0, 0, 0, 1), (False, False, False, False, True), Trend.UNKNOWN),
        ((0, 0, 3, 1, 0), (True, True, True, True, False), Trend.UNKNOWN),
        # uncovered periods do not pull the mean down: 2 against the mean of (2, 2)
        ((0, 0, 2, 2, 2), (False, False, True, True, True), Trend.STEADY),
    ],
)
def test_trend_against_the_covered_periods_before(counts, covered, expected):
    assert trend(counts, covered) is expected


def scorecard(institutions, events, period="2023", months=COVERED_YEARS, **kwargs):
    chosen = Period.parse(period)
    return build_scorecard(
        institutions, events, chosen, chosen.end, months, organization="Center", **kwargs
    )


def test_a_row_has_every_field_with_its_evidence():
    entry = institution("annual", history=(("2013-05", "active"), ("2017", "suspended"),
                                           ("2021-09-09", "relaunched")))  # fmt: skip
    document = scorecard([entry], {"hled": linked(*HLED)})
    (row,) = document.rows
    assert (row.status, row.status_step.date, row.cadence, row.meets) == (
        "relaunched", "2021-09-09", "annual", True,
    )  # fmt: skip
    assert row.counts == (0, 0, 1, 1, 1) and row.events_in_period == 1
    assert row.last_activity.date == row.last_meeting.date == "2023-09-29"
    assert (row.days_since_last, row.median_interval_days, row.occasions) == (93, 415.0, 6)
    assert (row.mark, row.trend) == (Mark.ON_CADENCE, Trend.STEADY)
    assert [e.id for e in row.evidence_events] == [6]
    assert [s.status for s in row.evidence_steps] == ["relaunched"]
    assert document.covered == (False, False, True, True, True)
    assert document.coverage_events == len(COVERED_YEARS) * 2


def test_rows_by_category_then_what_needs_attention_first():
    registry = load_registry()
    document = scorecard(registry.institutions, {"hled": linked(*HLED)})
    categories = [row.category for row in document.rows]
    assert categories == sorted(
        categories, key=["agreement", "organization", "dialogue_mechanism", "program"].index
    )
    dialogue = [row for row in document.rows if row.category == "dialogue_mechanism"]
    order = [Mark.LAPSED, Mark.OVERDUE, Mark.ON_CADENCE, Mark.NEW, Mark.NO_CADENCE, Mark.ENDED]
    assert [order.index(row.mark) for row in dialogue] == sorted(
        order.index(row.mark) for row in dialogue
    )
    # Institutions established after the day are left out, and named.
    omitted = {o.slug: o for o in document.omitted}
    assert omitted["security-implementation-group"].established == "2025-09"
    assert all(row.slug != "security-implementation-group" for row in document.rows)
    assert len(document.rows) + len(document.omitted) == len(registry.institutions)


def test_only_one_category():
    registry = load_registry()
    document = scorecard(registry.institutions, {}, category="dialogue_mechanism")
    assert {row.category for row in document.rows} == {"dialogue_mechanism"}
    assert document.category == "dialogue_mechanism"


def test_published_only_for_an_anonymous_reader():
    entry = institution(None)
    events = {"hled": (*linked("2023-09-29"), *linked("2023-05-02", status="reviewed"))}
    everyone = scorecard([entry], events, statuses=("published",))
    analysts = scorecard([entry], events)
    assert everyone.rows[0].events_in_period == 1
    assert analysts.rows[0].events_in_period == 2


def test_the_day_bounds_the_events():
    entry = institution(None)
    document = build_scorecard(
        [entry], {"hled": linked(*HLED)}, Period.year(2023), dt.date(2023, 6, 30),
        COVERED_YEARS, organization="Center",
    )  # fmt: skip
    row = document.rows[0]
    assert row.last_activity.date == "2022-09-12" and row.events_in_period == 0
