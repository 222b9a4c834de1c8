"""Bringing the index up to the database's data version.

By deltas: the events added since the version the index reflects, and the events
named by newer revisions, are deleted from the index and written again from the
database (so applying a delta twice does no harm). A full build only for a new
index, one of another format or registry, or one that cannot be read.

Several processes share the directory: one updates it at a time (an exclusive
``flock`` on ``writer.lock``; the others wait, then find the work done), and each
reloads its reader when the data version moves. Within a process, the engine's
lock serializes threads.
"""

from __future__ import annotations

import fcntl
import shutil
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import tantivy
from sqlalchemy import Connection

from binational.search.documents import TOPIC_BITS, index_document, institution_codes
from binational.search.engine import (
    BUILD_WRITER_HEAP,
    DELTA_WRITER_HEAP,
    INDEX_FORMAT,
    SearchEngine,
    open_index,
)
from binational.search.state import IndexState, gaps_after, read_state, write_state
from binational.store.data_version import Version, data_version
from binational.store.search_rows import (
    EventRow,
    all_rows,
    institution_slugs,
    new_events,
    new_revisions,
    read_rows,
    recent_ids,
    topic_slugs,
)

LOCK_FILE = "writer.lock"
# After a full build, ids this far below the version that are missing may belong to
# transactions still open (see ``state``).
GAP_WINDOW = 1000
RECHECK_SECONDS = 1.0  # how often a process looks again for awaited ids
LOCK_PATIENCE = 2.0  # longer than a delta takes, far shorter than a full build


@dataclass(frozen=True)
class SyncOutcome:
    """What bringing the index up to date took: nothing ('current'), reading
    another process's work ('reloaded'), a 'delta', or a full 'build' (or nothing
    yet: 'busy', another process is building); and how many events were written."""

    kind: str
    events: int = 0


