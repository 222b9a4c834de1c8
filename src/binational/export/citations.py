"""The events' sources as citations: CSL-JSON (Zotero, citeproc, pandoc) and RIS
(reference managers). One item per cited address, titled by the page's title when
known, issued on the event's date, accessed when the archived copy was retrieved.
Pure: files as bytes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from binational.export.tables import OpenData


@dataclass(frozen=True)
class Citation:
    key: str
    url: str
    title: str
    issued: str  # the event's date as known: YYYY-MM-DD, YYYY-MM or YYYY-Qn
    accessed: str | None  # YYYY-MM-DD
    publisher: str
    note: str


def citation_inputs(data: OpenData) -> tuple[list[tuple], Sequence[dict[str, Any]]]:
    """What the citations are made from (each event's id, title and date, and the
    sources): an edited summary leaves them as they are."""
    events = [(row["id"], row["title"], row["date"]) for row in data.table("events")]
    return events, data.table("event_sources")


def citations(data: OpenData) -> list[Citation]:
    """One citation per address, from the first event that cites it."""
    events = {row["id"]: row for row in data.table("events")}
    seen: dict[str, Citation] = {}
    for source in data.table("event_sources"):
        if source["url"] in seen:
            continue
        event = events[source["event_id"]]
        title = source["title"] if source["title"] and source["title"] != "Link" else event["title"]
        seen[source["url"]] = Citation(
            key=f"event{event['id']}-{len(seen) + 1}", url=source["url"], title=title,
            issued=event["date"],
            accessed=source["archived_at"][:10] if source["archived_at"] else None,
            publisher=urlsplit(source["url"]).netloc, note=f"Cited by: {event['title']}",
        )  # fmt: skip
    return list(seen.values())


def _date_parts(text: str) -> list[int]:
    """'2023-05-12' → [2023, 5, 12]; '2023-Q2' → [2023] (CSL has no quarters)."""
    parts = text.split("-")
    if len(parts) > 1 and parts[1].upper().startswith("Q"):
        return [int(parts[0])]
    return [int(part) for part in parts]


def csl_json(items: Sequence[Citation]) -> bytes:
    records: list[dict[str, Any]] = []
    for item in items:
        record: dict[str, Any] = {
            "id": item.key, "type": "webpage", "title": item.title, "URL": item.url,
            "publisher": item.publisher, "container-title": item.publisher,
            "issued": {"date-parts": [_date_parts(item.issued)]}, "note": item.note,
        }  # fmt: skip
        if item.accessed:
            record["accessed"] = {"date-parts": [_date_parts(item.accessed)]}
        records.append(record)
    return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _ris_line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}"


def ris(items: Sequence[Citation]) -> bytes:
    lines: list[str] = []
    for item in items:
        year = item.issued[:4]
        lines += [
            _ris_line("TY", "ELEC"), _ris_line("ID", item.key), _ris_line("TI", item.title),
            _ris_line("UR", item.url), _ris_line("PY", year), _ris_line("PB", item.publisher),
            _ris_line("N1", item.note),
        ]  # fmt: skip
        if item.accessed:
            lines.append(_ris_line("Y2", item.accessed.replace("-", "/")))
        lines.append("ER  - ")
        lines.append("")
    return "\r\n".join(lines).encode("utf-8")
