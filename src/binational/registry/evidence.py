"""Evidence for links that need more than a match: casing and context.

Pure helpers for ``linker.py``: whether an acronym kept its case, whether it sits
in an all-capitals headline, and which entries support each other (family and lead
agencies) or belong to which countries, so a risky surface can be resolved by what
else the text mentions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from binational.registry.loader import Registry

CUE_WINDOW = 300
COUNTRY_CUES: Mapping[str, re.Pattern[str]] = MappingProxyType(
    {
        "MX": re.compile(r" (?:mexico|mexican|mexicans|mexicano|mexicana|mexicanos|mexicanas) "),
        "US": re.compile(
            r" (?:us|u s|united states|estados unidos|eeuu|eua|american|washington|estadounidense) "
        ),
        "CA": re.compile(r" (?:canada|canadian|canadiense|ottawa) "),
    }
)
WORD = re.compile(r"[^\W\d_]{2,}")


def acronym_case_ok(found: str, acronym: str, strict: bool) -> bool:
    """Does the text keep the acronym's case?

    "DEAN" matches "DEAN" and never "dean"; a long acronym that is not a word may
    also be written in title case ("Sedena" for SEDENA) unless it is ``strict``
    (marked ``needs_context``: "Dean" is a first name).
    """
    letters = "".join(c for c in found if c.isalnum())
    expected = "".join(c for c in acronym if c.isalnum())
    if letters == expected or (letters.isupper() and letters.upper() == expected.upper()):
        return True
    title_case = len(expected) >= 4 and expected.isupper() and letters == letters.capitalize()
    return title_case and not strict


def in_caps_text(text: str, start: int, end: int) -> bool:
    """Is the acronym inside a run of capitals (a headline), where case tells nothing?"""
    before = WORD.findall(text[max(0, start - 40) : start])[-1:]
    after = WORD.findall(text[end : end + 40])[:1]
    neighbours = before + after
    return bool(neighbours) and all(word.isupper() for word in neighbours)


def relations(registry: Registry) -> Mapping[str, frozenset[str]]:
    """For each slug, the slugs whose presence supports it (family and lead agencies)."""
    related: dict[str, set[str]] = {}

    def connect(a: str | None, b: str | None) -> None:
        if a and b:
            related.setdefault(a, set()).add(b)
            related.setdefault(b, set()).add(a)

    for institution in registry.institutions:
        connect(institution.slug, institution.parent)
        connect(institution.slug, institution.superseded_by)
        for agency in institution.lead_agencies.all():
            connect(institution.slug, agency)
    for agency in registry.agencies:
        connect(agency.slug, agency.parent)
    return MappingProxyType({slug: frozenset(others) for slug, others in related.items()})


def countries(registry: Registry) -> Mapping[str, frozenset[str]]:
    countries = {i.slug: frozenset(i.parties) for i in registry.institutions}
    countries.update({a.slug: frozenset({a.country}) for a in registry.agencies})
    return MappingProxyType(countries)
