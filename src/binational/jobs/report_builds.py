"""Report builds for the web app: handed to the queue when one is configured (a job
of the ``builds`` queue writes the file into ``builds_dir``; the page follows the
job and offers the file), built in a thread within ``build_time_limit`` otherwise."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from procrastinate.exceptions import AlreadyEnqueued

from binational.jobs.build_tasks import BUILD_REPORT, report_build_path
from binational.store.job_reads import job_state, waiting_job_id


def queue_configured(settings) -> bool:
    """Long work goes to the queue: the job_queue setting, on a PostgreSQL database."""
    return settings.job_queue and settings.db.startswith(("postgresql", "postgres:"))


def request_report_build(settings, database, period: str, format_name: str) -> int:
    """Defer the build of a period's report in a format; the job's id (the waiting
    one's, when the same build is already waiting)."""
    from binational.jobs.app import defer_job

    lock = f"report:{period}.{format_name}"
    arguments = {"period": period, "format": format_name}
    try:
        return defer_job(settings, BUILD_REPORT, lock, **arguments)
    except AlreadyEnqueued:
        waiting = waiting_job_id(database.engine, lock)
        if waiting is not None:
            return waiting
        return defer_job(settings, BUILD_REPORT, lock, **arguments)  # it started meanwhile


@dataclass(frozen=True)
class BuildState:
    state: str  # waiting | running | failed | done | unknown
    error: str | None = None
    path: Path | None = None


def report_build_state(settings, database, period: str, format_name: str, job_id: int):
    """Where a build stands. A finished job is deleted by its worker: a job that is
    gone, whose file exists, is done."""
    row = job_state(database.engine, job_id)
    path = report_build_path(settings.builds_dir, period, format_name)
    if row is None or row["status"] == "succeeded":
        return BuildState("done", path=path) if path.is_file() else BuildState("unknown")
    if row["task"] != BUILD_REPORT:
        return BuildState("unknown")
    if row["status"] in ("failed", "cancelled", "aborted"):
        return BuildState("failed", error=row["error"])
    return BuildState("running" if row["status"] == "doing" else "waiting")
