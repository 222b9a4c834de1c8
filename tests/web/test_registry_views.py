"""The institution page shows where each registry fact comes from, and, to signed-in
analysts, the status changes the linked events suggest."""

from __future__ import annotations

from html import unescape

from tests.web.conftest import Browser

BGC_SOURCE = "https://northamericanproject.net/stories/when-binational-governors-met-both-countries-benefited"


def test_each_fact_shows_its_source_and_date_or_that_it_is_unconfirmed(browser) -> None:
    client = browser("viewer")
    page = unescape(client.get("/institutions/border-governors-conference").text)
    # status, cadence and the last history step rest on the review's source
    assert page.count(f'<a href="{BGC_SOURCE}" rel="noopener noreferrer">source</a>') == 2
    assert "checked 2026-11-30" in page
    assert "annual" in page and "Status history" in page
    assert "unconfirmed: the year is an estimate" in page  # the 2012 step
    record = client.get("/api/institutions/border-governors-conference").json()
    assert record["provenance"]["status"] == {
        "source": BGC_SOURCE, "as_of": "2026-11-30", "unconfirmed": False, "note": ""
    }  # fmt: skip
    assert record["status_history"][0]["provenance"]["unconfirmed"] is True


def test_name_sources_are_listed(browser) -> None:
    page = unescape(browser("viewer").get("/institutions/fobesii").text)
    assert "Sources of names" in page and "acronyms es: FOBESII" in page


def test_suggestions_with_their_evidence_for_analysts(browser) -> None:
    client = browser("viewer")
    record = client.get("/api/institutions/hled").json()
    (suggestion,) = record["suggestions"]
    assert suggestion["rule"] == "active_without_activity"
    assert suggestion["suggested_status"] == "suspended"
    evidence = suggestion["evidence"][0]
    page = unescape(client.get("/institutions/hled").text)
    assert "Status check" in page and "Suggested status" in page
    assert f'<a href="/events/{evidence["event_id"]}">{evidence["date"]} — ' in page


def test_anonymous_readers_see_no_suggestions(make_app) -> None:
    public = Browser(make_app(public_read=True))
    record = public.get("/api/institutions/hled").json()
    assert "suggestions" not in record and record["provenance"]["status"]["unconfirmed"]
    assert "Status check" not in public.get("/institutions/hled").text


def test_spanish_labels(browser) -> None:
    client = browser("viewer")
    client.cookies.set("lang", "es")
    page = unescape(client.get("/institutions/border-governors-conference").text)
    assert "Historial de estado" in page and "verificada 2026-11-30" in page
