"""Drafts where analysts work, through the app: "Draft now" keeps a draft shown beside
the edit form; each summary sentence links to its passage, highlighted in the
archived text; each implications clause to its evidence; "Use draft" fills the
fields and the saved edit's revision names the draft and its method; warnings and
marks are shown, escaped; ``POST /api/events/{id}/draft`` for editors only."""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.web.conftest import event_id_matching

from binational.ingest.queue import accept_candidate

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fixtures" / "drafting"))
from devset import load_pairs, store_candidate  # noqa: E402
from model_server import ModelServer, answer  # noqa: E402

PAIRS = {pair["item"]: pair for pair in load_pairs()}
PASSAGE_LINK = re.compile(r'<a class="passage-link" href="([^"]+)"')
TEXTAREA = r'<textarea id="{name}" name="{name}"[^>]*>(.*?)</textarea>'


@pytest.fixture(scope="module")
def _server() -> Iterator[ModelServer]:
    running = ModelServer().start()
    yield running
    running.stop()


@pytest.fixture
def model_server(_server) -> ModelServer:
    _server.reset()
    return _server


@pytest.fixture
def accepted(web_db, app) -> int:
    """The air transport release (item 13), queued and accepted: a draft event."""
    candidate = store_candidate(web_db, PAIRS[13])
    with web_db.transaction() as session:
        return accept_candidate(session, candidate, "ana", app.state.web.annotator).id


def textarea(page: str, name: str) -> str:
    return html.unescape(re.search(TEXTAREA.format(name=name), page, re.S).group(1))


def form_values(page: str) -> dict[str, str]:
    """What the edit form would send as it stands."""
    values = {name: html.unescape(value) for name, value in
              re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page)}  # fmt: skip
    values.update(title=html.unescape(re.search(r'id="title" name="title" required value="([^"]*)"',
                                                page).group(1)),  # fmt: skip
                  date=re.search(r'id="date" name="date" type="date" required value="([^"]*)"',
                                 page).group(1),  # fmt: skip
                  date_precision="day", status="draft",
                  summary=textarea(page, "summary"), implications=textarea(page, "implications"))
    values.pop("csrf_token", None)
    return values


def draft_now(client, event_id: int) -> str:
    response = client.submit(f"/events/{event_id}/draft")
    assert response.status_code == 303
    assert response.headers["location"] == f"/events/{event_id}/edit?drafted=1#draft"
    return client.get(response.headers["location"]).text


def test_draft_now_keeps_a_draft_shown_beside_the_fields(browser, accepted):
    editor = browser("editor")
    before = editor.get(f"/events/{accepted}/edit").text
    assert "No draft yet." in before and "Draft now" in before and "Use draft" not in before
    page = draft_now(editor, accepted)
    assert 'role="status">Drafted.' in page
    assert re.search(r"Draft \d+, extractive, made [\d-]+ [\d:]+ UTC\.", page)
    assert page.index('id="summary"') < page.index('id="draft"')  # the fields come first
    record = editor.get(f"/api/events/{accepted}").json()
    revision = record["revisions"][0]
    assert (revision["author"], revision["action"]) == ("binational", "draft")
    assert revision["after"]["method"] == "extractive"
    assert record["summary"] == textarea(page, "summary")  # the fields are unchanged


def test_each_sentence_links_to_its_passage_highlighted(browser, accepted):
    editor = browser("editor")
    page = draft_now(editor, accepted)
    links = PASSAGE_LINK.findall(page)
    sentences = [html.unescape(s) for s in
                 re.findall(r'<span class="draft-sentence">(.*?)</span>', page)]  # fmt: skip
    assert len(links) == len(sentences) >= 3
    source = PAIRS[13]["source"]
    for link, sentence in zip(links, sentences, strict=True):
        passage = browser("viewer").get(html.unescape(link))
        assert passage.status_code == 200
        marked = re.search(r'<mark id="passage" class="passage" tabindex="-1">(.*?)</mark>',
                           passage.text, re.S).group(1)  # fmt: skip
        assert html.unescape(marked) == sentence
        before = re.search(r'<div class="source-text" lang="en">(.*?)<mark', passage.text,
                           re.S).group(1)  # fmt: skip
        assert source["text"].startswith(html.unescape(before) + sentence)
        assert f'href="{html.escape(source["url"])}"' in passage.text
        assert "This text has changed" not in passage.text


