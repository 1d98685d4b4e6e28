# TiP Trainer — `make run` opens the app, `make test` runs every check headless.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Interface languages besides English (the source language); add one here to start a translation.
LANGS ?= fr
TS := $(LANGS:%=assets/translations/tip_trainer_%.ts)
QM := $(TS:.ts=.qm)
UI_SOURCES := $(shell find trainer/ui trainer/certificates -name '*.py' 2>/dev/null)

.PHONY: run test lint typecheck pytest bench translations clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,dev]'
	touch $(STAMP)

# Compiled translations are committed; rebuilt only when a .ts changes.
assets/translations/%.qm: assets/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

run: $(STAMP) $(QM)
	$(BIN)/python main.py

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check trainer tests bench main.py

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q --cov=trainer.quiz --cov-report=term --cov-fail-under=100

bench: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# Refresh the .ts sources from the code (new strings appear as unfinished), then compile.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $(UI_SOURCES) -ts $(TS)
	for ts in $(TS); do $(BIN)/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm; done

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
