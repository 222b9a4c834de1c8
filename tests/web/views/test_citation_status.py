"""The event page's citation status: what ``binational archive check`` last found at
each address the event cites, in the page and its JSON twin."""

import datetime as dt

from binational.store.citations import CitationCheck, record_check
from binational.store.models import Event, EventSource


def test_the_event_page_shows_which_citations_moved_or_died(browser, web_db):
    when = dt.datetime(2026, 11, 30, 12, 0)
    with web_db.transaction() as session:
        event = session.query(Event).order_by(Event.id).first()
        event.url = "https://www.gob.mx/sre/prensa/old"
        event.sources.append(EventSource(url="https://www.state.gov/gone", role="republished"))
        event_id = event.id
        record_check(
            session,
            CitationCheck(
                "https://www.gob.mx/sre/prensa/old",
                "moved",
                200,
                "https://www.gob.mx/sre/prensa/new",
                None,
                when,
            ),
        )
        record_check(session, CitationCheck("https://www.state.gov/gone", "dead", 404, None,
                                            "HTTP 404", when))  # fmt: skip
    page = browser("viewer").get(f"/events/{event_id}")
    assert page.status_code == 200
    assert "Citation status" in page.text
    assert 'class="badge citation-moved">moved<' in page.text
    assert "https://www.gob.mx/sre/prensa/new" in page.text
    assert 'class="badge citation-dead">gone<' in page.text
    twin = browser("viewer").get(f"/api/events/{event_id}").json()
    assert [(c["url"], c["state"]) for c in twin["citations"]] == [
        ("https://www.gob.mx/sre/prensa/old", "moved"), ("https://www.state.gov/gone", "dead"),
    ]  # fmt: skip


def test_an_unchecked_event_shows_no_citation_status(browser, web_db):
    with web_db.sessions() as session:
        event_id = session.query(Event.id).order_by(Event.id).first()[0]
    page = browser("viewer").get(f"/events/{event_id}")
    assert page.status_code == 200 and "Citation status" not in page.text
