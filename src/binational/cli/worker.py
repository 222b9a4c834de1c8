"""``binational worker`` (run jobs of the queue), ``binational jobs`` (see the queue)
and ``binational sources sync`` (the sources file into the database the workers
poll). The queue lives in a PostgreSQL database; with SQLite, ``binational ingest``
does the work in process."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer

from binational.cli.options import DbOption, JsonOption, open_database, settings_for
from binational.cli.output import make_console, print_json

QueueOption = Annotated[
    list[str] | None,
    typer.Option(
        "--queue", help="Run only this queue's jobs (repeatable): ingest, builds, schedule; "
        "default: all.", show_default=False,
    ),
]  # fmt: skip


def worker_command(
    queue: QueueOption = None,
    concurrency: Annotated[
        int | None,
        typer.Option(help="Jobs run at once (default: worker_concurrency).", min=1, max=256),
    ] = None,
    db: DbOption = None,
) -> None:
    """Run jobs of the PostgreSQL job queue until stopped (Ctrl-C or SIGTERM finish the
    running jobs first). Run as many as you like, on any machines, on one database."""
    from binational.jobs.app import QUEUES, make_app
    from binational.jobs.resources import WorkerResources

    settings = settings_for(db)
    libpq_url(settings.db)  # one sentence for SQLite, before anything opens
    unknown = sorted(set(queue or ()) - set(QUEUES))
    if unknown:
        from binational.errors import UserError

        raise UserError(f"there is no queue {unknown[0]!r}; queues: {', '.join(QUEUES)}")
    if settings.worker_stalled_after <= settings.worker_heartbeat:
        from binational.errors import UserError

        raise UserError(
            f"worker_stalled_after ({settings.worker_stalled_after:g} s) must be longer than "
            f"worker_heartbeat ({settings.worker_heartbeat:g} s), or live workers count as gone"
        )
    database = open_database(settings)
    jobs_at_once = concurrency or settings.worker_concurrency
    schedules = not queue or "schedule" in queue
    app = make_app(settings, pool_size=jobs_at_once + 4, periodic=schedules)

    async def run() -> None:
        async with WorkerResources(settings, database) as resources, app.open_async():
            await app.run_worker_async(
                queues=queue or None, concurrency=jobs_at_once,
                additional_context={"resources": resources},
                update_heartbeat_interval=settings.worker_heartbeat,
                stalled_worker_timeout=settings.worker_stalled_after,
                delete_jobs="successful", install_signal_handlers=True,
            )  # fmt: skip

    try:
        asyncio.run(run())
    finally:
        database.close()


def jobs_command(db: DbOption = None, json_output: JsonOption = False) -> None:
    """The job queue: depth per queue, oldest waiting, running jobs, workers, and
    failed jobs with their errors."""
    from binational.jobs.status import queue_status

    settings = settings_for(db)
    libpq_url(settings.db)
    database = open_database(settings)
    try:
        status = queue_status(database)
    finally:
        database.close()
    if json_output:
        print_json(status.record())
        return
    _print_status(status)


def _print_status(status) -> None:
    from rich.table import Table

    console = make_console()
    table = Table(title="queues")
    for column in ("queue", "waiting", "oldest waiting", "running", "failed"):
        table.add_column(column, justify="left" if column == "queue" else "right")
    for depth in status.queues:
        oldest = f"{depth.oldest_waiting:.0f} s" if depth.oldest_waiting is not None else "-"
        table.add_row(depth.queue, str(depth.waiting), oldest, str(depth.running),
                      str(depth.failed))  # fmt: skip
    console.print(table)
    console.print(f"{len(status.workers)} workers, {len(status.running)} jobs running")
    for job in status.running:
        console.print(f"  running #{job.id} {job.task} {_shown(job.arguments)}")
    for job in status.failed:
        console.print(f"  failed #{job.id} {job.task} {_shown(job.arguments)}: {job.error or '?'}")


def _shown(arguments: dict) -> str:
    """A job's arguments in short: a page's address, else all of them (--json has all)."""
    if "url" in arguments:
        return arguments["url"]
    return ", ".join(f"{key}={value}" for key, value in arguments.items())


def sync_sources_command(
    sources: Annotated[
        str | None, typer.Option("--sources", help="Sources file (default: sources_file).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Make the database's sources (those the workers poll) exactly the sources file's."""
    from pathlib import Path

    from binational.jobs.sources import sync_from_file

    settings = settings_for(db)
    database = open_database(settings)
    try:
        counts = sync_from_file(database, Path(sources or settings.sources_file))
    finally:
        database.close()
    make_console().print(
        f"sources in the database: {counts.added} added, {counts.changed} changed, "
        f"{counts.removed} removed"
    )


QueueFlag = Annotated[
    bool,
    typer.Option(
        "--queue", help="Hand the work to the job queue (PostgreSQL) for a worker to do, "
        "instead of doing it now.",
    ),
]  # fmt: skip


def hand_to_queue(settings, task_name: str, queueing_lock: str, **arguments) -> None:
    """Defer a job for a worker and say so; one sentence if the same is waiting."""
    from procrastinate.exceptions import AlreadyEnqueued

    from binational.errors import UserError
    from binational.jobs.app import defer_job

    libpq_url(settings.db)
    try:
        job_id = defer_job(settings, task_name, queueing_lock, **arguments)
    except AlreadyEnqueued:
        raise UserError(
            "the same work is already waiting in the job queue; see `binational jobs`"
        ) from None
    make_console().print(f"queued as job #{job_id}; `binational jobs` shows the queue")


def libpq_url(target: str) -> str:
    """``jobs.app.libpq_url``: one sentence unless the database is PostgreSQL."""
    from binational.jobs.app import libpq_url as of_database

    return of_database(target)
