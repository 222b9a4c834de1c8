"""The app's routes as one flat list, whatever FastAPI's version: path, the regex
that matches it, methods, and the original route (its endpoint and dependencies).

FastAPI 0.16x keeps included routers as lazy branches of ``app.routes`` and flattens
them with ``routing.iter_route_contexts``; earlier versions copied every route into
``app.routes``. The OpenAPI document (roles) and the 405's ``Allow`` both need the
flat list.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from re import Pattern
from typing import Any

from fastapi import routing


@dataclass(frozen=True)
class RouteEntry:
    path: str
    regex: Pattern[str]
    methods: frozenset[str]
    route: Any  # the route as declared (an APIRoute for operations)


def route_entries(routes: Any) -> Iterator[RouteEntry]:
    flatten = getattr(routing, "iter_route_contexts", None)
    contexts = flatten(routes) if flatten is not None else routes
    for context in contexts:
        original = getattr(context, "original_route", context)
        regex = getattr(context, "path_regex", None)
        methods = getattr(context, "methods", None)
        path = getattr(context, "path_format", None) or getattr(context, "path", None)
        if regex is not None and path is not None:
            yield RouteEntry(path, regex, frozenset(methods or ()), original)
