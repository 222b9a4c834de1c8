"""The index at the database's edge: built from the events in a background thread,
and rebuilt when the data's version moves.

``current(version)`` gives the index only when it was built at exactly that
version, so a search never reads stale data: after an edit, the database's own
search answers until the rebuild (about a second per 10,000 events) is done. An
index older than ``max_age`` seconds is still used while a fresh one is built, which
catches changes made outside the application (as the result cache's time limit
does).

Why rebuild rather than update: the postings are flat arrays (see ``build``), so
changing one event means rewriting them; at the center's size a rebuild takes a
fraction of a second, and it never blocks a request.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping

from sqlalchemy import Connection, select

from binational.domain import EventStatus
from binational.index.build import EventIndex, EventText, build_index
from binational.registry.loader import Registry
from binational.store.data_version import Version, data_version
from binational.store.database import Database
from binational.store.models import Event, EventInstitution, EventTopic

log = logging.getLogger(__name__)
STATUSES = tuple(status.value for status in EventStatus)
_TEXTS = select(
    Event.id, Event.title, Event.summary, Event.implications, Event.date_value, Event.status,
    Event.date_precision,
).order_by(Event.id)  # fmt: skip
_LINKS = select(EventInstitution.event_id, EventInstitution.slug).where(
    EventInstitution.removed.is_(False)
)
_TOPICS = select(EventTopic.event_id, EventTopic.slug).where(EventTopic.removed.is_(False))


def read_index(
    connection: Connection, category_of: Mapping[str, str]
) -> tuple[Version, EventIndex]:
    """Build the index of every event, and the version it reflects. The version is
    read first: a change made while reading moves the version past it, so the index
    is rebuilt rather than trusted."""
    version = data_version(connection)

    def texts() -> Iterator[EventText]:
        for row in connection.execute(_TEXTS):
            yield EventText(*row)

    index = build_index(
        texts(),
        connection.execute(_LINKS),
        connection.execute(_TOPICS),
        category_of,
        STATUSES,
    )
    return version, index


class LiveIndex:
    """The current ``EventIndex`` of a database, for the web's search."""

    def __init__(
        self,
        database: Database,
        registry: Registry,
        *,
        background: bool = True,
        max_age: float = 600.0,
        retry_after: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        after_build: Callable[[], None] | None = None,
    ) -> None:
        self.database = database
        self.after_build = after_build  # called after each build that succeeded
        self.category_of = {i.slug: i.category.value for i in registry.institutions}
        self.background, self.max_age, self.clock = background, max_age, clock
        self.retry_after = retry_after  # after a failed build: not every search retries
        self._lock = threading.Lock()
        self._built: tuple[Version, float, EventIndex] | None = None
        self._building: threading.Thread | None = None
        self._failed_at: float | None = None
        self.builds = 0

    def current(self, version: Version) -> EventIndex | None:
        """The index built at ``version``, or ``None`` (a build is then started)."""
        built = self._built
        if built is not None and built[0] == version:
            if self.clock() - built[1] > self.max_age:
                self.refresh()
            return built[2]
        self.refresh()
        built = self._built  # a build in the foreground is done by now
        return built[2] if built is not None and built[0] == version else None

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for a build in progress; whether none is left running."""
        thread = self._building
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def state(self, version: Version) -> str:
        """'ready' (built at ``version``), 'building' or 'stale' (neither)."""
        built = self._built
        if built is not None and built[0] == version:
            return "ready"
        thread = self._building
        return "building" if thread is not None and thread.is_alive() else "stale"

    def refresh(self) -> None:
        """Start a build, unless one is running or one failed less than
        ``retry_after`` seconds ago (in the foreground: build now)."""
        with self._lock:
            if self._building is not None and self._building.is_alive():
                return
            if self._failed_at is not None and self.clock() - self._failed_at < self.retry_after:
                return
            if not self.background:
                self._build()
                return
            self._building = threading.Thread(target=self._build, name="search-index", daemon=True)
            self._building.start()

    def _build(self) -> None:
        started = self.clock()
        try:
            with self.database.connect() as connection:
                version, index = read_index(connection, self.category_of)
        except Exception:  # the database's search answers meanwhile; try again later
            log.exception("building the search index failed")
            self._failed_at = self.clock()
            return
        self._failed_at = None
        self._built = (version, self.clock(), index)
        self.builds += 1
        if self.after_build is not None:
            self.after_build()
        log.info("search index: %d events at version %s in %.1f s",
                 index.event_count, version, self.clock() - started)  # fmt: skip
