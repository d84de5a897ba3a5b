# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SETUP_STAMP := $(VENV)/.setup-done
TEST_STAMP := $(VENV)/.test-deps-done

.PHONY: setup run test lint typecheck unit browser postgres pdf bench score evaluate clean

setup: $(SETUP_STAMP)

$(SETUP_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TEST_STAMP): $(SETUP_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

run: setup pdf
	$(BIN)/lumbar serve

browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

# the storage tests start a throw-away PostgreSQL cluster of their own (tests/postgres_cluster.py)
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null)

# WeasyPrint (the summary's PDF) needs Pango; the tests render the PDF to PNG with poppler-utils' pdftoppm
pdf:
	@(ldconfig -p | grep -q libpangoft2-1.0 && command -v pdftoppm >/dev/null) || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils >/dev/null)

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests $(wildcard benchmarks)
	$(BIN)/ruff format --check src tests $(wildcard benchmarks)

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

unit: $(TEST_STAMP) postgres pdf
	$(BIN)/python -m pytest

test: $(TEST_STAMP) browser postgres pdf lint typecheck
	$(BIN)/lumbar kb check
	$(BIN)/python -m pytest

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/run_all.py

score: setup
	../shared/tools/score vignettes
	../shared/tools/score questions

# The labelled sets' figures (lumbar.eval): each measure is given its file, so none depends on the folder.
evaluate: setup
	$(BIN)/python -m lumbar.eval.intake tests/cases/intake.jsonl
	$(BIN)/python -m lumbar.eval.mutation tests/cases/intake.jsonl tests/cases/intake_heldout.jsonl
	$(BIN)/python -m lumbar.eval.ask tests/cases/questions.jsonl
	$(BIN)/lumbar simulate tests/cases/simulation.yaml

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
