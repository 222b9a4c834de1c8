"""Options shared by many commands, and opening the database they name."""

from __future__ import annotations

from typing import Annotated

import typer

from binational.config import Settings, load_settings
from binational.errors import UserError

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database file or SQLAlchemy URL (default: $BINATIONAL_DB or ./binational.db).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
PeriodOption = Annotated[
    str | None,
    typer.Option(
        "--period",
        "--quarter",
        help="Only this period: 2023Q2, 2023, 2023-05 or 2022-06..2022-10.",
        show_default=False,
    ),
]


def parse_period(text: str):  # -> binational.domain.Period
    """The period the user wrote, or one sentence naming the accepted forms."""
    from binational.domain import Period

    try:
        return Period.parse(text)
    except ValueError as error:
        raise UserError(str(error)) from None


def settings_for(db: str | None = None) -> Settings:
    """The settings in effect (``--db`` over the environment over the file); a wrong
    value is one sentence naming it (``config.SettingsError``, a ``UserError``)."""
    return load_settings(db=db)


def open_database(settings: Settings):  # -> binational.store.database.Database
    from binational.store.database import Database

    return Database.open(settings.db, lock_wait=settings.lock_wait)


def read_connection(settings: Settings):  # -> ContextManager[CachedReader | Connection]
    """A connection for a read command: on a SQLite file, without SQLAlchemy once the
    store's statements are compiled into the cache (``store/reading.py``)."""
    from binational.cache_files import default_cache_dir
    from binational.store.reading import read_connection as store_read_connection

    return store_read_connection(settings.db, settings.lock_wait, default_cache_dir())
