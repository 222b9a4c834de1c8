"""Fixtures of the drafting tests: the bundled registry and its linker, the
development set (real releases paired with the center's text), and the loopback
OpenAI-compatible server (``tests/fixtures/drafting/model_server.py``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from binational.registry.linker import Linker
from binational.registry.loader import Registry, load_registry

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "drafting"
sys.path.insert(0, str(FIXTURES))

from devset import load_pairs  # noqa: E402
from model_server import ModelServer  # noqa: E402


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def linker(registry) -> Linker:
    return Linker.build(registry)


@pytest.fixture(scope="session")
def pairs() -> list[dict]:
    """The development set: each pair's source release and the center's text."""
    return load_pairs()


@pytest.fixture(scope="session")
def _model_server() -> Iterator[ModelServer]:
    server = ModelServer().start()
    yield server
    server.stop()


@pytest.fixture
def model_server(_model_server) -> ModelServer:
    """The loopback model server, with no reply set and no requests logged."""
    _model_server.reset()
    return _model_server
