"""``ingest/fetch_states.py``: the retry schedule of failed pages, and what the
database remembers between runs (against the loopback server)."""

import asyncio
import datetime as dt

import pages
import pytest
from sqlalchemy import select

from binational.ingest.fetch_states import MAX_RETRY_DELAY, retry_delay
from binational.ingest.pipeline import run_ingest
from binational.ingest.sources import Source
from binational.store.ingest_models import Document, FetchState
from binational.store.models import utcnow


@pytest.mark.parametrize(
    ("failures", "backoff", "delay"),
    [(1, 1800, 1800), (2, 1800, 3600), (3, 1800, 7200), (6, 1800, 57_600),
     (7, 1800, MAX_RETRY_DELAY), (40, 1800, MAX_RETRY_DELAY), (1, 0, 0), (5, 0, 0),
     (1, 1.0, 1.0), (3, 1.0, 4.0)],
)  # fmt: skip
def test_the_wait_doubles_after_each_failure_up_to_a_day(failures, backoff, delay):
    assert retry_delay(failures, backoff) == delay


def page_state(database, url):
    with database.sessions() as session:
        return session.scalars(select(FetchState).where(FetchState.url == url)).one_or_none()


async def wait_until(moment: dt.datetime) -> None:
    await asyncio.sleep(max(0.0, (moment - utcnow()).total_seconds()) + 0.05)


async def test_a_failing_page_waits_its_turn_then_is_fetched(
    sqlite_database, settings, site, releases, analyzer
):
    settings = settings.with_overrides(page_retry_backoff=1.0, fetch_retries=0)
    page = site.add("/flaky", b"busy", "text/plain", status=503)
    site.add("/feed.xml", pages.rss_feed("F", [{"title": "T", "link": page,
             "published": "2023-09-29"}]), "application/rss+xml")  # fmt: skip
    source = Source("F", site.url("/feed.xml"), "rss", official=True)

    first = await run_ingest(sqlite_database, settings, [source], analyzer)
    assert [f.reason for f in first.failures] == ["HTTP 503 (after 1 attempts)"]
    state = page_state(sqlite_database, page)
    assert state.failures == 1 and state.last_status == 503
    assert state.next_attempt_at - state.fetched_at == dt.timedelta(seconds=1)

    again = await run_ingest(sqlite_database, settings, [source], analyzer)  # too soon
    assert (again.deferred, again.failed, site.hits("/flaky")) == (1, 0, 1)
    assert site.hits("/feed.xml") == 2  # the feed is read again for the page's sake

    await wait_until(state.next_attempt_at)
    third = await run_ingest(sqlite_database, settings, [source], analyzer)
    assert (third.deferred, third.failed, site.hits("/flaky")) == (0, 1, 2)
    state = page_state(sqlite_database, page)
    assert state.failures == 2
    assert state.next_attempt_at - state.fetched_at == dt.timedelta(seconds=2)

    site.add("/flaky", pages.article_html(releases["embassy-hled-2022"]))
    await wait_until(state.next_attempt_at)
    fourth = await run_ingest(sqlite_database, settings, [source], analyzer)
    assert (fourth.fetched, fourth.failed, fourth.deferred) == (2, 0, 0)  # feed and page
    with sqlite_database.sessions() as session:
        kinds = session.scalars(select(Document.kind).where(Document.url == page)).all()
    assert sorted(kinds) == ["feed_entry", "page"]  # the page joined its entry's story
    state = page_state(sqlite_database, page)
    assert (state.failures, state.next_attempt_at) == (0, None)
