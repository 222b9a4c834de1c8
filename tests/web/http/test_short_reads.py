"""Short reads run on the event loop with SQLite, in a worker thread otherwise."""

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

from binational.web.http.short_reads import run_short_read


def test_where_a_short_read_runs(database):
    async def main():
        loop_thread = threading.get_ident()

        def read(value, *, plus):
            with database.connect() as connection:
                connection.exec_driver_sql("SELECT 1")
            return value + plus, threading.get_ident() == loop_thread

        return await run_short_read(database, read, 40, plus=2)

    # A loop of its own, in a thread of its own: the browser tests' Playwright keeps
    # an event loop running in the main thread.
    with ThreadPoolExecutor(1) as pool:
        result, on_the_loop = pool.submit(asyncio.run, main()).result()
    assert result == 42
    assert on_the_loop == (database.dialect == "sqlite")
