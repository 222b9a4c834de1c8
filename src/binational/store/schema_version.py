"""The schema a database must have before the program reads it: the heads of the
migration scripts, and the statement that reads the heads a database records.

Kept apart from ``database.py`` (SQLAlchemy) so that a reader without SQLAlchemy
(``cached_reader.py``) checks the schema the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

from binational.store.named_statements import NamedStatement

# The heads of the migration scripts. Opening a database compares these with its
# version table, so a current schema is recognized without importing Alembic or
# reading the scripts (half a second of every command's start); a test holds this
# set equal to the heads Alembic reads from the scripts.
SCHEMA_HEADS = frozenset({"0006_sessions", "0008_citations", "0010_jobs"})

# The revisions Alembic's version table records (defined in ``database.py``).
STORED_VERSIONS = NamedStatement("binational.store.database", "STORED_VERSIONS")


def is_current_schema(versions: Iterable[str]) -> bool:
    return frozenset(versions) == SCHEMA_HEADS
