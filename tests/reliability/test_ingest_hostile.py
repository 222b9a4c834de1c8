"""Whole ingest runs against the hostile server (issue 12, findings 1-3, at the
pipeline): dripping pages do not stall a run, a run keeps to its budget, a bad page
or a refused redirect never fails its source, whose state is saved, and malformed
feeds are failures with a reason."""

import time
import tracemalloc

import pages
import pytest
from hostile_web import BILLION_LAUGHS, DEADLINE, PAGE, drip_body, drip_headers
from sqlalchemy import func, select

from binational.ingest.pipeline import run_ingest
from binational.ingest.sources import Source
from binational.store.database import Database
from binational.store.ingest_models import Document, FetchState


@pytest.fixture
def database(settings):
    database = Database.open(settings.db)
    yield database
    database.close()


def feed_of(server, paths: list[str]) -> str:
    entries = [
        {"title": f"Item {n}", "link": server.url(path), "published": f"2023-10-0{n % 9 + 1}"}
        for n, path in enumerate(paths)
    ]
    return server.page("/feed.xml", pages.rss_feed("Hostile", entries), "application/rss+xml")


def states(database) -> dict[str, FetchState]:
    with database.sessions() as session:
        return {state.url: state for state in session.scalars(select(FetchState))}


def documents(database) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count(Document.id)).where(Document.kind == "page"))


def good_page(server, path: str, n: int) -> None:
    server.page(path, PAGE.replace(b"Joint statement", b"Joint statement %d" % n).replace(
        b"Dialogue.", b"Dialogue number %d." % n))  # fmt: skip


async def test_eight_dripping_pages_do_not_stall_a_run(database, settings, hostile, analyzer):
    drips = [f"/drip/{n}" for n in range(8)]
    for n, path in enumerate(drips):
        hostile.route(path, drip_headers if n % 2 else drip_body)
    good_page(hostile, "/good/1", 1)
    source = Source("Hostile", feed_of(hostile, ["/good/1", *drips]), "rss")
    started = time.monotonic()
    summary = await run_ingest(database, settings, [source], analyzer)
    elapsed = time.monotonic() - started
    assert elapsed < 3 * DEADLINE + 2, f"the run took {elapsed:.1f} s"
    assert summary.sources == {"Hostile": "fetched"} and documents(database) == 1
    reasons = {f.url: f.reason for f in summary.failures}
    assert set(reasons) == {hostile.url(path) for path in drips}
    assert all(r.startswith("abandoned: no complete response within") for r in reasons.values())
    recorded = states(database)
    assert all(recorded[hostile.url(path)].failures == 1 for path in drips)
    assert all(recorded[hostile.url(path)].next_attempt_at for path in drips)
    # The next run leaves them alone until their retry time, and reads the feed again.
    hostile.log.clear()
    again = await run_ingest(database, settings, [source], analyzer)
    assert again.deferred == 8 and again.failed == 0
    assert hostile.log.count("/feed.xml") == 1 and not any(p in hostile.log for p in drips)


async def test_a_run_keeps_to_its_budget(database, settings, hostile, analyzer):
    settings = settings.with_overrides(ingest_run_budget=2.0, fetch_deadline=30.0)
    drips = [f"/drip/{n}" for n in range(4)]
    for path in drips:
        hostile.route(path, drip_body)
    source = Source("Hostile", feed_of(hostile, drips), "rss")
    started = time.monotonic()
    summary = await run_ingest(database, settings, [source], analyzer)
    assert time.monotonic() - started < 4.0
    assert {f.reason for f in summary.failures} == {
        "abandoned: the run's time budget (2 s, ingest_run_budget) was used up; "
        "the next run tries again"
    }
    recorded = states(database)
    assert all(hostile.url(path) not in recorded for path in drips)  # not the pages' fault
    assert recorded[source.url].etag is None  # the feed is read whole again next run


