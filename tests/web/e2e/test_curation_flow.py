"""The analyst's main path in real Chromium: sign in, search "fentanyl", open an
event, edit its implications, see the revision, build the Q2 2023 report and
download its PDF."""

import re

import pytest
from tests.web.e2e.conftest import sign_in

pytestmark = pytest.mark.browser


def test_search_edit_see_revision_build_report_download_pdf(page, tmp_path):
    sign_in(page, "editor@example.org")

    page.get_by_label("Search titles, summaries and implications").fill("fentanyl")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"/events\?q=fentanyl"))
    heading = page.locator("#results-heading").inner_text()
    assert re.match(r"\d+ events matching", heading) and not heading.startswith("0 ")
    first = page.locator(".event-list h3 a").first
    title = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r"/events/\d+$"))
    assert page.get_by_role("heading", level=1).inner_text() == title

    page.get_by_role("link", name="Edit event").click()
    implications = page.get_by_label("Institutional Implications")
    implications.fill("The fentanyl talks move to the Security Dialogue; watch its next meeting.")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/events/\d+\?saved=1"))
    assert page.get_by_role("status").inner_text() == "Saved."
    assert "watch its next meeting" in page.locator("#implications-h + p").inner_text()
    history = page.locator("ol.revisions li.revision").first
    assert "editor@example.org" in history.inner_text()
    assert "implications" in history.inner_text() and "Edited" in history.inner_text()

    page.get_by_role("link", name="Reports").click()
    page.get_by_label("Period", exact=True).fill("2023Q2")
    page.get_by_role("button", name="Open the report builder").click()
    page.wait_for_url("**/reports/2023Q2")
    items = page.locator("ol.builder li.builder-item")
    assert items.count() == 14
    second_title = items.nth(1).locator(".item-title a").inner_text()
    items.nth(1).get_by_role("button", name=re.compile("^Up")).click()
    page.wait_for_url("**/reports/2023Q2*")
    assert page.locator("ol.builder li.builder-item").first.locator(".item-title a").inner_text() \
        == second_title  # fmt: skip
    preview = page.frame_locator("iframe.preview")
    assert preview.locator("body").inner_text().strip() != ""

    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("link", name="PDF", exact=True).click()
    download = info.value
    assert download.suggested_filename == "report-2023Q2.pdf"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    assert path.stat().st_size > 10_000
