"""The overview of a report longer than a quarter, from plain data: counts by month and
category, the most active institutions, the registry's changes in the period and the
lapses the scorecard finds."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.scorecard.conftest import institution, linked

from binational.domain import PartialDate, Period
from binational.registry.loader import load_registry
from binational.reports.overview import build_overview, needs_overview, registry_changes
from binational.store.institution_activity import LinkedEvent
from binational.store.reports import ReportLine

HISTORY = (("2013-05", "active"), ("2017", "suspended"), ("2021-09-09", "relaunched"))


def line(event_id: int, day: str) -> ReportLine:
    return ReportLine(
        event_id=event_id, title=f"Event {event_id}", date=PartialDate.parse(day), url=None,
        link_text=None, summary="", implications="", truncated=False, position=None,
        excluded=False,
    )  # fmt: skip


def event(event_id: int, day: str) -> LinkedEvent:
    return LinkedEvent(event_id, dt.date.fromisoformat(day), f"Event {event_id}", "published")


@pytest.mark.parametrize(
    ("period", "needed"),
    [("2023", True), ("2022-06..2022-10", True), ("2023-01..2023-04", True),
     ("2023Q2", False), ("2023-05", False), ("2023-02..2023-04", False)],
)  # fmt: skip
def test_only_a_period_longer_than_a_quarter_has_an_overview(period, needed):
    assert needs_overview(Period.parse(period)) is needed


def test_counts_by_month_category_and_institution():
    registry = load_registry()
    days = ("2023-01-10", "2023-01-20", "2023-05", "2023-11-02")
    lines = [line(number, day) for number, day in enumerate(days, start=1)]
    links = {
        "hled": [event(1, "2023-01-10"), event(2, "2023-01-20")],
        "usmca": [event(2, "2023-01-20")],
        "nals": [event(1, "2023-01-10"), event(99, "2022-01-01")],  # 99: not in the report
        "state": [event(4, "2023-11-02")],  # an agency: not an institution
    }
    overview = build_overview(lines, Period.year(2023), registry.institutions, links,
                              dt.date(2023, 12, 31), dt.date(2013, 1, 1))  # fmt: skip
    assert overview.events == 4
    assert [(m.month, m.events) for m in overview.months if m.events] == [(1, 2), (5, 1), (11, 1)]
    assert len(overview.months) == 12
    categories = {c.category: c.events for c in overview.categories}
    assert categories == {"agreement": 1, "organization": 0, "dialogue_mechanism": 2,
                          "program": 0}  # fmt: skip
    assert overview.unlinked == 2  # event 3 has no link, event 4 only an agency
    # ties by name: North American Leaders' Summit before United States-Mexico-Canada
    assert [(i.slug, i.events) for i in overview.most_active] == [
        ("hled", 2), ("nals", 1), ("usmca", 1),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("period", "changes"),
    [
        ("2013", [("established", "2013-05")]),
        ("2017", [("suspended", "2017")]),
        ("2021", [("relaunched", "2021-09-09")]),
        ("2021-06..2021-08", []),
        ("2019", []),
    ],
)
def test_the_registry_changes_dated_in_the_period(period, changes):
    entry = institution(None, history=HISTORY)
    found = registry_changes(entry, Period.parse(period))
    assert [(c.change, c.date) for c in found] == changes


def test_ended_and_superseded_are_ended():
    entry = institution(None, history=(("1994", "active"), ("2020-07-01", "superseded")),
                        established="1994")  # fmt: skip
    (change,) = registry_changes(entry, Period.year(2020))
    assert (change.change, change.date) == ("ended", "2020-07-01")


def test_a_lapse_in_the_period_that_holds_at_its_end():
    entry = institution("annual")
    base = dict(lines=[], period=Period.year(2023), institutions=[entry],
                as_of=dt.date(2023, 12, 31), coverage_start=dt.date(2013, 1, 1))  # fmt: skip
    quiet = build_overview(linked=({"hled": linked("2020-02-10")}), **base)
    assert [(c.change, c.date) for c in quiet.changes] == [("lapsed", "2023-02-11")]
    assert quiet.changes[0].note.startswith("Last met on 2020-02-10, 46 months before 2023-12-31")
    met_again = build_overview(linked={"hled": linked("2020-02-10", "2023-06-01")}, **base)
    assert met_again.changes == ()
    lapsed_before = build_overview(linked={"hled": linked("2019-02-10")}, **base)
    assert lapsed_before.changes == ()  # lapsed in 2022, not in 2023
