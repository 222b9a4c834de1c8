"""Pydantic models of what one registry entry in the YAML may say.

These models check what a single entry can check on its own (field names, slugs,
dates, parties, URLs, provenance, a consistent status history) and turn the entry
into the plain values of ``entries.py`` (``to_entry``). Checks across entries
(unique slugs, ``parent``/``superseded_by``/agency references that must exist) need
the whole registry and live in ``loader.py``.

A fact (``established``, ``status``, ``parent``, ``cadence``) is written either as a
plain value (``status: active``, no provenance yet) or as a mapping with its
provenance (``status: {value: active, source: https://…, as_of: 2026-11-30}`` or
``{value: active, unconfirmed: why}``); ``established`` uses ``date`` instead of
``value``. Status history steps take the same provenance keys inline.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from binational.domain import Category
from binational.registry.entries import (
    DOCUMENTED_FIELDS,
    Agency,
    Cadence,
    DatePrecision,
    Institution,
    LeadAgencies,
    Provenance,
    RegistryDate,
    StatusChange,
)

__all__ = ["AgencyInput", "Agency", "Institution", "InstitutionInput", "parse_registry_date"]

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PARTIAL_DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

Party = Literal["US", "MX", "CA"]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=2, max_length=80)]
Text = Annotated[str, Field(min_length=1), AfterValidator(str.strip)]
Status = Literal["active", "suspended", "ended", "superseded"]
StepStatus = Literal["active", "suspended", "relaunched", "ended", "superseded"]

SUBTYPES = (
    "treaty", "convention", "treaty_minute", "executive_agreement",
    "inter_institutional_agreement", "trade_agreement", "side_agreement",
    "suspension_agreement", "joint_declaration", "joint_statement", "mou",
    "framework", "mechanism", "commission", "bank", "board", "committee",
    "council", "working_group", "dialogue", "summit", "parliamentary_meeting",
    "conference", "program", "initiative", "visa_program", "infrastructure_project",
)  # fmt: skip
Subtype = Literal[SUBTYPES]  # type: ignore[valid-type]


def parse_registry_date(value: object) -> RegistryDate:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (text, a YAML int or a date) as a date."""
    if isinstance(value, RegistryDate):
        return value
    text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    match = PARTIAL_DATE_PATTERN.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as error:
        raise ValueError(f"{text!r} is not a real date ({error})") from None
    precision = DatePrecision.DAY if day else DatePrecision.MONTH if month else DatePrecision.YEAR
    return RegistryDate(text, precision)


def _date(value: object) -> RegistryDate:
    return parse_registry_date(value)


DateField = Annotated[Any, AfterValidator(_date)]


