"""The Scorecard page, its JSON twin and its files, over the sample database (the 2023
Q2 report, linked to the registry); and an institution's timeline picture."""

from __future__ import annotations

import re

from lxml import html as lxml_html


def test_the_page_opens_with_the_method_then_grids_and_tables(browser):
    client = browser("viewer")
    response = client.get("/scorecard?period=2023")
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.text)
    assert tree.xpath("//h1")[0].text == "Scorecard | 2023"
    headings = [h.text_content().split(" ")[0] for h in tree.xpath("//main//h2")]
    assert headings[:2] == ["How", "Agreements"]
    grids = tree.xpath("//main//figure/svg")
    assert len(grids) == 4 and all(svg.get("role") == "img" for svg in grids)
    # every mark links to its evidence, and the evidence links to the events
    marks = tree.xpath("//main//table//tbody/tr/td[5]/a")  # after the name (th) and 4 cells
    ids = set(tree.xpath("//@id"))
    assert marks and all(a.get("href")[1:] in ids for a in marks)
    hled = tree.xpath("//section[@id='evidence-hled']")[0]
    assert hled.xpath(".//a[starts-with(@href, '/events/')]")
    assert "style=" not in response.text.split("<main", 1)[1]  # the CSP forbids inline styles


def test_the_json_twin(browser):
    client = browser("viewer")
    record = client.get("/api/scorecard?period=2023&category=dialogue_mechanism").json()
    assert record["period"] == "2023" and record["category"] == "dialogue_mechanism"
    hled = next(row for row in record["institutions"] if row["slug"] == "hled")
    assert hled["events_in_period"] == 1 and hled["last_activity"]["date"] == "2023-04-18"
    assert hled["reason"]["text"].startswith("The registry gives no expected cadence")
    assert {row["category"] for row in record["institutions"]} == {"dialogue_mechanism"}
    spanish = client.get("/api/scorecard?period=2023&language=es").json()
    assert spanish["institutions"][0]["reason"]["text"] != record["institutions"][0]["reason"]
    default = client.get("/api/scorecard").json()
    assert re.fullmatch(r"\d{4}(-\d{2}\.\.\d{4}-\d{2})?", default["period"])


def test_bad_parameters_are_one_sentence(browser):
    client = browser("viewer")
    bad = client.get("/api/scorecard?period=2023Q5")
    assert bad.status_code == 422 and bad.json()["field"] == "query.period"
    assert bad.json()["error"].startswith("period: '2023Q5' is not a period: a quarter (2023Q2)")
    page = client.get("/scorecard?period=2023-13")
    assert page.status_code == 400 and "months run 1 to 12" in page.text
    assert client.get("/api/scorecard?category=treaties").status_code == 422
    assert client.get("/api/scorecard.rtf?period=2023").status_code == 422


def test_files_for_download(browser):
    client = browser("viewer")
    pdf = client.get("/api/scorecard.pdf?period=2023")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-disposition"] == 'attachment; filename="scorecard-2023.pdf"'
    word = client.get("/api/scorecard.docx?period=2023&category=program")
    assert word.headers["content-disposition"].endswith('"scorecard-2023-program.docx"')


def test_in_spanish(browser):
    client = browser("viewer")
    client.cookies.set("lang", "es")
    tree = lxml_html.fromstring(client.get("/scorecard?period=2023").text)
    assert tree.xpath("//h1")[0].text == "Tablero de evaluación | 2023"
    assert tree.xpath("//nav//a[@href='/scorecard']")[0].text == "Tablero"


def test_anonymous_readers_count_published_events_only(make_app, web_db):
    from fastapi.testclient import TestClient
    from sqlalchemy import select, update

    from binational.store.models import Event, EventInstitution

    with web_db.transaction() as session:
        linked = session.scalars(
            select(EventInstitution.event_id).where(EventInstitution.slug == "hled")
        ).one()
        session.execute(update(Event).where(Event.id == linked).values(status="reviewed"))
    public = TestClient(make_app(public_read=True))
    anonymous = public.get("/api/scorecard?period=2023").json()
    hled = next(row for row in anonymous["institutions"] if row["slug"] == "hled")
    assert hled["events_in_period"] == 0


def test_the_institution_page_shows_its_timeline(browser):
    client = browser("viewer")
    tree = lxml_html.fromstring(client.get("/institutions/hled").text)
    (svg,) = tree.xpath("//section[@aria-labelledby='timeline-h']//svg")
    assert svg.get("role") == "img"
    desc = svg.xpath("./*[local-name()='desc']")[0].text
    assert desc.startswith("Timeline of U.S.-Mexico High-Level Economic Dialogue: one linked")
    assert "suspended 2017" in desc
    record = client.get("/api/institutions/hled").json()
    assert record["timeline"]["alt"] == desc
    assert "timeline" not in client.get("/api/institutions/state").json()  # an agency
