"""The application factory: ``create_app(settings, database)`` builds the FastAPI app
with everything it needs made here and passed along: templates, registry, taxonomy,
password hasher, sign-in throttle, search engine, session signing key, and the limits every request
meets (body size, ids in range, trusted proxies, the error page of last resort).

Middleware, outermost first: the trusted proxies' forwarded headers, the security
headers, the 500 page of last resort, the session cookie, the body-size limit; then
the routes, behind the app-wide dependencies (ids in range, CSRF)."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
import anyio.to_thread
from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from binational.accounts.passwords import Passwords
from binational.accounts.throttle import LoginThrottle
from binational.config import Settings
from binational.registry.loader import Registry, load_registry
from binational.registry.topics import Taxonomy, load_taxonomy
from binational.search import SearchEngine, open_engine, synchronize
from binational.store.database import Database
from binational.web.context import WebContext
from binational.web.http.body_limit import BodyLimitMiddleware
from binational.web.http.csrf import csrf_guard
from binational.web.http.errors import install_error_handlers
from binational.web.http.ids import ids_in_range
from binational.web.http.openapi import install_openapi
from binational.web.http.security_headers import SecurityHeadersMiddleware
from binational.web.http.sessions import SessionCodec, SessionMiddleware
from binational.web.http.unexpected import UnexpectedErrorMiddleware
from binational.web.rendering import template_environment
from binational.web.routes import (
    account,
    api,
    candidates,
    docs,
    events,
    identity,
    institutions,
    jobs,
    reports,
    scorecard,
)

STATIC = Path(__file__).parent / "static"
WORKER_THREADS = 2


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Bring the search index up to date before the first request (a new index is
    built; an existing one takes the changes since it was last used), and run at most
    a few request handlers at once per process: they are short and CPU-bound, and
    more threads only wait for each other's GIL."""
    limiter = anyio.to_thread.current_default_thread_limiter()
    limiter.total_tokens = WORKER_THREADS
    await anyio.to_thread.run_sync(synchronize, app.state.web.search)
    yield


def create_app(
    settings: Settings,
    database: Database,
    *,
    registry: Registry | None = None,
    taxonomy: Taxonomy | None = None,
    passwords: Passwords | None = None,
    throttle: LoginThrottle | None = None,
    search: SearchEngine | None = None,
) -> FastAPI:
    app = FastAPI(
        lifespan=lifespan,
        title="binational",
        summary="Events between the institutions of the United States and Mexico.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(ids_in_range), Depends(csrf_guard)],
    )
    registry = registry or load_registry()
    app.state.web = WebContext(
        settings=settings,
        database=database,
        registry=registry,
        taxonomy=taxonomy or load_taxonomy(),
        templates=template_environment(),
        passwords=passwords or Passwords(),
        throttle=throttle or LoginThrottle(),
        search=search or open_engine(database, registry, settings),
    )
    modules = (
        account, events, institutions, scorecard, candidates, reports, jobs, docs, identity, api,
    )  # fmt: skip
    for module in modules:
        app.include_router(module.router())
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    install_error_handlers(app)
    install_openapi(app, settings.public_read)
    secret = settings.secret_key or secrets.token_urlsafe(32)
    codec = SessionCodec(secret, settings.session_hours * 3600)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(SessionMiddleware, codec=codec, always_secure=settings.secure_cookies)
    app.add_middleware(UnexpectedErrorMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)
    if settings.trusted_proxies:  # by default no one's X-Forwarded-* is believed
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=list(settings.trusted_proxies))
    return app
