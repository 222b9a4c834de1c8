"""What the registry says about an institution, as of the event, with evidence."""

from __future__ import annotations

import datetime as dt

import pytest

from binational.drafting.facts import (
    age_phrase,
    count_words,
    lead_agencies_fact,
    linked_institutions,
    profile_fact,
    registry_facts,
    status_fact,
)
from binational.drafting.profiles import institution_profile

APRIL_2023 = dt.date(2023, 4, 18)


def profile(registry, slug):
    return institution_profile(registry.institution(slug), registry)


def refs(fact):
    return [(e.kind, e.ref) for e in fact.evidence]


def test_profile_fact_states_kind_and_age(registry):
    fact = profile_fact(profile(registry, "hled"), APRIL_2023)
    assert fact.text == (
        "The U.S.-Mexico High-Level Economic Dialogue (HLED): a dialogue established "
        "in May 2013, 9 years earlier."
    )
    assert refs(fact) == [("institution", "hled"), ("institution", "hled#established")]


def test_profile_fact_names_the_parent(registry):
    fact = profile_fact(profile(registry, "rapid-response-labor-mechanism"), APRIL_2023)
    assert "a mechanism under the United States-Mexico-Canada Agreement" in fact.text
    assert ("institution", "rapid-response-labor-mechanism#parent") in refs(fact)
    assert ("institution", "usmca") in refs(fact)


def test_no_age_for_an_institution_established_after_the_event(registry):
    fact = profile_fact(profile(registry, "security-implementation-group"), APRIL_2023)
    assert "established" not in fact.text
    assert ("institution", "security-implementation-group#established") not in refs(fact)


def test_status_history_cites_each_step(registry):
    fact = status_fact(profile(registry, "hled"), APRIL_2023)
    assert fact.text == (
        "It was suspended in 2017 (not convened from 2017 to 2020) and relaunched on "
        "September 9, 2021."
    )
    assert refs(fact) == [
        ("institution", "hled#status_history/1"), ("institution", "hled#status_history/2"),
    ]  # fmt: skip


def test_status_steps_after_the_event_are_left_out(registry):
    tomato = profile(registry, "tomato-suspension-agreement")  # ended 2025-07
    assert status_fact(tomato, APRIL_2023) is None
    assert "ended in July 2025" in status_fact(tomato, dt.date(2025, 8, 1)).text


def test_superseded_names_the_successor(registry):
    fact = status_fact(profile(registry, "merida-initiative"), APRIL_2023)
    assert "superseded on October 8, 2021 by the U.S.-Mexico Bicentennial Framework" in fact.text


def test_no_status_fact_for_an_institution_that_never_changed(registry):
    assert status_fact(profile(registry, "consular-dialogue"), APRIL_2023) is None


def test_lead_agencies_by_country(registry):
    fact = lead_agencies_fact(profile(registry, "usmca"))
    assert fact.text == (
        "It is led for the United States by the Office of the United States Trade "
        "Representative; for Mexico by the Secretariat of Economy of Mexico; and for Canada by "
        "Global Affairs Canada."
    )
    assert refs(fact)[0] == ("institution", "usmca#lead_agencies")
    assert {"ustr", "se", "global-affairs-canada"} <= {ref for _, ref in refs(fact)}


def test_no_lead_agencies_fact_without_agencies(registry):
    assert lead_agencies_fact(profile(registry, "interparliamentary-meeting")) is None


def test_registry_facts_in_order(registry):
    kinds = [fact.kind for fact in registry_facts(profile(registry, "hled"), APRIL_2023)]
    assert kinds == ["profile", "status", "lead_agencies"]


def test_linked_institutions_leave_agencies_out(registry):
    assert linked_institutions(["sre", "hled", "dot", "usmca", "hled"], registry) == [
        "hled", "usmca",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("established", "day", "phrase"),
    [
        ("2013-05", dt.date(2023, 4, 18), "9 years"),
        ("2021-10-08", dt.date(2023, 4, 13), "18 months"),
        ("2023-03", dt.date(2023, 4, 1), "a month"),
        ("2023-04", dt.date(2023, 4, 12), "under a month"),
        ("2013", dt.date(2023, 4, 1), "10 years"),
        ("2022", dt.date(2023, 6, 1), "about a year"),
        ("2023", dt.date(2023, 6, 1), "under a year"),
    ],
)
def test_age_phrase(established, day, phrase):
    assert age_phrase(established, day) == phrase


@pytest.mark.parametrize(("count", "words"), [(0, "no"), (1, "one"), (10, "ten"), (11, "11")])
def test_count_words(count, words):
    assert count_words(count) == words
