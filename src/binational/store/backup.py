"""Backups: the database and the WARC archive in one directory, with a manifest of
checksums, and restoring them.

A backup directory holds the database's snapshot (``snapshot.py``: SQLite's online
backup API, or ``pg_dump``), a copy of every file of the archive under ``archive/``,
and ``manifest.json``: what the backup is (dialect, schema revisions, when) and the
size and SHA-256 of every file. The manifest is written last, so a directory with a
manifest holds a whole backup; a restore checks every file against it before it
changes anything.

The database is copied before the archive: the archive only grows, and every record
a stored document points to was written (and synced) before the document was
committed, so the archive copied after the snapshot holds every record the snapshot
refers to.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy.exc import DatabaseError

from binational.errors import UserError
from binational.store import snapshot
from binational.store.database import Database, shown_url, stored_heads
from binational.store.sessions import delete_all_sessions

MANIFEST = "manifest.json"
ARCHIVE = "archive"
FORMAT = 1
CHUNK = 1 << 20


@dataclass(frozen=True)
class BackupFile:
    path: str  # relative to the backup directory, with /
    bytes: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    format: int
    created_at: str
    dialect: str
    database: str  # the snapshot's file
    schema: tuple[str, ...]  # the Alembic revisions of the snapshot
    files: tuple[BackupFile, ...]

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str, where: Path) -> Manifest:
        try:
            data = json.loads(text)
            files = tuple(BackupFile(**entry) for entry in data.pop("files"))
            manifest = cls(**{**data, "schema": tuple(data["schema"]), "files": files})
        except (ValueError, TypeError, KeyError, AttributeError):
            raise UserError(f"{where} is not a binational backup manifest") from None
        if manifest.format != FORMAT:
            raise UserError(f"{where} is a backup of format {manifest.format}; this version "
                            f"reads format {FORMAT}")  # fmt: skip
        return manifest


def copy_file(source: Path, destination: Path) -> tuple[int, str]:
    """Copy in chunks, synced; the bytes copied and their SHA-256 (of what was copied,
    so a file growing meanwhile is described as it was read)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with open(source, "rb") as reader, open(destination, "wb") as writer:
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
            writer.write(chunk)
            size += len(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    return size, digest.hexdigest()


def file_digest(path: Path) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as reader:
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)


def fresh_directory(directory: Path) -> None:
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise UserError(f"{directory} exists and is not empty; give a new directory for the backup")
    directory.mkdir(parents=True, exist_ok=True)


def archive_files(archive_dir: Path) -> list[Path]:
    if not archive_dir.is_dir():
        return []
    return sorted(path for path in archive_dir.rglob("*") if path.is_file())


def snapshot_schema(dialect: str, copy: Path, target: str) -> tuple[str, ...]:
    if dialect == "sqlite":
        connection = sqlite3.connect(copy)
        try:
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.OperationalError:
            rows = []
        finally:
            connection.close()
        return tuple(sorted(row[0] for row in rows))
    database = Database.open(target, migrate=False)
    try:
        return tuple(sorted(stored_heads(database.engine)))
    finally:
        database.close()


def back_up(target: str, archive_dir: Path, directory: Path) -> Manifest:
    """Back up the database ``target`` and the archive into a new ``directory``."""
    dialect = snapshot.dialect_of(target)
    fresh_directory(directory)
    started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    if dialect == "sqlite":
        name = snapshot.SQLITE_FILE
        snapshot.snapshot_sqlite(snapshot.sqlite_path(target), directory / name)
    else:
        name = snapshot.POSTGRES_FILE
        snapshot.snapshot_postgres(target, directory / name)
    schema = snapshot_schema(dialect, directory / name, target)
    files = [BackupFile(name, *file_digest(directory / name))]
    for source in archive_files(archive_dir):
        relative = f"{ARCHIVE}/{source.relative_to(archive_dir).as_posix()}"
        files.append(BackupFile(relative, *copy_file(source, directory / relative)))
    manifest = Manifest(FORMAT, started, dialect, name, schema, tuple(files))
    write_atomically(directory / MANIFEST, manifest.to_json())
    return manifest


def verify_backup(directory: Path) -> Manifest:
    """The backup's manifest, once every file it lists is there, whole and unchanged."""
    path = directory / MANIFEST
    if not path.is_file():
        raise UserError(f"{directory} has no {MANIFEST}: it is not a whole binational backup")
    manifest = Manifest.from_json(path.read_text(encoding="utf-8"), path)
    for entry in manifest.files:
        file = directory / entry.path
        if ".." in Path(entry.path).parts or not file.is_file():
            raise UserError(f"{file} is missing from the backup")
        if file_digest(file) != (entry.bytes, entry.sha256):
            raise UserError(f"{file} does not match the backup's manifest: the backup is damaged")
    return manifest


def target_in_use(dialect: str, target: str) -> bool:
    """Whether the target database already holds a schema (or, for SQLite, a file)."""
    if dialect == "sqlite":
        path = snapshot.sqlite_path(target)
        return path.exists() and path.stat().st_size > 0
    database = Database.open(target, migrate=False)
    try:
        return bool(database.table_names())
    except DatabaseError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise UserError(f"cannot open the database {shown_url(target)}: {reason}") from None
    finally:
        database.close()


def restore_backup(directory: Path, target: str, archive_dir: Path, force: bool) -> Manifest:
    """Put a backup back: the database at ``target`` and the archive files into
    ``archive_dir``. Refuses, changing nothing, if the backup is damaged, is of the
    other kind of database, or would overwrite a database or archive files without
    ``force``. Every web session of the backup is ended: all sign in again."""
    manifest = verify_backup(directory)
    dialect = snapshot.dialect_of(target)
    if dialect != manifest.dialect:
        raise UserError(f"{directory} holds a {manifest.dialect} database; restore it to a "
                        f"{manifest.dialect} database, not {shown_url(target)}")  # fmt: skip
    if not force and target_in_use(dialect, target):
        raise UserError(f"the database {shown_url(target)} already exists; restore over it "
                        "with --force (stop the web server first)")  # fmt: skip
    archived = [entry for entry in manifest.files if entry.path.startswith(f"{ARCHIVE}/")]
    if not force and archived and archive_files(archive_dir):
        raise UserError(f"the archive directory {archive_dir} is not empty; restore over it "
                        "with --force")  # fmt: skip
    copy = directory / manifest.database
    if dialect == "sqlite":
        snapshot.restore_sqlite(copy, snapshot.sqlite_path(target))
    else:
        snapshot.restore_postgres(copy, target, replace=force)
    for entry in archived:
        copy_file(directory / entry.path, archive_dir / entry.path.removeprefix(f"{ARCHIVE}/"))
    database = Database.open(target)  # a backup of an older schema is migrated
    try:
        with database.transaction() as session:
            delete_all_sessions(session)
    finally:
        database.close()
    return manifest
