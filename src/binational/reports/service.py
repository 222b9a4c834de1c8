"""A period's report from the database, and its files written."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from binational.config import Settings
from binational.domain import Period
from binational.errors import UserError
from binational.publish.document import ReportDocument
from binational.publish.formats import get_renderer
from binational.reports.document import ReportStyle, build_document
from binational.store.reports import load_report_lines


def report_style(settings: Settings) -> ReportStyle:
    return ReportStyle(
        organization=settings.organization,
        intro=settings.report_intro,
        title_prefix=settings.report_title,
    )


def report_document(session: Session, period: Period, settings: Settings) -> ReportDocument:
    """The period's report; one sentence when it would be empty."""
    document = build_document(load_report_lines(session, period), period, report_style(settings))
    if not document.entries:
        raise UserError(
            f"there are no reviewed or published events in {period}; import a report or "
            "review events first"
        )
    return document


def report_stem(period: Period) -> str:
    """File name without extension: 'report-2023Q2', 'report-2022-06..2022-10'."""
    return f"report-{period}"


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary name beside ``path``, flush it to disk, then rename:
    a crash leaves the old file or the new one, never half of one."""
    partial = path.with_name(path.name + ".partial")
    with open(partial, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    partial.replace(path)


def write_report(document: ReportDocument, formats: Sequence[str], out_dir: Path) -> list[Path]:
    """Render ``document`` in each format into ``out_dir``; returns the paths."""
    renderers = [get_renderer(name) for name in formats]  # refuse unknown ones first
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for renderer in renderers:
        path = out_dir / renderer.filename(report_stem(document.period))
        write_atomically(path, renderer.render(document))
        paths.append(path)
    return paths
