"""CSV, JSON and NDJSON files and the Data Package, validated by ``frictionless``."""

import csv
import json

import pytest

from binational.errors import UserError
from binational.export.service import parse_formats


def test_the_data_package_is_valid(exported):
    from frictionless import Package, validate

    report = validate(str(exported / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(str(exported / "datapackage.json"))
    assert [resource.name for resource in package.resources] == [
        "events", "institutions", "event_institutions", "event_sources",
    ]  # fmt: skip
    assert package.licenses[0]["name"] == "CC-BY-4.0"


def test_links_carry_the_justifying_mention(exported):
    with open(exported / "event_institutions.csv", newline="", encoding="utf-8") as handle:
        links = list(csv.DictReader(handle))
    hled = [link for link in links if link["slug"] == "hled"]
    assert hled and hled[0]["mention"] == "Diálogo Económico de Alto Nivel"


def test_json_and_ndjson_hold_the_same_rows_as_csv(exported, unpublished_titles):
    rows = json.loads((exported / "events.json").read_text(encoding="utf-8"))
    lines = (exported / "events.ndjson").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == rows
    with open(exported / "events.csv", newline="", encoding="utf-8") as handle:
        assert [row["title"] for row in csv.DictReader(handle)] == [row["title"] for row in rows]
    titles = {row["title"] for row in rows}
    assert "Trilateral Fentanyl Committee meets in Mexico City" in titles
    assert not titles & set(unpublished_titles)


def test_a_period_exports_only_its_events(site_world, registry, tmp_path):
    from binational.domain import Period
    from binational.export.service import export_open_data

    settings, database = site_world
    export_open_data(database, registry, {"json"}, tmp_path, "Org", Period.parse("2024"))
    rows = json.loads((tmp_path / "events.json").read_text(encoding="utf-8"))
    assert rows and all(row["day"].startswith("2024-") for row in rows)


@pytest.mark.parametrize(
    ("text", "formats"),
    [
        ("csv", {"csv"}),
        (" CSV , ris ", {"csv", "ris"}),
        ("csl-json,sqlite", {"csl-json", "sqlite"}),
    ],
)
def test_parse_formats(text, formats):
    assert parse_formats(text) == formats


@pytest.mark.parametrize("text", ["", ",", "xlsx", "csv,bibtex"])
def test_parse_formats_refuses_unknown_ones(text):
    with pytest.raises(UserError, match="choose from csv, json"):
        parse_formats(text)


def test_the_data_licence_is_the_setting_in_every_metadata_file(site_world, registry, tmp_path):
    from binational.config import load_settings
    from binational.export.service import export_open_data

    settings, database = site_world
    chosen = load_settings(environ={"BINATIONAL_DATA_LICENSE": "CC0-1.0"},
                           config_file=tmp_path / "none.toml").data_license  # fmt: skip
    export_open_data(database, registry, {"csv", "sqlite"}, tmp_path, "Center", license=chosen)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] == [{
        "name": "CC0-1.0", "title": "Creative Commons Zero 1.0 (public domain dedication)",
        "path": "https://creativecommons.org/publicdomain/zero/1.0/",
    }]  # fmt: skip
    metadata = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    assert (metadata["license"], metadata["license_url"]) == (
        "CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/",
    )  # fmt: skip
