"""The prompt: instructions, the event's material, the closest published entries."""

from __future__ import annotations

import datetime as dt

import pytest

from binational.domain import PartialDate
from binational.drafting.facts import Evidence, Fact
from binational.drafting.inputs import EventFields, PastEvent, SourceText
from binational.drafting.prompt import MAX_SOURCE_CHARS, build_messages, choose_examples

EVENT = EventFields(50, "HLED midterm review", PartialDate.day(2023, 4, 18), ("hled", "se"),
                    ("trade",))  # fmt: skip


def published(event_id, links=(), topics=(), day="2023-01-01", status="published"):
    day = dt.date.fromisoformat(day)
    summary, implications = f"Summary {event_id}.", f"Implications {event_id}."
    return PastEvent(event_id, day, f"Event {event_id}", frozenset(links), frozenset(topics),
                     status, summary, implications)  # fmt: skip


@pytest.mark.parametrize(
    ("past", "chosen"),
    [
        # shared institutions count twice as much as shared topics
        ([published(1, topics=("trade",)), published(2, links=("hled",))], [2, 1]),
        # on a tie, the most recent first
        ([published(1, links=("hled",), day="2022-01-01"),
          published(2, links=("hled",), day="2022-06-01")], [2, 1]),
        # nothing in common, not published, or the event itself: not examples
        ([published(1, links=("usmca",)), published(2, links=("hled",), status="draft"),
          published(50, links=("hled",))], []),
        # three at most
        ([published(n, links=("hled",), day=f"2022-0{n}-01") for n in range(1, 6)], [5, 4, 3]),
    ],
)  # fmt: skip
def test_choose_examples(past, chosen):
    assert [example.id for example in choose_examples(EVENT, past)] == chosen


def test_messages_hold_sources_facts_and_examples():
    sources = [SourceText("https://example.org/es", "El DEAN se reunió.", "es")]
    facts = [Fact("profile", "hled", "The HLED: a dialogue.", (Evidence("institution", "hled"),))]
    system, user = build_messages(EVENT, sources, facts, [published(7, links=("hled",))],
                                  organization="Center for Border Studies")  # fmt: skip
    assert system["role"] == "system" and user["role"] == "user"
    assert "quarterly report of the Center for Border Studies" in system["content"]
    assert '{"summary": "...", "implications": "..."}' in system["content"]
    assert "even when a source is in Spanish" in system["content"]
    body = user["content"]
    assert "Event: HLED midterm review\nDate: April 18, 2023" in body
    assert "[1] https://example.org/es (language: es)\nEl DEAN se reunió." in body
    assert "- The HLED: a dialogue." in body
    assert (
        "Title: Event 7\nSummary: Summary 7.\nInstitutional Implications: Implications 7." in body
    )


def test_sources_are_cut_to_a_budget():
    sources = [SourceText(f"https://example.org/{n}", "z" * 10_000, "en") for n in range(3)]
    _, user = build_messages(EVENT, sources, [], [])
    assert user["content"].count("z") == MAX_SOURCE_CHARS
    assert "[3] https://example.org/2 (language: en)\n(text left out" in user["content"]
    assert "- (none)" in user["content"]
