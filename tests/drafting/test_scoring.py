"""The signals that say how much a sentence tells about the event."""

from __future__ import annotations

import pytest

from binational.drafting.scoring import WEIGHTS, score_sentences, sentence_signals
from binational.drafting.sentences import Sentence, split_sentences
from binational.drafting.words import bag


def signals(text: str, index: int = 0, title: str = "", mentions=()) -> dict[str, float]:
    sentence = Sentence(text, 0, len(text), index, 0)
    return sentence_signals(sentence, bag(text), 0.0, set(bag(title)), list(mentions))


@pytest.mark.parametrize(
    ("text", "signal", "value"),
    [
        ("The ministers signed the agreement and agreed to meet.", "decision", 1.0),
        ("Los secretarios firmaron el acuerdo.", "decision", 0.5),
        ("The weather was pleasant.", "decision", 0.0),
        ("On April 13 the ministers spoke.", "date", 1.0),
        ("El 13 de abril hablaron.", "date", 1.0),
        ("The ministers spoke at length.", "date", 0.0),
        ("President Biden and Secretary Blinken spoke.", "actors", 1.0),
        ("La canciller habló.", "actors", 0.5),
        ("They met in Mexico City.", "place", 1.0),
        ("They met virtually.", "place", 0.0),
    ],
)
def test_signals(text, signal, value):
    assert signals(text)[signal] == value


def test_position_falls_with_the_index():
    assert signals("A sentence.", 0)["position"] == 1.0
    assert signals("A sentence.", 2)["position"] == 0.5


def test_title_overlap_and_registry_mentions():
    values = signals("The High-Level Economic Dialogue met.", title="Economic Dialogue review",
                     mentions=[4, 100])  # fmt: skip
    assert values["title"] == pytest.approx(2 / 3)  # economic, dialogue of 3 title words
    assert values["institutions"] == 0.5  # one mention inside the sentence


@pytest.mark.parametrize(
    "text",
    [
        "For more information, visit https://www.state.gov/ today please.",
        "Media inquiries should be sent to the press office of the department.",
        "Will the two countries meet again next year to review progress?",
    ],
)
def test_boilerplate_and_questions_score_zero(text):
    [scored] = score_sentences(0, split_sentences(text), ["Title"], [])
    assert scored.score == 0.0


def test_short_sentences_and_list_intros_are_discounted():
    text = "Both met.\nThe ministers agreed on April 13 in Washington on these measures:"
    short, intro = score_sentences(0, split_sentences(text), [], [])
    assert short.score < sum(WEIGHTS[name] * v for name, v in short.signals.items())
    assert intro.score == pytest.approx(
        0.5 * sum(WEIGHTS[name] * v for name, v in intro.signals.items())
    )
