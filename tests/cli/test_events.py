"""``binational events``: listing, searching, JSON fields, link and unlink."""

import json

import pytest
from typer.testing import CliRunner

from binational.cli import app

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def db_path(tmp_path, sample_report_path):
    path = tmp_path / "events.db"
    assert invoke("import", sample_report_path, "--db", path).exit_code == 0
    return path


def events_json(db_path, *args):
    result = invoke("events", "--db", db_path, "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_fields(db_path):
    records = events_json(db_path, "--quarter", "2023Q2")
    assert len(records) == 14
    required = {"id", "number", "title", "date", "date_precision", "date_source", "url",
                "summary", "implications", "truncated", "institutions", "topics"}  # fmt: skip
    assert all(required <= set(record) for record in records)
    by_number = {record["number"]: record for record in records}
    assert sorted(by_number) == list(range(1, 15))
    assert (by_number[11]["date"], by_number[11]["date_precision"]) == ("2023-05", "month")
    assert by_number[11]["date_source"] == "section"
    assert by_number[2]["date_source"] == "inferred"
    assert by_number[14]["truncated"] is True
    assert by_number[1]["url"] is None


def test_search_ranks_and_quarter_filters(db_path):
    found = events_json(db_path, "--search", "fentanyl")
    assert found and all("fentanyl" in (r["title"] + r["summary"] + r["implications"]).lower()
                         for r in found)  # fmt: skip
    assert found[0]["number"] == 3  # "Fentanyl" in its title
    assert events_json(db_path, "--quarter", "2023Q3") == []


def test_link_and_unlink_survive_reimport(db_path, sample_report_path):
    records = events_json(db_path, "--quarter", "2023Q2")
    hled = next(r for r in records if r["number"] == 4)
    slugs = {link["slug"] for link in hled["institutions"]}
    assert slugs, "the linker should have linked the HLED item"
    removed = sorted(slugs)[0]
    assert invoke("events", "unlink", hled["id"], removed, "--db", db_path).exit_code == 0
    invoke("import", sample_report_path, "--db", db_path)
    after = next(r for r in events_json(db_path) if r["id"] == hled["id"])
    assert removed not in {link["slug"] for link in after["institutions"]}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "link", "1", "no-such-institution"], "not in the registry"),
        (["events", "link", "999", "usmca"], "there is no event 999"),
        (["events", "unlink", "1", "usmca"], "is not linked"),
        (["events", "--quarter", "Q9"], "not a period"),
    ],
)
def test_refusals(db_path, args, message):
    result = runner.invoke(app, [*args, "--db", str(db_path)])
    assert result.exit_code != 0
    assert message in str(result.exception) or message in result.output


def test_relink_keeps_removed_and_added_links(db_path):
    records = events_json(db_path, "--quarter", "2023Q2")
    hled = next(r for r in records if r["number"] == 4)
    removed = hled["institutions"][0]["slug"]
    assert invoke("events", "unlink", hled["id"], removed, "--db", db_path).exit_code == 0
    assert invoke("events", "link", hled["id"], "usmca", "--db", db_path).exit_code == 0
    result = invoke("events", "relink", "--db", db_path, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"events": 14, "new_links": 0}
    after = next(r for r in events_json(db_path) if r["id"] == hled["id"])
    slugs = {link["slug"]: link["origin"] for link in after["institutions"]}
    assert removed not in slugs
    assert slugs["usmca"] == "analyst"
