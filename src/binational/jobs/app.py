"""The procrastinate app of a settings: a psycopg connector to the PostgreSQL
database and the tasks, each with its queue, retries and error record.

Queues: ``ingest`` (polls and pages), ``builds`` (report files, archive checks) and
``schedule`` (the periodic tasks: due sources every ``worker_tick`` seconds, and the
jobs of silent workers).
"""

from __future__ import annotations

from procrastinate import App, PsycopgConnector
from sqlalchemy.engine import make_url

from binational.errors import UserError
from binational.jobs import build_tasks, ingest_tasks
from binational.jobs.failures import DoublingRetry, recording_errors
from binational.store.database import database_url

QUEUES = ("ingest", "builds", "schedule")


def libpq_url(target: str) -> str:
    """The libpq address of a database setting (psycopg's, without SQLAlchemy's
    driver name); a UserError for anything but PostgreSQL."""
    url = make_url(database_url(target))
    if url.get_backend_name() != "postgresql":
        raise UserError(
            "the job queue needs a PostgreSQL database (the db setting); with SQLite, "
            "run `binational ingest` instead"
        )
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def make_app(settings, pool_size: int = 4, periodic: bool = True) -> App:
    """The app of ``settings.db``, its tasks registered; not opened yet. ``periodic``:
    with the periodic tasks, which every worker of such an app defers (a worker that
    does not run the ``schedule`` queue leaves them out)."""
    connector = PsycopgConnector(conninfo=libpq_url(settings.db), min_size=1, max_size=pool_size)
    app = App(connector=connector)
    retry = DoublingRetry(settings.job_attempts, settings.job_retry_wait)

    def register(function, name: str, queue: str, retried: bool = True):
        return app.task(
            name=name, queue=queue, pass_context=True, retry=retry if retried else False
        )(recording_errors(function))

    register(ingest_tasks.poll_source, ingest_tasks.POLL_SOURCE, "ingest", retried=False)
    register(ingest_tasks.process_page, ingest_tasks.PROCESS_PAGE, "ingest")
    register(build_tasks.build_report, build_tasks.BUILD_REPORT, "builds")
    register(build_tasks.build_site, build_tasks.BUILD_SITE, "builds")
    register(build_tasks.check_archive, build_tasks.CHECK_ARCHIVE, "builds")
    register(build_tasks.draft_event, build_tasks.DRAFT_EVENT, "builds")
    tick = f"* * * * * */{settings.worker_tick}"  # croniter: seconds are the sixth field
    for function, name in (
        (ingest_tasks.schedule_polls, ingest_tasks.SCHEDULE_POLLS),
        (ingest_tasks.retry_stalled, ingest_tasks.RETRY_STALLED),
    ):
        task = register(function, name, "schedule", retried=False)
        if periodic:
            # First in line: behind thousands of page jobs they would wait for a free slot.
            # No lock: a periodic job of a killed worker would hold it, and the one that
            # frees such jobs could never run. Two at once do no harm (retry_stalled
            # skips a job the other handed back; a poll waits once in the queue).
            app.periodic(cron=tick, periodic_id=name, queueing_lock=name, priority=100)(task)
    return app


def defer_job(settings, task_name: str, queueing_lock: str | None = None, **arguments) -> int:
    """Defer one job from a command or a web request (not a worker); its id.
    ``AlreadyEnqueued`` if a job with the same queueing lock is waiting."""
    app = make_app(settings, pool_size=1)
    with app.open():
        return app.configure_task(task_name, queueing_lock=queueing_lock).defer(**arguments)
