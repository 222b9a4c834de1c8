"""The SQLite file for Datasette and its ``metadata.json`` (titles, descriptions,
license, source; the events' full-text search)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from binational.export.metadata import DataDescription
from binational.export.tables import EVENTS, TABLES, OpenData
from binational.store.sqlite_export import write_sqlite

DATABASE_NAME = "binational"
SEARCHABLE = ("title", "summary", "context", "implications")


def sqlite_bytes(data: OpenData) -> bytes:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"{DATABASE_NAME}.db"
        write_sqlite(path, TABLES, data.rows, (EVENTS.name, SEARCHABLE))
        return path.read_bytes()


def datasette_metadata(description: DataDescription) -> bytes:
    tables = {
        table.name: {
            "title": table.title,
            "description": table.description,
            "columns": {column.name: column.description for column in table.columns},
        }
        for table in TABLES
    }
    tables[EVENTS.name].update({"fts_table": f"{EVENTS.name}_fts", "fts_pk": "id",
                                "sort_desc": "day"})  # fmt: skip
    metadata = {
        "title": description.title,
        "description": description.description,
        "license": description.license,
        "license_url": description.license_url,
        "source": description.source,
        "databases": {DATABASE_NAME: {"tables": tables}},
    }
    return (json.dumps(metadata, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
