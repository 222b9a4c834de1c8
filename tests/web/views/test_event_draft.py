"""The draft panel's plain data: marks split out, evidence as links, the implications
cut into clauses and connecting words, sentences with their passage links."""

from __future__ import annotations

import datetime as dt

import pytest

from binational.errors import UserError
from binational.store.drafts import StoredDraft
from binational.web.views.event_draft import (
    Piece,
    draft_panel,
    evidence_link,
    implication_segments,
    parse_draft_id,
    passage_href,
    pieces,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Plain.", [Piece("Plain.")]),
     ("On May 3 [unverified].", [Piece("On May 3 "), Piece("[unverified]", True), Piece(".")]),
     ("[unverified]", [Piece("[unverified]", True)]),
     ("A [unverified] and B [unverified]",
      [Piece("A "), Piece("[unverified]", True), Piece(" and B "), Piece("[unverified]", True)]),
     ("", [])],
)  # fmt: skip
def test_pieces(text, expected):
    assert pieces(text) == expected
    assert "".join(piece.text for piece in expected) == text


@pytest.mark.parametrize(
    ("evidence", "link"),
    [({"kind": "event", "ref": "12"}, {"kind": "event", "id": "12", "href": "/events/12"}),
     ({"kind": "institution", "ref": "hled"},
      {"kind": "institution", "slug": "hled", "part": "", "href": "/institutions/hled"}),
     ({"kind": "institution", "ref": "hled#established"},
      {"kind": "institution", "slug": "hled", "part": "established",
       "href": "/institutions/hled"}),
     ({"kind": "institution", "ref": "hled#status_history/2"},
      {"kind": "institution", "slug": "hled", "part": "status_history",
       "href": "/institutions/hled#history-h"}),
     ({"kind": "source", "ref": "https://a.example/r?x=1#char=10,42"},
      {"kind": "source", "href": "/events/7/drafts/3/passage?url=https%3A%2F%2Fa.example%2Fr"
                                 "%3Fx%3D1&start=10&end=42#passage"}),
     ({"kind": "source", "ref": "https://a.example/r#char=x,4"}, {"kind": "source", "href": None})],
)  # fmt: skip
def test_evidence_links(evidence, link):
    assert evidence_link(evidence, 7, 3) == link


def test_implications_are_cut_into_clauses_and_connecting_words():
    text = "The event concerns X; it was suspended. It is led by Y."
    clauses = [{"start": 0, "end": 20, "fact": 0}, {"start": 29, "end": 38, "fact": 1},
               {"start": 40, "end": 55, "fact": 2}]  # fmt: skip
    links = [[{"kind": "event"}], [{"kind": "institution"}], [{"kind": "source"}]]
    segments = implication_segments(text, clauses, [{}, {}, {}], links)
    assert [("".join(p.text for p in s["pieces"]), s["evidence"]) for s in segments] == [
        ("The event concerns X", links[0]), ("; it was ", []), ("suspended", links[1]),
        (". ", []), ("It is led by Y.", links[2]),
    ]  # fmt: skip
    assert implication_segments("A model's paragraph.", [], [], []) == [
        {"pieces": [Piece("A model's paragraph.")], "evidence": []}]


def test_the_panel_of_a_kept_draft():
    draft = {
        "event_id": 7, "method": "llm:m", "warnings": ["Check the date."],
        "summary": {"text": "S1. S2 [unverified].", "language": "en", "flags": ["translated"],
                    "sentences": [
                        {"text": "S1.", "source_url": "https://a.example/", "start": 0, "end": 3,
                         "verbatim": False},
                        {"text": "S2 [unverified].", "source_url": None, "start": None,
                         "end": None, "verbatim": False}]},
        "implications": {"text": "It matters.", "clauses": [],
                         "facts": [{"kind": "profile", "text": "F.",
                                    "evidence": [{"kind": "institution", "ref": "hled"}]}]},
    }  # fmt: skip
    stored = StoredDraft(3, 7, dt.datetime(2026, 12, 1, 9, 30), "binational", "llm:m", draft, ())
    panel = draft_panel(stored)
    assert (panel["id"], panel["method"], panel["created_at"]) == (3, "llm:m",
                                                                   "2026-12-01T09:30:00")
    assert panel["warnings"] == ["Check the date."] and panel["flags"] == ["translated"]
    first, second = panel["sentences"]
    assert first["href"] == passage_href(7, 3, "https://a.example/", 0, 3)
    assert second["href"] is None and second["pieces"][1] == Piece("[unverified]", True)
    assert panel["summary_text"] == "S1. S2 [unverified]." and panel["implications_text"] == (
        "It matters.")  # fmt: skip
    assert panel["facts"] == [{"pieces": [Piece("F.")], "evidence": [
        {"kind": "institution", "slug": "hled", "part": "", "href": "/institutions/hled"}]}]


@pytest.mark.parametrize(("value", "parsed"), [(None, None), ("", None), ("12", 12)])
def test_draft_ids(value, parsed):
    assert parse_draft_id(value) == parsed


def test_a_bad_draft_id_is_one_sentence():
    with pytest.raises(UserError, match="'x1' is not a draft number"):
        parse_draft_id("x1")
