"""Writing the site incrementally: each output (a page, a report file, a feed) has a
content key, a hash of everything it is made from; a manifest in the output
directory remembers the key each file was written with. A build produces and writes
only the outputs whose key changed (or whose file is missing), and removes the files
an earlier build wrote that no longer exist. Files the manifest never listed (the
search index, anything the user put there) are left alone.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

MANIFEST = ".site-manifest.json"


@dataclass(frozen=True)
class Output:
    path: str  # relative to the output directory, '/'-separated
    key: str
    produce: Callable[[], bytes] = field(compare=False)
    shard: str | None = None  # the search bundle that indexes it (``search.py``), if any


@dataclass(frozen=True)
class WriteSummary:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


def _as_text(value: Any) -> str:
    return str(value)


def content_key(*parts: Any) -> str:
    """A hash of JSON-ready parts (dates and other values as their text; mappings
    with their keys sorted). msgspec encodes the 30,000 pages of a large site in a
    fraction of the time ``json`` takes."""
    encoded = msgspec.json.encode(parts, enc_hook=_as_text, order="deterministic")
    return hashlib.sha256(encoded).hexdigest()


def read_manifest(out: Path) -> dict[str, str]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(target: Path, data: bytes) -> None:
    """Write beside ``target`` and rename: a reader never sees half a page."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_into(str(target), data)


def _write_into(target: str, data: bytes) -> None:
    """``_write`` into a directory that exists, with plain strings and descriptors:
    it runs for every file of the site."""
    partial = target + ".partial"
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)
    os.replace(partial, target)


class SiteWriter:
    """Writes one build's outputs into ``out`` in as many steps as the caller likes
    (the search index can start on the pages while the downloads are made): stale
    files go first, then each ``write`` call, and ``finish`` saves the manifest."""

    def __init__(self, out: Path, outputs: Sequence[Output]) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.out = out
        self.previous = read_manifest(out)
        self.current: dict[str, str] = {}
        for output in outputs:
            if output.path in self.current:
                raise ValueError(f"two outputs write {output.path}")
            self.current[output.path] = output.key
        self.written: list[str] = []
        self.unchanged = 0
        self._listed: dict[str, set[str]] = {}
        self._made: set[str] = set()  # directories this build made sure exist
        self.removed = self._remove_stale()

    def _remove_stale(self) -> list[str]:
        removed = []
        for path in sorted(set(self.previous) - set(self.current)):
            target = self.out / path
            if target.is_file():
                target.unlink()
                removed.append(path)
                _remove_empty_parents(target.parent, self.out)
        return removed

    def _present(self, path: str) -> bool:
        """Whether the file at ``path`` is there: each directory is listed once, which
        costs far less than asking for each of 30,000 files."""
        directory, _, name = path.rpartition("/")
        names = self._listed.get(directory)
        if names is None:
            try:
                names = set(os.listdir(os.path.join(self.out, directory)))
            except OSError:
                names = set()
            self._listed[directory] = names
        return name in names

    def must_write(self, output: Output) -> bool:
        """Whether ``output``'s key changed since the last build or its file is gone."""
        return self.previous.get(output.path) != output.key or not self._present(output.path)

    def write(self, outputs: Sequence[Output]) -> list[str]:
        """Produce and write the outputs whose key changed; the paths written."""
        root, written = str(self.out), []
        for output in outputs:
            if not self.must_write(output):
                self.unchanged += 1
                continue
            directory = os.path.dirname(output.path)
            if directory not in self._made:
                os.makedirs(os.path.join(root, directory), exist_ok=True)
                self._made.add(directory)
            _write_into(os.path.join(root, output.path), output.produce())
            written.append(output.path)
        self.written += written
        return written

    def finish(self) -> WriteSummary:
        manifest = msgspec.json.format(msgspec.json.encode(self.current), indent=0)
        _write(self.out / MANIFEST, manifest)
        return WriteSummary(tuple(self.written), self.unchanged, tuple(self.removed))


def write_outputs(out: Path, outputs: Sequence[Output]) -> WriteSummary:
    """Write ``outputs`` in one step (see ``SiteWriter``)."""
    writer = SiteWriter(out, outputs)
    writer.write(outputs)
    return writer.finish()


def _remove_empty_parents(directory: Path, root: Path) -> None:
    while directory != root and directory.is_dir() and not any(directory.iterdir()):
        os.rmdir(directory)
        directory = directory.parent
