"""The scorecard from a real database (a SQLite file and PostgreSQL) holding the
High-Level Economic Dialogue's meeting history (2013, 2015, 2016, then relaunched
2021, 2022, 2023): the right last meeting, median interval and mark, with the bundled
registry (no cadence) and with copies that give it one."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.scorecard.conftest import add_history, registry_copy

from binational.domain import Period
from binational.errors import UserError
from binational.publish.scorecard_document import Mark
from binational.registry.loader import load_registry
from binational.scorecard.service import default_period, scorecard_document

TODAY = dt.date(2026, 11, 30)


def hled_row(database, registry, period):
    with database.connect() as connection:
        document = scorecard_document(
            connection, registry, Period.parse(period), TODAY, organization="Center"
        )
    (row,) = [row for row in document.rows if row.slug == "hled"]
    return document, row


def test_the_dialogue_history_with_the_bundled_registry(database):
    ids = add_history(database)
    document, row = hled_row(database, load_registry(), "2023")
    assert document.as_of == dt.date(2023, 12, 31)
    assert row.last_meeting.date == "2023-09-29"
    assert row.last_meeting.id == ids["High-Level Economic Dialogue meets in Washington"]
    assert row.median_interval_days == 415.0  # intervals 473, 415, 2023, 368, 382 days
    assert (row.days_since_last, row.occasions, row.counts) == (93, 6, (0, 0, 1, 1, 1))
    assert row.status == "relaunched" and row.status_step.date == "2021-09-09"
    assert row.mark is Mark.NO_CADENCE  # the bundled registry gives it no cadence


@pytest.mark.parametrize(
    ("period", "mark", "key"),
    [
        ("2016", Mark.ON_CADENCE, "gap_on_cadence"),
        ("2017", Mark.LAPSED, "suspended"),  # the registry: suspended from 2017
        ("2019", Mark.LAPSED, "suspended"),
        ("2021", Mark.ON_CADENCE, "gap_on_cadence"),
        ("2023", Mark.ON_CADENCE, "gap_on_cadence"),
    ],
)
def test_an_annual_cadence_with_the_registry_history(database, tmp_path, period, mark, key):
    add_history(database)
    registry = load_registry(
        registry_copy(tmp_path, "hled", cadence={"value": "annual", "unconfirmed": True})
    )
    _, row = hled_row(database, registry, period)
    assert (row.mark, row.reason.key) == (mark, key)


@pytest.mark.parametrize(
    ("period", "mark"),
    [("2017", Mark.OVERDUE), ("2018", Mark.OVERDUE), ("2019", Mark.LAPSED),
     ("2020", Mark.LAPSED)],
)  # fmt: skip
def test_without_the_suspension_the_gap_decides(database, tmp_path, period, mark):
    add_history(database)
    registry = load_registry(registry_copy(
        tmp_path, "hled", cadence={"value": "annual", "unconfirmed": True},
        status_history=[{"date": "2013-05", "status": "active", "unconfirmed": True}],
    ))  # fmt: skip
    _, row = hled_row(database, registry, period)
    # last met 2016-02-25: 18 months after is 2017-08-25, 36 months 2019-02-25
    assert row.mark is mark
    assert row.reason.value("date") == "2016-02-25" and row.last_meeting.date == "2016-02-25"


def test_an_empty_database_is_refused_in_one_sentence(database):
    with database.connect() as connection, pytest.raises(UserError, match="no reviewed or"):
        scorecard_document(connection, load_registry(), Period.year(2023), TODAY,
                           organization="Center")  # fmt: skip


def test_an_unknown_category_is_refused(database):
    add_history(database)
    with database.connect() as connection, pytest.raises(UserError, match="no category"):
        scorecard_document(connection, load_registry(), Period.year(2023), TODAY,
                           organization="Center", category="treaties")  # fmt: skip


def test_the_default_period_is_the_twelve_months_up_to_this_one():
    assert str(default_period(dt.date(2026, 11, 30))) == "2025-12..2026-11"
    assert str(default_period(dt.date(2026, 12, 1))) == "2026"
