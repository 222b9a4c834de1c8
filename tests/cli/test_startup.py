"""The read commands import only what they use: no ORM, Alembic, pydantic or
publishing libraries, and no Rich where they print JSON. Each is run as a new process,
as the user runs it (``benchmarks/bench_startup.py`` times them)."""

import json
import os
import subprocess
import sys

import pytest

from binational.intake.importer import import_reports
from binational.registry.annotate import registry_annotator
from binational.store.database import Database

NEVER = ("sqlalchemy.orm", "alembic", "pydantic", "typst", "docx", "trafilatura", "numpy",
         "fastapi", "httpx", "jinja2")  # fmt: skip
WATCHED = (*NEVER, "sqlalchemy", "rich", "yaml")

# Runs the command line in this interpreter and, at exit, lists the watched modules
# it imported on the last line of stderr.
RUN_AND_LIST = f"""
import atexit, json, sys
atexit.register(lambda: print(json.dumps(sorted(m for m in {WATCHED!r} if m in sys.modules)),
                              file=sys.stderr))
sys.argv = ["binational", *sys.argv[1:]]
from binational.cli import main
main()
"""


@pytest.fixture(scope="module")
def environment(tmp_path_factory, sample_report_path):
    scratch = tmp_path_factory.mktemp("startup")
    database = Database.open(str(scratch / "demo.db"))
    import_reports(database, [sample_report_path], annotator=registry_annotator())
    database.close()
    env = {**os.environ, "BINATIONAL_DB": str(scratch / "demo.db"),
           "XDG_CACHE_HOME": str(scratch / "cache")}  # fmt: skip
    imported(env, "registry", "list", "--json")  # the registry's cache, as after a first use
    return env


def imported(env, *args):
    result = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST, *args], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    ("args", "also_without"),
    [
        (("events", "--period", "2023Q2", "--json"), {"rich", "yaml"}),
        (("events", "show", "1", "--json"), {"rich", "yaml"}),
        (("events", "--period", "2023Q2"), {"yaml"}),
        (("candidates", "--json"), {"rich", "yaml"}),
        (("registry", "list", "--json"), {"rich", "yaml", "sqlalchemy"}),
        (("registry", "show", "hled"), {"yaml", "sqlalchemy"}),
        (("settings", "--json"), {"rich", "yaml", "sqlalchemy"}),
        (("settings",), {"yaml", "sqlalchemy"}),
    ],
)
def test_read_commands_import_only_what_they_use(environment, args, also_without):
    loaded = imported(environment, *args)
    assert loaded & (set(NEVER) | also_without) == set()


def test_the_check_sees_what_a_command_imports(environment):
    """The listing above can fail: a command that renders a table loads Rich, one that
    reads the database loads SQLAlchemy."""
    assert {"rich", "sqlalchemy"} <= imported(environment, "events", "--period", "2023Q2")
