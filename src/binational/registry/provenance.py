"""Which registry facts lack a source, and which statuses were last checked too long ago.

Pure: the registry, today's date and the staleness limit come in; the problems go
out. ``binational registry validate`` prints them as warnings (errors with
``--strict``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from binational.registry.entries import Institution, Provenance
from binational.registry.loader import Registry

IssueKind = Literal["unsourced", "stale"]


@dataclass(frozen=True)
class ProvenanceIssue:
    slug: str
    field: str  # "established", "status", "status_history[2]", ...
    kind: IssueKind
    message: str

    def __str__(self) -> str:
        return f"{self.slug}, {self.field}: {self.message}"


@dataclass(frozen=True)
class ProvenanceCounts:
    sourced: int
    unconfirmed: int
    unsourced: int


def facts(institution: Institution) -> Iterator[tuple[str, Provenance | None]]:
    """Every fact of ``institution`` that needs provenance, with the one it has."""
    present = {
        "established": institution.established is not None,
        "status": True,
        "parent": institution.parent is not None,
        "cadence": institution.cadence is not None,
    }
    for name, is_present in present.items():
        if is_present:
            yield name, institution.provenance_of(name)
    for index, step in enumerate(institution.status_history):
        yield f"status_history[{index}]", step.provenance


def audit_provenance(
    registry: Registry, today: dt.date, stale_after_days: int
) -> tuple[ProvenanceIssue, ...]:
    """Facts without a source or an unconfirmed mark, and statuses checked before
    ``today - stale_after_days``."""
    limit = today - dt.timedelta(days=stale_after_days)
    issues: list[ProvenanceIssue] = []
    for institution in registry.institutions:
        for name, provenance in facts(institution):
            if provenance is None:
                issues.append(
                    ProvenanceIssue(
                        institution.slug,
                        name,
                        "unsourced",
                        "no source and not marked unconfirmed; give source and as_of, "
                        "or unconfirmed",
                    )
                )
        status = institution.provenance_of("status")
        if status is not None and status.confirmed and status.as_of < limit:
            issues.append(
                ProvenanceIssue(
                    institution.slug,
                    "status",
                    "stale",
                    f"checked on {status.as_of.isoformat()}, more than {stale_after_days} "
                    "days ago; check it again and update as_of",
                )
            )
    return tuple(issues)


def count_provenance(registry: Registry) -> ProvenanceCounts:
    """How many facts are sourced, marked unconfirmed, or have no provenance."""
    sourced = unconfirmed = unsourced = 0
    for institution in registry.institutions:
        for _, provenance in facts(institution):
            if provenance is None:
                unsourced += 1
            elif provenance.confirmed:
                sourced += 1
            else:
                unconfirmed += 1
    return ProvenanceCounts(sourced, unconfirmed, unsourced)
