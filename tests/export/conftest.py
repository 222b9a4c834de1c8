"""An export of the site tests' world: the sample report, published events citing
pages on 127.0.0.1 (archived), and unpublished things that must stay out."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from binational.export.service import FORMATS, export_open_data

# The same world as the site's tests (their conftest, loaded by path: the tests are
# not a package); its fixtures become this directory's.
_spec = importlib.util.spec_from_file_location(
    "site_world_fixtures", Path(__file__).parent.parent / "site" / "conftest.py"
)
_world = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_world)
origin = _world.origin
site_world = _world.site_world
registry = _world.registry
unpublished_titles = _world.unpublished_titles


@pytest.fixture(scope="session")
def exported(site_world, registry, tmp_path_factory) -> Path:
    settings, database = site_world
    out = tmp_path_factory.mktemp("export")
    export_open_data(database, registry, set(FORMATS), out, "Center for Binational Institutions")
    return out
