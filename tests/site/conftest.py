"""Fixtures of the site's tests: a database holding the sample report, two published
events that cite pages of a real HTTP server on 127.0.0.1, and things the public must
never see (a draft, a reviewed event, an ingestion candidate); the site built from it.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from binational.config import Settings
from binational.store.database import Database

DRAFT_TITLE = "Zebracorn draft title that must never be published"
REVIEWED_TITLE = "Quokkaplane reviewed title that must never be published"
CANDIDATE_TITLE = "Narwhalgate candidate title that must never be published"
# The day the built site's scorecard and timelines run to: its scorecard covers
# July 2023 to June 2024, with the Diálogo's meeting of February 2024 in it.
BUILD_DAY = dt.date(2024, 6, 30)

PAGES = {
    "/releases/fentanyl.html": (
        "<html><head><title>Trilateral Fentanyl Committee meets</title>"
        "<script>alert('x')</script><link rel=stylesheet href=https://cdn.example.com/a.css>"
        "</head><body><nav>Menu Home About</nav><article><h1>Trilateral Fentanyl Committee "
        "meets</h1><p>The Trilateral Fentanyl Committee met in Mexico City to coordinate "
        "action against illicit fentanyl trafficking across North America.</p>"
        "<p>Officials agreed on new steps against precursor chemicals and on sharing "
        "information between the three governments.</p><img src=https://cdn.example.com/x.png>"
        "</article></body></html>"
    ),
    "/releases/dialogo.html": (
        "<html lang=es><head><title>Diálogo Económico de Alto Nivel</title></head><body>"
        "<article><h1>Se reúne el Diálogo Económico de Alto Nivel</h1><p>Los gobiernos de "
        "México y de los Estados Unidos celebraron una nueva reunión del diálogo económico "
        "para revisar la agenda de cadenas de suministro y de inversión en la frontera.</p>"
        "<p>La reunión concluyó con un programa de trabajo para el resto del año.</p>"
        "</article></body></html>"
    ),
}


class FixtureHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        if self.path == "/robots.txt":
            self._send(200, "text/plain", b"User-agent: *\nAllow: /\n")
        elif self.path in PAGES:
            self._send(200, "text/html; charset=utf-8", PAGES[self.path].encode("utf-8"))
        elif self.path == "/old-address":
            self.send_response(301)
            self.send_header("Location", "/releases/fentanyl.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send(404, "text/plain", b"not found")

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def origin() -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 standing in for the government sites."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), FixtureHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def fast_settings(directory: Path) -> Settings:
    return Settings(
        db=str(directory / "site.db"), archive_dir=str(directory / "archive"),
        requests_per_second=1000.0, connect_timeout=2.0, fetch_timeout=2.0, fetch_retries=0,
        retry_backoff=0.01, fetch_deadline=5.0, fetch_allow_networks=("127.0.0.0/8",),
    )  # fmt: skip


def populate(database: Database, origin: str, sample: Path) -> None:
    """The sample report and the events and candidate the tests look for."""
    from binational.intake.importer import import_reports
    from binational.store.documents import NewDocument, add_document
    from binational.store.models import Event, EventInstitution, EventSource

    import_reports(database, [sample])
    day = dt.date(2023, 5, 20)
    with database.transaction() as session:
        fentanyl = Event(
            title="Trilateral Fentanyl Committee meets in Mexico City", date_value=day,
            summary="The committee coordinated action against fentanyl trafficking.",
            implications="Cooperation on fentanyl is now institutional.", status="published",
            url=f"{origin}/releases/fentanyl.html", link_text="Release",
        )  # fmt: skip
        fentanyl.institution_links.append(EventInstitution(
            slug="trilateral-fentanyl-committee", mention="Trilateral Fentanyl Committee",
            field="title",
        ))  # fmt: skip
        fentanyl.sources.append(EventSource(url=f"{origin}/old-address", role="republished"))
        dialogo = Event(
            title="Se reúne el Diálogo Económico de Alto Nivel", date_value=dt.date(2024, 2, 8),
            summary="Los gobiernos revisaron la agenda del diálogo económico y de las cadenas "
            "de suministro para el resto del año.",
            status="published", url=f"{origin}/releases/dialogo.html",
        )  # fmt: skip
        dialogo.institution_links.append(
            EventInstitution(slug="hled", mention="Diálogo Económico de Alto Nivel", field="title")
        )
        gone = Event(title="A release that was taken down", date_value=dt.date(2024, 3, 1),
                     summary="Its page is gone.", status="published",
                     url=f"{origin}/taken-down.html")  # fmt: skip
        draft = Event(title=DRAFT_TITLE, date_value=day, summary=DRAFT_TITLE, status="draft")
        reviewed = Event(title=REVIEWED_TITLE, date_value=day, status="reviewed")
        session.add_all([fentanyl, dialogo, gone, draft, reviewed])
        add_document(session, NewDocument(
            kind="page", url=f"{origin}/candidate.html", canonical_url=f"{origin}/candidate.html",
            title=CANDIDATE_TITLE, text=CANDIDATE_TITLE, text_sha256="0" * 64,
        ), None)  # fmt: skip


@pytest.fixture(scope="session")
def site_world(tmp_path_factory, origin, sample_report_path):
    """(settings, database) of a populated database whose citations are archived."""
    import asyncio

    from binational.site.citations import archive_missing

    directory = tmp_path_factory.mktemp("site-world")
    settings = fast_settings(directory)
    database = Database.open(settings.db)
    populate(database, origin, sample_report_path)
    asyncio.run(archive_missing(database, settings))
    yield settings, database
    database.close()


@pytest.fixture(scope="session")
def unpublished_titles() -> tuple[str, ...]:
    return (DRAFT_TITLE, REVIEWED_TITLE, CANDIDATE_TITLE)


@pytest.fixture(scope="session")
def registry():
    from binational.registry.loader import load_registry

    return load_registry()


@pytest.fixture(scope="session")
def built_site(site_world, registry, tmp_path_factory) -> Path:
    """The site built (with its search index) from ``site_world``."""
    from binational.site.build import build_site

    settings, database = site_world
    out = tmp_path_factory.mktemp("built") / "site"
    # One event a search bundle: 2023's events in a bundle per month, 2024's in one for
    # January to June, so that searches run over many merged bundles.
    build_site(database, settings, registry, out, base_url="https://repository.example.org/",
               today=BUILD_DAY, shard_events=1)  # fmt: skip
    return out
