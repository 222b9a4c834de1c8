"""The job-sized steps of ingestion: poll a source (its feed, listing or sitemap),
process one page (fetch, analyze, store in its cluster), and store one document.

One ``IngestSteps`` holds what the steps share (database, fetcher, analyzer, the
near-duplicate index, the summary they report to). ``pipeline.IngestRun`` runs the
steps in process (``binational ingest``); the job queue runs each as a job
(``binational.jobs``), possibly in many processes on many machines. So each step is
safe to run twice and alongside itself: a page already stored is not fetched again,
a page whose response the workers' ``PageArchive`` kept already is not requested
again (its one archive record is reused: ``ingest/archive.py``), and documents are
stored under ``lock_clusters`` (one writer chooses clusters at a time; SQLite's write
lock does the same), after reading what other processes stored since
(``_catch_up``), in one transaction per document: a crash loses nothing committed
and leaves nothing half-written.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar

from binational.errors import Busy
from binational.ingest.analyze import Analyzer, Fetched, analyze_entry, analyze_page
from binational.ingest.canonical import canonical_url
from binational.ingest.clusters import (
    NewDocument,
    known_document,
    merge_candidates,
    same_text_document,
    store_document,
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
from binational.store.documents import candidate_of_document, lock_clusters, stored_signatures
from binational.store.models import utcnow

# on_event(kind, source name, detail): "source" (started, detail = its URL), "entries"
# (detail = how many to fetch), "page" (one page done), "done" (detail = outcome).
EventHook = Callable[[str, str, str], None]
T = TypeVar("T")


def fetched_of(result: FetchResult) -> Fetched:
    """What the analysis needs of a fetch: its URL, headers and archived record."""
    location = result.archived
    return Fetched(
        url=result.final_url, status=result.status, content_type=result.content_type or None,
        etag=result.header("etag"), last_modified=result.header("last-modified"),
        warc_file=location.file if location else None,
        warc_offset=location.offset if location else None,
        warc_length=location.length if location else None,
    )  # fmt: skip


@dataclass(frozen=True)
class StepLimits:
    budget: float | None = 900.0  # seconds for a whole run (ingest_run_budget); None: none
    # First wait before a failed page is fetched again by a later run (page_retry_backoff);
    # None: no such bookkeeping (the job queue retries the page's job instead).
    page_backoff: float | None = 1800.0

    @classmethod
    def from_settings(cls, settings) -> StepLimits:
        return cls(settings.ingest_run_budget, settings.page_retry_backoff)


@dataclass
class Polled:
    """A source's poll: its outcome, the entries whose pages are not stored yet, and
    the feed's fetch (for the feed entries stored beside their pages)."""

    outcome: str  # fetched | unchanged | failed
    to_fetch: list[Entry] = field(default_factory=list)
    feed: FetchResult | None = None
    error: str | None = None  # why it failed


@dataclass(frozen=True)
class PageOutcome:
    stored: str | None = None  # new | duplicate | same_url | known | deferred | None
    error: str | None = None
    retry_later: bool = False  # the failure may pass: the page should be tried again


