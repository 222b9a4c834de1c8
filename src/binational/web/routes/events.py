"""Pages for events: the searchable list, one event, and the editor's form with the
event's latest draft beside it (the draft's own routes are in ``drafts.py``)."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from binational.accounts.roles import Actor
from binational.curation.edits import EventChanges
from binational.domain import DatePrecision, EventStatus, PartialDate
from binational.errors import UserError
from binational.search import is_current
from binational.store.data_version import Version, data_version
from binational.store.drafts import StoredDraft
from binational.web.http.deps import reader, require_editor, visible_statuses, web_context
from binational.web.http.short_reads import run_short_read
from binational.web.i18n.translator import Translator
from binational.web.rendering import render, render_fragment, request_language
from binational.web.routes import drafts
from binational.web.views.event_draft import draft_to_use, latest_panel, parse_draft_id
from binational.web.views.event_list import list_events, parse_filters
from binational.web.views.event_page import apply_edit, event_detail, form_changes, load_event
from binational.web.views.events_page import events_page as events_view
from binational.web.views.revision_diff import with_changes


def _edit_page(request: Request, record: dict, status: int = 200, error: str | None = None,
               values: dict | None = None, draft: dict | None = None,
               using_draft: StoredDraft | None = None) -> Response:  # fmt: skip
    """The edit form and, beside it, the latest draft (``draft``); ``using_draft``
    is the draft whose text fills the fields ("Use draft")."""
    web = web_context(request)
    return render(
        request, "events/edit.html", status=status, event=record, error=error,
        values=values or {}, statuses=[s.value for s in EventStatus],
        precisions=[p.value for p in DatePrecision], taxonomy=web.taxonomy.topics,
        registry=web.registry, web=web, draft=draft, using_draft=using_draft,
        drafted=bool(request.query_params.get("drafted")),
        first_day=PartialDate.parse(record["date"]).value.isoformat(),
    )  # fmt: skip


def _edit_view(request: Request, event_id: int, actor: Actor, status: int = 200,
               error: str | None = None, values: dict | None = None,
               draft_id: int | None = None) -> Response:  # fmt: skip
    """The edit page read from the database: the event, its latest draft and, with
    ``draft_id``, that draft's summary and implications in the fields (a part the
    draft has no text for leaves its field as it was)."""
    web = web_context(request)
    values = dict(values or {})
    with web.database.connect() as connection:
        record = event_detail(connection, event_id, None, actor, web)
        panel = latest_panel(connection, event_id)
        using = draft_to_use(connection, event_id, draft_id) if draft_id is not None else None
    if using is not None and error is None:
        for field in ("summary", "implications"):
            if text := using.draft[field]["text"]:
                values[field] = text
    return _edit_page(request, record, status, error, values, panel, using)


def router() -> APIRouter:
    routes = APIRouter(include_in_schema=False)

    @routes.get("/events")
    async def events_page(request: Request, actor: Actor = Depends(reader)) -> Response:
        """When the search index is current, on SQLite, the listing runs on the event
        loop as the short reads do: a search is then CPU work that holds the GIL for
        most of its few milliseconds, so a worker thread would add its hand-off's CPU
        and overlap little. Bringing the index up to date (a delta after an edit, a
        build) runs in a worker thread, as does everything on a server database."""
        web = web_context(request)
        filters = parse_filters(request.query_params)
        statuses, language = visible_statuses(actor), request_language(request)

        def page(version: Version) -> Markup:
            def results() -> Markup:
                with web.database.connect() as connection:
                    listing = list_events(connection, filters, statuses, web, True, version)
                view = events_view(listing, filters, Translator(language), web)
                return render_fragment(web.templates, "events/results.html", language,
                                       listing=listing, filters=filters, view=view)  # fmt: skip

            return web.results.remember(("events", filters, statuses, language), version, results)

        def read_version() -> Version:
            with web.database.connect() as connection:
                return data_version(connection)

        if web.database.dialect != "sqlite":  # a server's round trips: off the loop, once
            body = await run_in_threadpool(lambda: page(read_version()))
        elif is_current(web.search, version := read_version()):
            body = page(version)
        else:
            body = await run_in_threadpool(page, version)
        return render(request, "events/list.html", body=body)

    @routes.get("/events/{event_id}")
    async def event_page(
        request: Request, event_id: int, actor: Actor = Depends(reader)
    ) -> Response:
        """Its three to six primary-key and index reads are short: see short_reads."""
        web = web_context(request)

        def read() -> dict:
            with web.database.connect() as connection:
                return event_detail(connection, event_id, visible_statuses(actor), actor, web)

        record = await run_short_read(web.database, read)
        names = web.page_labels[request_language(request)]
        revisions = with_changes(record.get("revisions"), names.revision_value)
        return render(request, "events/detail.html", event=record, revisions=revisions, web=web)

    @routes.get("/events/{event_id}/edit")
    def edit_page(
        request: Request, event_id: int, draft: str | None = None,
        actor: Actor = Depends(require_editor),
    ) -> Response:  # fmt: skip
        """The form; ``?draft=N`` ("Use draft") fills the summary and implications
        with draft N's, for the editor to check and save."""
        return _edit_view(request, event_id, actor, draft_id=parse_draft_id(draft))

    @routes.post("/events/{event_id}/edit")
    async def edit_event(
        request: Request, event_id: int, actor: Actor = Depends(require_editor)
    ) -> Response:
        web = web_context(request)
        form = await request.form()
        values = {key: str(value) for key, value in form.items()}
        topics = [str(v) for v in form.getlist("topics")] if form.get("topics_shown") else None
        draft_id = None
        try:
            draft_id = parse_draft_id(values.get("from_draft"))
            changes = form_changes(values, topics)

            def write() -> None:  # in a worker thread: it may wait for SQLite's write lock
                edit = changes
                with web.database.transaction() as session:
                    if draft_id is not None:
                        used = draft_to_use(session.connection(), event_id, draft_id)
                        edit = replace(edit, note={"from_draft": used.id,
                                                   "draft_method": used.method})  # fmt: skip
                    event = load_event(session, event_id, None)
                    apply_edit(session, event, edit, actor, web)

            await run_in_threadpool(write)
        except UserError as error:
            return _edit_view(request, event_id, actor, 400, str(error), values, draft_id)
        return RedirectResponse(f"/events/{event_id}?saved=1#history", status_code=303)

    @routes.post("/events/{event_id}/links")
    async def link_event(
        request: Request, event_id: int, actor: Actor = Depends(require_editor)
    ) -> Response:
        web = web_context(request)
        slug = str((await request.form()).get("slug", "")).strip()

        def write() -> None:  # in a worker thread: it may wait for SQLite's write lock
            with web.database.transaction() as session:
                event = load_event(session, event_id, None)
                apply_edit(session, event, EventChanges(add_links=(slug,)), actor, web)

        await run_in_threadpool(write)
        return RedirectResponse(f"/events/{event_id}/edit#links", status_code=303)

    @routes.post("/events/{event_id}/links/{slug}/remove")
    def unlink_event(
        request: Request, event_id: int, slug: str, actor: Actor = Depends(require_editor)
    ) -> Response:
        web = web_context(request)
        with web.database.transaction() as session:
            event = load_event(session, event_id, None)
            changes = EventChanges(remove_links=(slug,))
            apply_edit(session, event, changes, actor, web)
        return RedirectResponse(f"/events/{event_id}/edit#links", status_code=303)

    routes.include_router(drafts.router())
    return routes
