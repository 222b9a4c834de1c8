"""Alembic environment: the engine is handed in by ``store.database.upgrade``.

Run by hand with ``binational db upgrade``; there is no alembic.ini, so that the
database URL comes from binational's own settings.
"""

from alembic import context

from binational.store.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    if connection.dialect.name == "sqlite":
        # The driver begins a transaction only before INSERT, UPDATE and DELETE: without
        # this BEGIN each CREATE TABLE would commit alone, and a process killed halfway
        # through a migration would leave half a schema behind. IMMEDIATE: one
        # migrating process at a time; the next finds the schema current.
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
