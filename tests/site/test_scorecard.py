"""The scorecard and the timelines on the site: built from the published events
(pure), and on the built pages, in both languages, linking the site's own pages."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from lxml import html

from binational.domain import PartialDate
from binational.site.scorecard import linked_events, site_scorecard
from binational.site.write import content_key
from binational.store.public_reads import PublicEvent, PublicLink

D = dt.date


def public_event(event_id: int, day: dt.date, *slugs: str) -> PublicEvent:
    links = tuple(
        PublicLink(slug, "institution", slug.upper(), "title", "linker") for slug in slugs
    )
    return PublicEvent(id=event_id, title=f"Event {event_id}",
                       date=PartialDate.day(day.year, day.month, day.day), summary="",
                       context="", implications="", updated_at=dt.datetime(2024, 1, 1),
                       links=links, sources=())  # fmt: skip


def test_linked_events_are_each_institutions_published_events_oldest_first():
    events = [
        public_event(2, D(2024, 2, 8), "hled", "hled"),
        public_event(1, D(2023, 5, 1), "hled"),
        public_event(3, D(2023, 6, 1), "usmca"),
    ]
    linked = linked_events(events)
    assert [(e.id, e.status) for e in linked["hled"]] == [(1, "published"), (2, "published")]
    assert [e.id for e in linked["usmca"]] == [3]


def test_no_published_events_no_scorecard(registry):
    assert site_scorecard([], registry, "Center", D(2024, 6, 30)) is None


def test_scorecard_counts_published_events_in_the_twelve_months_to_the_day(registry):
    events = [public_event(1, D(2023, 5, 1), "hled"), public_event(2, D(2024, 2, 8), "hled")]
    scorecard = site_scorecard(events, registry, "Center", D(2024, 6, 30))
    assert scorecard.title("es") == "Tablero de evaluación | julio de 2023-junio de 2024"
    assert scorecard.as_of_text("en") == "As of June 30, 2024"
    document = scorecard.document("en")
    assert document.language == "en" and scorecard.document("es").language == "es"
    assert str(document.period) == "2023-07..2024-06" and document.as_of == D(2024, 6, 30)
    row = next(row for row in document.rows if row.slug == "hled")
    assert row.counts[-1] == 1 and [e.id for e in row.events] == [2]
    assert document.coverage_events == 2


@pytest.mark.parametrize(
    ("change", "rescored"),
    [
        (lambda e: e, False),
        (lambda e: dataclasses.replace(e, summary="Another summary."), False),
        (lambda e: dataclasses.replace(e, title="Another title"), True),
        (lambda e: dataclasses.replace(e, date=PartialDate.day(2024, 3, 1)), True),
        (lambda e: dataclasses.replace(e, links=()), True),
    ],
)
def test_the_scorecards_key_is_what_it_is_scored_from(registry, change, rescored):
    events = [public_event(1, D(2023, 5, 1), "hled"), public_event(2, D(2024, 2, 8), "hled")]
    before = site_scorecard(events, registry, "Center", D(2024, 6, 30))
    after = site_scorecard([events[0], change(events[1])], registry, "Center", D(2024, 6, 30))
    assert (content_key(before.key) != content_key(after.key)) is rescored
    if not rescored:
        assert before.document("en") == after.document("en")


def page(built_site: Path, path: str):
    return html.parse(str(built_site / path))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_scorecard_page_links_the_sites_institutions_and_events(built_site, lang):
    tree = page(built_site, f"{lang}/scorecard/index.html")
    assert tree.getroot().get("lang") == lang
    heading = {"en": "Scorecard", "es": "Tablero de evaluación"}[lang]
    assert tree.xpath("//h1")[0].text.startswith(heading)
    assert tree.xpath('//section[@aria-labelledby="method-h"]//p')  # the method is stated
    grids = tree.xpath('//figure[@class="picture"]/*[local-name()="svg"][@role="img"]')
    assert len(grids) == 4  # one continuity grid per category
    links = tree.xpath("//main//a/@href")
    institutions = [href for href in links if f"/{lang}/institutions/" in href]
    assert institutions and all(
        (built_site / href.lstrip("/") / "index.html").is_file() for href in institutions
    )
    events = [href for href in links if f"/{lang}/events/" in href]
    assert events and all((built_site / href.lstrip("/")).is_file() for href in events)
    evidence = tree.xpath('//section[@id="evidence-hled"]')[0]
    assert "Se reúne el Diálogo Económico de Alto Nivel" in evidence.text_content()
    home = page(built_site, f"{lang}/index.html")
    assert home.xpath('//section[@aria-labelledby="scorecard-h"]//a/@href') == [
        f"/{lang}/scorecard/"
    ]


def test_an_institutions_page_carries_its_timeline_with_its_text_alternative(built_site):
    tree = page(built_site, "es/institutions/hled/index.html")
    svg = tree.xpath('//section[@aria-labelledby="timeline-h"]//*[local-name()="svg"]')[0]
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "timeline-hled-title timeline-hled-desc"
    description = svg.xpath('*[local-name()="desc"]')[0].text
    assert description.startswith("Cronología de Diálogo Económico de Alto Nivel")
    assert "un evento vinculado, el 2024-02-08" in description
    # An institution with no published event has no picture.
    quiet = page(built_site, "en/institutions/usmca/index.html")
    assert not quiet.xpath('//*[local-name()="svg"]')
