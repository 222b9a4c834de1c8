"""Pages for the institutions registry: by category, and one institution with its
timeline of events."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from binational.accounts.roles import Actor
from binational.web.http.deps import reader, visible_statuses, web_context
from binational.web.rendering import render, request_language
from binational.web.views.institutions import institution_detail, registry_by_category


def router() -> APIRouter:
    routes = APIRouter(include_in_schema=False)

    @routes.get("/institutions")
    def institutions_page(
        request: Request, category: str | None = None, actor: Actor = Depends(reader)
    ) -> Response:
        web = web_context(request)
        groups = registry_by_category(web, category or None)
        return render(request, "institutions/list.html", groups=groups, category=category)

    @routes.get("/institutions/{slug}")
    def institution_page(request: Request, slug: str, actor: Actor = Depends(reader)) -> Response:
        web = web_context(request)
        with web.database.sessions() as session:
            record = institution_detail(
                session, slug, visible_statuses(actor), web, request_language(request)
            )
        return render(request, "institutions/detail.html", entry=record, web=web)

    return routes
