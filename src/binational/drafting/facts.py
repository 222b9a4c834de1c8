"""The institutional facts of an event, each with the evidence that supports it.

A fact is one thing the registry or the event store says about an institution the
event concerns (its category and age, its status history, its lead agencies, how
active it has been, whether this is a first meeting in a long while or a mechanism
used again) or a body the source announces that the registry lacks. Each carries its
evidence as ``{kind, ref}``:

- ``institution``: a registry slug (institution or agency), optionally with the field
  it comes from: ``hled``, ``hled#established``, ``hled#status_history/2``,
  ``hled#lead_agencies``, ``hled#cadence``, ``rapid-response-labor-mechanism#parent``;
- ``event``: the id of an event in the store;
- ``source``: a source URL with the span of the passage, ``URL#char=START,END``
  (the RFC 5147 fragment for plain text).

Facts are stated as of the event's date: registry steps dated after it are left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from binational.drafting.profiles import (
    COUNTRY_NAMES,
    InstitutionProfile,
    StatusStep,
    with_article,
)

EvidenceKind = Literal["event", "institution", "source"]
CHANGES = ("suspended", "relaunched", "ended", "superseded")
NUMBER_NAMES = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@dataclass(frozen=True)
class Evidence:
    kind: EvidenceKind
    ref: str

    def as_json(self) -> dict[str, str]:
        return {"kind": self.kind, "ref": self.ref}


@dataclass(frozen=True)
class Fact:
    """``text`` states the fact as one sentence; ``values`` holds what it is made of
    (names, dates, counts) for composing the paragraph."""

    kind: str
    subject: str | None
    text: str
    evidence: tuple[Evidence, ...]
    values: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "text": self.text,
            "evidence": [item.as_json() for item in self.evidence],
        }


def institution_ref(slug: str, part: str | None = None) -> Evidence:
    return Evidence("institution", f"{slug}#{part}" if part else slug)


def source_ref(url: str, start: int, end: int) -> Evidence:
    return Evidence("source", f"{url}#char={start},{end}")


def as_of(profile: InstitutionProfile, day: dt.date) -> list[StatusStep]:
    """The status steps dated on or before ``day`` (a year or month counts as its start)."""
    return [step for step in profile.history if step.date.text <= day.isoformat()]


def age_phrase(established_text: str, day: dt.date) -> str:
    """How long before ``day`` a registry date lies: '9 years', '3 months'."""
    parts = [int(part) for part in established_text.split("-")]
    if len(parts) == 1:
        years = day.year - parts[0]
        return f"{years} years" if years >= 2 else ("about a year" if years else "under a year")
    months = (day.year - parts[0]) * 12 + day.month - parts[1]
    if months >= 24:
        return f"{months // 12} years"
    if months >= 2:
        return f"{months} months"
    return "a month" if months == 1 else "under a month"


def profile_fact(profile: InstitutionProfile, day: dt.date) -> Fact:
    """What the institution is, since when, and under which parent."""
    name = with_article(profile.name + (f" ({profile.acronym})" if profile.acronym else ""))
    article = "an" if profile.kind_label[0].lower() in "aeiou" else "a"
    said = f"{article} {profile.kind_label}"
    evidence = [institution_ref(profile.slug)]
    if profile.parent:
        said += f" under {with_article(profile.parent[1])}"
        evidence += [institution_ref(profile.slug, "parent"), institution_ref(profile.parent[0])]
    established = profile.established
    if established and established.text <= day.isoformat():
        said += f" established {established.phrase()}, {age_phrase(established.text, day)} earlier"
        evidence.append(institution_ref(profile.slug, "established"))
    text = f"{_capital(name)}: {said}."
    values = MappingProxyType({"name": name, "said": said})
    return Fact("profile", profile.slug, text, tuple(evidence), values)


def status_fact(profile: InstitutionProfile, day: dt.date) -> Fact | None:
    """Suspensions, relaunches and endings up to the event ('suspended in 2017 (not
    convened from 2017 to 2020) and relaunched in September 2021')."""
    steps = [step for step in as_of(profile, day) if step.status in CHANGES]
    if not steps:
        return None
    phrases = []
    for step in steps:
        phrase = f"{step.status} {step.date.phrase()}"
        if step.status == "superseded" and profile.superseded_by:
            phrase += f" by {with_article(profile.superseded_by[1])}"
        elif step.status in ("suspended", "ended") and step.note:
            phrase += f" ({step.note})"
        phrases.append(phrase)
    said = _join(phrases)
    evidence = tuple(institution_ref(profile.slug, f"status_history/{s.index}") for s in steps)
    values = MappingProxyType({"changes": said, "last": steps[-1].status})
    return Fact("status", profile.slug, f"It was {said}.", evidence, values)


def lead_agencies_fact(profile: InstitutionProfile) -> Fact | None:
    if not profile.lead_agencies:
        return None
    sides = []
    for country, country_name in COUNTRY_NAMES.items():
        names = [with_article(a.name) for a in profile.lead_agencies if a.country == country]
        if names:
            sides.append(f"for {country_name} by {_join(names)}")
    said = sides[0] if len(sides) == 1 else "; ".join(sides[:-1]) + "; and " + sides[-1]
    evidence = (institution_ref(profile.slug, "lead_agencies"),) + tuple(
        institution_ref(agency.slug) for agency in profile.lead_agencies
    )
    return Fact("lead_agencies", profile.slug, f"It is led {said}.", evidence,
                MappingProxyType({"leads": said}))  # fmt: skip


def registry_facts(profile: InstitutionProfile, day: dt.date) -> list[Fact]:
    """The facts the registry alone gives about one institution, as of ``day``."""
    facts = [profile_fact(profile, day), status_fact(profile, day), lead_agencies_fact(profile)]
    return [fact for fact in facts if fact is not None]


def linked_institutions(links: Sequence[str], registry: Any) -> list[str]:
    """The event's links that are registry institutions (not agencies), in order."""
    return [slug for slug in dict.fromkeys(links) if registry.institution(slug) is not None]


def count_words(count: int) -> str:
    """Small counts in words, as the center writes them; larger ones in digits."""
    return NUMBER_NAMES[count] if 0 <= count < len(NUMBER_NAMES) else str(count)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
