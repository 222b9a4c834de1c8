"""Opening a database: URL resolution, engine, sessions and migrations, and the
transaction every writer uses.

``Database.open(target)`` is the one way in. ``target`` is a file path (SQLite) or a
SQLAlchemy URL (``postgresql+psycopg://...``); the schema is brought to the latest
Alembic revision on open, so a fresh path just works.

SQLite lets one connection write at a time. ``Database.transaction()`` takes the
write lock when it begins (``BEGIN IMMEDIATE``), before the block reads anything, so
a writer never fails halfway because another got there first; while another holds
the lock it waits up to ``lock_wait`` seconds, retried with backoff by SQLite's own
busy handler (sleeps of 1 ms growing to 100 ms: the library's retry loop, not one of
ours), and then raises ``DatabaseBusy`` (an ``errors.Busy``), one sentence the CLI
prints and the web turns into 503 with Retry-After. Reads never wait for writers (WAL).
On PostgreSQL, which locks rows, ``lock_timeout`` bounds a writer's wait the same way.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, String, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from binational.errors import Busy, UserError
from binational.store.cached_reader import CachedReader, CompiledStatements
from binational.store.schema_version import SCHEMA_HEADS as SCHEMA_HEADS  # re-exported
from binational.store.schema_version import is_current_schema

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from binational.store.cached_reader import Readable

MIGRATIONS = Path(__file__).parent / "migrations"
# The revisions Alembic's version table records (run by name, ``schema_version.py``).
STORED_VERSIONS = text("SELECT version_num FROM alembic_version").columns(
    version_num=String(32)
)
SQLITE_HEADER = b"SQLite format 3\x00"
# A URL naming PostgreSQL without a driver means the one installed (psycopg 3).
DRIVERLESS = ("postgresql://", "postgres://")
SCHEMES = ("sqlite", "postgresql+psycopg")
DEFAULT_LOCK_WAIT = 5.0


class DatabaseBusy(Busy):
    """Another connection held SQLite's write lock for longer than ``lock_wait``."""

    def __init__(self, waited: float) -> None:
        super().__init__(
            f"the database is busy with another change (an import or an ingest run, say) "
            f"and stayed locked for {waited:g} s; nothing was changed, try again in a moment",
            retry_after=max(1, math.ceil(waited)),
        )
        self.waited = waited


def shown_url(target: str) -> str:
    """A database path or URL as it can be printed (no password)."""
    if "://" not in target:
        return target
    try:
        return make_url(target).render_as_string(hide_password=True)
    except ArgumentError:
        return target.split("://", 1)[0] + "://…"


def database_url(target: str) -> str:
    """A SQLAlchemy URL for a path or URL given by the user."""
    if target.startswith(DRIVERLESS):
        target = "postgresql+psycopg://" + target.split("://", 1)[1]
    if "://" in target:
        try:
            url = make_url(target)
        except ArgumentError:
            raise UserError(f"{shown_url(target)!r} is not a database URL or file path") from None
        if url.drivername not in SCHEMES:
            raise UserError(
                f"{url.drivername!r} in {shown_url(target)!r} is not a database this program "
                "opens; give a file path, sqlite:///PATH or postgresql+psycopg://…"
            )
        return target
    path = Path(target).expanduser()
    if path.is_dir():
        raise UserError(f"{target} is a directory; give a database file path or a URL")
    return f"sqlite:///{path.resolve()}"


def check_sqlite_file(path: Path, target: str) -> None:
    """Refuse a file that exists and is not a SQLite database (an empty file is a new
    database to SQLite)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as error:
        raise UserError(f"cannot open the database {target}: {error.strerror}") from None
    if header and header != SQLITE_HEADER:
        raise UserError(
            f"{target} is not a SQLite database; give the database file (setting db, --db "
            "or BINATIONAL_DB), a new file name, or a postgresql+psycopg:// URL"
        )


def _sqlite_pragmas(dbapi_connection, _record, lock_wait: float) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={int(lock_wait * 1000)}")
    cursor.close()


def make_engine(url: str, lock_wait: float = DEFAULT_LOCK_WAIT) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, future=True)
        event.listen(engine, "connect", partial(_sqlite_pragmas, lock_wait=lock_wait))
        return engine
    # PostgreSQL locks rows, not the file: a statement waiting for a row another
    # transaction holds gives up after lock_wait as well (0 would mean never).
    options = f"-c lock_timeout={max(1, int(lock_wait * 1000))}"
    return create_engine(url, future=True, pool_pre_ping=True, connect_args={"options": options})


LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's SQLSTATE when lock_timeout ran out


def is_locked(error: DatabaseError) -> bool:
    """Whether the database refused for want of a lock: SQLite's SQLITE_BUSY or
    SQLITE_LOCKED, PostgreSQL's lock_timeout."""
    if getattr(error.orig, "sqlstate", None) == LOCK_NOT_AVAILABLE:
        return True
    reason = str(error.orig)
    return "database is locked" in reason or "database table is locked" in reason


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
        return frozenset(connection.scalars(STORED_VERSIONS))


def script_heads(engine: Engine) -> frozenset[str]:
    """The heads Alembic reads from the migration scripts (slow: imports Alembic)."""
    from alembic.script import ScriptDirectory

    return frozenset(ScriptDirectory.from_config(alembic_config(engine)).get_heads())


def is_current(engine: Engine) -> bool:
    return is_current_schema(stored_heads(engine))


@dataclass(frozen=True)
class Database:
    """An engine and its session factory, made once per process and passed along."""

    engine: Engine
    lock_wait: float = DEFAULT_LOCK_WAIT

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        """The ORM's session factory, made on first use: the ORM is imported only by
        the work that needs it (reads on ``connect()`` do without it)."""
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @classmethod
    def open(
        cls, target: str, migrate: bool = True, lock_wait: float = DEFAULT_LOCK_WAIT
    ) -> Database:
        url = database_url(target)
        if url.startswith("sqlite:///"):
            path = Path(url.removeprefix("sqlite:///"))
            check_sqlite_file(path, target)
            if migrate:
                path.parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(url, lock_wait)
        try:
            if migrate and not is_current(engine):
                upgrade(engine)
        except DatabaseError as error:
            engine.dispose()
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise UserError(f"cannot open the database {shown_url(target)}: {reason}") from None
        return cls(engine, lock_wait)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end, or rolled back on error.

        On SQLite it holds the write lock from its first statement (``BEGIN
        IMMEDIATE``), waiting up to ``lock_wait`` for it; on PostgreSQL a statement
        waits up to ``lock_wait`` for a row another transaction holds.
        ``DatabaseBusy`` if the wait ran out, with nothing changed."""
        try:
            with self.sessions.begin() as session:
                if self.dialect == "sqlite":
                    session.connection().exec_driver_sql("BEGIN IMMEDIATE")
                yield session
        except OperationalError as error:
            if is_locked(error):
                raise DatabaseBusy(self.lock_wait) from None
            raise

    def connect(self) -> Connection:
        """A plain connection for reads that need no ORM (``store/event_reads.py``)."""
        return self.engine.connect()

    @cached_property
    def _compiled(self) -> CompiledStatements:
        return CompiledStatements()

    def reader(self, connection: Connection) -> Readable:
        """What the store's named reads should run on for ``connection``: on SQLite, its
        own ``sqlite3`` connection (a ``CachedReader`` of it); elsewhere the
        connection itself."""
        if self.dialect == "sqlite":
            return CachedReader(connection.connection.driver_connection, self._compiled)
        return connection

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def close(self) -> None:
        self.engine.dispose()
