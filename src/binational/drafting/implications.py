"""The implications draft: the event's institutional facts and the paragraph made of them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from binational.drafting.announcements import announcement_facts
from binational.drafting.compose import Clause, compose
from binational.drafting.facts import Fact, linked_institutions, registry_facts
from binational.drafting.history import history_facts
from binational.drafting.inputs import EventFields, PastEvent, SourceText
from binational.drafting.profiles import institution_profile


@dataclass(frozen=True)
class Implications:
    text: str
    facts: tuple[Fact, ...]
    clauses: tuple[Clause, ...]

    def as_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "facts": [fact.as_json() for fact in self.facts],
            "clauses": [clause.as_json() for clause in self.clauses],
        }


def event_facts(
    event: EventFields,
    sources: Sequence[SourceText],
    registry: Any,
    history: Sequence[PastEvent],
    find_mentions: Callable[[str], Sequence[Any]],
) -> tuple[list[Fact], list[str]]:
    """Every fact of the event, and the linked institutions they are about: the one
    named first (in the title, else in the sources) first, as the event's main subject."""
    subjects = _by_first_mention(linked_institutions(event.links, registry), event, sources,
                                 find_mentions)  # fmt: skip
    facts: list[Fact] = []
    for slug in subjects:
        profile = institution_profile(registry.institution(slug), registry)
        facts += registry_facts(profile, event.date.value)
        facts += history_facts(profile, event.id, event.date, history)
    facts += announcement_facts(sources, find_mentions, registry, event.links)
    return facts, subjects


def draft_implications(
    event: EventFields,
    sources: Sequence[SourceText],
    registry: Any,
    history: Sequence[PastEvent],
    find_mentions: Callable[[str], Sequence[Any]],
) -> Implications:
    facts, subjects = event_facts(event, sources, registry, history, find_mentions)
    paragraph = compose(facts, subjects)
    return Implications(paragraph.text, tuple(facts), paragraph.clauses)


def _by_first_mention(
    slugs: list[str],
    event: EventFields,
    sources: Sequence[SourceText],
    find_mentions: Callable[[str], Sequence[Any]],
) -> list[str]:
    """``slugs`` ordered by where they are first named; unnamed ones last, in link order."""
    first: dict[str, int] = {}
    offset = 0
    for text in (event.title, *(source.text for source in sources)):
        for mention in find_mentions(text):
            first.setdefault(mention.slug, offset + mention.start)
        offset += len(text) + 1
    unnamed = offset
    return sorted(slugs, key=lambda slug: first.get(slug, unnamed))
