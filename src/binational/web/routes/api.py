"""The JSON API: the twin of every page, built from the same service calls and
``store/records.py`` shapes. Reads accept a session cookie or a bearer token;
writes need an editor (users: an admin). Documented at ``/docs``."""

from __future__ import annotations

import time
from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from binational.accounts.roles import Actor
from binational.accounts.sessions import end_user_sessions, open_session_counts
from binational.accounts.users import (
    admin_count,
    create_user,
    get_user,
    list_users,
    set_active,
    set_role,
    user_record,
)
from binational.curation.edits import EventChanges
from binational.errors import UserError
from binational.ingest.queue import reject_candidate
from binational.reports.builder import builder_view, move_item, report_periods, set_excluded
from binational.search import index_status
from binational.store.events import get_event
from binational.store.records import event_record
from binational.web.http.deps import (
    reader,
    require_admin,
    require_editor,
    require_viewer,
    visible_statuses,
    web_context,
)
from binational.web.routes.drafts import run_drafting
from binational.web.views.candidates import (
    accept_in_transaction,
    candidate_queue,
    parse_min_score,
)
from binational.web.views.event_list import list_events, parse_filters
from binational.web.views.event_page import apply_edit, event_detail, load_event
from binational.web.views.institutions import institution_detail, registry_by_category
from binational.web.views.report_files import (
    download_response,
    parse_period_path,
    parse_report_name,
    report_bytes,
)

Record = dict[str, Any]


