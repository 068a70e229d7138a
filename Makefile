# One command each for a new user: `make demo` (set up, load the seed, query, rank) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SEED ?= ../shared/seeds/000_626d997fe0474499.txt
STORE ?= .polgraph/demo.json

.PHONY: setup demo test clean

$(BIN)/polgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/polgraph

setup: $(BIN)/polgraph

demo: setup
	$(BIN)/polgraph load --store $(STORE) $(SEED)
	$(BIN)/polgraph relations --store $(STORE)
	$(BIN)/polgraph centrality --store $(STORE) --top 10

test: setup
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .polgraph .pytest_cache
