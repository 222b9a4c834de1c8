"""A consistent copy of the database while it is in use, and putting one back.

SQLite: the online backup API (``sqlite3.Connection.backup``) copies every page in
one step under a read transaction, so the copy is the database as of one commit
even while writers go on (they are not blocked: WAL). A plain file copy of a WAL
database can miss commits still in the ``-wal`` file, or catch a page mid-write.

PostgreSQL: ``pg_dump --format=custom`` (one repeatable-read transaction, so one
moment too) and ``pg_restore``. The password goes to them in ``PGPASSWORD``, never
on their command line, where any user of the machine could read it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from binational.errors import UserError
from binational.store.database import database_url, shown_url

SQLITE_FILE = "database.sqlite"
POSTGRES_FILE = "database.dump"


def dialect_of(target: str) -> str:
    """'sqlite' or 'postgresql' for a database path or URL."""
    return make_url(database_url(target)).get_backend_name()


def sqlite_path(target: str) -> Path:
    return Path(make_url(database_url(target)).database or "")


def check_sqlite(path: Path) -> None:
    """One sentence unless the file is a sound SQLite database."""
    connection = sqlite3.connect(path)
    try:
        verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise UserError(f"{path} is not a sound SQLite database: {error}") from None
    finally:
        connection.close()
    if verdict != "ok":
        raise UserError(f"{path} is damaged: {verdict}")


def snapshot_sqlite(source: Path, destination: Path) -> None:
    """Copy a live SQLite database with the online backup API, then check the copy.
    The copy is one self-contained file (rollback journal, not WAL)."""
    if not source.is_file():
        raise UserError(f"there is no database at {source} to back up")
    reader = sqlite3.connect(source, timeout=30)
    writer = sqlite3.connect(destination)
    try:
        reader.backup(writer)  # every page in one step: one consistent moment
        writer.execute("PRAGMA journal_mode=DELETE")
    finally:
        writer.close()
        reader.close()
    check_sqlite(destination)


def restore_sqlite(snapshot: Path, target: Path) -> None:
    """Put a snapshot at ``target``: checked, copied beside it, then renamed over it
    (with the old ``-wal`` and ``-shm`` files gone), so the target is never half
    written."""
    check_sqlite(snapshot)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".restoring")
    shutil.copyfile(snapshot, temporary)
    with open(temporary, "rb+") as handle:
        os.fsync(handle.fileno())
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    temporary.replace(target)


def libpq_arguments(target: str) -> tuple[list[str], dict[str, str]]:
    """Connection options for pg_dump and pg_restore, and their environment (with
    the password), from a SQLAlchemy URL."""
    url: URL = make_url(database_url(target))
    arguments = ["--dbname", url.database or ""]
    if url.host:
        arguments += ["--host", url.host]
    if url.port:
        arguments += ["--port", str(url.port)]
    if url.username:
        arguments += ["--username", url.username]
    environment = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if url.password is not None:
        environment["PGPASSWORD"] = str(url.password)
    return arguments, environment


def _run_tool(tool: str, arguments: list[str], environment: dict[str, str], target: str) -> None:
    if shutil.which(tool) is None:
        raise UserError(
            f"{tool} is not installed; install PostgreSQL's client tools "
            "(Debian: apt-get install postgresql-client) of the server's version"
        )
    result = subprocess.run(
        [tool, *arguments], env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        reason = lines[0].removeprefix(f"{tool}: ").strip() if lines else "it failed"
        raise UserError(f"{tool} could not work on {shown_url(target)}: {reason}")


def snapshot_postgres(target: str, destination: Path) -> None:
    connection, environment = libpq_arguments(target)
    arguments = [*connection, "--format=custom", "--no-owner", "--file", str(destination)]
    _run_tool("pg_dump", arguments, environment, target)


def restore_postgres(snapshot: Path, target: str, replace: bool) -> None:
    """Restore a pg_dump archive into the target database; ``replace`` drops what is
    there first (``--clean``). All of it in one transaction."""
    connection, environment = libpq_arguments(target)
    arguments = [*connection, "--no-owner", "--single-transaction", "--exit-on-error"]
    if replace:
        arguments += ["--clean", "--if-exists"]
    _run_tool("pg_restore", [*arguments, str(snapshot)], environment, target)
