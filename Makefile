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

# What a municipality runs is vpl installed from its wheel, not the checkout's editable
# install, whose path finder every Python process imports at start (a tenth of `vpl set`):
# the timed `vpl` and its floors run on a venv of their own with vpl installed in it, by
# today's pip, as a new install gets it (an old pip's `vpl` script imports `re` first).
BENCH_VENV := $(VENV)/bench

bench: $(INSTALLED_TEST)
	rm -rf $(BENCH_VENV)
	$(BIN)/python -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet .
	$(BIN)/python benchmarks/run.py --python $(BENCH_VENV)/bin/python

# The import contracts (pyproject.toml, [tool.importlinter]) are checked on an installed copy:
# db/, screens/ and seed/ become vpl_tui.db, .screens and .seed only when installed, and the
# editable install maps them by a finder that import-linter does not follow (it also reads the
# current folder first, hence the cd).
LINT_TREE := $(VENV)/lint-tree

lint: $(INSTALLED_TEST)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	rm -rf $(LINT_TREE)
	$(BIN)/python -m pip install --quiet --no-deps --no-compile --target $(LINT_TREE) .
	cd $(LINT_TREE) && $(CURDIR)/$(BIN)/lint-imports --no-logo --no-cache $(CURDIR)/pyproject.toml

format: $(INSTALLED_TEST)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) build *.egg-info
