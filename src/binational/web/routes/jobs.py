"""The job queue's page for admins (``/jobs``) and its JSON twin (``/api/jobs``): what
``binational jobs`` shows."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from binational.accounts.roles import Actor
from binational.jobs.status import queue_status
from binational.web.http.deps import require_admin, web_context
from binational.web.rendering import render


def router() -> APIRouter:
    routes = APIRouter()

    async def status(request: Request):
        web = web_context(request)
        if web.database.dialect != "postgresql":
            return None  # SQLite: no queue (binational ingest works in process)
        return await run_in_threadpool(queue_status, web.database)

    @routes.get("/jobs", include_in_schema=False)
    async def jobs_page(request: Request, actor: Actor = Depends(require_admin)) -> Response:
        return render(request, "jobs.html", queue=await status(request))

    @routes.get("/api/jobs", tags=["jobs"])
    async def jobs_api(request: Request, actor: Actor = Depends(require_admin)) -> dict[str, Any]:
        """The job queue: depth per queue, running and failed jobs, workers (admins)."""
        found = await status(request)
        return found.record() if found is not None else {"queue": None}

    return routes
