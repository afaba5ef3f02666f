# Two commands: `make demo` and `make test`. Both install what they need.
SHELL := /bin/bash
VENV ?= .venv
ifdef VIRTUAL_ENV
PY := python
else
PY := $(VENV)/bin/python
endif
DEMO_DB ?= out/demo.duckdb

.PHONY: demo test install install-test lint bench fuzz clean

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
	$(PY) -m multivector run examples/corpus --db $(DEMO_DB)
	$(PY) -m multivector stats --db $(DEMO_DB)
	$(PY) -m multivector events --db $(DEMO_DB) --country BLR --limit 15
	$(PY) -m multivector balance --country BLR --by year --db $(DEMO_DB)
	$(PY) -m multivector report --country BLR --db $(DEMO_DB) -o out/report.html
	@echo
	@echo "Report:    $(CURDIR)/out/report.html  (open it in a browser; works offline)"
	@echo "Database:  $(CURDIR)/$(DEMO_DB)"
	@echo "Dashboard: $(PY) -m multivector serve --db $(DEMO_DB)   then open http://127.0.0.1:8000/"

test: install-test
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m mypy
	$(PY) -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then echo 'pytest collected no tests' >&2; exit 1; fi; exit $$rc

bench: install-test
	$(PY) benchmarks/coding_bench.py
	$(PY) benchmarks/store_bench.py
	$(PY) benchmarks/web_bench.py --events 100000 --repeat 3

# Property-based fuzzing of readers, cleaner, coder and CLI (10,000+ cases; the CI profile runs ~100).
fuzz: install-test
	MULTIVECTOR_FUZZ_PROFILE=fuzz $(PY) -m pytest -q -s -p no:cacheprovider tests/test_fuzz.py

clean:
	rm -rf out build dist .pytest_cache .ruff_cache src/*.egg-info
