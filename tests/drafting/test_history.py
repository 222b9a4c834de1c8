"""How an institution's earlier events in the store frame this one."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from binational.domain import PartialDate
from binational.drafting.history import earlier_events, history_facts, months_between
from binational.drafting.inputs import PastEvent
from binational.drafting.profiles import institution_profile


def profile(registry, slug, cadence=None, cadence_months=None):
    base = institution_profile(registry.institution(slug), registry)
    return dataclasses.replace(base, cadence=cadence, cadence_months=cadence_months)


def past(event_id, day, slugs=("hled",), title=None):
    return PastEvent(event_id, dt.date.fromisoformat(day), title or f"Event {event_id}",
                     frozenset(slugs))  # fmt: skip


def facts_by_kind(facts):
    return {fact.kind: fact for fact in facts}


HISTORY = [
    past(1, "2021-09-09", title="HLED relaunch"),
    past(2, "2022-09-12", title="HLED ministerial meeting"),
    past(3, "2023-01-20", slugs=("usmca",)),
    past(4, "2023-04-18", title="This very event"),
]


def test_activity_and_last_event(registry):
    facts = history_facts(profile(registry, "hled"), 4, PartialDate.day(2023, 4, 18), HISTORY)
    by_kind = facts_by_kind(facts)
    assert by_kind["activity"].text == (
        "The record holds one earlier event of the HLED in the 12 months before this one."
    )
    assert [(e.kind, e.ref) for e in by_kind["activity"].evidence] == [("event", "2")]
    assert by_kind["last_event"].text == (
        "The previous recorded event of the HLED was “HLED ministerial meeting” on "
        "September 12, 2022."
    )
    assert "gap" not in by_kind  # no cadence, and less than a year since


@pytest.mark.parametrize(
    ("cadence", "months", "kind", "text"),
    [
        ("quarterly", 3, "gap", "This is the first recorded event of the HLED since September "
         "2022, 7 months later, against an expected quarterly cadence."),
        ("semiannual", 6, "cadence_kept", "It comes 7 months after the previous one, in keeping "
         "with the semiannual cadence of the HLED."),  # within 1.5 cadences
        ("annual", 12, "cadence_kept", "It comes 7 months after the previous one, in keeping "
         "with the annual cadence of the HLED."),
    ],
)  # fmt: skip
def test_gap_against_the_cadence(registry, cadence, months, kind, text):
    hled = profile(registry, "hled", cadence, months)
    facts = facts_by_kind(history_facts(hled, 4, PartialDate.day(2023, 4, 18), HISTORY))
    assert facts[kind].text == text
    assert ("institution", "hled#cadence") in [(e.kind, e.ref) for e in facts[kind].evidence]


def test_long_gap_without_a_cadence(registry):
    history = [past(1, "2021-09-09", title="HLED relaunch")]
    facts = facts_by_kind(
        history_facts(profile(registry, "hled"), 9, PartialDate.day(2023, 4, 18), history)
    )
    assert "activity" not in facts
    assert facts["gap"].text == (
        "This is the first recorded event of the HLED since September 2021, 19 months after "
        "the previous one."
    )


def test_first_event_of_a_newly_established_institution(registry):
    committee = profile(registry, "trilateral-fentanyl-committee")  # established 2023-01-10
    [fact] = history_facts(committee, 3, PartialDate.day(2023, 4, 13), HISTORY)
    assert fact.kind == "first_event"
    assert fact.text == (
        "This is the first recorded event of the Trilateral Fentanyl Committee, established "
        "on January 10, 2023."
    )
    assert [(e.kind, e.ref) for e in fact.evidence] == [
        ("institution", "trilateral-fentanyl-committee#established")
    ]


def test_an_old_institution_without_recorded_events(registry):
    [fact] = history_facts(profile(registry, "consular-dialogue"), 7,
                           PartialDate.day(2023, 4, 24), HISTORY)  # fmt: skip
    assert fact.kind == "no_earlier_event"
    assert fact.text == "The record holds no earlier event of the Mexico-U.S. Consular Dialogue."


def test_a_mechanism_used_again_counts_its_earlier_uses(registry):
    rrm = "rapid-response-labor-mechanism"
    history = [past(n, f"2022-0{n}-15", slugs=(rrm,)) for n in range(1, 8)]
    facts = facts_by_kind(
        history_facts(profile(registry, rrm), 20, PartialDate.day(2023, 4, 24), history)
    )
    assert facts["mechanism_use"].text == (
        "The RRM has been used in seven earlier recorded events, most recently on July 15, 2022."
    )
    assert len(facts["mechanism_use"].evidence) == 7


def test_earlier_events_exclude_the_event_and_later_ones():
    events = earlier_events("hled", 4, dt.date(2022, 12, 31), HISTORY)
    assert [event.id for event in events] == [1, 2]


@pytest.mark.parametrize(
    ("earlier", "later", "months"),
    [
        ("2022-09-12", "2023-04-18", 7),
        ("2023-04-01", "2023-04-30", 0),
        ("2021-12-31", "2022-01-01", 1),
    ],
)
def test_months_between(earlier, later, months):
    assert months_between(dt.date.fromisoformat(earlier), dt.date.fromisoformat(later)) == months
