"""Ranked full-text search over events' title, summary and implications.

One function, two engines: FTS5 with bm25 on SQLite, a weighted tsvector with
``ts_rank_cd`` on PostgreSQL. Both fold case and accents and weigh a hit in the title
above one in the summary, above one in the implications.
"""

from __future__ import annotations

import re
from sqlalchemy import Float, Integer, Subquery, select, text
from sqlalchemy.orm import Session

_TOKEN = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]+)"')


def fts5_query(user_text: str) -> str | None:
    """A safe FTS5 MATCH expression: quoted phrases kept, other words ANDed, each
    quoted so that FTS5 syntax in the input (``-``, ``:``, ``*``, ``NEAR``) is
    taken literally. ``None`` when there is nothing to search for."""
    parts: list[str] = []
    for phrase in _PHRASE.findall(user_text):
        words = _TOKEN.findall(phrase)
        if words:
            parts.append('"' + " ".join(words) + '"')
    rest = _PHRASE.sub(" ", user_text)
    parts.extend(f'"{word}"' for word in _TOKEN.findall(rest))
    return " AND ".join(parts) if parts else None


def ranked_matches(dialect: str, user_text: str) -> Subquery | None:
    """A subquery of (id, score) for events matching ``user_text``, higher score
    better, to be joined with other filters; ``None`` when there is nothing to
    search for."""
    if dialect == "sqlite":
        query = fts5_query(user_text)
        if query is None:
            return None
        # bm25 is lower-is-better; weights: title 10, summary 3, implications 1.
        statement = text(
            "SELECT rowid AS id, -bm25(events_fts, 10.0, 3.0, 1.0) AS score "
            "FROM events_fts WHERE events_fts MATCH :query"
        ).bindparams(query=query)
    elif dialect == "postgresql":
        if not _TOKEN.search(user_text):
            return None
        statement = text(
            "SELECT id, ts_rank_cd(search_vector, query) AS score FROM events, "
            "websearch_to_tsquery('binational_text'::regconfig, :query) AS query "
            "WHERE search_vector @@ query"
        ).bindparams(query=user_text)
    else:
        raise NotImplementedError(f"full-text search is not available on {dialect}")
    return statement.columns(id=Integer, score=Float).subquery("matches")


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
