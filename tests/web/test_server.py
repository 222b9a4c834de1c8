"""web/server.py: a serving process compiles its templates before its first request,
sets its start-up heap aside from the cyclic garbage collector, and still collects
what its requests leave behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys

CHILD = """
import gc, json, weakref
from binational.config import load_settings
from binational.store.database import Database
from binational.web.app import create_app
from binational.web.server import served

settings = load_settings()
before = gc.get_freeze_count()
app = create_app(settings, Database.open(settings.db))
templates = app.state.web.templates
pages = templates.list_templates(extensions=["html"])
compiled_before = len(templates.cache)  # Jinja keeps each template it compiled
served(app)
frozen = gc.get_freeze_count()
compiled = len(templates.cache)

class Node:
    pass

node = Node()
node.self = node  # a cycle, as a request's leftovers may hold
alive = weakref.ref(node)
del node
gc.collect()
print(json.dumps({"before": before, "frozen": frozen, "cycle_freed": alive() is None,
                  "pages": len(pages), "compiled_before": compiled_before,
                  "compiled": compiled}))
"""


def test_a_served_app_compiles_its_templates_freezes_its_heap_and_still_collects(tmp_path):
    environment = {**os.environ, "BINATIONAL_DB": str(tmp_path / "served.db")}
    run = subprocess.run([sys.executable, "-c", CHILD], env=environment, capture_output=True,
                         text=True, timeout=120, check=True)  # fmt: skip
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert found["before"] == 0
    assert found["frozen"] > 50_000  # the app, its templates, the registry, the libraries
    assert found["cycle_freed"]
    assert found["pages"] > 15 and found["compiled_before"] == 0
    assert found["compiled"] == found["pages"]
