"""``binational backup DIR`` and ``binational restore DIR``: the database and the WARC
archive, with a manifest of checksums (``store/backup.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from binational.cli.options import DbOption, JsonOption, settings_for
from binational.cli.output import make_console, print_json

DirectoryArgument = Annotated[
    Path, typer.Argument(help="The backup's directory (a new or empty one for a backup).")
]


def _summary(manifest) -> dict:
    archived = [entry for entry in manifest.files if entry.path != manifest.database]
    return {
        "dialect": manifest.dialect,
        "schema": list(manifest.schema),
        "created_at": manifest.created_at,
        "database_bytes": manifest.files[0].bytes,
        "archive_files": len(archived),
        "archive_bytes": sum(entry.bytes for entry in archived),
    }


def backup_command(directory: DirectoryArgument, db: DbOption = None,
                   json_output: JsonOption = False) -> None:  # fmt: skip
    """Back up the database (a consistent copy while it is in use) and the WARC
    archive into DIR, with a manifest of checksums."""
    from binational.store.backup import back_up

    settings = settings_for(db)
    manifest = back_up(settings.db, Path(settings.archive_dir), directory)
    summary = _summary(manifest)
    if json_output:
        print_json({"directory": str(directory), **summary})
        return
    make_console().print(
        f"backed up the {summary['dialect']} database ({summary['database_bytes']:,} bytes) and "
        f"{summary['archive_files']} archive files ({summary['archive_bytes']:,} bytes) "
        f"into {directory}"
    )


def restore_command(
    directory: DirectoryArgument,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the database and archive files that exist.")
    ] = False,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Restore a backup made by `binational backup` into the database (--db) and the
    archive directory, after checking every file against its manifest. Stop the web
    server first; everyone signs in again afterwards."""
    from binational.store.backup import restore_backup
    from binational.store.database import shown_url

    settings = settings_for(db)
    manifest = restore_backup(directory, settings.db, Path(settings.archive_dir), force)
    summary = _summary(manifest)
    if json_output:
        print_json({"directory": str(directory), "database": shown_url(settings.db), **summary})
        return
    make_console().print(
        f"restored the backup of {summary['created_at']} into {shown_url(settings.db)} and "
        f"{summary['archive_files']} archive files into {settings.archive_dir}"
    )
