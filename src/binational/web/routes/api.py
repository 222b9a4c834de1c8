"""The JSON API: the twin of every page, built from the same service calls and
``store/records.py`` shapes. Reads accept a session cookie or a bearer token;
writes need an editor (users: an admin, ``api_users.py``). Documented at ``/docs``
from the OpenAPI document (``web/http/openapi.py`` adds the statuses and roles that
come from the app's plumbing)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import Response
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool
from starlette.routing import Match
from starlette.types import Scope

from binational.accounts.roles import Actor
from binational.ingest.queue import reject_candidate, restore_candidate
from binational.registry.schema import SLUG_PATTERN
from binational.reports.builder import builder_view, move_item, report_periods, set_excluded
from binational.reports.overview import needs_overview
from binational.search import index_status
from binational.store.events import get_event
from binational.store.records import event_record
from binational.web.http.deps import (
    reader,
    require_editor,
    require_viewer,
    visible_statuses,
    web_context,
)
from binational.web.http.etags import conditional
from binational.web.http.openapi import file_answer
from binational.web.http.pagination import link_header, page_links
from binational.web.http.params import (
    CategoryQuery,
    Id,
    PeriodAlias,
    PeriodPath,
    PeriodQuery,
    ReportFormat,
    Slug,
    StatusQuery,
)
from binational.web.http.problems import Json
from binational.web.routes import api_guards as guard
from binational.web.routes.api_bodies import EventUpdate, ItemAction
from binational.web.routes.api_docs import (
    CONDITIONAL,
    EVENT_EXAMPLE,
    EVENTS_EXAMPLE,
    LINK_HEADER,
    example,
)
from binational.web.routes.api_users import users_router
from binational.web.routes.drafts import run_drafting
from binational.web.views.candidates import accept_in_transaction, candidate_queue
from binational.web.views.event_list import MAX_PAGE, list_events, parse_filters
from binational.web.views.event_page import apply_edit, event_detail, load_event
from binational.web.views.institutions import institution_detail, registry_by_category
from binational.web.views.report_files import download_response, report_bytes
from binational.web.views.report_files import parse_report_name as report_file

Record = dict[str, Any]
FORMATS = [item.value for item in ReportFormat]


class ReportFileRoute(APIRoute):
    """``/api/reports/{period}.{fmt}`` only when ``fmt`` is a report format, so that
    a range like ``/api/reports/2022-06..2022-10`` reaches the builder's view."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child = super().matches(scope)
        if match is not Match.NONE and child["path_params"].get("fmt") not in FORMATS:
            return Match.NONE, {}
        return match, child


def etagged(request: Request, record: Any, headers: dict[str, str] | None = None) -> Response:
    return conditional(request, Json(jsonable_encoder(record), headers=headers))


