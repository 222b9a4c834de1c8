"""Running the app under uvicorn: one process, or several workers that each build
the app from the environment (``binational serve`` passes the database and the
session key to them through ``BINATIONAL_*`` variables)."""

from __future__ import annotations

import gc

from fastapi import FastAPI

from binational.config import load_settings
from binational.store.database import Database
from binational.web.app import create_app
from binational.web.rendering import compile_templates


def app_from_environment() -> FastAPI:
    """The uvicorn factory for worker processes."""
    settings = load_settings()
    return served(create_app(settings, Database.open(settings.db, lock_wait=settings.lock_wait)))


def served(app: FastAPI) -> FastAPI:
    """``app`` made ready to serve: its templates compiled (no first visitor waits
    for one), then what the process holds by now (the app, its templates, the
    registry, the libraries) set aside from the cyclic garbage collector
    (``gc.freeze``): these live as long as the server, and without this every full
    collection walks them again, a pause of tens of milliseconds in the middle of
    some request. Only for a serving process: a frozen object that later becomes
    cyclic garbage is never freed."""
    compile_templates(app.state.web.templates)
    gc.collect()
    gc.freeze()
    return app
