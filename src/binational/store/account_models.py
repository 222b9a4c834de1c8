"""ORM models of accounts: the people who sign in, the API tokens their scripts use,
their browser sessions and the failed sign-ins that limit guessing. The schema is
created by migrations ``0003_web`` and ``0006_sessions``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, DateTime, Float, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from binational.store.models import Base, utcnow


class User(Base):
    """Someone who signs in: an email, an argon2 password hash and a role."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))  # viewer | editor | admin
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    tokens: Mapped[list[ApiToken]] = relationship(
        back_populates="user", cascade="all, delete-orphan", order_by="ApiToken.id"
    )


class ApiToken(Base):
    """A bearer token for scripts; only its SHA-256 is stored (tokens are 256 random
    bits, so a fast hash is enough), the token itself is shown once."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)

    user: Mapped[User] = relationship(back_populates="tokens")


class SessionRecord(Base):
    """A signed-in browser: the SHA-256 of the random token in its cookie, and when
    it ends (Unix seconds, an integer every driver compares without conversion).
    Deleting the row ends the session."""

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[int] = mapped_column(BigInteger)


class SignInFailure(Base):
    """A failed sign-in (or a wrong current password), counted per account (``kind``
    'account', the email) and per client address (``kind`` 'address')."""

    __tablename__ = "sign_in_failures"
    __table_args__ = (Index("ix_sign_in_failures_key", "kind", "key", "failed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    key: Mapped[str] = mapped_column(String(254))
    failed_at: Mapped[float] = mapped_column(Float)  # Unix seconds
