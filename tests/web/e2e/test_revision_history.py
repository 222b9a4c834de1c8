"""The revision history in real Chromium: appending a sentence to a long field shows
that sentence as an insertion (underlined and named, not only coloured), the whole
field is one "Show all" away, a replaced word is shown struck through, and at phone
width nothing runs off the side."""

from __future__ import annotations

import re

import pytest
from tests.web.e2e.conftest import sign_in

pytestmark = pytest.mark.browser

ADDED = "The next meeting is set for Mexico City in the autumn."


def edit(page, event_id: int, **fields: str) -> None:
    page.goto(f"/events/{event_id}/edit")
    for label, value in fields.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(rf"/events/{event_id}\?saved=1"))


def test_an_appended_sentence_is_shown_as_an_insertion(page):
    sign_in(page, "editor@example.org")
    page.goto("/events/3/edit")
    before = page.get_by_label("Institutional Implications").input_value()
    long_text = (before + " " if before else "") + "Word " * 120  # long enough to fold
    edit(page, 3, **{"Institutional Implications": long_text.strip()})
    edit(page, 3, **{"Institutional Implications": long_text.strip() + " " + ADDED})
    latest = page.locator("ol.revisions li.revision").first
    assert "Edited" in latest.inner_text() and "editor@example.org" in latest.inner_text()
    inserted = latest.locator("ins").first
    assert ADDED in inserted.inner_text()
    style = inserted.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "underline" in style  # marked by more than colour
    assert "inserted" in inserted.evaluate("e => e.textContent")  # named for screen readers
    folded = latest.locator(".changes dd > .diff").first.inner_text()
    assert folded.count("Word") < 40 and "…" in folded
    show_all = latest.get_by_text("Show all")
    full = latest.locator("details.show-all .diff")
    assert not full.is_visible()
    show_all.focus()
    page.keyboard.press("Enter")  # a disclosure opens from the keyboard
    assert full.is_visible() and full.inner_text().count("Word") == 120


def test_a_replaced_word_is_struck_through_and_readable_on_a_phone(chromium, server):
    context = chromium.new_context(base_url=server.url, viewport={"width": 360, "height": 740},
                                   is_mobile=True, has_touch=True)  # fmt: skip
    page = context.new_page()
    sign_in(page, "editor@example.org")
    page.goto("/events/4/edit")
    title = page.get_by_label("Title", exact=True).input_value()
    first_word = title.split()[0]
    edit(page, 4, Title=title.replace(first_word, "Renamed", 1))
    latest = page.locator("ol.revisions li.revision").first
    deleted = latest.locator("del").first
    assert first_word in deleted.inner_text()
    assert "line-through" in deleted.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "Renamed" in latest.locator("ins").first.inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the event page is {width}px wide at 360px"
    context.close()
