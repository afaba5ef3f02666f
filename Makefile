# Two commands: `make demo` and `make test`. Both install what they need.
SHELL := /bin/bash
VENV ?= .venv
ifdef VIRTUAL_ENV
PY := python
else
PY := $(VENV)/bin/python
endif
DEMO_DB ?= out/demo.duckdb

.PHONY: demo test install install-test lint bench clean

$(VENV)/bin/python:
	@if [ -z "$$VIRTUAL_ENV" ]; then python3 -m venv $(VENV); fi

install: $(if $(VIRTUAL_ENV),,$(VENV)/bin/python)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[all]"

install-test: $(if $(VIRTUAL_ENV),,$(VENV)/bin/python)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	@# Browser tests drive Debian's chromium (Playwright cannot download its own browser here).
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "warning: could not install chromium; browser tests will be skipped" >&2; fi

demo: install
	@mkdir -p out
	@rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(PY) -m multivector ingest examples/corpus --db $(DEMO_DB)
	$(PY) -m multivector stats --db $(DEMO_DB)

test: install-test
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then echo 'pytest collected no tests' >&2; exit 1; fi; exit $$rc

bench: install-test
	$(PY) benchmarks/run.py

clean:
	rm -rf out build dist .pytest_cache .ruff_cache src/*.egg-info
