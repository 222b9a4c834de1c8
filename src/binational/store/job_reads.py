"""The job queue as ``binational jobs`` and the admin page show it: procrastinate's
tables (``procrastinate_jobs``, ``procrastinate_workers``) read with plain SQL, and
the errors of failed attempts (``job_errors``), which those tables do not keep."""

from __future__ import annotations

from sqlalchemy import Engine, insert, text

from binational.store.job_tables import job_errors

DEPTHS = text("""
SELECT queue_name AS queue,
       count(*) FILTER (WHERE status = 'todo') AS waiting,
       count(*) FILTER (WHERE status = 'doing') AS running,
       count(*) FILTER (WHERE status = 'failed') AS failed,
       count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
       extract(epoch FROM now() - min(e.at) FILTER (WHERE status = 'todo'))::float8
           AS oldest_waiting
  FROM procrastinate_jobs j
  LEFT JOIN LATERAL (SELECT min(at) AS at FROM procrastinate_events
                      WHERE job_id = j.id AND type = 'deferred') e ON true
 GROUP BY queue_name ORDER BY queue_name
""")

RUNNING = text("""
SELECT j.id, j.queue_name AS queue, j.task_name AS task, j.args, j.attempts,
       j.worker_id, w.last_heartbeat,
       extract(epoch FROM now() - (SELECT max(at) FROM procrastinate_events
                                    WHERE job_id = j.id AND type = 'started'))::float8
           AS running_for
  FROM procrastinate_jobs j LEFT JOIN procrastinate_workers w ON w.id = j.worker_id
 WHERE j.status = 'doing' ORDER BY j.id
""")

FAILED = text("""
SELECT j.id, j.queue_name AS queue, j.task_name AS task, j.args, j.attempts,
       (SELECT error FROM job_errors WHERE job_id = j.id ORDER BY id DESC LIMIT 1) AS error,
       (SELECT max(at) FROM procrastinate_events WHERE job_id = j.id) AS failed_at
  FROM procrastinate_jobs j
 WHERE j.status = 'failed' ORDER BY j.id DESC LIMIT :limit
""")

WORKERS = text("""
SELECT id, last_heartbeat, extract(epoch FROM now() - last_heartbeat)::float8 AS silent_for
  FROM procrastinate_workers ORDER BY id
""")

JOB = text("""
SELECT j.id, j.status, j.task_name AS task, j.args, j.attempts,
       (SELECT error FROM job_errors WHERE job_id = j.id ORDER BY id DESC LIMIT 1) AS error
  FROM procrastinate_jobs j WHERE j.id = :id
""")


def _rows(engine: Engine, statement, **parameters) -> list[dict]:
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(statement, parameters)]


def queue_depths(engine: Engine) -> list[dict]:
    """Per queue: jobs waiting, running, failed and succeeded, and the seconds the
    oldest waiting job has waited since it was deferred."""
    return _rows(engine, DEPTHS)


def running_jobs(engine: Engine) -> list[dict]:
    return _rows(engine, RUNNING)


def failed_jobs(engine: Engine, limit: int = 50) -> list[dict]:
    """The latest failed jobs, each with the error of its last attempt."""
    return _rows(engine, FAILED, limit=limit)


def workers(engine: Engine) -> list[dict]:
    return _rows(engine, WORKERS)


def job_state(engine: Engine, job_id: int) -> dict | None:
    """One job's status and last error (a build's progress page)."""
    rows = _rows(engine, JOB, id=job_id)
    return rows[0] if rows else None


def record_job_error(engine: Engine, job_id: int, task_name: str, attempt: int, error: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            insert(job_errors).values(
                job_id=job_id, task_name=task_name, attempt=attempt, error=error[:4000]
            )
        )


def waiting_job_id(engine: Engine, queueing_lock: str) -> int | None:
    """The job waiting under ``queueing_lock``, if any (the one a new request joins)."""
    statement = text(
        "SELECT id FROM procrastinate_jobs WHERE queueing_lock = :lock AND status = 'todo' "
        "ORDER BY id LIMIT 1"
    )
    with engine.connect() as connection:
        return connection.execute(statement, {"lock": queueing_lock}).scalar()
