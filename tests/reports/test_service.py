"""A period's report from a real database (SQLite and PostgreSQL): the demo data (the
2023 Q2 report) and the fixture's meetings give the annual report's overview; a
quarter's report has none; the reports page lists a saved year."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.scorecard.conftest import add_history

from binational.config import Settings
from binational.domain import Period
from binational.errors import UserError
from binational.intake.importer import import_reports, read_report_bytes
from binational.publish.txt import render_txt
from binational.registry.loader import load_registry
from binational.reports.builder import report_periods, set_excluded
from binational.reports.service import report_document

TODAY = dt.date(2026, 11, 30)


@pytest.fixture
def demo(database, sample_report_path):
    from binational.registry.annotate import registry_annotator

    import_reports(database, [sample_report_path], annotator=registry_annotator())
    add_history(database)
    return database


def document_of(database, period):
    with database.sessions() as session:
        return report_document(session, Period.parse(period), Settings(),
                               registry=load_registry(), today=TODAY)  # fmt: skip


def test_the_annual_report_opens_with_its_overview(demo):
    document = document_of(demo, "2023")
    overview = document.overview
    assert overview is not None and overview.events == len(document.entries) == 14 + 6
    by_month = {m.month: m.events for m in overview.months}
    assert by_month[1] == 1 and by_month[4] == 8 and by_month[9] == 1 and by_month[12] == 0
    active = {i.slug: i.events for i in overview.most_active}
    assert active["hled"] == 2  # the report's April item and the September meeting
    changes = {(c.slug, c.change, c.date) for c in overview.changes}
    assert ("trilateral-fentanyl-committee", "established", "2023-01-10") in changes
    assert [str(group.quarter) for group in document.quarter_groups] == [
        "2023Q1", "2023Q2", "2023Q3", "2023Q4",
    ]  # fmt: skip


def test_june_to_october_2022(demo):
    document = document_of(demo, "2022-06..2022-10")
    assert [e.title for e in document.entries] == [
        "USMCA Free Trade Commission meets in Vancouver",
        "High-Level Economic Dialogue meets in Mexico City",
        "High-Level Security Dialogue meets in Washington",
    ]
    assert [m.events for m in document.overview.months] == [0, 1, 0, 1, 1]


def test_a_quarter_has_no_overview(demo):
    assert document_of(demo, "2023Q2").overview is None


def test_the_annual_txt_imports_back_with_the_same_items(demo):
    document = document_of(demo, "2023")
    parsed = read_report_bytes(render_txt(document), "report-2023.txt", ".txt")
    assert [(i.title, i.date, i.summary) for i in parsed.items] == [
        (e.title, e.date, e.summary) for e in document.entries
    ]


def test_an_empty_year_is_refused(demo):
    with pytest.raises(UserError, match="no reviewed or published events in 2019"):
        document_of(demo, "2019")


def test_the_reports_page_lists_a_saved_year(demo):
    from sqlalchemy import select

    from binational.store.models import Event

    with demo.transaction() as session:
        first = session.scalars(select(Event.id).where(Event.date_value >= dt.date(2023, 1, 1))
                                .order_by(Event.date_value)).first()  # fmt: skip
        set_excluded(session, Period.year(2023), first, True, "editor@example.org", Settings())
    with demo.sessions() as session:
        periods = report_periods(session)
    listed = [(p["period"], p["saved"]) for p in periods]
    assert ("2023", True) in listed
    assert listed.index(("2023", True)) < listed.index(("2023Q4", False))
    year = next(p for p in periods if p["period"] == "2023")
    assert year["events"] == 20 and year["label"] == "2023"
