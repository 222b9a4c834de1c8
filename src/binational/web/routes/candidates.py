"""The candidate queue: what ingestion found, best first; an editor accepts a
candidate into a draft event (drafted at once, as ``candidates accept`` does) or
rejects it (buttons, or the A and R keys). A rejection can be undone right after
("Undo"), or later from the Rejected view; each candidate has its own page.

After a decision the queue comes back with focus on the candidate that followed the
decided one: the form sends its id as ``next`` and the redirect names it in the
fragment (``#candidate-7``), which ``app.js`` focuses."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from binational.accounts.roles import Actor
from binational.errors import UserError
from binational.ingest.queue import reject_candidate, restore_candidate
from binational.web.http.deps import require_editor, require_viewer, web_context
from binational.web.http.errors import NotFound
from binational.web.rendering import render
from binational.web.routes.drafts import run_drafting
from binational.web.views.candidates import (
    accept_in_transaction,
    candidate_page,
    candidate_queue,
    parse_min_score,
    queue_counts,
    rejected_queue,
)


def focus_fragment(candidate_id: str | None) -> str:
    """``#candidate-N`` for a well-formed id, nothing otherwise."""
    return f"#candidate-{int(candidate_id)}" if candidate_id and candidate_id.isdigit() else ""


def router() -> APIRouter:
    routes = APIRouter(include_in_schema=False)

    @routes.get("/candidates")
    def candidates_page(
        request: Request,
        min_score: str | None = None,
        view: str | None = None,
        accepted: int | None = None,
        rejected: int | None = None,
        restored: int | None = None,
        actor: Actor = Depends(require_viewer),
    ) -> Response:
        web = web_context(request)
        showing_rejected = view == "rejected"
        with web.database.sessions() as session:
            queue = (
                rejected_queue(session)
                if showing_rejected
                else candidate_queue(session, parse_min_score(min_score))
            )
            counts = queue_counts(session)
        return render(request, "candidates.html", queue=queue, counts=counts, accepted=accepted,
                      rejected=rejected, restored=restored,
                      showing_rejected=showing_rejected, web=web)  # fmt: skip

    @routes.get("/candidates/{candidate_id}")
    def one_candidate(
        request: Request, candidate_id: int, actor: Actor = Depends(require_viewer)
    ) -> Response:
        web = web_context(request)
        with web.database.sessions() as session:
            try:
                candidate = candidate_page(session, candidate_id)
            except UserError as error:
                raise NotFound(str(error)) from None
        return render(request, "candidate.html", c=candidate)

    @routes.post("/candidates/{candidate_id}/accept")
    async def accept(
        request: Request, candidate_id: int, next: str | None = Form(None),
        actor: Actor = Depends(require_editor),
    ) -> Response:  # fmt: skip
        web = web_context(request)
        event_id = await run_in_threadpool(accept_in_transaction, web, candidate_id, actor)
        await run_drafting(request, event_id)
        target = f"/candidates?accepted={event_id}{focus_fragment(next)}"
        return RedirectResponse(target, status_code=303)

    @routes.post("/candidates/{candidate_id}/reject")
    def reject(
        request: Request, candidate_id: int, next: str | None = Form(None),
        actor: Actor = Depends(require_editor),
    ) -> Response:  # fmt: skip
        web = web_context(request)
        with web.database.transaction() as session:
            reject_candidate(session, candidate_id, actor.email or "")
        target = f"/candidates?rejected={candidate_id}{focus_fragment(next)}"
        return RedirectResponse(target, status_code=303)

    @routes.post("/candidates/{candidate_id}/restore")
    def restore(
        request: Request, candidate_id: int, actor: Actor = Depends(require_editor)
    ) -> Response:
        web = web_context(request)
        with web.database.transaction() as session:
            restore_candidate(session, candidate_id)
        target = f"/candidates?restored={candidate_id}{focus_fragment(str(candidate_id))}"
        return RedirectResponse(target, status_code=303)

    return routes
