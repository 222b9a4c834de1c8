"""Annotating an event's text: which institutions and agencies it mentions, which
topics it touches. Pure: the linker and tagger are passed in, plain data
(``domain.LinkProposal``, ``domain.TopicProposal``) comes out, and ``store/links.py``
persists the result."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from binational.domain import LinkProposal, TopicProposal

# Fields searched for mentions, in order of how well a mention there justifies a link.
LINKED_FIELDS = ("title", "summary", "implications")


class MentionLike(Protocol):
    start: int
    end: int
    text: str
    slug: str
    kind: str
    confidence: float


def propose_links(
    fields: Mapping[str, str], find: Callable[[str], Sequence[MentionLike]]
) -> list[LinkProposal]:
    """One proposal per slug (``collapse_mentions`` over every field): its first
    mention in the earliest field, with the highest confidence any mention reached."""
    from binational.registry.linker import collapse_mentions  # late, like the linker itself

    mentions: list[Any] = []
    field_of: dict[int, str] = {}
    for field in LINKED_FIELDS:
        for mention in find(fields.get(field) or ""):
            field_of[id(mention)] = field
            mentions.append(mention)
    return [
        LinkProposal(
            link.slug,
            link.kind,
            link.first.text,
            field_of[id(link.first)],
            link.first.start,
            link.first.end,
            link.confidence,
        )  # fmt: skip
        for link in collapse_mentions(mentions)
    ]


def propose_topics(
    fields: Mapping[str, str], tag: Callable[[str], Iterable[Any]]
) -> list[TopicProposal]:
    text = "\n".join(fields.get(field) or "" for field in LINKED_FIELDS)
    return [TopicProposal(hit.slug, tuple(hit.terms)) for hit in tag(text)]


@dataclass(frozen=True)
class Annotator:
    """A linker and a topic tagger, built once and applied to many events."""

    find_mentions: Callable[[str], Sequence[MentionLike]]
    tag_topics: Callable[[str], Iterable[Any]]
    # Both of one text in one pass, when the annotator has such a reader.
    read: Callable[[str], tuple[Sequence[MentionLike], Iterable[Any]]] | None = None

    def annotate(self, fields: Mapping[str, str]) -> tuple[list[LinkProposal], list[TopicProposal]]:
        return propose_links(fields, self.find_mentions), propose_topics(fields, self.tag_topics)

    def mentions_and_topics(self, text: str) -> tuple[Sequence[MentionLike], Iterable[Any]]:
        """``(find_mentions(text), tag_topics(text))``."""
        if self.read is not None:
            return self.read(text)
        return self.find_mentions(text), self.tag_topics(text)


def registry_annotator(registry: Any = None) -> Annotator:
    """The annotator over the bundled registry (or the one given)."""
    from binational.registry.linker import Linker
    from binational.registry.loader import load_registry
    from binational.registry.onepass import LinkerTagger
    from binational.registry.topics import bundled_tagger, tag_topics

    linker = Linker.build(registry if registry is not None else load_registry())
    reader = LinkerTagger.build(linker, bundled_tagger())
    return Annotator(find_mentions=linker.find, tag_topics=tag_topics, read=reader.read)
