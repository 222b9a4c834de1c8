"""The status check's rules, on plain data: which institutions it flags, with what
evidence, and the edges of each window."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest

from binational.domain import Category
from binational.registry.check import (
    CheckRules,
    Evidence,
    check_statuses,
    months_before,
    suggestion_record,
)
from binational.registry.entries import Cadence, Institution, StatusChange
from binational.registry.schema import parse_registry_date

TODAY = dt.date(2026, 11, 30)


class Linked(NamedTuple):
    id: int
    date: dt.date
    title: str = "an event"
    status: str = "published"


def institution(
    status: str = "active",
    category: Category = Category.DIALOGUE_MECHANISM,
    cadence: Cadence | None = None,
    history: tuple[tuple[str, str], ...] = (),
) -> Institution:
    steps = tuple(
        StatusChange(date=parse_registry_date(text), status=step) for text, step in history
    )
    return Institution(
        slug="x",
        name_en="X",
        name_es="X",
        category=category,
        subtype="dialogue",
        parties=("US", "MX"),
        status=status,
        status_history=steps,
        cadence=cadence,
        description="A test entry.",
    )


def flags(entry: Institution, *dates: dt.date) -> tuple[str, ...]:
    events = [Linked(index, day) for index, day in enumerate(dates, start=1)]
    return tuple(s.rule for s in check_statuses([entry], {"x": events}, TODAY))


D = dt.date


@pytest.mark.parametrize(
    ("entry", "dates", "expected"),
    [
        # active, no activity: none at all, the last just outside / inside 3 years
        (institution(), (), ("active_without_activity",)),
        (institution(), (D(2023, 11, 29),), ("active_without_activity",)),
        (institution(), (D(2023, 11, 30),), ()),
        (institution(), (D(2019, 1, 1), D(2026, 1, 1)), ()),
        # agreements need no events to stay in force
        (institution(category=Category.AGREEMENT), (), ()),
        (institution(category=Category.PROGRAM), (), ("active_without_activity",)),
        # ended and superseded institutions are not checked
        (institution(status="ended"), (D(2026, 1, 1),), ()),
        # suspended: events after the suspension and within 3 years flag it
        (institution("suspended", history=(("2013", "active"), ("2024-05", "suspended"))),
         (D(2026, 3, 12),), ("suspended_but_met",)),
        (institution("suspended", history=(("2013", "active"), ("2024-05", "suspended"))),
         (D(2024, 5, 1),), ()),
        (institution("suspended", history=(("2013", "active"), ("2024-05", "suspended"))),
         (D(2024, 5, 2),), ("suspended_but_met",)),
        (institution("suspended"), (D(2023, 11, 29),), ()),
        (institution("suspended"), (D(2023, 11, 30),), ("suspended_but_met",)),
        # cadence: annual allows 18 months, semiannual 9, ad hoc any gap
        (institution(cadence=Cadence.ANNUAL), (D(2025, 5, 30),), ()),
        (institution(cadence=Cadence.ANNUAL), (D(2025, 5, 29),), ("overdue_for_cadence",)),
        (institution(cadence=Cadence.SEMIANNUAL), (D(2026, 2, 28),), ()),
        (institution(cadence=Cadence.SEMIANNUAL), (D(2026, 2, 27),), ("overdue_for_cadence",)),
        (institution(cadence=Cadence.QUARTERLY), (D(2026, 6, 30),), ()),
        (institution(cadence=Cadence.QUARTERLY), (D(2026, 6, 29),), ("overdue_for_cadence",)),
        (institution(cadence=Cadence.BIENNIAL), (D(2023, 12, 1),), ()),
        (institution(cadence=Cadence.AD_HOC), (D(2024, 1, 1),), ()),
        # with no event at all the stronger rule speaks, once
        (institution(cadence=Cadence.ANNUAL), (), ("active_without_activity",)),
        (institution(category=Category.AGREEMENT, cadence=Cadence.ANNUAL), (),
         ("overdue_for_cadence",)),
    ],
)  # fmt: skip
def test_rules(entry: Institution, dates: tuple[dt.date, ...], expected: tuple[str, ...]) -> None:
    assert flags(entry, *dates) == expected


def test_a_suggestion_carries_its_evidence_and_a_record() -> None:
    entry = institution("suspended", history=(("2013", "active"), ("2024-05", "suspended")))
    events = {"x": [Linked(7, D(2026, 3, 12), "LIV meeting"), Linked(3, D(2022, 1, 5))]}
    (suggestion,) = check_statuses([entry], events, TODAY)
    assert suggestion.suggested_status == "active" and suggestion.status == "suspended"
    assert suggestion.evidence == (Evidence(7, D(2026, 3, 12), "LIV meeting"),)
    assert "suspended since 2024-05-01" in suggestion.reason
    record = suggestion_record(suggestion)
    assert record["evidence"] == [{"event_id": 7, "date": "2026-03-12", "title": "LIV meeting"}]
    assert record["rule"] == "suspended_but_met"


def test_active_without_activity_cites_the_last_event() -> None:
    events = {"x": [Linked(2, D(2020, 1, 1)), Linked(5, D(2023, 4, 18), "HLED review")]}
    (suggestion,) = check_statuses([institution()], events, TODAY)
    assert suggestion.suggested_status == "suspended"
    assert suggestion.evidence == (Evidence(5, D(2023, 4, 18), "HLED review"),)
    assert "since 2023-04-18" in suggestion.reason


def test_the_windows_are_parameters() -> None:
    events = {"x": [Linked(1, D(2025, 1, 1))]}
    assert check_statuses([institution()], events, TODAY, CheckRules(inactive_years=1))
    assert not check_statuses([institution()], events, TODAY, CheckRules(inactive_years=2))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 11, 30), 36, D(2023, 11, 30)),
        (D(2026, 3, 31), 1, D(2026, 2, 28)),
        (D(2024, 3, 31), 1, D(2024, 2, 29)),
        (D(2026, 1, 15), 13, D(2024, 12, 15)),
        (D(2026, 5, 1), 0, D(2026, 5, 1)),
    ],
)
def test_months_before(day: dt.date, months: int, expected: dt.date) -> None:
    assert months_before(day, months) == expected
