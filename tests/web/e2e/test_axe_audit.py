"""The accessibility audit: axe-core (from the npm registry, installed by ``.ci/run``
into ``tests/web/e2e/axe``) injected into real Chromium on every page, in English
and Spanish, signed in and signed out, at desktop width and at two phone widths
(360 and 390 px). Any WCAG 2.0/2.1 A or AA violation fails the test with the
page, the rule and the offending elements."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.web.e2e.conftest import Server, sign_in

from binational.store.database import Database

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = {"desktop": (1280, 900), "phone-360": (360, 740), "phone-390": (390, 844)}

SIGNED_IN_PAGES = [
    "/events", "/events?q=fentanyl", "/events?status=draft&quarter=2023Q2", "/events/3",
    "/events/3/edit", "/institutions", "/institutions/usmca", "/institutions/hled",
    "/scorecard", "/scorecard?period=2023", "/candidates", "/candidates?view=rejected",
    "/candidates/1", "/reports", "/reports/2023Q2", "/users", "/account", "/docs",
    "/no-such-page",
]  # fmt: skip
SIGNED_OUT_PAGES = ["/login", "/docs", "/no-such-page", "/events", "/events/3",
                    "/institutions", "/institutions/usmca", "/scorecard"]  # fmt: skip

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => ({
    rule: v.id, impact: v.impact,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " :: " + n.failureSummary)}));
}"""


@pytest.fixture(scope="session")
def axe_source() -> Path:
    if not AXE.exists():
        message = f"no {AXE} (run: npm ci --prefix tests/web/e2e/axe)"
        if os.environ.get("BINATIONAL_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return AXE


@pytest.fixture(scope="module")
def public_server(sample_db_template: Path, tmp_path_factory) -> Iterator[Server]:
    """A server whose signed-out visitors may read published events (public_read)."""
    directory = tmp_path_factory.mktemp("e2e-public")
    database = directory / "public.db"
    shutil.copyfile(sample_db_template, database)
    running = Server(database, directory / "server.log", public_read=True)
    yield running
    running.stop()


def add_candidates(database_path: Path) -> None:
    """Two candidates, one rejected, so the queue, its Rejected view and a candidate
    page have something to show."""
    from binational.ingest.clusters import NewDocument, store_document
    from binational.ingest.queue import reject_candidate

    database = Database.open(str(database_path))
    with database.transaction() as session:
        documents = []
        for number, score in ((1, 0.9), (2, 0.7)):
            url = f"https://www.state.gov/audit-{number}"
            documents.append(store_document(session, NewDocument(
                kind="page", url=url, canonical_url=url, title=f"Audit release {number}",
                text="The United States and Mexico held the Security Dialogue in Mexico City.",
                text_sha256=f"{number + 500:064d}", published=dt.date(2023, 10, number),
                score=score,
            ), None))  # fmt: skip
        session.flush()
        reject_candidate(session, documents[-1].candidate.id, "editor@example.org")
    database.close()


def audit(browser, server: Server, width: str, language: str, paths: list[str],
          email: str | None) -> dict[str, list[dict]]:  # fmt: skip
    """Every page's axe violations, by path (pages without violations left out)."""
    viewport_width, viewport_height = WIDTHS[width]
    context = browser.new_context(
        base_url=server.url, viewport={"width": viewport_width, "height": viewport_height},
        locale="es-MX" if language == "es" else "en-US", bypass_csp=True,
        is_mobile=width != "desktop", has_touch=width != "desktop",
    )  # fmt: skip
    context.set_default_timeout(15_000)
    page = context.new_page()
    if email:
        sign_in(page, email) if language == "en" else sign_in_spanish(page, email)
    found: dict[str, list[dict]] = {}
    for path in paths:
        page.goto(path)
        assert page.evaluate("document.documentElement.lang") == language, path
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(RUN_AXE, WCAG_TAGS)
        if violations:
            found[path] = violations
    context.close()
    return found


def sign_in_spanish(page, email: str) -> None:
    page.goto("/login")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill("correct horse battery")
    page.get_by_role("button", name="Iniciar sesión").click()
    page.wait_for_url("**/events")


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("width", list(WIDTHS))
def test_signed_in_pages_have_no_wcag_violations(chromium, server, axe_source, width, language):
    if not getattr(server, "audit_candidates", False):
        add_candidates(server.database)
        server.audit_candidates = True
    assert audit(chromium, server, width, language, SIGNED_IN_PAGES, "admin@example.org") == {}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("width", list(WIDTHS))
def test_signed_out_pages_have_no_wcag_violations(
    chromium, public_server, axe_source, width, language
):
    assert audit(chromium, public_server, width, language, SIGNED_OUT_PAGES, None) == {}


def test_the_audit_finds_a_violation_when_there_is_one(chromium, server, axe_source):
    """The audit is not blind: an image without alternative text on a real page fails."""
    context = chromium.new_context(base_url=server.url, bypass_csp=True)
    page = context.new_page()
    page.goto("/login")
    page.evaluate("""() => { const img = document.createElement('img');
        img.src = '/static/favicon.svg'; document.querySelector('main').append(img); }""")
    page.add_script_tag(path=str(AXE))
    rules = [v["rule"] for v in page.evaluate(RUN_AXE, WCAG_TAGS)]
    context.close()
    assert "image-alt" in rules
