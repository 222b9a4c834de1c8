"""Who is behind a request: the bearer token's user, the session's user, or
anonymous. ``deps.current_actor`` asks this for every route that declares a role;
the error pages ask it too (``page_visitor``), so that a 404 or a refusal shows the
signed-in user's header, not "Sign in"."""

from __future__ import annotations

import time

from fastapi import Request

from binational.accounts.roles import ANONYMOUS, Actor
from binational.accounts.sessions import actor_for_session
from binational.accounts.users import actor_for_token
from binational.store.database import Database
from binational.web.http.bearer import bearer_token
from binational.web.http.sessions import WebSession


def find_actor(database: Database, token: str | None, web_session: WebSession) -> Actor | None:
    """The token's user if a token was sent (None if it is not valid), else the
    session's user, else anonymous; a cookie whose session has ended is cleared."""
    with database.connect() as connection:
        if token is not None:
            return actor_for_token(connection, token)
        if web_session.token is None:
            return ANONYMOUS
        found = actor_for_session(connection, web_session.token, time.time())
    if found is None:
        web_session.sign_out()  # signed out elsewhere, run out, or the account changed
        return ANONYMOUS
    return found


def page_visitor(request: Request) -> Actor:
    """The actor for a page drawn where no route resolved one (an error page): the
    one already known, else looked up now; a bad token or no session is anonymous
    (an error page refuses nothing more)."""
    known = getattr(request.state, "actor", None)
    if known is not None:
        return known
    web_session = getattr(request.state, "session", None)
    if web_session is None:
        return ANONYMOUS
    token = bearer_token(request.headers.get("authorization"))
    actor = find_actor(request.app.state.web.database, token, web_session) or ANONYMOUS
    request.state.actor = actor
    return actor
