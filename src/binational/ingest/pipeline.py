"""One ingest run in process (``binational ingest``): poll every source, process the
pages not seen before, all at once within the fetcher's limits, through the steps of
``ingest/steps.py`` (the same ones the job queue runs as jobs).

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
from collections.abc import Callable, Sequence

import httpx

from binational.ingest.analyze import Analyzer
from binational.ingest.client import FetchPolicy, make_client
from binational.ingest.fetch import Fetcher, FetchResult
from binational.ingest.run_summary import IngestSummary
from binational.ingest.sources import Source
from binational.ingest.steps import EventHook, IngestSteps, StepLimits, fetched_of

RunLimits = StepLimits  # the limits of a run are those of its steps


class IngestRun:
    def __init__(
        self, database, fetcher: Fetcher, analyzer: Analyzer, threshold: float,
        on_event: EventHook | None = None, limits: StepLimits | None = None,
    ) -> None:  # fmt: skip
        self.steps = IngestSteps(
            database, fetcher, analyzer, threshold, limits or StepLimits(), on_event=on_event
        )
        self.summary = self.steps.summary
        self.on_event = self.steps.on_event

    async def run(self, sources: Sequence[Source]) -> IngestSummary:
        self.steps.start_budget()
        await asyncio.gather(*(self._guarded(source) for source in sources))
        self.summary.requests = self.steps.fetcher.requests
        return self.summary

    async def _guarded(self, source: Source) -> None:
        self.on_event("source", source.name, source.url)
        try:
            outcome = await self._source(source)
        except Exception as error:  # one broken source must not stop the others
            reason = f"{type(error).__name__}: {error}"
            outcome = "failed"
            self.summary.fail(source.name, source.url, reason)
            with contextlib.suppress(Exception):  # the database itself may be what failed
                empty = FetchResult(source.url, source.url)
                self.steps.save_failed_state(source, empty, reason)
        self.summary.sources[source.name] = outcome
        self.on_event("done", source.name, outcome)

    async def _source(self, source: Source) -> str:
        polled = await self.steps.poll(source)
        if polled.outcome != "fetched":
            return polled.outcome
        feed = fetched_of(polled.feed) if polled.feed is not None else None
        outcomes = await asyncio.gather(
            *(self.steps.page(source, entry, feed) for entry in polled.to_fetch)
        )
        self.steps.finish_source(source, polled, any(o.retry_later for o in outcomes))
        return "fetched"


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
                StepLimits.from_settings(settings),
            )  # fmt: skip
            try:
                return await run.run(sources)
            finally:
                run.steps.close()
