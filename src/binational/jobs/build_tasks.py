"""The long jobs of the ``builds`` queue: a report file (the web app's downloads when
a queue is configured), the static site (``binational site build --queue``), the
re-check of archived citations (``binational archive check --queue``) and the draft
of an accepted candidate's event (``binational candidates accept --queue``)."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from binational.domain import Period
from binational.publish.formats import DocumentKind, get_renderer
from binational.reports.service import report_document, report_stem, write_rendered

BUILD_REPORT = "reports.build"
BUILD_SITE = "site.build"
CHECK_ARCHIVE = "archive.check"
DRAFT_EVENT = "drafting.draft"


def report_build_path(builds_dir: str | Path, period: str, format_name: str) -> Path:
    """Where the build of a period's report in a format is written."""
    renderer = get_renderer(format_name, DocumentKind.REPORT)
    return Path(builds_dir) / renderer.filename(report_stem(Period.parse(period)))


def build_report_file(database, settings, period: str, format_name: str) -> Path:
    """Render the period's report as of today into ``builds_dir``; its path."""
    renderer = get_renderer(format_name, DocumentKind.REPORT)
    chosen = Period.parse(period)
    with database.sessions() as session:
        document = report_document(session, chosen, settings, today=dt.date.today())
    [path] = write_rendered(document, [renderer], report_stem(chosen), Path(settings.builds_dir))
    return path


async def build_report(context, period: str, format: str) -> str:  # noqa: A002 - job argument
    resources = context.additional_context["resources"]
    path = await asyncio.to_thread(
        build_report_file, resources.database, resources.settings, period, format
    )
    return str(path)


async def check_archive(context, limit: int | None = None) -> str:
    from binational.site.citations import check_citations

    resources = context.additional_context["resources"]
    checks = await check_citations(resources.database, resources.settings, limit)
    return f"{len(checks)} checked"


async def build_site(
    context, out: str, languages: list[str], base_url: str | None = None, search: bool = True
) -> str:
    from binational.registry.loader import load_registry
    from binational.site.build import build_site as build

    resources = context.additional_context["resources"]
    summary = await asyncio.to_thread(
        build, resources.database, resources.settings, load_registry(), Path(out),
        tuple(languages), base_url, search,
    )  # fmt: skip
    return f"{summary.pages} pages, {len(summary.written)} files written"


def draft_and_keep(database, settings, drafter_parts, event_id: int) -> str:
    from binational.drafting.keep import Drafter, drafting_model

    registry, find = drafter_parts
    with drafting_model(settings) as model:
        drafter = Drafter(registry, find, model, settings.organization)
        outcome = drafter.draft_and_keep(database, event_id)
    return f"draft {outcome.draft.method}, {len(outcome.draft.warnings)} warnings"


async def draft_event(context, event_id: int) -> str:
    """Draft an accepted candidate's event (its summary and implications, with the
    model when one is set) and keep the draft."""
    resources = context.additional_context["resources"]
    parts = await asyncio.to_thread(resources.drafter_parts)
    return await asyncio.to_thread(
        draft_and_keep, resources.database, resources.settings, parts, event_id
    )
