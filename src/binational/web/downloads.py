"""Rendering a quarter's report for download or preview. The quarter is validated
by ``Quarter.parse`` and the format looked up with ``get_renderer``; the file name
is made from those, never taken from the request."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi.responses import Response
from sqlalchemy.orm import Session

from binational.config import Settings
from binational.domain import Quarter
from binational.publish.formats import Renderer, get_renderer
from binational.publish.quarterly import quarterly_document, report_stem
from binational.web.errors import NotFound
from binational.web.security_headers import PREVIEW_POLICY


@dataclass(frozen=True)
class ReportFile:
    quarter: Quarter
    renderer: Renderer

    @property
    def filename(self) -> str:
        return self.renderer.filename(report_stem(self.quarter))


def parse_report_name(quarter_text: str, format_name: str) -> ReportFile:
    """('2023Q2', 'pdf') → the report file; anything else is 'not found'."""
    try:
        quarter = Quarter.parse(quarter_text)
    except ValueError as error:
        raise NotFound(str(error)) from None
    return ReportFile(quarter, get_renderer(format_name))


def report_bytes(session: Session, file: ReportFile, settings: Settings) -> bytes:
    return file.renderer.render(quarterly_document(session, file.quarter, settings))


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
