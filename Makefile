# The README's commands.  Everything a fresh machine needs is installed here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= demo.db
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench clean install

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DB)
	$(BIN)/alliancegraph --db $(DB) ingest examples/corpus
	$(BIN)/alliancegraph --db $(DB) summary
	$(BIN)/alliancegraph --db $(DB) ties al-Qaeda

test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/extract.py

lock:
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --generate-hashes --extra dev --strip-extras --allow-unsafe \
	    --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
