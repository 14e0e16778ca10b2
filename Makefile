# Kinerja: the two commands are `make serve` (set up, build and serve the demo site) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
HOST   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test setup setup-test browser build validate score clean bench

$(BIN)/kinerja: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(BIN)/kinerja

setup: $(BIN)/kinerja ## create .venv and install kinerja with its dependencies

serve: setup ## validate the data, build the site and serve it on http://127.0.0.1:8000
	$(BIN)/kinerja validate
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST)

build: setup ## build the static site into site/
	$(BIN)/mkdocs build --strict

validate: setup ## check the data
	$(BIN)/kinerja validate

browser: ## Debian's Chromium for the browser tests (no browser download)
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: setup browser ## run every test
	$(BIN)/python -m pytest

clean: ## remove build outputs
	rm -rf site build generated test-artifacts .kinerja-cache
