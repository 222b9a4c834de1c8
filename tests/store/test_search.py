"""Ranked full-text search, the same assertions on SQLite (FTS5) and PostgreSQL."""

import datetime as dt

import pytest

from binational.store.events import EventQuery, count_events, find_events
from binational.store.models import Event
from binational.store.search import fts5_query, search_event_ids


def add(session, title, summary="", implications="", day=1):
    event = Event(
        title=title, summary=summary, implications=implications,
        date_value=dt.date(2023, 4, day), status="published",
    )  # fmt: skip
    session.add(event)
    session.flush()
    return event.id


@pytest.fixture
def corpus(database):
    with database.transaction() as session:
        ids = {
            "title": add(session, "Fentanyl committee meets", "Officials met."),
            "summary": add(session, "Security dialogue", "They discussed fentanyl and arms."),
            "impl": add(session, "Border meeting", "Talks.", "Fentanyl cooperation follows."),
            "accent": add(session, "López Obrador recibe delegación", "Reunión en Palacio."),
            "other": add(session, "Water treaty minute signed", "IBWC and CILA agree."),
        }
    return database, ids


def test_ranks_title_above_summary_above_implications(corpus):
    database, ids = corpus
    with database.sessions() as session:
        ranked = [event_id for event_id, _ in search_event_ids(session, "fentanyl")]
    assert ranked == [ids["title"], ids["summary"], ids["impl"]]


def test_folds_case_and_accents(corpus):
    database, ids = corpus
    with database.sessions() as session:
        assert [i for i, _ in search_event_ids(session, "LOPEZ obrador")] == [ids["accent"]]
        assert [i for i, _ in search_event_ids(session, "delegacion")] == [ids["accent"]]


def test_all_words_must_match_and_phrases(corpus):
    database, ids = corpus
    with database.sessions() as session:
        assert [i for i, _ in search_event_ids(session, "fentanyl arms")] == [ids["summary"]]
        assert [i for i, _ in search_event_ids(session, '"water treaty"')] == [ids["other"]]
        assert search_event_ids(session, '"treaty water"') == []


@pytest.mark.parametrize("text", ['"', "-", "NEAR(", "a:b*", "'; DROP TABLE events; --", "   "])
def test_search_syntax_in_input_is_harmless(corpus, text):
    database, _ = corpus
    with database.sessions() as session:
        assert isinstance(search_event_ids(session, text), list)
        assert count_events(session, EventQuery()) == 5


def test_search_combines_with_filters(corpus):
    database, ids = corpus
    with database.sessions() as session:
        found = find_events(session, EventQuery(search="fentanyl", limit=2))
        assert [e.id for e in found] == [ids["title"], ids["summary"]]
        assert count_events(session, EventQuery(search="fentanyl")) == 3


def test_index_follows_updates_and_deletes(corpus):
    database, ids = corpus
    with database.transaction() as session:
        session.get(Event, ids["other"]).title = "Minuta 331 firmada"
        session.delete(session.get(Event, ids["title"]))
    with database.sessions() as session:
        assert [i for i, _ in search_event_ids(session, "minuta")] == [ids["other"]]
        assert search_event_ids(session, "treaty") == []
        assert ids["title"] not in [i for i, _ in search_event_ids(session, "fentanyl")]


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("fentanyl", '"fentanyl"'),
        ("Fentanyl  arms", '"Fentanyl" AND "arms"'),
        ('"water treaty" minute', '"water treaty" AND "minute"'),
        ("NEAR(a b)", '"NEAR" AND "a" AND "b"'),
        ("--", None),
    ],
)
def test_fts5_query(text, query):
    assert fts5_query(text) == query


def test_rank_window_keeps_the_most_recent_matches(corpus):
    from sqlalchemy import select

    from binational.store.search import ranked_matches

    database, ids = corpus
    with database.sessions() as session:
        matches = ranked_matches(session.get_bind().dialect.name, "fentanyl", window=2)
        found = {row.id for row in session.execute(select(matches.c.id))}
    assert found == {ids["summary"], ids["impl"]}  # the two added last


def test_search_with_filters_ranks_within_the_filter(corpus):
    import datetime as dt

    from binational.domain import Period

    database, ids = corpus
    with database.transaction() as session:
        moved = session.get(Event, ids["title"])
        moved.date_value = dt.date(2023, 8, 1)
    with database.sessions() as session:
        found = find_events(session, EventQuery(search="fentanyl", period=Period.parse("2023Q2")))
        assert [e.id for e in found] == [ids["summary"], ids["impl"]]
        found = find_events(session, EventQuery(search="fentanyl", status="draft"))
        assert found == []
