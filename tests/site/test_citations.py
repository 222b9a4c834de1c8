"""Archiving cited addresses and re-checking them, against a real HTTP server on
127.0.0.1, through the project's polite, guarded fetcher."""

from __future__ import annotations

import asyncio

import pytest

from binational.ingest.fetch import FetchResult
from binational.site.citations import archive_missing, check_citations, classify, missing_citations
from binational.store.citations import archived_copies, citation_checks
from binational.store.database import Database
from binational.store.models import Event


def test_archive_fetch_archives_each_missing_citation_once(site_world, origin):
    settings, database = site_world
    with database.connect() as connection:
        copies = archived_copies(connection, [f"{origin}/releases/fentanyl.html",
                                              f"{origin}/releases/dialogo.html",
                                              f"{origin}/old-address"])  # fmt: skip
    assert set(copies) == {f"{origin}/releases/fentanyl.html", f"{origin}/releases/dialogo.html",
                           f"{origin}/old-address"}  # fmt: skip
    # The page that is gone could not be archived; it stays missing, with its reason.
    assert missing_citations(database) == [f"{origin}/taken-down.html"]
    again = asyncio.run(archive_missing(database, settings))
    assert [(o.url, o.archived, o.reason) for o in again] == [
        (f"{origin}/taken-down.html", False, "HTTP 404")
    ]


def test_archive_check_records_which_moved_or_died(site_world, origin, tmp_path):
    settings, database = site_world
    checks = {check.url: check for check in asyncio.run(check_citations(database, settings))}
    assert checks[f"{origin}/releases/fentanyl.html"].state == "ok"
    moved = checks[f"{origin}/old-address"]
    assert (moved.state, moved.final_url) == ("moved", f"{origin}/releases/fentanyl.html")
    assert checks[f"{origin}/taken-down.html"].state == "dead"
    with database.connect() as connection:
        stored = citation_checks(connection, list(checks))
    assert {url: check.state for url, check in stored.items()} == {
        url: check.state for url, check in checks.items()
    }
    # --limit: the next run visits the longest unchecked first, one of them only.
    limited = asyncio.run(check_citations(database, settings, limit=1))
    assert len(limited) == 1


def test_the_web_event_page_shows_the_citation_status(site_world, origin):
    from binational.store.event_reads import read_event_page
    from binational.web.views.event_page import citation_status

    settings, database = site_world
    asyncio.run(check_citations(database, settings))
    with database.sessions() as session:
        event_id = session.query(Event.id).filter(Event.title.like("Trilateral Fentanyl%")).scalar()
    with database.connect() as connection:
        record = read_event_page(connection, event_id, {}, None, False)
        status = citation_status(connection, record)
    assert [(s["url"], s["state"]) for s in status] == [
        (f"{origin}/releases/fentanyl.html", "ok"), (f"{origin}/old-address", "moved"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("result", "state"),
    [
        (FetchResult("http://a/x", "http://a/x", 200), "ok"),
        (FetchResult("http://a/x", "http://a/y", 200, redirects=("http://a/x",)), "moved"),
        (FetchResult("http://a/x", "http://a/x", 404, error="HTTP 404"), "dead"),
        (FetchResult("http://a/x", "http://a/x", 410, error="HTTP 410"), "dead"),
        (FetchResult("http://a/x", "http://a/x", error="connection failed: refused"), "dead"),
        (FetchResult("http://a/x", "http://a/x", 503, error="HTTP 503"), "error"),
        (FetchResult("http://a/x", "http://a/x", error="disallowed by robots.txt"), "error"),
        (
            FetchResult("http://a/x", "http://a/x", error="a loopback address", refused=True),
            "error",
        ),
    ],
)
def test_classify(result, state):
    assert classify(result)[0] == state


def test_a_new_database_has_the_citations_table(tmp_path):
    database = Database.open(str(tmp_path / "new.db"))
    assert "citations" in database.table_names()
    database.close()
