"""Whole ingest runs against the loopback newsroom (tests/ingest/newsroom.py)."""

import dataclasses

import newsroom
import pytest
from sqlalchemy import func, select
from webserver import slow

from binational.ingest.archive import ArchiveLocation, read_response
from binational.ingest.pipeline import run_ingest
from binational.ingest.queue import candidate_record, list_candidates
from binational.ingest.sources import Source, official_hosts
from binational.store.ingest_models import Candidate, Document


@pytest.fixture
def world(sites, releases, analyzer):
    sources = newsroom.build(sites, releases)
    return sources, dataclasses.replace(analyzer, official_hosts=official_hosts(sources))


async def ingest(database, settings, sources, analyzer):
    return await run_ingest(database, settings, sources, analyzer)


def records(database):
    with database.sessions() as session:
        return [candidate_record(c) for c in list_candidates(session)]


async def test_a_first_run_fetches_extracts_clusters_and_ranks(
    sqlite_database, settings, world, sites, releases
):
    sources, analyzer = world
    summary = await ingest(sqlite_database, settings, sources, analyzer)
    assert summary.failures == []
    assert summary.sources == {"Official": "fetched", "Noticias": "fetched", "Wire": "fetched"}
    assert summary.fetched == 3 + 8 + 5 + 1  # three sources, 14 pages
    # 12 stories: the Canadian copy and the wire's edited copy join the NADD statement.
    assert summary.new == 12 and summary.duplicates == 2
    queue = records(sqlite_database)
    assert len(queue) == 12
    by_release = {newsroom.release_of(r["url"], sites): r for r in queue}

    nadd = by_release["ondcp-7th-nadd-2023"]  # the official copy represents the cluster
    assert nadd["cluster_size"] == 3
    assert nadd["url"] == sites[0].url("/news/ondcp-7th-nadd-2023")  # tracking removed
    assert sorted(nadd["duplicate_urls"]) == [sites[1].url("/nota/4"), sites[2].url("/story/nadd")]
    assert nadd["published"] == "2023-11-11" and nadd["language"] == "en"
    assert {"nadd", "nals"} <= {i["slug"] for i in nadd["institutions"]}
    assert by_release["es-rubio-de-la-fuente-call-a"]["language"] == "es"
    assert (
        by_release["es-rubio-de-la-fuente-call-b"]["id"]
        != (by_release["es-rubio-de-la-fuente-call-a"]["id"])
    )  # same event, different text: two stories

    # Every bilateral or trilateral event outranks every item that is not bilateral.
    label = {key: releases[key]["label"] for key in by_release}
    events = [r["score"] for k, r in by_release.items() if label[k].startswith("bilateral")]
    others = [r["score"] for k, r in by_release.items() if label[k].startswith("not_bilateral")]
    assert len(events) == 8 and len(others) == 3
    assert min(events) > max(others)
    assert all(0 <= r["score"] <= 1 and r["reasons"] for r in queue)


async def test_documents_keep_their_archived_response(sqlite_database, settings, world):
    sources, analyzer = world
    await ingest(sqlite_database, settings, sources, analyzer)
    with sqlite_database.sessions() as session:
        page = session.scalars(select(Document).where(Document.kind == "page")).first()
        location = ArchiveLocation(page.warc_file, page.warc_offset, page.warc_length)
    archived = read_response(settings.archive_dir, location)
    assert archived.url == page.url and archived.status == 200
    assert page.title.encode() in archived.body  # extraction can be re-run from here


async def test_a_second_run_over_unchanged_sources_extracts_nothing(
    sqlite_database, settings, world, sites
):
    sources, analyzer = world
    await ingest(sqlite_database, settings, sources, analyzer)
    for site in sites:
        site.log.clear()
    again = await ingest(sqlite_database, settings, sources, analyzer)
    assert (again.fetched, again.unchanged, again.new, again.duplicates) == (0, 3, 0, 0)
    assert again.sources == {"Official": "unchanged", "Noticias": "unchanged", "Wire": "unchanged"}
    # One conditional request per source (and robots.txt once per host): no page.
    paths = sorted(path for site in sites for path, _ in site.log if path != "/robots.txt")
    assert paths == ["/atom.xml", "/feed.xml", "/prensa"]
    assert all(
        headers.get("if-none-match") for site in sites for path, headers in site.log
        if path != "/robots.txt"
    )  # fmt: skip


async def test_new_entries_are_fetched_and_known_pages_are_not(
    sqlite_database, settings, world, sites, releases
):
    sources, analyzer = world
    await ingest(sqlite_database, settings, sources, analyzer)
    wire = sites[2]
    rubio = releases["es-rubio-de-la-fuente-call-a"]
    import pages

    wire.add("/story/rubio", pages.article_html(rubio, layout=1))
    nadd = releases["ondcp-7th-nadd-2023"]
    wire.add("/prensa", pages.listing_html(
        [(wire.url("/story/nadd"), nadd["title"]), (wire.url("/story/rubio"), rubio["title"])]
    ))  # fmt: skip
    wire.log.clear()
    summary = await ingest(sqlite_database, settings, sources, analyzer)
    assert wire.hits("/story/nadd") == 0 and wire.hits("/story/rubio") == 1
    # The wire's verbatim copy of the Rubio story joins the existing cluster.
    assert (summary.new, summary.duplicates) == (0, 1)


