"""The entry models refuse what a single entry can get wrong."""

from __future__ import annotations

import copy

import pytest
from pydantic import ValidationError

from binational.registry.entries import DatePrecision, RegistryDate
from binational.registry.schema import AgencyInput, InstitutionInput, parse_registry_date

VALID_INSTITUTION = {
    "slug": "test-dialogue",
    "category": "dialogue_mechanism",
    "subtype": "dialogue",
    "name_en": "Test Dialogue",
    "name_es": "Diálogo de Prueba",
    "acronyms_en": ["TD"],
    "parties": ["US", "MX"],
    "established": "2013-05",
    "status": "active",
    "status_history": [
        {"date": "2013-05", "status": "active"},
        {"date": "2017", "status": "suspended"},
        {"date": "2021-09-09", "status": "relaunched"},
    ],
    "lead_agencies": {"US": ["state"], "MX": ["sre"]},
    "description": "A dialogue used in tests.",
    "sources": ["https://www.state.gov/"],
}


def with_changes(**changes: object) -> dict:
    entry = copy.deepcopy(VALID_INSTITUTION)
    for key, value in changes.items():
        if value is None:
            entry.pop(key, None)
        else:
            entry[key] = value
    return entry


def test_a_valid_institution_loads_with_typed_fields() -> None:
    institution = InstitutionInput.model_validate(VALID_INSTITUTION).to_entry()
    assert institution.established == RegistryDate("2013-05", DatePrecision.MONTH)
    assert institution.established.precision is DatePrecision.MONTH
    assert institution.acronyms == ("TD",)
    assert institution.lead_agencies.all() == ("state", "sre")


@pytest.mark.parametrize(
    ("raw", "text", "precision"),
    [
        ("2013", "2013", DatePrecision.YEAR),
        (2013, "2013", DatePrecision.YEAR),
        ("2013-05", "2013-05", DatePrecision.MONTH),
        ("2013-05-02", "2013-05-02", DatePrecision.DAY),
    ],
)
def test_partial_dates_carry_their_precision(raw: object, text: str, precision: str) -> None:
    date = parse_registry_date(raw)
    assert (date.text, date.precision) == (text, precision)


def test_a_date_yaml_read_as_a_date_object_is_accepted() -> None:
    import datetime as dt

    assert parse_registry_date(dt.date(1944, 2, 3)).text == "1944-02-03"


@pytest.mark.parametrize(
    ("changes", "message_part"),
    [
        ({"slug": "Not_Kebab"}, "slug"),
        ({"slug": "double--dash"}, "slug"),
        ({"category": "treaty"}, "category"),
        ({"subtype": "party"}, "subtype"),
        ({"parties": ["US", "GT"]}, "parties"),
        ({"parties": []}, "parties"),
        ({"established": "2013-13"}, "not a real date"),
        ({"established": "May 2013"}, "not a date"),
        ({"sources": ["http://www.state.gov/"]}, "not an https URL"),
        ({"description": None}, "description"),
        ({"color": "blue"}, "color"),
        ({"status": "ended"}, "last status_history step"),
        ({"status": "superseded", "status_history": []}, "superseded_by"),
        ({"superseded_by": "other"}, "superseded_by"),
        ({"parent": "test-dialogue"}, "own parent"),
        ({"acronyms_en": ["TD", "TD"]}, "same value twice"),
        ({"needs_context": ["XYZ"]}, "needs_context"),
        ({"lead_agencies": {"GT": ["x"]}}, "GT"),
        (
            {
                "status_history": [
                    {"date": "2017", "status": "active"},
                    {"date": "2013-05", "status": "active"},
                ]
            },
            "chronological",
        ),
        ({"status_history": [{"date": "2013", "status": "paused"}]}, "status"),
    ],
)
def test_bad_institutions_are_refused(changes: dict, message_part: str) -> None:
    with pytest.raises(ValidationError) as caught:
        InstitutionInput.model_validate(with_changes(**changes))
    assert message_part in str(caught.value)


def test_an_agency_needs_a_country_from_the_three() -> None:
    agency = {"slug": "sre", "country": "MX", "name_en": "Foreign Ministry", "name_es": "SRE"}
    assert AgencyInput.model_validate(agency).country == "MX"
    with pytest.raises(ValidationError):
        AgencyInput.model_validate({**agency, "country": "ES"})
    with pytest.raises(ValidationError):
        AgencyInput.model_validate({**agency, "url": "ftp://example.org"})
