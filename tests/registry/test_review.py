"""Every finding of the registry review (tests/fixtures/registry/registry-review.json,
a check of the bundled registry against public sources) is applied: ``wrong`` and
``missing`` findings with the review's value and source, ``unconfirmed`` ones marked
unconfirmed (with the page consulted, when the review names one), and the
institutions the review found missing are present."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from binational.registry.entries import Institution, Provenance
from binational.registry.loader import load_registry

REVIEW = Path(__file__).resolve().parent.parent / "fixtures" / "registry" / "registry-review.json"
FINDINGS = json.loads(REVIEW.read_text(encoding="utf-8"))["findings"]
MISSING = json.loads(REVIEW.read_text(encoding="utf-8"))["missing_institutions"]


def step_on(date: str) -> Callable[[Institution], Provenance | None]:
    def locate(institution: Institution) -> Provenance | None:
        (step,) = [s for s in institution.status_history if s.date.text == date]
        return step.provenance

    return locate


def field(name: str) -> Callable[[Institution], Provenance | None]:
    return lambda institution: institution.provenance_of(name)


# (slug, review field) -> where the registry records it, and what the value must be now.
APPLIED: dict[tuple[str, str], tuple[Callable, Callable[[Institution], bool]]] = {
    ("high-level-security-dialogue", "acronyms_es"): (
        field("acronyms_es"),
        lambda i: i.acronyms_es == ("DANS",)
        and "Diálogo de Alto Nivel de Seguridad" in i.aliases_es,
    ),
    ("rapid-response-labor-mechanism", "acronyms_es"): (
        field("acronyms_es"), lambda i: i.acronyms_es == ("MLRR",)
    ),
    ("nadbank", "status_history (merger date)"): (
        step_on("2017-11-10"), lambda i: i.status == "active"
    ),
    ("becc", "status / superseded date"): (
        step_on("2017-11-10"), lambda i: i.status == "superseded" and i.superseded_by == "nadbank"
    ),
    ("border-2025", "status"): (field("status"), lambda i: i.status == "active"),
    ("nadd", "aliases_en"): (
        field("aliases_en"), lambda i: "North American Dialogue on Drug Policy" in i.aliases_en
    ),
    ("nadd", "name_es"): (
        field("name_es"), lambda i: i.name_es == "Diálogo de América del Norte sobre Drogas"
    ),
    ("interparliamentary-meeting", "status"): (field("status"), lambda i: i.status == "active"),
    ("consular-dialogue", "established"): (
        field("established"), lambda i: str(i.established) == "2013"
    ),
    ("twenty-first-century-border-declaration", "status"): (
        field("status"), lambda i: i.status == "active"
    ),
    ("twenty-first-century-border-esc", "acronyms_es"): (
        field("acronyms_es"), lambda i: i.acronyms_es == ("CEB",) and "CEB" in i.needs_context
    ),
    ("sembrando-vida", "parent"): (
        field("parent"), lambda i: i.parent == "comprehensive-development-plan"
    ),
    ("nals", "acronyms_es"): (field("acronyms_es"), lambda i: i.acronyms_es == ("CLAN",)),
    ("trilateral-fentanyl-committee", "name_es"): (
        field("name_es"), lambda i: "Comité Trilateral de Fentanilo" in i.aliases_es
    ),
    ("tomato-suspension-agreement", "established"): (
        field("established"), lambda i: str(i.established) == "1996-11"
    ),
    ("fobesii", "acronyms_en"): (
        field("acronyms_es"), lambda i: i.acronyms_es == ("FOBESII",) and not i.acronyms_en
    ),
    ("fobesii", "status"): (field("status"), lambda i: i.status == "active"),
    ("high-level-regulatory-cooperation-council", "status"): (
        field("status"), lambda i: i.status == "active"
    ),
    ("high-level-regulatory-cooperation-council", "name_es"): (
        field("name_es"), lambda i: i.name_es.startswith("Consejo de Alto Nivel")
    ),
    ("border-governors-conference", "status"): (
        field("status"),
        lambda i: i.status == "ended" and i.status_history[-1].status == "ended"
        and i.cadence == "annual",
    ),
    ("us-mexico-binational-commission", "entry"): (
        field("established"),
        lambda i: str(i.established) == "1981" and i.acronyms_en == ("BNC",)
        and i.category == "dialogue_mechanism"
        and i.name_es == "Comisión Binacional México-Estados Unidos",
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_the_review_is_the_one_described_and_every_finding_has_a_check() -> None:
    assert {f["finding"] for f in FINDINGS} == {"wrong", "missing", "unconfirmed"}
    assert [f["finding"] for f in FINDINGS].count("unconfirmed") == 13
    assert {(f["slug"], f["field"]) for f in FINDINGS} == set(APPLIED)


@pytest.mark.parametrize("finding", FINDINGS, ids=lambda f: f"{f['slug']}:{f['field']}")
def test_finding_is_applied(registry, finding: dict) -> None:
    institution = registry.institution(finding["slug"])
    assert institution is not None, f"{finding['slug']} is not in the registry"
    locate, value_is_right = APPLIED[(finding["slug"], finding["field"])]
    provenance = locate(institution)
    assert value_is_right(institution)
    assert provenance is not None
    if finding["finding"] == "unconfirmed":
        assert provenance.unconfirmed and not provenance.confirmed
        assert provenance.note, "an unconfirmed finding says why"
    else:
        assert provenance.confirmed
    if finding["evidence_url"]:
        assert provenance.source == finding["evidence_url"]


@pytest.mark.parametrize("missing", MISSING, ids=lambda m: m["name_en"])
def test_missing_institution_is_added(registry, missing: dict) -> None:
    names = {i.name_en.lower(): i for i in registry.institutions}
    institution = names.get(missing["name_en"].lower())
    assert institution is not None, missing["name_en"]
    # Whatever no source confirmed is marked so: no fact of it is left without provenance.
    steps = [step.provenance for step in institution.status_history]
    facts = [institution.provenance_of("status"), *steps]
    if institution.established is not None:
        facts.append(institution.provenance_of("established"))
    assert all(fact is not None for fact in facts)
