# One command each for a new user: `make demo` (set up, load the seed, query, rank) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SEED ?= ../shared/seeds/000_626d997fe0474499.txt
STORE ?= .polgraph/demo.db

.PHONY: setup demo test screenshot analysis clean

$(BIN)/polgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/polgraph

# Neo4j's Cypher front end (npm), with which the tests check every statement polgraph sends.
CYPHER_LINT := tools/cypher-lint/node_modules/.package-lock.json
$(CYPHER_LINT): tools/cypher-lint/package.json tools/cypher-lint/package-lock.json
	npm ci --prefix tools/cypher-lint --no-audit --no-fund --loglevel=error
	touch $(CYPHER_LINT)

# Debian's Chromium, in which the tests open the pages `polgraph view` writes. Installed where
# apt-get runs as root; elsewhere those tests skip, saying how to install it.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			chromium fonts-liberation >/dev/null; \
	else \
		echo "chromium is not installed and apt-get cannot run as root here: the browser tests" \
			"will skip (install it: sudo apt-get install chromium)"; \
	fi

setup: $(BIN)/polgraph $(CYPHER_LINT) $(CHROMIUM)

demo: $(BIN)/polgraph
	$(BIN)/polgraph load --store $(STORE) $(SEED)
	$(BIN)/polgraph relations --store $(STORE)
	$(BIN)/polgraph query actor_timeline --param name="Alexander Lukashenko" --store $(STORE)
	$(BIN)/polgraph centrality --store $(STORE) --top 10

test: setup
	$(BIN)/python -m pytest -q

# The README's picture: the seed article's graph as `polgraph view` draws it, shot in headless Chromium.
SHOT_STORE := .polgraph/screenshot.db
screenshot: $(BIN)/polgraph $(CHROMIUM)
	rm -f $(SHOT_STORE)
	$(BIN)/polgraph load --store $(SHOT_STORE) $(SEED)
	$(BIN)/polgraph view --store $(SHOT_STORE) -o .polgraph/screenshot.html
	$(BIN)/python -m tools.browser .polgraph/screenshot.html docs/img/view.png

# The worked example (docs/analysis.md): every command it shows run on the Wikinews corpus, with
# what it printed; tests/test_analysis.py fails when the page and the code disagree.
analysis: $(BIN)/polgraph
	$(BIN)/python -m tools.analysis docs/analysis.md

clean:
	rm -rf $(VENV) .polgraph .pytest_cache tools/cypher-lint/node_modules
