"""The sources every worker polls (``ingest_sources``): synchronized from the sources
file, which are due, and their last poll's outcome and next time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, delete, insert, or_, select, update

from binational.store.job_tables import sources
from binational.store.tables import utcnow

# The fields a source file declares (the rest of a row is its state).
DECLARED = ("name", "url", "kind", "language", "country", "agency", "selector", "official",
            "interval")  # fmt: skip


@dataclass(frozen=True)
class SyncCounts:
    added: int = 0
    changed: int = 0
    removed: int = 0


def sync_sources(engine: Engine, declared: Sequence[Mapping[str, object]]) -> SyncCounts:
    """Make the table list exactly the ``declared`` sources (dicts of ``DECLARED``),
    by name: new ones are due now, changed ones keep their state (a changed URL is
    due now), missing ones are removed. One transaction."""
    wanted = {str(row["name"]): {key: row.get(key) for key in DECLARED} for row in declared}
    added = changed = 0
    with engine.begin() as connection:
        stored = {row.name: row for row in connection.execute(select(sources))}
        for name, fields in wanted.items():
            row = stored.get(name)
            if row is None:
                connection.execute(insert(sources).values(**fields))
                added += 1
            elif any(getattr(row, key) != value for key, value in fields.items()):
                values = dict(fields)
                if row.url != fields["url"]:
                    values["next_poll_at"] = None
                connection.execute(update(sources).where(sources.c.id == row.id).values(**values))
                changed += 1
        gone = [row.id for name, row in stored.items() if name not in wanted]
        if gone:
            connection.execute(delete(sources).where(sources.c.id.in_(gone)))
    return SyncCounts(added, changed, len(gone))


def due_sources(engine: Engine, limit: int = 1000) -> list[dict]:
    """The sources due to be polled (never polled, or their next poll time passed),
    longest due first. Reading them changes nothing: a source stays due until a poll
    of it ends (``record_poll``), so a poll lost with its worker is asked again."""
    now = utcnow()
    statement = (
        select(sources)
        .where(or_(sources.c.next_poll_at.is_(None), sources.c.next_poll_at <= now))
        .order_by(sources.c.next_poll_at.nulls_first(), sources.c.id)
        .limit(limit)
    )
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(statement)]


def source_row(engine: Engine, source_id: int) -> dict | None:
    with engine.connect() as connection:
        row = connection.execute(select(sources).where(sources.c.id == source_id)).first()
    return dict(row._mapping) if row is not None else None


def source_rows(engine: Engine) -> list[dict]:
    with engine.connect() as connection:
        return [dict(r._mapping) for r in connection.execute(select(sources).order_by("name"))]


def is_due(row: dict) -> bool:
    return row["next_poll_at"] is None or row["next_poll_at"] <= utcnow()


def record_poll(
    engine: Engine, source_id: int, outcome: str, error: str | None, default_interval: float
) -> None:
    """Remember how a poll went, and when the source is due next (its interval, else
    ``default_interval``, from now): failures count up until one succeeds."""
    failures = sources.c.failures + 1 if outcome == "failed" else 0
    now = utcnow()
    with engine.begin() as connection:
        interval = connection.execute(
            select(sources.c.interval).where(sources.c.id == source_id)
        ).scalar()
        seconds = interval if interval is not None else default_interval
        connection.execute(
            update(sources).where(sources.c.id == source_id).values(
                last_polled_at=now, last_outcome=outcome, last_error=error,
                failures=failures, next_poll_at=now + dt.timedelta(seconds=seconds),
            )
        )  # fmt: skip
