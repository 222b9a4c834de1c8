"""Every file an export writes, each with what it is made from: a rebuild of the
site makes again only the files whose inputs changed (an edited summary remakes the
events' files and the SQLite file, not the registry's, the links' or the
citations')."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from binational.export.citations import citation_inputs, citations, csl_json, ris
from binational.export.datasette import DATABASE_NAME, datasette_metadata, sqlite_bytes
from binational.export.metadata import DataDescription
from binational.export.tables import TABLES, OpenData
from binational.export.tabular import csv_bytes, datapackage, json_bytes, ndjson_bytes


@dataclass(frozen=True)
class ExportFile:
    name: str
    inputs: Any = field(repr=False)  # JSON-ready: what the file is made from
    make: Callable[[], bytes] = field(repr=False)


def digest(value: Any) -> str:
    """A hash of plain rows (msgspec encodes 10,000 events' rows in milliseconds)."""
    return hashlib.sha256(msgspec.json.encode(value, order="deterministic")).hexdigest()


def export_parts(
    data: OpenData, formats: set[str], description: DataDescription, previous: Path | None = None
) -> list[ExportFile]:
    """The files of ``formats``, in a stable order, each made only when asked;
    ``previous``: a directory holding an earlier export, which the SQLite file is
    brought up to date from (``datasette.sqlite_bytes``)."""
    files: list[ExportFile] = []
    # Each table's rows hashed once: four files are made from the events' rows.
    tables = {table.name: (table.names, digest(data.table(table.name))) for table in TABLES}
    for kind in ("csv", "json", "ndjson"):
        if kind not in formats:
            continue
        for table in TABLES:
            rows = list(data.table(table.name))
            make = {
                "csv": lambda table=table, rows=rows: csv_bytes(table, rows),
                "json": lambda rows=rows: json_bytes(rows),
                "ndjson": lambda rows=rows: ndjson_bytes(rows),
            }[kind]
            files.append(ExportFile(f"{table.name}.{kind}", tables[table.name], make))
    if "csv" in formats:
        files.append(ExportFile("datapackage.json", repr(description),
                                lambda: datapackage(description)))  # fmt: skip
    if formats & {"csl-json", "ris"}:
        inputs = digest(citation_inputs(data))
        items = functools.cache(lambda: citations(data))  # made once, when first asked
        if "csl-json" in formats:
            files.append(ExportFile("sources.csl.json", inputs, lambda: csl_json(items())))
        if "ris" in formats:
            files.append(ExportFile("sources.ris", inputs, lambda: ris(items())))
    if "sqlite" in formats:
        earlier = previous / f"{DATABASE_NAME}.db" if previous is not None else None
        files.append(ExportFile(f"{DATABASE_NAME}.db", tables,
                                lambda: sqlite_bytes(data, earlier)))  # fmt: skip
        files.append(ExportFile("metadata.json", repr(description),
                                lambda: datasette_metadata(description)))  # fmt: skip
    return files
