"""The Scorecard page and an institution's timeline in real Chromium: landmarks and
labels, the grids drawn with their accessible names, a mark's link reaching its
evidence, no sideways scroll at phone width, and no CSP violation."""

from __future__ import annotations

import pytest
from tests.web.e2e.conftest import sign_in
from tests.web.e2e.test_accessibility import UNLABELLED_CONTROLS

pytestmark = pytest.mark.browser

PAGES = ["/scorecard?period=2023", "/scorecard?period=2023&category=dialogue_mechanism",
         "/institutions/hled"]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_landmarks_labels_and_drawn_pictures(page, path):
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text else 0)
    sign_in(page, "viewer@example.org")
    page.goto(path)
    assert page.locator("main#main").count() == 1 and page.locator("h1").count() == 1
    assert page.evaluate(UNLABELLED_CONTROLS) == []
    pictures = page.get_by_role("img")
    assert pictures.count() >= 1
    for index in range(pictures.count()):
        box = pictures.nth(index).bounding_box()
        assert box["width"] > 300 and box["height"] > 40
    name = page.evaluate("document.querySelector('figure svg title').textContent")
    assert name.startswith(("Continuity grid", "Timeline of"))
    assert violations == []


def test_a_mark_leads_to_its_evidence(page):
    sign_in(page, "viewer@example.org")
    page.goto("/scorecard?period=2023&category=dialogue_mechanism")
    row = page.locator("tr", has=page.get_by_role("link", name="U.S.-Mexico High-Level Economic"))
    row.locator("td a").click()
    assert page.url.endswith("#evidence-hled")
    evidence = page.locator("#evidence-hled")
    assert evidence.is_visible()
    evidence.get_by_role("link").first.click()
    page.wait_for_url("**/events/*")


@pytest.mark.parametrize("path", PAGES)
def test_phone_width_has_no_sideways_scroll(chromium, server, path):
    context = chromium.new_context(base_url=server.url, viewport={"width": 375, "height": 740},
                                   is_mobile=True, has_touch=True)  # fmt: skip
    page = context.new_page()
    sign_in(page, "viewer@example.org")
    page.goto(path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{path} is {width}px wide at a 375px viewport"
    context.close()
