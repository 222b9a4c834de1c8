"""The registry's entries as plain frozen values: what the loader returns.

``schema.py`` validates what the YAML files say (with pydantic) and turns each entry
into one of these. Keeping the values free of pydantic lets the loader rebuild them
from its cache (``cache.py``) without importing or re-running the validation.

Provenance: the facts ``established``, ``status``, ``parent`` and ``cadence``, each
``status_history`` step, and optionally any name field carry a ``Provenance``: the
source URL the fact rests on and the date it was checked, or a mark that no source
confirmed it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from binational.domain import Category

# The facts whose provenance `registry validate` requires (when the fact is present).
FACT_FIELDS = ("established", "status", "parent", "cadence")
# Other fields a `provenance:` mapping may document (the review's name corrections).
DOCUMENTED_FIELDS = (
    "name_en", "name_es", "acronyms_en", "acronyms_es", "aliases_en", "aliases_es",
    "subtype", "parties", "superseded_by", "lead_agencies", "description",
)  # fmt: skip
STATUSES = ("active", "suspended", "ended", "superseded")
STEP_STATUSES = ("active", "suspended", "relaunched", "ended", "superseded")


class DatePrecision(StrEnum):
    """How much of a registry date is known (the report's ``PartialDate`` has no year)."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class Cadence(StrEnum):
    """How often an institution is expected to meet or act."""

    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    ANNUAL = "annual"
    BIENNIAL = "biennial"
    AD_HOC = "ad_hoc"

    @property
    def months(self) -> int | None:
        """The expected interval in months; None for ad hoc (no expected interval)."""
        return _CADENCE_MONTHS[self]


_CADENCE_MONTHS = {
    Cadence.QUARTERLY: 3, Cadence.SEMIANNUAL: 6, Cadence.ANNUAL: 12,
    Cadence.BIENNIAL: 24, Cadence.AD_HOC: None,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class RegistryDate:
    """A date known to the year, the month or the day, written ``YYYY[-MM[-DD]]``."""

    text: str
    precision: DatePrecision

    @property
    def sort_key(self) -> str:
        """Text that sorts chronologically: a year sorts before its months and days."""
        return self.text

    @property
    def first_day(self) -> dt.date:
        """The earliest day the date can mean (2013-05 -> 2013-05-01)."""
        parts = [int(part) for part in self.text.split("-")]
        return dt.date(
            parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
        )

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True, kw_only=True)
class Provenance:
    """Where a fact comes from.

    Confirmed: ``source`` is the page the fact rests on and ``as_of`` the day it was
    checked. Unconfirmed: no source settled it; ``note`` says why, and ``source`` /
    ``as_of``, when given, name the page consulted and when.
    """

    source: str | None = None
    as_of: dt.date | None = None
    unconfirmed: bool = False
    note: str = ""

    @property
    def confirmed(self) -> bool:
        return not self.unconfirmed and self.source is not None and self.as_of is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusChange:
    """One dated step in an institution's life."""

    date: RegistryDate
    status: str  # one of STEP_STATUSES; "relaunched" means active again
    note: str = ""
    provenance: Provenance | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LeadAgencies:
    """Agency slugs leading an institution on each side."""

    US: tuple[str, ...] = ()
    MX: tuple[str, ...] = ()
    CA: tuple[str, ...] = ()

    def all(self) -> tuple[str, ...]:
        return self.US + self.MX + self.CA


@dataclass(frozen=True, slots=True, kw_only=True)
class Names:
    """Names, acronyms and aliases in both languages: what the linker looks for.

    ``needs_context`` lists terms that are also ordinary words, people's names or
    other countries' bodies; the linker links them only when the text supports it.
    """

    slug: str
    name_en: str
    name_es: str
    acronyms_en: tuple[str, ...] = ()
    acronyms_es: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    aliases_es: tuple[str, ...] = ()
    needs_context: tuple[str, ...] = ()

    @property
    def acronyms(self) -> tuple[str, ...]:
        return self.acronyms_en + self.acronyms_es

    @property
    def long_forms(self) -> tuple[str, ...]:
        return (self.name_en, self.name_es, *self.aliases_en, *self.aliases_es)


@dataclass(frozen=True, slots=True, kw_only=True)
class Agency(Names):
    """A government agency (department, ministry, office) of one country."""

    country: str
    parent: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Institution(Names):
    """An agreement, organization, dialogue mechanism or program."""

    category: Category
    subtype: str
    parties: tuple[str, ...]
    established: RegistryDate | None = None
    status: str  # one of STATUSES
    status_history: tuple[StatusChange, ...] = ()
    superseded_by: str | None = None
    parent: str | None = None
    cadence: Cadence | None = None
    lead_agencies: LeadAgencies = LeadAgencies()
    description: str
    implications_en: str = ""
    implications_es: str = ""
    sources: tuple[str, ...] = ()
    # (field name, provenance) for the FACT_FIELDS and any DOCUMENTED_FIELDS given one.
    provenance: tuple[tuple[str, Provenance], ...] = ()

    def provenance_of(self, field: str) -> Provenance | None:
        """The provenance recorded for ``field``, None when it has none."""
        for name, provenance in self.provenance:
            if name == field:
                return provenance
        return None
