# Two entry points: `make demo` and `make test`. Both build .venv from scratch if needed.
# The environment is the tested set: requirements.lock pins every dependency (and the test
# extra) to an exact version with its hashes; `make lock` regenerates it from .venv.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean eval lock

$(STAMP): pyproject.toml requirements.lock
	$(PY) -m venv $(VENV)
	# pip 23.2 (what venv brings here) rejects a hashed lock whose packages ask for extras
	# (weasel -> smart-open[http]); 25.3 reads the pins through the extra
	$(BIN)/python -m pip install --quiet pip==25.3
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# pip-tools in a throwaway venv, from the versions installed in $(VENV) (pip freeze)
lock:
	$(PY) -m venv /tmp/gaiko-pip-tools && /tmp/gaiko-pip-tools/bin/pip install --quiet pip-tools==7.6.2
	$(BIN)/pip freeze --exclude-editable > requirements.in
	/tmp/gaiko-pip-tools/bin/pip-compile --generate-hashes --allow-unsafe --strip-extras --no-annotate \
	  --no-emit-find-links --no-emit-index-url --no-emit-trusted-host -o requirements.lock requirements.in
	rm requirements.in

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
	$(BIN)/gaiko eval --gold ../shared/gold/news.jsonl ../shared/corpus/news
	$(BIN)/gaiko eval --gold ../shared/gold/news-check.jsonl ../shared/corpus/news-check
	$(BIN)/gaiko eval --gold tests/data/synthetic/gold.jsonl tests/data/synthetic/corpus
	$(BIN)/gaiko eval --gold tests/data/synthetic_g/gold.jsonl tests/data/synthetic_g/corpus
	$(BIN)/gaiko eval --gold tests/data/synthetic_h/gold.jsonl tests/data/synthetic_h/corpus
	$(BIN)/gaiko eval --gold tests/data/synthetic_i/gold.jsonl tests/data/synthetic_i/corpus
	$(BIN)/gaiko eval --gold tests/data/synthetic_j/gold.jsonl tests/data/synthetic_j/corpus

clean:
	rm -rf $(VENV) demo.duckdb
