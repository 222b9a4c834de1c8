"""API tokens: 256 random bits behind a recognizable prefix. Only a token's SHA-256
is stored; a fast hash is enough for a secret that long, and it lets every request
find its token with one index lookup."""

from __future__ import annotations

import hashlib
import secrets

TOKEN_PREFIX = "bn_"


def new_api_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
