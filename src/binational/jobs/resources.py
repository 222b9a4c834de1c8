"""What one worker process opens once and its jobs share: the database, the WARC
file its responses are archived to and the archive of pages (each page's response
in a file of its own, written once whatever the kills and retries), the HTTP client
and fetcher (spacing requests per host through the database), the analyzer and the
ingest steps (with the near-duplicate index they keep up to date). Opened by
``binational worker`` around the worker's run, handed to the jobs as procrastinate's
``additional_context``."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from binational.ingest.analyze import Analyzer
from binational.ingest.archive import PageArchive, WarcArchive
from binational.ingest.client import FetchPolicy, make_client
from binational.ingest.fetch import Fetcher
from binational.ingest.sources import Source, official_hosts
from binational.ingest.steps import IngestSteps, StepLimits
from binational.jobs.politeness import DatabaseThrottle
from binational.store.ingest_sources import DECLARED, source_rows


def source_of(row: dict) -> Source:
    """The ``Source`` of an ``ingest_sources`` row."""
    return Source(**{key: row[key] for key in DECLARED})


@dataclass
class WorkerResources:
    settings: object  # binational.config.Settings
    database: object  # binational.store.database.Database
    steps: IngestSteps | None = None
    _stack: contextlib.AsyncExitStack | None = None
    _drafter_parts: tuple | None = None

    async def __aenter__(self) -> WorkerResources:
        self._stack = contextlib.AsyncExitStack()
        settings = self.settings
        policy = FetchPolicy.from_settings(settings)
        archive = self._stack.enter_context(WarcArchive.open(settings.archive_dir))
        client = await self._stack.enter_async_context(make_client(policy))
        throttle = DatabaseThrottle(
            self.database.engine, policy.requests_per_second, policy.deadline
        )
        pages = PageArchive(settings.archive_dir)
        fetcher = Fetcher(client, policy, archive, throttle, pages)
        sources = [source_of(row) for row in source_rows(self.database.engine)]
        analyzer = Analyzer.build(official_hosts(sources))
        # No run budget and no page-retry bookkeeping: the queue retries a page's job.
        limits = StepLimits(budget=None, page_backoff=None)
        self.steps = IngestSteps(
            self.database, fetcher, analyzer, settings.near_duplicate_threshold, limits
        )
        return self

    def drafter_parts(self) -> tuple:
        """The registry and its linker's ``find`` for drafting, built on first use
        (a second) and kept for the worker's next drafts."""
        if self._drafter_parts is None:
            from binational.registry.linker import Linker
            from binational.registry.loader import load_registry

            registry = load_registry()
            self._drafter_parts = (registry, Linker.build(registry).find)
        return self._drafter_parts

    async def __aexit__(self, *exc_info) -> None:
        if self.steps is not None:
            self.steps.close()
        if self._stack is not None:
            await self._stack.aclose()
