"""The whole build: what it writes, and that a rebuild after one edit rewrites only
the pages that show what changed."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3

import pytest
from lxml import etree, html

from binational.site.build import build_site
from binational.store.database import Database
from binational.store.models import Event

BUILD_DAY = dt.date(2024, 6, 30)  # the day the scorecard and timelines run to


@pytest.fixture
def own_world(site_world, tmp_path):
    """A copy of the populated database and archive, free to edit."""
    settings, database = site_world
    database.engine.dispose()
    shutil.copy(settings.db, tmp_path / "site.db")
    shutil.copytree(settings.archive_dir, tmp_path / "archive")
    own = settings.__class__(**{**settings.__dict__, "db": str(tmp_path / "site.db"),
                               "archive_dir": str(tmp_path / "archive")})  # fmt: skip
    copy = Database.open(own.db)
    yield own, copy
    copy.close()


def test_the_site_has_every_kind_of_page(built_site):
    expected = [
        "index.html", "en/index.html", "es/index.html", "en/categories/agreement/index.html",
        "es/institutions/usmca/index.html", "en/events/2024/index.html", "en/events/index.html",
        "pagefind-years/2024-01/pagefind-entry.json", "pagefind-years/2023-05/pagefind.js",
        "en/reports/2023Q2/index.html", "reports/2023Q2/report-2023Q2.pdf",
        "reports/2023Q2/report-2023Q2.docx", "en/search/index.html", "es/data/index.html",
        "data/events.csv", "data/binational.db", "sitemap.xml", "en/feed.xml", "es/feed.xml",
        "static/site.css", "pagefind/pagefind-ui.js",
    ]  # fmt: skip
    missing = [path for path in expected if not (built_site / path).is_file()]
    assert missing == []
    assert not list(built_site.rglob("*.partial"))


def test_pages_carry_hreflang_and_json_ld(built_site):
    import json

    tree = html.parse(str(built_site / "es/institutions/hled/index.html"))
    alternates = {link.get("hreflang"): link.get("href")
                  for link in tree.xpath('//link[@rel="alternate"][@hreflang]')}  # fmt: skip
    assert alternates == {
        "en": "https://repository.example.org/en/institutions/hled/",
        "es": "https://repository.example.org/es/institutions/hled/",
    }
    data = json.loads(tree.xpath('//script[@type="application/ld+json"]')[0].text)
    assert data["@type"] == "Organization" and data["@context"] == "https://schema.org"
    assert {"@value": "Diálogo Económico de Alto Nivel México-Estados Unidos",
            "@language": "es"} in data["name"]  # fmt: skip


def test_report_page_lists_only_published_events_with_every_download(built_site):
    tree = html.parse(str(built_site / "en/reports/2023Q2/index.html"))
    items = tree.xpath('//section[@aria-labelledby="items-h"]//li')
    assert len(items) == 15  # the sample's 14 items and the published fentanyl event
    downloads = {link.text for link in tree.xpath('//ul[@class="downloads"]//a')}
    assert downloads == {"MD", "TXT", "HTML", "PDF", "DOCX"}
    markdown = (built_site / "reports/2023Q2/report-2023Q2.md").read_text()
    assert "Trilateral Fentanyl Committee meets in Mexico City" in markdown


def test_sitemap_and_feed_parse(built_site):
    sitemap = etree.parse(str(built_site / "sitemap.xml"))
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
                  "x": "http://www.w3.org/1999/xhtml"}  # fmt: skip
    locations = sitemap.xpath("//s:loc/text()", namespaces=namespaces)
    assert "https://repository.example.org/es/institutions/hled/" in locations
    # Every page has its twins, except an archived copy's (one page in both languages).
    twinned = [loc for loc in locations if "/archive/" not in loc]
    assert len(twinned) < len(locations)
    assert len(sitemap.xpath("//x:link[@hreflang='es']", namespaces=namespaces)) == len(twinned)
    feed = etree.parse(str(built_site / "en/feed.xml"))
    atom = {"a": "http://www.w3.org/2005/Atom"}
    titles = feed.xpath("//a:entry/a:title/text()", namespaces=atom)
    assert "Trilateral Fentanyl Committee meets in Mexico City" in titles
    assert all(
        entry_id.startswith("tag:") for entry_id in feed.xpath("//a:id/text()", namespaces=atom)
    )


def test_a_rebuild_after_one_edit_rewrites_only_what_shows_it(own_world, registry, tmp_path):
    settings, database = own_world
    out = tmp_path / "site"
    first = build_site(database, settings, registry, out, search=False)
    assert len(first.written) == first.outputs
    with database.transaction() as session:
        event = session.query(Event).filter(Event.title.like("Se reúne%")).one()
        event.summary = (
            "Un resumen corregido: los gobiernos revisaron la agenda del diálogo y de las "
            "cadenas de suministro para el resto del año."
        )
        event_id = event.id
    second = build_site(database, settings, registry, out, search=False)
    changed_pages = {path for path in second.written if not path.startswith("data/")}
    assert changed_pages == {
        f"en/events/2024/{event_id}.html", f"es/events/2024/{event_id}.html",
        "en/feed.xml", "es/feed.xml",
    }  # fmt: skip
    assert "Un resumen corregido:" in (out / f"es/events/2024/{event_id}.html").read_text()
    # The SQLite file, brought up to date from the last one, finds the new words only.
    with sqlite3.connect(out / "data/binational.db") as connection:
        found = connection.execute(
            "SELECT rowid FROM events_fts WHERE events_fts MATCH ?", ("corregido",)
        ).fetchall()
        assert found == [(event_id,)]
        summary = connection.execute("SELECT summary FROM events WHERE id = ?", (event_id,))
        assert summary.fetchone()[0].startswith("Un resumen corregido:")
    third = build_site(database, settings, registry, out, search=False)
    assert third.written == () and third.unchanged == third.outputs


def site_files(out) -> dict[str, bytes]:
    """Every file of a built site by its path, the SQLite download as its rows (a file
    brought up to date in place holds the same rows as one written whole, not the same
    bytes)."""
    files = {}
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(out).as_posix()
        if name == "data/binational.db":
            with sqlite3.connect(path) as connection:
                tables = [row[0] for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'events_fts%' ORDER BY name"
                )]  # fmt: skip
                rows = {t: connection.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2').fetchall()
                        for t in tables}  # fmt: skip
            files[name] = repr(rows).encode()
        else:
            files[name] = path.read_bytes()
    return files


def test_two_builds_of_the_same_data_write_the_same_tree(own_world, registry, tmp_path):
    settings, database = own_world
    trees = []
    for name in ("one", "two"):
        build_site(database, settings, registry, tmp_path / name, search=False,
                   base_url="https://repository.example.org/", today=BUILD_DAY)  # fmt: skip
        trees.append(site_files(tmp_path / name))
    assert len(trees[0]) > 50
    assert trees[0] == trees[1]


def test_a_rebuild_after_an_edit_writes_the_tree_a_fresh_build_writes(
    own_world, registry, tmp_path
):
    settings, database = own_world
    options = {"search": False, "base_url": "https://repository.example.org/",
               "today": BUILD_DAY}  # fmt: skip
    build_site(database, settings, registry, tmp_path / "rebuilt", **options)
    with database.transaction() as session:
        event = session.query(Event).filter(Event.title.like("Se reúne%")).one()
        event.title = "Se reúne el diálogo, con un título corregido"
        event.summary = "Un resumen corregido del diálogo."
        gone = session.query(Event).filter(Event.title.like("A release that%")).one()
        gone.status = "draft"
    build_site(database, settings, registry, tmp_path / "rebuilt", **options)
    build_site(database, settings, registry, tmp_path / "fresh", **options)
    rebuilt, fresh = site_files(tmp_path / "rebuilt"), site_files(tmp_path / "fresh")
    assert sorted(rebuilt) == sorted(fresh)
    assert [name for name in fresh if rebuilt[name] != fresh[name]] == []


def test_an_unpublished_event_disappears_on_rebuild(own_world, registry, tmp_path):
    settings, database = own_world
    out = tmp_path / "site"
    build_site(database, settings, registry, out, search=False)
    with database.transaction() as session:
        event = session.query(Event).filter(Event.title.like("A release that%")).one()
        event.status = "draft"
        event_id = event.id
    summary = build_site(database, settings, registry, out, search=False)
    assert f"en/events/2024/{event_id}.html" in summary.removed
    assert not (out / f"en/events/2024/{event_id}.html").exists()


def test_a_rebuild_reindexes_only_the_edited_events_year(own_world, registry, tmp_path):
    settings, database = own_world
    out = tmp_path / "site"
    first = build_site(database, settings, registry, out)
    assert first.search == ["2023", "2024", "institutions"]
    with database.transaction() as session:
        event = session.query(Event).filter(Event.title.like("A release that%")).one()
        event.title = "A release that was taken down, retitled"
    second = build_site(database, settings, registry, out)
    assert second.search == ["2024"]
    assert build_site(database, settings, registry, out).search == []


def test_a_year_of_many_events_is_indexed_in_runs_of_months(own_world, registry, tmp_path):
    settings, database = own_world
    out = tmp_path / "site"
    first = build_site(database, settings, registry, out, shard_events=1)
    assert first.search == ["2023-04", "2023-05", "2023-06", "2024-01", "institutions"]
    with database.transaction() as session:
        event = session.query(Event).filter(Event.title.like("A release that%")).one()
        event.title = "A release that was taken down, retitled"
    assert build_site(database, settings, registry, out, shard_events=1).search == ["2024-01"]
    # Back to a bundle a year: the runs' bundles go, the years' are made.
    again = build_site(database, settings, registry, out)
    assert again.search == ["2023", "2024"]
    assert sorted(p.name for p in (out / "pagefind-years").iterdir()) == ["2023", "2024"]


def test_the_open_data_page_states_the_licence_of_the_setting(own_world, registry, tmp_path):
    settings, database = own_world
    out = tmp_path / "site"
    build_site(database, settings, registry, out, search=False)
    link = html.parse(str(out / "es/data/index.html")).xpath('//a[@rel="license"]')[0]
    assert (link.get("href"), link.text) == (
        "https://creativecommons.org/licenses/by/4.0/", "Creative Commons Attribution 4.0",
    )  # fmt: skip
    relicensed = settings.with_overrides(data_license="ODbL-1.0")
    summary = build_site(database, relicensed, registry, out, search=False)
    assert {"en/data/index.html", "es/data/index.html", "data/datapackage.json",
            "data/metadata.json"} <= set(summary.written)  # fmt: skip
    link = html.parse(str(out / "en/data/index.html")).xpath('//a[@rel="license"]')[0]
    assert link.get("href") == "https://opendatacommons.org/licenses/odbl/1-0/"
    package = json.loads((out / "data/datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "ODbL-1.0"


def test_institution_pages_show_implications_when_written(own_world, registry, tmp_path):
    import dataclasses

    from binational.registry.loader import Registry

    settings, database = own_world
    institutions = tuple(
        dataclasses.replace(entry, implications_en="The dialogue sets the agenda.\nYearly.",
                            implications_es="Fija la agenda.")
        if entry.slug == "hled" else entry
        for entry in registry.institutions
    )  # fmt: skip
    out = tmp_path / "site"
    build_site(database, settings, Registry(institutions, registry.agencies), out, search=False)

    def shown(path: str) -> list[tuple[str, str]]:
        tree = html.parse(str(out / path))
        return [(p.get("lang"), p.text) for p in tree.xpath('//h2[@id="implications-h"]/../p')]

    assert shown("en/institutions/hled/index.html") == [
        ("en", "The dialogue sets the agenda."), ("en", "Yearly."),
    ]  # fmt: skip
    assert shown("es/institutions/hled/index.html") == [("es", "Fija la agenda.")]
    assert shown("es/institutions/usmca/index.html") == []
