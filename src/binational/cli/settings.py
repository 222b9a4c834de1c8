"""``binational settings``: the settings in effect, or the docs table."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from binational.cli.options import DbOption, JsonOption, settings_for
from binational.cli.output import print_json


def settings_command(
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print the settings reference (docs/settings.md).")
    ] = False,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Show the settings in effect and where each can be set."""
    from binational.config import SETTINGS, settings_markdown

    if markdown:
        typer.echo(settings_markdown(), nl=False)
        return
    values = asdict(settings_for(db))
    for secret in ("secret_key", "llm_api_key"):
        if values.get(secret):
            values[secret] = "(set)"
    if json_output:
        print_json(values)
        return
    from binational.cli.table import print_table

    print_table(
        ("setting", "value", "environment"),
        [(setting.name, values[setting.name], setting.env) for setting in SETTINGS],
        wrapped=(1,),
    )
