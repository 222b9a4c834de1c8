"""Find the institutions and agencies a text mentions, in English or Spanish.

``Linker.build(registry)`` compiles every name, acronym and alias into one
Aho–Corasick automaton over normalized text (see ``normalize.py``), so ``find``
makes one pass over the text whatever the registry's size. Then, in order:

1. acronyms must keep their case in the original ("SE", "DEAN"; never "se");
2. overlapping matches keep the longest (``overlaps.py``);
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

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import add, itemgetter
from types import MappingProxyType
from typing import Literal, NamedTuple

import ahocorasick_rs

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
from binational.registry.overlaps import longest_first

Kind = Literal["institution", "agency"]
Form = Literal["name", "alias", "acronym"]

FORM_CONFIDENCE = MappingProxyType({"name": 0.95, "alias": 0.85, "acronym": 0.75})
MATCH_WINDOW = 1 << 16  # bytes of normalized text matched at a time (see ``_matches``)


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
    """A match whose link depends on where it is: its spans and the surfaces it may be."""

    start: int  # in the normalized text
    end: int
    original_start: int  # in the original text
    original_end: int
    surfaces: tuple[Surface, ...]


class _Key(NamedTuple):
    """What the automaton finds under one normalized key."""

    surfaces: tuple[Surface, ...]
    # The mention's (slug, kind, confidence, reason) when nothing needs checking (a name
    # or plain alias of a single entry), else None.
    plain: tuple[str, Kind, float, str] | None
    acronyms: tuple[str, ...]  # the acronyms written under this key, each once


# A resolved link: its confidence, its reason and the surface it links.
_Choice = tuple[float, str, Surface]


@dataclass(frozen=True)
class Linker:
    """A compiled registry: call ``find`` or ``link`` on any number of texts."""

    # Every key padded as " key ", in the order of ``keys``; ahocorasick-rs rather
    # than pyahocorasick: it returns all matches of a text in one call, from compiled
    # code, at twice the speed.
    automaton: ahocorasick_rs.BytesAhoCorasick
    patterns: tuple[bytes, ...]  # the padded keys the automaton was built from
    keys: tuple[_Key, ...]
    keys_with_acronyms: frozenset[int]  # indexes into ``keys``
    longest_key: int  # bytes, padding included
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
        keys: list[_Key] = []
        for bucket in surfaces_by_key.values():
            surfaces = _best_per_slug(bucket.values())
            only = surfaces[0]
            plain = only.form != "acronym" and not only.needs_context
            acronyms = tuple(dict.fromkeys(s.term for s in surfaces if s.form == "acronym"))
            mention = (only.slug, only.kind, FORM_CONFIDENCE[only.form], only.form)
            keys.append(_Key(surfaces, mention if plain and len(surfaces) == 1 else None, acronyms))
        patterns = tuple(f" {key} ".encode("ascii") for key in surfaces_by_key)
        automaton = ahocorasick_rs.BytesAhoCorasick(list(patterns))
        with_acronyms = frozenset(index for index, key in enumerate(keys) if key.acronyms)
        longest = max(len(key) for key in surfaces_by_key) + 2
        return cls(
            automaton, patterns, tuple(keys), with_acronyms, longest, relations(registry),
            countries(registry),
        )  # fmt: skip

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, in order, spans into the original ``text``.

        A page or a report has thousands of matches, so the work per match is kept
        to lists of numbers and short loops: the spans of all matches are mapped at
        once (``NormalizedText.original_bounds``), overlaps are settled cluster by
        cluster (``overlaps.longest_first``), and a match that needs context is
        resolved once per key when its place cannot change the answer (``_decide``).
        """
        normalized = normalize_text(text)
        # (key index, start, end) of " key ", overlapping ones included (a space
        # ends one term and starts the next)
        matches = windowed_matches(self.automaton, normalized.ascii, self.longest_key)
        return self.mentions_of(text, normalized, *matches)

    def mentions_of(
        self,
        text: str,
        normalized: NormalizedText,
        indexes: Sequence[int],
        starts: Sequence[int],
        ends: Sequence[int],
    ) -> list[Mention]:
        """``find``'s mentions from the matches of the keys in ``normalized`` (that of
        ``text``): key indexes, starts and ends of the terms without their padding,
        as ``windowed_matches`` gives them."""
        if not indexes:
            return []
        keys = self.keys
        original_starts, original_ends = normalized.original_bounds(starts, ends)
        checked = self._case_checked(text, indexes, original_starts, original_ends)

        mentions: list[Mention | None] = []  # one slot a kept match, in text order
        to_check: list[tuple[int, int]] = []  # (slot, match)
        long_forms: set[str] = set()
        dropped = [i for i, surfaces in checked.items() if not surfaces]
        for i in longest_first(starts, ends, dropped):
            plain = keys[indexes[i]].plain
            if plain is None:
                to_check.append((len(mentions), i))
                mentions.append(None)
            else:
                long_forms.add(plain[0])
                start, end = original_starts[i], original_ends[i]
                mentions.append(Mention(start, end, text[start:end], *plain))
        supported = long_forms | {m.slug for m in mentions if m is not None}
        for _ in range(2):  # a second round lets links found by context support others
            decided: dict[int, tuple[bool, _Choice | None]] = {}  # by key, this round
            more: set[str] = set()  # slugs linked this round that were not supported yet
            for slot, i in to_check:
                if mentions[slot] is not None:
                    continue
                index = indexes[i]
                surfaces = checked.get(i) or keys[index].surfaces
                if i in checked:
                    known, choice = self._decide(surfaces, long_forms, supported)
                elif index in decided:
                    known, choice = decided[index]
                else:
                    known, choice = decided[index] = self._decide(surfaces, long_forms, supported)
                if not known:
                    hit = _Hit(starts[i], ends[i], original_starts[i], original_ends[i], surfaces)
                    choice = self._resolve(hit, text, normalized, long_forms, supported)
                if choice is not None:
                    score, reason, surface = choice
                    start, end = original_starts[i], original_ends[i]
                    mentions[slot] = Mention(
                        start, end, text[start:end], surface.slug, surface.kind, score, reason
                    )
                    if surface.slug not in supported:
                        more.add(surface.slug)
            if not more:  # the next round would see the same support and decide the same
                break
            supported = supported | more
        return [mention for mention in mentions if mention is not None]

    def link(self, text: str) -> list[Link]:
        """One ``Link`` per slug, in order of first mention."""
        return collapse_mentions(self.find(text))

    def _case_checked(
        self,
        text: str,
        indexes: Sequence[int],
        original_starts: Sequence[int],
        original_ends: Sequence[int],
    ) -> dict[int, tuple[Surface, ...]]:
        """The matches of acronyms written otherwise than registered, each with the
        surfaces left once the acronyms whose case the text does not keep are dropped
        (none left: the match is no mention)."""
        checked: dict[int, tuple[Surface, ...]] = {}
        keys = self.keys
        cased = map(self.keys_with_acronyms.__contains__, indexes)
        for i in compress(range(len(indexes)), cased):
            acronyms = keys[indexes[i]].acronyms
            written = text[original_starts[i] : original_ends[i]]
            if acronyms != (written,):
                checked[i] = tuple(
                    s for s in keys[indexes[i]].surfaces
                    if s.form != "acronym" or s.term == written
                    or acronym_case_ok(written, s.term, strict=s.needs_context)
                )  # fmt: skip
        return checked

    def _decide(
        self, surfaces: tuple[Surface, ...], long_forms: set[str], supported: set[str]
    ) -> tuple[bool, _Choice | None]:
        """``(True, choice)`` when the link of these surfaces does not depend on where
        they stand (``choice`` is None when they stay unlinked), else ``(False, None)``."""
        several = len(surfaces) > 1
        scored: list[_Choice] = []
        for surface in surfaces:
            support = self._fixed_support(surface, several, long_forms, supported)
            if support is None:
                return False, None
            scored.append((*support, surface))
        return True, _choose(scored)

    def _resolve(
        self,
        hit: _Hit,
        text: str,
        normalized: NormalizedText,
        long_forms: set[str],
        supported: set[str],
    ) -> _Choice | None:
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

        scored = [
            (*self._support(surface, hit, text, normalized, long_forms, supported, shouting),
             surface)
            for surface in hit.surfaces
        ]  # fmt: skip
        return _choose(scored)

    def _fixed_support(
        self, surface: Surface, several: bool, long_forms: set[str], supported: set[str]
    ) -> tuple[float, str] | None:
        """The confidence of ``_support`` when it holds wherever the match stands, or
        None when the match's place (capitals, parentheses, cues nearby) decides."""
        form = surface.form
        if form == "acronym" and surface.slug in long_forms:
            return 0.9, "acronym; its long form also appears"
        if not _risky_anywhere(surface, several):
            # Not risky, unless it is an acronym in an all-capitals run.
            return None if form == "acronym" else (FORM_CONFIDENCE[form], form)
        if surface.slug in long_forms:
            return 0.9, f"{form} needing context; the long form also appears"
        related = self.related.get(surface.slug, frozenset()) & supported
        if related:
            return 0.7, f"{form} needing context; related {sorted(related)[0]} appears"
        return None

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
        several = len(hit.surfaces) > 1
        fixed = self._fixed_support(surface, several, long_forms, supported)
        if fixed is not None:
            return fixed
        if not _risky_anywhere(surface, several):  # an acronym: risky in capitals only
            if not shouting():
                return FORM_CONFIDENCE[surface.form], surface.form
            related = self.related.get(surface.slug, frozenset()) & supported
            if related:
                return 0.7, f"{surface.form} needing context; related {sorted(related)[0]} appears"
            return 0.0, ""
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


