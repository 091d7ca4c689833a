# Two entry points: `make demo` and `make test`. Both build .venv from scratch if needed.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean eval

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.duckdb
	$(BIN)/gaiko run examples/corpus --db demo.duckdb
	$(BIN)/gaiko events --db demo.duckdb --format table

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/gaiko eval --gold ../shared/gold/seeds.jsonl ../shared/corpus/seeds
	$(BIN)/gaiko eval --gold ../shared/gold/livedoor.jsonl ../shared/corpus/livedoor

clean:
	rm -rf $(VENV) demo.duckdb
