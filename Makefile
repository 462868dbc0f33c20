# The two set-up commands:
#   make run   installs into .venv and opens the review app on the sample articles
#   make test  installs into .venv and runs the linter and the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= $(CURDIR)/.demo-store

.PHONY: run test lint install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/tagger --db "$(DEMO_DB)" import sample_articles || true
	$(BIN)/tagger --db "$(DEMO_DB)" review

lint: $(STAMP)
	$(BIN)/ruff check tagger tests bench

test: $(STAMP) lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .demo-store .pytest_cache .ruff_cache
