# One command each for a new user: `make demo` (set up, load the seed, query, rank) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SEED ?= ../shared/seeds/000_626d997fe0474499.txt
STORE ?= .polgraph/demo.db

.PHONY: setup demo test clean

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

setup: $(BIN)/polgraph $(CYPHER_LINT)

demo: $(BIN)/polgraph
	$(BIN)/polgraph load --store $(STORE) $(SEED)
	$(BIN)/polgraph relations --store $(STORE)
	$(BIN)/polgraph query actor_timeline --param name="Alexander Lukashenko" --store $(STORE)
	$(BIN)/polgraph centrality --store $(STORE) --top 10

test: setup
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .polgraph .pytest_cache tools/cypher-lint/node_modules
