"""The adapter from a registry entry to the profile the facts are made from."""

from __future__ import annotations

import dataclasses
from enum import StrEnum
from types import SimpleNamespace

import pytest

from binational.drafting.profiles import (
    RegistryDay,
    cadence_of,
    institution_profile,
    with_article,
)


class Cadence(StrEnum):
    ANNUAL = "annual"


def test_profile_of_hled(registry):
    profile = institution_profile(registry.institution("hled"), registry)
    assert profile.name == "U.S.-Mexico High-Level Economic Dialogue"
    assert profile.acronym == "HLED" and profile.called == "the HLED"
    assert (profile.category, profile.kind_label) == ("dialogue_mechanism", "dialogue")
    assert profile.established == RegistryDay("2013-05")
    assert [(s.index, s.date.text, s.status) for s in profile.history] == [
        (0, "2013-05", "active"), (1, "2017", "suspended"), (2, "2021-09-09", "relaunched"),
    ]  # fmt: skip
    assert [(a.country, a.slug) for a in profile.lead_agencies][:2] == [
        ("US", "state"), ("US", "commerce"),
    ]  # fmt: skip
    assert profile.lead_agencies[0].name == "U.S. Department of State"
    assert profile.cadence is None and profile.cadence_months is None


def test_parent_and_successor_are_named(registry):
    rrm = institution_profile(registry.institution("rapid-response-labor-mechanism"), registry)
    assert rrm.parent == ("usmca", "United States-Mexico-Canada Agreement")
    merida = institution_profile(registry.institution("merida-initiative"), registry)
    assert merida.superseded_by[0] == "bicentennial-framework"


@pytest.mark.parametrize(
    ("cadence", "text", "months"),
    [("annual", "annual", 12), (Cadence.ANNUAL, "annual", 12), ("semiannual", "semiannual", 6),
     ("quarterly", "quarterly", 3), ("biennial", "biennial", 24), ("ad_hoc", "ad_hoc", None),
     (None, None, None)],
)  # fmt: skip
def test_cadence_as_text_or_enum_or_absent(registry, cadence, text, months):
    entry = dataclasses.replace(registry.institution("hled"), cadence=cadence)
    assert cadence_of(entry) == text
    profile = institution_profile(entry, registry)
    assert (profile.cadence, profile.cadence_months) == (text, months)


def test_entries_without_a_cadence_have_none(registry):
    assert registry.institution("hled").cadence is None
    assert cadence_of(registry.institution("hled")) is None
    assert cadence_of(SimpleNamespace(slug="no-field")) is None


def test_the_registry_cadence_is_read(registry):
    with_cadence = [entry for entry in registry.institutions if entry.cadence is not None]
    assert with_cadence
    for entry in with_cadence:
        profile = institution_profile(entry, registry)
        assert profile.cadence == entry.cadence.value
        assert profile.cadence_months == entry.cadence.months


@pytest.mark.parametrize(
    ("text", "display", "phrase"),
    [("2013", "2013", "in 2013"), ("2013-05", "May 2013", "in May 2013"),
     ("2021-09-09", "September 9, 2021", "on September 9, 2021")],
)  # fmt: skip
def test_registry_days(text, display, phrase):
    day = RegistryDay(text)
    assert (day.display(), day.phrase()) == (display, phrase)


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("U.S. Department of State", "the U.S. Department of State"),
        ("Office of the President of Mexico", "the Office of the President of Mexico"),
        ("United States-Mexico-Canada Agreement", "the United States-Mexico-Canada Agreement"),
        ("Sowing Life program", "the Sowing Life program"),
        ("Health Canada", "Health Canada"),
        ("Global Affairs Canada", "Global Affairs Canada"),
        ("The Hague Convention", "The Hague Convention"),
    ],
)
def test_with_article(name, written):
    assert with_article(name) == written
