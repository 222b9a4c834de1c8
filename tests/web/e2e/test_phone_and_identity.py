"""Phone first and identity, in real Chromium: at 360 and 390 px the events list
shows its filters first, in a closed disclosure that opens from the keyboard, and
the search box's hint is not cut; at desktop width the filters stand open beside the
results; every page, the API docs and the 404 page included, knows who is signed in."""

from __future__ import annotations

import pytest
from tests.web.e2e.conftest import sign_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [360, 390])
def test_filters_come_first_in_a_disclosure_on_a_phone(chromium, server, width):
    context = chromium.new_context(base_url=server.url, viewport={"width": width, "height": 800},
                                   is_mobile=True, has_touch=True)  # fmt: skip
    page = context.new_page()
    sign_in(page, "viewer@example.org")
    page.goto("/events?quarter=2023Q2")
    summary = page.locator("details.filters > summary")
    results = page.locator("#results-heading")
    assert summary.is_visible() and "1 active" in summary.inner_text()
    assert summary.bounding_box()["y"] < results.bounding_box()["y"]  # filters above results
    assert results.bounding_box()["y"] < 800  # and the results still start on the first screen
    assert page.evaluate("document.querySelector('details.filters').open") is False
    status_facet = page.locator("details.facet summary").first
    assert not status_facet.is_visible()
    summary.focus()
    page.keyboard.press("Enter")
    assert status_facet.is_visible()
    search = page.get_by_label("Search titles, summaries and implications")
    hint_fits = search.evaluate(
        """e => { const c = document.createElement('canvas').getContext('2d');
                  const s = getComputedStyle(e); c.font = s.font;
                  const inner = e.clientWidth - parseFloat(s.paddingLeft)
                                - parseFloat(s.paddingRight);
                  return c.measureText(e.placeholder).width <= inner; }"""
    )
    assert hint_fits, "the search box's hint is cut"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_filters_stand_open_beside_the_results_at_desktop_width(page):
    sign_in(page, "viewer@example.org")
    page.goto("/events")
    assert page.evaluate("document.querySelector('details.filters').open") is True
    filters = page.locator("details.filters").bounding_box()
    results = page.locator("#results-heading").bounding_box()
    assert filters["x"] + filters["width"] <= results["x"]  # beside, on the left


@pytest.mark.parametrize("path", ["/docs", "/no-such-page"])
def test_the_docs_and_404_pages_know_who_is_signed_in(page, path):
    sign_in(page, "editor@example.org")
    page.goto(path)
    header = page.locator("header.site-header")
    assert "editor@example.org" in header.inner_text()
    assert header.get_by_role("button", name="Sign out").is_visible()
    assert header.get_by_role("link", name="Sign in").count() == 0


def test_signed_out_header_offers_only_sign_in(page):
    page.goto("/docs")
    header = page.locator("header.site-header")
    assert header.get_by_role("navigation").count() == 0
    assert header.get_by_role("link", name="Sign in").is_visible()
    assert "Center for Binational Institutions" in header.inner_text()


@pytest.mark.parametrize("width", [360, 390])
def test_wide_tables_and_long_labels_stay_readable_on_a_phone(chromium, server, width):
    """Nothing hidden sideways inside a scroller either: every cell of the scorecard's
    tables lies within the screen (each row a card), and a long label in a list of
    facts leaves its value most of the width."""
    context = chromium.new_context(base_url=server.url, viewport={"width": width, "height": 800},
                                   is_mobile=True, has_touch=True)  # fmt: skip
    page = context.new_page()
    sign_in(page, "admin@example.org")
    context.add_cookies([{"name": "lang", "value": "es", "url": server.url}])  # longer words
    page.goto("/scorecard?period=2023")
    outside = page.evaluate(
        """() => [...document.querySelectorAll('main table tbody th, main table tbody td')]
                   .filter(cell => cell.getBoundingClientRect().right > innerWidth + 0.5)
                   .length"""
    )
    assert outside == 0, f"{outside} cells of the scorecard lie beyond a {width}px screen"
    assert page.locator("main table td[data-label]").count() > 0
    if not getattr(server, "audit_candidates", False):  # the audit's two candidates
        from tests.web.e2e.test_axe_audit import add_candidates

        add_candidates(server.database)
        server.audit_candidates = True
    queued = page.request.get("/api/candidates").json()["candidates"]
    page.goto(f"/candidates/{queued[0]['id']}")  # "Por qué obtuvo ese puntaje": a long label
    widths = page.evaluate(
        "() => [...document.querySelectorAll('dl.facts dd')].map(dd => dd.clientWidth)"
    )
    assert len(widths) >= 5, "the candidate page lists its facts"
    assert min(widths) >= width * 0.5, f"values squeezed to {min(widths)}px"
    context.close()
