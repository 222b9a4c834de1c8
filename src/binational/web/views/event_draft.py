"""An event's kept draft as the edit page shows it, the source passage a sentence or
a fact points at, and drafting from the web ("Draft now" and the API).

The draft panel is plain data for the template: each summary sentence with the link
to its passage, the implications cut into the clauses of their facts (each with its
evidence's links) and the words between them, the facts themselves, the warnings;
"[unverified]" marks are split out so the page can show them as marks. Every text
stays text: the template escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import Connection

from binational.drafting.gather import text_sha256
from binational.drafting.grounding import MARK
from binational.drafting.keep import Drafter, DraftOutcome, drafting_model, keep
from binational.errors import UserError
from binational.store.draft_inputs import read_document_texts, read_event
from binational.store.drafts import StoredDraft, find_draft, latest_draft
from binational.web.context import WebContext
from binational.web.http.errors import NotFound

MARK_TEXT = MARK.strip()  # "[unverified]"
# The part of a registry entry a piece of evidence names (``drafting/facts.py``).
EVIDENCE_PARTS = ("established", "parent", "cadence", "lead_agencies", "superseded_by",
                  "status_history")  # fmt: skip


@dataclass(frozen=True)
class Piece:
    """A run of a draft's text: ``marked`` for an "[unverified]" mark."""

    text: str
    marked: bool = False


def pieces(text: str) -> list[Piece]:
    """``text`` cut at its "[unverified]" marks, each mark a piece of its own."""
    found: list[Piece] = []
    for number, part in enumerate(text.split(MARK_TEXT)):
        if number:
            found.append(Piece(MARK_TEXT, marked=True))
        if part:
            found.append(Piece(part))
    return found


def passage_href(event_id: int, draft_id: int, url: str, start: int, end: int) -> str:
    query = urlencode({"url": url, "start": start, "end": end})
    return f"/events/{event_id}/drafts/{draft_id}/passage?{query}#passage"


def evidence_link(item: dict[str, str], event_id: int, draft_id: int) -> dict[str, Any]:
    """A piece of evidence (``{kind, ref}``) as a link: an event's page, an
    institution's (at its status history for a status step), a source passage."""
    kind, ref = item["kind"], item["ref"]
    if kind == "event":
        return {"kind": kind, "id": ref, "href": f"/events/{ref}"}
    if kind == "institution":
        slug, _, part = ref.partition("#")
        part = part.split("/")[0]
        anchor = "#history-h" if part == "status_history" else ""
        return {"kind": kind, "slug": slug, "part": part if part in EVIDENCE_PARTS else "",
                "href": f"/institutions/{slug}{anchor}"}  # fmt: skip
    url, _, span = ref.rpartition("#char=")
    start, _, end = span.partition(",")
    if url and start.isdigit() and end.isdigit():
        return {"kind": "source", "href": passage_href(event_id, draft_id, url, int(start),
                                                        int(end))}  # fmt: skip
    return {"kind": "source", "href": None}


def implication_segments(text: str, clauses: list[dict], facts: list[dict],
                         links: list[list[dict]]) -> list[dict[str, Any]]:  # fmt: skip
    """The paragraph cut into its clauses (each with its fact's evidence links) and
    the connecting words between them (with none)."""
    segments: list[dict[str, Any]] = []
    cursor = 0
    for clause in sorted(clauses, key=lambda c: c["start"]):
        start, end, fact = clause["start"], clause["end"], clause["fact"]
        if start < cursor or not 0 <= fact < len(facts):
            continue
        if start > cursor:
            segments.append({"pieces": pieces(text[cursor:start]), "evidence": []})
        segments.append({"pieces": pieces(text[start:end]), "evidence": links[fact]})
        cursor = end
    if cursor < len(text):
        segments.append({"pieces": pieces(text[cursor:]), "evidence": []})
    return segments


