"""Open data from the database: the chosen formats written into a directory."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from binational.domain import Period
from binational.errors import UserError
from binational.export.metadata import DEFAULT_LICENSE, DataDescription
from binational.export.parts import export_parts
from binational.export.tables import OpenData, open_data
from binational.registry.loader import Registry
from binational.store.citations import archived_copies
from binational.store.database import Database
from binational.store.public_reads import published_events

FORMATS = ("csv", "json", "ndjson", "csl-json", "ris", "sqlite")


def parse_formats(text: str) -> set[str]:
    """The formats named in 'csv,json,...'; one sentence naming the choices if any is
    unknown or none is given."""
    chosen = {name.strip().lower() for name in text.split(",") if name.strip()}
    unknown = sorted(chosen - set(FORMATS))
    if unknown or not chosen:
        what = f"unknown export format {', '.join(map(repr, unknown))}" if unknown else "no format"
        raise UserError(f"{what}; choose from {', '.join(FORMATS)}")
    return chosen


def export_files(
    data: OpenData, formats: set[str], description: DataDescription
) -> dict[str, bytes]:
    """File name -> bytes of every chosen format."""
    return {part.name: part.make() for part in export_parts(data, formats, description)}


def read_open_data(
    database: Database, registry: Registry, period: Period | None = None
) -> OpenData:
    with database.connect() as connection:
        events = published_events(connection, period)
        cited = {source.url for event in events for source in event.sources}
        archived = archived_copies(connection, cited)
    return open_data(events, registry, archived)


def write_files(files: dict[str, bytes], out: Path) -> list[Path]:
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} exists and is not a directory")
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in files.items():
        path = out / name
        partial = path.with_name(name + ".partial")
        partial.write_bytes(data)
        partial.replace(path)
        paths.append(path)
    return paths


def export_open_data(
    database: Database, registry: Registry, formats: Sequence[str] | set[str], out: Path,
    organization: str, period: Period | None = None, license: str = DEFAULT_LICENSE,
) -> list[Path]:  # fmt: skip
    """``license``: the data's licence, an SPDX identifier (the ``data_license`` setting)."""
    data = read_open_data(database, registry, period)
    description = DataDescription(organization, str(period) if period else None, license)
    return write_files(export_files(data, set(formats), description), out)
