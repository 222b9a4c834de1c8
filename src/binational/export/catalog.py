"""The files an export writes, each with what it holds (the site's data page lists
them)."""

from __future__ import annotations

from binational.export.datasette import DATABASE_NAME
from binational.export.tables import TABLES

FORMAT_NOTES = {
    "csv": "CSV",
    "json": "JSON",
    "ndjson": "NDJSON (one JSON record a line)",
}


def export_catalog(formats: set[str]) -> list[tuple[str, str]]:
    """(file name, description) of every file ``formats`` produce, in a stable order."""
    files: list[tuple[str, str]] = []
    for kind in ("csv", "json", "ndjson"):
        if kind in formats:
            files += [(f"{t.name}.{kind}", f"{t.title}, {FORMAT_NOTES[kind]}") for t in TABLES]
    if "csv" in formats:
        files.append(("datapackage.json", "Frictionless Data Package: the CSV files' dictionary"))
    if "csl-json" in formats:
        files.append(("sources.csl.json", "Sources as CSL-JSON citations (Zotero, citeproc)"))
    if "ris" in formats:
        files.append(("sources.ris", "Sources as RIS citations (reference managers)"))
    if "sqlite" in formats:
        files.append((f"{DATABASE_NAME}.db", "SQLite database with full-text search (Datasette)"))
        files.append(("metadata.json", "Datasette metadata: titles, descriptions, license"))
    return files
