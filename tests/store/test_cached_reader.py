"""Every statement the cache compiles gives the same rows through the stdlib sqlite3
module (``CachedReader``) as through SQLAlchemy, on a real SQLite file with data:
same column names, same values of the same types, same order."""

import datetime as dt
import itertools
import sqlite3
from pathlib import Path

import pytest

from binational.domain import Period
from binational.ingest.clusters import NewDocument, store_document
from binational.ingest.dedup import text_sha256
from binational.ingest.queue import reject_candidate
from binational.intake.importer import import_reports
from binational.registry.annotate import registry_annotator
from binational.store.cached_reader import (
    CachedReader,
    CompiledStatements,
    open_cached_reader,
    sqlite_file,
)
from binational.store.citation_models import Citation
from binational.store.compiled import compile_all, write_statement_cache
from binational.store.database import Database
from binational.store.event_query import COMMAND_LINE_FILTERS, EventQuery, listing_of
from binational.store.events import get_event, update_event
from binational.store.links import remove_link
from binational.store.models import EventSource
from binational.store.named_statements import NamedStatement
from binational.store.statement_cache import cache_key, read_cached

Q2 = {"first_day": dt.date(2023, 4, 1), "last_day": dt.date(2023, 6, 30)}
EVENT = "binational.store.event_statements"
REPORT = "binational.store.report_statements"
CANDIDATE = "binational.store.candidate_statements"
CITATION = "binational.store.citation_statements"
CHECKED = "https://example.gov/checked"
# Each named statement (but the listings, below) with the values it is run with: ids
# that exist and ids that do not, empty lists, every status.
CASES = [
    ("binational.store.database", "STORED_VERSIONS", {}),
    *[(EVENT, "EVENT_PAGE", {"event_id": i}) for i in (1, 2, 3, 99)],
    *[(EVENT, "EVENT_DAY", {"event_id": i}) for i in (1, 99)],
    *[(EVENT, name, {"event_id": i}) for name in ("LINKS", "TOPICS") for i in (1, 2, 4)],
    *[(EVENT, name, {"ids": ids})
      for name in ("MANY_EVENTS", "MANY_LINKS", "MANY_TOPICS", "MANY_CARDS", "MANY_CARD_LINKS")
      for ids in ([1], [3, 2, 1, 99], list(range(1, 15)), [])],
    *[(EVENT, name, {"event_id": i}) for name in ("SOURCES", "PLACEMENTS") for i in (2, 5)],
    *[(EVENT, name, {"event_id": i})
      for name in ("REVISIONS", "REVISIONS_OLDEST_FIRST") for i in (2, 3, 5)],
    (REPORT, "PLACED_ITEMS", {"period": "2023Q2", **Q2}),
    (REPORT, "PLACED_ITEMS", {"period": "2023Q3", "first_day": dt.date(2023, 7, 1),
                              "last_day": dt.date(2023, 9, 30)}),
    (REPORT, "REPORTABLE_DAY_COUNTS", Q2),
    *[(REPORT, "REPORTABLE_BEFORE_ON_DAY", {"day": day, "event_id": i})
      for day, i in ((dt.date(2023, 4, 12), 1), (dt.date(2023, 4, 12), 99),
                     (dt.date(2023, 5, 1), 5))],
    *[(CANDIDATE, "BY_STATUS", {"status": s, "score": score})
      for s in ("queued", "rejected") for score in (0.0, 0.55)],
    (CANDIDATE, "BY_STATUS_LIMITED", {"status": "queued", "score": 0.0, "limit": 2}),
    *[(CANDIDATE, "ONE", {"candidate_id": i}) for i in (1, 99)],
    *[(CANDIDATE, "DOCUMENTS", {"ids": ids}) for ids in ([1], [1, 2, 3], [])],
    *[(CITATION, "CHECKS_OF_URLS", {"urls": urls})
      for urls in ([CHECKED], [CHECKED, "https://example.gov/unchecked"], [])],
]  # fmt: skip
# The command line's listings: every combination of its filters, with values that
# find events.
FILTER_VALUES = (
    EventQuery(period=Period.parse("2023Q2")), EventQuery(status="published"),
    EventQuery(institution="usmca"), EventQuery(topic="security"), EventQuery(limit=3),
)  # fmt: skip


