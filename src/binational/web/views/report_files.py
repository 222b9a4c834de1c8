"""Rendering a period's report for download or preview. The period is validated
by ``Period.parse`` and the format looked up with ``get_renderer``; the file name
is made from those, never taken from the request."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fastapi.responses import Response
from sqlalchemy.orm import Session

from binational.config import Settings
from binational.domain import Period
from binational.publish.formats import Renderer, get_renderer
from binational.registry.loader import Registry
from binational.reports.service import report_document, report_stem
from binational.web.http.errors import NotFound
from binational.web.http.security_headers import PREVIEW_POLICY


@dataclass(frozen=True)
class ReportFile:
    period: Period
    renderer: Renderer

    @property
    def filename(self) -> str:
        return self.renderer.filename(report_stem(self.period))


def parse_period_path(text: str) -> Period:
    """A period from a URL path; anything that is not one is 'not found'."""
    try:
        return Period.parse(text)
    except ValueError as error:
        raise NotFound(str(error)) from None


def parse_report_name(period_text: str, format_name: str) -> ReportFile:
    """('2023Q2', 'pdf') → the report file; anything else is 'not found'."""
    return ReportFile(parse_period_path(period_text), get_renderer(format_name))


def report_bytes(
    session: Session, file: ReportFile, settings: Settings, registry: Registry | None = None
) -> bytes:
    """The file's bytes; a period longer than a quarter opens with its overview, read
    with ``registry`` (the app's) as of today."""
    document = report_document(
        session, file.period, settings, registry=registry, today=dt.date.today()
    )
    return file.renderer.render(document)


def download_response(body: bytes, file: ReportFile) -> Response:
    return Response(
        body,
        media_type=file.renderer.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{file.filename}"',
            "Cache-Control": "no-store",
        },
    )


def preview_response(body: bytes) -> Response:
    return Response(
        body,
        media_type="text/html; charset=utf-8",
        headers={
            "Content-Security-Policy": PREVIEW_POLICY,
            "X-Frame-Options": "SAMEORIGIN",
            "Cache-Control": "no-store",
        },
    )
