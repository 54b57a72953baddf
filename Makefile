# Every target creates .venv when it is missing, so a fresh machine needs nothing but Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Stamp files record what was installed, so later runs skip pip when nothing changed.
INSTALLED := $(VENV)/.installed
INSTALLED_TEST := $(VENV)/.installed-test

.PHONY: run test bench lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(INSTALLED): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(INSTALLED_TEST): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(INSTALLED) $@

run: $(INSTALLED)
	$(BIN)/vpl

test: $(INSTALLED_TEST)
	$(BIN)/python -m pytest -n 2

bench: $(INSTALLED_TEST)
	$(BIN)/python benchmarks/run.py

lint: $(INSTALLED_TEST)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED_TEST)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) build *.egg-info