class EventUpdate(BaseModel):
    """Fields to change (any subset), the topics to set, links to add or remove."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    date: str | None = Field(None, description="2023-05-12, 2023-05 or 2023Q2")
    date_source: str | None = None
    summary: str | None = None
    implications: str | None = None
    url: str | None = None
    status: str | None = None
    topics: list[str] | None = Field(None, description="The complete set of topic slugs.")
    add_institutions: list[str] = []
    remove_institutions: list[str] = []

    def changes(self) -> EventChanges:
        scalar = {"topics", "add_institutions", "remove_institutions"}
        fields = {k: v for k, v in self.model_dump(exclude_unset=True).items() if k not in scalar}
        return EventChanges(
            fields=fields,
            topics=tuple(self.topics) if self.topics is not None else None,
            add_links=tuple(self.add_institutions),
            remove_links=tuple(self.remove_institutions),
        )


class ItemAction(BaseModel):
    action: Literal["up", "down", "exclude", "include"]


class NewUser(BaseModel):
    email: str
    role: Literal["viewer", "editor", "admin"]
    password: str


class UserChange(BaseModel):
    role: Literal["viewer", "editor", "admin"] | None = None
    active: bool | None = None


def router() -> APIRouter:
    api = APIRouter(prefix="/api")

    @api.get("/health", tags=["server"])
    def health(request: Request) -> Record:
        """Whether the server answers, and whether the search index reflects the
        data (``ready``) or is catching up with it (``stale``; the next search brings
        it up to date). Open to anyone: it says nothing of the data."""
        return {"status": "ok", "search_index": index_status(web_context(request).search)}

    @api.get("/me", tags=["account"])
    def me(actor: Actor = Depends(reader)) -> Record:
        return {"email": actor.email, "role": actor.role, "via": actor.via}

    @api.get("/events", tags=["events"])
    def events(request: Request, actor: Actor = Depends(reader)) -> Record:
        """Events: filters `q`, `quarter`, `month`, `institution`, `category`, `topic`,
        `status`, `page` (25 a page), as on /events; facets with counts."""
        web = web_context(request)
        filters = parse_filters(request.query_params)
        with web.database.connect() as connection:
            return list_events(connection, filters, visible_statuses(actor), web)

    @api.get("/events/{event_id}", tags=["events"])
    def event(request: Request, event_id: int, actor: Actor = Depends(reader)) -> Record:
        web = web_context(request)
        with web.database.connect() as connection:
            return event_detail(connection, event_id, visible_statuses(actor), actor, web)

    @api.patch("/events/{event_id}", tags=["events"])
    def update(
        request: Request, event_id: int, body: EventUpdate, actor: Actor = Depends(require_editor)
    ) -> Record:
        """Change an event; every change is recorded as a revision. All or nothing."""
        web = web_context(request)
        with web.database.transaction() as session:
            event = load_event(session, event_id, None)
            apply_edit(session, event, body.changes(), actor, web)
        with web.database.connect() as connection:
            return event_detail(connection, event_id, None, actor, web)

    @api.post("/events/{event_id}/draft", tags=["events"])
    async def draft(
        request: Request, event_id: int, llm: bool | None = None, save: bool = True,
        actor: Actor = Depends(require_editor),
    ) -> Record:  # fmt: skip
        """Draft the event's summary and implications (``binational draft``'s JSON):
        with the configured model unless `llm=false`; kept as its latest draft (a
        revision by "binational") unless `save=false`."""
        return (await run_drafting(request, event_id, llm, save)).record()

    @api.get("/institutions", tags=["institutions"])
    def institutions(
        request: Request, category: str | None = None, actor: Actor = Depends(reader)
    ) -> Record:
        return registry_by_category(web_context(request), category or None)

    @api.get("/institutions/{slug}", tags=["institutions"])
    def institution(request: Request, slug: str, actor: Actor = Depends(reader)) -> Record:
        web = web_context(request)
        with web.database.sessions() as session:
            return institution_detail(session, slug, visible_statuses(actor), web)

    @api.get("/candidates", tags=["candidates"])
    def candidates(
        request: Request, min_score: str | None = None, actor: Actor = Depends(require_viewer)
    ) -> Record:
        with web_context(request).database.sessions() as session:
            return candidate_queue(session, parse_min_score(min_score))

    @api.post("/candidates/{candidate_id}/accept", tags=["candidates"])
    async def accept(
        request: Request, candidate_id: int, actor: Actor = Depends(require_editor)
    ) -> Record:
        """Accept a candidate into a draft event, drafted at once; returns the event."""
        web = web_context(request)
        event_id = await run_in_threadpool(accept_in_transaction, web, candidate_id, actor)
        await run_drafting(request, event_id)
        with web.database.sessions() as session:
            return event_record(get_event(session, event_id), None, web.labels)

    @api.post("/candidates/{candidate_id}/reject", tags=["candidates"])
    def reject(
        request: Request, candidate_id: int, actor: Actor = Depends(require_editor)
    ) -> Record:
        with web_context(request).database.transaction() as session:
            reject_candidate(session, candidate_id, actor.email or "")
        return {"id": candidate_id, "status": "rejected"}

    @api.get("/reports", tags=["reports"])
    def reports(request: Request, actor: Actor = Depends(require_viewer)) -> list[Record]:
        with web_context(request).database.sessions() as session:
            return report_periods(session)

    @api.get("/reports/{period}.{fmt}", tags=["reports"], response_model=None)
    def download(
        request: Request, period: str, fmt: str, actor: Actor = Depends(require_viewer)
    ) -> Response:
        """The period's report as md, txt, html, pdf or docx, e.g. /api/reports/2023Q2.pdf."""
        web = web_context(request)
        file = parse_report_name(period, fmt)
        with web.database.sessions() as session:
            body = report_bytes(session, file, web.settings, web.registry)
        return download_response(body, file)

    @api.get("/reports/{period}", tags=["reports"])
    def report(request: Request, period: str, actor: Actor = Depends(require_viewer)) -> Record:
        """The builder's view: included items in report order, and excluded ones."""
        with web_context(request).database.sessions() as session:
            return builder_view(session, parse_period_path(period))

    @api.post("/reports/{period}/items/{event_id}", tags=["reports"])
    def report_item(
        request: Request, period: str, event_id: int, body: ItemAction,
        actor: Actor = Depends(require_editor),
    ) -> Record:  # fmt: skip
        """Move an item up or down within its month, or exclude or include it."""
        web = web_context(request)
        chosen = parse_period_path(period)
        with web.database.transaction() as session:
            if body.action in ("up", "down"):
                delta = -1 if body.action == "up" else 1
                move_item(session, chosen, event_id, delta, actor.email or "", web.settings)
            else:
                excluded = body.action == "exclude"
                set_excluded(session, chosen, event_id, excluded, actor.email or "", web.settings)
        with web.database.sessions() as session:
            return builder_view(session, chosen)

    @api.get("/users", tags=["users"])
    def users(request: Request, actor: Actor = Depends(require_admin)) -> list[Record]:
        with web_context(request).database.sessions() as session:
            counts = open_session_counts(session, time.time())
            return [user_record(user, counts.get(user.id, 0)) for user in list_users(session)]

    @api.post("/users", tags=["users"], status_code=201)
    def add_user(request: Request, body: NewUser, actor: Actor = Depends(require_admin)) -> Record:
        web = web_context(request)
        with web.database.transaction() as session:
            return user_record(
                create_user(session, web.passwords, body.email, body.role, body.password)
            )

    @api.patch("/users/{user_id}", tags=["users"])
    def change_user(
        request: Request, user_id: int, body: UserChange, actor: Actor = Depends(require_admin)
    ) -> Record:
        with web_context(request).database.transaction() as session:
            user = get_user(session, user_id)
            if body.role is not None and body.role != user.role:
                set_role(session, user, body.role)
            if body.active is not None:
                set_active(session, user, body.active)
            if admin_count(session) == 0:
                raise UserError("the last active admin cannot be demoted or deactivated")
            return user_record(user)

    @api.delete("/users/{user_id}/sessions", tags=["users"])
    def sign_out_everywhere(
        request: Request, user_id: int, actor: Actor = Depends(require_admin)
    ) -> Record:
        """End every session of the account at once (its API tokens stay)."""
        with web_context(request).database.transaction() as session:
            ended = end_user_sessions(session, get_user(session, user_id))
        return {"id": user_id, "sessions_ended": ended}

    return api
