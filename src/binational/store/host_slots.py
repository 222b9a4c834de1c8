"""Per-host turns shared by every worker (``ingest_host_slots``), on the database's
clock. A host's row says when its next request may start (``next_at``, epoch
seconds). Taking the turn moves ``next_at`` to the end of a lease (the longest a
request may take), so no other process starts a request to the host meanwhile;
giving it back sets ``next_at`` one spacing after the response came in. So the
requests to one host never overlap and each starts at least a spacing after the
previous one ended, whatever the number of workers and however a busy machine
delays a process between taking its turn and sending; a worker killed mid-request
holds the host until its lease ends."""

from __future__ import annotations

from sqlalchemy import Engine, text

NOW = "extract(epoch FROM clock_timestamp())::float8"
ENSURE = text("INSERT INTO ingest_host_slots (host, next_at) VALUES (:host, 0) "
              "ON CONFLICT (host) DO NOTHING")  # fmt: skip
TAKE = text(f"""
UPDATE ingest_host_slots SET next_at = {NOW} + :lease
 WHERE host = :host AND next_at <= {NOW}
RETURNING next_at
""")
REMAINING = text(f"SELECT next_at - {NOW} FROM ingest_host_slots WHERE host = :host")
GIVE_BACK = text(f"""
UPDATE ingest_host_slots SET next_at = {NOW} + :spacing
 WHERE host = :host AND next_at = :token
""")


def take_host_turn(engine: Engine, host: str, lease: float) -> tuple[float | None, float]:
    """Take ``host``'s turn for at most ``lease`` seconds if it is free: (its token,
    0); else (None, the seconds until it may be free). PostgreSQL (the workers'
    shared schedule); SQLite's single writer would do too."""
    with engine.begin() as connection:
        token = connection.execute(TAKE, {"host": host, "lease": lease}).scalar()
        if token is None:
            connection.execute(ENSURE, {"host": host})
            token = connection.execute(TAKE, {"host": host, "lease": lease}).scalar()
        if token is not None:
            return float(token), 0.0
        remaining = connection.execute(REMAINING, {"host": host}).scalar_one()
    return None, max(0.0, float(remaining))


def give_back_host_turn(engine: Engine, host: str, token: float, spacing: float) -> None:
    """End a turn: the next request to ``host`` may start ``spacing`` seconds from
    now. A turn whose lease ran out (and which another process may hold now) is
    left alone."""
    with engine.begin() as connection:
        connection.execute(GIVE_BACK, {"host": host, "token": token, "spacing": spacing})
