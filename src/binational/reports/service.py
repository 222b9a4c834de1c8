"""A period's report from the database, and its files written.

A report longer than a quarter opens with an overview (``overview.py``), which reads
each institution's linked events and the data's coverage too, and the registry
(passed in, or the bundled one).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from binational.config import Settings
from binational.domain import Period
from binational.errors import UserError
from binational.publish.document import ReportDocument
from binational.publish.formats import DocumentKind, Renderer, get_renderer
from binational.publish.logo import read_logo
from binational.publish.overview import Overview
from binational.registry.loader import Registry, load_registry
from binational.reports.document import ReportStyle, build_document
from binational.reports.ordering import order_lines
from binational.reports.overview import build_overview, needs_overview
from binational.store.institution_activity import institution_activity
from binational.store.reports import ReportLine, load_report_lines, reportable_months


def report_style(settings: Settings) -> ReportStyle:
    """The organization's words and logo around a report; one sentence when the
    ``logo`` setting names a file that is not a usable image."""
    return ReportStyle(
        organization=settings.organization,
        intro=settings.report_intro,
        title_prefix=settings.report_title,
        logo=read_logo(settings.logo),
    )


def report_overview(
    session: Session, lines: Sequence[ReportLine], period: Period, registry: Registry,
    today: dt.date,
) -> Overview:  # fmt: skip
    """The overview of a report longer than a quarter, as of its last day (today while
    it runs)."""
    months = sorted((year, month) for year, month, _ in reportable_months(session))
    coverage_start = dt.date(*months[0], 1) if months else period.start
    return build_overview(
        order_lines(lines), period, registry.institutions, institution_activity(session),
        min(period.end, today), coverage_start,
    )  # fmt: skip


def report_document(
    session: Session, period: Period, settings: Settings, *, registry: Registry | None = None,
    today: dt.date | None = None,
) -> ReportDocument:  # fmt: skip
    """The period's report; one sentence when it would be empty. A period longer than
    a quarter opens with its overview, read with ``registry`` (the bundled one when
    None) as of ``today`` (the period's last day when None: pass today for a period
    still running, or its lapses are counted to its end)."""
    lines = load_report_lines(session, period)
    overview = None
    if needs_overview(period) and any(not line.excluded for line in lines):
        overview = report_overview(
            session, lines, period, registry or load_registry(), today or period.end
        )
    document = build_document(lines, period, report_style(settings), overview=overview)
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


def write_rendered(
    document: Any, renderers: Sequence[Renderer], stem: str, out_dir: Path
) -> list[Path]:
    """Render ``document`` with each renderer into ``out_dir/stem.ext``; the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for renderer in renderers:
        path = out_dir / renderer.filename(stem)
        write_atomically(path, renderer.render(document))
        paths.append(path)
    return paths


def write_report(document: ReportDocument, formats: Sequence[str], out_dir: Path) -> list[Path]:
    """Render ``document`` in each format into ``out_dir``; returns the paths."""
    renderers = [get_renderer(name, DocumentKind.REPORT) for name in formats]  # refuse first
    return write_rendered(document, renderers, report_stem(document.period), out_dir)
