"""Importing past reports into the database.

Every file is read, extracted and parsed before anything is written; then all of them
are written in one transaction. A file that is not a report refuses the whole import
with one sentence, and the database is left as it was. Importing a file already
imported (same content) changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from binational.domain import Period
from binational.errors import UserError
from binational.intake.formats import extract_lines, format_of
from binational.intake.layouts import check_layout, parse_layout
from binational.intake.parsed import ParsedItem, ParsedReport, ReportFormatError
from binational.registry.annotate import Annotator
from binational.store.database import Database
from binational.store.links import annotate_event
from binational.store.reports import NewReportItem, find_report, save_report

# Larger files are refused before they are read: the center's reports are a few
# hundred kilobytes as text and a few megabytes as PDF or Word files.
MAX_REPORT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ReportFile:
    path: Path
    sha256: str
    parsed: ParsedReport
    format: str


@dataclass(frozen=True)
class ImportOutcome:
    file: str
    period: str
    status: str  # imported | unchanged | dry-run
    items: int
    warnings: tuple[str, ...] = ()
    event_ids: tuple[int, ...] = field(default=())
    layout: str = ""
    format: str = ""
    quarter: str | None = None  # the period when it is a quarter

    def record(self) -> dict:
        return {
            "file": self.file,
            "period": self.period,
            "quarter": self.quarter,
            "layout": self.layout,
            "format": self.format,
            "status": self.status,
            "items": self.items,
            "warnings": list(self.warnings),
            "event_ids": list(self.event_ids),
        }


def report_item(item: ParsedItem, period: Period, source_name: str) -> NewReportItem:
    """A parsed item as the store keeps it (its provenance: the file and number)."""
    date, date_source = item.stored_date(period)
    return NewReportItem(
        title=item.title, date=date, date_source=date_source,
        summary="\n".join(item.summary), implications="\n".join(item.implications),
        context="\n".join(item.context), url=item.url, link_text=item.link_text,
        truncated=item.truncated, printed_number=item.number,
        month_section=item.month_section, origin_ref=f"{source_name}#{item.number}",
    )  # fmt: skip


def read_report_bytes(
    data: bytes, name: str, suffix: str, layout: str | None = None
) -> ParsedReport:
    """Extract and parse a report file's bytes (pure: no database)."""
    return parse_layout(extract_lines(data, name, suffix), name, layout)


def read_report_file(
    path: Path, layout: str | None = None, max_bytes: int = MAX_REPORT_BYTES
) -> ReportFile:
    """Read and parse one file; ``UserError`` naming the file when it is not a report."""
    name = str(path)
    if not path.exists():
        raise UserError(f"{name} does not exist")
    if path.is_dir():
        raise UserError(f"{name} is a directory; give the report's file")
    kind = format_of(path.suffix, name)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UserError(
                f"{name} is {size / 2**20:.0f} MB; binational imports report files of up to "
                f"{max_bytes / 2**20:.0f} MB"
            )
        data = path.read_bytes()
    except OSError as error:
        raise UserError(f"{name} cannot be read: {error.strerror}") from None
    parsed = read_report_bytes(data, name, path.suffix, layout)
    return ReportFile(path, hashlib.sha256(data).hexdigest(), parsed, kind)


def _outcome(report_file: ReportFile, status: str, **fields) -> ImportOutcome:
    period = report_file.parsed.period
    quarter = period.quarter
    return ImportOutcome(
        file=report_file.path.name,
        period=str(period),
        status=status,
        items=fields.pop("items", len(report_file.parsed.items)),
        layout=report_file.parsed.layout,
        format=report_file.format,
        quarter=str(quarter) if quarter else None,
        **fields,
    )


def import_reports(
    db: Database,
    paths: Sequence[Path],
    annotator: Annotator | None = None,
    dry_run: bool = False,
    layout: str | None = None,
    max_bytes: int = MAX_REPORT_BYTES,
) -> list[ImportOutcome]:
    """Import report files (any of .txt, .md, .html, .docx, .pdf), all or none."""
    check_layout(layout)
    files = [read_report_file(path, layout, max_bytes) for path in paths]
    seen: dict[str, Path] = {}
    for report_file in files:
        period = str(report_file.parsed.period)
        if period in seen and seen[period] != report_file.path:
            raise UserError(
                f"{report_file.path} and {seen[period]} are both reports for {period}; "
                "import one of them"
            )
        seen[period] = report_file.path

    outcomes: list[ImportOutcome] = []
    with db.transaction() as session:
        for report_file in files:
            parsed = report_file.parsed
            existing = find_report(session, parsed.period)
            if existing is not None:
                if existing.source_sha256 != report_file.sha256:
                    raise ReportFormatError(
                        f"{report_file.path}: the {parsed.period} report is already in the "
                        f"database (imported from {existing.source_name}) with other content"
                    )
                outcomes.append(_outcome(report_file, "unchanged"))
                continue
            if dry_run:
                outcomes.append(_outcome(report_file, "dry-run", warnings=parsed.warnings))
                continue
            name = report_file.path.name
            items = [report_item(item, parsed.period, name) for item in parsed.items]
            _, events = save_report(
                session, parsed.period, parsed.header, parsed.intro, items, name,
                report_file.sha256,
            )  # fmt: skip
            if annotator is not None:
                for event in events:
                    annotate_event(event, annotator)
            session.flush()
            outcomes.append(
                _outcome(
                    report_file,
                    "imported",
                    items=len(events),
                    warnings=parsed.warnings,
                    event_ids=tuple(event.id for event in events),
                )
            )
    return outcomes
