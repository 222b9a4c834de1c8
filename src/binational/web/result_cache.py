"""A small per-process cache of listing results (ranked ids, totals, facet counts,
page records, the list page's rendered body), valid while the data has not changed.

Entries are kept under the data's version (``store/data_version.py``): a new
version means some listing may have changed, and every entry made under an older
version is ignored. A time limit backs this up for changes made outside the
application's services.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from binational.store.data_version import Version


class ResultCache:
    def __init__(
        self,
        max_entries: int = 256,
        ttl_seconds: float = 600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_entries, self.ttl, self.clock = max_entries, ttl_seconds, clock
        self._entries: OrderedDict[Hashable, tuple[Version, float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable, version: Version) -> Any | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] != version or entry[1] < self.clock():
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry[2]

    def remember(self, key: Hashable, version: Version, compute: Callable[[], Any]) -> Any:
        """The cached value, or ``compute()``'s, cached for next time."""
        value = self.get(key, version)
        if value is None:
            value = compute()
            self.put(key, version, value)
        return value

    def put(self, key: Hashable, version: Version, value: Any) -> None:
        with self._lock:
            self._entries[key] = (version, self.clock() + self.ttl, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
