"""Archived copies of cited URLs, and what re-checking those URLs found.

An archived copy comes from ingestion (a document fetched at that URL, its response
in the WARC archive) or from the ``citations`` table (a copy fetched for a citation
that ingestion never saw). Reads take plain connections; writes take the caller's
session and commit nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from binational.store.citation_models import CHECK_STATES, Citation
from binational.store.ingest_models import Document
from binational.store.models import utcnow
from binational.store.named_statements import NamedStatement, rows

if TYPE_CHECKING:
    from binational.store.cached_reader import Readable

# Bind parameters per IN list: well under every backend's limit.
CHUNK = 500

_documents = Document.__table__
_citations = Citation.__table__


@dataclass(frozen=True, slots=True)
class ArchivedCopy:
    """Where the archived response for ``url`` sits, and when it was retrieved."""

    url: str
    file: str
    offset: int
    length: int
    retrieved_at: dt.datetime
    table: str  # where its readable text is: 'ingest_documents' or 'citations'
    row_id: int


@dataclass(frozen=True, slots=True)
class CitationCheck:
    """What the last re-check of a cited URL found."""

    url: str
    state: str  # one of CHECK_STATES
    status: int | None
    final_url: str | None
    note: str | None
    checked_at: dt.datetime


def _chunks(items: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield list(items[start : start + CHUNK])


_FETCHED = (
    select(_documents.c.id, _documents.c.url, _documents.c.canonical_url, _documents.c.warc_file,
           _documents.c.warc_offset, _documents.c.warc_length, _documents.c.fetched_at)
    .where(_documents.c.warc_file.is_not(None))
    .where(_documents.c.http_status >= 200, _documents.c.http_status < 300)
    .order_by(_documents.c.fetched_at)
)  # fmt: skip
_OWN = select(
    _citations.c.id, _citations.c.url, _citations.c.warc_file, _citations.c.warc_offset,
    _citations.c.warc_length, _citations.c.archived_at,
).where(_citations.c.warc_file.is_not(None))  # fmt: skip


def archived_copies(connection: Connection, urls: Iterable[str]) -> dict[str, ArchivedCopy]:
    """The archived copy of each of ``urls`` that has one: ingestion's latest
    successful fetch of it, else the copy fetched for the citation. One pass over
    each table's archived rows (``ingest_documents.url`` has no index, and a site
    asks for nearly every archived URL anyway)."""
    asked = set(urls)
    copies: dict[str, ArchivedCopy] = {}
    for row in connection.execute(_FETCHED):
        for url in {row.url, row.canonical_url} & asked:
            copies[url] = ArchivedCopy(
                url, row.warc_file, row.warc_offset, row.warc_length, row.fetched_at,
                _documents.name, row.id,
            )  # fmt: skip
    for row in connection.execute(_OWN):
        if row.url in asked and row.url not in copies:
            copies[row.url] = ArchivedCopy(
                row.url, row.warc_file, row.warc_offset, row.warc_length, row.archived_at,
                _citations.name, row.id,
            )  # fmt: skip
    return copies


def archived_text(connection: Connection, table_name: str, row_id: int) -> tuple[str, str]:
    """(title, text) extracted from an archived copy (``ArchivedCopy.table`` and
    ``row_id``) when it was archived."""
    table = _documents if table_name == _documents.name else _citations
    row = connection.execute(
        select(table.c.title, table.c.text).where(table.c.id == row_id)
    ).first()
    return (row.title or "", row.text or "") if row else ("", "")


# An event page asks on every view: run by name (on the web's SQLite, on the driver's
# connection: ``Database.reader``).
CHECKS_OF_URLS = NamedStatement("binational.store.citation_statements", "CHECKS_OF_URLS")


def citation_checks(connection: Readable, urls: Iterable[str]) -> dict[str, CitationCheck]:
    """The last re-check of each of ``urls`` that was checked."""
    checks: dict[str, CitationCheck] = {}
    for chunk in _chunks(sorted(set(urls))):
        for row in rows(connection, CHECKS_OF_URLS, {"urls": chunk}):
            checks[row.url] = CitationCheck(
                row.url, row.check_state, row.check_status, row.final_url, row.check_note,
                row.checked_at,
            )  # fmt: skip
    return checks


def check_order(connection: Connection, urls: Sequence[str]) -> list[str]:
    """``urls`` in the order a re-check should visit them: never checked first, then
    the longest unchecked."""
    checked = {url: check.checked_at for url, check in citation_checks(connection, urls).items()}
    never = [url for url in urls if url not in checked]
    return never + sorted(checked, key=lambda url: checked[url])


def _citation(session: Session, url: str) -> Citation:
    citation = session.scalars(select(Citation).where(Citation.url == url)).first()
    if citation is None:
        citation = Citation(url=url)
        session.add(citation)
    return citation


def record_archived(
    session: Session, url: str, file: str, offset: int, length: int,
    title: str = "", text: str = "", when: dt.datetime | None = None,
) -> None:  # fmt: skip
    """Remember the archived copy fetched for ``url`` and its readable text."""
    citation = _citation(session, url)
    citation.warc_file, citation.warc_offset, citation.warc_length = file, offset, length
    citation.title, citation.text = title, text
    citation.archived_at = when or utcnow()
    citation.archive_error = None


def record_archive_failure(session: Session, url: str, reason: str) -> None:
    """Remember why ``url`` could not be archived (kept until a fetch succeeds)."""
    _citation(session, url).archive_error = reason[:1000]


def record_check(session: Session, check: CitationCheck) -> None:
    """Remember what re-checking a cited URL found."""
    if check.state not in CHECK_STATES:
        raise ValueError(f"unknown check state {check.state!r}")
    citation = _citation(session, check.url)
    citation.checked_at = check.checked_at
    citation.check_state = check.state
    citation.check_status = check.status
    citation.final_url = check.final_url
    citation.check_note = check.note[:1000] if check.note else None
