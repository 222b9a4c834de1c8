"""The Core tables (``tables.py``, ``ingest_tables.py``) and the migrations describe the
same schema, on SQLite and PostgreSQL, and the ORM classes are mapped onto them."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from binational.store import account_models, ingest_models, ingest_tables, models, tables

# The full-text machinery is made by migration SQL, not described as tables: SQLite's
# FTS5 index and its shadow tables, PostgreSQL's computed tsvector and its index.
FULL_TEXT = ("events_fts", "search_vector", "ix_events_search_vector")


def _full_text(diff) -> bool:
    item = diff[0] if isinstance(diff, list) else diff
    for part in item[1:]:
        for thing in (part, getattr(part, "table", None)):
            name = thing if isinstance(thing, str) else getattr(thing, "name", None)
            if isinstance(name, str) and name.startswith(FULL_TEXT):
                return True
    return False


def test_the_tables_match_the_migrations(database):
    assert account_models.User.__table__.metadata is tables.metadata
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diffs = compare_metadata(context, tables.metadata)
    assert [diff for diff in diffs if not _full_text(diff)] == []
    assert len(diffs) > 0  # the full-text tables are seen, so the comparison ran


def test_the_orm_classes_are_mapped_onto_the_core_tables():
    pairs = [
        (models.Event, tables.events), (models.EventInstitution, tables.event_institutions),
        (models.EventTopic, tables.event_topics), (models.EventSource, tables.event_sources),
        (models.Revision, tables.revisions), (models.Report, tables.reports),
        (models.ReportItem, tables.report_items), (ingest_models.Document, ingest_tables.documents),
        (ingest_models.Candidate, ingest_tables.candidates),
        (ingest_models.FetchState, ingest_tables.fetch_states),
    ]  # fmt: skip
    for orm_class, table in pairs:
        assert orm_class.__table__ is table
        assert set(orm_class.__annotations__) >= set(table.columns.keys()), orm_class
