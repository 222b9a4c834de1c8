"""CSV, JSON and NDJSON of each table, and the Frictionless Data Package
(``datapackage.json``) that describes the CSV files. Pure: files as bytes."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import msgspec

from binational.export.metadata import DataDescription
from binational.export.tables import TABLES, Table


def csv_bytes(table: Table, rows: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    names = table.names
    writer.writerow(names)
    writer.writerows([row[name] for name in names] for row in rows)
    return buffer.getvalue().encode("utf-8")


def json_bytes(rows: list[dict[str, Any]]) -> bytes:
    """A JSON array, one record a line (msgspec: several times faster than ``json``)."""
    if not rows:
        return b"[]\n"
    return b"[\n" + b",\n".join(msgspec.json.encode(row) for row in rows) + b"\n]\n"


def ndjson_bytes(rows: list[dict[str, Any]]) -> bytes:
    return b"".join(msgspec.json.encode(row) + b"\n" for row in rows)


def _schema(table: Table) -> dict[str, Any]:
    fields = []
    for column in table.columns:
        field: dict[str, Any] = {
            "name": column.name, "type": column.type, "description": column.description,
        }  # fmt: skip
        if column.required:
            field["constraints"] = {"required": True}
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "primaryKey": list(table.primary_key)}
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": column, "reference": {"resource": other, "fields": key}}
            for column, other, key in table.foreign_keys
        ]
    return schema


def datapackage(description: DataDescription) -> bytes:
    """The Data Package describing the CSV files (the JSON files hold the same rows)."""
    package = {
        "profile": "tabular-data-package",
        "name": "binational-institutions"
        + (f"-{description.period}".lower() if description.period else ""),
        "title": description.title,
        "description": description.description,
        "licenses": [
            {
                "name": description.license,
                "title": description.license_title,
                "path": description.license_url,
            }
        ],
        "sources": [{"title": description.source}],
        "resources": [
            {
                "name": table.name,
                "title": table.title,
                "description": table.description,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": _schema(table),
            }  # fmt: skip
            for table in TABLES
        ],
    }
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
