"""What an institution's page and an event's page show, as plain JSON-ready data
(the page's content key is a hash of it). Pure functions of ``SiteData`` parts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from binational.domain import DatePrecision, PartialDate
from binational.language import function_word_guess
from binational.registry.entries import Institution, Provenance
from binational.registry.loader import Registry
from binational.site import urls
from binational.store.citations import ArchivedCopy
from binational.store.public_reads import PublicEvent

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
}  # fmt: skip


def date_text(date: PartialDate, lang: str) -> str:
    """'April 12, 2023' / '12 de abril de 2023'; a month or quarter when that is all
    that is known."""
    day = date.value
    month = MONTHS[lang][day.month - 1]
    if date.precision is DatePrecision.DAY:
        return (
            f"{month} {day.day}, {day.year}"
            if lang == "en"
            else f"{day.day} de {month} de {day.year}"
        )
    if date.precision is DatePrecision.MONTH:
        return f"{month} {day.year}" if lang == "en" else f"{month} de {day.year}"
    return str(date)


def _day(moment) -> str | None:
    return moment.date().isoformat() if moment else None


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def content_language(*texts: str) -> str:
    """The language the event was written in (English unless its words say Spanish)."""
    return function_word_guess(" ".join(texts)[:600]) or "en" if any(texts) else "en"


def title_language(title: str) -> str:
    """The language of a title: Spanish when its function words say so, else English."""
    return function_word_guess(title, minimum=2, ratio=2.0) or "en"


def name_of(registry: Registry, slug: str, lang: str) -> str:
    entry = registry.get(slug)
    if entry is None:
        return slug
    return entry.name_es if lang == "es" else entry.name_en


def provenance_record(provenance: Provenance | None) -> dict[str, Any] | None:
    if provenance is None:
        return None
    return {
        "source": provenance.source,
        "as_of": provenance.as_of.isoformat() if provenance.as_of else None,
        "unconfirmed": provenance.unconfirmed,
        "note": provenance.note,
    }


def event_line(event: PublicEvent, lang: str, prefix: str, written_in: str) -> dict[str, Any]:
    """An event as a list shows it (``written_in``: the language of its text)."""
    return {
        "id": event.id, "title": event.title, "date": event.date.iso(),
        "date_text": date_text(event.date, lang),
        "href": urls.link(prefix, urls.event(lang, event.year, event.id)),
        "lang": written_in,
    }  # fmt: skip


def institution_context(
    institution: Institution,
    registry: Registry,
    event_lines: Sequence[dict[str, Any]],
    lang: str,
    prefix: str,
) -> dict[str, Any]:
    """``event_lines``: its events as lists show them (``event_line``), newest first."""
    i = institution
    implications, implications_lang = (
        (i.implications_es, "es")
        if lang == "es" and i.implications_es
        else (i.implications_en, "en")
    )
    history = [
        {"date": str(step.date), "status": step.status, "note": step.note,
         "provenance": provenance_record(step.provenance)}
        for step in i.status_history
    ]  # fmt: skip
    lead = [
        {"country": country,
         "agencies": [{"slug": slug, "name": name_of(registry, slug, lang)} for slug in slugs]}
        for country, slugs in (("US", i.lead_agencies.US), ("MX", i.lead_agencies.MX),
                               ("CA", i.lead_agencies.CA)) if slugs
    ]  # fmt: skip

    def related(slug: str | None) -> dict[str, str] | None:
        if slug is None:
            return None
        return {"name": name_of(registry, slug, lang),
                "href": urls.link(prefix, urls.institution(lang, slug))}  # fmt: skip

    return {
        "slug": i.slug,
        "name": i.name_es if lang == "es" else i.name_en,
        "name_en": i.name_en, "name_es": i.name_es,
        "acronyms_en": list(i.acronyms_en), "acronyms_es": list(i.acronyms_es),
        "category": i.category.value, "subtype": i.subtype, "parties": list(i.parties),
        "established": str(i.established) if i.established else None,
        "established_provenance": provenance_record(i.provenance_of("established")),
        "status": i.status,
        "status_provenance": provenance_record(i.provenance_of("status")),
        "status_history": history,
        "lead_agencies": lead,
        "parent": related(i.parent),
        "superseded_by": related(i.superseded_by),
        "description": paragraphs(i.description),
        "implications": paragraphs(implications),
        "implications_lang": implications_lang,
        "sources": list(i.sources),
        "events": list(event_lines),
    }  # fmt: skip


def event_context(
    event: PublicEvent,
    registry: Registry,
    archived: Mapping[str, ArchivedCopy],
    placements: Sequence[tuple[str, int]],
    lang: str,
    prefix: str,
    written_in: str,
) -> dict[str, Any]:
    institutions = []
    for link in event.links:
        known = registry.institution(link.slug)
        institutions.append({
            "slug": link.slug, "name": name_of(registry, link.slug, lang),
            "kind": registry.kind_of(link.slug) or "other",
            "category": known.category.value if known else None,
            "href": urls.link(prefix, urls.institution(lang, link.slug)) if known else None,
            "mention": link.mention, "field": link.field,
        })  # fmt: skip
    sources = []
    for source in event.sources:
        copy = archived.get(source.url)
        sources.append({
            "url": source.url, "title": source.title, "role": source.role,
            "archived_href": urls.link(prefix, urls.archived(source.url)) if copy else None,
            "retrieved": _day(copy.retrieved_at) if copy else None,
        })  # fmt: skip
    return {
        "id": event.id,
        "title": event.title,
        "date": event.date.iso(),
        "date_text": date_text(event.date, lang),
        "year": event.year,
        "lang": written_in,
        "summary": paragraphs(event.summary),
        "context": paragraphs(event.context),
        "implications": paragraphs(event.implications),
        "institutions": institutions,
        "categories": sorted({i["category"] for i in institutions if i["category"]}),
        "sources": sources,
        "reports": [
            {
                "period": period,
                "number": number,
                "href": urls.link(prefix, urls.report(lang, period)),
            }
            for period, number in placements
        ],  # fmt: skip
        "updated": event.updated_at.isoformat(timespec="seconds") if event.updated_at else None,
    }
