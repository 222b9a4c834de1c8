"""The implications paragraph, composed from the facts and from nothing else.

The paragraph speaks in the center's register (third person, present tense, "the
event", the institution's full name first and its acronym after) but it asserts only
what a fact states: every clause is made from one fact's values, and the paragraph
records which, as ``clauses`` (spans into the text with the index of their fact), so
each clause can be traced to its evidence. Connecting words ("; ", ". ") belong to no
fact and assert nothing.

The first institution the event is linked to gets every fact; the others get what
they are and what their history says, not their lead agencies, so the paragraph stays
near the length the center writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from binational.drafting.facts import Fact, count_words

HISTORY_KINDS = ("first_event", "gap", "cadence_kept", "mechanism_use")


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    fact: int  # index into the facts

    def as_json(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end, "fact": self.fact}


@dataclass(frozen=True)
class Paragraph:
    text: str
    clauses: tuple[Clause, ...]


class _Writer:
    """Text pieces, each with the fact it states (None for connecting words)."""

    def __init__(self) -> None:
        self.pieces: list[tuple[str, int | None]] = []

    def say(self, text: str, fact: int | None = None) -> None:
        self.pieces.append((text, fact))

    def paragraph(self) -> Paragraph:
        text, clauses, cursor = [], [], 0
        for piece, fact in self.pieces:
            if fact is not None:
                clauses.append(Clause(cursor, cursor + len(piece), fact))
            text.append(piece)
            cursor += len(piece)
        return Paragraph("".join(text), tuple(clauses))


def compose(facts: Sequence[Fact], subjects: Sequence[str]) -> Paragraph:
    """The paragraph for ``facts``; ``subjects`` are the linked institutions in order."""
    writer = _Writer()
    index = {id(fact): number for number, fact in enumerate(facts)}
    for position, subject in enumerate(subjects):
        about = {fact.kind: fact for fact in facts if fact.subject == subject}
        if "profile" not in about:
            continue
        _institution(writer, about, index, primary=position == 0)
    for fact in facts:
        if fact.kind in ("proposed_addition", "announced_known"):
            _announcement(writer, fact, index[id(fact)])
    return writer.paragraph()


def _institution(writer: _Writer, about: dict[str, Fact], index: dict[int, int],
                 primary: bool) -> None:  # fmt: skip
    if writer.pieces:
        writer.say(" ")
    profile = about["profile"]
    opening = "The event concerns" if primary else "It also concerns"
    writer.say(f"{opening} {profile.values['name']}, {profile.values['said']}", index[id(profile)])
    if status := about.get("status"):
        writer.say("; it was ")
        writer.say(status.values["changes"], index[id(status)])
    writer.say(".")
    if primary and (leads := about.get("lead_agencies")):
        writer.say(" ")
        writer.say(f"It is led {leads.values['leads']}", index[id(leads)])
        writer.say(".")
    activity, last = about.get("activity"), about.get("last_event")
    if activity and last:
        count = activity.values["count"]
        writer.say(" ")
        writer.say(
            f"The record holds {count_words(count)} earlier event{'s' if count != 1 else ''} "
            "of it in the preceding twelve months",
            index[id(activity)],
        )
        writer.say(": " if count == 1 else ", the latest ")
        writer.say(f"“{last.values['title']}” on {last.values['date']}", index[id(last)])
        writer.say(".")
    elif last and "gap" not in about:
        writer.say(" ")
        writer.say(last.text, index[id(last)])
    for kind in HISTORY_KINDS:
        if fact := about.get(kind):
            writer.say(" ")
            writer.say(fact.text, index[id(fact)])


def _announcement(writer: _Writer, fact: Fact, number: int) -> None:
    if writer.pieces:
        writer.say(" ")
    said = fact.values["said"]
    if fact.kind == "proposed_addition":
        writer.say(
            f"The release also announces {said}, which the registry does not yet hold", number
        )
    else:
        writer.say(f"The release announces {said}, apparently the registry's {fact.values['name']}",
                   number)  # fmt: skip
    writer.say(".")
