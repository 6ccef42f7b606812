# The README's commands.  Everything a fresh machine needs is installed here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= demo.db
STAMP  := $(VENV)/.installed
# Cytoscape.js, pinned by package-lock.json, served by the web page from here.
VENDOR := src/alliancegraph/web/static/vendor/cytoscape.min.js
# Passed to `alliancegraph serve`, e.g. make serve SERVE_ARGS="--port 8080".
SERVE_ARGS ?=

.PHONY: demo serve test browser lint bench clean install model

install: $(STAMP) $(VENDOR)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# npm ci installs exactly what package-lock.json pins (checked by integrity);
# --ignore-scripts: no package code runs at install time.  The copy is
# git-ignored, so this also puts it back after a clean.
$(VENDOR): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	mkdir -p $(dir $(VENDOR))
	cp node_modules/cytoscape/dist/cytoscape.min.js $(VENDOR)

# Debian's chromium for the browser tests (does nothing when it is there).
browser:
	bash scripts/install-browser.sh

demo: install
	rm -f $(DB)
	$(BIN)/alliancegraph --db $(DB) ingest examples/corpus
	$(BIN)/alliancegraph --db $(DB) summary
	$(BIN)/alliancegraph --db $(DB) ties al-Qaeda
	$(BIN)/alliancegraph --db $(DB) serve $(SERVE_ARGS)

# Serves $(DB), ingesting the sample corpus first when it does not exist yet.
serve: install
	test -f $(DB) || $(BIN)/alliancegraph --db $(DB) ingest examples/corpus
	$(BIN)/alliancegraph --db $(DB) serve $(SERVE_ARGS)

test: install browser
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/extract.py

# Retrains the shipped pair model (extract/learned.py) on our own annotated articles (the training
# sets and tests/data/dev2); tests/data/heldout and the dev corpus stay out of it, to measure it on
# text it never saw.
MODEL_DIR := src/alliancegraph/data/models/pairs
model: $(STAMP)
	rm -rf $(MODEL_DIR) && mkdir -p $(dir $(MODEL_DIR))
	$(BIN)/alliancegraph train-pairs -o $(MODEL_DIR) \
	    --set tests/data/articles tests/data/gold.jsonl \
	    $(foreach g,$(wildcard tests/data/train/*/gold.jsonl),--set $(dir $(g)) $(g)) \
	    $(foreach g,$(wildcard tests/data/dev2/*/gold.jsonl),--set $(dir $(g)) $(g))

lock:
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --generate-hashes --extra dev --strip-extras --allow-unsafe \
	    --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info node_modules $(dir $(VENDOR))
