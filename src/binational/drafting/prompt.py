"""What the model is told: the sources, the facts, and the center's own entries.

The few-shot examples are the published events closest to this one: those sharing
most of its institutions (counted twice) and topics, the most recent first on a tie.
They show the model the center's voice and length; the sources and facts are what it
may say. The instructions ask for one JSON object and forbid any name, date or
number that the sources and facts do not hold; ``grounding.py`` then checks that.
"""

from __future__ import annotations

from collections.abc import Sequence

from binational.drafting.facts import Fact
from binational.drafting.inputs import EventFields, PastEvent, SourceText
from binational.drafting.profiles import with_article

EXAMPLES = 3
MAX_SOURCE_CHARS = 12_000  # of all sources together: a release's useful part, bounded

INSTRUCTIONS = """\
You draft entries of the quarterly report of {organization}, which follows the \
institutions between the United States and Mexico. An entry has a summary of the \
event and an "Institutional Implications" paragraph.

Write both in English, in the voice and length of the published entries shown, even \
when a source is in Spanish.
- summary: five to eight sentences on who met or signed, what was decided, when and \
where, using only the sources.
- implications: one paragraph on what the event means for the institutions involved, \
using only the facts listed (and the sources).
Name no institution, agency, person, date or number that is not in the sources or \
the facts.

Answer with one JSON object and nothing else: {{"summary": "...", "implications": "..."}}"""


def choose_examples(
    event: EventFields, past: Sequence[PastEvent], count: int = EXAMPLES
) -> list[PastEvent]:
    """The published events most like ``event`` (sharing institutions or topics)."""
    links, topics = set(event.links), set(event.topics)
    scored = []
    for other in past:
        if other.id == event.id or other.status != "published" or not other.summary:
            continue
        score = 2 * len(links & other.links) + len(topics & other.topics)
        if score:
            scored.append((score, other.date, other.id, other))
    scored.sort(key=lambda item: (-item[0], -item[1].toordinal(), item[2]))
    return [item[3] for item in scored[:count]]


def build_messages(
    event: EventFields,
    sources: Sequence[SourceText],
    facts: Sequence[Fact],
    examples: Sequence[PastEvent],
    organization: str = "Center for Binational Institutions",
) -> list[dict[str, str]]:
    """The chat messages: instructions, then the event with its material."""
    parts = [f"Event: {event.title}", f"Date: {event.date.display()}", "", "Sources:"]
    budget = MAX_SOURCE_CHARS
    for number, source in enumerate(sources, start=1):
        text = source.text[: max(budget, 0)]
        budget -= len(text)
        if not text and source.text:
            text = "(text left out: the prompt's budget for sources is spent)"
        parts += [f"[{number}] {source.url} (language: {source.lang})", text, ""]
    parts.append("Facts:")
    parts += [f"- {fact.text}" for fact in facts] or ["- (none)"]
    if examples:
        parts += ["", "Published entries to follow in voice and length:"]
        for example in examples:
            parts += [
                "---",
                f"Title: {example.title}",
                f"Summary: {example.summary}",
                f"Institutional Implications: {example.implications}",
            ]
    parts += ["", "Answer with the JSON object only."]
    return [
        {"role": "system", "content": INSTRUCTIONS.format(organization=with_article(organization))},
        {"role": "user", "content": "\n".join(parts)},
    ]
