"""Files in the user's cache directory that start-up reads instead of redoing work
(the registry validated once, ``registry/cache.py``; the store's statements compiled
once, ``store/statement_cache.py``): where they live, how one is trusted, and how one
is written.

A cache file is named by a key (a hash of what made it), so a stale one is never
read; it is read only when it belongs to the current user and nobody else can write
it, and written whole under a temporary name then renamed into place. Any problem
(no directory, unwritable, foreign) only means doing the work again.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import msgspec

Keyed = TypeVar("Keyed")  # a msgspec Struct with a ``key`` field


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path | None:
    """``$XDG_CACHE_HOME/binational``, else ``~/.cache/binational``; None (no cache)
    when neither variable is set."""
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_CACHE_HOME") or (
        str(Path(environ["HOME"]) / ".cache") if environ.get("HOME") else ""
    )
    return Path(base) / "binational" if base else None


def read_trusted(path: Path) -> bytes | None:
    """The file's bytes, if it exists, belongs to the current user and nobody else
    may write it."""
    try:
        with path.open("rb") as file:
            info = os.fstat(file.fileno())
            if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None
            return file.read()
    except OSError:
        return None


def read_keyed(directory: Path, prefix: str, key: str, kind: type[Keyed]) -> Keyed | None:
    """The ``kind`` record that ``write_replacing`` wrote for ``key``, decoded by
    msgspec; None when there is none we can trust (missing, foreign, not a ``kind``,
    or made for another key)."""
    data = read_trusted(directory / f"{prefix}{key}.json")
    if data is None:
        return None
    try:
        record: Any = msgspec.json.decode(data, type=kind)
    except msgspec.DecodeError:
        return None
    return record if record.key == key else None


def write_replacing(directory: Path, prefix: str, key: str, payload: bytes) -> Path | None:
    """Write ``payload`` as ``<prefix><key>.json`` in ``directory`` (made private if
    new) atomically, and remove the other ``<prefix>*.json`` files there: only the
    current key is useful. None if the directory is unwritable."""
    target = directory / f"{prefix}{key}.json"
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{prefix}", suffix=".tmp")
    except OSError:
        return None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(payload)
        os.replace(temporary, target)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return None
    for old in directory.glob(f"{prefix}*.json"):
        if old != target:
            with contextlib.suppress(OSError):  # another process removed it first
                old.unlink()
    return target
