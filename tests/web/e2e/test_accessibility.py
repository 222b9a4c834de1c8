"""Usable by people, in real Chromium: skip link, landmarks, labels, focus order,
keyboard use of the candidate queue, a phone-width layout with no sideways scroll,
and the English/Spanish switch."""

import datetime as dt
import re

import pytest
from tests.web.e2e.conftest import sign_in

from binational.store.database import Database

pytestmark = pytest.mark.browser

PAGES = ["/events", "/events?q=fentanyl", "/events/3", "/events/3/edit", "/institutions",
         "/institutions/usmca", "/candidates", "/candidates?view=rejected", "/reports",
         "/reports/2023Q2", "/users", "/account", "/scorecard", "/docs",
         "/no-such-page"]  # fmt: skip

UNLABELLED_CONTROLS = """() => Array.from(document.querySelectorAll(
    'input:not([type=hidden]):not([hidden]), select, textarea, button'))
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                && !el.getAttribute('aria-labelledby') && !(el.tagName === 'BUTTON'
                && el.textContent.trim()))
  .map(el => el.outerHTML.slice(0, 120))"""


def test_skip_link_is_first_and_moves_focus_to_main(page):
    sign_in(page, "viewer@example.org")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    assert page.locator(".skip-link").bounding_box()["x"] >= 0  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("path", PAGES)
def test_landmarks_and_labels(page, path):
    sign_in(page, "admin@example.org")
    page.goto(path)
    assert page.locator("header.site-header").count() == 1
    assert page.locator("main#main").count() == 1
    assert page.locator("footer").count() == 1
    assert page.get_by_role("navigation", name="Main").count() == 1
    assert page.locator("h1").count() == 1
    assert page.evaluate(UNLABELLED_CONTROLS) == []
    assert page.evaluate("document.documentElement.lang") == "en"


def test_focus_order_of_the_edit_form_follows_the_page(page):
    sign_in(page, "editor@example.org")
    page.goto("/events/3/edit")
    page.get_by_label("Title").focus()
    order: list[str] = []
    for _ in range(20):  # a date input takes one Tab per part (month, day, year)
        current = page.evaluate("document.activeElement.id || document.activeElement.name")
        if not order or order[-1] != current:
            order.append(current)
        if len(order) == 7:
            break
        page.keyboard.press("Tab")
    assert order == ["title", "date", "date_precision", "summary", "implications", "url", "status"]


@pytest.mark.parametrize("viewport", [360, 390])
def test_phone_width_has_no_sideways_scroll(chromium, server, viewport):
    context = chromium.new_context(base_url=server.url,
                                   viewport={"width": viewport, "height": 740},
                                   is_mobile=True, has_touch=True)  # fmt: skip
    page = context.new_page()
    sign_in(page, "admin@example.org")
    too_wide = {}
    for path in PAGES:
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > viewport:
            too_wide[path] = width
    context.close()
    assert too_wide == {}, f"pages wider than {viewport}px"


def test_switching_to_spanish_and_back(page):
    sign_in(page, "viewer@example.org")
    page.get_by_role("link", name="Español").click()
    page.wait_for_url("**/events")
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.get_by_role("heading", level=1).inner_text() == "Eventos"
    assert page.get_by_role("link", name="Saltar al contenido").count() == 1
    assert page.get_by_role("button", name="Buscar", exact=True).is_visible()
    page.goto("/institutions/ibwc")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Comisión Internacional de Límites y Aguas"
    )
    page.get_by_role("link", name="English").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "International Boundary and Water Commission"
    )


def test_candidate_queue_works_from_the_keyboard(page, server):
    from binational.ingest.clusters import NewDocument, store_document

    database = Database.open(str(server.database))
    with database.transaction() as session:
        for number, score in ((1, 0.9), (2, 0.8)):
            url = f"https://www.state.gov/release-{number}"
            store_document(session, NewDocument(
                kind="page", url=url, canonical_url=url, title=f"Release {number}",
                text="The United States and Mexico held the Security Dialogue.",
                text_sha256=f"{number:064d}", published=dt.date(2023, 10, number), score=score,
            ), None)  # fmt: skip
    database.close()
    sign_in(page, "editor@example.org")
    page.goto("/candidates")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.dataset.candidate") is not None
    page.keyboard.press("j")
    assert "Release 2" in page.evaluate("document.activeElement.innerText")
    page.keyboard.press("r")
    page.wait_for_url(re.compile(r"/candidates\?rejected=\d+"))
    assert "rejected" in page.get_by_role("status").inner_text()
    page.keyboard.press("j")
    page.keyboard.press("a")
    page.wait_for_url(re.compile(r"/candidates\?accepted=\d+"))
    page.get_by_role("status").get_by_role("link").click()
    assert page.get_by_label("Title").input_value() == "Release 1"
