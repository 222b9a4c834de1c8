"""Ordering and persisting a report's items (reports/builder.py, reports/ordering.moved)."""

import datetime as dt

import pytest

from binational.config import Settings
from binational.domain import PartialDate, Period
from binational.errors import UserError
from binational.intake.importer import import_reports
from binational.reports.builder import builder_view, move_item, set_excluded
from binational.reports.ordering import moved
from binational.store.models import Event, Report
from binational.store.reports import ReportLine

Q2 = Period.parse("2023Q2")


def line(event_id: int, month: int, day: int) -> ReportLine:
    return ReportLine(event_id, f"Event {event_id}", PartialDate.day(2023, month, day), None, None,
                      "", "", False, None, False)  # fmt: skip


ORDER = [line(1, 4, 1), line(2, 4, 5), line(3, 5, 2), line(4, 5, 9)]


@pytest.mark.parametrize(
    ("event_id", "delta", "result"),
    [
        (2, -1, [2, 1, 3, 4]),
        (1, 1, [2, 1, 3, 4]),
        (4, -1, [1, 2, 4, 3]),
        (3, 1, [1, 2, 4, 3]),
    ],
)
def test_moved(event_id, delta, result):
    assert moved(ORDER, event_id, delta) == result


@pytest.mark.parametrize(
    ("event_id", "delta", "message"),
    [
        (1, -1, "already the first item of its month"),
        (3, -1, "already the first item of its month"),
        (2, 1, "already the last item of its month"),
        (4, 1, "already the last item of its month"),
        (9, 1, "not an included item"),
    ],
)
def test_moved_refuses(event_id, delta, message):
    with pytest.raises(UserError, match=message):
        moved(ORDER, event_id, delta)


def test_changes_create_the_report_and_persist_on_both_engines(database):
    with database.transaction() as session:
        for event_id, (month, day) in enumerate([(4, 3), (4, 8), (5, 1)], start=1):
            day_value = dt.date(2023, month, day)
            session.add(Event(id=event_id, title=f"E{event_id}", date_value=day_value,
                              status="reviewed", summary="", implications=""))  # fmt: skip
    with database.sessions() as session:
        view = builder_view(session, Q2)
        assert not view["saved"] and [i["event_id"] for i in view["items"]] == [1, 2, 3]
        assert [(i["can_move_up"], i["can_move_down"]) for i in view["items"]] == [
            (False, True), (True, False), (False, False)
        ]  # fmt: skip
    with database.transaction() as session:
        move_item(session, Q2, 2, -1, "ana", Settings())
        set_excluded(session, Q2, 3, True, "ana", Settings())
    with database.sessions() as session:
        view = builder_view(session, Q2)
        assert view["saved"] and [i["event_id"] for i in view["items"]] == [2, 1]
        assert [e["event_id"] for e in view["excluded"]] == [3]
        report = session.query(Report).one()
        assert report.period == "2023Q2" and report.header == "Report | April-June 2023"
        assert [r.action for r in session.get(Event, 3).revisions] == ["report-exclude"]
    with pytest.raises(UserError, match="not reviewed or published"), \
            database.transaction() as session:  # fmt: skip
        set_excluded(session, Period.parse("2023Q3"), 1, True, "ana", Settings())


def test_builder_view_of_the_sample(database, sample_report_path):
    import_reports(database, [sample_report_path])
    with database.sessions() as session:
        view = builder_view(session, Q2)
    assert view["saved"] and len(view["items"]) == 14 and view["excluded"] == []
    assert view["label"] == "April-June 2023"


def test_a_period_across_years_keeps_its_months_in_order(sqlite_database):
    with sqlite_database.transaction() as session:
        for event_id, day in enumerate(["2022-11-03", "2022-12-08", "2023-01-05"], start=1):
            session.add(Event(id=event_id, title=f"E{event_id}", status="reviewed", summary="",
                              implications="", date_value=dt.date.fromisoformat(day)))  # fmt: skip
    with sqlite_database.sessions() as session:
        view = builder_view(session, Period.parse("2022-11..2023-02"))
    assert view["years"] is True
    assert [i["section"] for i in view["items"]] == ["2022-11", "2022-12", "2023-01"]
    with sqlite_database.sessions() as session:
        assert builder_view(session, Period.year(2023))["years"] is False

