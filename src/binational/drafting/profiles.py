"""An institution as the drafting facts need it, built from a registry entry.

``institution_profile`` is the one adapter between the registry's entries
and drafting's plain data. It reads ``cadence`` (the registry's ``Cadence`` enum, a
plain string, or nothing) with ``getattr``, so an entry-like value without the field
has no cadence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from binational.domain import MONTH_NAMES

CADENCE_MONTHS = MappingProxyType(
    {"quarterly": 3, "semiannual": 6, "annual": 12, "biennial": 24, "ad_hoc": None}
)
SUBTYPE_LABELS = MappingProxyType(
    {
        "mou": "memorandum of understanding",
        "treaty_minute": "IBWC Minute",
        "joint_declaration": "joint declaration",
        "joint_statement": "joint statement",
        "summit": "summit",
        "parliamentary_meeting": "interparliamentary meeting",
    }
)
COUNTRY_NAMES = MappingProxyType({"US": "the United States", "MX": "Mexico", "CA": "Canada"})
# Names built on a common noun take "the" ("the Office of ...", "the U.S.-Mexico Air
# Transport Agreement"); proper names do not ("Health Canada", "Sowing Opportunities").
COMMON_NOUN_NAME = re.compile(
    r"^(?:U\.S\.|US |United States|Mexican|Mexico|North American|International|Federal"
    r"|National|General)|\b(?:of|Office|Secretariat|Department|Ministry|Bureau|Agency"
    r"|Administration|Services?|Commission|Directorate|Council|Institute|Guard|Cent(?:er|re)"
    r"|House|Embassy|Representative|Unit|Presidency|Agreement|Treaty|Convention|Framework"
    r"|Dialogue|Summit|Mechanism|Initiative|Programs?|Board|Committee|Partnership"
    r"|Declaration|Minute|Bank|Conference|Meeting|Group|Plan|Convoy|Week|Protocols"
    r"|(?i:programs?))\b"
)


def with_article(name: str) -> str:
    """``name`` as it is written inside a sentence: 'the Office of ...', 'Health Canada'."""
    if name[:4].lower() == "the " or not COMMON_NOUN_NAME.search(name):
        return name
    return "the " + name


@dataclass(frozen=True)
class RegistryDay:
    """A registry date ("2013", "2013-05", "2013-05-15") and how to say it."""

    text: str

    @property
    def year(self) -> int:
        return int(self.text[:4])

    @property
    def month(self) -> int | None:
        return int(self.text[5:7]) if len(self.text) >= 7 else None

    def phrase(self) -> str:
        """'in 2013', 'in May 2013', 'on May 15, 2013'."""
        return ("on " if self.text.count("-") == 2 else "in ") + self.display()

    def display(self) -> str:
        """'2013', 'May 2013', 'May 15, 2013'."""
        parts = self.text.split("-")
        if len(parts) == 1:
            return parts[0]
        month = MONTH_NAMES[int(parts[1]) - 1]
        if len(parts) == 2:
            return f"{month} {parts[0]}"
        return f"{month} {int(parts[2])}, {parts[0]}"


@dataclass(frozen=True)
class StatusStep:
    """One step of an institution's status history; ``index`` is its place in the
    registry entry's ``status_history`` (evidence refers to it)."""

    index: int
    date: RegistryDay
    status: str
    note: str


@dataclass(frozen=True)
class LeadAgency:
    country: str
    slug: str
    name: str


@dataclass(frozen=True)
class InstitutionProfile:
    slug: str
    name: str
    acronym: str | None
    category: str
    subtype: str
    established: RegistryDay | None
    status: str
    history: tuple[StatusStep, ...]
    lead_agencies: tuple[LeadAgency, ...]
    parent: tuple[str, str] | None  # (slug, name)
    superseded_by: tuple[str, str] | None
    cadence: str | None
    cadence_months: int | None

    @property
    def kind_label(self) -> str:
        """'dialogue', 'executive agreement', 'memorandum of understanding'."""
        return SUBTYPE_LABELS.get(self.subtype, self.subtype.replace("_", " "))

    @property
    def called(self) -> str:
        """How a sentence refers to it after the first time: 'the HLED', 'Health Canada'."""
        return f"the {self.acronym}" if self.acronym else with_article(self.name)


def cadence_of(entry: Any) -> str | None:
    """The entry's ``cadence`` as text, whether a string, an enum or absent."""
    value = getattr(entry, "cadence", None)
    value = getattr(value, "value", value)
    return str(value) if value else None


def institution_profile(entry: Any, registry: Any) -> InstitutionProfile:
    """The profile of one registry institution; ``registry`` names its agencies."""
    cadence = cadence_of(entry)
    leads = []
    for country in ("US", "MX", "CA"):
        for slug in getattr(entry.lead_agencies, country):
            agency = registry.get(slug)
            leads.append(LeadAgency(country, slug, agency.name_en if agency else slug))
    return InstitutionProfile(
        slug=entry.slug,
        name=entry.name_en,
        acronym=entry.acronyms_en[0] if entry.acronyms_en else None,
        category=str(entry.category),
        subtype=str(entry.subtype),
        established=RegistryDay(entry.established.text) if entry.established else None,
        status=entry.status,
        history=tuple(
            StatusStep(index, RegistryDay(step.date.text), step.status, step.note)
            for index, step in enumerate(entry.status_history)
        ),
        lead_agencies=tuple(leads),
        parent=_named(registry, entry.parent),
        superseded_by=_named(registry, entry.superseded_by),
        cadence=cadence,
        cadence_months=CADENCE_MONTHS.get(cadence) if cadence else None,
    )


def _named(registry: Any, slug: str | None) -> tuple[str, str] | None:
    if not slug:
        return None
    entry = registry.get(slug)
    return (slug, entry.name_en if entry else slug)
