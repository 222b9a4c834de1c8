"""The sources file synchronized into the database (``ingest_sources``), where every
worker reads the sources and their state."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from binational.ingest.sources import load_sources
from binational.store.ingest_sources import SyncCounts, sync_sources


def sync_from_file(database, path: Path | None) -> SyncCounts:
    """Make the database's sources those of ``path`` (the bundled list when it does
    not exist); what changed."""
    return sync_sources(database.engine, [asdict(source) for source in load_sources(path)])
