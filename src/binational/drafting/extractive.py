"""The extractive summary: the source sentences that carry the event, in order.

Sentences of every source are scored (``scoring.py``), then chosen greedily by score
discounted by their similarity to the sentences already chosen (maximal marginal
relevance), so a republished copy or a restated point adds nothing. The summary
stops at the length the center writes (the issue: five to eight sentences, about
130 words) and keeps the sources' own order. Each sentence keeps its provenance:
the source URL and its offsets in the archived text.

When the sources include English ones only they are used; a Spanish-only event gives
a Spanish summary, which the draft flags ("source in Spanish").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from binational.drafting.inputs import SourceText
from binational.drafting.scoring import ScoredSentence, score_sentences
from binational.drafting.sentences import split_sentences
from binational.drafting.words import cosine

TARGET_WORDS = 130
MIN_SENTENCES, MAX_SENTENCES = 3, 8
DUPLICATE = 0.8  # cosine at which a sentence repeats one already chosen
REPORT_LANGUAGE = "en"


@dataclass(frozen=True)
class DraftSentence:
    """A summary sentence and where it is: ``text == source_text[start:end]`` of the
    source at ``source_url`` when ``verbatim``; otherwise (a model's sentence) the span
    is the passage that supports it, or None when none does."""

    text: str
    source_url: str | None
    start: int | None
    end: int | None
    verbatim: bool = True

    def as_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "source_url": self.source_url,
            "start": self.start,
            "end": self.end,
            "verbatim": self.verbatim,
        }


@dataclass(frozen=True)
class ExtractiveSummary:
    sentences: tuple[DraftSentence, ...]
    language: str

    @property
    def text(self) -> str:
        return " ".join(sentence.text for sentence in self.sentences)


MentionFinder = Callable[[str], Sequence[object]]


def drafting_sources(sources: Sequence[SourceText]) -> list[SourceText]:
    """The sources a summary is drawn from: those in the report's language if any."""
    usable = [source for source in sources if source.text.strip()]
    in_report_language = [source for source in usable if source.lang == REPORT_LANGUAGE]
    return in_report_language or usable


def scored_sentences(
    sources: Sequence[SourceText], event_title: str, find_mentions: MentionFinder
) -> list[ScoredSentence]:
    """Every sentence of ``sources`` with its score (sources indexed as given)."""
    scored: list[ScoredSentence] = []
    for number, source in enumerate(sources):
        sentences = split_sentences(source.text, source.lang)
        starts = [getattr(mention, "start", 0) for mention in find_mentions(source.text)]
        titles = [title for title in (event_title, source.title) if title]
        scored.extend(score_sentences(number, sentences, titles, starts))
    return scored


def choose(scored: Sequence[ScoredSentence]) -> list[ScoredSentence]:
    """Greedy maximal marginal relevance up to the target length, in source order."""
    pool = [item for item in scored if item.score > 0]
    chosen: list[ScoredSentence] = []
    words = 0
    while pool and len(chosen) < MAX_SENTENCES:
        if words >= TARGET_WORDS and len(chosen) >= MIN_SENTENCES:
            break
        best, value = None, 0.0
        for item in pool:
            overlap = max((cosine(item.words, c.words) for c in chosen), default=0.0)
            if overlap >= DUPLICATE:
                continue
            adjusted = item.score * (1.0 - overlap)
            if best is None or adjusted > value:
                best, value = item, adjusted
        if best is None:
            break
        chosen.append(best)
        pool.remove(best)
        words += len(best.sentence.text.split())
    return sorted(chosen, key=lambda item: (item.source, item.sentence.start))


def extractive_summary(
    sources: Sequence[SourceText], event_title: str, find_mentions: MentionFinder
) -> ExtractiveSummary:
    """The summary of the event from its sources (empty when they hold no text)."""
    used = drafting_sources(sources)
    chosen = choose(scored_sentences(used, event_title, find_mentions))
    sentences = tuple(
        DraftSentence(
            item.sentence.text, used[item.source].url, item.sentence.start, item.sentence.end
        )
        for item in chosen
    )
    languages = {used[item.source].lang for item in chosen}
    language = languages.pop() if len(languages) == 1 else REPORT_LANGUAGE
    return ExtractiveSummary(sentences, language)


def lead_sentences(source: SourceText, count: int = 3) -> list[DraftSentence]:
    """The baseline: the source's first ``count`` sentences."""
    return [
        DraftSentence(sentence.text, source.url, sentence.start, sentence.end)
        for sentence in split_sentences(source.text, source.lang)[:count]
    ]
