"""Find the institutions and agencies a text mentions, in English or Spanish.

``Linker.build(registry)`` compiles every name, acronym and alias into one
Aho–Corasick automaton over normalized text (see ``normalize.py``), so ``find``
makes one pass over the text whatever the registry's size. Then, in order:

1. acronyms must keep their case in the original ("SE", "DEAN"; never "se");
2. overlapping matches keep the longest;
3. a surface that several entries share, or one marked ``needs_context`` (an
   acronym that is also a word or a first name, a generic alias), is linked only
   when the text supports one entry: its long form or a related entry appears,
   or, more weakly, the acronym is in parentheses or a country cue is nearby.
   Otherwise it stays unlinked. In an all-capitals headline case says nothing, so
   there every acronym needs its long form or a related entry in the text.

Confidence says how the link was made: full name 0.95, alias 0.85, acronym 0.75
(0.9 when the long form also appears), context-resolved 0.6 to 0.9.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from operator import itemgetter
from types import MappingProxyType
from typing import Literal, NamedTuple

import ahocorasick

from binational.registry.entries import Agency, Institution
from binational.registry.evidence import (
    COUNTRY_CUES,
    CUE_WINDOW,
    acronym_case_ok,
    countries,
    in_caps_text,
    relations,
)
from binational.registry.loader import Registry
from binational.registry.normalize import NormalizedText, normalize_text, term_keys

Kind = Literal["institution", "agency"]
Form = Literal["name", "alias", "acronym"]

FORM_CONFIDENCE = MappingProxyType({"name": 0.95, "alias": 0.85, "acronym": 0.75})


class Mention(NamedTuple):
    """One mention: ``text[start:end]`` of the original text refers to ``slug``.

    A named tuple rather than a frozen dataclass: a text makes one per mention, and a
    named tuple costs a third as much to make."""

    start: int
    end: int
    text: str
    slug: str
    kind: Kind
    confidence: float
    reason: str


@dataclass(frozen=True)
class Link:
    """All mentions of one slug in a text, collapsed; ``first`` justifies the link."""

    slug: str
    kind: Kind
    confidence: float
    first: Mention
    mentions: int


@dataclass(frozen=True)
class Surface:
    """One registered way of writing an entry."""

    slug: str
    kind: Kind
    form: Form
    term: str
    needs_context: bool


class _Hit(NamedTuple):
    """A match that needs checking: several entries, an acronym or a risky term."""

    start: int  # in the normalized text
    end: int
    original_start: int  # in the original text
    original_end: int
    surfaces: tuple[Surface, ...]


# (start, end, surfaces, plain) in the normalized text; ``plain`` is the one surface
# when nothing needs checking (a name or plain alias of a single entry), else None.
_RawHit = tuple[int, int, tuple[Surface, ...], Surface | None]


@dataclass(frozen=True)
class Linker:
    """A compiled registry: call ``find`` or ``link`` on any number of texts."""

    automaton: ahocorasick.Automaton
    related: Mapping[str, frozenset[str]]
    countries: Mapping[str, frozenset[str]]

    @classmethod
    def build(cls, registry: Registry) -> Linker:
        surfaces_by_key: dict[str, dict[tuple[str, str], Surface]] = {}
        for entry in (*registry.institutions, *registry.agencies):
            for surface in _surfaces(entry):
                for key in term_keys(surface.term, inflect=surface.form != "acronym"):
                    bucket = surfaces_by_key.setdefault(key, {})
                    previous = bucket.get((surface.slug, surface.form))
                    if previous is None or (previous.needs_context and not surface.needs_context):
                        bucket[(surface.slug, surface.form)] = surface
        automaton = ahocorasick.Automaton()
        for key, bucket in surfaces_by_key.items():
            surfaces = _best_per_slug(bucket.values())
            only = surfaces[0]
            plain = only.form != "acronym" and not only.needs_context
            # The acronyms written under this key, each once, to check their case.
            acronyms = tuple(dict.fromkeys(s.term for s in surfaces if s.form == "acronym"))
            automaton.add_word(
                f" {key} ",
                (len(key), surfaces, only if plain and len(surfaces) == 1 else None, acronyms),
            )
        automaton.make_automaton()
        return cls(automaton, relations(registry), countries(registry))

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, in order, spans into the original ``text``."""
        normalized = normalize_text(text)
        hits = _longest_first(self._raw_hits(text, normalized))
        spans = normalized.original_spans([(hit[0], hit[1]) for hit in hits])
        mentions: dict[int, Mention] = {}  # by start, to return them in text order
        to_check: list[_Hit] = []
        long_forms: set[str] = set()
        for (start, end, surfaces, plain), (original_start, original_end) in zip(
            hits, spans, strict=True
        ):
            if plain is not None:
                long_forms.add(plain.slug)
                mentions[original_start] = Mention(
                    original_start, original_end, text[original_start:original_end],
                    plain.slug, plain.kind, FORM_CONFIDENCE[plain.form], plain.form,
                )  # fmt: skip
            else:
                to_check.append(_Hit(start, end, original_start, original_end, surfaces))
        for _ in range(2):  # a second round lets links found by context support others
            supported = long_forms | {mention.slug for mention in mentions.values()}
            for hit in to_check:
                if hit.original_start not in mentions:
                    mention = self._resolve(hit, text, normalized, long_forms, supported)
                    if mention is not None:
                        mentions[hit.original_start] = mention
        return [mentions[start] for start in sorted(mentions)]

    def link(self, text: str) -> list[Link]:
        """One ``Link`` per slug, in order of first mention."""
        return collapse_mentions(self.find(text))

    def _raw_hits(self, text: str, normalized: NormalizedText) -> list[_RawHit]:
        """Whole-word matches; acronyms whose case does not match are dropped here."""
        hits: list[_RawHit] = []
        append = hits.append
        locate = normalized.locator()
        for end, (length, surfaces, plain, acronyms) in self.automaton.iter(normalized.text):
            start = end - length  # ``end`` is the padding space after the term
            if acronyms:
                original_start, original_end = locate(start, end)
                found = text[original_start:original_end]
                if acronyms != (found,):  # written otherwise than the acronyms: check case
                    surfaces = tuple(
                        s for s in surfaces
                        if s.form != "acronym" or s.term == found
                        or acronym_case_ok(found, s.term, strict=s.needs_context)
                    )  # fmt: skip
                    if not surfaces:
                        continue
            append((start, end, surfaces, plain))
        return hits

    def _resolve(
        self,
        hit: _Hit,
        text: str,
        normalized: NormalizedText,
        long_forms: set[str],
        supported: set[str],
    ) -> Mention | None:
        start, end = hit.original_start, hit.original_end
        known: list[bool] = []

        def shouting() -> bool:
            """Whether the match sits in an all-capitals run: read from the words
            around it once, and only when a surface's support comes to depend on it."""
            if not known:
                known.append(
                    any(s.form == "acronym" for s in hit.surfaces)
                    and in_caps_text(text, start, end)
                )
            return known[0]

        scored = []
        for surface in hit.surfaces:
            score, reason = self._support(
                surface, hit, text, normalized, long_forms, supported, shouting
            )
            scored.append((score, reason, surface))
        scored.sort(key=lambda item: item[0], reverse=True)
        best_score, reason, best = scored[0]
        tied = len(scored) > 1 and scored[1][0] == best_score
        if best_score <= 0 or tied:
            return None
        return Mention(start, end, text[start:end], best.slug, best.kind, best_score, reason)

    def _support(
        self,
        surface: Surface,
        hit: _Hit,
        text: str,
        normalized: NormalizedText,
        long_forms: set[str],
        supported: set[str],
        shouting: Callable[[], bool],
    ) -> tuple[float, str]:
        """Confidence that this surface, here, means this entry (0 = not enough).

        ``long_forms``: slugs whose name or plain alias appears in the text;
        ``supported``: those plus the slugs already linked by other means;
        ``shouting()``: whether the match is in an all-capitals run.
        """
        if surface.slug in long_forms and surface.form == "acronym":
            return 0.9, "acronym; its long form also appears"
        risky = (
            surface.needs_context
            or len(hit.surfaces) > 1
            or (surface.form == "acronym" and (len(surface.term) <= 2 or shouting()))
        )
        if not risky:
            return FORM_CONFIDENCE[surface.form], surface.form
        if surface.slug in long_forms:
            return 0.9, f"{surface.form} needing context; the long form also appears"
        related = self.related.get(surface.slug, frozenset()) & supported
        if related:
            return 0.7, f"{surface.form} needing context; related {sorted(related)[0]} appears"
        if shouting():
            return 0.0, ""
        start, end = hit.original_start, hit.original_end
        if (
            surface.form == "acronym"
            and text[start - 1 : start] == "("
            and text[end : end + 1] == ")"
        ):
            return 0.6, "acronym needing context, written in parentheses"
        window = normalized.text[max(0, hit.start - CUE_WINDOW) : hit.end + CUE_WINDOW]
        for country in sorted(self.countries.get(surface.slug, frozenset())):
            if COUNTRY_CUES[country].search(window):
                return 0.6, f"{surface.form} needing context; {country} cue nearby"
            if any(self.countries.get(slug) == {country} for slug in supported):
                return 0.6, f"{surface.form} needing context; other {country} bodies in the text"
        return 0.0, ""


