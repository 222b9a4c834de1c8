"""Where a request's short reads run.

SQLite answers in process: the signed-in user's lookup, an event page's few
primary-key reads or a page of search results are CPU work of a few milliseconds
at most, mostly holding the GIL, and handing them to a worker thread and back costs
a good part of that again in CPU. So on SQLite they run on the event loop. A server
database (PostgreSQL) answers over the network, and waiting
for its round trips on the event loop would stall every other request of the
process: there they run in a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

from starlette.concurrency import run_in_threadpool

from binational.store.database import Database

P = ParamSpec("P")
T = TypeVar("T")


async def run_short_read(
    database: Database, read: Callable[P, T], *args: P.args, **kwargs: P.kwargs
) -> T:
    if database.dialect == "sqlite":
        return read(*args, **kwargs)
    return await run_in_threadpool(read, *args, **kwargs)