def test_each_clause_links_to_its_evidence(browser, accepted):
    page = draft_now(browser("editor"), accepted)
    paragraph = re.search(r'<p class="draft-implications">(.*?)</p>', page, re.S).group(1)
    clauses = re.findall(r'<span class="clause">(.*?)</span><sup class="evidence">\[(.*?)\]</sup>',
                         paragraph, re.S)  # fmt: skip
    assert clauses and html.unescape(clauses[0][0]).startswith(
        "The event concerns the U.S.-Mexico Air Transport Agreement")
    evidence = " ".join(links for _, links in clauses)
    assert '<a href="/institutions/air-transport-agreement-2015">' in evidence
    assert re.search(r'<a href="/events/\d+">Event \d+</a>', evidence)  # the earlier event
    assert "established</a>" in evidence
    assert "The event is linked to no registry institution" in page  # warned in place


def test_use_draft_fills_the_fields_and_the_revision_says_so(browser, accepted, web_db):
    from binational.store.drafts import latest_draft

    editor = browser("editor")
    page = draft_now(editor, accepted)
    draft_id = int(re.search(r'name="draft" value="(\d+)"', page).group(1))
    used = editor.get(f"/events/{accepted}/edit?draft={draft_id}").text
    with web_db.connect() as connection:
        kept = latest_draft(connection, accepted).draft
    assert textarea(used, "summary") == kept["summary"]["text"]
    assert textarea(used, "implications") == kept["implications"]["text"]
    assert f'name="from_draft" value="{draft_id}"' in used and 'id="using-draft"' in used
    response = editor.submit(f"/events/{accepted}/edit", form_values(used))
    assert response.status_code == 303, response.text
    record = editor.get(f"/api/events/{accepted}").json()
    assert record["summary"] == kept["summary"]["text"]
    edit = next(r for r in record["revisions"] if r["action"] == "edit")
    assert edit["author"] == "editor@example.org"
    assert edit["after"]["from_draft"] == draft_id
    assert edit["after"]["draft_method"] == "extractive"
    assert edit["after"]["summary"] == kept["summary"]["text"]


def test_a_draft_of_another_event_cannot_be_used(browser, accepted, web_db):
    editor = browser("editor")
    draft_now(editor, accepted)
    other = event_id_matching(web_db, "")
    page = editor.get(f"/events/{accepted}/edit").text
    draft_id = re.search(r'name="draft" value="(\d+)"', page).group(1)
    assert editor.get(f"/events/{other}/edit?draft={draft_id}").status_code == 404
    assert editor.get(f"/events/{other}/edit?draft=x").status_code == 400
    response = editor.submit(f"/events/{other}/edit", {"title": "T", "date": "2023-04-18",
                                                       "from_draft": draft_id})  # fmt: skip
    assert response.status_code == 404
    assert editor.get(f"/api/events/{other}").json()["revisions"] == []


def test_an_imported_event_is_drafted_from_its_own_text_which_is_kept(browser, web_db):
    event_id = event_id_matching(web_db, "Fentanyl")
    editor = browser("editor")
    original = editor.get(f"/api/events/{event_id}").json()["summary"]
    page = draft_now(editor, event_id)
    assert "source: the event&#39;s stored text" in page
    assert "The event has no archived source" in page
    link = html.unescape(PASSAGE_LINK.findall(page)[0])
    editor.patch(f"/api/events/{event_id}", json={"summary": "Rewritten by hand."},
                 headers={"X-CSRF-Token": editor.csrf()})  # fmt: skip
    passage = editor.get(link).text
    assert "The event&#39;s own stored summary and context" in passage
    assert html.escape(original.split(". ")[0], quote=False) in passage  # the text drafted from


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [("url=urn%3Anowhere&start=0&end=5", 404, "has no source urn:nowhere"),
     ("start=5&end=2", 404, "has no source"),
     ("url={url}&start=5&end=2", 400, "is not a passage of that source"),
     ("url={url}&start=0&end=999999", 400, "is not a passage of that source")],
)  # fmt: skip
def test_bad_passages_are_refused(browser, accepted, query, status, message):
    from urllib.parse import quote

    editor = browser("editor")
    page = draft_now(editor, accepted)
    draft_id = re.search(r'name="draft" value="(\d+)"', page).group(1)
    url = quote(PAIRS[13]["source"]["url"], safe="")
    response = editor.get(f"/events/{accepted}/drafts/{draft_id}/passage?"
                          + query.format(url=url))  # fmt: skip
    assert response.status_code == status and message in html.unescape(response.text)
    anonymous = browser(None).get(f"/events/{accepted}/drafts/{draft_id}/passage",
                                  follow_redirects=False)  # fmt: skip
    assert anonymous.status_code == 303 and anonymous.headers["location"].startswith("/login")


