"""The draft where analysts work, in real Chromium against a real ``binational serve``:
a release queued by ingestion is accepted from the command line (which drafts it);
the editor opens the event, sees the draft beside the fields, follows a sentence to
its passage highlighted in the archived release, uses the draft, saves, and sees the
revision that says it came from the draft."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.serving import BINATIONAL
from tests.web.e2e.conftest import sign_in

from binational.store.database import Database

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fixtures" / "drafting"))
from devset import load_pairs, store_candidate  # noqa: E402

pytestmark = pytest.mark.browser


def accept_from_the_command_line(database: Path, candidate: int) -> dict:
    result = subprocess.run(
        [str(BINATIONAL), "candidates", "accept", str(candidate), "--author", "ana",
         "--db", str(database), "--json"],
        capture_output=True, text=True, check=True,
        env={**os.environ, "BINATIONAL_LLM_URL": ""},
    )  # fmt: skip
    return json.loads(result.stdout)


def test_see_the_draft_and_a_passage_use_it_save_see_the_revision(page, server):
    pair = next(p for p in load_pairs() if p["item"] == 13)
    database = Database.open(str(server.database))
    candidate = store_candidate(database, pair)
    database.close()
    accepted = accept_from_the_command_line(server.database, candidate)
    event_id, draft = accepted["id"], accepted["draft"]
    assert draft["method"] == "extractive" and draft["draft_id"]

    sign_in(page, "editor@example.org")
    page.goto(f"/events/{event_id}")
    assert page.get_by_role("heading", level=1).inner_text() == pair["source"]["title"]
    page.get_by_role("link", name="Edit event").click()
    page.wait_for_url(f"**/events/{event_id}/edit")
    panel = page.locator("aside#draft")
    assert panel.get_by_role("heading", name="Draft", exact=True).is_visible()
    sentences = panel.locator(".draft-sentence")
    assert sentences.count() == len(draft["summary"]["sentences"])
    first = sentences.first.inner_text()
    assert first == draft["summary"]["sentences"][0]["text"]
    assert "The event concerns the U.S.-Mexico Air Transport Agreement" in panel.locator(
        ".draft-implications").inner_text()  # fmt: skip
    assert "link them if they are right" in panel.locator(".draft-warnings").inner_text()
    summary_box, draft_box = page.locator("#summary").bounding_box(), panel.bounding_box()
    assert draft_box["x"] > summary_box["x"] + summary_box["width"] - 1  # beside the fields

    panel.get_by_role("link", name="source passage").first.click()
    page.wait_for_url(re.compile(rf"/events/{event_id}/drafts/\d+/passage\?"))
    passage = page.locator("mark#passage")
    assert passage.inner_text() == first
    assert passage.is_visible() and page.locator(".source-text").inner_text().startswith(
        pair["source"]["text"][:60])  # fmt: skip
    page.go_back()
    page.wait_for_url(f"**/events/{event_id}/edit")

    page.get_by_role("button", name="Use draft").click()
    page.wait_for_url(re.compile(rf"/events/{event_id}/edit\?draft=\d+"))
    assert page.get_by_label("Summary").input_value() == draft["summary"]["text"]
    assert page.get_by_label("Institutional Implications").input_value() == (
        draft["implications"]["text"])  # fmt: skip
    assert "is in the summary and implications" in page.locator("#using-draft").inner_text()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(rf"/events/{event_id}\?saved=1"))
    assert page.get_by_role("status").inner_text() == "Saved."
    assert page.locator("#summary-h + p").inner_text() == draft["summary"]["text"]
    latest = page.locator("ol.revisions li.revision").first
    assert "editor@example.org" in latest.inner_text() and "Edited" in latest.inner_text()
    from_draft = latest.locator("dt:text-is('draft used') + dd ins").inner_text()
    assert str(draft["draft_id"]) in from_draft
    assert "extractive" in latest.locator("dt:text-is('draft method') + dd ins").inner_text()
    entries = page.locator("ol.revisions li.revision").all_inner_texts()
    assert any("Drafted" in entry and "binational" in entry and "extractive" in entry
               for entry in entries)  # fmt: skip
