"""The read commands import only what they use: no SQLAlchemy (once the store's
statements are compiled into the cache), Alembic, pydantic or publishing libraries,
and no Rich where they print JSON. Each is run as a new process, as the user runs it
(``benchmarks/bench_startup.py`` times them)."""

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
    # The registry's cache and the compiled statements, as after a first use.
    assert "sqlalchemy" in imported(env, "events", "--period", "2023Q2", "--json")
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
        (("events", "--period", "2023Q2", "--json"), {"rich", "yaml", "sqlalchemy"}),
        (("events", "show", "1", "--json"), {"rich", "yaml", "sqlalchemy"}),
        (("events", "--period", "2023Q2"), {"rich", "yaml", "sqlalchemy"}),
        (("events", "show", "1"), {"rich", "yaml", "sqlalchemy"}),
        (("candidates", "--json"), {"rich", "yaml", "sqlalchemy"}),
        (("candidates",), {"rich", "yaml", "sqlalchemy"}),
        (("registry", "list"), {"rich", "yaml", "sqlalchemy"}),
        (("registry", "list", "--json"), {"rich", "yaml", "sqlalchemy"}),
        (("registry", "show", "hled"), {"rich", "yaml", "sqlalchemy"}),
        (("settings", "--json"), {"rich", "yaml", "sqlalchemy"}),
        (("settings",), {"rich", "yaml", "sqlalchemy"}),
        (("sources", "list"), {"rich", "yaml", "sqlalchemy"}),
    ],
)
def test_read_commands_import_only_what_they_use(environment, args, also_without):
    loaded = imported(environment, *args)
    assert loaded & (set(NEVER) | also_without) == set()


def test_the_check_sees_what_a_command_imports(environment, tmp_path):
    """The listing above can fail: a command that prints with Rich loads it, one that
    reads the database without the compiled statements in its cache loads SQLAlchemy
    (and writes them, so that the next one does not)."""
    assert "rich" in imported(environment, "registry", "check")
    fresh = {**environment, "XDG_CACHE_HOME": str(tmp_path / "fresh-cache")}
    assert "sqlalchemy" in imported(fresh, "events", "--period", "2023Q2")
    assert "sqlalchemy" not in imported(fresh, "events", "--period", "2023Q2")


def test_the_output_is_the_same_without_sqlalchemy(environment, tmp_path):
    """What a read command prints through the compiled statements is what it prints
    through SQLAlchemy (the first run, with an empty cache)."""
    for args in (("events", "--period", "2023Q2", "--json"), ("events", "show", "2", "--json"),
                 ("candidates", "--json"), ("events", "--period", "2023Q2")):  # fmt: skip
        fresh = {**environment, "XDG_CACHE_HOME": str(tmp_path / "-".join(args))}
        outputs = []
        for _ in range(2):
            result = subprocess.run([sys.executable, "-c", RUN_AND_LIST, *args], env=fresh,
                                    capture_output=True, text=True)  # fmt: skip
            assert result.returncode == 0, result.stderr
            loaded = json.loads(result.stderr.strip().splitlines()[-1])
            outputs.append((result.stdout, "sqlalchemy" in loaded))
        assert [through_sqlalchemy for _, through_sqlalchemy in outputs] == [True, False]
        assert outputs[0][0] == outputs[1][0] and outputs[0][0].strip()
