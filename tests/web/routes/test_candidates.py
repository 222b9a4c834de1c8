"""The candidate queue page and its JSON twin, on top of the ingestion service."""

import datetime as dt

import pytest

from binational.ingest.clusters import NewDocument, store_document


def new_document(url: str, title: str, score: float) -> NewDocument:
    text = f"{title}. The United States and Mexico met in Washington to discuss the HLED."
    return NewDocument(
        kind="page", url=url, canonical_url=url, title=title, text=text,
        text_sha256=str(abs(hash(url))).rjust(64, "0"), source_name="state.gov",
        official=True, published=dt.date(2023, 9, 29), published_stated=True,
        language="en", score=score, reasons=("United States and Mexico both named",),
        institutions=({"slug": "hled", "kind": "institution", "mention": "HLED"},),
    )  # fmt: skip


@pytest.fixture
def candidates(web_db):
    with web_db.transaction() as session:
        first = store_document(
            session, new_document("https://www.state.gov/a", "HLED <meets>", 0.9), None
        )
        second = store_document(
            session, new_document("https://www.state.gov/b", "Weak one", 0.2), None
        )
        return first.candidate_id, second.candidate_id


def test_queue_page_is_ranked_and_keyboard_ready(browser, candidates):
    first, second = candidates
    page = browser("editor").get("/candidates").text
    assert page.index(f'data-candidate="{first}"') < page.index(f'data-candidate="{second}"')
    assert "HLED &lt;meets&gt;" in page
    assert 'data-action="accept"' in page and 'data-action="reject"' in page
    assert "J and K move between candidates" in page
    viewer_page = browser("viewer").get("/candidates").text
    assert 'data-action="accept"' not in viewer_page


def test_min_score_filters(browser, candidates):
    first, _ = candidates
    data = browser("viewer").get("/api/candidates?min_score=0.5").json()
    assert [c["id"] for c in data["candidates"]] == [first]
    assert data["queued"] == 2
    assert browser("viewer").get("/api/candidates?min_score=lots").status_code == 422


def test_accept_makes_a_draft_event_drafted_at_once(browser, candidates):
    first, _ = candidates
    editor = browser("editor")
    response = editor.submit(f"/candidates/{first}/accept")
    assert response.status_code == 303
    event_id = int(response.headers["location"].split("=")[1].split("#")[0])
    record = editor.get(f"/api/events/{event_id}").json()
    actions = [(r["action"], r["author"]) for r in record["revisions"]]
    assert record["status"] == "draft"
    assert actions == [("draft", "binational"), ("accept", "editor@example.org")]
    assert f"/events/{event_id}/edit" in editor.get(response.headers["location"]).text
    again = editor.submit(f"/candidates/{first}/accept")
    assert again.status_code == 400 and "already accepted" in again.text


def test_reject_via_the_api(browser, candidates):
    _, second = candidates
    editor = browser("editor")
    response = editor.post(
        f"/api/candidates/{second}/reject", headers={"X-CSRF-Token": editor.csrf()}
    )
    assert response.json() == {"id": second, "status": "rejected"}
    assert [c["id"] for c in editor.get("/api/candidates").json()["candidates"]] == [candidates[0]]


def test_restore_via_the_api_queues_a_rejected_candidate_again(browser, candidates):
    first, second = candidates
    editor = browser("editor")
    token = {"X-CSRF-Token": editor.csrf()}
    assert editor.post(f"/api/candidates/{second}/reject", headers=token).status_code == 200
    response = editor.post(f"/api/candidates/{second}/restore", headers=token)
    assert response.status_code == 200
    assert response.json() == {"id": second, "status": "queued"}
    queue = editor.get("/api/candidates").json()
    assert [c["id"] for c in queue["candidates"]] == [first, second] and queue["queued"] == 2


