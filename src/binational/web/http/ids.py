"""Ids in paths beyond what a database column holds name nothing: 404.

A path parameter like ``/api/events/99999999999999999999999`` parses as a Python
int, but SQLite refuses to bind an integer beyond 64 bits (OverflowError, a 500).
An app-wide dependency answers 404 for such a number before any route reads it, so
no route has to declare the range.
"""

from __future__ import annotations

from fastapi import Request

from binational.web.http.errors import NotFound

SMALLEST, LARGEST = -(2**63), 2**63 - 1
MAX_DIGITS = 19


def out_of_range(value: str) -> bool:
    """Whether ``value`` is written as an integer that no 64-bit column can hold."""
    digits = value.strip().lstrip("+-")
    if not digits.isdecimal():
        return False
    return len(digits) > MAX_DIGITS or not SMALLEST <= int(value) <= LARGEST


async def ids_in_range(request: Request) -> None:
    """App-wide dependency: 404 for a path parameter that is an out-of-range integer."""
    for value in request.path_params.values():
        if isinstance(value, str) and out_of_range(value):
            raise NotFound("no such page")