@contextmanager
def writer_lock(directory: Path, patience: float | None = None) -> Iterator[bool]:
    """Hold the directory's writer lock; wait for it at most ``patience`` seconds
    (``None``: as long as it takes). Yields whether it is held."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / LOCK_FILE, "a+b") as handle:
        deadline = None if patience is None else time.monotonic() + patience
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | (fcntl.LOCK_NB if deadline else 0))
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    yield False
                    return
                time.sleep(0.01)
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def synchronize(
    engine: SearchEngine, patience: float = LOCK_PATIENCE, known: Version | None = None
) -> SyncOutcome:
    """Bring ``engine``'s index to the database's current data version (``known``:
    the version the caller has just read, not read again). While another process
    holds the writer lock longer than ``patience`` seconds (a full build), an index
    already open keeps answering as it is ('busy')."""
    with engine.lock:
        version = known
        if version is None:
            with engine.database.connect() as connection:
                version = data_version(connection)
        if _is_current(engine, version):
            return SyncOutcome("current")
        wait = patience if engine.index is not None else None
        with writer_lock(engine.directory, wait) as held, engine.database.connect() as connection:
            if not held:
                return SyncOutcome("busy")
            state = read_state(engine.directory)
            if not _usable(engine, state):
                return _build(engine, connection)
            version = data_version(connection)
            if state.version == version and not _recheck_due(engine, state):
                _load(engine, state)
                return SyncOutcome("reloaded")
            return _delta(engine, connection, state, version)


def index_status(engine: SearchEngine) -> str:
    """'ready' when the loaded index reflects the database's data version, else
    'stale' (the next search brings it up to date)."""
    with engine.database.connect() as connection:
        version = data_version(connection)
    with engine.lock:
        return "ready" if _is_current(engine, version) else "stale"


def is_current(engine: SearchEngine, version: Version) -> bool:
    """Whether the loaded index reflects ``version`` (a search then neither builds
    nor applies a delta: it only reads)."""
    with engine.lock:
        return _is_current(engine, version)


def _is_current(engine: SearchEngine, version: Version) -> bool:
    state = engine.state
    return (
        engine.index is not None
        and state is not None
        and state.version == version
        and not _recheck_due(engine, state)
    )


def _recheck_due(engine: SearchEngine, state: IndexState) -> bool:
    return state.waiting and time.monotonic() - engine.checked_at >= RECHECK_SECONDS


def _usable(engine: SearchEngine, state: IndexState | None) -> bool:
    """Whether ``state`` names an index this process can read (opened if so)."""
    if state is None or state.format != INDEX_FORMAT or state.fingerprint != engine.fingerprint:
        return False
    try:
        _load(engine, state)
    except (ValueError, OSError):
        return False
    return True


def _load(engine: SearchEngine, state: IndexState) -> None:
    """Open the generation ``state`` names, or reload the one already open."""
    if engine.index is None or engine.state is None or engine.state.generation != state.generation:
        index = open_index(engine.directory / f"index-{state.generation}")
        index.searcher().num_docs  # noqa: B018 (reading it fails on a broken index)
        engine.index = index
    else:
        engine.index.reload()
    engine.state = state


def _document(
    row: EventRow,
    engine: SearchEngine,
    schema: tantivy.Schema,
    topic_bits: tuple[str, ...],
    code_of: Mapping[str, int],
) -> tantivy.Document:
    return tantivy.Document.from_dict(
        index_document(row, engine.category_of, topic_bits, code_of), schema
    )


def _build(engine: SearchEngine, connection: Connection) -> SyncOutcome:
    """A new generation of the whole index; the state then points to it and the
    older generations are removed."""
    generation = f"{int(time.time())}-{uuid.uuid4().hex[:8]}"
    index = open_index(engine.directory / f"index-{generation}", create=True)
    schema = index.schema
    version = data_version(connection)
    topic_bits = tuple(topic_slugs(connection)[:TOPIC_BITS])
    # the institutions linked now and the registry's: those linked later by a delta
    # have no code, and are counted as extra tags until the next build
    codes = tuple(sorted(set(institution_slugs(connection)) | set(engine.category_of)))
    code_of = institution_codes(codes)
    writer = index.writer(BUILD_WRITER_HEAP, num_threads=1)
    count = 0
    for rows in all_rows(connection, version[0]):
        for row in rows:
            writer.add_document(_document(row, engine, schema, topic_bits, code_of))
        count += len(rows)
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    now = time.time()
    events, revisions = version
    state = IndexState(
        INDEX_FORMAT, generation, engine.fingerprint, events, revisions,
        gaps_after({}, max(0, events - GAP_WINDOW), events,
                   recent_ids(connection, "events", events, GAP_WINDOW), now),
        gaps_after({}, max(0, revisions - GAP_WINDOW), revisions,
                   recent_ids(connection, "revisions", revisions, GAP_WINDOW), now),
        topic_bits, codes,
    )  # fmt: skip
    write_state(engine.directory, state)
    for old in engine.directory.glob("index-*"):
        if old.name != f"index-{generation}":
            shutil.rmtree(old, ignore_errors=True)
    engine.index, engine.state, engine.checked_at = index, state, time.monotonic()
    engine.builds += 1
    return SyncOutcome("build", count)


def _delta(
    engine: SearchEngine, connection: Connection, state: IndexState, version: Version
) -> SyncOutcome:
    """Write again the events added or revised since ``state``, up to ``version``."""
    assert engine.index is not None
    events = new_events(connection, state.events, version[0], list(state.event_gaps))
    revisions = new_revisions(connection, state.revisions, version[1], list(state.revision_gaps))
    changed = set(events) | {event_id for _, event_id in revisions}
    rows = read_rows(connection, changed)
    if changed:
        schema = engine.index.schema
        writer = engine.index.writer(DELTA_WRITER_HEAP, num_threads=1)
        # By query: deleting by term would read the id as a signed integer, which
        # matches no document of this unsigned field.
        stale = tantivy.Query.term_set_query(schema, "id", sorted(changed))
        writer.delete_documents_by_query(stale)
        code_of = institution_codes(state.institution_codes)
        for row in rows:
            writer.add_document(_document(row, engine, schema, state.topic_bits, code_of))
        writer.commit()
        writer.wait_merging_threads()
    now = time.time()
    new_state = replace(
        state,
        events=max(version[0], state.events),
        revisions=max(version[1], state.revisions),
        event_gaps=gaps_after(state.event_gaps, state.events, version[0], events, now),
        revision_gaps=gaps_after(
            state.revision_gaps, state.revisions, version[1], [r for r, _ in revisions], now
        ),
    )
    write_state(engine.directory, new_state)
    engine.index.reload()
    engine.state, engine.checked_at = new_state, time.monotonic()
    engine.deltas += 1
    return SyncOutcome("delta", len(rows))
