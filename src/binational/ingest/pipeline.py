"""One ingest run: fetch every source, list its entries, fetch the pages not seen
before, analyze them, and store each document in its cluster, one transaction per
document (and one per source's fetch state), so a crash loses nothing committed
and leaves nothing half-written.

One failing source never stops the others, and one bad page never fails its source:
each failure is reported with its reason and the source's state is saved. An
unchanged source (304, or the same body) costs one request and extracts nothing;
pages already stored are not fetched again.

A run has a time budget (``ingest_run_budget``): requests still going when it is
used up are abandoned and reported, and their source is read again by the next run.
A page that failed in a way that may pass (timeout, deadline, 5xx, network error) is
left alone until its retry time (``ingest/fetch_states.py``) and counted as
*deferred* meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from binational.ingest.analyze import Analyzer, Fetched, analyze_entry, analyze_page
from binational.ingest.canonical import canonical_url
from binational.ingest.client import FetchPolicy, make_client
from binational.ingest.clusters import (
    NewDocument,
    known_document,
    merge_candidates,
    same_text_document,
    store_document,
    stored_signatures,
)
from binational.ingest.dedup import NearDuplicateIndex
from binational.ingest.feeds import Entry, FeedError, parse_feed, parse_listing, parse_sitemap
from binational.ingest.fetch import Fetcher, FetchResult, is_xml_or_html
from binational.ingest.fetch_states import (
    clear_page_failures,
    known_source,
    page_retry_at,
    record_page_failure,
    save_source_state,
)
from binational.ingest.run_summary import IngestSummary
from binational.ingest.sources import Source
from binational.store.models import utcnow

# on_event(kind, source name, detail): "source" (started, detail = its URL), "entries"
# (detail = how many to fetch), "page" (one page done), "done" (detail = outcome).
EventHook = Callable[[str, str, str], None]


def _fetched(result: FetchResult) -> Fetched:
    location = result.archived
    return Fetched(
        url=result.final_url, status=result.status, content_type=result.content_type or None,
        etag=result.header("etag"), last_modified=result.header("last-modified"),
        warc_file=location.file if location else None,
        warc_offset=location.offset if location else None,
        warc_length=location.length if location else None,
    )  # fmt: skip


@dataclass(frozen=True)
class RunLimits:
    budget: float = 900.0  # seconds for the whole run (ingest_run_budget)
    page_backoff: float = 1800.0  # first wait before a failed page (page_retry_backoff)

    @classmethod
    def from_settings(cls, settings) -> RunLimits:
        return cls(settings.ingest_run_budget, settings.page_retry_backoff)


class IngestRun:
    def __init__(
        self, database, fetcher: Fetcher, analyzer: Analyzer, threshold: float,
        on_event: EventHook | None = None, limits: RunLimits | None = None,
    ) -> None:  # fmt: skip
        self.database = database
        self.fetcher = fetcher
        self.analyzer = analyzer
        self.limits = limits or RunLimits()
        self._deadline = 0.0
        self.summary = IngestSummary()
        self.on_event = on_event or (lambda kind, source, detail: None)
        self.index = NearDuplicateIndex(threshold)
        with database.sessions() as session:
            self.index.add_all(stored_signatures(session))

    async def run(self, sources: Sequence[Source]) -> IngestSummary:
        self._deadline = asyncio.get_running_loop().time() + self.limits.budget
        await asyncio.gather(*(self._guarded(source) for source in sources))
        self.summary.requests = self.fetcher.requests
        return self.summary

    async def _guarded(self, source: Source) -> None:
        self.on_event("source", source.name, source.url)
        try:
            outcome = await self._source(source)
        except Exception as error:  # one broken source must not stop the others
            reason = f"{type(error).__name__}: {error}"
            self.summary.fail(source.name, source.url, reason)
            outcome = "failed"
            with contextlib.suppress(Exception):  # the database itself may be what failed
                empty = FetchResult(source.url, source.url)
                self._save_state(source.url, empty, error=reason, keep_validators=True)
        self.summary.sources[source.name] = outcome
        self.on_event("done", source.name, outcome)

    def _out_of_time(self) -> bool:
        return asyncio.get_running_loop().time() >= self._deadline

    async def _fetch(self, url: str, **options) -> FetchResult:
        """The fetcher's result, or an abandoned one once the run's budget is used up."""
        try:
            async with asyncio.timeout_at(self._deadline):
                return await self.fetcher.fetch(url, **options)
        except TimeoutError:
            budget = f"{self.limits.budget:g} s"
            return FetchResult(
                url, url, error=f"abandoned: the run's time budget ({budget}, "
                "ingest_run_budget) was used up; the next run tries again",
                retryable=True, abandoned=True,
            )  # fmt: skip

    async def _source(self, source: Source) -> str:
        known = known_source(self.database, source.url)
        options = {"validators": known.validators, "accept": is_xml_or_html}
        result = await self._fetch(source.url, **options)
        if result.not_modified:
            self.summary.unchanged += 1
            return "unchanged"
        if not result.ok:
            self.summary.fail(source.name, source.url, result.error or f"HTTP {result.status}")
            self._save_state(source.url, result, error=result.error, keep_validators=True)
            return "failed"
        self.summary.fetched += 1
        body_hash = hashlib.sha256(result.body).hexdigest()
        if body_hash == known.content_sha256:
            self.summary.unchanged += 1
            self._save_state(source.url, result)
            return "unchanged"
        try:
            entries = _entries(source, result)
        except Exception as error:  # a FeedError says why; anything else is named
            reason = str(error) if isinstance(error, FeedError) else (
                f"unreadable {source.kind}: {type(error).__name__}: {error}"
            )  # fmt: skip
            self.summary.fail(source.name, source.url, reason)
            self._save_state(source.url, result, error=reason, keep_validators=True)
            return "failed"
        retry_later = await self._entries(source, entries, result)
        self._save_state(source.url, result, keep_validators=retry_later)
        return "fetched"

    async def _entries(self, source: Source, entries: list[Entry], feed: FetchResult) -> bool:
        """Store feed entries and fetch new pages; True if a page failed in a way a
        later run may get past (so the source must be read again next time)."""
        to_fetch: list[Entry] = []
        for entry in entries:
            with self.database.sessions() as session:
                if known_document(session, canonical_url(entry.url), "page") is None:
                    to_fetch.append(entry)
                elif source.is_feed:
                    self._store_entry_alone(source, entry, feed)
        self.on_event("entries", source.name, str(len(to_fetch)))
        outcomes = await asyncio.gather(*(self._page(source, e, feed) for e in to_fetch))
        return any(outcomes)

    async def _page(self, source: Source, entry: Entry, feed: FetchResult) -> bool:
        """Fetch, analyze and store one page, then its feed entry (which joins the
        page's cluster, or stands for the story if the page could not be read).
        True if the source must be read again next run for this page's sake. Never
        raises: whatever goes wrong with one page is that page's failure."""
        try:
            retry_later = await self._fetch_page(source, entry)
        except Exception as error:
            reason = f"could not process the page: {type(error).__name__}: {error}"
            self.summary.fail(source.name, entry.url, reason)
            retry_later = False
        self.on_event("page", source.name, entry.url)
        if source.is_feed:
            self._store_entry_alone(source, entry, feed)
        return retry_later

    async def _fetch_page(self, source: Source, entry: Entry) -> bool:
        key = canonical_url(entry.url)
        retry_at = page_retry_at(self.database, key)
        if retry_at is not None and retry_at > utcnow():
            self.summary.deferred += 1
            return True
        result = await self._fetch(entry.url)
        if not result.ok:
            self.summary.fail(source.name, entry.url, result.error or f"HTTP {result.status}")
            if result.retryable and not self._out_of_time():
                record_page_failure(self.database, key, result, self.limits.page_backoff)
            return result.retryable
        if retry_at is not None:
            clear_page_failures(self.database, key)
        self.summary.fetched += 1
        document = analyze_page(
            result.body, _fetched(result), self.analyzer, source.name, source.language, entry
        )
        if document is None:
            self.summary.fail(source.name, entry.url, "no article text found on the page")
        else:
            self._store(document)
        return False

    def _store_entry_alone(self, source: Source, entry: Entry, feed: FetchResult) -> None:
        """Store a feed entry; a failure is that entry's, never its source's."""
        try:
            self._store_entry(source, entry, feed)
        except Exception as error:
            reason = f"could not store the feed entry: {type(error).__name__}: {error}"
            self.summary.fail(source.name, entry.url, reason)

    def _store_entry(self, source: Source, entry: Entry, feed: FetchResult) -> None:
        document = analyze_entry(entry, self.analyzer, source.name, source.language, _fetched(feed))
        if document is not None:
            self._store(document)

    def _store(self, document: NewDocument) -> str:
        """Store one document in its cluster, in its own transaction."""
        with self.database.transaction() as session:
            if known_document(session, document.canonical_url, document.kind):
                return "known"
            same_url = known_document(session, document.canonical_url)
            how, candidate_id = "new", None
            same_text = same_text_document(session, document.text_sha256)
            if same_text is not None:
                how, candidate_id = "duplicate", same_text.candidate_id
            elif document.signature and (match := self.index.best_match(document.signature)):
                how, candidate_id = "duplicate", match.candidate_id
            if same_url is not None:
                if candidate_id is not None and candidate_id != same_url.candidate_id:
                    # A feed entry stored alone earlier: its story is this cluster.
                    moved = merge_candidates(session, candidate_id, same_url.candidate_id)
                    self.index.move(moved, candidate_id)
                else:
                    how, candidate_id = "same_url", same_url.candidate_id
            stored = store_document(session, document, candidate_id)
            key = (stored.id, stored.candidate_id)
        if document.signature:
            self.index.add(key[0], key[1], document.signature)
        if how == "new":
            self.summary.new += 1
        elif how == "duplicate":
            self.summary.duplicates += 1
        return how

    def _save_state(self, url: str, result: FetchResult, **options) -> None:
        save_source_state(self.database, url, result, **options)


def _entries(source: Source, result: FetchResult) -> list[Entry]:
    if source.kind == "listing":
        return parse_listing(result.body, result.final_url, source.selector)
    if source.kind == "sitemap":
        return parse_sitemap(result.body, result.final_url)
    return parse_feed(result.body, result.final_url)


async def run_ingest(
    database,
    settings,
    sources: Sequence[Source],
    analyzer: Analyzer,
    client_factory: Callable[[FetchPolicy], httpx.AsyncClient] = make_client,
    on_event: EventHook | None = None,
) -> IngestSummary:
    """Run ingestion once over ``sources``; archives go to ``settings.archive_dir``."""
    from binational.ingest.archive import WarcArchive

    policy = FetchPolicy.from_settings(settings)
    with WarcArchive.open(settings.archive_dir) as archive:
        async with client_factory(policy) as client:
            fetcher = Fetcher(client, policy, archive)
            run = IngestRun(
                database, fetcher, analyzer, settings.near_duplicate_threshold, on_event,
                RunLimits.from_settings(settings),
            )  # fmt: skip
            return await run.run(sources)
