"""Pydantic models of one registry entry: an institution or a government agency.

These models check what a single entry can check on its own (field names, slugs,
dates, parties, URLs, a consistent status history). Checks across entries (unique
slugs, ``parent``/``superseded_by``/agency references that must exist) need the
whole registry and live in ``loader.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from binational.domain import Category

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PARTIAL_DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

Party = Literal["US", "MX", "CA"]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=2, max_length=80)]
Text = Annotated[str, Field(min_length=1), AfterValidator(str.strip)]

SUBTYPES = (
    "treaty", "convention", "treaty_minute", "executive_agreement",
    "inter_institutional_agreement", "trade_agreement", "side_agreement",
    "suspension_agreement", "joint_declaration", "joint_statement", "mou",
    "framework", "mechanism", "commission", "bank", "board", "committee",
    "council", "working_group", "dialogue", "summit", "parliamentary_meeting",
    "conference", "program", "initiative", "visa_program", "infrastructure_project",
)  # fmt: skip
Subtype = Literal[SUBTYPES]  # type: ignore[valid-type]


class DatePrecision(StrEnum):
    """How much of a registry date is known (the report's ``PartialDate`` has no year)."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class RegistryDate(BaseModel):
    """A date known to the year, the month or the day, written ``YYYY[-MM[-DD]]``.

    In YAML write the date as text (``2013-05``); bare years and full dates that
    YAML reads as numbers or dates are accepted too.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    precision: DatePrecision

    @model_validator(mode="before")
    @classmethod
    def _from_scalar(cls, value: object) -> object:
        if isinstance(value, dict):
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
        precision = (
            DatePrecision.DAY if day else DatePrecision.MONTH if month else DatePrecision.YEAR
        )
        return {"text": text, "precision": precision}

    @property
    def sort_key(self) -> str:
        """Text that sorts chronologically: a year sorts before its months and days."""
        return self.text

    def __str__(self) -> str:
        return self.text


def _https_url(url: str) -> str:
    if not re.match(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$", url):
        raise ValueError(f"{url!r} is not an https URL")
    return url


HttpsUrl = Annotated[str, AfterValidator(_https_url)]
Terms = tuple[Text, ...]


class StatusChange(BaseModel):
    """One dated step in an institution's life."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    date: RegistryDate
    status: Literal["active", "suspended", "relaunched", "ended", "superseded"]
    note: str = ""


class LeadAgencies(BaseModel):
    """Agency slugs leading an institution on each side."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    US: tuple[Slug, ...] = ()
    MX: tuple[Slug, ...] = ()
    CA: tuple[Slug, ...] = ()

    def all(self) -> tuple[str, ...]:
        return self.US + self.MX + self.CA


def _no_duplicates(values: tuple[str, ...]) -> tuple[str, ...]:
    seen = set(values)
    if len(seen) != len(values):
        raise ValueError("lists the same value twice")
    return values


class Names(BaseModel):
    """Names, acronyms and aliases in both languages: what the linker looks for.

    ``needs_context`` lists names, acronyms or aliases that are also ordinary words,
    people's names or other countries' bodies ("SE", "DEAN", "National Guard"); the
    linker only links them when the text around them supports it.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    slug: Slug
    name_en: Text
    name_es: Text
    acronyms_en: Annotated[Terms, AfterValidator(_no_duplicates)] = ()
    acronyms_es: Annotated[Terms, AfterValidator(_no_duplicates)] = ()
    aliases_en: Annotated[Terms, AfterValidator(_no_duplicates)] = ()
    aliases_es: Annotated[Terms, AfterValidator(_no_duplicates)] = ()
    needs_context: Terms = ()

    @model_validator(mode="after")
    def _context_terms_are_own_terms(self) -> Names:
        own = set(self.acronyms + self.long_forms)
        unknown = [term for term in self.needs_context if term not in own]
        if unknown:
            raise ValueError(
                f"needs_context lists {unknown[0]!r}, which is not one of the entry's "
                "names, acronyms or aliases"
            )
        return self

    @property
    def acronyms(self) -> tuple[str, ...]:
        return self.acronyms_en + self.acronyms_es

    @property
    def long_forms(self) -> tuple[str, ...]:
        return (self.name_en, self.name_es, *self.aliases_en, *self.aliases_es)


class Agency(Names):
    """A government agency (department, ministry, office) of one country."""

    country: Party
    parent: Slug | None = None
    url: HttpsUrl | None = None


class Institution(Names):
    """An agreement, organization, dialogue mechanism or program."""

    category: Category
    subtype: Subtype  # type: ignore[valid-type]
    parties: Annotated[tuple[Party, ...], Field(min_length=1), AfterValidator(_no_duplicates)]
    established: RegistryDate | None = None
    status: Literal["active", "suspended", "ended", "superseded"]
    status_history: tuple[StatusChange, ...] = ()
    superseded_by: Slug | None = None
    parent: Slug | None = None
    lead_agencies: LeadAgencies = LeadAgencies()
    description: Text
    sources: Annotated[tuple[HttpsUrl, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _status_is_consistent(self) -> Institution:
        history = self.status_history
        keys = [change.date.sort_key for change in history]
        if keys != sorted(keys):
            raise ValueError("status_history must be in chronological order")
        if history:
            last = history[-1].status
            expected = "active" if last == "relaunched" else last
            if expected != self.status:
                raise ValueError(
                    f"status is {self.status!r} but the last status_history step says {last!r}"
                )
        if (self.status == "superseded") != (self.superseded_by is not None):
            raise ValueError("superseded_by is required exactly when status is 'superseded'")
        if self.parent == self.slug or self.superseded_by == self.slug:
            raise ValueError("an institution cannot be its own parent or successor")
        return self
