"""``binational import`` (past reports in) and ``binational report`` (a report out)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from binational.cli.options import DbOption, JsonOption, open_database, parse_period, settings_for
from binational.cli.output import make_console, print_json
from binational.errors import UserError

DEFAULT_FORMATS = "md,txt,html,pdf,docx"


def import_command(
    paths: Annotated[
        list[Path], typer.Argument(help="Report files: .txt, .md, .html, .docx or .pdf.")
    ],
    layout: Annotated[
        str | None,
        typer.Option(
            "--layout",
            help="Read the files in this layout (seed2023 or newsletter2022) instead of "
            "recognizing it.",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Parse and show what would be imported; write nothing."),
    ] = False,
    no_link: Annotated[
        bool, typer.Option("--no-link", help="Do not link events to the institutions registry.")
    ] = False,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Import past reports (any period, either layout): each item becomes a published
    event."""
    from binational.intake.importer import import_reports

    settings = settings_for(db)
    database = open_database(settings)
    annotator = None
    if not no_link and not dry_run:
        from binational.registry.annotate import registry_annotator

        annotator = registry_annotator()
    outcomes = import_reports(database, paths, annotator=annotator, dry_run=dry_run, layout=layout)
    if json_output:
        print_json([outcome.record() for outcome in outcomes])
        return
    console = make_console()
    errors = make_console(stderr=True)
    for outcome in outcomes:
        verb = {"imported": "imported", "unchanged": "already imported, nothing changed",
                "dry-run": "would import"}[outcome.status]  # fmt: skip
        console.print(
            f"{outcome.file}: {outcome.period} ({outcome.layout}, {outcome.format}), "
            f"{outcome.items} items, {verb}"
        )
        for warning in outcome.warnings:
            errors.print(f"warning: {outcome.file}: {warning}")


def report_command(
    period: Annotated[
        str, typer.Argument(help="Period to publish: 2023Q2, 2023, 2023-05 or 2022-06..2022-10.")
    ],
    formats: Annotated[
        str, typer.Option("--format", "-f", help="Comma-separated: md,txt,html,pdf,docx.")
    ] = DEFAULT_FORMATS,
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory to write into.")] = Path(
        "out"
    ),
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Publish a period's report from the database in one or more formats."""
    from binational.publish.formats import get_renderer
    from binational.reports.service import report_document, write_report

    chosen = parse_period(period)
    names = [name.strip().lower() for name in formats.split(",") if name.strip()]
    if not names:
        raise UserError("--format names no format; use e.g. --format md,pdf")
    for name in names:
        get_renderer(name)
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} exists and is not a directory")
    import datetime as dt

    from binational.registry.loader import load_registry

    settings = settings_for(db)
    database = open_database(settings)
    with database.sessions() as session:
        document = report_document(
            session, chosen, settings, registry=load_registry(), today=dt.date.today()
        )
    paths = write_report(document, names, out)
    if json_output:
        print_json({"period": str(chosen), "items": len(document.entries),
                    "files": [str(path) for path in paths]})  # fmt: skip
        return
    console = make_console()
    console.print(f"Report {chosen}: {len(document.entries)} items")
    for path in paths:
        console.print(f"  {path}")
