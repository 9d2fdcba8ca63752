# The two commands the README opens with: `make demo` and `make test`.
# Each creates the environment (.venv) if it is missing.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench setup browser java clean web-assets system-deps postgres

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: system-deps $(STAMP) web-assets

web-assets:
	sh scripts/install-web-assets.sh

# Pango for WeasyPrint's PDF packs, installed if missing.
system-deps:
	sh scripts/install-system-deps.sh

# The public reference data (councils, DfE figures, Ofsted history, the map): from the official downloads when they
# lie beside the checkout, else from the bundle shipped in the package (src/lineofsight/reference/data).
REFERENCE := $(wildcard ../shared/reference)

demo: setup
	$(BIN)/lineofsight demo $(if $(REFERENCE),--reference $(REFERENCE))

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

test: setup browser java postgres lint
	$(BIN)/pytest -n 2 --dist loadfile -q

# Debian's chromium for the browser tests, installed if missing.
browser:
	sh scripts/install-browser.sh

# PostgreSQL for the tests that run on the shared store too, installed and started if missing.
postgres:
	sh scripts/start-postgres.sh

# Java for the Spark tests, installed if missing.
java:
	sh scripts/install-java.sh

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
