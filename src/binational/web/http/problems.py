"""The API's one error shape: ``{"error": "one sentence", "field": "query.page"}``.

Every refusal under ``/api`` (400 to 503, and the 500 of last resort) answers this
JSON object, so a script needs one branch for all of them: ``error`` is the sentence a
person reads, ``field`` names the parameter or body field at fault when there is one
(``query.page``, ``path.event_id``, ``body.title``), and ``error_id`` is set only on a
500, naming the server log entry. ``Content-Type`` carries the charset on every JSON
answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

JSON_TYPE = "application/json; charset=utf-8"


class ApiError(BaseModel):
    """The body of every error answer of the API."""

    model_config = ConfigDict(
        json_schema_extra={"example": {"error": "page must be a number from 1 to 10000, not '0'",
                                       "field": "query.page"}}  # fmt: skip
    )

    error: str = Field(description="What went wrong and what to do, in one sentence.")
    field: str | None = Field(
        None, description="The parameter or body field at fault (e.g. `query.page`), if any."
    )
    error_id: str | None = Field(
        None, description="On a 500 only: the id under which the server logged the error."
    )


class Json(JSONResponse):
    """JSON with its charset in ``Content-Type`` (the API's default response class)."""

    media_type = JSON_TYPE


def problem_body(message: str, field: str | None = None, error_id: str | None = None) -> dict:
    body: dict[str, Any] = {"error": message}
    if field is not None:
        body["field"] = field
    if error_id is not None:
        body["error_id"] = error_id
    return body


def problem(
    status: int,
    message: str,
    *,
    field: str | None = None,
    error_id: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> Json:
    """An error answer of the API in its one shape."""
    return Json(problem_body(message, field, error_id), status_code=status, headers=headers)
