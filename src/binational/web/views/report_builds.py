"""A report download as a build: a job of the queue when one is configured (the
page follows it and offers the file), else built here in a thread within
``build_time_limit`` (past it: 503, and the build's result is dropped)."""

from __future__ import annotations

import asyncio

from starlette.concurrency import run_in_threadpool

from binational.errors import Busy
from binational.web.views.report_files import ReportFile, report_bytes


async def report_bytes_within_limit(web, file: ReportFile) -> bytes:
    def build() -> bytes:
        with web.database.sessions() as session:
            return report_bytes(session, file, web.settings, web.registry)

    limit = web.settings.build_time_limit
    try:
        return await asyncio.wait_for(run_in_threadpool(build), limit)
    except TimeoutError:
        raise Busy(
            f"the report took longer than {limit:g} s to build (build_time_limit); try again "
            "in a moment, or configure the job queue (job_queue) to build it in the background",
            retry_after=int(limit),
        ) from None
