"""Pages of an event's drafts: "Draft now" (an editor drafts the event and keeps the
draft) and the source passage a draft's sentence or fact points at."""

from __future__ import annotations

import anyio
import anyio.to_thread
from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from binational.accounts.roles import Actor
from binational.drafting.keep import DraftOutcome
from binational.web.http.deps import require_editor, require_viewer, web_context
from binational.web.rendering import render
from binational.web.views.event_draft import draft_now, source_passage


async def run_drafting(
    request: Request, event_id: int, use_model: bool | None = None, keep: bool = True
) -> DraftOutcome:
    """``draft_now`` on a thread of its own: with a model it may take up to
    ``llm_timeout`` seconds, which must not hold one of the few threads the app's
    short requests share (``app.WORKER_THREADS``)."""
    web = web_context(request)
    own = anyio.CapacityLimiter(1)
    return await anyio.to_thread.run_sync(draft_now, web, event_id, use_model, keep, limiter=own)


def router() -> APIRouter:
    routes = APIRouter(include_in_schema=False)

    @routes.post("/events/{event_id}/draft")
    async def draft_page(
        request: Request, event_id: int, actor: Actor = Depends(require_editor)
    ) -> Response:
        await run_drafting(request, event_id)
        return RedirectResponse(f"/events/{event_id}/edit?drafted=1#draft", status_code=303)

    @routes.get("/events/{event_id}/drafts/{draft_id}/passage")
    def passage_page(
        request: Request, event_id: int, draft_id: int, url: str = "", start: str = "",
        end: str = "", actor: Actor = Depends(require_viewer),
    ) -> Response:  # fmt: skip
        web = web_context(request)
        with web.database.connect() as connection:
            passage = source_passage(connection, event_id, draft_id, url, start, end)
        return render(request, "events/passage.html", passage=passage)

    return routes