@pytest.mark.parametrize(
    ("role", "target", "status", "error"),
    [
        ("editor", "first", 409, "candidate {id} is queued, not rejected; nothing to restore"),
        ("editor", "missing", 404, "there is no candidate {id}"),
        ("viewer", "second", 403, None),
        (None, "second", 401, None),
    ],
)  # fmt: skip
def test_restore_via_the_api_refuses_with_one_sentence(browser, candidates, role, target,
                                                       status, error):  # fmt: skip
    first, second = candidates
    editor = browser("editor")
    editor.post(f"/api/candidates/{second}/reject", headers={"X-CSRF-Token": editor.csrf()})
    candidate = {"first": first, "second": second, "missing": second + 1000}[target]
    client = browser(role)
    headers = {"X-CSRF-Token": client.csrf()} if role else {}
    response = client.post(f"/api/candidates/{candidate}/restore", headers=headers)
    assert response.status_code == status
    body = response.json()
    assert set(body) <= {"error", "field"} and body["error"]  # the one error shape
    if error is not None:
        assert body["error"] == error.format(id=candidate)
    queued = [c["id"] for c in editor.get("/api/candidates").json()["candidates"]]
    assert queued == [first]  # a refused restore changes nothing


def test_accept_via_the_api_returns_the_event(browser, candidates):
    editor = browser("editor")
    response = editor.post(f"/api/candidates/{candidates[0]}/accept",
                           headers={"X-CSRF-Token": editor.csrf()})  # fmt: skip
    assert response.status_code == 200 and response.json()["status"] == "draft"


def test_drafts_from_candidates_are_never_public(make_app, candidates):
    from tests.web.conftest import Browser

    editor = Browser(make_app()).sign_in("editor@example.org")
    event_id = editor.post(f"/api/candidates/{candidates[0]}/accept",
                           headers={"X-CSRF-Token": editor.csrf()}).json()["id"]  # fmt: skip
    public = Browser(make_app(public_read=True))
    assert public.get(f"/api/events/{event_id}").status_code == 404
    assert event_id not in [e["id"] for e in public.get("/api/events").json()["events"]]


def test_reject_offers_undo_and_names_the_next_candidate(browser, candidates):
    first, second = candidates
    editor = browser("editor")
    response = editor.submit(f"/candidates/{first}/reject", {"next": str(second)})
    assert response.headers["location"] == f"/candidates?rejected={first}#candidate-{second}"
    page = editor.get(response.headers["location"]).text
    assert f'action="/candidates/{first}/restore"' in page and 'data-action="undo"' in page
    assert f'data-candidate="{first}"' not in page
    undone = editor.submit(f"/candidates/{first}/restore")
    assert undone.headers["location"] == f"/candidates?restored={first}#candidate-{first}"
    assert f'data-candidate="{first}"' in editor.get("/candidates").text
    assert "is back in the queue" in editor.get(undone.headers["location"]).text


def test_a_bad_next_is_ignored(browser, candidates):
    first, _ = candidates
    response = browser("editor").submit(f"/candidates/{first}/reject", {"next": "x\"><script>"})
    assert response.headers["location"] == f"/candidates?rejected={first}"


def test_the_rejected_view_lists_rejections_and_editors_restore_from_it(browser, candidates):
    first, second = candidates
    editor = browser("editor")
    editor.submit(f"/candidates/{second}/reject")
    rejected = editor.get("/candidates?view=rejected").text
    assert f'data-candidate="{second}"' in rejected and f'data-candidate="{first}"' not in rejected
    assert f'action="/candidates/{second}/restore"' in rejected
    viewer_view = browser("viewer").get("/candidates?view=rejected").text
    assert f'data-candidate="{second}"' in viewer_view and "/restore" not in viewer_view
    assert browser("viewer").submit(f"/candidates/{second}/restore").status_code == 403
    again = editor.submit(f"/candidates/{first}/restore")
    assert again.status_code == 400 and "not rejected; nothing to restore" in again.text


def test_a_candidate_page_shows_text_score_reasons_links_and_copies(browser, web_db, candidates):
    first, _ = candidates
    with web_db.transaction() as session:
        store_document(session, new_document("https://mirror.example/a", "HLED copy", 0.5), first)
    page = browser("viewer").get(f"/candidates/{first}").text
    assert "<h1>HLED &lt;meets&gt;</h1>" in page
    assert "met in Washington to discuss the HLED" in page  # the archived text
    assert "<strong>0.9</strong>" in page and "United States and Mexico both named" in page
    assert 'href="/institutions/hled"' in page
    assert "https://mirror.example/a" in page and "https://www.state.gov/a" in page
    assert browser("viewer").get("/candidates/999").status_code == 404
    assert browser(None).get(f"/candidates/{first}", follow_redirects=False).status_code == 303
