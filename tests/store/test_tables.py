"""The Core tables (``tables.py``, ``ingest_tables.py``, ``job_tables.py``) and the
migrations describe the same schema, on SQLite and PostgreSQL, and the ORM classes are
mapped onto them."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from binational.store import (  # every module with tables: the metadata holds them all
    account_models,
    citation_models,  # noqa: F401 - imported for its tables
    draft_models,  # noqa: F401 - imported for its tables
    ingest_models,
    ingest_tables,
    job_tables,
    models,
    tables,
)


def _ours(name, type_, parent_names) -> bool:
    """Everything but the job queue's own tables (procrastinate's schema, applied as
    procrastinate ships it by migration 0010_jobs, on PostgreSQL)."""
    return not (type_ == "table" and name.startswith("procrastinate_"))


def test_the_tables_match_the_migrations(database):
    assert account_models.User.__table__.metadata is tables.metadata
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": _ours}
        )
        diffs = compare_metadata(context, tables.metadata)
    assert diffs == []
    assert {"events", "sessions", "event_drafts", "ingest_documents"} <= set(tables.metadata.tables)
    assert job_tables.sources.metadata is tables.metadata


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
