"""The linker's and the topic tagger's keys in one Aho–Corasick automaton: a text's
mentions and topics from one pass over its folded bytes, the same as the two read it
each in turn (``Linker.find``, ``TopicTagger.tag``), which ingestion does for every
page."""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick_rs

from binational.registry.linker import MATCH_WINDOW, Linker, Mention
from binational.registry.normalize import normalize_text
from binational.registry.topics import TopicHit, TopicTagger


@dataclass(frozen=True)
class LinkerTagger:
    linker: Linker
    tagger: TopicTagger
    # The linker's padded keys, then the tagger's (a key of both is in twice, and
    # the automaton reports a match of it under both indexes).
    automaton: ahocorasick_rs.BytesAhoCorasick

    @classmethod
    def build(cls, linker: Linker, tagger: TopicTagger) -> LinkerTagger:
        patterns = [*linker.patterns, *tagger.patterns]
        return cls(linker, tagger, ahocorasick_rs.BytesAhoCorasick(patterns))

    def read(self, text: str) -> tuple[list[Mention], list[TopicHit]]:
        """``(linker.find(text), tagger.tag(text))``."""
        normalized = normalize_text(text)
        data = normalized.ascii
        if len(data) > MATCH_WINDOW:  # the linker reads it a window at a time
            return self.linker.find(text), self.tagger.tag(text)
        found = self.automaton.find_matches_as_indexes(data, overlapping=True)
        split = len(self.linker.patterns)
        # The automaton reports matches by end, as each of the two alone does: each
        # keeps its own matches in that order.
        linked = [match for match in found if match[0] < split]
        mentions = self.linker.mentions_of(
            text, normalized, [index for index, _, _ in linked],
            [start + 1 for _, start, _ in linked], [end - 1 for _, _, end in linked],
        )  # fmt: skip
        topics = self.tagger.hits_of(index - split for index, _, _ in found if index >= split)
        return mentions, topics
