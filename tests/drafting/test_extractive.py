"""The extractive summary: the sentences that carry the event, with their provenance."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest
from devset import pair_source
from rouge_score import rouge_scorer

from binational.drafting.extractive import (
    MAX_SENTENCES,
    TARGET_WORDS,
    choose,
    drafting_sources,
    extractive_summary,
    lead_sentences,
    scored_sentences,
)
from binational.drafting.inputs import SourceText

RELEASES = Path(__file__).resolve().parents[1] / "fixtures" / "releases.json"


def long_release() -> str:
    """Every English release of the ingest fixtures, one after the other."""
    releases = json.loads(RELEASES.read_text(encoding="utf-8"))
    return "\n\n".join(r["text"] for r in releases if r["language"] == "en")


def test_each_sentence_reproduces_its_source_span(pairs, linker):
    for pair in pairs:
        source = pair_source(pair)
        summary = extractive_summary([source], pair["event_title"], linker.find)
        assert summary.sentences
        for sentence in summary.sentences:
            assert sentence.source_url == source.url
            assert sentence.verbatim
            assert source.text[sentence.start : sentence.end] == sentence.text
        starts = [sentence.start for sentence in summary.sentences]
        assert starts == sorted(starts)  # the source's own order


def test_the_summary_leads_with_who_met_and_where(pairs, linker):
    pair = next(p for p in pairs if p["item"] == 2)
    summary = extractive_summary([pair_source(pair)], pair["event_title"], linker.find)
    assert summary.sentences[0].text.startswith("On April 13, U.S. Homeland Security Advisor")


def test_length_stays_near_the_centers(linker):
    source = SourceText("https://example.org/long", long_release(), "en")
    assert len(source.text.split()) > 5 * TARGET_WORDS
    summary = extractive_summary([source], "North American Drug Dialogue", linker.find)
    words = len(summary.text.split())
    assert 3 <= len(summary.sentences) <= MAX_SENTENCES
    assert TARGET_WORDS <= words < TARGET_WORDS + 30


def test_a_republished_copy_adds_nothing(pairs, linker):
    pair = next(p for p in pairs if p["item"] == 9)
    original = pair_source(pair)
    copy = SourceText("https://copy.example.org/", original.text, "en")
    summary = extractive_summary([original, copy], pair["event_title"], linker.find)
    texts = [sentence.text for sentence in summary.sentences]
    assert len(texts) == len(set(texts))


def test_spanish_source_gives_a_spanish_summary(pairs, linker):
    pair = next(p for p in pairs if p["source"]["language"] == "es")
    summary = extractive_summary([pair_source(pair)], pair["event_title"], linker.find)
    assert summary.language == "es"
    assert "Dirección General de Protección Consular" in summary.text


def test_english_sources_are_preferred_over_spanish_ones(pairs):
    spanish = pair_source(next(p for p in pairs if p["source"]["language"] == "es"))
    english = pair_source(next(p for p in pairs if p["source"]["language"] == "en"))
    empty = SourceText("https://example.org/empty", "  \n", "en")
    assert drafting_sources([spanish, english, empty]) == [english]
    assert drafting_sources([spanish, empty]) == [spanish]


def test_no_text_gives_an_empty_summary(linker):
    summary = extractive_summary([SourceText("https://example.org/", "", "en")], "T", linker.find)
    assert summary.sentences == () and summary.text == ""


def test_boilerplate_is_never_chosen(linker):
    text = (
        "The two secretaries met in Mexico City on May 2 and signed a water agreement. "
        "For more information, visit https://www.gob.mx/sre today."
    )
    scored = scored_sentences(
        [SourceText("https://example.org/", text, "en")], "Water", linker.find
    )
    assert [item.sentence.text for item in choose(scored)] == [scored[0].sentence.text]


def test_lead_baseline_is_the_first_sentences(pairs):
    source = pair_source(pairs[0])
    lead = lead_sentences(source, 3)
    assert len(lead) == 3 and lead[0].start == 0
    assert all(source.text[s.start : s.end] == s.text for s in lead)


@pytest.mark.parametrize("measure", ["rougeL"])
def test_beats_lead_three_on_the_development_set(pairs, linker, measure):
    """The issue's bar: mean ROUGE-L F1 against the center's summaries, above lead-3's."""
    scorer = rouge_scorer.RougeScorer([measure], use_stemmer=True)
    ours, lead = [], []
    for pair in pairs:
        source = pair_source(pair)
        summary = extractive_summary([source], pair["event_title"], linker.find)
        baseline = " ".join(s.text for s in lead_sentences(source, 3))
        ours.append(scorer.score(pair["center_summary"], summary.text)[measure].fmeasure)
        lead.append(scorer.score(pair["center_summary"], baseline)[measure].fmeasure)
    assert statistics.mean(ours) > statistics.mean(lead)