class IngestSteps:
    def __init__(
        self, database, fetcher: Fetcher, analyzer: Analyzer, threshold: float,
        limits: StepLimits | None = None, summary: IngestSummary | None = None,
        on_event: EventHook | None = None,
    ) -> None:  # fmt: skip
        self.database = database
        self.fetcher = fetcher
        self.analyzer = analyzer
        self.limits = limits or StepLimits()
        self.summary = summary if summary is not None else IngestSummary()
        self.on_event = on_event or (lambda kind, source, detail: None)
        self.index = NearDuplicateIndex(threshold)
        self._indexed_to = 0  # the last document id the index has seen
        self.deadline: float | None = None  # the loop time a run's budget ends
        # Analysis (CPU) and storing (which may wait for the clusters lock) run in one
        # thread of their own, one at a time, so the event loop keeps sending requests
        # in their politeness slots meanwhile (a request sent late bunches with the
        # next); one thread keeps the index and the analyzer to one user.
        self._desk = ThreadPoolExecutor(1, thread_name_prefix="ingest-desk")

    async def off_loop(self, function: Callable[..., T], *args) -> T:
        """``function(*args)`` in the steps' own thread."""
        return await asyncio.get_running_loop().run_in_executor(self._desk, function, *args)

    def close(self) -> None:
        self._desk.shutdown(wait=True)

    def start_budget(self) -> None:
        if self.limits.budget is not None:
            self.deadline = asyncio.get_running_loop().time() + self.limits.budget

    def out_of_time(self) -> bool:
        return self.deadline is not None and asyncio.get_running_loop().time() >= self.deadline

    async def fetch(self, url: str, **options) -> FetchResult:
        """The fetcher's result, or an abandoned one once the run's budget is used up."""
        try:
            async with asyncio.timeout_at(self.deadline):
                return await self.fetcher.fetch(url, **options)
        except TimeoutError:
            budget = f"{self.limits.budget:g} s"
            return FetchResult(
                url, url, error=f"abandoned: the run's time budget ({budget}, "
                "ingest_run_budget) was used up; the next run tries again",
                retryable=True, abandoned=True,
            )  # fmt: skip

    async def poll(self, source: Source) -> Polled:
        """Fetch a source (a conditional request) and list the entries whose pages
        are not stored yet; feed entries of stored pages are stored now. A failure
        is reported and the source's state saved; success leaves the state to
        ``finish_source``, once its pages are done."""
        known = known_source(self.database, source.url)
        options = {"validators": known.validators, "accept": is_xml_or_html}
        result = await self.fetch(source.url, **options)
        if result.not_modified:
            self.summary.unchanged += 1
            return Polled("unchanged")
        if not result.ok:
            reason = result.error or f"HTTP {result.status}"
            self.fail_source(source, result, reason)
            return Polled("failed", error=reason)
        self.summary.fetched += 1
        if hashlib.sha256(result.body).hexdigest() == known.content_sha256:
            self.summary.unchanged += 1
            save_source_state(self.database, source.url, result)
            return Polled("unchanged")
        try:
            entries = _entries(source, result)
        except Exception as error:  # a FeedError says why; anything else is named
            reason = str(error) if isinstance(error, FeedError) else (
                f"unreadable {source.kind}: {type(error).__name__}: {error}"
            )  # fmt: skip
            self.fail_source(source, result, reason)
            return Polled("failed", error=reason)
        to_fetch: list[Entry] = []
        for entry in entries:
            with self.database.sessions() as session:
                if known_document(session, canonical_url(entry.url), "page") is None:
                    to_fetch.append(entry)
                elif source.is_feed:
                    await self.off_loop(self.store_entry_alone, source, entry, fetched_of(result))
        self.on_event("entries", source.name, str(len(to_fetch)))
        return Polled("fetched", to_fetch, result)

    def fail_source(self, source: Source, result: FetchResult, reason: str) -> None:
        self.summary.fail(source.name, source.url, reason)
        self.save_failed_state(source, result, reason)

    def save_failed_state(self, source: Source, result: FetchResult, reason: str) -> None:
        """Remember a failed poll (its validators kept: the next poll reads it all)."""
        save_source_state(self.database, source.url, result, error=reason, keep_validators=True)

    def finish_source(self, source: Source, polled: Polled, retry_later: bool) -> None:
        """Save a fetched source's validators and hash, unless one of its pages must
        be tried again (then the next poll must read the source again)."""
        if polled.feed is not None:
            save_source_state(self.database, source.url, polled.feed, keep_validators=retry_later)

    async def page(self, source: Source, entry: Entry, feed: Fetched | None) -> PageOutcome:
        """Fetch, analyze and store one page, then its feed entry (which joins the
        page's cluster, or stands for the story if the page could not be read).
        Never raises: whatever goes wrong with one page is that page's failure."""
        try:
            outcome = await self._fetch_page(source, entry)
        except Exception as error:  # a busy database may pass; anything else is the page's
            reason = f"could not process the page: {type(error).__name__}: {error}"
            self.summary.fail(source.name, entry.url, reason)
            outcome = PageOutcome(error=reason, retry_later=isinstance(error, Busy))
        self.on_event("page", source.name, entry.url)
        if source.is_feed and feed is not None:
            try:
                await self.off_loop(self.store_entry_alone, source, entry, feed)
            except Busy as error:
                reason = f"could not store the feed entry: {error}"
                self.summary.fail(source.name, entry.url, reason)
                outcome = PageOutcome(outcome.stored, reason, retry_later=True)
        return outcome

    async def _fetch_page(self, source: Source, entry: Entry) -> PageOutcome:
        key = canonical_url(entry.url)
        with self.database.sessions() as session:
            if known_document(session, key, "page") is not None:
                return PageOutcome("known")  # stored meanwhile (or by an earlier attempt)
        retry_at = (
            page_retry_at(self.database, key) if self.limits.page_backoff is not None else None
        )
        if retry_at is not None and retry_at > utcnow():
            self.summary.deferred += 1
            return PageOutcome("deferred", retry_later=True)
        result = await self.fetch(entry.url, page=key)
        if not result.ok:
            reason = result.error or f"HTTP {result.status}"
            self.summary.fail(source.name, entry.url, reason)
            backoff = self.limits.page_backoff
            if result.retryable and backoff is not None and not self.out_of_time():
                record_page_failure(self.database, key, result, backoff)
            return PageOutcome(error=reason, retry_later=result.retryable)
        if retry_at is not None:
            clear_page_failures(self.database, key)
        self.summary.fetched += 1
        document = await self.off_loop(
            analyze_page, result.body, fetched_of(result), self.analyzer, source.name,
            source.language, entry,
        )  # fmt: skip
        if document is None:
            reason = "no article text found on the page"
            self.summary.fail(source.name, entry.url, reason)
            return PageOutcome(error=reason)
        return PageOutcome(await self.off_loop(self.store, document))

    def store_entry_alone(self, source: Source, entry: Entry, feed: Fetched) -> None:
        """Store a feed entry; a failure is that entry's, never its source's. ``Busy``
        (the database stayed locked) is raised: it may pass, the caller says when."""
        try:
            document = analyze_entry(entry, self.analyzer, source.name, source.language, feed)
            if document is not None:
                self.store(document)
        except Busy:
            raise
        except Exception as error:
            reason = f"could not store the feed entry: {type(error).__name__}: {error}"
            self.summary.fail(source.name, entry.url, reason)

    def _catch_up(self, session) -> None:
        """Add to the index the signatures stored since it last looked (by this
        process or any other)."""
        for document_id, candidate_id, sig in stored_signatures(session, self._indexed_to):
            self.index.add(document_id, candidate_id, sig)
            self._indexed_to = max(self._indexed_to, document_id)

    def store(self, document: NewDocument) -> str:
        """Store one document in its cluster, in its own transaction; 'known' when a
        document of its kind is already stored at its canonical URL."""
        with self.database.transaction() as session:
            lock_clusters(session)
            if known_document(session, document.canonical_url, document.kind):
                return "known"
            self._catch_up(session)
            same_url = known_document(session, document.canonical_url)
            how, candidate_id = "new", None
            same_text = same_text_document(session, document.text_sha256)
            if same_text is not None:
                how, candidate_id = "duplicate", same_text.candidate_id
            elif document.signature and (match := self.index.best_match(document.signature)):
                # The index may know an older cluster of the document (another process
                # may have merged it since): the database says which it is now.
                candidate_id = candidate_of_document(session, match.document_id)
                how = "duplicate" if candidate_id is not None else "new"
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


def _entries(source: Source, result: FetchResult) -> list[Entry]:
    if source.kind == "listing":
        return parse_listing(result.body, result.final_url, source.selector)
    if source.kind == "sitemap":
        return parse_sitemap(result.body, result.final_url)
    return parse_feed(result.body, result.final_url)