def router() -> APIRouter:
    api = APIRouter(prefix="/api", default_response_class=Json)

    @api.get("/health", tags=["server"], responses=example({"status": "ok",
                                                            "search_index": "ready"}))  # fmt: skip
    def health(request: Request) -> Record:
        """Whether the server answers, and whether the search index reflects the
        data (``ready``) or is catching up with it (``stale``; the next search brings
        it up to date). It says nothing of the data."""
        return {"status": "ok", "search_index": index_status(web_context(request).search)}

    @api.get("/me", tags=["account"], responses=example(
        {"email": "editor@example.org", "role": "editor", "via": "token"}))  # fmt: skip
    def me(actor: Actor = Depends(reader)) -> Record:
        """Who the credentials belong to, with which role, and how they came (`token`
        or `session`; anonymous callers, where reading is public, get nulls)."""
        return {"email": actor.email, "role": actor.role, "via": actor.via}

    @api.get("/events", tags=["events"],
             responses={**example(EVENTS_EXAMPLE, LINK_HEADER), **CONDITIONAL,
                        400: {"description": "A range of months whose last month comes "
                                             "before its first."}})  # fmt: skip
    def events(
        request: Request,
        q: Annotated[str | None, Query(max_length=200, description="Words to search for.",
                                       examples=["fentanyl"])] = None,
        quarter: PeriodQuery = None,
        period: PeriodAlias = None,
        month: Annotated[int | None, Query(ge=1, le=12, description="A month of the year.")]
        = None,
        institution: Annotated[str | None, Query(pattern=SLUG_PATTERN, max_length=80,
                                                 description="A registry slug.")] = None,
        category: CategoryQuery = None,
        topic: Annotated[str | None, Query(max_length=80, description="A topic slug.")] = None,
        status: StatusQuery = None,
        page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="25 events a page.")] = 1,
        actor: Actor = Depends(reader),
    ) -> Response:  # fmt: skip
        """Events, best match first with `q`, newest first without; facets count
        every match. Follow `links.next` (or the `Link` header) through the pages."""
        # The parameters above are declared for the document and checked by FastAPI;
        # parse_filters reads them into the filters the /events page shares.
        web = web_context(request)
        filters = parse_filters(request.query_params)
        with web.database.connect() as connection:
            record = list_events(connection, filters, visible_statuses(actor), web)
        record["links"] = page_links(request.url, record["page"], record["pages"])
        return etagged(request, record, {"Link": link_header(record["links"])})

    @api.get("/events/{event_id}", tags=["events"],
             responses={**example(EVENT_EXAMPLE), **CONDITIONAL})  # fmt: skip
    def event(request: Request, event_id: Id, actor: Actor = Depends(reader)) -> Response:
        """One event with its links, topics, sources, report placements and (for
        signed-in users) its revisions. A hidden event is 404, as a missing one."""
        web = web_context(request)
        with web.database.connect() as connection:
            record = event_detail(connection, event_id, visible_statuses(actor), actor, web)
        return etagged(request, record)

    @api.patch("/events/{event_id}", tags=["events"], responses={
        **example(EVENT_EXAMPLE),
        400: {"description": "A value the event cannot take (a day not in the calendar)."},
        409: {"description": "A slug to unlink that the event is not linked to."}})  # fmt: skip
    def update(
        request: Request, event_id: Id, body: EventUpdate, actor: Actor = Depends(require_editor)
    ) -> Record:
        """Change an event; every change is recorded as a revision. All or nothing."""
        web = web_context(request)
        with web.database.connect() as connection:
            current = event_detail(connection, event_id, None, actor, web)
        guard.linked_to_remove(current, body.remove_institutions, body.add_institutions)
        with web.database.transaction() as session:
            event = load_event(session, event_id, None)
            apply_edit(session, event, body.changes(), actor, web)
        with web.database.connect() as connection:
            return event_detail(connection, event_id, None, actor, web)

    @api.post("/events/{event_id}/draft", tags=["events"], responses={
        409: {"description": "`llm=true` on a server with no drafting model."}})  # fmt: skip
    async def draft(
        request: Request, event_id: Id,
        llm: Annotated[bool | None, Query(description="Use the model (default: if configured).")]
        = None,
        save: Annotated[bool, Query(description="Keep the draft as a revision.")] = True,
        actor: Actor = Depends(require_editor),
    ) -> Record:  # fmt: skip
        """Draft the event's summary and implications (the JSON of `binational draft`):
        with the configured model unless `llm=false`; kept as its latest draft (a
        revision by "binational") unless `save=false`."""
        guard.drafting_model_ready(web_context(request).settings, llm)
        return (await run_drafting(request, event_id, llm, save)).record()

    @api.get("/institutions", tags=["institutions"], responses=CONDITIONAL)
    def institutions(
        request: Request, category: CategoryQuery = None, actor: Actor = Depends(reader)
    ) -> Response:
        """The registry's institutions grouped by category, in the registry's order."""
        return etagged(request, registry_by_category(web_context(request), category))

    @api.get("/institutions/{slug}", tags=["institutions"], responses=CONDITIONAL)
    def institution(request: Request, slug: Slug, actor: Actor = Depends(reader)) -> Response:
        """One institution: its registry entry, children, events and timeline."""
        web = web_context(request)
        with web.database.sessions() as session:
            record = institution_detail(session, slug, visible_statuses(actor), web)
        return etagged(request, record)

    @api.get("/candidates", tags=["candidates"])
    def candidates(
        request: Request,
        min_score: Annotated[float, Query(ge=0, le=1000, description="The lowest score shown.")]
        = 0.0,
        actor: Actor = Depends(require_viewer),
    ) -> Record:  # fmt: skip
        """The queue of likely events found in official sources, best first (100 at most)."""
        with web_context(request).database.sessions() as session:
            return candidate_queue(session, min_score)

    @api.post("/candidates/{candidate_id}/accept", tags=["candidates"], responses={
        409: {"description": "The candidate was already accepted or rejected."}})  # fmt: skip
    async def accept(
        request: Request, candidate_id: Id, actor: Actor = Depends(require_editor)
    ) -> Record:
        """Accept a candidate into a draft event, drafted at once; returns the event."""
        web = web_context(request)
        with web.database.sessions() as session:
            guard.queued_candidate(session, candidate_id)
        event_id = await run_in_threadpool(accept_in_transaction, web, candidate_id, actor)
        await run_drafting(request, event_id)
        with web.database.sessions() as session:
            return event_record(get_event(session, event_id), None, web.labels)

    @api.post("/candidates/{candidate_id}/reject", tags=["candidates"], responses={
        409: {"description": "The candidate was already accepted or rejected."}})  # fmt: skip
    def reject(
        request: Request, candidate_id: Id, actor: Actor = Depends(require_editor)
    ) -> Record:
        """Reject a candidate: it is remembered, and never queued again."""
        with web_context(request).database.transaction() as session:
            guard.queued_candidate(session, candidate_id)
            reject_candidate(session, candidate_id, actor.email or "")
        return {"id": candidate_id, "status": "rejected"}

    @api.post("/candidates/{candidate_id}/restore", tags=["candidates"], responses={
        409: {"description": "The candidate is not rejected."}})  # fmt: skip
    def restore(
        request: Request, candidate_id: Id, actor: Actor = Depends(require_editor)
    ) -> Record:
        """Restore a rejected candidate: it is queued again, as if never decided (the
        Rejected view's "Restore")."""
        with web_context(request).database.transaction() as session:
            guard.rejected_candidate(session, candidate_id)
            restore_candidate(session, candidate_id)
        return {"id": candidate_id, "status": "queued"}

    @api.get("/reports", tags=["reports"], responses=CONDITIONAL)
    def reports(request: Request, actor: Actor = Depends(require_viewer)) -> Response:
        """Periods with a report to build: quarters with reviewed or published
        events, and saved reports of other periods, newest first."""
        with web_context(request).database.sessions() as session:
            return etagged(request, report_periods(session))

    def download(
        request: Request, period: PeriodPath, fmt: ReportFormat,
        actor: Actor = Depends(require_viewer),
    ) -> Response:  # fmt: skip
        """The period's report as md, txt, html, pdf or docx, e.g. /api/reports/2023Q2.pdf."""
        web = web_context(request)
        file = report_file(period, fmt.value)
        with web.database.sessions() as session:
            guard.report_has_items(builder_view(session, file.period))
            if needs_overview(file.period):
                guard.comparable(file.period, "report")
            body = report_bytes(session, file, web.settings, web.registry)
        return conditional(request, download_response(body, file))

    api.add_api_route(
        "/reports/{period}.{fmt}", download, methods=["GET"], tags=["reports"],
        response_model=None, route_class_override=ReportFileRoute,
        responses={**CONDITIONAL, **file_answer(FORMATS)},
    )  # fmt: skip

    @api.get("/reports/{period}", tags=["reports"], responses=CONDITIONAL)
    def report(request: Request, period: PeriodPath, actor: Actor = Depends(require_viewer)
               ) -> Response:  # fmt: skip
        """The builder's view: included items in report order, and excluded ones."""
        chosen = report_file(period, "md").period
        with web_context(request).database.sessions() as session:
            return etagged(request, builder_view(session, chosen))

    @api.post("/reports/{period}/items/{event_id}", tags=["reports"], responses={
        409: {"description": "A move the builder refuses: an excluded item, or the "
                             "first (last) of its month moved up (down)."}})  # fmt: skip
    def report_item(
        request: Request, period: PeriodPath, event_id: Id, body: ItemAction,
        actor: Actor = Depends(require_editor),
    ) -> Record:  # fmt: skip
        """Move an item up or down within its month, or exclude or include it."""
        web = web_context(request)
        chosen = report_file(period, "md").period
        with web.database.transaction() as session:
            guard.report_item(builder_view(session, chosen), event_id, body.action)
            if body.action in ("up", "down"):
                delta = -1 if body.action == "up" else 1
                move_item(session, chosen, event_id, delta, actor.email or "", web.settings)
            else:
                excluded = body.action == "exclude"
                set_excluded(session, chosen, event_id, excluded, actor.email or "", web.settings)
        with web.database.sessions() as session:
            return builder_view(session, chosen)

    api.include_router(users_router())
    return api
