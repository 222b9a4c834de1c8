"""Importing past reports into the database.

Every file is read and parsed before anything is written; then all of them are
written in one transaction. A file that is not a report refuses the whole import
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
from binational.intake.cbi_text import (
    ParsedItem,
    ParsedReport,
    ReportFormatError,
    decode_report_bytes,
    parse_report,
)
from binational.registry.annotate import Annotator
from binational.store.database import Database
from binational.store.links import annotate_event
from binational.store.reports import NewReportItem, find_report, save_report


@dataclass(frozen=True)
class ReportFile:
    path: Path
    sha256: str
    parsed: ParsedReport


@dataclass(frozen=True)
class ImportOutcome:
    file: str
    quarter: str
    status: str  # imported | unchanged | dry-run
    items: int
    warnings: tuple[str, ...] = ()
    event_ids: tuple[int, ...] = field(default=())

    def record(self) -> dict:
        return {
            "file": self.file,
            "quarter": self.quarter,
            "status": self.status,
            "items": self.items,
            "warnings": list(self.warnings),
            "event_ids": list(self.event_ids),
        }


def report_item(item: ParsedItem, source_name: str) -> NewReportItem:
    """A parsed item as the store keeps it (its provenance: the file and number)."""
    return NewReportItem(
        title=item.title, date=item.date, date_source=item.date_source,
        summary="\n".join(item.summary), implications="\n".join(item.implications),
        url=item.url, link_text=item.link_text, truncated=item.truncated,
        printed_number=item.number, month_section=item.month_section,
        origin_ref=f"{source_name}#{item.number}",
    )  # fmt: skip


def read_report_file(path: Path) -> ReportFile:
    """Read and parse one file; ``UserError`` naming the file when it is not a report."""
    name = str(path)
    if not path.exists():
        raise UserError(f"{name} does not exist")
    if path.is_dir():
        raise UserError(f"{name} is a directory; give the report's file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UserError(f"{name} cannot be read: {error.strerror}") from None
    text = decode_report_bytes(data, name)
    return ReportFile(path, hashlib.sha256(data).hexdigest(), parse_report(text, name))


def import_reports(
    db: Database,
    paths: Sequence[Path],
    annotator: Annotator | None = None,
    dry_run: bool = False,
) -> list[ImportOutcome]:
    files = [read_report_file(path) for path in paths]
    seen: dict[str, Path] = {}
    for report_file in files:
        quarter = str(report_file.parsed.quarter)
        if quarter in seen and seen[quarter] != report_file.path:
            raise UserError(
                f"{report_file.path} and {seen[quarter]} are both reports for {quarter}; "
                "import one of them"
            )
        seen[quarter] = report_file.path

    outcomes: list[ImportOutcome] = []
    with db.transaction() as session:
        for report_file in files:
            parsed = report_file.parsed
            name = report_file.path.name
            existing = find_report(session, Period.of_quarter(parsed.quarter))
            if existing is not None:
                if existing.source_sha256 != report_file.sha256:
                    raise ReportFormatError(
                        f"{report_file.path}: the {parsed.quarter} report is already in the "
                        f"database (imported from {existing.source_name}) with other content"
                    )
                outcomes.append(
                    ImportOutcome(name, str(parsed.quarter), "unchanged", len(parsed.items))
                )
                continue
            if dry_run:
                outcomes.append(
                    ImportOutcome(
                        name, str(parsed.quarter), "dry-run", len(parsed.items), parsed.warnings
                    )
                )
                continue
            _, events = save_report(
                session, Period.of_quarter(parsed.quarter), parsed.header, parsed.intro,
                [report_item(item, name) for item in parsed.items], name, report_file.sha256,
            )  # fmt: skip
            if annotator is not None:
                for event in events:
                    annotate_event(event, annotator)
            session.flush()
            outcomes.append(
                ImportOutcome(
                    name,
                    str(parsed.quarter),
                    "imported",
                    len(events),
                    parsed.warnings,
                    tuple(event.id for event in events),
                )  # fmt: skip
            )
    return outcomes
