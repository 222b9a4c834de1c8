"""The entry models refuse what a single entry can get wrong."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from pydantic import ValidationError

from binational.registry.entries import Cadence, DatePrecision, Provenance, RegistryDate
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


SOURCE = "https://www.state.gov/"


@pytest.mark.parametrize(
    ("given", "value", "provenance"),
    [
        ("active", "active", None),
        ({"value": "active"}, "active", None),
        ({"value": "active", "source": SOURCE, "as_of": "2026-11-30"}, "active",
         Provenance(source=SOURCE, as_of=dt.date(2026, 11, 30))),
        ({"value": "active", "unconfirmed": True}, "active", Provenance(unconfirmed=True)),
        ({"value": "active", "unconfirmed": " no source found "}, "active",
         Provenance(unconfirmed=True, note="no source found")),
        ({"value": "active", "unconfirmed": "lapsed?", "source": "http://www.gob.mx/x",
          "as_of": dt.date(2026, 1, 2)}, "active",
         Provenance(source="http://www.gob.mx/x", as_of=dt.date(2026, 1, 2), unconfirmed=True,
                    note="lapsed?")),
    ],
)  # fmt: skip
def test_a_fact_is_a_plain_value_or_a_mapping_with_provenance(given, value, provenance) -> None:
    entry = InstitutionInput.model_validate(with_changes(status=given)).to_entry()
    assert entry.status == value
    assert entry.provenance_of("status") == provenance


def test_every_fact_and_step_carries_its_provenance() -> None:
    entry = InstitutionInput.model_validate(
        with_changes(
            established={"date": "2013-05", "source": SOURCE, "as_of": "2026-11-30"},
            parent={"value": "other", "unconfirmed": True},
            cadence={"value": "annual", "unconfirmed": "from the description"},
            status_history=[
                {"date": "2013-05", "status": "active", "source": SOURCE, "as_of": "2026-11-30"},
                {"date": "2017", "status": "suspended"},
                {"date": "2021-09-09", "status": "relaunched", "unconfirmed": True},
            ],
            provenance={"acronyms_en": {"source": SOURCE, "as_of": "2026-11-30"}},
            implications_en="Why it matters.",
            implications_es="Por qué importa.",
        )
    ).to_entry()
    assert str(entry.established) == "2013-05" and entry.provenance_of("established").confirmed
    assert entry.parent == "other" and entry.provenance_of("parent").unconfirmed
    assert entry.cadence == Cadence.ANNUAL and entry.cadence.months == 12
    assert entry.provenance_of("cadence").note == "from the description"
    assert [s.provenance is not None for s in entry.status_history] == [True, False, True]
    assert entry.provenance_of("acronyms_en").as_of == dt.date(2026, 11, 30)
    assert entry.provenance_of("status") is None  # the plain form: not converted yet
    assert (entry.implications_en, entry.implications_es) == ("Why it matters.", "Por qué importa.")


def test_sources_may_be_empty() -> None:
    assert InstitutionInput.model_validate(with_changes(sources=[])).to_entry().sources == ()


@pytest.mark.parametrize(
    ("changes", "message_part"),
    [
        ({"status": {"value": "active", "source": SOURCE}}, "needs as_of"),
        ({"status": {"value": "active", "as_of": "2026-11-30"}}, "as_of needs the source"),
        ({"status": {"value": "active", "source": SOURCE, "as_of": "2026-11"}}, "is not a day"),
        ({"status": {"value": "active", "source": "ftp://x.org/a", "as_of": "2026-11-30"}},
         "not a web URL"),
        ({"status": {"value": "active", "checked": "2026-11-30"}}, "checked"),
        ({"status": {"value": "paused"}}, "status.value"),
        ({"established": {"date": "2013-13", "unconfirmed": True}}, "not a real date"),
        ({"cadence": "monthly"}, "cadence"),
        ({"parent": {"value": "Not A Slug"}}, "parent.value"),
        ({"status_history": [{"date": "2013", "status": "active", "source": SOURCE}]},
         "needs as_of"),
        ({"implications_es": "Solo en español."}, "implications_es needs implications_en"),
        ({"provenance": {"colour": {"unconfirmed": True}}}, "provenance.colour"),
        ({"provenance": {"name_es": {}}}, "provenance of name_es needs"),
        ({"provenance": {"status": {"unconfirmed": True}}}, "provenance.status"),
    ],
)  # fmt: skip
def test_bad_provenance_is_refused(changes: dict, message_part: str) -> None:
    with pytest.raises(ValidationError) as caught:
        InstitutionInput.model_validate(with_changes(**changes))
    assert message_part in str(caught.value)
