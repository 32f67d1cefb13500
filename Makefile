# Two commands on a fresh machine: `make run` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
ARCHIVE ?= build/fixture-archive

.PHONY: setup run test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,notebooks,export,review]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/transprov credits fixtures/articles
	$(BIN)/transprov build fixtures/corpus --archive $(ARCHIVE)
	$(BIN)/transprov metrics $(ARCHIVE)

test: setup
	$(BIN)/python -m pytest -q -n 2

bench: setup
	$(BIN)/python benchmarks/align_quality.py

clean:
	rm -rf $(VENV) build .pytest_cache