def draft_panel(stored: StoredDraft) -> dict[str, Any]:
    """What the edit page shows of a kept draft."""
    draft, event_id = stored.draft, stored.event_id
    summary, implications = draft.get("summary", {}), draft.get("implications", {})
    sentences = []
    for sentence in summary.get("sentences", []):
        href = None
        if sentence.get("source_url") and sentence.get("start") is not None:
            href = passage_href(event_id, stored.id, sentence["source_url"], sentence["start"],
                                sentence["end"])  # fmt: skip
        sentences.append({"pieces": pieces(sentence["text"]), "href": href,
                          "verbatim": sentence.get("verbatim", True)})  # fmt: skip
    facts = implications.get("facts", [])
    links = [[evidence_link(e, event_id, stored.id) for e in f.get("evidence", [])]
             for f in facts]  # fmt: skip
    text = implications.get("text", "")
    return {
        "id": stored.id,
        "created_at": stored.created_at.isoformat(timespec="seconds"),
        "method": stored.method,
        "warnings": list(draft.get("warnings", [])),
        "flags": list(summary.get("flags", [])),
        "language": summary.get("language", "en"),
        "sentences": sentences,
        "summary_text": summary.get("text", ""),
        "implications_text": text,
        "segments": implication_segments(text, implications.get("clauses", []), facts, links),
        "facts": [{"pieces": pieces(f.get("text", "")), "evidence": links[number]}
                  for number, f in enumerate(facts)],  # fmt: skip
    }


def latest_panel(connection: Connection, event_id: int) -> dict[str, Any] | None:
    stored = latest_draft(connection, event_id)
    return draft_panel(stored) if stored is not None else None


def draft_to_use(connection: Connection, event_id: int, draft_id: int) -> StoredDraft:
    """The event's draft ``draft_id`` (whose text "Use draft" puts in the fields)."""
    stored = find_draft(connection, event_id, draft_id)
    if stored is None:
        raise NotFound(f"event {event_id} has no draft {draft_id}")
    return stored


def parse_draft_id(value: str | None) -> int | None:
    """The draft id a form or a link carries; None when there is none."""
    if not value:
        return None
    if not value.isdigit():
        raise UserError(f"{value!r} is not a draft number")
    return int(value)


def source_passage(
    connection: Connection, event_id: int, draft_id: int, url: str, start: str, end: str
) -> dict[str, Any]:
    """The text a draft's sentence or fact points into, cut around the passage; with
    ``changed`` when the text is no longer the one the draft was made from."""
    stored = draft_to_use(connection, event_id, draft_id)
    source = next((s for s in stored.sources if s.get("url") == url), None)
    if source is None:
        raise NotFound(f"draft {draft_id} has no source {url}")
    text = source.get("text") if source.get("stored") else None
    if text is None and source.get("document_id") is not None:
        text = read_document_texts(connection, [source["document_id"]]).get(source["document_id"])
    if text is None:
        raise NotFound(f"the archived text of {url} is no longer in the database")
    if not (start.isdigit() and end.isdigit()) or not 0 <= int(start) < int(end) <= len(text):
        raise UserError(f"{start!r}–{end!r} is not a passage of that source's text")
    first, last = int(start), int(end)
    return {
        "event_id": event_id, "draft_id": draft_id, "url": url,
        "title": source.get("title") or url, "stored": bool(source.get("stored")),
        "language": source.get("language") or "en",
        "changed": text_sha256(text) != source.get("sha256"),
        "before": text[:first], "passage": text[first:last], "after": text[last:],
    }  # fmt: skip


def draft_now(
    web: WebContext, event_id: int, use_model: bool | None = None, keep_it: bool = True
) -> DraftOutcome:
    """Draft the event (with the configured model unless ``use_model`` is False) and,
    with ``keep_it``, keep the draft; 'not found' for an event that does not exist.
    Runs for as long as the model takes (``llm_timeout`` at most)."""
    with web.database.connect() as connection:
        if read_event(connection, event_id) is None:
            raise NotFound(f"there is no event {event_id}")
    with drafting_model(web.settings, use_model) as model:
        drafter = Drafter(web.registry, web.annotator.find_mentions, model,
                          web.settings.organization)  # fmt: skip
        outcome = drafter.draft(web.database, event_id)
    return keep(web.database, outcome) if keep_it else outcome
