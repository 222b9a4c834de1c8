"""The job queue as ``binational jobs`` (and its ``--json``) shows it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from binational.store import job_reads


@dataclass(frozen=True)
class QueueDepth:
    queue: str
    waiting: int
    running: int
    failed: int
    oldest_waiting: float | None  # seconds since the oldest waiting job was deferred


@dataclass(frozen=True)
class JobLine:
    id: int
    queue: str
    task: str
    arguments: dict
    attempts: int
    error: str | None = None


@dataclass(frozen=True)
class QueueStatus:
    queues: list[QueueDepth]
    running: list[JobLine]
    failed: list[JobLine]
    workers: list[dict]

    def record(self) -> dict[str, Any]:
        return {
            "queues": [asdict(depth) for depth in self.queues],
            "running": [asdict(job) for job in self.running],
            "failed": [asdict(job) for job in self.failed],
            "workers": [
                {"id": w["id"], "last_heartbeat": w["last_heartbeat"].isoformat(),
                 "silent_for": round(w["silent_for"], 1)}
                for w in self.workers
            ],
        }  # fmt: skip


def _line(row: dict) -> JobLine:
    return JobLine(row["id"], row["queue"], row["task"], row["args"], row["attempts"],
                   row.get("error"))  # fmt: skip


def queue_status(database, failed_limit: int = 50) -> QueueStatus:
    engine = database.engine
    depths = [
        QueueDepth(
            row["queue"], row["waiting"], row["running"], row["failed"], row["oldest_waiting"]
        )  # fmt: skip
        for row in job_reads.queue_depths(engine)
    ]
    return QueueStatus(
        depths,
        [_line(row) for row in job_reads.running_jobs(engine)],
        [_line(row) for row in job_reads.failed_jobs(engine, failed_limit)],
        job_reads.workers(engine),
    )
