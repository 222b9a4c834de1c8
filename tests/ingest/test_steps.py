"""The ingest steps as the job queue runs them: a page whose storing met a database
that stayed locked is a failure that may pass (its job is retried), and the retry
stores it once, with its feed entry."""

from __future__ import annotations

import pages
import pytest
from sqlalchemy import text

from binational.ingest.client import FetchPolicy, make_client
from binational.ingest.feeds import Entry
from binational.ingest.fetch import Fetcher
from binational.ingest.sources import Source
from binational.ingest.steps import IngestSteps, StepLimits
from binational.store.database import Database
from binational.store.documents import CLUSTERS_LOCK


@pytest.mark.postgres
async def test_a_page_stored_while_the_database_is_locked_may_pass(
    postgres_database, site, releases, settings, analyzer
):
    url = postgres_database.engine.url.render_as_string(hide_password=False)
    impatient = Database.open(url, lock_wait=0.3)
    release = next(iter(releases.values()))
    page = site.add("/news/1.html", pages.article_html(release))
    source = Source("wire", site.url("/feed.xml"), "rss", official=True)
    feed = None
    policy = FetchPolicy.from_settings(settings)
    holder = postgres_database.engine.connect()
    try:
        async with make_client(policy) as client:
            steps = IngestSteps(
                impatient, Fetcher(client, policy, None), analyzer, 0.8, StepLimits(None, None)
            )
            holder.execute(text("SELECT pg_advisory_lock(:key)"), {"key": CLUSTERS_LOCK})
            busy = await steps.page(source, Entry(page, "A release"), feed)
            holder.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": CLUSTERS_LOCK})
            again = await steps.page(source, Entry(page, "A release"), feed)
            once_more = await steps.page(source, Entry(page, "A release"), feed)
            steps.close()
    finally:
        holder.close()
        impatient.close()
    assert busy.retry_later and busy.stored is None
    assert "the database is busy" in busy.error
    assert (again.stored, again.error) == ("new", None)
    assert once_more.stored == "known" and site.hits("/news/1.html") == 2
    with postgres_database.engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM ingest_documents")) == 1
