"""Opening a database: URL resolution, engine, sessions and migrations.

``Database.open(target)`` is the one way in. ``target`` is a file path (SQLite) or a
SQLAlchemy URL (``postgresql+psycopg://...``); the schema is brought to the latest
Alembic revision on open, so a fresh path just works.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from binational.errors import UserError

MIGRATIONS = Path(__file__).parent / "migrations"
# The heads of the migration scripts. Opening a database compares these with its
# version table, so a current schema is recognized without importing Alembic or
# reading the scripts (half a second of every command's start); a test holds this
# set equal to the heads Alembic reads from the scripts.
SCHEMA_HEADS = frozenset({"0003_web", "0004_event_context", "0008_citations"})


def database_url(target: str) -> str:
    """A SQLAlchemy URL for a path or URL given by the user."""
    if "://" in target:
        try:
            make_url(target)
        except ArgumentError:
            raise UserError(f"{target!r} is not a database URL or file path") from None
        return target
    path = Path(target).expanduser()
    if path.is_dir():
        raise UserError(f"{target} is a directory; give a database file path or a URL")
    return f"sqlite:///{path.resolve()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    engine = create_engine(url, future=True, pool_pre_ping=not url.startswith("sqlite"))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(engine: Engine):  # -> alembic.config.Config
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "heads") -> None:
    """Migrate to ``revision``; by default every head, so that independent branches
    (one per part of the app) need no merge revision."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def stored_heads(engine: Engine) -> frozenset[str]:
    """The revisions the database's version table records (empty for a new database)."""
    if not inspect(engine).has_table("alembic_version"):
        return frozenset()
    with engine.connect() as connection:
        return frozenset(connection.scalars(text("SELECT version_num FROM alembic_version")))


def script_heads(engine: Engine) -> frozenset[str]:
    """The heads Alembic reads from the migration scripts (slow: imports Alembic)."""
    from alembic.script import ScriptDirectory

    return frozenset(ScriptDirectory.from_config(alembic_config(engine)).get_heads())


def is_current(engine: Engine) -> bool:
    return stored_heads(engine) == SCHEMA_HEADS


@dataclass(frozen=True)
class Database:
    """An engine and its session factory, made once per process and passed along."""

    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @classmethod
    def open(cls, target: str, migrate: bool = True) -> Database:
        url = database_url(target)
        if url.startswith("sqlite:///") and migrate:
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(url)
        try:
            if migrate and not is_current(engine):
                upgrade(engine)
        except OperationalError as error:
            engine.dispose()
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise UserError(f"cannot open the database {target}: {reason}") from None
        return cls(engine, sessionmaker(engine, expire_on_commit=False))

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end, or rolled back on error."""
        with self.sessions.begin() as session:
            yield session

    def connect(self) -> Connection:
        """A plain connection for reads that need no ORM (``store/event_reads.py``)."""
        return self.engine.connect()

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def close(self) -> None:
        self.engine.dispose()