def collapse_mentions(mentions: Iterable[Mention]) -> list[Link]:
    """Group mentions by slug: first mention, highest confidence, count."""
    firsts: dict[str, Mention] = {}
    best: dict[str, float] = {}
    counts: dict[str, int] = {}
    for mention in mentions:
        firsts.setdefault(mention.slug, mention)
        best[mention.slug] = max(best.get(mention.slug, 0.0), mention.confidence)
        counts[mention.slug] = counts.get(mention.slug, 0) + 1
    return [
        Link(slug, first.kind, best[slug], first, counts[slug]) for slug, first in firsts.items()
    ]


def _surfaces(entry: Institution | Agency) -> Iterable[Surface]:
    kind: Kind = "agency" if isinstance(entry, Agency) else "institution"
    risky = set(entry.needs_context)
    for term in (entry.name_en, entry.name_es):
        yield Surface(entry.slug, kind, "name", term, term in risky)
    for term in (*entry.aliases_en, *entry.aliases_es):
        yield Surface(entry.slug, kind, "alias", term, term in risky)
    for term in entry.acronyms:
        yield Surface(entry.slug, kind, "acronym", term, term in risky)


def _best_per_slug(surfaces: Iterable[Surface]) -> tuple[Surface, ...]:
    """One surface per slug under a key: the most specific form wins."""
    rank = {"name": 0, "alias": 1, "acronym": 2}
    chosen: dict[str, Surface] = {}
    for surface in sorted(surfaces, key=lambda s: (rank[s.form], s.needs_context)):
        chosen.setdefault(surface.slug, surface)
    return tuple(chosen.values())


def _longest_first(hits: list[_RawHit]) -> list[_RawHit]:
    """Non-overlapping hits in text order; among overlapping ones the longest wins.

    Hits are grouped into clusters of overlapping spans (usually of one hit), and
    each cluster is settled greedily, longest first, so the cost stays linear in
    the number of hits.
    """
    chosen: list[_RawHit] = []
    cluster: list[_RawHit] = []
    cluster_end = -1
    for hit in sorted(hits, key=itemgetter(0)):  # one automaton key per span: no ties
        if cluster and hit[0] >= cluster_end:
            chosen.extend(cluster if len(cluster) == 1 else _settle(cluster))
            cluster = []
        cluster.append(hit)
        cluster_end = max(cluster_end, hit[1]) if len(cluster) > 1 else hit[1]
    chosen.extend(_settle(cluster))
    return chosen


def _settle(cluster: list[_RawHit]) -> list[_RawHit]:
    kept: list[_RawHit] = []
    for hit in sorted(cluster, key=lambda h: (h[0] - h[1], h[0])):
        if all(hit[1] <= other[0] or hit[0] >= other[1] for other in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h[0])
