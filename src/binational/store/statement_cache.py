"""The store's read statements compiled for SQLite, kept in a file so that a short
command runs them without importing SQLAlchemy (``cached_reader.py``).

``compiled.py`` compiles them (with SQLAlchemy) into ``Compiled`` values: the SQL
text, its parameters in order and the kind of each result column; this module keys,
writes and reads the file, without SQLAlchemy.

Why it is safe (as the registry's cache, ``registry/cache.py``):

- The file is named and stamped with a key: the SHA-256 of the source of every module
  of the store (where the statements, the tables and this code live), of SQLAlchemy's
  ``__init__.py`` (its version), of this module's format version and of the Python
  version. Changed code is a new key; a stale file is never read.
- It is data, not code: JSON decoded by msgspec into the expected types (a file of
  the wrong shape is ignored), never pickle.
- It is read only when it belongs to the current user and nobody else can write it,
  and written atomically (a temporary file renamed into place).
- Any problem (no cache directory, unwritable, corrupt, foreign) only means reading
  through SQLAlchemy, as without a cache.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from binational.cache_files import read_keyed, write_replacing

FORMAT = "1"
PREFIX = "statements-"
STORE = Path(__file__).resolve().parent


class Parameter(msgspec.Struct, frozen=True, array_like=True):
    """A bound parameter in the order the SQL text takes it. ``kind`` says how a
    value is bound (``sqlite_values.BIND``); an ``expanding`` one is a list, written
    as ``__[POSTCOMPILE_name]`` in the text; ``default`` (already bound) is used when
    the caller gives no value, and only then if ``has_default``."""

    name: str
    kind: str
    expanding: bool
    has_default: bool
    default: Any


class Compiled(msgspec.Struct, frozen=True):
    """A statement compiled for SQLite: its text, its parameters in order and how
    each result column is read (``sqlite_values.READ``), by position. (The columns'
    names are the cursor's: the labels of the text, as SQLAlchemy's rows have them.)"""

    sql: str
    parameters: tuple[Parameter, ...]
    columns: tuple[str, ...]


class CachedStatements(msgspec.Struct, frozen=True):
    key: str
    statements: dict[str, Compiled]


def cache_key() -> str:
    """The key of the statements the current code compiles: the store's sources,
    SQLAlchemy's version (its ``__init__.py``, found without importing it) and
    Python's."""
    digest = hashlib.sha256(f"{FORMAT}|{sys.version_info[:2]}".encode())
    for path in sorted(STORE.glob("*.py")):
        digest.update(b"\0code\0" + path.name.encode() + b"\0" + path.read_bytes())
    spec = importlib.util.find_spec("sqlalchemy")
    if spec is not None and spec.origin:
        digest.update(b"\0sqlalchemy\0" + Path(spec.origin).read_bytes())
    return digest.hexdigest()


def read_cached(directory: Path, key: str) -> dict[str, Compiled] | None:
    """The compiled statements for ``key``, or None if there are none we can trust."""
    cached = read_keyed(directory, PREFIX, key, CachedStatements)
    return cached.statements if cached is not None else None


def write_cached(directory: Path, key: str, statements: Mapping[str, Compiled]) -> Path | None:
    """Store the compiled statements under ``key``; None if the directory is
    unwritable. Older files of the cache are removed: only the current key is useful."""
    payload = msgspec.json.encode(CachedStatements(key=key, statements=dict(statements)))
    return write_replacing(directory, PREFIX, key, payload)
