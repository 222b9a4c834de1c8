"""The citations model and migration 0008_citations describe the same table, on
SQLite and PostgreSQL; reads and writes of citations."""

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from binational.store import citation_models
from binational.store.citations import (
    CitationCheck,
    archived_copies,
    archived_text,
    check_order,
    citation_checks,
    record_archived,
    record_check,
)
from binational.store.models import Base


def ours(diff) -> bool:
    text = repr(diff)
    return citation_models.Citation.__tablename__ in text


def test_model_matches_the_migration(database):
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diffs = compare_metadata(context, Base.metadata)
    assert [diff for diff in diffs if ours(diff)] == []
    assert "citations" in database.table_names()


def test_archived_copies_and_checks_round_trip(database):
    when = dt.datetime(2026, 1, 2, 3, 4, 5)
    with database.transaction() as session:
        record_archived(session, "https://a.example/1", "x.warc.gz", 10, 20, "T", "Body", when=when)
        record_check(session, CitationCheck("https://a.example/2", "dead", 404, None, "HTTP 404",
                                            when))  # fmt: skip
    with database.connect() as connection:
        copies = archived_copies(connection, ["https://a.example/1", "https://a.example/2"])
        checks = citation_checks(connection, ["https://a.example/1", "https://a.example/2"])
        order = check_order(connection, ["https://a.example/2", "https://a.example/1"])
        copy = copies["https://a.example/1"]
        text = archived_text(connection, copy.table, copy.row_id)
    assert list(copies) == ["https://a.example/1"]
    assert (copies["https://a.example/1"].file, copies["https://a.example/1"].offset) == (
        "x.warc.gz", 10,
    )  # fmt: skip
    assert checks["https://a.example/2"].state == "dead" and list(checks) == ["https://a.example/2"]
    assert order == ["https://a.example/1", "https://a.example/2"]
    assert text == ("T", "Body") and copy.retrieved_at == when
