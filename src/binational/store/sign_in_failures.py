"""Failed sign-ins in the database: the queries behind ``accounts.throttle``.

Kept in the database rather than in a server's memory so that the limit holds across
server processes and ``binational users unlock`` (another process) can lift it.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from binational.store.account_models import SignInFailure


def failure_times(session: Session, kind: str, key: str, since: float) -> list[float]:
    """When ``key`` failed after ``since`` (Unix seconds), oldest first."""
    return list(
        session.scalars(
            select(SignInFailure.failed_at)
            .where(
                SignInFailure.kind == kind,
                SignInFailure.key == key,
                SignInFailure.failed_at > since,
            )  # fmt: skip
            .order_by(SignInFailure.failed_at)
        )
    )


def add_failure(session: Session, kind: str, key: str, at: float) -> None:
    session.add(SignInFailure(kind=kind, key=key, failed_at=at))
    session.flush()


def forget_failures(session: Session, kind: str, key: str) -> int:
    """Delete the failures of ``key``; how many there were."""
    return session.execute(
        delete(SignInFailure).where(SignInFailure.kind == kind, SignInFailure.key == key)
    ).rowcount  # fmt: skip


def forget_failures_before(session: Session, before: float) -> int:
    return session.execute(delete(SignInFailure).where(SignInFailure.failed_at <= before)).rowcount
