"""The Scorecard page and its JSON twin: a period's scorecard (``scorecard/``) in the
visitor's language, read with the events the visitor may see (published ones for an
anonymous reader, reviewed and published ones for a signed-in analyst), and its
files for download."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi.responses import Response
from sqlalchemy import Connection

from binational.domain import Period
from binational.errors import UserError
from binational.publish.formats import DocumentKind, Renderer, formats_of, get_renderer
from binational.publish.logo import read_logo
from binational.publish.scorecard_document import ScorecardDocument
from binational.publish.scorecard_method import (
    coverage_paragraphs,
    mark_meanings,
    method_paragraphs,
)
from binational.publish.scorecard_rows import (
    anchor,
    as_of_line,
    category_parts,
    columns,
    evidence,
    step_text,
    table_row,
    title,
)
from binational.publish.scorecard_words import period_label, word
from binational.scorecard.activity import REPORTABLE
from binational.scorecard.service import CATEGORIES, default_period, scorecard_document
from binational.web.context import WebContext
from binational.web.http.deps import PUBLIC_STATUSES
from binational.web.http.errors import NotFound

DOWNLOADS = tuple(formats_of(DocumentKind.SCORECARD))


def scorecard_statuses(anonymous: bool) -> tuple[str, ...]:
    """The events a scorecard counts for this visitor."""
    return PUBLIC_STATUSES if anonymous else REPORTABLE


def parse_period_query(text: str | None, today: dt.date) -> Period:
    """The ``period`` parameter; the twelve months up to this one when absent."""
    if not text or not text.strip():
        return default_period(today)
    try:
        return Period.parse(text)
    except ValueError as error:
        raise UserError(str(error)) from None


def parse_category_query(text: str | None) -> str | None:
    return text if text else None


def load_scorecard(
    connection: Connection, web: WebContext, period: str | None, category: str | None,
    anonymous: bool, language: str, today: dt.date, *, with_logo: bool = False,
) -> ScorecardDocument:  # fmt: skip
    """The scorecard the page or a file shows; a file (``with_logo``) carries the
    organization's logo in its header."""
    return scorecard_document(
        connection, web.registry, parse_period_query(period, today), today,
        organization=web.settings.organization, statuses=scorecard_statuses(anonymous),
        category=parse_category_query(category), language=language,
        logo=read_logo(web.settings.logo) if with_logo else None,
    )  # fmt: skip


def page_context(document: ScorecardDocument) -> dict[str, Any]:
    """What the page shows, in the document's language (its words, parts, evidence)."""
    language = document.language
    return {
        "doc": document,
        "title": title(document),
        "as_of": as_of_line(document),
        "method": method_paragraphs(document),
        "meanings": mark_meanings(document),
        "coverage": coverage_paragraphs(document),
        "parts": list(category_parts(document)),
        "columns": columns(document),
        "evidence": list(evidence(document)),
        "events_heading": word(
            "events_in", language, period=period_label(document.period, language)
        ),
        "w": lambda key, **values: word(key, language, **values),
        "table_row": table_row,
        "anchor": anchor,
        "step_text": step_text,
        "categories": CATEGORIES,
        "downloads": DOWNLOADS,
    }


def scorecard_renderer(format_name: str) -> Renderer:
    """The scorecard's renderer for a format; any other name is 'not found'."""
    try:
        return get_renderer(format_name, DocumentKind.SCORECARD)
    except UserError as error:
        raise NotFound(str(error)) from None


def download(document: ScorecardDocument, format_name: str) -> Response:
    """The scorecard as a file: 'scorecard-2023.pdf'."""
    renderer = scorecard_renderer(format_name)
    parts = ["scorecard", str(document.period), *([document.category] if document.category else [])]
    name = renderer.filename("-".join(parts))
    return Response(
        renderer.render(document),
        media_type=renderer.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )
