"""The organization's identity on every page: its logo (the ``logo`` setting, an
image file) at ``/logo``, and the app's icon for browsers that ask ``/favicon.ico``."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from binational.config import LOGO_TYPES
from binational.web.http.deps import web_context
from binational.web.http.errors import NotFound

CACHE = {"Cache-Control": "public, max-age=3600"}


def router() -> APIRouter:
    routes = APIRouter(include_in_schema=False)

    @routes.get("/logo")
    def logo(request: Request) -> Response:
        configured = web_context(request).settings.logo
        path = Path(configured) if configured else None
        if path is None or not path.is_file():
            raise NotFound("no logo is set")
        media_type = LOGO_TYPES[path.suffix.lower()]
        return FileResponse(path, media_type=media_type, headers=CACHE)

    @routes.get("/favicon.ico")
    def favicon() -> Response:
        return RedirectResponse("/static/favicon.svg", status_code=301, headers=CACHE)

    return routes
