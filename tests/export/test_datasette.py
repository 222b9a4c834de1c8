"""The SQLite file opened by Datasette's own Python API, with its metadata, and a
full-text search of the events."""

import json
import sqlite3

import pytest


def test_keys_hold(exported):
    connection = sqlite3.connect(exported / "binational.db")
    connection.execute("PRAGMA foreign_keys = ON")
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    keys = connection.execute("PRAGMA foreign_key_list(event_institutions)").fetchall()
    assert {(row[2], row[3], row[4]) for row in keys} == {
        ("events", "event_id", "id"), ("institutions", "slug", "slug"),
    }  # fmt: skip
    connection.close()


@pytest.mark.asyncio
async def test_datasette_searches_the_events(exported):
    from datasette.app import Datasette

    metadata = json.loads((exported / "metadata.json").read_text(encoding="utf-8"))
    datasette = Datasette([str(exported / "binational.db")], metadata=metadata)
    await datasette.invoke_startup()
    response = await datasette.client.get("/binational/events.json?_search=fentanyl&_shape=array")
    assert response.status_code == 200
    titles = [row["title"] for row in response.json()]
    assert "Trilateral Fentanyl Committee meets in Mexico City" in titles
    assert all("fentanyl" in (row["title"] + row["summary"]).lower() for row in response.json())
    home = await datasette.client.get("/")
    assert "CC-BY-4.0" in home.text and metadata["title"] in home.text
    table = await datasette.client.get("/binational/events")
    assert metadata["databases"]["binational"]["tables"]["events"]["description"] in table.text
