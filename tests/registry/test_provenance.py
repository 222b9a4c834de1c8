"""The provenance audit: facts without a source or an unconfirmed mark, and statuses
checked too long ago; the bundled registry has every fact sourced or marked."""

from __future__ import annotations

import datetime as dt

import pytest

from binational.registry.entries import DatePrecision, Institution, Provenance, RegistryDate
from binational.registry.entries import StatusChange as Step
from binational.registry.loader import BUNDLED_DATA, Registry, load_registry_files
from binational.registry.provenance import audit_provenance, count_provenance

TODAY = dt.date(2026, 11, 30)
CHECKED = Provenance(source="https://www.state.gov/", as_of=dt.date(2026, 1, 1))
UNCONFIRMED = Provenance(unconfirmed=True)


def registry_of(**fields) -> Registry:
    entry = Institution(
        slug="x", name_en="X", name_es="X", category="dialogue_mechanism", subtype="dialogue",
        parties=("US", "MX"), status="active", description="Test.", **fields,
    )  # fmt: skip
    return Registry(institutions=(entry,), agencies=())


def issues(registry: Registry, today: dt.date = TODAY, days: int = 730) -> list[tuple[str, str]]:
    return [(i.field, i.kind) for i in audit_provenance(registry, today, days)]


YEAR = RegistryDate("2013", DatePrecision.YEAR)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, [("status", "unsourced")]),
        ({"provenance": (("status", UNCONFIRMED),)}, []),
        ({"provenance": (("status", CHECKED),)}, []),
        ({"established": YEAR, "provenance": (("status", CHECKED),)},
         [("established", "unsourced")]),
        ({"parent": "y", "cadence": "annual", "provenance": (("status", CHECKED),)},
         [("parent", "unsourced"), ("cadence", "unsourced")]),
        ({"status_history": (Step(date=YEAR, status="active"),
                             Step(date=YEAR, status="active", provenance=UNCONFIRMED)),
          "provenance": (("status", UNCONFIRMED),)},
         [("status_history[0]", "unsourced")]),
        # names need no provenance, and theirs is not counted as a fact
        ({"provenance": (("status", CHECKED), ("name_es", UNCONFIRMED))}, []),
    ],
)  # fmt: skip
def test_unsourced_facts(fields: dict, expected: list) -> None:
    assert issues(registry_of(**fields)) == expected


@pytest.mark.parametrize(
    ("as_of", "days", "stale"),
    [
        (dt.date(2024, 11, 30), 730, False),  # exactly 730 days before TODAY
        (dt.date(2024, 11, 29), 730, True),
        (dt.date(2026, 11, 29), 1, False),
        (dt.date(2026, 11, 28), 1, True),
    ],
)
def test_stale_statuses(as_of: dt.date, days: int, stale: bool) -> None:
    status = Provenance(source="https://www.state.gov/", as_of=as_of)
    expected = [("status", "stale")] if stale else []
    assert issues(registry_of(provenance=(("status", status),)), TODAY, days) == expected


def test_an_unconfirmed_status_is_not_stale() -> None:
    old = Provenance(source="https://www.state.gov/", as_of=dt.date(2000, 1, 1), unconfirmed=True)
    assert issues(registry_of(provenance=(("status", old),))) == []


def test_bundled_registry_has_every_fact_sourced_or_marked() -> None:
    registry = load_registry_files(sorted(BUNDLED_DATA.glob("*.yaml")))
    assert [i for i in audit_provenance(registry, TODAY, 730) if i.kind == "unsourced"] == []
    # The review was applied on TODAY: none of its sourced statuses is stale then.
    assert audit_provenance(registry, TODAY, 730) == ()
    counts = count_provenance(registry)
    assert counts.unsourced == 0 and counts.sourced >= 6 and counts.unconfirmed > 0
