"""The recipes of docs/api.md, run as written against the live server: each Python
block under a "Recipe" heading runs in its own interpreter with BINATIONAL_URL and
BINATIONAL_TOKEN set, and must print what the recipe promises."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
RECIPE = re.compile(r"^## Recipe (\d+)[^\n]*\n(?:.*?\n)??```python\n(.*?)```", re.S | re.M)
EXTRA_CANDIDATES = 16  # accepted before the recipes run: 12 + 16 matches of "Mexico", 2 pages


def recipes() -> dict[str, str]:
    found = {number: code for number, code in RECIPE.findall(DOC.read_text(encoding="utf-8"))}
    assert set(found) == {"1", "2", "3"}, "docs/api.md has three recipes"
    return found


def run(code: str, url: str, token: str) -> str:
    env = {**os.environ, "BINATIONAL_URL": url, "BINATIONAL_TOKEN": token}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def server(seeded_db, tmp_path_factory):
    from tests.api.conftest import ApiServer

    running = ApiServer(seeded_db, tmp_path_factory.mktemp("recipes"))
    with running.client("editor") as editor:
        queue = editor.get("/api/candidates").json()["candidates"]
        for candidate in queue[:EXTRA_CANDIDATES]:
            assert editor.post(f"/api/candidates/{candidate['id']}/accept").status_code == 200
    yield running
    running.stop()


def test_recipe_1_a_quarter_in_pandas(server):
    output = run(recipes()["1"], server.url, server.tokens["viewer"])
    assert output.startswith("14 events in 2023Q2\n")
    assert "Fentanyl" in output and "sspc" in output


def test_recipe_2_search_and_pages(server):
    output = run(recipes()["2"], server.url, server.tokens["viewer"])
    total = int(output.split(" matches")[0])
    lines = output.splitlines()
    assert total > 25 and len(lines) == total + 3  # a line a match, the count, pages, 304
    assert lines[-2] == "2 pages" and lines[-1] == "unchanged since the first read"


def test_recipe_3_link_with_a_token(server):
    output = run(recipes()["3"], server.url, server.tokens["editor"])
    assert "trilateral-fentanyl-committee" in output.splitlines()[0]
    assert output.splitlines()[1] == "revisions: link"
    with server.client("viewer") as viewer:
        event_id = int(output.split()[1])
        record = viewer.get(f"/api/events/{event_id}").json()
    assert "trilateral-fentanyl-committee" in {link["slug"] for link in record["institutions"]}
    assert [r["author"] for r in record["revisions"]] == ["editor@example.org"]