def listing_queries() -> list[EventQuery]:
    queries = []
    for mask in itertools.product((False, True), repeat=len(FILTER_VALUES)):
        fields = {}
        for chosen, query in zip(mask, FILTER_VALUES, strict=True):
            if chosen:
                fields.update({k: v for k, v in vars(query).items() if v and k != "offset"})
        queries.append(EventQuery(**fields))
    return queries


TEXT = "Officials of the United States and Mexico met for the High-Level Economic Dialogue."


def document(url: str, score: float) -> NewDocument:
    return NewDocument(
        kind="page", url=url, canonical_url=url, title="HLED statement", text=TEXT,
        text_sha256=text_sha256(TEXT + url), source_name="ustr", official=url.endswith(".gov/a"),
        published=dt.date(2023, 9, 29) if score > 0.5 else None, published_stated=True,
        language="en", score=score, reasons=("United States and Mexico both named",),
        institutions=({"slug": "hled", "kind": "institution", "mention": "HLED"},),
        topics=("trade-economy",),
    )  # fmt: skip


@pytest.fixture(scope="module")
def data(tmp_path_factory, sample_report_path):
    """A SQLite file with the sample report, edits, a removed link, a source, and
    candidates (one rejected); its SQLAlchemy connection and a ``CachedReader`` on
    the statements as the cache file keeps them."""
    directory = tmp_path_factory.mktemp("cached-reader")
    database = Database.open(str(directory / "data.db"))
    import_reports(database, [sample_report_path], annotator=registry_annotator())
    with database.transaction() as session:
        update_event(session, get_event(session, 3), {"status": "draft"}, "ana")
        update_event(session, get_event(session, 2), {"implications": "Edited.",
                                                      "status": "reviewed"}, "ana")  # fmt: skip
        remove_link(session, get_event(session, 2), get_event(session, 2)
                    .institution_links[0].slug, "ana")  # fmt: skip
        session.add(EventSource(event_id=2, url="https://example.gov/copy", title="Copy",
                                role="duplicate", added_at=dt.datetime(2023, 5, 1, 12, 3, 4, 5)))
        session.add(Citation(url=CHECKED, checked_at=dt.datetime(2023, 6, 2, 8, 0, 1, 7),
                             check_state="moved", check_status=301,
                             final_url="https://example.gov/moved"))  # fmt: skip
        session.add(Citation(url="https://example.gov/unchecked"))
        first = store_document(session, document("https://news.example.com/a", 0.8), None)
        store_document(session, document("https://ustr.gov/a", 0.8), first.candidate_id)
        store_document(session, document("https://b.example/b", 0.5), None)
        rejected = store_document(session, document("https://b.example/c", 0.6), None)
        reject_candidate(session, rejected.candidate_id, "ana")
    write_statement_cache(directory / "cache")
    statements = read_cached(directory / "cache", cache_key())
    assert statements is not None
    reader = open_cached_reader(str(directory / "data.db"), 5.0, statements)
    assert reader is not None
    with database.connect() as connection:
        yield connection, reader
    reader.close()
    database.close()


def typed(found) -> list:
    """Rows as their column names and each value with its type (so that 1 is not
    True and '2023-04-12' is not a date)."""
    return [(tuple(row._fields), [(type(value), value) for value in row]) for row in found]


def both_ways(data, statement: NamedStatement, params: dict):
    """The statement's rows through SQLAlchemy, after holding a ``CachedReader``'s and
    ``Database.reader``'s (the web's, on the same connection) equal to them."""
    connection, reader = data
    expected = connection.execute(statement.build(), params).all()
    assert typed(reader.run_cached(statement, params)) == typed(expected)
    driver = CachedReader(connection.connection.driver_connection, CompiledStatements())
    assert typed(driver.run_cached(statement, params)) == typed(expected)
    return expected


