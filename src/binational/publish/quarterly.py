"""The quarterly report from the database: load its lines, assemble, render."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from binational.config import Settings
from binational.domain import Period, Quarter
from binational.errors import UserError
from binational.publish.assemble import ReportStyle, build_document
from binational.publish.document import ReportDocument
from binational.store.reports import load_report_lines


def report_style(settings: Settings) -> ReportStyle:
    return ReportStyle(
        organization=settings.organization,
        intro=settings.report_intro,
        title_prefix=settings.report_title,
    )


def quarterly_document(session: Session, quarter: Quarter, settings: Settings) -> ReportDocument:
    document = build_document(
        load_report_lines(session, quarter), Period.of_quarter(quarter), report_style(settings)
    )
    if not document.entries:
        raise UserError(
            f"there are no reviewed or published events in {quarter}; import a report or "
            "review events first"
        )
    return document


def report_stem(quarter: Period | Quarter) -> str:
    """File name without extension: 'report-2023Q2'."""
    return f"report-{quarter}"


def write_report(document: ReportDocument, formats: Sequence[str], out_dir: Path) -> list[Path]:
    """Render ``document`` in each format into ``out_dir``; returns the paths.

    Each file is written to a temporary name and renamed, so a failure never leaves
    half a report behind."""
    from binational.publish.formats import get_renderer

    renderers = [get_renderer(name) for name in formats]  # refuse unknown ones first
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for renderer in renderers:
        path = out_dir / renderer.filename(report_stem(document.period))
        partial = path.with_name(path.name + ".partial")
        partial.write_bytes(renderer.render(document))
        partial.replace(path)
        paths.append(path)
    return paths
