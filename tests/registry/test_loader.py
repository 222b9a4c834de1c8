"""The bundled registry loads, covers what the center needs, and bad files are refused
with one sentence naming the file, the entry, the field and the reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from binational.errors import UserError
from binational.registry.entries import Agency, Institution
from binational.registry.loader import (
    BUNDLED_DATA,
    load_registry,
    load_registry_files,
    load_registry_with_file,
)

# Institutions the sample report names or refers to, and the long-standing architecture.
REQUIRED_INSTITUTIONS = [
    "bicentennial-framework", "hled", "imleb", "usmca", "rapid-response-labor-mechanism",
    "interagency-labor-committee", "consular-dialogue", "nadd", "trilateral-fentanyl-committee",
    "air-transport-agreement-2015", "convoy-internationalization-municipalities",
    "sembrando-oportunidades", "sembrando-vida", "surges", "mx-arms-drugs-commission", "iasa",
    "ibwc", "water-treaty-1944", "minute-319", "minute-323", "minute-331", "nadbank",
    "la-paz-agreement", "border-2025", "nals", "security-implementation-group",
    "twenty-first-century-border-declaration", "twenty-first-century-border-esc", "fobesii",
    "museic", "interparliamentary-meeting", "merida-initiative", "otay-mesa-east", "cec",
    "naaec", "extradition-treaty", "mlat", "border-health-commission", "h2-visa-programs",
    "high-level-security-dialogue", "bridges-border-crossings-group",
]  # fmt: skip
REQUIRED_AGENCIES = [
    "state", "dhs", "cbp", "ice", "ustr", "dol", "commerce", "doj", "atf", "dea", "usaid",
    "dot", "faa", "epa", "treasury", "nsc", "white-house", "ondcp", "uscis", "sre", "segob",
    "sspc", "sedena", "semar", "se", "stps", "shcp", "amexcid", "fgr", "inm",
    "guardia-nacional", "sict", "semarnat", "conagua", "salud", "uif", "cni", "presidencia",
    "pmo-canada", "global-affairs-canada", "public-safety-canada",
]  # fmt: skip

AGENCY = """\
agencies:
  - slug: state
    country: US
    name_en: Department of State
    name_es: Departamento de Estado
