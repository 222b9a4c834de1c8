"""Does a fact's evidence point at something that exists?

Evidence resolves when the registry slug exists and has the field named after ``#``
(``hled#status_history/2`` needs a third status step), when the event id is one of
the store's, and when the source URL is one of the event's sources and the span lies
inside its text. The benchmark and the tests hold every fact to this.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Any

from binational.drafting.facts import Evidence, Fact
from binational.drafting.inputs import SourceText
from binational.drafting.profiles import cadence_of

SOURCE_REF = re.compile(r"^(?P<url>.+)#char=(?P<start>\d+),(?P<end>\d+)$")
STATUS_STEP = re.compile(r"^status_history/(?P<index>\d+)$")


def evidence_resolves(
    evidence: Evidence,
    registry: Any,
    event_ids: Collection[str],
    sources: Sequence[SourceText],
) -> bool:
    if evidence.kind == "event":
        return evidence.ref in event_ids
    if evidence.kind == "source":
        return _source_resolves(evidence.ref, sources)
    if evidence.kind == "institution":
        return _registry_resolves(evidence.ref, registry)
    return False


def unresolved_evidence(
    facts: Sequence[Fact],
    registry: Any,
    event_ids: Collection[str],
    sources: Sequence[SourceText],
) -> list[Evidence]:
    """Every piece of evidence of ``facts`` that does not resolve (none, ideally)."""
    return [
        evidence
        for fact in facts
        for evidence in fact.evidence
        if not evidence_resolves(evidence, registry, event_ids, sources)
    ]


def _source_resolves(ref: str, sources: Sequence[SourceText]) -> bool:
    match = SOURCE_REF.match(ref)
    if not match:
        return False
    start, end = int(match.group("start")), int(match.group("end"))
    return any(
        source.url == match.group("url") and 0 <= start < end <= len(source.text)
        for source in sources
    )


def _registry_resolves(ref: str, registry: Any) -> bool:
    slug, _, part = ref.partition("#")
    entry = registry.get(slug)
    if entry is None:
        return False
    if not part:
        return True
    if registry.institution(slug) is None:
        return False  # agencies are cited whole
    if step := STATUS_STEP.match(part):
        return int(step.group("index")) < len(entry.status_history)
    if part == "cadence":
        return cadence_of(entry) is not None
    if part == "lead_agencies":
        return bool(entry.lead_agencies.all())
    if part in ("established", "parent", "superseded_by"):
        return getattr(entry, part) is not None
    return False
