"""The registry pages: by category, and one institution's timeline of events."""


def test_registry_by_category(browser):
    client = browser("viewer")
    page = client.get("/institutions")
    assert page.status_code == 200
    for heading in ("Agreements", "Organizations", "Dialogue mechanisms", "Programs"):
        assert heading in page.text
    data = client.get("/api/institutions").json()
    assert set(data) == {"agreement", "organization", "dialogue_mechanism", "program"}
    only = client.get("/api/institutions?category=organization").json()
    assert list(only) == ["organization"] and any(i["slug"] == "ibwc" for i in only["organization"])
    assert client.get("/institutions?category=nope").status_code == 404


def test_an_institution_with_its_timeline(browser):
    client = browser("viewer")
    listing = client.get("/api/events").json()
    slug = listing["facets"]["institution"][0]["value"]
    record = client.get(f"/api/institutions/{slug}").json()
    assert record["slug"] == slug and record["events"]
    dates = [event["date"] for event in record["events"]]
    assert dates == sorted(dates)
    page = client.get(f"/institutions/{slug}").text
    for event in record["events"]:
        assert f'href="/events/{event["id"]}"' in page
    assert client.get("/institutions/no-such-thing").status_code == 404


def test_spanish_names_in_spanish(browser):
    client = browser("viewer")
    client.cookies.set("lang", "es")
    page = client.get("/institutions/ibwc").text
    assert "<h1>Comisión Internacional de Límites y Aguas</h1>" in page
    assert "Cronología de eventos" in page


def test_agencies_have_pages_too(browser):
    record = browser("viewer").get("/api/institutions/state").json()
    assert record["kind"] == "agency" and record["country"] == "US"


def test_implications_shown_when_written(web_db):
    """Paragraphs in the reader's language when the registry has it, else in English
    marked lang="en"; in the JSON twin too."""
    import dataclasses

    from fastapi.testclient import TestClient
    from lxml import html

    from binational.config import Settings
    from binational.registry.loader import Registry, load_registry
    from binational.web.app import create_app

    bundled = load_registry()
    written = {
        "hled": ("The dialogue sets the economic agenda.\nIt meets yearly.", "Fija la agenda."),
        "ibwc": ("The commission settles boundary and water questions.", ""),
    }
    institutions = tuple(
        dataclasses.replace(entry, implications_en=written[entry.slug][0],
                            implications_es=written[entry.slug][1])
        if entry.slug in written else entry
        for entry in bundled.institutions
    )  # fmt: skip
    registry = Registry(institutions, bundled.agencies)
    settings = Settings(db=str(web_db.engine.url.database), secret_key="k", public_read=True)
    client = TestClient(create_app(settings, web_db, registry=registry))

    def shown(slug: str, language: str) -> list[tuple[str, str]]:
        client.cookies.set("lang", language)
        tree = html.fromstring(client.get(f"/institutions/{slug}").text)
        return [(p.get("lang"), p.text) for p in tree.xpath('//h2[@id="implications-h"]/../p')]

    assert shown("hled", "en") == [("en", "The dialogue sets the economic agenda."),
                                   ("en", "It meets yearly.")]  # fmt: skip
    assert shown("hled", "es") == [("es", "Fija la agenda.")]
    assert shown("ibwc", "es") == [("en", "The commission settles boundary and water questions.")]
    assert shown("usmca", "en") == []
    record = client.get("/api/institutions/ibwc").json()
    assert record["implications"] == {
        "lang": "en", "paragraphs": ["The commission settles boundary and water questions."],
    }  # fmt: skip


def test_an_institution_page_names_its_values_as_people_read_them(browser):
    import re
    from html import unescape

    client = browser("viewer")
    english = unescape(client.get("/institutions/usmca").text)
    assert "<dd>United States, Mexico, Canada</dd>" in english and "US, MX" not in english
    breadcrumb = re.search(r'class="breadcrumb">(.*?)</nav>', english, re.S).group(1)
    assert "usmca" not in breadcrumb.split("</a>")[-1]  # the name, not the slug
    assert re.search(r"<dt>Status</dt><dd>(active|suspended|ended|superseded)", english)
    client.get("/language/es?next=/events")
    spanish = unescape(client.get("/institutions/usmca").text)
    assert "<dd>Estados Unidos, México, Canadá</dd>" in spanish
    assert "acuerdo comercial" in spanish  # the subtype