@pytest.mark.parametrize(
    "location",
    ["data:text/html,<script>alert(1)</script>", "javascript:alert(document.cookie)",
     "http://0177.0.0.1/x", "ftp://127.0.0.1/x"],
)  # fmt: skip
async def test_a_page_redirecting_elsewhere_fails_alone_and_its_source_is_saved(
    database, settings, hostile, analyzer, location
):
    hostile.page("/odd", b"", status=302, Location=location)
    good_page(hostile, "/good/1", 1)
    source = Source("Hostile", feed_of(hostile, ["/odd", "/good/1"]), "rss")
    summary = await run_ingest(database, settings, [source], analyzer)
    assert summary.sources == {"Hostile": "fetched"} and documents(database) == 1
    [failure] = summary.failures
    assert failure.url == hostile.url("/odd") and (
        failure.reason.startswith("redirect to") or "0177.0.0.1" in failure.reason
    )
    state = states(database)[source.url]
    assert state.content_sha256 and state.last_error is None  # the source's state was saved


async def test_a_page_redirecting_inside_is_refused_and_nothing_reaches_inside(
    database, settings, hostile, internal, analyzer
):
    hostile.page("/in", b"", status=302, Location=internal.url("/secret"))
    hostile.page("/in2", b"", status=302, Location=internal.url("/secret").replace(
        "127.0.0.2", "[::ffff:127.0.0.2]"))  # fmt: skip
    good_page(hostile, "/good/1", 1)
    source = Source("Hostile", feed_of(hostile, ["/in", "/in2", "/good/1"]), "rss")
    summary = await run_ingest(database, settings, [source], analyzer)
    assert internal.log == []
    assert summary.sources == {"Hostile": "fetched"} and documents(database) == 1
    reasons = sorted(f.reason for f in summary.failures)
    assert reasons == [
        "refused to connect to 127.0.0.2: 127.0.0.2 is a loopback address",
        "refused to connect to ::ffff:127.0.0.2: ::ffff:7f00:2 carries 127.0.0.2, a loopback "
        "address",
    ]


@pytest.mark.parametrize("host", ["127.0.0.2", "0x7f.0.0.2", "2130706434"])
async def test_a_source_at_an_internal_address_fails_with_the_reason(
    database, settings, internal, analyzer, host
):
    url = internal.page("/feed.xml", b"<rss/>", "application/rss+xml").replace("127.0.0.2", host)
    summary = await run_ingest(database, settings, [Source("Inside", url, "rss")], analyzer)
    assert summary.sources == {"Inside": "failed"} and internal.log == []
    [failure] = summary.failures
    assert failure.reason == f"refused to connect to {host}: 127.0.0.2 is a loopback address"
    assert states(database)[url].last_error == failure.reason


def truncated_feed(server) -> bytes:
    whole = pages.rss_feed("Cut", [
        {"title": "One", "link": server.url("/good/1"), "published": "2023-10-01"},
        {"title": "Two", "link": server.url("/good/2"), "published": "2023-10-02"},
    ]).encode()  # fmt: skip
    return whole[: whole.index(b"<title>Two")]


def wrongly_encoded_feed(server) -> bytes:
    text = pages.rss_feed("Señal", [
        {"title": "Reunión bilateral", "link": server.url("/good/1"), "published": "2023-10-01"},
    ])  # fmt: skip
    return text.replace('encoding="utf-8"', 'encoding="utf-16"').encode("latin-1", "replace")


@pytest.mark.parametrize("kind", ["truncated", "wrong encoding", "billion laughs"])
async def test_malformed_feeds_are_read_as_far_as_they_go_or_fail_with_a_reason(
    database, settings, hostile, analyzer, kind
):
    good_page(hostile, "/good/1", 1)
    body = {
        "truncated": truncated_feed(hostile),
        "wrong encoding": wrongly_encoded_feed(hostile),
        "billion laughs": BILLION_LAUGHS.replace(b"http://127.0.0.1/laughs",
                                                 hostile.url("/good/1").encode()),
    }[kind]  # fmt: skip
    url = hostile.page("/feed.xml", body, "application/rss+xml")
    tracemalloc.start()
    started = time.monotonic()
    try:
        summary = await run_ingest(database, settings, [Source("Bad", url, "rss")], analyzer)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 10 and peak < 100_000_000
    outcome = summary.sources["Bad"]
    if outcome == "failed":
        [failure] = summary.failures
        assert failure.url == url and failure.reason
    else:
        assert outcome == "fetched" and summary.failures == []
    if kind == "truncated":
        assert documents(database) == 1  # the complete item was read
    if kind == "billion laughs":
        assert documents(database) == 0  # no entity was expanded into an entry
    assert url in states(database)  # either way, the source's state was saved
