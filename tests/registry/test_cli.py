"""``binational registry list|show|validate`` and ``binational link`` through the real app."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from binational.cli import app
from binational.registry.loader import BUNDLED_DATA


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def test_list_json_has_every_institution_with_stable_fields(runner: CliRunner) -> None:
    result = runner.invoke(app, ["registry", "list", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) >= 80
    assert set(rows[0]) == {
        "slug", "category", "subtype", "name_en", "name_es", "acronyms", "parties",
        "status", "established", "parent",
    }  # fmt: skip
    hled = next(row for row in rows if row["slug"] == "hled")
    assert hled["established"] == "2013-05" and hled["acronyms"] == ["HLED", "DEAN"]


@pytest.mark.parametrize("category", ["agreement", "organization", "dialogue_mechanism", "program"])
def test_list_filters_by_category(runner: CliRunner, category: str) -> None:
    result = runner.invoke(app, ["registry", "list", "--category", category, "--json"])
    assert result.exit_code == 0
    categories = {row["category"] for row in json.loads(result.stdout)}
    assert categories == {category}


def test_list_refuses_an_unknown_category(runner: CliRunner) -> None:
    result = runner.invoke(app, ["registry", "list", "--category", "treaty"])
    assert result.exit_code == 1
    assert "Unknown category 'treaty'" in result.stderr


def test_list_prints_a_table_for_people(runner: CliRunner) -> None:
    result = runner.invoke(app, ["registry", "list", "-c", "organization"])
    assert result.exit_code == 0
    assert "nadbank" in result.stdout and "slug" in result.stdout


def test_show_json_of_an_institution_and_an_agency(runner: CliRunner) -> None:
    result = runner.invoke(app, ["registry", "show", "usmca", "--json"])
    assert result.exit_code == 0
    usmca = json.loads(result.stdout)
    assert usmca["acronyms_es"] == ["T-MEC", "TMEC"]
    assert usmca["established"] == "2020-07-01"
    assert usmca["status_history"][0]["date"] == "2018-11-30"
    assert "rapid-response-labor-mechanism" in usmca["children"]
    agency = json.loads(runner.invoke(app, ["registry", "show", "sre", "--json"]).stdout)
    assert agency["country"] == "MX" and agency["acronyms_es"] == ["SRE"]


def test_show_table_and_unknown_slug(runner: CliRunner) -> None:
    assert "Comisión Internacional" in runner.invoke(app, ["registry", "show", "ibwc"]).stdout
    result = runner.invoke(app, ["registry", "show", "nope"])
    assert result.exit_code == 1
    assert "No institution or agency has slug 'nope'" in result.stderr


def test_validate_the_bundled_data(runner: CliRunner) -> None:
    result = runner.invoke(app, ["registry", "validate"])
    assert result.exit_code == 0
    assert result.stdout.startswith("OK: ") and "institutions" in result.stdout


def test_validate_strict_passes_on_the_bundled_data(runner: CliRunner) -> None:
    # A window long enough that the review's statuses (checked 2026-11-30) stay fresh
    # whenever the test runs; staleness itself is tested in test_provenance.py.
    env = {"BINATIONAL_REGISTRY_STALE_AFTER_DAYS": "36500"}
    result = runner.invoke(app, ["registry", "validate", "--strict"], env=env)
    assert result.exit_code == 0, result.output
    assert "0 without provenance; 0 warnings." in result.stdout
    assert result.stderr == ""


def test_validate_warns_and_strict_refuses(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA, data)
    organizations = data / "organizations.yaml"
    text = organizations.read_text(encoding="utf-8")
    text = text.replace(  # the BECC's status, checked long ago; the NADB's, not sourced
        "status: {value: superseded, source: http://oldw.becc.org/news/becc-news/"
        "board-of-directors-announces-becc-nadb-full-merger-for-2017, as_of: 2026-11-30}",
        "status: {value: superseded, source: https://www.nadb.org/, as_of: 2020-01-01}",
    ).replace("status: {value: active, unconfirmed: true}", "status: active", 1)
    organizations.write_text(text, encoding="utf-8")
    warned = runner.invoke(app, ["registry", "validate", str(data)])
    assert warned.exit_code == 0
    assert warned.stderr.splitlines() == [
        "warning: ibwc, status: no source and not marked unconfirmed; give source and as_of, "
        "or unconfirmed",
        "warning: becc, status: checked on 2020-01-01, more than 730 days ago; check it again "
        "and update as_of",
    ]
    assert "1 without provenance; 2 warnings." in warned.stdout
    refused = runner.invoke(app, ["registry", "validate", "--strict", str(data)])
    assert refused.exit_code == 1
    assert refused.stderr.splitlines()[0].startswith("error: ibwc, status:")
    assert refused.stderr.splitlines()[-1] == (
        "error: 2 registry facts lack a source or were checked too long ago (see above); "
        "give each a source and as_of, or mark it unconfirmed."
    )


def test_validate_a_directory_and_a_broken_file(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA, data)
    assert runner.invoke(app, ["registry", "validate", str(data)]).exit_code == 0
    broken = data / "programs.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace('{date: "1995"', '{date: "95"', 1),
        encoding="utf-8",
    )
    for target in (data, broken):
        result = runner.invoke(app, ["registry", "validate", str(target)])
        assert result.exit_code == 1
        assert result.stderr.startswith("error: programs.yaml, entry 'sentri', field established")
        assert result.stderr.count("\n") == 1  # one sentence, no traceback


def test_validate_a_missing_path(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["registry", "validate", str(tmp_path / "none.yaml")])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_link_json_from_stdin(runner: CliRunner) -> None:
    text = "La SRE y la CILA revisaron el Tratado de Aguas de 1944."
    result = runner.invoke(app, ["link", "--json"], input=text)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [row["slug"] for row in rows] == ["sre", "ibwc", "water-treaty-1944"]
    first = rows[0]
    assert set(first) >= {"start", "end", "text", "slug", "kind", "name", "category", "confidence"}
    assert text[first["start"] : first["end"]] == first["text"] == "SRE"
    assert first["kind"] == "agency" and first["category"] is None
    assert rows[1]["category"] == "organization"


def test_link_a_file_as_a_table(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The HLED and the USMCA.", encoding="utf-8")
    result = runner.invoke(app, ["link", str(path)])
    assert result.exit_code == 0
    assert "hled" in result.stdout and "usmca" in result.stdout
    assert "2 mentions of 2 entries" in result.stdout


def test_link_a_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["link", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr
