"""Reviewing the candidate queue in real Chromium, from the keyboard: focus moves to
the next candidate after a rejection or an acceptance, a rejection is undone with
"Undo" (or U), the Rejected view restores any candidate, and a candidate's page
shows what it is made of."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from tests.web.e2e.conftest import sign_in

from binational.store.database import Database

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def queued(server) -> list[int]:
    """Four candidates, best first; the first has a copy folded into it."""
    from binational.ingest.clusters import NewDocument, store_document

    database = Database.open(str(server.database))
    ids = []
    with database.transaction() as session:
        for number, score in ((1, 0.9), (2, 0.8), (3, 0.7), (4, 0.6)):
            url = f"https://www.state.gov/queue-{number}"
            document = store_document(session, NewDocument(
                kind="page", url=url, canonical_url=url, title=f"Queue release {number}",
                text=f"Release {number}. The United States and Mexico held the Security "
                     "Dialogue.\n\nBoth delegations met in Mexico City.",
                text_sha256=f"{number + 900:064d}", published=dt.date(2023, 10, number),
                score=score, source_name="state.gov", language="en",
                reasons=("names the United States (1×) and Mexico (1×)",),
            ), None)  # fmt: skip
            ids.append(document.candidate_id)
        copy = "https://mirror.example.org/queue-1"
        store_document(session, NewDocument(
            kind="page", url=copy, canonical_url=copy, title="Queue release 1 (copy)",
            text="Release 1, republished.", text_sha256=f"{999:064d}",
            published=dt.date(2023, 10, 2), score=0.5,
        ), ids[0])  # fmt: skip
    database.close()
    return ids


def focused_candidate(page) -> str | None:
    return page.evaluate("document.activeElement.dataset.candidate || null")


def test_focus_follows_decisions_and_a_rejection_is_undone(page, queued):
    first, second, third, fourth = queued
    sign_in(page, "editor@example.org")
    page.goto("/candidates")
    page.keyboard.press("j")
    assert focused_candidate(page) == str(first)
    page.keyboard.press("r")
    page.wait_for_url(re.compile(rf"/candidates\?rejected={first}#candidate-{second}$"))
    assert focused_candidate(page) == str(second)  # not the top of the page
    assert f"Candidate {first} rejected." in page.get_by_role("status").inner_text()
    page.get_by_role("button", name="Undo").click()
    page.wait_for_url(re.compile(rf"/candidates\?restored={first}#candidate-{first}$"))
    assert focused_candidate(page) == str(first)
    assert "is back in the queue" in page.get_by_role("status").inner_text()
    page.keyboard.press("j")
    assert focused_candidate(page) == str(second)
    page.keyboard.press("a")  # accept the second: focus goes to the third
    page.wait_for_url(re.compile(rf"/candidates\?accepted=\d+#candidate-{third}$"))
    assert focused_candidate(page) == str(third)
    page.keyboard.press("r")
    page.wait_for_url(re.compile(rf"/candidates\?rejected={third}#candidate-{fourth}$"))
    page.keyboard.press("u")  # the keyboard's undo
    page.wait_for_url(re.compile(rf"/candidates\?restored={third}"))
    assert focused_candidate(page) == str(third)


def test_the_rejected_view_restores_a_candidate(page, queued):
    fourth = queued[3]
    sign_in(page, "editor@example.org")
    page.goto("/candidates")
    page.locator(f"#candidate-{fourth}").get_by_role("button", name="Reject").click()
    page.wait_for_url(re.compile(rf"rejected={fourth}"))
    page.get_by_role("link", name=re.compile(r"^Rejected")).click()
    page.wait_for_url("**/candidates?view=rejected")
    assert page.locator(f"#candidate-{fourth}").count() == 1
    page.locator(f"#candidate-{fourth}").get_by_role("button", name="Restore to the queue").click()
    page.wait_for_url(re.compile(rf"restored={fourth}#candidate-{fourth}"))
    assert page.locator(f"#candidate-{fourth}").count() == 1
    assert focused_candidate(page) == str(fourth)


def test_a_candidate_page_shows_its_text_reasons_copies_and_original(page, queued):
    first = queued[0]
    sign_in(page, "viewer@example.org")
    page.goto("/candidates")
    page.get_by_role("link", name="Queue release 1", exact=True).click()
    page.wait_for_url(f"**/candidates/{first}")
    assert page.get_by_role("heading", level=1).inner_text() == "Queue release 1"
    assert "held the Security Dialogue" in page.locator(".source-text").inner_text()
    assert "names the United States (1×) and Mexico (1×)" in page.locator(".facts").inner_text()
    copies = page.get_by_role("region", name=re.compile("Copies folded into it"))
    assert copies.get_by_role("link").count() == 2
    assert "https://mirror.example.org/queue-1" in copies.inner_text()
    original = page.get_by_role("link", name="https://www.state.gov/queue-1")
    assert original.get_attribute("href") == "https://www.state.gov/queue-1"
    assert page.get_by_role("button").filter(has_text="Accept").count() == 0  # a viewer
