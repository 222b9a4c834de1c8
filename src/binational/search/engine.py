"""The search index on disk: where it lives, its schema, and the engine object that
the service passes along.

The index is a Tantivy index (a Rust search library: on-disk segments that every
process maps into memory, so web workers share one copy through the page cache).
A directory holds ``state.json`` (what the index reflects, see ``sync``), a lock
file, and one ``index-<generation>/`` Tantivy index: a full build writes a new
generation beside the old one and switches ``state.json`` to it, so that readers
never see a half-built index.

For a SQLite file ``x.db`` the directory is ``x.db.search/``; for PostgreSQL it is
the ``search_dir`` setting, by default one per database URL under the user's cache
directory (each machine keeps its own copy, in step with the database).
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import tantivy
from sqlalchemy.engine import make_url

from binational.config import Settings
from binational.registry.loader import Registry
from binational.search.documents import INSTITUTION_SLOTS
from binational.search.state import IndexState
from binational.store.database import Database

# Bumped whenever the schema, the documents' layout or what a stored card holds
# changes (its language is worked out when indexed): an index of another format is
# rebuilt rather than read.
INDEX_FORMAT = 5
ANALYZER = "folded"
# Tantivy's writer needs at least 15 MB of heap per thread; a delta is small. A full
# build writes with one thread and a large heap: one segment for up to about a
# million events (a search over one segment costs 3-8% less than over the dozen a
# smaller heap and two threads leave; Python, not the writer, sets the build's pace).
DELTA_WRITER_HEAP = 50_000_000
BUILD_WRITER_HEAP = 2_000_000_000


def analyzer() -> tantivy.TextAnalyzer:
    """Words are runs of letters and digits, lower-cased, accents folded to ASCII
    (``Peña`` → ``pena``), so a Spanish query typed without accents matches."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(80))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("id", indexed=True, fast=True)
    for name in ("title", "summary", "implications"):
        builder.add_text_field(name, tokenizer_name=ANALYZER, index_option="position")
    builder.add_text_field("words", tokenizer_name=ANALYZER, index_option="basic")
    builder.add_integer_field("day", indexed=True)
    builder.add_unsigned_field("month", indexed=True)
    for name in ("status", "institution", "topic", "category"):
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    builder.add_unsigned_field("period", fast=True)
    builder.add_unsigned_field("kinds", fast=True)
    for number in range(1, INSTITUTION_SLOTS + 1):
        builder.add_unsigned_field(f"institution_{number}", fast=True)
    builder.add_text_field("extra_tags", tokenizer_name="raw", index_option="basic", fast=True)
    builder.add_unsigned_field("has_extra", indexed=True)
    builder.add_unsigned_field("recency", fast=True)
    builder.add_bytes_field("card", stored=True)
    return builder.build()


def open_index(path: Path, create: bool = False) -> tantivy.Index:
    """The Tantivy index at ``path`` (made there when ``create``), with the
    analyzer registered. Raises ``ValueError`` or ``OSError`` when it is missing or
    unreadable."""
    if create:
        path.mkdir(parents=True, exist_ok=False)
        index = tantivy.Index(build_schema(), path=str(path), reuse=False)
    else:
        if not tantivy.Index.exists(str(path)):
            raise ValueError(f"no search index at {path}")
        index = tantivy.Index.open(str(path))
    index.register_tokenizer(ANALYZER, analyzer())
    return index


def index_directory(database_url: str, search_dir: str = "") -> Path:
    """Where a database's index lives: beside a SQLite file, else ``search_dir``,
    else a directory per URL (password left out) under the cache directory."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database:
        return Path(url.database + ".search")
    if search_dir:
        return Path(search_dir).expanduser()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    digest = hashlib.sha256(url.render_as_string(hide_password=True).encode()).hexdigest()
    return cache / "binational" / "search" / digest[:16]


def registry_fingerprint(category_of: Mapping[str, str]) -> str:
    """Changes when an institution's category does: the index then is rebuilt."""
    text = "\n".join(f"{slug}\t{category}" for slug, category in sorted(category_of.items()))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass
class SearchEngine:
    """A database's search index, opened by this process: made by ``open_engine``
    once per process and passed to ``query.search``. What it has loaded changes as
    ``sync`` brings it up to date (under ``lock``, for the threads of a process)."""

    database: Database
    directory: Path
    category_of: Mapping[str, str]
    index: tantivy.Index | None = None
    state: IndexState | None = None  # what the loaded index reflects
    checked_at: float = 0.0  # when the awaited ids (``state.waiting``) were last looked for
    builds: int = 0  # full builds this process made
    deltas: int = 0  # deltas this process applied
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    @property
    def fingerprint(self) -> str:
        return registry_fingerprint(self.category_of)

    def close(self) -> None:
        self.index = self.state = None


def open_engine(database: Database, registry: Registry, settings: Settings) -> SearchEngine:
    """The engine of ``database``'s index; nothing is read or built until the first
    search (or an explicit ``sync.synchronize``)."""
    url = database.engine.url.render_as_string(hide_password=False)
    category_of = {entry.slug: entry.category.value for entry in registry.institutions}
    return SearchEngine(database, index_directory(url, settings.search_dir), category_of)
