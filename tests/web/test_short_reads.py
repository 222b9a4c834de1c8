"""Short reads run on the event loop with SQLite, in a worker thread otherwise."""

import asyncio
import threading

from binational.web.short_reads import run_short_read


def test_where_a_short_read_runs(database):
    async def main():
        loop_thread = threading.get_ident()

        def read(value, *, plus):
            with database.connect() as connection:
                connection.exec_driver_sql("SELECT 1")
            return value + plus, threading.get_ident() == loop_thread

        return await run_short_read(database, read, 40, plus=2)

    result, on_the_loop = asyncio.run(main())
    assert result == 42
    assert on_the_loop == (database.dialect == "sqlite")
