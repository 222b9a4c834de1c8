"""Which pages the site has and what each shows: a pure function of ``SiteData``.

Every page is a ``Page``: where it is written, its template and its context (plain
JSON-ready data). Nothing here renders or touches a disk; the content key of a page
is a hash of its template and context (``write.py``), so a page is rendered again
only when what it shows changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from binational.domain import Category
from binational.export.catalog import export_catalog
from binational.export.service import FORMATS
from binational.publish.formats import RENDERERS
from binational.reports.service import report_stem
from binational.site import urls
from binational.site.contexts import event_context, event_line, institution_context, name_of
from binational.site.data import SiteData
from binational.site.jsonld import event_jsonld, institution_jsonld
from binational.site.labels import translator

LATEST = 10


@dataclass(frozen=True)
class Page:
    path: str  # relative to the output directory
    template: str
    lang: str
    context: dict[str, Any] = field(hash=False)


class Planner:
    """The pages of one language, sharing the indexes built once from ``data``."""

    def __init__(self, data: SiteData) -> None:
        self.data = data
        self.prefix = urls.base_path(data.base_url)
        self.events_of: dict[str, list] = defaultdict(list)
        for event in data.events:
            for slug in dict.fromkeys(link.slug for link in event.links):
                self.events_of[slug].append(event)
        self.placements: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for report in data.reports:
            for number, event_id in enumerate(report.event_ids, start=1):
                self.placements[event_id].append((report.period, number))
        self.cited_by: dict[str, list] = defaultdict(list)
        for event in data.events:
            for source in event.sources:
                if source.url in data.archived:
                    self.cited_by[source.url].append(event)

    def page(self, path_of, template: str, lang: str, title: str, **context: Any) -> Page:
        """A page with what every page shows: its language, title and the links to
        the same page in the other languages (``path_of(lang)`` is its path)."""
        path = path_of(lang)
        alternates = [
            {"lang": other, "href": urls.link(self.prefix, path_of(other)),
             "absolute": urls.absolute(self.data.base_url, self.prefix, path_of(other))}
            for other in self.data.languages
        ]  # fmt: skip
        common = {
            "lang": lang, "title": title, "prefix": self.prefix, "alternates": alternates,
            "canonical": urls.absolute(self.data.base_url, self.prefix, path),
            "organization": self.data.organization, "jsonld": None,
        }  # fmt: skip
        return Page(path, template, lang, {**common, **context})

    def pages(self, lang: str) -> Iterator[Page]:
        data, t, prefix = self.data, translator(lang), self.prefix
        registry = data.registry
        categories = [
            {"name": c.value, "label": t(f"category_{c.value}"),
             "href": urls.link(prefix, urls.category(lang, c.value)),
             "count": len(registry.by_category(c.value))}
            for c in Category
        ]  # fmt: skip
        years = sorted({event.year for event in data.events}, reverse=True)
        reports = [
            {"period": r.period, "href": urls.link(prefix, urls.report(lang, r.period)),
             "items": len(r.event_ids)}
            for r in reversed(data.reports)
        ]  # fmt: skip
        latest = sorted(data.events, key=lambda e: (e.date.value, e.id), reverse=True)[:LATEST]
        yield self.page(
            urls.home, "home.html", lang, t("site_title"), categories=categories,
            latest=[event_line(e, lang, prefix) for e in latest], reports=reports,
            events=len(data.events),
        )  # fmt: skip
        for category in categories:
            members = sorted(registry.by_category(category["name"]),
                             key=lambda i: name_of(registry, i.slug, lang).casefold())  # fmt: skip
            rows = [
                {"slug": i.slug, "name": name_of(registry, i.slug, lang),
                 "acronyms": list(dict.fromkeys(i.acronyms_en + i.acronyms_es)),
                 "status": i.status, "events": len(self.events_of.get(i.slug, ())),
                 "href": urls.link(prefix, urls.institution(lang, i.slug))}
                for i in members
            ]  # fmt: skip
            yield self.page(
                lambda lg, c=category["name"]: urls.category(lg, c), "category.html", lang,
                category["label"], category=category["name"], institutions=rows,
            )  # fmt: skip
        for institution in registry.institutions:
            events = self.events_of.get(institution.slug, [])
            context = institution_context(institution, registry, events, lang, prefix)
            yield self.page(
                lambda lg, s=institution.slug: urls.institution(lg, s), "institution.html", lang,
                context["name"], institution=context,
                jsonld=institution_jsonld(
                    context, self.page_url(urls.institution(lang, institution.slug))
                ),
            )  # fmt: skip
        by_year: dict[int, list] = defaultdict(list)
        for event in data.events:
            by_year[event.year].append(event)
            context = event_context(
                event, registry, data.archived, self.placements.get(event.id, ()), lang, prefix
            )
            yield self.page(
                lambda lg, i=event.id: urls.event(lg, i), "event.html", lang, event.title,
                event=context,
                jsonld=event_jsonld(context, self.page_url(urls.event(lang, event.id))),
            )  # fmt: skip
        yield self.page(
            urls.events_index, "years.html", lang, t("events_by_year"),
            years=[{"year": y, "count": len(by_year[y]),
                    "href": urls.link(prefix, urls.year(lang, y))} for y in years],
        )  # fmt: skip
        for year in years:
            lines = [event_line(e, lang, prefix) for e in reversed(by_year[year])]
            yield self.page(
                lambda lg, y=year: urls.year(lg, y), "year.html", lang,
                t("events_of_year", year=year), year=year, events=lines,
            )  # fmt: skip
        for report in data.reports:
            yield self.report_page(report, lang)
        for url, events in self.cited_by.items():
            copy = data.archived[url]
            yield self.page(
                lambda lg, u=url: urls.archived(lg, u), "archived.html", lang, t("archive_title"),
                url=url,
                retrieved=copy.retrieved_at.date().isoformat() if copy.retrieved_at else None,
                location={"file": copy.file, "offset": copy.offset, "table": copy.table,
                          "row": copy.row_id},  # fmt: skip
                cited_by=[event_line(e, lang, prefix) for e in events],
            )  # fmt: skip
        yield self.page(urls.search, "search.html", lang, t("search_title"))
        files = [
            {"name": name, "href": prefix + urls.data_file(name), "description": description}
            for name, description in export_catalog(set(FORMATS))
        ]  # fmt: skip
        yield self.page(urls.data_page, "data.html", lang, t("data_title"), files=files)

    def page_url(self, path: str) -> str:
        return urls.absolute(self.data.base_url, self.prefix, path)

    def report_page(self, report, lang: str) -> Page:
        t, prefix = translator(lang), self.prefix
        by_id = {event.id: event for event in self.data.events}
        stem = report_stem(report.document.period)
        downloads = [
            {"format": name, "href": prefix + urls.report_file(report.period, r.filename(stem))}
            for name, r in RENDERERS.items()
        ]  # fmt: skip
        items = [
            {"number": n, **event_line(by_id[event_id], lang, prefix)}
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
    home = planner.page(urls.home, "root.html", first, translator(first)("site_title"),
                        names={"en": "English", "es": "Español"})  # fmt: skip
    context = {
        **home.context,
        "canonical": urls.absolute(planner.data.base_url, planner.prefix, "index.html"),
    }
    return Page("index.html", "root.html", first, context)


def plan_pages(data: SiteData) -> list[Page]:
    """Every page of the site, in every language of ``data``."""
    planner = Planner(data)
    return [root_page(planner), *(page for lang in data.languages for page in planner.pages(lang))]
