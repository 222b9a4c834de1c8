"""``binational serve``: the analysts' web application (the only command that
imports ``binational.web``).

Uvicorn's own handling of X-Forwarded-* is off (it would believe them from
127.0.0.1 by default); the app believes them only from the ``trusted_proxies``
setting. Unexpected errors are logged to standard error with their error id
(logger ``binational``), next to uvicorn's own warnings.
"""

from __future__ import annotations

import copy
import os
from typing import Annotated, Any

import typer

from binational.cli.options import DbOption, open_database, settings_for


def log_config() -> dict[str, Any]:
    """Uvicorn's logging, plus the app's logger with a timestamp on every line."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["app"] = {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    config["handlers"]["app"] = {"formatter": "app", "class": "logging.StreamHandler",
                                 "stream": "ext://sys.stderr"}  # fmt: skip
    config["loggers"]["binational"] = {"handlers": ["app"], "level": "INFO", "propagate": False}
    return config


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
    from binational.store.database import shown_url

    typer.echo(f"binational: serving {shown_url(settings.db)} on http://{host}:{port}/", err=True)
    options: dict[str, Any] = dict(
        host=host, port=port, log_level="warning", access_log=False, proxy_headers=False,
        forwarded_allow_ips="", log_config=log_config(),
    )  # fmt: skip
    if workers == 1:
        from binational.web.app import create_app
        from binational.web.server import served

        uvicorn.run(served(create_app(settings, database)), **options)
        return
    database.close()
    os.environ["BINATIONAL_DB"] = settings.db
    if not settings.secret_key:  # every worker must sign sessions with the same key
        os.environ["BINATIONAL_SECRET_KEY"] = secrets.token_urlsafe(32)
    uvicorn.run(
        "binational.web.server:app_from_environment", factory=True, workers=workers, **options
    )
