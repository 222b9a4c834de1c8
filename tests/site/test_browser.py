"""The built site in real headless Chromium, served by a plain ``http.server`` on
127.0.0.1: pages in both languages, an archived copy, Pagefind searches, and no
request leaving 127.0.0.1."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("BINATIONAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("BINATIONAL_REQUIRE_BROWSER") == "1":
            pytest.fail(f"BINATIONAL_REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A phone-sized page that records every request and lets only 127.0.0.1 through."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.requests = []
    page.blocked = []

    def route(route):
        url = route.request.url
        page.requests.append(url)
        if urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            page.blocked.append(url)
            route.abort()

    context.route("**/*", route)
    yield page
    context.close()
    assert page.blocked == [], f"requests left 127.0.0.1: {page.blocked}"


def test_home_page_links_categories_and_both_languages(page, site_url):
    page.goto(f"{site_url}/en/")
    assert page.locator("h1").inner_text() == "Binational Institutions Repository"
    assert page.locator("main").count() == 1 and page.locator("header nav").count() == 1
    page.get_by_role("link", name="Dialogue mechanisms").click()
    page.wait_for_url("**/en/categories/dialogue_mechanism/")
    assert page.locator("h1").inner_text() == "Dialogue mechanisms"
    assert page.get_by_role("link", name="Trilateral Fentanyl Committee").count() == 1
    hreflang = page.locator('link[rel="alternate"][hreflang="es"]').get_attribute("href")
    assert hreflang.endswith("/es/categories/dialogue_mechanism/")


def test_institution_page_in_both_languages(page, site_url):
    page.goto(f"{site_url}/en/institutions/hled/")
    assert page.locator("h1").inner_text() == "U.S.-Mexico High-Level Economic Dialogue"
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Se reúne el Diálogo Económico de Alto Nivel" in page.locator("main").inner_text()
    page.get_by_role("link", name="Versión en español").click()
    page.wait_for_url("**/es/institutions/hled/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert (
        page.locator("h1").inner_text() == "Diálogo Económico de Alto Nivel México-Estados Unidos"
    )
    assert page.get_by_role("heading", name="Historial de estado").count() == 1
    # Content written in English stays marked as English on the Spanish page.
    assert (
        page.locator("dd[lang=en]").first.inner_text() == "U.S.-Mexico High-Level Economic Dialogue"
    )
    page.set_viewport_size({"width": 390, "height": 844})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the page scrolls sideways at phone width"


def test_event_page_cites_the_original_and_its_archived_copy(page, site_url, origin):
    page.goto(f"{site_url}/en/")
    page.get_by_role("link", name="Trilateral Fentanyl Committee meets in Mexico City").click()
    original = page.get_by_role("link", name=f"{origin}/releases/fentanyl.html")
    assert original.count() == 1
    assert "retrieved" in page.locator(".citations").inner_text()
    page.get_by_role("link", name="Archived copy").first.click()
    text = page.locator("main").inner_text()
    assert f"{origin}/releases/fentanyl.html" in text
    assert "precursor chemicals" in text
    # Clean and self-contained: the source page's script and remote assets are gone.
    assert page.locator("main script, main img, main link").count() == 0
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in page.requests)


def test_keyboard_focus_starts_at_the_skip_link(page, site_url):
    page.goto(f"{site_url}/es/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Ir al contenido"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def search(page, url: str, query: str, *expected: str) -> list[str]:
    """Search from the search page; the result titles once every ``expected`` title
    is shown (results from the merged bundles arrive one after another)."""
    page.goto(url)
    page.locator(".pagefind-ui__search-input").fill(query)
    results = page.locator(".pagefind-ui__result-link")
    for title in expected:
        results.filter(has_text=title).first.wait_for(timeout=10_000)
    return results.all_inner_texts()


def test_pagefind_finds_fentanyl_in_english(page, site_url):
    titles = search(page, f"{site_url}/en/search/", "fentanyl",
                    "Trilateral Fentanyl Committee meets in Mexico City")  # fmt: skip
    assert "Trilateral Fentanyl Committee meets in Mexico City" in titles
    assert "Trilateral Fentanyl Committee" in titles  # the institution, from the main bundle
    assert page.locator(".pagefind-ui__filter-name", has_text="category").count() == 1
    assert page.locator(".pagefind-ui__filter-name", has_text="year").count() == 1


def test_pagefind_finds_dialogo_in_spanish(page, site_url):
    titles = search(page, f"{site_url}/es/search/", "diálogo",
                    "Diálogo Económico de Alto Nivel México-Estados Unidos")  # fmt: skip
    assert all("Diálogo" in title or "diálogo" in title for title in titles)
    # The year filter narrows the results to that year's event (from its own bundle).
    page.locator(".pagefind-ui__filter-name", has_text="year").click()
    page.locator(".pagefind-ui__filter-checkbox[value='2024']").check()
    results = page.locator(".pagefind-ui__result-link")
    results.filter(has_text="Se reúne").first.wait_for(timeout=10_000)
    page.wait_for_function(
        "document.querySelectorAll('.pagefind-ui__result-link').length === 1", timeout=10_000
    )
    assert results.all_inner_texts() == ["Se reúne el Diálogo Económico de Alto Nivel"]


def test_scorecard_from_the_home_page_to_an_institutions_timeline(page, site_url):
    page.goto(f"{site_url}/es/")
    page.get_by_role("link", name="Tablero de evaluación", exact=False).first.click()
    page.wait_for_url("**/es/scorecard/")
    assert page.locator("h1").inner_text().startswith("Tablero de evaluación")
    assert page.get_by_role("img", name="Cuadrícula de continuidad: Mecanismos de diálogo").count()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the scorecard scrolls sideways at phone width"
    page.get_by_role("row").filter(has_text="Diálogo Económico de Alto Nivel").get_by_role(
        "link", name="Diálogo Económico de Alto Nivel México-Estados Unidos"
    ).click()
    page.wait_for_url("**/es/institutions/hled/")
    timeline = page.get_by_role("img", name="Cronología de Diálogo Económico de Alto Nivel")
    assert timeline.count() == 1 and timeline.is_visible()
