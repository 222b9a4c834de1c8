"""How likely a document is to report an event between US and Mexican institutions:
a score in [0, 1] and the reasons for it, in words an analyst can check. Pure.

The evidence, each capped so no single kind of signal decides alone:

- countries: both the United States and Mexico named (more when named in the same
  sentence), a third North American country or the word "trilateral" for trilateral
  events; a country counts as *involved* too when one of its agencies is linked;
- institutions of the registry whose parties include both countries (HLED, IBWC, the
  consular dialogue...), found by the registry linker;
- agencies of both governments (a State Department and an SRE side);
- wording of an encounter between governments, English or Spanish (joint statement,
  met, dialogue, delegation, ambos países, reunión, llamada...);
- the registry's topics;
- an official source (.gov, .gob.mx, canada.ca, or listed as official).

Nothing here is a list of the development set's words; the weights were set by hand
from what makes an event bilateral, then checked against the labeled releases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import itemgetter

import ahocorasick_rs


def _word(first: str, rest: str) -> re.Pattern[str]:
    """A word starting with the letter ``first`` and going on as ``rest`` says.

    The same as ``\\b{first}(?:{rest})``, written with the letter first and the word
    boundary checked behind it: a pattern that starts with a literal lets the regular
    expression engine jump from one occurrence of that letter to the next, where a
    leading ``\\b`` makes it try every position (three to twenty times slower here)."""
    return re.compile(f"{first}(?<!\\w{first})(?:{rest})")


# Each country's names, matched on the lower-cased text, one pattern per initial
# letter (see ``_word``). "US"/"USA"/"U.S." count only as written in capitals (in
# lower case "us" is the English pronoun), so they are matched on the original text.
COUNTRY_PATTERNS = {
    "US": (
        _word("e", r"stados unidos|e\.\s?uu\.|euu\b|stadounidenses?\b"),
        _word("w", r"ashington\b"),
        _word("u", r"nited states\b"),
    ),
    "MX": (_word("m", r"[eé]xic(?:o|an|ans|ana|anas|ano|anos)\b|exican[oa]s?\b"),),
    "CA": (_word("c", r"anad(?:a|á|ian|ians)\b|anadienses?\b"), _word("o", r"ttawa\b")),
}
# For each pattern of ``COUNTRY_PATTERNS``, in order, pieces of which every match
# contains one: a lower-cased text with none of them is not scanned (a scan stops at
# every "e" or "o" of the text, a look for a piece costs a fraction of that).
_COUNTRY_PIECES = {
    "US": (("estados unidos", "uu.", "eeuu", "estadounidense"), ("washington",),
           ("united states",)),
    "MX": (("mexic", "méxic"),),
    "CA": (("canad",), ("ottawa",)),
}  # fmt: skip
US_CAPITALS = _word("U", r"\.\s?S\.(?:\s?A\.)?|SA\b|S\b")
# "\bword" written as in ``_word``: the letter first, the word boundary checked behind it.
TRILATERAL = re.compile(
    r"t(?<!\wt)rilateral\b|n(?<!\wn)orth america(?:n)?\b|a(?<!\wa)m[eé]rica del norte\b", re.I
)
# What the lower-cased text contains wherever ``TRILATERAL`` matches, unless the
# text has a dotless i or a dotted capital I (case-insensitive matching pairs them
# with "i"; "bilateral" has "lateral", so the whole word is needed).
_TRILATERAL_PIECES = ("trilateral", "north", "del norte")
_OTHER_IS = ("ı", "İ")
ENCOUNTER_TERMS = (
    "bilateral", "joint statement", "joint declaration", "met with", "met in", "met on",
    "meeting", "dialogue", "agreement", "signed", "memorandum of understanding",
    "delegation", "counterpart", "phone call", "call with", "summit", "working group",
    "both countries", "the two countries", "our two countries", "cooperation",
    "comunicado conjunto", "declaración conjunta", "se reunió", "se reunieron",
    "reunión", "diálogo", "acuerdo", "firmaron", "memorándum de entendimiento",
    "delegación", "homólogo", "llamada", "cumbre", "grupo de trabajo", "ambos países",
    "ambas naciones", "los dos países", "cooperación",
)  # fmt: skip


def _terms_pattern(terms: Sequence[str]) -> re.Pattern[str]:
    """``\b(?:term|term...)\b`` for terms that start with a letter, written as one
    ``_word`` per initial letter (the terms of a letter in their order), so that the
    engine jumps between occurrences of those letters instead of trying every
    position; at any position the same term matches as in the plain alternation."""
    by_letter: dict[str, list[str]] = {}
    for term in terms:
        by_letter.setdefault(term[0], []).append(re.escape(term[1:]))
    branches = (
        f"{re.escape(first)}(?<!\\w{re.escape(first)})(?:{'|'.join(rests)})"
        for first, rests in by_letter.items()
    )
    return re.compile(f"(?:{'|'.join(branches)})\\b")


_ENCOUNTER = _terms_pattern(ENCOUNTER_TERMS)
# Every occurrence of every term, for ``encounter_terms``.
_ENCOUNTER_MATCHER = ahocorasick_rs.AhoCorasick(ENCOUNTER_TERMS)
# Where sentences end: the spaces after a full stop, question or exclamation mark, or a
# line break. The mark is matched rather than looked behind for, so the engine can jump
# from one mark or line break to the next; the break is where the group starts.
_SENTENCE = re.compile(r"[.!?](\s+)|(\n+)")
OFFICIAL_SUFFIXES = (".gov", ".gob.mx", ".mil", ".gc.ca", "canada.ca", ".gob", ".gov.mx")

WEIGHTS = {
    "both_named": 0.25,
    "named_together": 0.05,
    "one_named_other_by_agency": 0.12,
    "one_country": 0.04,
    "trilateral": 0.05,
    "binational_institution": 0.25,
    "agencies_both": 0.15,
    "agencies_one": 0.04,
    "encounter_each": 0.04,
    "encounter_max": 0.12,
    "topic_each": 0.02,
    "topic_max": 0.04,
    "official": 0.08,
}


@dataclass(frozen=True)
class Linked:
    """An institution or agency the linker found, with the countries it belongs to."""

    slug: str
    kind: str  # institution | agency
    mention: str
    parties: frozenset[str]


@dataclass(frozen=True)
class Relevance:
    score: float
    reasons: tuple[str, ...]


def is_official_host(host: str, official_hosts: Iterable[str] = ()) -> bool:
    host = host.lower()
    if host in set(official_hosts):
        return True
    return host.endswith(OFFICIAL_SUFFIXES) or host == "canada.ca"


def country_spans(text: str, lowered: str | None = None) -> dict[str, list[int]]:
    """Start offsets of each country's mentions (``lowered``: ``text.lower()``, when
    the caller has it already)."""
    lowered = lowered if lowered is not None else text.lower()  # same offsets here
    spans = {
        country: sorted(
            m.start()
            for pattern, pieces in zip(patterns, _COUNTRY_PIECES[country], strict=True)
            if any(map(lowered.__contains__, pieces))
            for m in pattern.finditer(lowered)
        )
        for country, patterns in COUNTRY_PATTERNS.items()
    }
    spans["US"] = sorted(spans["US"] + [m.start() for m in US_CAPITALS.finditer(text)])
    return spans


def country_mentions(text: str) -> dict[str, int]:
    return {country: len(starts) for country, starts in country_spans(text).items()}


def named_together(text: str, spans: Mapping[str, list[int]] | None = None) -> bool:
    """Whether one sentence names both the United States and Mexico.

    Only mentions next to each other (in text order) of different countries are
    compared: a US and a Mexico mention share a sentence exactly when some such pair
    between them does. A pair shares one when no sentence break lies between them,
    which a search of the text between them tells (a mention starts with a letter,
    so no break begins at it, and the search sees the breaks a scan of the whole
    text sees there), instead of finding every break of the text."""
    spans = spans if spans is not None else country_spans(text)
    if not spans["US"] or not spans["MX"]:
        return False
    mentions = sorted([(start, "US") for start in spans["US"]]
                      + [(start, "MX") for start in spans["MX"]])  # fmt: skip
    return any(
        country != next_country and _SENTENCE.search(text, start + 1, next_start + 1) is None
        for (start, country), (next_start, next_country) in pairwise(mentions)
    )


def encounter_terms(text: str, lowered: str | None = None) -> tuple[str, ...]:
    """The encounter terms that ``_ENCOUNTER`` finds, scanning left to right, in the
    lower-cased text, found from every occurrence of every term (one Aho–Corasick
    pass, where the regular expression tries most positions of the text): going by
    start, the first term in the list's order standing as whole words at a start is
    kept, and the next kept starts after its end."""
    lowered = lowered if lowered is not None else text.lower()
    found = _ENCOUNTER_MATCHER.find_matches_as_indexes(lowered, overlapping=True)
    if not found:
        return ()
    found.sort(key=itemgetter(1, 0))
    terms: set[str] = set()
    resume, size = 0, len(lowered)
    for index, start, end in found:
        if start < resume or (start and _is_word(lowered[start - 1])):
            continue
        if end < size and _is_word(lowered[end]):
            continue
        terms.add(ENCOUNTER_TERMS[index])
        resume = end
    return tuple(sorted(terms))


def _is_word(char: str) -> bool:
    """Whether ``char`` is a word character as ``\\w`` and ``\\b`` see it."""
    return char.isalnum() or char == "_"


def score_document(
    title: str,
    text: str,
    linked: Sequence[Linked],
    topics: Sequence[str],
    official: bool,
    host: str = "",
) -> Relevance:
    """The relevance of one document, with one reason per piece of evidence used."""
    body = f"{title}\n{text}"
    reasons: list[str] = []
    score = 0.0
    lowered = body.lower()
    spans = country_spans(body, lowered)
    named = {country: len(starts) for country, starts in spans.items()}
    agencies = [item for item in linked if item.kind == "agency"]
    agency_countries = {party for item in agencies for party in item.parties}
    involved = {c for c, n in named.items() if n} | agency_countries

    if named["US"] and named["MX"]:
        score += WEIGHTS["both_named"]
        reasons.append(f"names the United States ({named['US']}×) and Mexico ({named['MX']}×)")
        if named_together(body, spans):
            score += WEIGHTS["named_together"]
            reasons.append("names both countries in the same sentence")
    elif {"US", "MX"} <= involved:
        score += WEIGHTS["one_named_other_by_agency"]
        reasons.append("involves both countries (one only through its agencies)")
    elif involved & {"US", "MX"}:
        only = "the United States" if "US" in involved else "Mexico"
        score += WEIGHTS["one_country"]
        reasons.append(f"involves only {only}")
    if {"US", "MX"} <= involved and ("CA" in involved or trilateral_wording(body, lowered)):
        score += WEIGHTS["trilateral"]
        reasons.append("trilateral (North American) setting")

    binational = [
        item for item in linked if item.kind == "institution" and {"US", "MX"} <= item.parties
    ]
    if binational:
        score += WEIGHTS["binational_institution"]
        names = ", ".join(item.slug for item in binational[:4])
        reasons.append(f"links institutions shared by both countries: {names}")
    us_side = sorted({a.slug for a in agencies if "US" in a.parties})
    mx_side = sorted({a.slug for a in agencies if "MX" in a.parties})
    if us_side and mx_side:
        score += WEIGHTS["agencies_both"]
        reasons.append(
            f"agencies of both governments: {', '.join(us_side[:3])} (US); "
            f"{', '.join(mx_side[:3])} (MX)"
        )
    elif us_side or mx_side:
        score += WEIGHTS["agencies_one"]
        reasons.append(f"agencies of one government only: {', '.join((us_side or mx_side)[:3])}")

    terms = encounter_terms(body, lowered)
    if terms:
        score += min(WEIGHTS["encounter_max"], WEIGHTS["encounter_each"] * len(terms))
        reasons.append(f"wording of an encounter: {', '.join(terms[:5])}")
    if topics:
        score += min(WEIGHTS["topic_max"], WEIGHTS["topic_each"] * len(topics))
        reasons.append(f"topics: {', '.join(sorted(topics))}")
    if official:
        score += WEIGHTS["official"]
        reasons.append(f"official source{f' ({host})' if host else ''}")
    return Relevance(round(min(1.0, score), 4), tuple(reasons))


def trilateral_wording(body: str, lowered: str) -> bool:
    """Whether ``TRILATERAL`` matches ``body`` (``lowered``: ``body.lower()``), looked
    for only when the lower-cased text has one of its pieces."""
    # (``map`` over the bound ``__contains__``: the tests run in C, with no generator)
    if not any(map(lowered.__contains__, _TRILATERAL_PIECES)) and not any(
        map(body.__contains__, _OTHER_IS)
    ):
        return False
    return TRILATERAL.search(body) is not None


def linked_entities(
    mentions: Iterable[object], parties_by_slug: Mapping[str, frozenset[str]]
) -> list[Linked]:
    """One ``Linked`` per slug from linker mentions (first mention kept)."""
    seen: dict[str, Linked] = {}
    for mention in mentions:
        slug = mention.slug  # type: ignore[attr-defined]
        if slug not in seen:
            seen[slug] = Linked(
                slug, mention.kind, mention.text,  # type: ignore[attr-defined]
                parties_by_slug.get(slug, frozenset()),
            )  # fmt: skip
    return list(seen.values())