async def test_failing_sources_are_reported_and_do_not_stop_the_others(
    sqlite_database, settings, world, sites
):
    sources, analyzer = world
    official = sites[0]
    official.add("/down.xml", b"error", "text/plain", status=500)
    official.add("/garbage.xml", b"<<<this is not xml", "application/xml")
    official.dynamic("/slow.xml", slow(1.5))
    bad = [
        Source("Down", official.url("/down.xml"), "rss"),
        Source("Garbage", official.url("/garbage.xml"), "rss"),
        Source("Slow", official.url("/slow.xml"), "rss"),
        Source("Listing as feed", official.url("/news/miami-beach-youth-safety"), "rss"),
    ]
    summary = await ingest(sqlite_database, settings, [*bad, *sources], analyzer)
    reasons = {f.source: f.reason for f in summary.failures}
    assert reasons["Down"] == "HTTP 500 (after 3 attempts)"
    assert reasons["Garbage"].startswith("not well-formed XML")
    assert reasons["Slow"].startswith("timed out")
    assert reasons["Listing as feed"] == "not an RSS or Atom feed (the document is <html>)"
    assert summary.failed == 4 and summary.new == 12
    assert summary.sources["Official"] == "fetched"


async def test_page_failures_are_reported_and_retried_next_run(
    sqlite_database, settings, sites, releases, analyzer
):
    site = sites[0]
    release = releases["ustr-hled-2023-joint-statement"]
    import pages

    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    site.add("/private/x", pages.article_html(release))
    site.add("/doc.pdf", b"%PDF-1.4", "application/pdf")
    site.add("/flaky", b"", status=503)
    site.add("/ok", pages.article_html(release))
    links = ["/private/x", "/doc.pdf", "/flaky", "/ok"]
    entries = [{"title": f"T{n}", "link": site.url(p), "published": "2023-09-29"}
               for n, p in enumerate(links)]  # fmt: skip
    # A feed with an unescaped ampersand: read as far as it goes.
    feed = pages.rss_feed("F", entries).replace("<title>F</title>", "<title>F & G</title>")
    site.add("/feed.xml", feed, "application/rss+xml")
    source = Source("F", site.url("/feed.xml"), "rss", official=True)
    summary = await ingest(sqlite_database, settings, [source], analyzer)
    reasons = {f.url: f.reason for f in summary.failures}
    assert reasons == {
        site.url("/private/x"): "disallowed by robots.txt",
        site.url("/doc.pdf"): "unsupported content type (application/pdf)",
        site.url("/flaky"): "HTTP 503 (after 3 attempts)",
    }
    assert site.hits("/private/x") == 0
    # The 503 may pass later: the feed is read again next run, and only that page fetched.
    site.add("/flaky", pages.article_html(releases["embassy-hled-2022"]))
    site.log.clear()
    again = await ingest(sqlite_database, settings, [source], analyzer)
    assert site.hits("/feed.xml") == 1 and site.hits("/flaky") == 1 and site.hits("/ok") == 0
    assert again.failed == 2  # robots and PDF still refused, and said so


async def test_a_rejected_story_is_not_queued_again_when_republished(
    sqlite_database, settings, sites, releases, analyzer
):
    import pages

    from binational.ingest.queue import reject_candidate

    one, two, _ = sites
    release = releases["state-blinken-hled-2021"]
    one.add("/a", pages.article_html(release))
    one.add("/list", pages.listing_html([(one.url("/a"), "a")]))
    source = Source("One", one.url("/list"), "listing", selector="a.headline")
    await ingest(sqlite_database, settings, [source], analyzer)
    with sqlite_database.transaction() as session:
        [candidate] = list_candidates(session)
        reject_candidate(session, candidate.id, "ana")
    copy = newsroom.edited_copy(release["text"])
    two.add("/copy", pages.article_html(release, layout=2, text=copy))
    two.add("/list", pages.listing_html([(two.url("/copy"), "copy")]))
    other = Source("Two", two.url("/list"), "listing", selector="a.headline")
    summary = await ingest(sqlite_database, settings, [source, other], analyzer)
    assert summary.duplicates == 1 and summary.new == 0
    assert records(sqlite_database) == []
    with sqlite_database.sessions() as session:
        assert session.scalar(select(func.count(Document.id))) == 2
        assert session.scalar(select(Candidate.status)) == "rejected"


@pytest.mark.postgres
async def test_ingest_on_postgres_too(postgres_database, settings, world):
    sources, analyzer = world
    summary = await ingest(postgres_database, settings, sources, analyzer)
    assert summary.failures == [] and summary.new == 12
    again = await ingest(postgres_database, settings, sources, analyzer)
    assert again.unchanged == 3 and again.new == 0
