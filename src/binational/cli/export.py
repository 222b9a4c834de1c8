"""``binational export``: open data of the published events and the registry."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from binational.cli.options import DbOption, JsonOption, open_database, parse_period, settings_for
from binational.cli.output import make_console, print_json

ALL_FORMATS = "csv,json,ndjson,csl-json,ris,sqlite"


def export_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory to write into.")],
    formats: Annotated[
        str, typer.Option("--format", "-f", help=f"Comma-separated: {ALL_FORMATS}.")
    ] = ALL_FORMATS,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="Only events of this period: 2023Q2, 2023, 2023-05.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Export the published events, the registry, their links and the events'
    sources as open data (with a Data Package and Datasette metadata)."""
    from binational.export.service import export_open_data, parse_formats
    from binational.registry.loader import load_registry

    chosen = parse_formats(formats)
    scope = parse_period(period) if period else None
    settings = settings_for(db)
    database = open_database(settings)
    paths = export_open_data(
        database, load_registry(), chosen, out, settings.organization, scope,
        settings.data_license,
    )  # fmt: skip
    if json_output:
        print_json({"out": str(out), "files": [str(path) for path in paths]})
        return
    console = make_console()
    console.print(f"Open data in {out}: {len(paths)} files")
    for path in paths:
        console.print(f"  {path}")
