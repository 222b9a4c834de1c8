"""Running the app under uvicorn: one process, or several workers that each build
the app from the environment (``binational serve`` passes the database and the
session key to them through ``BINATIONAL_*`` variables)."""

from __future__ import annotations

from fastapi import FastAPI

from binational.config import load_settings
from binational.store.database import Database
from binational.web.app import create_app


def app_from_environment() -> FastAPI:
    """The uvicorn factory for worker processes."""
    settings = load_settings()
    return create_app(settings, Database.open(settings.db, lock_wait=settings.lock_wait))
