"""Pages of the report builder: choose a quarter, order and exclude its items,
preview the report, download it."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from binational.publish.formats import RENDERERS
from binational.web.auth import Actor
from binational.web.deps import require_editor, require_viewer, web_context
from binational.web.downloads import parse_report_name, preview_response, report_bytes
from binational.web.errors import NotFound
from binational.web.rendering import render
from binational.web.report_builder import (
    builder_view,
    move_item,
    parse_quarter,
    report_quarters,
    set_excluded,
)

ACTIONS = {"up", "down", "exclude", "include"}
DOWNLOADS = ("md", "html", "pdf", "docx")


def router() -> APIRouter:
    routes = APIRouter(include_in_schema=False)

    @routes.get("/reports")
    def reports_page(
        request: Request, quarter: str | None = None, actor: Actor = Depends(require_viewer)
    ) -> Response:
        if quarter:
            return RedirectResponse(f"/reports/{parse_quarter(quarter)}", status_code=303)
        web = web_context(request)
        with web.database.sessions() as session:
            quarters = report_quarters(session)
        return render(request, "reports/index.html", quarters=quarters)

    @routes.get("/reports/{quarter}")
    def builder_page(
        request: Request, quarter: str, actor: Actor = Depends(require_viewer)
    ) -> Response:
        web = web_context(request)
        period = parse_quarter(quarter)
        with web.database.sessions() as session:
            view = builder_view(session, period)
        formats = [RENDERERS[name] for name in DOWNLOADS]
        return render(request, "reports/builder.html", report=view, formats=formats)

    @routes.get("/reports/{quarter}/preview")
    def preview(request: Request, quarter: str, actor: Actor = Depends(require_viewer)) -> Response:
        web = web_context(request)
        file = parse_report_name(quarter, "html")
        with web.database.sessions() as session:
            body = report_bytes(session, file, web.settings)
        return preview_response(body)

    @routes.post("/reports/{quarter}/items/{event_id}")
    def change_item(
        request: Request,
        quarter: str,
        event_id: int,
        action: str = Form(...),
        actor: Actor = Depends(require_editor),
    ) -> Response:
        web = web_context(request)
        period = parse_quarter(quarter)
        if action not in ACTIONS:
            raise NotFound(f"there is no report action {action!r}")
        author = actor.email or ""
        with web.database.transaction() as session:
            if action in ("up", "down"):
                delta = -1 if action == "up" else 1
                move_item(session, period, event_id, delta, author, web.settings)
            else:
                set_excluded(session, period, event_id, action == "exclude", author, web.settings)
        return RedirectResponse(f"/reports/{period}#event-{event_id}", status_code=303)

    return routes