def windowed_matches(
    automaton: ahocorasick_rs.BytesAhoCorasick,
    data: bytes,
    longest_key: int,
    window: int = MATCH_WINDOW,
) -> tuple[list[int], list[int], list[int]]:
    """(key indexes, starts, ends) of every match of the padded keys in the
    normalized ``data``, the terms without their padding.

    Read a window at a time: each window's matches (a tuple each) are let go before
    the next window is read, where the matches of a text of megabytes held at once
    would have Python's garbage collector walk them again and again. A window
    reaches ``longest_key`` bytes past its ``window`` bytes and keeps the matches
    that start within those: each match is found whole in the window of its start,
    and kept from no other."""
    indexes: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    for low in range(0, max(len(data), 1), window):
        found = automaton.find_matches_as_indexes(
            data[low : low + window + longest_key], overlapping=True
        )
        if not found:
            continue
        found_indexes, found_starts, found_ends = zip(*found, strict=True)
        del found
        # Matches come by end: those ending within the window's bytes start there
        # too; of the few that end past them, those that start there are kept.
        inside = bisect_right(found_ends, window)
        indexes.extend(found_indexes[:inside])
        starts.extend(map(add, found_starts[:inside], repeat(low + 1)))
        ends.extend(map(add, found_ends[:inside], repeat(low - 1)))
        for i in range(inside, len(found_ends)):
            if found_starts[i] < window:
                indexes.append(found_indexes[i])
                starts.append(found_starts[i] + low + 1)
                ends.append(found_ends[i] + low - 1)
    return indexes, starts, ends


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


def _risky_anywhere(surface: Surface, several: bool) -> bool:
    """Needs context wherever it stands: marked so, shared by several entries, or an
    acronym of one or two letters."""
    return (
        surface.needs_context or several or (surface.form == "acronym" and len(surface.term) <= 2)
    )


def _choose(scored: list[_Choice]) -> _Choice | None:
    """The best-supported surface; None when no support, or a tie for the best."""
    scored.sort(key=itemgetter(0), reverse=True)
    best = scored[0]
    if best[0] <= 0 or (len(scored) > 1 and scored[1][0] == best[0]):
        return None
    return best
