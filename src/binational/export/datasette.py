"""The SQLite file for Datasette and its ``metadata.json`` (titles, descriptions,
license, source; the events' full-text search)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from binational.export.metadata import DataDescription
from binational.export.tables import EVENTS, TABLES, OpenData
from binational.store.sqlite_export import update_sqlite, write_sqlite

DATABASE_NAME = "binational"
SEARCHABLE = ("title", "summary", "context", "implications")


def sqlite_bytes(data: OpenData, previous: Path | None = None) -> bytes:
    """The SQLite file of ``data``; made from ``previous`` (a file this wrote
    earlier, e.g. the site's last export) when there is one with the same tables:
    then only the rows that changed are written."""
    fts = (EVENTS.name, SEARCHABLE)
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"{DATABASE_NAME}.db"
        if previous is None or not update_sqlite(previous, path, TABLES, data.rows, fts):
            write_sqlite(path, TABLES, data.rows, fts)
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
