"""Which files an export writes and what each is made from (pure)."""

import pytest

from binational.export.catalog import export_catalog
from binational.export.metadata import DataDescription
from binational.export.parts import export_parts
from binational.export.service import FORMATS
from binational.export.tables import OpenData

EMPTY = OpenData({"events": [], "institutions": [], "event_institutions": [], "event_sources": []})


@pytest.mark.parametrize(
    "formats",
    [{"csv"}, {"json", "ndjson"}, {"csl-json"}, {"ris", "sqlite"}, set(FORMATS)],
)
def test_the_catalog_lists_exactly_the_files_written(formats):
    parts = export_parts(EMPTY, formats, DataDescription("Org"))
    assert [part.name for part in parts] == [name for name, _ in export_catalog(formats)]


def test_an_edited_event_changes_the_events_files_not_the_registrys():
    event = {"id": 1, "title": "T", "summary": "S"}
    before = OpenData({**EMPTY.rows, "events": [event]})
    after = OpenData({**EMPTY.rows, "events": [{**event, "summary": "S2"}]})
    description = DataDescription("Org")
    old = {p.name: p.inputs for p in export_parts(before, {"csv", "sqlite"}, description)}
    new = {p.name: p.inputs for p in export_parts(after, {"csv", "sqlite"}, description)}
    changed = {name for name in old if old[name] != new[name]}
    assert changed == {"events.csv", "binational.db"}


@pytest.mark.parametrize(
    ("edit", "remade"),
    [
        ({"summary": "S2"}, False),
        ({"title": "T2"}, True),
        ({"date": "2024-05"}, True),
    ],
)
def test_citations_are_remade_only_when_what_they_show_changed(edit, remade):
    event = {"id": 1, "title": "T", "date": "2023-05", "summary": "S"}
    source = {"event_id": 1, "url": "https://example.org/a", "title": None, "role": "primary",
              "archived_at": None}  # fmt: skip
    rows = {**EMPTY.rows, "event_sources": [source]}
    before = OpenData({**rows, "events": [event]})
    after = OpenData({**rows, "events": [{**event, **edit}]})
    description = DataDescription("Org")
    old = {p.name: p for p in export_parts(before, {"csl-json", "ris"}, description)}
    new = {p.name: p for p in export_parts(after, {"csl-json", "ris"}, description)}
    for name in ("sources.csl.json", "sources.ris"):
        assert (old[name].inputs != new[name].inputs) is remade
        assert (old[name].make() != new[name].make()) is remade
