"""Which pages the site has and what each shows: a pure function of ``SiteData``.

Every page is a ``Page``: where it is written, its template, the parts it is made
from (``key``: plain JSON-ready data whose hash is the page's content key) and how to
make its context. Pages that summarize many things (home, indexes, institutions)
make their context at once and are keyed by it; the many pages of single events and
archived copies are keyed by a small fingerprint of what they show, and make their
context only when they must be written, so a rebuild after one edit costs little.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from binational.domain import Category
from binational.export.catalog import export_catalog
from binational.export.metadata import DataDescription
from binational.export.service import FORMATS
from binational.publish.formats import RENDERERS
from binational.reports.service import report_stem
from binational.scorecard.timelines import timeline_picture
from binational.site import urls
from binational.site.contexts import (
    content_language,
    event_context,
    event_line,
    institution_context,
    name_of,
    title_language,
)
from binational.site.data import SiteData
from binational.site.jsonld import event_jsonld, institution_jsonld
from binational.site.labels import translator
from binational.site.page import Frame, Page, fingerprint
from binational.site.scorecard import SiteScorecard, scorecard_context, site_scorecard
from binational.site.search import INSTITUTIONS, event_shard, year_bundle, year_splits
from binational.store.public_reads import PublicEvent

LATEST = 10


class Planner:
    """The pages of the site, sharing the indexes built once from ``data``."""

    def __init__(self, data: SiteData) -> None:
        self.data = data
        self.prefix = urls.base_path(data.base_url)
        self.events_of: dict[str, list[PublicEvent]] = defaultdict(list)
        for event in data.events:
            for slug in dict.fromkeys(link.slug for link in event.links):
                self.events_of[slug].append(event)
        self.placements: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for report in data.reports:
            for number, event_id in enumerate(report.event_ids, start=1):
                self.placements[event_id].append((report.period, number))
        self.cited_by: dict[str, list[PublicEvent]] = defaultdict(list)
        for event in data.events:
            for source in event.sources:
                if source.url in data.archived:
                    self.cited_by[source.url].append(event)
        # The language each event is written in, told by its title's words (cheap
        # enough for 10,000 events; the event's own page looks at its summary too).
        self.written_in = {event.id: title_language(event.title) for event in data.events}
        self.years = {event.id: event.year for event in data.events}
        per_year = Counter(event.year for event in data.events)
        splits = {year: year_splits(n, data.shard_events) for year, n in per_year.items()}
        self.shards = {
            event.id: event_shard(event.year, event.date.value.month, splits[event.year])
            for event in data.events
        }  # fmt: skip
        self.origin = urls.origin(data.base_url)
        self.frame = Frame(self.prefix, self.origin, data.organization)
        self.scorecard = site_scorecard(data.events, data.registry, data.organization,
                                        data.day)  # fmt: skip
        self._fingerprints: dict[int, tuple] = {}
        self._written: dict[int, str] = {}
        self._lines: dict[tuple[int, str], dict[str, Any]] = {}

    def twins(self, path_of: Callable[[str], str]) -> tuple[tuple[str, str], ...]:
        return tuple((lang, path_of(lang)) for lang in self.data.languages)

    def page(self, path_of, template: str, lang: str, title: str, **context: Any) -> Page:
        """A page whose context is made now and is its own key (``path_of(lang)``: its
        path in each language)."""
        return Page(path_of(lang), template, lang, title, self.twins(path_of), context,
                    lambda: context, self.frame)  # fmt: skip

    def line(self, event: PublicEvent, lang: str) -> dict[str, Any]:
        """The event as lists show it (made once per language, shared by the lists)."""
        key = (event.id, lang)
        line = self._lines.get(key)
        if line is None:
            line = self._lines[key] = event_line(
                event, lang, self.prefix, self.written_in[event.id]
            )
        return line

    def pages(self, lang: str) -> Iterator[Page]:
        data, t, prefix = self.data, translator(lang), self.prefix
        registry = data.registry
        categories = [
            {"name": c.value, "label": t(f"category_{c.value}"),
             "href": urls.link(prefix, urls.category(lang, c.value)),
             "count": len(registry.by_category(c.value))}
            for c in Category
        ]  # fmt: skip
        by_year: dict[int, list[PublicEvent]] = defaultdict(list)
        for event in data.events:
            by_year[event.year].append(event)
        years = sorted(by_year, reverse=True)
        reports = [
            {"period": r.period, "href": urls.link(prefix, urls.report(lang, r.period)),
             "items": len(r.event_ids)}
            for r in reversed(data.reports)
        ]  # fmt: skip
        latest = sorted(data.events, key=lambda e: (e.date.value, e.id), reverse=True)[:LATEST]
        scorecard = self.scorecard
        yield self.page(
            urls.home, "home.html", lang, t("site_title"), categories=categories,
            latest=[self.line(e, lang) for e in latest], reports=reports,
            events=len(data.events),
            scorecard={"href": urls.link(prefix, urls.scorecard(lang)),
                       "title": scorecard.title(lang), "as_of": scorecard.as_of_text(lang)}
            if scorecard else None,
        )  # fmt: skip
        for category in categories:
            yield self.category_page(category, lang)
        for institution in registry.institutions:
            lines = [self.line(e, lang) for e in reversed(self.events_of.get(institution.slug, []))]
            yield self.institution_page(institution, lines, lang)
        for event in data.events:
            yield self.event_page(event, lang)
        yield self.page(
            urls.events_index, "years.html", lang, t("events_by_year"),
            years=[{"year": y, "count": len(by_year[y]),
                    "href": urls.link(prefix, urls.year(lang, y))} for y in years],
        )  # fmt: skip
        for year in years:
            yield self.page(
                lambda lg, y=year: urls.year(lg, y), "year.html", lang,
                t("events_of_year", year=year), year=year,
                events=[self.line(e, lang) for e in reversed(by_year[year])],
            )  # fmt: skip
        for report in data.reports:
            yield self.report_page(report, lang)
        if scorecard is not None:
            yield self.scorecard_page(scorecard, lang)
        yield self.page(urls.search, "search.html", lang, t("search_title"),
                        bundles=[prefix + bundle for bundle in self.search_bundles()])  # fmt: skip
        files = [
            {"name": name, "href": prefix + urls.data_file(name), "description": description}
            for name, description in export_catalog(set(FORMATS))
        ]  # fmt: skip
        description = DataDescription(data.organization, license=data.data_license)
        license = {"id": description.license, "title": description.license_title,
                   "url": description.license_url}  # fmt: skip
        yield self.page(urls.data_page, "data.html", lang, t("data_title"), files=files,
                        license=license)  # fmt: skip

    def institution_page(self, institution, lines: list[dict[str, Any]], lang: str) -> Page:
        """Keyed by what it shows; its timeline picture (made only when the page is
        written) is drawn from its events' dates and status history, which the
        context holds, and the year the strip runs to."""
        context = institution_context(institution, self.data.registry, lines, lang, self.prefix)
        slug = institution.slug
        path_of = lambda lg: urls.institution(lg, slug)  # noqa: E731
        jsonld = institution_jsonld(context, self.page_url(path_of(lang)))
        events, today = self.events_of.get(slug, []), self.data.day

        def make() -> dict[str, Any]:
            days = [event.date.value for event in events]
            picture = timeline_picture(institution, days, today, lang)
            return {"institution": {**context, "timeline_picture": picture}, "jsonld": jsonld}

        key = (context, jsonld, today.year)
        return Page(path_of(lang), "institution.html", lang, context["name"],
                    self.twins(path_of), key, make, self.frame, INSTITUTIONS)  # fmt: skip

    def search_bundles(self) -> list[str]:
        """The search index's bundles beyond the first (``search.py``): the events'."""
        return [year_bundle(shard) for shard in sorted(set(self.shards.values()))]

    def category_page(self, category: dict[str, Any], lang: str) -> Page:
        registry, prefix = self.data.registry, self.prefix
        members = sorted(registry.by_category(category["name"]),
                         key=lambda i: name_of(registry, i.slug, lang).casefold())  # fmt: skip
        rows = [
            {"slug": i.slug, "name": name_of(registry, i.slug, lang),
             "acronyms": list(dict.fromkeys(i.acronyms_en + i.acronyms_es)),
             "status": i.status, "events": len(self.events_of.get(i.slug, ())),
             "href": urls.link(prefix, urls.institution(lang, i.slug))}
            for i in members
        ]  # fmt: skip
        return self.page(
            lambda lg, c=category["name"]: urls.category(lg, c), "category.html", lang,
            category["label"], category=category["name"], institutions=rows,
        )  # fmt: skip

    def event_page(self, event: PublicEvent, lang: str) -> Page:
        registry, archived = self.data.registry, self.data.archived
        placements = self.placements.get(event.id, [])
        year, event_id = event.year, event.id
        path_of = lambda lg: urls.event(lg, year, event_id)  # noqa: E731
        page_url = self.page_url(path_of(lang))

        def make() -> dict[str, Any]:
            written_in = self.language_of(event)
            context = event_context(event, registry, archived, placements, lang, self.prefix,
                                    written_in)  # fmt: skip
            return {"event": context, "jsonld": event_jsonld(context, page_url)}

        names = [name_of(registry, link.slug, lang) for link in event.links]
        key = (self.fingerprint(event), names, placements)
        return Page(path_of(lang), "event.html", lang, event.title, self.twins(path_of), key,
                    make, self.frame, self.shards[event_id])  # fmt: skip

    def language_of(self, event: PublicEvent) -> str:
        """The language an event's own page says it is written in, told by its title
        and summary (once for both languages' pages)."""
        found = self._written.get(event.id)
        if found is None:
            found = self._written[event.id] = content_language(event.title, event.summary[:300])
        return found

    def fingerprint(self, event: PublicEvent) -> tuple:
        """What an event's page shows of it and of the registry and archive (the same
        in every language; made once)."""
        found = self._fingerprints.get(event.id)
        if found is None:
            registry, archived = self.data.registry, self.data.archived
            kinds = [registry.kind_of(link.slug) for link in event.links]
            copies = [
                (copy.retrieved_at, copy.file) if (copy := archived.get(s.url)) else None
                for s in event.sources
            ]  # fmt: skip
            found = self._fingerprints[event.id] = (fingerprint(event), kinds, copies)
        return found

    def archived_pages(self) -> Iterator[Page]:
        """One page per archived copy, in both languages."""
        prefix, first = self.prefix, self.data.languages[0]
        for url, events in self.cited_by.items():
            copy = self.data.archived[url]
            cited_by = [
                {lang: self.line(event, lang) for lang in self.data.languages} for event in events
            ]
            context = {
                "url": url, "cited_by": cited_by, "languages": list(self.data.languages),
                "retrieved": copy.retrieved_at.date().isoformat() if copy.retrieved_at else None,
                "location": {"file": copy.file, "offset": copy.offset, "table": copy.table,
                             "row": copy.row_id},
                "homes": {lang: urls.link(prefix, urls.home(lang)) for lang in self.data.languages},
            }  # fmt: skip
            yield Page(urls.archived(url), "archived.html", first, url, (), context,
                       lambda context=context: context, self.frame)  # fmt: skip

    def scorecard_page(self, scorecard: SiteScorecard, lang: str) -> Page:
        """The scorecard (``scorecard.py``), linking the institutions' and events' pages."""
        prefix, years = self.prefix, self.years

        def event_href(event_id: int) -> str | None:
            year = years.get(event_id)
            return None if year is None else urls.link(prefix, urls.event(lang, year, event_id))

        def make() -> dict[str, Any]:
            institution_href = lambda slug: urls.link(prefix, urls.institution(lang, slug))  # noqa: E731
            document = scorecard.document(lang)
            return {"scorecard": scorecard_context(document, institution_href, event_href)}

        # Keyed by what it is scored from; its words and grids change with the code,
        # which the renderer's version covers.
        return Page(urls.scorecard(lang), "scorecard.html", lang, scorecard.title(lang),
                    self.twins(urls.scorecard), scorecard.key, make, self.frame)  # fmt: skip

    def page_url(self, path: str) -> str:
        return self.origin + urls.link(self.prefix, path)

    def report_page(self, report, lang: str) -> Page:
        t, prefix = translator(lang), self.prefix
        by_id = {event.id: event for event in self.data.events if event.id in report.event_ids}
        stem = report_stem(report.document.period)
        downloads = [
            {"format": name, "href": prefix + urls.report_file(report.period, r.filename(stem))}
            for name, r in RENDERERS.items()
        ]  # fmt: skip
        items = [
            {"number": n, **self.line(by_id[event_id], lang)}
            for n, event_id in enumerate(report.event_ids, start=1)
        ]  # fmt: skip
        return self.page(
            lambda lg: urls.report(lg, report.period), "report.html", lang,
            t("report_title", period=report.period), period=report.period,
            downloads=downloads, items=items,
        )  # fmt: skip


def root_page(planner: Planner) -> Page:
    """The site's front door: a choice of language, linking both home pages."""
    first = planner.data.languages[0]
    context = {"names": {"en": "English", "es": "Español"}}
    return Page("index.html", "root.html", first, translator(first)("site_title"),
                planner.twins(urls.home), context, lambda: context, planner.frame)  # fmt: skip


def plan_pages(data: SiteData) -> list[Page]:
    """Every page of the site, in every language of ``data``."""
    planner = Planner(data)
    return [
        root_page(planner),
        *(page for lang in data.languages for page in planner.pages(lang)),
        *planner.archived_pages(),
    ]
