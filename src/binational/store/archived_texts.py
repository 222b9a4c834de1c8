"""The readable text of many archived copies at once (the static site's pages of
archived copies): a query per ``CHUNK`` rows instead of one per copy."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, select

from binational.store.citation_models import Citation
from binational.store.citations import CHUNK
from binational.store.ingest_models import Document

_documents = Document.__table__
_citations = Citation.__table__


def archived_texts(
    connection: Connection, locations: Iterable[tuple[str, int]]
) -> dict[tuple[str, int], tuple[str, str]]:
    """(title, text) of each archived copy at ``locations`` (``ArchivedCopy.table`` and
    ``row_id``), as ``citations.archived_text`` reads one; rows that are gone are left out."""
    wanted: dict[str, set[int]] = {}
    for table_name, row_id in locations:
        wanted.setdefault(table_name, set()).add(row_id)
    texts: dict[tuple[str, int], tuple[str, str]] = {}
    for table_name, rows in wanted.items():
        table = _documents if table_name == _documents.name else _citations
        ids = sorted(rows)
        for start in range(0, len(ids), CHUNK):
            statement = select(table.c.id, table.c.title, table.c.text).where(
                table.c.id.in_(ids[start : start + CHUNK])
            )
            for row in connection.execute(statement):
                texts[table_name, row.id] = (row.title or "", row.text or "")
    return texts