@pytest.mark.parametrize(("module", "name", "params"), CASES)
def test_a_statement_reads_the_same_both_ways(data, module, name, params):
    both_ways(data, NamedStatement(module, name), params)


@pytest.mark.parametrize("query", listing_queries(), ids=str)
def test_every_command_line_listing_reads_the_same_both_ways(data, query):
    statement, values = listing_of(query)
    both_ways(data, statement, values)


def test_the_cases_read_something_and_cover_every_statement(data):
    """The table above is worth something only if it covers every compiled statement
    and its statements find rows of every kind."""
    covered = {NamedStatement(m, n).key for m, n, _ in CASES}
    covered |= {listing_of(query)[0].key for query in listing_queries()}
    assert covered == set(compile_all())
    found = [both_ways(data, NamedStatement(m, n), p) for m, n, p in CASES]
    assert sum(bool(rows) for rows in found) > len(CASES) * 2 // 3
    values = {type(v) for rows in found for row in rows for v in row}
    assert {bool, int, float, str, dt.date, dt.datetime, list, dict, type(None)} <= values
    listed = {tuple(r.id for r in both_ways(data, *listing_of(q))) for q in listing_queries()}
    assert len(listed) >= 6


def test_the_command_line_filters_are_those_compiled(data):
    shapes = {tuple(sorted(listing_of(query)[1])) for query in COMMAND_LINE_FILTERS}
    assert shapes == {tuple(sorted(listing_of(query)[1])) for query in FILTER_VALUES}


def test_a_statement_not_compiled_ahead_is_compiled_on_first_use(data):
    connection, reader = data
    bare = CachedReader(reader._connection, CompiledStatements())
    statement = NamedStatement(EVENT, "EVENT_DAY")
    assert bare.run_cached(statement, {"event_id": 1}) == reader.run_cached(
        statement, {"event_id": 1}
    )


def test_no_reader_for_what_it_cannot_read(tmp_path):
    """No file, not a SQLite file, a database that needs migrating, a server: None,
    and the caller opens the database through SQLAlchemy."""
    statements = compile_all()
    assert open_cached_reader(str(tmp_path / "missing.db"), 1.0, statements) is None
    (tmp_path / "text.db").write_text("not a database")
    assert open_cached_reader(str(tmp_path / "text.db"), 1.0, statements) is None
    sqlite3.connect(tmp_path / "empty.db").execute("CREATE TABLE t (x)").connection.commit()
    assert open_cached_reader(str(tmp_path / "empty.db"), 1.0, statements) is None
    assert open_cached_reader("postgresql://u@localhost/db", 1.0, statements) is None


@pytest.mark.parametrize(
    ("target", "path"),
    [
        ("demo.db", "demo.db"),
        ("/data/demo.db", "/data/demo.db"),
        ("sqlite:////data/demo.db", "/data/demo.db"),
        ("sqlite:///demo.db", "demo.db"),
        ("sqlite:///demo.db?mode=ro", None),
        ("sqlite:///d%20b.db", None),
        ("postgresql+psycopg://u@h/db", None),
    ],
)
def test_sqlite_file(target, path):
    assert sqlite_file(target) == (None if path is None else Path(path))


def test_the_database_reads_sqlite_on_the_pooled_connections_driver(tmp_path):
    """``Database.reader``: the web's named reads on SQLite go through a reader of the
    pooled connection's own ``sqlite3`` connection, which stays open after it."""
    database = Database.open(str(tmp_path / "web.db"))
    statement = NamedStatement("binational.store.database", "STORED_VERSIONS")
    with database.connect() as connection:
        reader = database.reader(connection)
        assert isinstance(reader, CachedReader)
        assert typed(reader.run_cached(statement, {})) == typed(
            connection.execute(statement.build()).all()
        )
        assert connection.execute(statement.build()).all()  # still usable
    database.close()
