"""Citations that do not rot: every URL a published event cites gets an archived
copy, and the original URLs are re-checked for moves and deaths.

Ingestion already archives what it fetches; for a citation it never saw (an event
imported from a report, or one an analyst edited by hand) ``archive_missing``
fetches the URL once, through the same polite, guarded fetcher, into the WARC
archive. It is a step run after an import or edit (``binational archive fetch``),
not a side effect of saving: saving stays fast, offline and transactional, and one
polite run covers a whole imported report. ``check_citations`` re-fetches the
originals (``binational archive check``) without archiving them again.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from binational.ingest.archive import WarcArchive
from binational.ingest.client import FetchPolicy, make_client
from binational.ingest.fetch import Fetcher, FetchResult
from binational.site.archived import readable_text
from binational.store.citations import (
    CitationCheck,
    archived_copies,
    check_order,
    record_archive_failure,
    record_archived,
    record_check,
)
from binational.store.database import Database
from binational.store.models import utcnow
from binational.store.public_reads import published_urls

ClientFactory = Callable[[FetchPolicy], httpx.AsyncClient]
# Statuses that say the page is gone, not that the server is having a bad day.
GONE = (404, 410)


def any_type(_content_type: str) -> bool:
    """A citation may be a page, a PDF or anything else: every type is archived."""
    return True


@dataclass(frozen=True)
class ArchiveOutcome:
    url: str
    archived: bool
    reason: str | None = None


def classify(result: FetchResult) -> tuple[str, str | None]:
    """What a re-fetch says about a cited URL: ('ok' | 'moved' | 'dead' | 'error',
    a note). Moved: it answers, but at another address; dead: 404/410, or the host
    no longer answers; error: anything that does not settle it (5xx, robots.txt,
    an address the fetcher refuses)."""
    if result.ok:
        if result.final_url != result.url:
            return "moved", f"now at {result.final_url}"
        return "ok", None
    if result.status in GONE:
        return "dead", f"HTTP {result.status}"
    if result.refused:
        return "error", result.error
    if result.status is None and result.error and result.error.startswith("connection failed"):
        return "dead", result.error
    return "error", result.error or f"HTTP {result.status}"


async def _fetch_all(fetcher: Fetcher, urls: Sequence[str]) -> list[FetchResult]:
    return list(await asyncio.gather(*(fetcher.fetch(url, accept=any_type) for url in urls)))


def missing_citations(database: Database) -> list[str]:
    """Cited URLs of published events with no archived copy, in first-cited order."""
    with database.connect() as connection:
        urls = published_urls(connection)
        copies = archived_copies(connection, urls)
    return [url for url in urls if url not in copies]


async def archive_missing(
    database: Database, settings, limit: int | None = None,
    client_factory: ClientFactory = make_client,
) -> list[ArchiveOutcome]:  # fmt: skip
    """Fetch and archive up to ``limit`` cited URLs that have no archived copy."""
    missing = missing_citations(database)[:limit]
    if not missing:
        return []
    policy = FetchPolicy.from_settings(settings)
    with WarcArchive.open(settings.archive_dir) as archive:
        async with client_factory(policy) as client:
            results = await _fetch_all(Fetcher(client, policy, archive), missing)
    outcomes = []
    with database.transaction() as session:
        for url, result in zip(missing, results, strict=True):
            if result.ok and result.archived is not None:
                where = result.archived
                title, text = readable_text(result.body, result.content_type, result.final_url)
                record_archived(session, url, where.file, where.offset, where.length, title, text)
                outcomes.append(ArchiveOutcome(url, True))
            else:
                reason = result.error or f"HTTP {result.status}"
                record_archive_failure(session, url, reason)
                outcomes.append(ArchiveOutcome(url, False, reason))
    return outcomes


async def check_citations(
    database: Database, settings, limit: int | None = None,
    client_factory: ClientFactory = make_client,
) -> list[CitationCheck]:  # fmt: skip
    """Re-fetch up to ``limit`` cited URLs (never checked first, then the longest
    unchecked) and record what each answered."""
    with database.connect() as connection:
        urls = check_order(connection, published_urls(connection))[:limit]
    if not urls:
        return []
    policy = FetchPolicy.from_settings(settings)
    async with client_factory(policy) as client:
        results = await _fetch_all(Fetcher(client, policy, None), urls)
    now = utcnow()
    checks = []
    for url, result in zip(urls, results, strict=True):
        state, note = classify(result)
        final = result.final_url if state == "moved" else None
        checks.append(CitationCheck(url, state, result.status, final, note, now))
    with database.transaction() as session:
        for check in checks:
            record_check(session, check)
    return checks
