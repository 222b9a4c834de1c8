"""The candidate queue: what ingestion found, best first; an editor accepts a
candidate into a draft event (drafted at once, as ``candidates accept`` does) or
rejects it (buttons, or the A and R keys)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from binational.accounts.roles import Actor
from binational.ingest.queue import reject_candidate
from binational.web.http.deps import require_editor, require_viewer, web_context
from binational.web.rendering import render
from binational.web.routes.drafts import run_drafting
from binational.web.views.candidates import (
    accept_in_transaction,
    candidate_queue,
    parse_min_score,
)


def router() -> APIRouter:
    routes = APIRouter(include_in_schema=False)

    @routes.get("/candidates")
    def candidates_page(
        request: Request,
        min_score: str | None = None,
        accepted: int | None = None,
        rejected: int | None = None,
        actor: Actor = Depends(require_viewer),
    ) -> Response:
        web = web_context(request)
        with web.database.sessions() as session:
            queue = candidate_queue(session, parse_min_score(min_score))
        return render(request, "candidates.html", queue=queue, accepted=accepted,
                      rejected=rejected, web=web)  # fmt: skip

    @routes.post("/candidates/{candidate_id}/accept")
    async def accept(
        request: Request, candidate_id: int, actor: Actor = Depends(require_editor)
    ) -> Response:
        web = web_context(request)
        event_id = await run_in_threadpool(accept_in_transaction, web, candidate_id, actor)
        await run_drafting(request, event_id)
        return RedirectResponse(f"/candidates?accepted={event_id}", status_code=303)

    @routes.post("/candidates/{candidate_id}/reject")
    def reject(
        request: Request, candidate_id: int, actor: Actor = Depends(require_editor)
    ) -> Response:
        web = web_context(request)
        with web.database.transaction() as session:
            reject_candidate(session, candidate_id, actor.email or "")
        return RedirectResponse(f"/candidates?rejected={candidate_id}", status_code=303)

    return routes
