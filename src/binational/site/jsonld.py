"""schema.org data (JSON-LD) for institution and event pages, from their contexts."""

from __future__ import annotations

from typing import Any

# The schema.org type closest to each registry category.
CATEGORY_TYPES = {
    "agreement": "Legislation",
    "organization": "GovernmentOrganization",
    "dialogue_mechanism": "Organization",
    "program": "Project",
}
COUNTRIES = {"US": "United States", "MX": "Mexico", "CA": "Canada"}


def institution_jsonld(context: dict[str, Any], url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": CATEGORY_TYPES[context["category"]],
        "@id": url,
        "url": url,
        "name": [
            {"@value": context["name_en"], "@language": "en"},
            {"@value": context["name_es"], "@language": "es"},
        ],
        "alternateName": context["acronyms_en"]
        + [acronym for acronym in context["acronyms_es"] if acronym not in context["acronyms_en"]],
        "description": " ".join(context["description"]),
        "additionalType": context["subtype"],
    }
    if context["established"]:
        key = "legislationDate" if context["category"] == "agreement" else "foundingDate"
        data[key] = context["established"]
    countries = [{"@type": "Country", "name": COUNTRIES.get(p, p)} for p in context["parties"]]
    key = "legislationJurisdiction" if context["category"] == "agreement" else "areaServed"
    data[key] = countries
    if context["sources"]:
        data["sameAs"] = context["sources"]
    return data


def event_jsonld(context: dict[str, Any], url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": context["title"],
        "startDate": context["date"],
        "inLanguage": context["lang"],
        "description": " ".join(context["summary"])[:1000],
        "about": [
            {
                "@type": "Thing",
                "name": link["name"],
                **({"url": link["href"]} if link["href"] else {}),
            }
            for link in context["institutions"]
        ],
        "location": {"@type": "Place", "name": "United States–Mexico"},
    }
    citations = [source["url"] for source in context["sources"]]
    if citations:
        data["subjectOf"] = [{"@type": "CreativeWork", "url": cited} for cited in citations]
    return data
