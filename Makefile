# TiP Trainer — `make run` opens the app, `make test` runs every check headless.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Interface languages besides English (the source language); add one here to start a translation.
LANGS ?= fr
TS := $(LANGS:%=assets/translations/tip_trainer_%.ts)
# English is the source language; its .ts holds only the plural forms ("%n file(s)" → "1 file").
TS_EN := assets/translations/tip_trainer_en.ts
QM := $(TS:.ts=.qm) $(TS_EN:.ts=.qm)
UI_SOURCES := $(shell find trainer/ui trainer/certificates -name '*.py' 2>/dev/null)

VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' trainer/__init__.py)
ARCHIVE := dist/tip-trainer-$(VERSION)-linux-x86_64.tar.gz
DIST_STAMP := $(VENV)/.dist-installed

.PHONY: run test lint typecheck pytest bench translations clean dist dist-check wheelhouse wheelhouse-check screenshots

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
	$(BIN)/ruff check trainer tests bench packaging main.py

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q --cov=trainer.quiz --cov-report=term --cov-fail-under=100

bench: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# Refresh the .ts sources from the code (new strings appear as unfinished), then compile.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $(UI_SOURCES) -ts $(TS)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none -pluralonly -source-language en \
		-target-language en $(UI_SOURCES) -ts $(TS_EN)
	for ts in $(TS) $(TS_EN); do $(BIN)/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm; done

# The self-contained Linux build (docs/install.md): dist/tip-trainer/ and its archive.
$(DIST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dist]'
	touch $(DIST_STAMP)

dist: $(DIST_STAMP) $(QM)
	rm -rf dist/tip-trainer $(ARCHIVE)
	QT_QPA_PLATFORM=offscreen $(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/tip-trainer.spec
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/linux/archive.py dist/tip-trainer $(ARCHIVE)

# Runs the built program from the archive in a clean environment (env -i, fresh HOME).
dist-check: dist
	packaging/linux/dist-check.sh $(ARCHIVE)

# Every wheel for Windows and Linux (Python 3.11), and the project's own, for offline installs.
wheelhouse: $(STAMP)
	$(BIN)/python packaging/wheelhouse.py --out wheelhouse

# The Linux half of the wheelhouse, installed with --no-index into a fresh virtualenv and run.
wheelhouse-check: $(STAMP)
	rm -rf build/wheelhouse-check
	$(BIN)/python packaging/wheelhouse.py --out build/wheelhouse-check --platform linux --check

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist wheelhouse

# The main screens in English and French at 100 % and 200 %, for docs/ and the README.
screenshots: $(STAMP) $(QM)
	rm -f docs/screenshots/*.png
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/screenshots.py --out docs/screenshots
