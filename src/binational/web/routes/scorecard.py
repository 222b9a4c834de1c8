"""The Scorecard page (``/scorecard``), its JSON twin (``/api/scorecard``) and its
files (``/api/scorecard.pdf`` and the other formats), all taking ``period`` and
``category``."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from binational.accounts.roles import Actor
from binational.domain import Period
from binational.scorecard.records import scorecard_record
from binational.web.http.deps import reader, web_context
from binational.web.http.openapi import file_answer
from binational.web.http.params import CategoryQuery, Language, PeriodQuery, ScorecardFormat
from binational.web.rendering import render, request_language
from binational.web.routes.api_guards import comparable
from binational.web.views.scorecard import (
    download,
    load_scorecard,
    page_context,
    scorecard_renderer,
)

REFUSALS: dict[int | str, dict] = {
    400: {"description": "A range of months whose last month comes before its first."},
    404: {"description": "A period whose four earlier periods begin before 1800."},
}


def comparable_period(period: str | None) -> None:
    """404 for a scorecard whose four earlier periods begin before 1800."""
    try:
        chosen = Period.parse(period) if period else None
    except ValueError:
        return  # load_scorecard says what is wrong with it
    if chosen is not None:
        comparable(chosen, "scorecard")


def router() -> APIRouter:
    routes = APIRouter()

    @routes.get("/scorecard", include_in_schema=False)
    def scorecard_page(
        request: Request, period: str | None = None, category: str | None = None,
        actor: Actor = Depends(reader),
    ) -> Response:  # fmt: skip
        web = web_context(request)
        language = request_language(request)
        with web.database.connect() as connection:
            document = load_scorecard(
                connection, web, period, category, actor.anonymous, language, dt.date.today()
            )
        return render(request, "scorecard.html", **page_context(document),
                      chosen_category=category or "")  # fmt: skip

    @routes.get("/api/scorecard", tags=["scorecard"], responses=REFUSALS)
    def scorecard_json(
        request: Request, period: PeriodQuery = None, category: CategoryQuery = None,
        language: Language = Language.en, actor: Actor = Depends(reader),
    ) -> dict:  # fmt: skip
        """How each institution is doing over `period` (default: the twelve months up to
        this one), optionally one `category`: status, events in the period and the four
        before, last activity, intervals, the continuity mark with its reason and
        evidence, and the trend; the method's numbers and the data's coverage."""
        comparable_period(period)
        web = web_context(request)
        with web.database.connect() as connection:
            document = load_scorecard(
                connection, web, period, category, actor.anonymous,
                "es" if language == "es" else "en", dt.date.today(),
            )  # fmt: skip
        return scorecard_record(document)

    @routes.get("/api/scorecard.{fmt}", tags=["scorecard"], response_model=None,
                responses={**file_answer(item.value for item in ScorecardFormat),
                           **REFUSALS})  # fmt: skip
    def scorecard_file(
        request: Request, fmt: ScorecardFormat, period: PeriodQuery = None,
        category: CategoryQuery = None, language: Language = Language.en,
        actor: Actor = Depends(reader),
    ) -> Response:  # fmt: skip
        """The scorecard as md, html, pdf or docx, e.g. /api/scorecard.pdf?period=2023."""
        scorecard_renderer(fmt.value)  # an unknown format is refused before any work
        comparable_period(period)
        web = web_context(request)
        with web.database.connect() as connection:
            document = load_scorecard(
                connection, web, period, category, actor.anonymous,
                "es" if language == "es" else "en", dt.date.today(), with_logo=True,
            )  # fmt: skip
        return download(document, fmt.value)

    return routes
