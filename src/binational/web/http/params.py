"""Typed, bounded parameters of the API, declared once: FastAPI checks them (422,
naming the parameter) and the OpenAPI document shows the same bounds, so what the
document calls valid is what the server takes."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import Path, Query

from binational.domain import Category, EventStatus
from binational.registry.schema import SLUG_PATTERN

LARGEST_ID = 2**63 - 1
_YEAR = r"(1[89]|2[0-9])[0-9]{2}"  # Period's MIN_YEAR..MAX_YEAR, 1800..2999
_MONTH = r"(0[1-9]|1[0-2])"
PERIOD_PATTERN = rf"^{_YEAR}(Q[1-4]|-{_MONTH}(\.\.{_YEAR}-{_MONTH})?)?$"
PERIOD_TEXT = (
    "A quarter (2023Q2), a year (2023), a month (2023-05) or a range of months "
    "(2022-06..2022-10, its last month not before its first), years 1800 to 2999."
)
ReportFormat = StrEnum("ReportFormat", {n: n for n in ("md", "txt", "html", "pdf", "docx")})
ScorecardFormat = StrEnum("ScorecardFormat", {n: n for n in ("md", "html", "pdf", "docx")})
Language = StrEnum("Language", {"en": "en", "es": "es"})

Id = Annotated[int, Path(ge=1, le=LARGEST_ID, description="A numeric id.", examples=[1])]
PeriodPath = Annotated[
    str, Path(pattern=PERIOD_PATTERN, description=PERIOD_TEXT, examples=["2023Q2"])
]
PeriodQuery = Annotated[
    str | None, Query(pattern=PERIOD_PATTERN, description=PERIOD_TEXT, examples=["2023Q2"])
]
PeriodAlias = Annotated[
    str | None,
    Query(pattern=PERIOD_PATTERN, description="The same as `quarter`; either may name any period."),
]
Slug = Annotated[
    str,
    Path(pattern=SLUG_PATTERN, max_length=80, description="A registry slug.", examples=["usmca"]),
]
CategoryQuery = Annotated[
    Category | None, Query(description="One category of institutions.")
]
StatusQuery = Annotated[
    EventStatus | None,
    Query(description="One status (anonymous callers see published events only)."),
]

# How a pattern's failure is said to a person (``errors.invalid_value_text``).
PATTERN_FORMS = {
    PERIOD_PATTERN: "a period: " + PERIOD_TEXT[0].lower() + PERIOD_TEXT[1:],
    SLUG_PATTERN: "a registry slug (lower-case letters and digits, joined by hyphens)",
}
