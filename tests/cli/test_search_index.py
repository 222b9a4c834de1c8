"""``binational index`` (cli/search_index.py): builds the search index, then finds it
current."""

import json

from typer.testing import CliRunner

from binational.cli import app


def test_index_builds_then_finds_the_index_current(tmp_path, sample_report_path):
    db = str(tmp_path / "index.db")
    assert CliRunner().invoke(app, ["import", str(sample_report_path), "--db", db]).exit_code == 0
    first = CliRunner().invoke(app, ["index", "--json", "--db", db])
    assert first.exit_code == 0, first.output
    built = json.loads(first.output)
    assert (built["outcome"], built["events_written"]) == ("build", 14)
    assert built["directory"] == db + ".search"
    again = json.loads(CliRunner().invoke(app, ["index", "--json", "--db", db]).output)
    assert again["outcome"] == "reloaded" and again["events_written"] == 0
    found = CliRunner().invoke(app, ["events", "--search", "fentanyl", "--json", "--db", db])
    assert found.exit_code == 0 and json.loads(found.output)
