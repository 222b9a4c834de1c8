"""Ranked full-text search over events' title, summary and implications.

One function, two engines: FTS5 with bm25 on SQLite, a weighted tsvector with
``ts_rank_cd`` on PostgreSQL. Both fold case and accents and weigh a hit in the title
above one in the summary, above one in the implications.

Ranking window: scoring every match of a very common word ("mexico" matches nearly
every event) costs time in proportion to the number of matches (about 1.5 µs each
with bm25 on this machine: 140 ms at 100,000 events). So the ranked set is the
``RANK_WINDOW`` most recently added matches that pass the filters, read in rowid
order straight from the index; within it, the order is exact bm25. A query with
fewer matches than the window, which is nearly every real query, is ranked over all
of its matches. See docs/benchmarks.md for the measurements behind this.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import ColumnElement, Float, Subquery, column, func, literal_column, select, table
from sqlalchemy.orm import Session

from binational.store.models import Event

RANK_WINDOW = 2000

# What the search box calls a word (the in-memory index reads queries the same way).
WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]+)"')

_fts = table("events_fts", column("rowid"))
# bm25 is lower-is-better; weights: title 10, summary 3, implications 1.
_BM25 = func.bm25(literal_column("events_fts"), 10.0, 3.0, 1.0)
_pg_config = literal_column("'binational_text'::regconfig")


def fts5_query(user_text: str) -> str | None:
    """A safe FTS5 MATCH expression: quoted phrases kept, other words ANDed, each
    quoted so that FTS5 syntax in the input (``-``, ``:``, ``*``, ``NEAR``) is
    taken literally. ``None`` when there is nothing to search for."""
    parts: list[str] = []
    for phrase in _PHRASE.findall(user_text):
        words = WORD.findall(phrase)
        if words:
            parts.append('"' + " ".join(words) + '"')
    rest = _PHRASE.sub(" ", user_text)
    parts.extend(f'"{word}"' for word in WORD.findall(rest))
    return " AND ".join(parts) if parts else None


def ranked_matches(
    dialect: str,
    user_text: str,
    conditions: Sequence[ColumnElement[bool]] = (),
    window: int = RANK_WINDOW,
) -> Subquery | None:
    """A subquery of (id, score) for events matching ``user_text`` and
    ``conditions`` (filters on ``Event``), higher score better; ``None`` when the
    text holds nothing to search for."""
    if dialect == "sqlite":
        query = fts5_query(user_text)
        if query is None:
            return None
        statement = (
            select(_fts.c.rowid.label("id"), (-_BM25).label("score"))
            .select_from(_fts)
            .where(literal_column("events_fts").op("MATCH")(query))
        )
        if conditions:
            statement = statement.join(Event, Event.id == _fts.c.rowid).where(*conditions)
        statement = statement.order_by(_fts.c.rowid.desc()).limit(window)
    elif dialect == "postgresql":
        if not WORD.search(user_text):
            return None
        tsquery = func.websearch_to_tsquery(_pg_config, user_text)
        vector = literal_column("events.search_vector")
        statement = (
            select(
                Event.id.label("id"), func.ts_rank_cd(vector, tsquery, type_=Float).label("score")
            )
            .where(vector.op("@@")(tsquery), *conditions)
            .order_by(Event.id.desc())
            .limit(window)
        )
    else:
        raise NotImplementedError(f"full-text search is not available on {dialect}")
    return statement.subquery("matches")


def search_event_ids(session: Session, user_text: str, limit: int = 50) -> list[tuple[int, float]]:
    """Event ids matching ``user_text``, best first, with their score."""
    matches = ranked_matches(session.get_bind().dialect.name, user_text)
    if matches is None:
        return []
    rows = session.execute(
        select(matches.c.id, matches.c.score)
        .order_by(matches.c.score.desc(), matches.c.id)
        .limit(limit)
    )
    return [(row.id, float(row.score)) for row in rows]
