"""Pages of the report builder: choose a period, order and exclude its items,
preview the report, download it."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from binational.accounts.roles import Actor
from binational.jobs.report_builds import (
    queue_configured,
    report_build_state,
    request_report_build,
)
from binational.publish.formats import RENDERERS
from binational.reports.builder import builder_view, move_item, report_periods, set_excluded
from binational.web.http.deps import require_editor, require_viewer, web_context
from binational.web.http.errors import NotFound
from binational.web.rendering import render
from binational.web.views.report_builds import report_bytes_within_limit
from binational.web.views.report_files import (
    download_response,
    parse_period_path,
    parse_report_name,
    preview_response,
    report_bytes,
)

ACTIONS = {"up", "down", "exclude", "include"}
DOWNLOADS = ("md", "html", "pdf", "docx")


def router() -> APIRouter:
    routes = APIRouter(include_in_schema=False)

    @routes.get("/reports")
    def reports_page(
        request: Request,
        period: str | None = None,
        quarter: str | None = None,
        actor: Actor = Depends(require_viewer),
    ) -> Response:
        chosen = period or quarter
        if chosen:
            return RedirectResponse(f"/reports/{parse_period_path(chosen)}", status_code=303)
        web = web_context(request)
        with web.database.sessions() as session:
            periods = report_periods(session)
        return render(request, "reports/index.html", periods=periods)

    @routes.get("/reports/{period}")
    def builder_page(
        request: Request, period: str, actor: Actor = Depends(require_viewer)
    ) -> Response:
        web = web_context(request)
        chosen = parse_period_path(period)
        with web.database.sessions() as session:
            view = builder_view(session, chosen)
        formats = [RENDERERS[name] for name in DOWNLOADS]
        return render(
            request, "reports/builder.html", report=view, formats=formats,
            build_queue=queue_configured(web.settings),
        )  # fmt: skip

    @routes.get("/reports/{period}/preview")
    def preview(request: Request, period: str, actor: Actor = Depends(require_viewer)) -> Response:
        web = web_context(request)
        file = parse_report_name(period, "html")
        with web.database.sessions() as session:
            body = report_bytes(session, file, web.settings, web.registry)
        return preview_response(body)

    @routes.get("/reports/{period}/download/{fmt}")
    async def download(
        request: Request, period: str, fmt: str, actor: Actor = Depends(require_viewer)
    ) -> Response:
        """The report file: a build job when a queue is configured (then its page),
        else built now within build_time_limit."""
        web = web_context(request)
        file = parse_report_name(period, fmt)
        if queue_configured(web.settings):
            job_id = await run_in_threadpool(
                request_report_build, web.settings, web.database, str(file.period), fmt
            )
            return RedirectResponse(f"/reports/{file.period}/builds/{job_id}/{fmt}", 303)
        return download_response(await report_bytes_within_limit(web, file), file)

    @routes.get("/reports/{period}/builds/{job_id}/{fmt}")
    def build_page(
        request: Request, period: str, job_id: int, fmt: str,
        actor: Actor = Depends(require_viewer),
    ) -> Response:  # fmt: skip
        web = web_context(request)
        file = parse_report_name(period, fmt)
        build = report_build_state(web.settings, web.database, str(file.period), fmt, job_id)
        page = render(
            request, "reports/build.html", period=str(file.period), fmt=fmt, job_id=job_id,
            build=build,
        )  # fmt: skip
        if build.state in ("waiting", "running"):
            page.headers["Refresh"] = "2"  # look again in 2 s
        return page

    @routes.get("/reports/{period}/builds/{job_id}/{fmt}/file")
    def build_file(
        request: Request, period: str, job_id: int, fmt: str,
        actor: Actor = Depends(require_viewer),
    ) -> Response:  # fmt: skip
        web = web_context(request)
        file = parse_report_name(period, fmt)
        build = report_build_state(web.settings, web.database, str(file.period), fmt, job_id)
        if build.state != "done" or build.path is None:
            raise NotFound(f"the build of {file.filename} is not done")
        return download_response(build.path.read_bytes(), file)

    @routes.post("/reports/{period}/items/{event_id}")
    def change_item(
        request: Request,
        period: str,
        event_id: int,
        action: str = Form(...),
        actor: Actor = Depends(require_editor),
    ) -> Response:
        web = web_context(request)
        chosen = parse_period_path(period)
        if action not in ACTIONS:
            raise NotFound(f"there is no report action {action!r}")
        author = actor.email or ""
        with web.database.transaction() as session:
            if action in ("up", "down"):
                delta = -1 if action == "up" else 1
                move_item(session, chosen, event_id, delta, author, web.settings)
            else:
                set_excluded(session, chosen, event_id, action == "exclude", author, web.settings)
        return RedirectResponse(f"/reports/{chosen}#event-{event_id}", status_code=303)

    return routes
