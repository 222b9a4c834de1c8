"""``binational serve``: the analysts' web application (the only command that
imports ``binational.web``)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from binational.cli.options import DbOption, open_database, settings_for


def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1, max=64)] = 1,
    db: DbOption = None,
) -> None:
    """Serve the web application (pages, JSON API under /api, docs at /docs)."""
    import secrets

    import uvicorn

    # No access log: at the warning level uvicorn would not print its lines, yet it
    # would still work out each line's parts.
    settings = settings_for(db)
    database = open_database(settings)  # migrate once, before any worker starts
    typer.echo(f"binational: serving {settings.db} on http://{host}:{port}/", err=True)
    if workers == 1:
        from binational.web.app import create_app

        uvicorn.run(create_app(settings, database), host=host, port=port, log_level="warning",
                    access_log=False)  # fmt: skip
        return
    database.close()
    os.environ["BINATIONAL_DB"] = settings.db
    if not settings.secret_key:  # every worker must sign sessions with the same key
        os.environ["BINATIONAL_SECRET_KEY"] = secrets.token_urlsafe(32)
    uvicorn.run(
        "binational.web.server:app_from_environment", factory=True, host=host, port=port,
        workers=workers, log_level="warning", access_log=False,
    )  # fmt: skip