def _web_url(url: str) -> str:
    if not re.match(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$", url):
        raise ValueError(f"{url!r} is not a web URL")
    return url


def _https_url(url: str) -> str:
    if not re.match(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$", url):
        raise ValueError(f"{url!r} is not an https URL")
    return url


HttpsUrl = Annotated[str, AfterValidator(_https_url)]
# A fact's source is cited as it was found, so plain http pages are accepted too.
WebUrl = Annotated[str, AfterValidator(_web_url)]
Terms = tuple[Text, ...]


class ProvenanceInput(BaseModel):
    """The provenance keys a fact may carry: ``source`` + ``as_of``, or ``unconfirmed``.

    ``unconfirmed`` is ``true`` or the reason no source settled the fact; with it,
    ``source`` and ``as_of`` name the page consulted and when, if any.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: WebUrl | None = None
    as_of: dt.date | None = None
    unconfirmed: bool | str = False

    @field_validator("as_of", mode="before")
    @classmethod
    def _as_of_is_a_day(cls, value: object) -> object:
        if isinstance(value, str) and not re.match(r"^\d{4}-\d{2}-\d{2}$", value.strip()):
            raise ValueError(f"{value!r} is not a day; write as_of as YYYY-MM-DD")
        return value

    @model_validator(mode="after")
    def _source_and_date_go_together(self) -> ProvenanceInput:
        if self.unconfirmed is True or (isinstance(self.unconfirmed, str) and self.unconfirmed):
            return self
        if self.source is not None and self.as_of is None:
            raise ValueError("a source needs as_of, the day it was checked (YYYY-MM-DD)")
        if self.as_of is not None and self.source is None:
            raise ValueError("as_of needs the source that was checked, or unconfirmed")
        return self

    def provenance(self) -> Provenance | None:
        """The fact's provenance; None when the YAML gives none (not converted yet)."""
        note = self.unconfirmed if isinstance(self.unconfirmed, str) else ""
        unconfirmed = self.unconfirmed is True or bool(note)
        if not unconfirmed and self.source is None:
            return None
        return Provenance(
            source=self.source, as_of=self.as_of, unconfirmed=unconfirmed, note=note.strip()
        )


def _mapping_form(key: str):
    """A before-validator: a plain value becomes ``{key: value}`` (no provenance)."""

    def wrap(value: object) -> object:
        return value if isinstance(value, dict) or value is None else {key: value}

    return wrap


class DatedFact(ProvenanceInput):
    date: DateField


class StatusFact(ProvenanceInput):
    value: Status


class ParentFact(ProvenanceInput):
    value: Slug


class CadenceFact(ProvenanceInput):
    value: Cadence


class StatusChangeInput(ProvenanceInput):
    """One dated step in an institution's life, with its provenance inline."""

    date: DateField
    status: StepStatus
    note: str = ""

    def to_entry(self) -> StatusChange:
        return StatusChange(
            date=self.date, status=self.status, note=self.note, provenance=self.provenance()
        )


class LeadAgenciesInput(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    US: tuple[Slug, ...] = ()
    MX: tuple[Slug, ...] = ()
    CA: tuple[Slug, ...] = ()


def _no_duplicates(values: tuple[str, ...]) -> tuple[str, ...]:
    if len(set(values)) != len(values):
        raise ValueError("lists the same value twice")
    return values


UniqueTerms = Annotated[Terms, AfterValidator(_no_duplicates)]


class NamesInput(BaseModel):
    """Names, acronyms and aliases in both languages (see ``entries.Names``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    slug: Slug
    name_en: Text
    name_es: Text
    acronyms_en: UniqueTerms = ()
    acronyms_es: UniqueTerms = ()
    aliases_en: UniqueTerms = ()
    aliases_es: UniqueTerms = ()
    needs_context: Terms = ()

    @model_validator(mode="after")
    def _context_terms_are_own_terms(self) -> NamesInput:
        own = {
            *self.acronyms_en, *self.acronyms_es, self.name_en, self.name_es,
            *self.aliases_en, *self.aliases_es,
        }  # fmt: skip
        unknown = [term for term in self.needs_context if term not in own]
        if unknown:
            raise ValueError(
                f"needs_context lists {unknown[0]!r}, which is not one of the entry's "
                "names, acronyms or aliases"
            )
        return self

    def _names(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in NamesInput.model_fields}


class AgencyInput(NamesInput):
    """A government agency (department, ministry, office) of one country."""

    country: Party
    parent: Slug | None = None
    url: HttpsUrl | None = None

    def to_entry(self) -> Agency:
        return Agency(**self._names(), country=self.country, parent=self.parent, url=self.url)


DocumentedField = Literal[DOCUMENTED_FIELDS]  # type: ignore[valid-type]


class InstitutionInput(NamesInput):
    """An agreement, organization, dialogue mechanism or program."""

    category: Category
    subtype: Subtype  # type: ignore[valid-type]
    parties: Annotated[tuple[Party, ...], Field(min_length=1), AfterValidator(_no_duplicates)]
    established: DatedFact | None = None
    status: StatusFact
    status_history: tuple[StatusChangeInput, ...] = ()
    superseded_by: Slug | None = None
    parent: ParentFact | None = None
    cadence: CadenceFact | None = None
    lead_agencies: LeadAgenciesInput = LeadAgenciesInput()
    description: Text
    implications_en: str = ""
    implications_es: str = ""
    sources: tuple[HttpsUrl, ...] = ()
    provenance: dict[DocumentedField, ProvenanceInput] = {}  # type: ignore[valid-type]

    _wrap_established = field_validator("established", mode="before")(_mapping_form("date"))
    _wrap_status = field_validator("status", "parent", "cadence", mode="before")(
        _mapping_form("value")
    )

    @model_validator(mode="after")
    def _status_is_consistent(self) -> InstitutionInput:
        history = self.status_history
        keys = [change.date.sort_key for change in history]
        if keys != sorted(keys):
            raise ValueError("status_history must be in chronological order")
        status = self.status.value
        if history:
            last = history[-1].status
            expected = "active" if last == "relaunched" else last
            if expected != status:
                raise ValueError(
                    f"status is {status!r} but the last status_history step says {last!r}"
                )
        if (status == "superseded") != (self.superseded_by is not None):
            raise ValueError("superseded_by is required exactly when status is 'superseded'")
        parent = self.parent.value if self.parent else None
        if parent == self.slug or self.superseded_by == self.slug:
            raise ValueError("an institution cannot be its own parent or successor")
        if self.implications_es.strip() and not self.implications_en.strip():
            raise ValueError("implications_es needs implications_en, the English text")
        for name, given in self.provenance.items():
            if given.provenance() is None:
                raise ValueError(f"provenance of {name} needs a source and as_of, or unconfirmed")
        return self

    def to_entry(self) -> Institution:
        facts = {
            "established": self.established,
            "status": self.status,
            "parent": self.parent,
            "cadence": self.cadence,
        }
        provenance = [(name, fact.provenance()) for name, fact in facts.items() if fact]
        provenance += [(name, given.provenance()) for name, given in self.provenance.items()]
        lead = self.lead_agencies
        return Institution(
            **self._names(),
            category=self.category,
            subtype=self.subtype,
            parties=self.parties,
            established=self.established.date if self.established else None,
            status=self.status.value,
            status_history=tuple(step.to_entry() for step in self.status_history),
            superseded_by=self.superseded_by,
            parent=self.parent.value if self.parent else None,
            cadence=self.cadence.value if self.cadence else None,
            lead_agencies=LeadAgencies(US=lead.US, MX=lead.MX, CA=lead.CA),
            description=self.description,
            implications_en=self.implications_en.strip(),
            implications_es=self.implications_es.strip(),
            sources=self.sources,
            provenance=tuple((name, p) for name, p in provenance if p is not None),
        )
