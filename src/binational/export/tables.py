"""The exported tables as rows of plain values, from the published events and the
registry. Pure. Each table's columns, types and keys are declared once here
(``TABLES``) and feed the CSV header, the Data Package schema and the SQLite DDL."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from binational.registry.entries import Agency, Institution
from binational.registry.loader import Registry
from binational.store.citations import ArchivedCopy
from binational.store.public_reads import PublicEvent

LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Frictionless type: integer, string, date, datetime, boolean
    description: str
    required: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (column, table, column)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def _c(name: str, type_: str, description: str, required: bool = False) -> Column:
    return Column(name, type_, description, required)


EVENTS = Table(
    "events", "Events", "Published events that moved a US–Mexico institution.",
    (
        _c("id", "integer", "The event's number in the repository.", True),
        _c("title", "string", "Title, in the language it was written.", True),
        _c("date", "string", "Date as known: YYYY-MM-DD, YYYY-MM or YYYY-Qn.", True),
        _c("date_precision", "string", "Known to the day, month or quarter.", True),
        _c("day", "date", "The first day the date can mean (for sorting and filtering).", True),
        _c("summary", "string", "What happened."),
        _c("context", "string", "Institutional context (background)."),
        _c("implications", "string", "Institutional implications (analysis)."),
        _c("url", "string", "The primary source's address."),
        _c("updated_at", "datetime", "When the event last changed (UTC).", True),
    ),
    ("id",),
)  # fmt: skip
INSTITUTIONS = Table(
    "institutions", "Institutions and agencies",
    "The registry: institutions (agreements, organizations, dialogue mechanisms, programs) "
    "and the government agencies that lead them.",
    (
        _c("slug", "string", "Stable identifier.", True),
        _c("kind", "string", "institution or agency.", True),
        _c("category", "string", "agreement, organization, dialogue_mechanism or program."),
        _c("subtype", "string", "Kind of agreement or body (treaty, commission, ...)."),
        _c("country", "string", "The agency's country (US, MX, CA)."),
        _c("name_en", "string", "Name in English.", True),
        _c("name_es", "string", "Name in Spanish.", True),
        _c("acronyms_en", "string", "Acronyms in English, '; '-separated."),
        _c("acronyms_es", "string", "Acronyms in Spanish, '; '-separated."),
        _c("parties", "string", "Parties (US, MX, CA), '; '-separated."),
        _c("established", "string", "When established: YYYY, YYYY-MM or YYYY-MM-DD."),
        _c("status", "string", "active, suspended, ended or superseded."),
        _c("parent", "string", "Slug of the institution this one belongs to."),
        _c("description", "string", "What it is."),
        _c("implications_en", "string", "Institutional implications, in English."),
        _c("implications_es", "string", "Institutional implications, in Spanish."),
        _c("sources", "string", "Official pages, '; '-separated."),
    ),
    ("slug",),
)  # fmt: skip
LINKS = Table(
    "event_institutions", "Event–institution links",
    "Which institutions and agencies each event concerns, with the mention that justified "
    "the link.",
    (
        _c("event_id", "integer", "The event.", True),
        _c("slug", "string", "The institution or agency.", True),
        _c("mention", "string", "The words in the event that name it."),
        _c("field", "string", "Where the mention is: title, summary or implications."),
        _c("origin", "string", "Who made the link: linker or analyst.", True),
    ),
    ("event_id", "slug"),
    (("event_id", "events", "id"), ("slug", "institutions", "slug")),
)  # fmt: skip
SOURCES = Table(
    "event_sources", "Event sources",
    "The addresses each event cites, and when an archived copy was retrieved.",
    (
        _c("event_id", "integer", "The event.", True),
        _c("url", "string", "The cited address.", True),
        _c("title", "string", "The link's text or the page's title."),
        _c("role", "string", "primary, or how the source relates to the event.", True),
        _c("archived_at", "datetime", "When the archived copy was retrieved (UTC)."),
    ),
    ("event_id", "url"),
    (("event_id", "events", "id"),),
)  # fmt: skip
TABLES = (EVENTS, INSTITUTIONS, LINKS, SOURCES)


@dataclass(frozen=True)
class OpenData:
    """Every exported row, table by table (name -> rows of dicts in column order)."""

    rows: Mapping[str, Sequence[dict[str, Any]]]

    def table(self, name: str) -> Sequence[dict[str, Any]]:
        return self.rows[name]


def _joined(values: Sequence[str]) -> str:
    return LIST_SEPARATOR.join(values)


def _entry_row(entry: Institution | Agency) -> dict[str, Any]:
    if isinstance(entry, Institution):
        return {
            "slug": entry.slug, "kind": "institution", "category": entry.category.value,
            "subtype": entry.subtype, "country": None, "name_en": entry.name_en,
            "name_es": entry.name_es, "acronyms_en": _joined(entry.acronyms_en),
            "acronyms_es": _joined(entry.acronyms_es), "parties": _joined(entry.parties),
            "established": str(entry.established) if entry.established else None,
            "status": entry.status, "parent": entry.parent, "description": entry.description,
            "implications_en": entry.implications_en or None,
            "implications_es": entry.implications_es or None, "sources": _joined(entry.sources),
        }  # fmt: skip
    return {
        "slug": entry.slug, "kind": "agency", "category": None, "subtype": None,
        "country": entry.country, "name_en": entry.name_en, "name_es": entry.name_es,
        "acronyms_en": _joined(entry.acronyms_en), "acronyms_es": _joined(entry.acronyms_es),
        "parties": None, "established": None, "status": None, "parent": entry.parent,
        "description": None, "implications_en": None, "implications_es": None,
        "sources": entry.url,
    }  # fmt: skip


def open_data(
    events: Sequence[PublicEvent], registry: Registry, archived: Mapping[str, ArchivedCopy]
) -> OpenData:
    """The exported rows. Links to a slug the registry no longer has are left out,
    so every link's foreign keys hold."""
    entries = [*registry.institutions, *registry.agencies]
    known = {entry.slug for entry in entries}
    event_rows, link_rows, source_rows = [], [], []
    for event in events:
        event_rows.append({
            "id": event.id, "title": event.title, "date": event.date.iso(),
            "date_precision": event.date.precision.value,
            "day": event.date.value.isoformat(), "summary": event.summary,
            "context": event.context or None, "implications": event.implications,
            "url": next((s.url for s in event.sources if s.role == "primary"), None),
            "updated_at": event.updated_at.replace(microsecond=0).isoformat(),
        })  # fmt: skip
        for link in dict((link.slug, link) for link in event.links).values():
            if link.slug in known:
                link_rows.append({"event_id": event.id, "slug": link.slug,
                                  "mention": link.mention, "field": link.field,
                                  "origin": link.origin})  # fmt: skip
        for source in event.sources:
            copy = archived.get(source.url)
            source_rows.append({
                "event_id": event.id, "url": source.url, "title": source.title,
                "role": source.role,
                "archived_at": copy.retrieved_at.replace(microsecond=0).isoformat()
                if copy and copy.retrieved_at else None,
            })  # fmt: skip
    return OpenData({
        EVENTS.name: event_rows,
        INSTITUTIONS.name: [_entry_row(entry) for entry in entries],
        LINKS.name: link_rows,
        SOURCES.name: source_rows,
    })  # fmt: skip
