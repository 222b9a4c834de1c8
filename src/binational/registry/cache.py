"""The validated bundled registry, kept as JSON so a command can skip validating it.

Validating the YAML needs pydantic and the models of ``schema.py``: importing and
building them is most of what loading the registry costs a short command. The
first load after the files (or the code that reads them) change validates them and
writes the result here; later loads decode it straight into the plain values of
``entries.py``.

Why it is safe:

- The file is named and stamped with a key: the SHA-256 of every registry YAML
  file's name and bytes, of the source of the modules that turn them into values
  (``entries.py``, ``schema.py``, ``loader.py``, ``domain.py``), of this module's
  format version and of the Python version. An edited file or changed code is a
  new key, so the next load validates; a stale file is never read.
- It is data, not code: JSON decoded by msgspec into the expected types (a file
  of the wrong shape is refused and the registry is validated instead), never
  pickle.
- It is read only when it belongs to the current user and nobody else can write
  it, and written atomically (a temporary file renamed into place), so a reader
  never sees half a file.
- Any problem (no cache directory, unwritable, corrupt, foreign) only means
  validating, as without a cache.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import msgspec

from binational.cache_files import read_keyed, write_replacing
from binational.registry.entries import Agency, Institution

FORMAT = "1"
PREFIX = "registry-"
_PACKAGE = Path(__file__).resolve().parent.parent
CODE_FILES = (
    _PACKAGE / "registry" / "entries.py",
    _PACKAGE / "registry" / "schema.py",
    _PACKAGE / "registry" / "loader.py",
    _PACKAGE / "registry" / "cache.py",
    _PACKAGE / "domain.py",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class CachedRegistry:
    key: str
    institutions: tuple[Institution, ...]
    agencies: tuple[Agency, ...]


def cache_key(files: Iterable[tuple[str, bytes]], code: Iterable[bytes]) -> str:
    """The key of a registry made from ``files`` (name, bytes) by ``code``."""
    digest = hashlib.sha256(f"{FORMAT}|{sys.version_info[:2]}".encode())
    for name, content in sorted(files):
        digest.update(b"\0file\0" + name.encode() + b"\0" + content)
    for source in code:
        digest.update(b"\0code\0" + source)
    return digest.hexdigest()


def code_sources() -> list[bytes]:
    return [path.read_bytes() for path in CODE_FILES]


def read_cached(directory: Path, key: str) -> CachedRegistry | None:
    """The cached registry for ``key``, or None if there is none we can trust."""
    return read_keyed(directory, PREFIX, key, CachedRegistry)


def write_cached(
    directory: Path, key: str, institutions: tuple[Institution, ...], agencies: tuple[Agency, ...]
) -> Path | None:
    """Store a validated registry under ``key``; None if the directory is unwritable.

    Older cache files in the directory are removed: only the current key is useful.
    """
    payload = msgspec.json.encode(
        CachedRegistry(key=key, institutions=institutions, agencies=agencies)
    )
    return write_replacing(directory, PREFIX, key, payload)
