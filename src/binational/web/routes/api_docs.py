"""Examples and shared answers for the OpenAPI document of the JSON API."""

from __future__ import annotations

from typing import Any

CONDITIONAL: dict[int | str, dict[str, Any]] = {
    304: {
        "description": "Not modified: `If-None-Match` named the answer's current `ETag`.",
        "headers": {"ETag": {"schema": {"type": "string"}}},
    }
}
LINK_HEADER = {
    "Link": {
        "schema": {"type": "string"},
        "description": 'The page\'s neighbours, e.g. `<…?page=2>; rel="next"`.',
    }
}
ETAG_HEADER = {"ETag": {"schema": {"type": "string"}, "description": "The answer's tag."}}

EVENT_EXAMPLE = {
    "id": 7, "title": "Security dialogue on fentanyl", "date": "2023-05-12",
    "quarter": "2023Q2", "status": "published", "url": "https://www.state.gov/…",
    "summary": "…", "implications": "…",
    "institutions": [{"slug": "hled", "name": "High-Level Economic Dialogue"}],
    "topics": [{"slug": "security", "name": "Security"}], "sources": [], "reports": [],
    "revisions": [],
}  # fmt: skip
EVENTS_EXAMPLE = {
    "filters": {"q": "fentanyl", "quarter": "2023Q2"}, "total": 30, "page": 1, "pages": 2,
    "page_size": 25, "events": [EVENT_EXAMPLE], "facets": {},
    "links": {"self": "/api/events?q=fentanyl&page=1", "first": "/api/events?q=fentanyl&page=1",
              "prev": None, "next": "/api/events?q=fentanyl&page=2",
              "last": "/api/events?q=fentanyl&page=2"},
}  # fmt: skip


def example(value: Any, headers: dict[str, Any] | None = None) -> dict[int | str, dict]:
    """A 200 answer's JSON example (and headers) for ``responses=``."""
    answer: dict[str, Any] = {"content": {"application/json": {"example": value}}}
    if headers:
        answer["headers"] = headers
    return {200: answer}
