"""``binational scorecard``: how each institution of the registry is doing over a
period (status, events, last activity, intervals, continuity mark, trend), as a table,
as JSON, or as files in md, html, pdf and docx."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from binational.cli.options import DbOption, JsonOption, open_database, parse_period, settings_for
from binational.cli.output import make_console, print_json
from binational.errors import UserError

LANGUAGES = ("en", "es")


def scorecard_stem(period: str, category: str | None, language: str) -> str:
    """'scorecard-2023', 'scorecard-2023-dialogue_mechanism-es'."""
    parts = ["scorecard", period, *([category] if category else []),
             *([language] if language != "en" else [])]  # fmt: skip
    return "-".join(parts)


def parse_day(text: str | None):  # -> datetime.date
    import datetime as dt

    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(f"--as-of {text!r} is not a day; write YYYY-MM-DD") from None


def scorecard_command(
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="Period to score: 2023Q2, 2023, 2023-05 or 2022-06..2022-10 "
            "(default: the twelve months up to this one).",
            show_default=False,
        ),
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            "--category",
            "-c",
            help="Only this category: agreement, organization, dialogue_mechanism, program.",
            show_default=False,
        ),
    ] = None,
    formats: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="Write files: comma-separated md,html,pdf,docx.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory to write into.")] = Path(
        "out"
    ),
    language: Annotated[
        str, typer.Option("--language", help="The document's language: en or es.")
    ] = "en",
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Score as if today were this day, YYYY-MM-DD (default: today).",
            show_default=False,
        ),
    ] = None,
    registry_dir: Annotated[
        Path | None,
        typer.Option(
            "--registry",
            help="A directory of registry YAML files instead of the bundled one.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Score each institution's continuity over a period from its linked events and the
    registry's status history; every mark comes with its reason and evidence."""
    from binational.publish.formats import DocumentKind, get_renderer
    from binational.publish.logo import read_logo
    from binational.registry.loader import load_registry
    from binational.reports.service import write_rendered
    from binational.scorecard.records import scorecard_record
    from binational.scorecard.service import check_category, default_period, scorecard_document

    if language not in LANGUAGES:
        raise UserError(f"--language {language!r} is not one of {', '.join(LANGUAGES)}")
    today = parse_day(as_of)
    chosen = parse_period(period) if period else default_period(today)
    check_category(category)
    renderers = []
    if formats is not None:
        names = [name.strip().lower() for name in formats.split(",") if name.strip()]
        if not names:
            raise UserError("--format names no format; use e.g. --format html,pdf")
        renderers = [get_renderer(name, DocumentKind.SCORECARD) for name in names]
        if out.exists() and not out.is_dir():
            raise UserError(f"{out} exists and is not a directory")
    registry = load_registry(registry_dir)
    settings = settings_for(db)
    database = open_database(settings)
    try:
        with database.connect() as connection:
            document = scorecard_document(
                connection, registry, chosen, today, organization=settings.organization,
                category=category, language=language,
                logo=read_logo(settings.logo) if renderers else None,
            )  # fmt: skip
    finally:
        database.close()
    stem = scorecard_stem(str(chosen), category, language)
    paths = write_rendered(document, renderers, stem, out) if renderers else []
    if json_output:
        record = scorecard_record(document)
        if renderers:
            record["files"] = [str(path) for path in paths]
        print_json(record)
        return
    print_table(document, paths)


def print_table(document, paths) -> None:  # (ScorecardDocument, list[Path])
    from rich.table import Table

    from binational.publish.scorecard_rows import columns, summary_line, table_row, title

    # The slug stands for the name (the files and --json carry the names).
    table = Table("slug", *columns(document)[1:], title=title(document))
    for row in document.rows:
        table.add_row(row.slug, *table_row(row, document)[1:])
    console = make_console()
    console.print(table)
    console.print(summary_line(document))
    for path in paths:
        console.print(f"  {path}")
