"""The ingestion jobs: poll a source (and defer a job for each page not stored yet),
process one page, and the two periodic ones: defer the polls of the sources that are
due, and hand back to the queue the jobs of a worker that stopped answering.

A page is processed once however workers die: its job has a queueing lock (one page
waits in the queue at most once) and a lock (its jobs run one at a time), the page
step does nothing for a page already stored, reuses the page's archive record if an
earlier attempt wrote it (one file per page, written once: ``ingest/archive.py``),
and documents are stored under the clusters lock in one transaction each
(``ingest/steps.py``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import asdict

from procrastinate.exceptions import AlreadyEnqueued, ConnectorException, UniqueViolation
from procrastinate.jobs import Status

from binational.ingest.analyze import Fetched
from binational.ingest.canonical import canonical_url
from binational.ingest.feeds import Entry
from binational.ingest.run_summary import IngestSummary
from binational.ingest.steps import fetched_of
from binational.jobs.failures import JobFailed, MayPass
from binational.jobs.resources import WorkerResources, source_of
from binational.store.ingest_sources import due_sources, is_due, record_poll, source_row
from binational.store.job_reads import record_job_error

log = logging.getLogger(__name__)

POLL_SOURCE = "ingest.poll_source"
PROCESS_PAGE = "ingest.process_page"
SCHEDULE_POLLS = "ingest.schedule_polls"
RETRY_STALLED = "jobs.retry_stalled"


def _resources(context) -> WorkerResources:
    return context.additional_context["resources"]


async def defer_once(app, task_name: str, lock: str | None, **kwargs) -> int | None:
    """Defer a job unless one with the same queueing lock is already waiting; its id."""
    try:
        task = app.configure_task(task_name, queueing_lock=lock, lock=lock)
        return await task.defer_async(**kwargs)
    except AlreadyEnqueued:
        return None


def page_job_arguments(source_id: int, entry: Entry, feed: Fetched | None) -> dict:
    """A page job's arguments (JSON): its source, its feed entry and the feed's fetch."""
    published = entry.published.isoformat() if entry.published else None
    return {
        "source_id": source_id, "url": entry.url, "title": entry.title,
        "published": published, "summary": entry.summary,
        "feed": asdict(feed) if feed is not None else None,
    }  # fmt: skip


async def poll_source(context, source_id: int) -> str:
    resources = _resources(context)
    engine = resources.database.engine
    row = await asyncio.to_thread(source_row, engine, source_id)
    if row is None:
        return "removed"  # taken out of the sources since the job was deferred
    if not is_due(row):
        return "not due"  # polled meanwhile by a job deferred before this one
    source = source_of(row)
    steps = resources.steps
    # A worker reads no run summary: a fresh one keeps it from growing job after job.
    steps.summary = IngestSummary()
    polled = await steps.poll(source)
    if polled.outcome == "fetched":
        feed = fetched_of(polled.feed) if polled.feed is not None and source.is_feed else None
        for entry in polled.to_fetch:
            lock = "page:" + canonical_url(entry.url)
            await defer_once(context.app, PROCESS_PAGE, lock, **page_job_arguments(
                source_id, entry, feed))  # fmt: skip
        # The pages are the queue's now (a failing page is retried by its own job): the
        # feed's validators are kept only once every page is deferred, and the source
        # stops being due last, so a poll killed on the way is done again in full.
        steps.finish_source(source, polled, retry_later=False)
    default = resources.settings.ingest_interval
    await asyncio.to_thread(record_poll, engine, source_id, polled.outcome, polled.error, default)
    if polled.outcome == "failed":
        raise JobFailed(f"{source.name}: {polled.error}")
    if polled.outcome != "fetched":
        return polled.outcome
    return f"fetched: {len(polled.to_fetch)} new pages"


async def process_page(
    context, source_id: int, url: str, title: str = "", published: str | None = None,
    summary: str = "", feed: dict | None = None,
) -> str:  # fmt: skip
    resources = _resources(context)
    row = await asyncio.to_thread(source_row, resources.database.engine, source_id)
    if row is None:
        return "removed"
    source = source_of(row)
    date = dt.date.fromisoformat(published) if published else None
    entry = Entry(url, title, date, summary)
    steps = resources.steps
    steps.summary = IngestSummary()
    outcome = await steps.page(source, entry, Fetched(**feed) if feed else None)
    if outcome.error is None:
        return outcome.stored or "stored"
    if outcome.retry_later:
        raise MayPass(outcome.error)
    raise JobFailed(outcome.error)


async def schedule_polls(context, timestamp: int) -> int:
    """Defer a poll of every source that is due, unless one is waiting already. A
    source stays due until a poll of it ends, so a tick, a poll or a worker lost
    loses nothing: the next tick asks again (and a poll deferred while another of the
    same source runs waits for it, by its lock, then finds the source not due)."""
    due = await asyncio.to_thread(due_sources, _resources(context).database.engine)
    for row in due:
        await defer_once(context.app, POLL_SOURCE, f"source:{row['id']}", source_id=row["id"])
    return len(due)


async def retry_stalled(context, timestamp: int) -> int:
    """Put back in the queue the running jobs of workers silent for longer than
    ``worker_stalled_after`` (killed, frozen, cut off): another worker takes them. A
    worker that was only frozen may finish such a job too: every job is safe to run
    twice (a page already stored is not stored again)."""
    manager = context.app.job_manager
    silent = _resources(context).settings.worker_stalled_after
    stalled = await manager.get_stalled_jobs(seconds_since_heartbeat=silent)
    engine = _resources(context).database.engine
    for job in stalled:
        try:
            note = await _hand_back(manager, job, silent)
        except ConnectorException:  # no longer running: handled since it was listed
            continue
        if note is not None:
            await asyncio.to_thread(
                record_job_error, engine, job.id, job.task_name, job.attempts + 1, note
            )
    return len(stalled)


async def _hand_back(manager, job, silent: float) -> str | None:
    """Retry a silent worker's job (or abort it: a periodic job, whose next tick does
    its work, or one whose work waits in another job); what to record of it."""
    if job.queue == "schedule":
        await manager.finish_job_by_id_async(job.id, Status.ABORTED, delete_job=False)
        return None
    note = f"its worker went silent for more than {silent:g} s (worker_stalled_after)"
    log.warning("job %s (%s) of a silent worker goes back to the queue", job.id, job.task_name)
    try:
        await manager.retry_job(job)
    except UniqueViolation:  # the same work was deferred again meanwhile and waits
        await manager.finish_job_by_id_async(job.id, Status.ABORTED, delete_job=False)
        note += "; not retried: a job for the same work is waiting"
    return note