def test_model_warnings_and_marks_are_shown_escaped(make_app, web_db, model_server):
    from tests.web.conftest import Browser

    app = make_app(llm_url=model_server.url, llm_model="test-model", llm_timeout=3.0)
    candidate = store_candidate(web_db, PAIRS[13])
    with web_db.transaction() as session:
        event_id = accept_candidate(session, candidate, "ana", app.state.web.annotator).id
    model_server.reset(answer(
        "Secretary Buttigieg met <script>alert(1)</script> at AIFA on March 3, 2021.",
        "The Binational Aviation Council will oversee the agreement.",
    ))  # fmt: skip
    editor = Browser(app).sign_in("editor@example.org")
    page = draft_now(editor, event_id)
    assert "llm:test-model" in page and "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'March 3, 2021 <mark class="unverified">[unverified]</mark>' in page
    assert 'Council <mark class="unverified">[unverified]</mark>' in page
    warnings = re.search(r'<div class="draft-warnings" role="note".*?</div>', page, re.S).group(0)
    assert "“Binational Aviation Council”, which is not in the registry" in warnings
    assert "“March 3, 2021”, a date found in neither" in warnings


def test_the_panel_speaks_spanish(browser, accepted):
    editor = browser("editor")
    draft_now(editor, accepted)
    editor.get("/language/es?next=/events")
    page = editor.get(f"/events/{accepted}/edit").text
    assert "Usar el borrador" in page and "Redactar ahora" in page and "Borrador" in page
    assert "pasaje de la fuente" in page


def test_the_draft_api_is_for_editors(browser, accepted):
    path = f"/api/events/{accepted}/draft"
    anonymous = browser(None)
    assert anonymous.post(path, headers={"X-CSRF-Token": anonymous.csrf()}).status_code == 401
    viewer = browser("viewer")
    assert viewer.post(path, headers={"X-CSRF-Token": viewer.csrf()}).status_code == 403
    editor = browser("editor")
    headers = {"X-CSRF-Token": editor.csrf()}
    response = editor.post(path, headers=headers)
    assert response.status_code == 200
    record = response.json()
    assert record["event_id"] == accepted and record["method"] == "extractive"
    assert set(record) >= {"summary", "implications", "method", "warnings", "draft_id"}
    assert {"text", "source_url", "start", "end"} <= set(record["summary"]["sentences"][0])
    assert {"text", "evidence"} <= set(record["implications"]["facts"][0])
    events = editor.get(f"/api/events/{accepted}").json()
    assert events["revisions"][0]["after"]["draft"] == record["draft_id"]
    unsaved = editor.post(path + "?save=false", headers=headers).json()
    assert unsaved["draft_id"] is None and unsaved["summary"] == record["summary"]
    assert editor.post("/api/events/99999/draft", headers=headers).status_code == 404
    refused = editor.post(path + "?llm=true", headers=headers)
    assert refused.status_code == 409
    assert refused.json()["error"].startswith("no drafting model is configured")


def test_using_a_draft_without_implications_keeps_the_fields_implications(browser, web_db):
    """An event with text but no registry institution: its draft has a summary and no
    implications, so using it leaves the analyst's implications alone."""
    import datetime as dt

    from binational.store.models import Event

    with web_db.transaction() as session:
        event = Event(title="A meeting", date_value=dt.date(2023, 5, 2), status="draft",
                      summary="Officials met in a city. They talked about roads. Nothing else "
                      "was decided.", implications="The analyst's own paragraph.")  # fmt: skip
        session.add(event)
        session.flush()
        event_id = event.id
    editor = browser("editor")
    page = draft_now(editor, event_id)
    draft_id = re.search(r'name="draft" value="(\d+)"', page).group(1)
    assert "has no institutional facts to state" in page
    used = editor.get(f"/events/{event_id}/edit?draft={draft_id}").text
    assert textarea(used, "implications") == "The analyst's own paragraph."
    assert textarea(used, "summary").startswith("Officials met in a city.")
