"""Fixtures for the web tests: a real SQLite database holding the sample report's
14 events (linked to the registry), three accounts, the app, and test clients that
sign in and carry the session's CSRF token like a browser would."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient

from binational.accounts.passwords import Passwords
from binational.accounts.users import create_user
from binational.config import Settings
from binational.store.database import Database
from binational.web.app import create_app

PASSWORD = "correct horse battery"
ACCOUNTS = {"admin": "admin@example.org", "editor": "editor@example.org",
            "viewer": "viewer@example.org"}  # fmt: skip
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def fast_passwords() -> Passwords:
    """Real argon2id, with small parameters so that tests stay quick."""
    return Passwords(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def build_sample_database(path: Path, report: Path) -> None:
    from binational.intake.importer import import_reports
    from binational.registry.annotate import registry_annotator

    database = Database.open(str(path))
    import_reports(database, [report], annotator=registry_annotator())
    passwords = fast_passwords()
    with database.transaction() as session:
        for role, email in ACCOUNTS.items():
            create_user(session, passwords, email, role, PASSWORD)
    database.close()


@pytest.fixture(scope="session")
def sample_db_template(tmp_path_factory: pytest.TempPathFactory, sample_report_path: Path) -> Path:
    path = tmp_path_factory.mktemp("web-template") / "sample.db"
    build_sample_database(path, sample_report_path)
    return path


@pytest.fixture
def web_db(sample_db_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the sample database for each test."""
    path = tmp_path / "web.db"
    shutil.copyfile(sample_db_template, path)
    database = Database.open(str(path))
    yield database
    database.close()


@pytest.fixture
def make_app(web_db: Database) -> Callable[..., FastAPI]:
    def factory(**overrides: Any) -> FastAPI:
        settings = Settings(db=str(web_db.engine.url.database), secret_key="test-key", **overrides)
        return create_app(settings, web_db, passwords=fast_passwords())

    return factory


@pytest.fixture
def app(make_app: Callable[..., FastAPI]) -> FastAPI:
    return make_app()


class Browser(TestClient):
    """A TestClient that keeps cookies, signs in through the form and sends the
    session's CSRF token with forms, as a browser page would."""

    def csrf(self) -> str:
        match = CSRF_INPUT.search(self.get("/login").text)
        assert match, "the sign-in page has no CSRF field"
        return match.group(1)

    def sign_in(self, email: str, password: str = PASSWORD) -> Browser:
        response = self.post(
            "/login", data={"email": email, "password": password, "csrf_token": self.csrf()},
            follow_redirects=False,
        )  # fmt: skip
        assert response.status_code == 303, response.text
        return self

    def submit(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any):
        """POST a form with the CSRF token, not following the redirect."""
        kwargs.setdefault("follow_redirects", False)
        return self.post(url, data={**(data or {}), "csrf_token": self.csrf()}, **kwargs)


@pytest.fixture
def browser(app: FastAPI) -> Callable[[str | None], Browser]:
    """``browser("editor")`` signed in with that role; ``browser(None)`` anonymous."""

    def make(role: str | None = None) -> Browser:
        client = Browser(app)
        return client.sign_in(ACCOUNTS[role]) if role else client

    return make


def event_id_matching(database: Database, text: str) -> int:
    from sqlalchemy import select

    from binational.store.models import Event

    with database.sessions() as session:
        return session.scalars(
            select(Event.id).where(Event.title.contains(text)).order_by(Event.id)
        ).first()