"""
INSTITUTION = """\
institutions:
  - slug: test-treaty
    category: agreement
    subtype: treaty
    name_en: Test Treaty
    name_es: Tratado de Prueba
    parties: [US, MX]
    established: "1944"
    status: active
    lead_agencies: {{US: [state]}}
    description: A treaty for tests.
    sources: [https://www.state.gov/]
{extra}"""


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def write_registry(directory: Path, institution_extra: str = "", agencies: str = AGENCY) -> Path:
    (directory / "agencies.yaml").write_text(agencies, encoding="utf-8")
    (directory / "agreements.yaml").write_text(
        INSTITUTION.format(extra=institution_extra), encoding="utf-8"
    )
    return directory


def test_bundled_registry_is_large_and_covers_every_category(registry) -> None:
    assert len(registry.institutions) >= 80
    for category in ("agreement", "organization", "dialogue_mechanism", "program"):
        assert len(registry.by_category(category)) >= 10, category
    assert len(registry.agencies) >= 50


@pytest.mark.parametrize("slug", REQUIRED_INSTITUTIONS)
def test_required_institution_is_present(registry, slug: str) -> None:
    assert isinstance(registry.get(slug), Institution)


@pytest.mark.parametrize("slug", REQUIRED_AGENCIES)
def test_required_agency_is_present_in_both_languages(registry, slug: str) -> None:
    agency = registry.get(slug)
    assert isinstance(agency, Agency)
    assert agency.name_en and agency.name_es


def test_lookups_by_slug_category_and_parent(registry) -> None:
    assert registry.get("hled").acronyms == ("HLED", "DEAN")
    assert registry.institution("sre") is None and registry.agency("sre") is not None
    assert registry.get("no-such-slug") is None
    assert {c.slug for c in registry.children("usmca")} >= {
        "rapid-response-labor-mechanism",
        "imleb",
        "interagency-labor-committee",
    }
    assert registry.get("minute-319").superseded_by == "minute-323"
    assert all(i.category == "program" for i in registry.by_category("program"))


def test_bilingual_architecture_facts(registry) -> None:
    ibwc = registry.get("ibwc")
    assert ibwc.acronyms == ("IBWC", "CILA")
    assert ibwc.name_es == "Comisión Internacional de Límites y Aguas"
    assert registry.get("nadbank").acronyms_es == ("BDAN",)
    assert set(registry.get("usmca").acronyms) >= {"USMCA", "T-MEC", "CUSMA"}
    assert registry.get("nafta").superseded_by == "usmca"
    assert registry.get("hled").status_history[-1].status == "relaunched"


def test_registry_is_frozen(registry) -> None:
    with pytest.raises((AttributeError, TypeError)):
        registry.institutions = ()
    with pytest.raises(AttributeError):
        registry.get("hled").status = "ended"


def test_a_directory_load_reads_that_directory(tmp_path: Path) -> None:
    shutil.copytree(BUNDLED_DATA, tmp_path / "data")
    dialogues = tmp_path / "data" / "dialogue_mechanisms.yaml"
    text = dialogues.read_text(encoding="utf-8")
    edited = "name_en: U.S.-Mexico High-Level Economic Dialogue (edited)"
    dialogues.write_text(
        text.replace("name_en: U.S.-Mexico High-Level Economic Dialogue", edited, 1),
        encoding="utf-8",
    )
    copy = load_registry(tmp_path / "data")
    assert copy.get("hled").name_en.endswith("(edited)")
    assert not load_registry().get("hled").name_en.endswith("(edited)")
    assert len(copy) == len(load_registry())


def test_a_minimal_registry_directory_loads(tmp_path: Path) -> None:
    registry = load_registry(write_registry(tmp_path))
    assert [i.slug for i in registry.institutions] == ["test-treaty"]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("    parent: nowhere\n", "agreements.yaml, entry 'test-treaty', field parent: 'nowhere'"),
        ("    superseded_by: gone\n", "'test-treaty': superseded_by is required exactly when"),
        ("    colour: red\n", "field colour: unknown field"),
        ("    needs_context: [TT]\n", "'test-treaty': needs_context lists 'TT'"),
    ],
)
def test_bad_entries_name_file_entry_field_and_reason(
    tmp_path: Path, extra: str, expected: str
) -> None:
    with pytest.raises(UserError) as caught:
        load_registry(write_registry(tmp_path, extra))
    message = str(caught.value)
    assert expected in message
    assert message.count(".") >= 1 and "\n" not in message


def test_unknown_lead_agency_is_refused(tmp_path: Path) -> None:
    agencies = AGENCY.replace("slug: state", "slug: state-department")
    with pytest.raises(UserError, match=r"lead_agencies\.US: 'state' is not a known agency"):
        load_registry(write_registry(tmp_path, agencies=agencies))


def test_lead_agency_of_the_wrong_country_is_refused(tmp_path: Path) -> None:
    agencies = AGENCY.replace("country: US", "country: MX")
    with pytest.raises(UserError, match="is an agency of MX, not US"):
        load_registry(write_registry(tmp_path, agencies=agencies))


def test_duplicate_slugs_across_files_are_refused(tmp_path: Path) -> None:
    write_registry(tmp_path)
    (tmp_path / "programs.yaml").write_text(INSTITUTION.format(extra=""), encoding="utf-8")
    with pytest.raises(UserError, match="'test-treaty', field slug: already used in"):
        load_registry(tmp_path)


def test_missing_required_field_is_named(tmp_path: Path) -> None:
    write_registry(tmp_path)
    text = (
        (tmp_path / "agreements.yaml").read_text().replace("    name_es: Tratado de Prueba\n", "")
    )
    (tmp_path / "agreements.yaml").write_text(text)
    with pytest.raises(
        UserError, match="entry 'test-treaty', field name_es: required field is missing"
    ):
        load_registry(tmp_path)


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    write_registry(tmp_path)
    (tmp_path / "programs.yaml").write_text("institutions:\n  - slug: [unclosed\n")
    with pytest.raises(UserError, match=r"programs\.yaml line \d+ is not valid YAML"):
        load_registry(tmp_path)


def test_unknown_top_level_key_is_refused(tmp_path: Path) -> None:
    write_registry(tmp_path)
    (tmp_path / "extra.yaml").write_text("organisations: []\n")
    with pytest.raises(UserError, match="top-level key 'organisations'"):
        load_registry(tmp_path)


def test_parent_cycle_is_refused(tmp_path: Path) -> None:
    write_registry(tmp_path, "    parent: other-treaty\n")
    other = INSTITUTION.format(extra="    parent: test-treaty\n").replace(
        "test-treaty", "other-treaty", 1
    )
    (tmp_path / "programs.yaml").write_text(other)
    with pytest.raises(UserError, match="loops back"):
        load_registry(tmp_path)


def test_one_edited_file_is_checked_against_the_other_bundled_files(tmp_path: Path) -> None:
    edited = tmp_path / "programs.yaml"
    text = (BUNDLED_DATA / "programs.yaml").read_text(encoding="utf-8")
    edited.write_text(text, encoding="utf-8")
    assert len(load_registry_with_file(edited).institutions) == len(load_registry().institutions)
    edited.write_text(text.replace("lead_agencies: {US: [cbp]}", "lead_agencies: {US: [cpb]}"))
    with pytest.raises(UserError, match="'cpb' is not a known agency"):
        load_registry_with_file(edited)


def test_topics_file_is_not_read_as_registry_data() -> None:
    files = sorted(BUNDLED_DATA.glob("*.yaml"))
    assert any(f.name == "topics.yaml" for f in files)
    assert len(load_registry_files(files)) == len(load_registry())


@pytest.mark.parametrize(
    ("slug", "kind"), [("hled", "institution"), ("sre", "agency"), ("no-such-slug", None)]
)
def test_kind_of(slug, kind):
    assert load_registry().kind_of(slug) == kind
