"""Per-host request slots shared by every worker (``ingest_host_slots``), on the
database's clock: reserving a slot moves the host's next free time one spacing on,
under the row's lock, so no two processes anywhere get the same slot."""

from __future__ import annotations

from sqlalchemy import Engine, text

# One statement: the row lock of ON CONFLICT serializes the reservations of one host.
# ``now`` is read before the lock is granted, so a reservation that waited answers a
# longer wait than needed, never a shorter one.
RESERVE = text("""
WITH clock AS (SELECT extract(epoch FROM clock_timestamp())::float8 AS now)
INSERT INTO ingest_host_slots (host, next_at)
SELECT :host, clock.now + :spacing FROM clock
ON CONFLICT (host) DO UPDATE
    SET next_at = GREATEST(ingest_host_slots.next_at, (SELECT now FROM clock)) + :spacing
RETURNING next_at - :spacing - (SELECT now FROM clock) AS wait
""")


def reserve_host_slot(engine: Engine, host: str, spacing: float) -> float:
    """Reserve the next request slot of ``host`` (``spacing`` seconds after the one
    before it); the seconds to wait before sending the request (0 or more).
    PostgreSQL only: the workers' shared schedule."""
    with engine.begin() as connection:
        wait = connection.execute(RESERVE, {"host": host, "spacing": spacing}).scalar_one()
    return max(0.0, float(wait))
