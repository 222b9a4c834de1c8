# make demo  - from a fresh clone: venv, install, demo database, report in out/
# make test  - every test (PostgreSQL and browser tests need .ci/run's services)
# make screenshots - every page of the web app at desktop and phone width, in screenshots/
# make test-api - the API's contract: Schemathesis and docs/api.md's recipes (in make test too)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SAMPLE := data/samples/cbi-report-2023-q2.txt

.PHONY: install demo test test-api lint bench screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/binational import $(SAMPLE)
	$(BIN)/binational report 2023Q2 --format md,txt,html,pdf,docx --out out
	@echo
	@echo "Demo database: $(CURDIR)/binational.db"
	@echo "Try: . $(VENV)/bin/activate && binational events --period 2023Q2"

test: $(STAMP)
	$(BIN)/lint-imports --no-cache
	$(BIN)/pytest -q

test-api: $(STAMP)
	$(BIN)/pytest -q tests/api

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

bench: $(STAMP)
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(BIN)/python $$script; done

screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf out binational.db binational.db-wal binational.db-shm .pytest_cache
