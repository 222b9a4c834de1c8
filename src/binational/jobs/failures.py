"""How jobs fail: for good (``JobFailed``: a 404, a page with no article text) or for
now (any other error: a server error, a timeout, a busy database), which is retried
``job_attempts`` times in all, ``job_retry_wait`` seconds after the first failure and
twice as long after each further one. Every failed attempt's error is recorded
(``job_errors``), since procrastinate's tables keep only the status."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from procrastinate import BaseRetryStrategy, RetryDecision

from binational.store.job_reads import record_job_error

log = logging.getLogger(__name__)


class JobFailed(Exception):
    """A failure that will not pass by trying again: the job ends failed now."""


class MayPass(Exception):
    """A failure that may pass (a server error, a timeout): the job is tried again."""


class DoublingRetry(BaseRetryStrategy):
    """``attempts`` tries in all, waits of ``first_wait`` doubling, except for
    ``JobFailed``."""

    def __init__(self, attempts: int, first_wait: float) -> None:
        self.attempts = attempts
        self.first_wait = first_wait

    def get_retry_decision(self, *, exception: BaseException, job) -> RetryDecision | None:
        if isinstance(exception, JobFailed) or job.attempts + 1 >= self.attempts:
            return None
        return RetryDecision(retry_in={"seconds": self.first_wait * 2**job.attempts})


def recording_errors(task: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """The task, recording the error of each failed attempt before it propagates to
    procrastinate (which retries or fails the job)."""

    @functools.wraps(task)
    async def recorded(context, **kwargs):
        try:
            return await task(context, **kwargs)
        except Exception as error:
            job = context.job
            ours = isinstance(error, JobFailed | MayPass)  # their message says it all
            reason = str(error) if ours else f"{type(error).__name__}: {error}"
            engine = context.additional_context["resources"].database.engine
            try:
                await asyncio.to_thread(
                    record_job_error, engine, job.id, job.task_name, job.attempts + 1, reason
                )
            except Exception:  # the database may be what failed: the status still tells
                log.exception("could not record the error of job %s", job.id)
            raise

    return recorded
