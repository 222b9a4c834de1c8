"""The analysts' main tasks done with the keyboard alone, in real Chromium: sign in,
search, open a result, edit the event and save, then build a report (move an item,
exclude one, download the PDF). Every step is Tab, Shift+Tab, typing and Enter; no
click. (Reviewing the candidate queue from the keyboard is in test_candidate_queue.py.)"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def tab_to(page, selector: str, limit: int = 80, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches ``selector``."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)",
                         selector):  # fmt: skip
            return
        page.keyboard.press(key)
    raise AssertionError(f"{selector} was not reached in {limit} presses of {key}")


def keyboard_sign_in(page, email: str) -> None:
    page.goto("/login")
    tab_to(page, "#email")
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type("correct horse battery")
    page.keyboard.press("Enter")
    page.wait_for_url("**/events")


def test_search_open_edit_and_save_from_the_keyboard(page):
    keyboard_sign_in(page, "editor@example.org")
    tab_to(page, "#q")
    page.keyboard.type("fentanyl")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/events\?q=fentanyl"))
    tab_to(page, ".event-list h3 a")
    title = page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/events/\d+$"))
    assert page.get_by_role("heading", level=1).inner_text() == title
    tab_to(page, "a.button[href$='/edit']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/events/\d+/edit$"))
    tab_to(page, "#implications")
    page.keyboard.press("Control+End")
    page.keyboard.type(" Typed from the keyboard.")
    tab_to(page, "form.edit-form .actions button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/events/\d+\?saved=1"))
    assert page.get_by_role("status").inner_text() == "Saved."
    latest = page.locator("ol.revisions li.revision").first
    assert "Typed from the keyboard." in latest.locator("ins").first.inner_text()


def test_build_a_report_from_the_keyboard(page, tmp_path):
    keyboard_sign_in(page, "editor@example.org")
    tab_to(page, "header nav a[href='/reports']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/reports")
    tab_to(page, "#period")
    page.keyboard.type("2023Q2")
    page.keyboard.press("Enter")
    page.wait_for_url("**/reports/2023Q2")
    items = page.locator("ol.builder li.builder-item")
    second = items.nth(1).locator(".item-title a").inner_text()
    second_id = items.nth(1).get_attribute("id")
    tab_to(page, f"#{second_id} button[aria-label^='Up']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    first_now = page.locator("ol.builder li.builder-item").first
    assert first_now.locator(".item-title a").inner_text() == second
    last_id = page.locator("ol.builder li.builder-item").last.get_attribute("id")
    page.locator("body").focus()
    tab_to(page, f"#{last_id} button[aria-label^='Exclude']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("ol.builder li.builder-item").count() == 13
    assert page.locator(f"#{last_id} button[aria-label^='Include']").count() == 1
    page.locator("body").focus()
    tab_to(page, "a[href$='/download/pdf']")
    with page.expect_download(timeout=60_000) as info:
        page.keyboard.press("Enter")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
