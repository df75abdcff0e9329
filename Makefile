# PBGDPL Số — the two commands are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT
# Two workers: the machine has two cores; each worker gets its own test database.
PYTEST_ARGS ?= -n 2 --dist loadfile
# Each run of the suite uses its own settings; nothing here reads var/secret_key.
TEST_ENV := TESTING=1 SECRET_KEY=test-only-secret-key-never-used-in-production-pbgdpl-so DEBUG=0 SECURE_SSL_REDIRECT=0

.PHONY: install demo test lint format messages clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml package.json
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@if command -v npm >/dev/null 2>&1; then \
		npm install --no-audit --no-fund --silent; \
	else \
		echo "NOTICE: npm not found: the accessibility test (axe-core) will be skipped."; \
	fi
	@touch $@

demo: install
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py demo_load
	@# The background worker (article audio, search and reference index jobs) runs
	@# beside the server and stops with it.
	DEBUG=1 $(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	@echo "== test suite on SQLite =="
	env -u DATABASE_URL $(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)
	@if [ -n "$$DATABASE_URL" ]; then \
		echo "== test suite on PostgreSQL ($$DATABASE_URL) =="; \
		$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS); \
	else \
		echo "NOTICE: DATABASE_URL is not set: the PostgreSQL run was skipped."; \
	fi

lint: install
	$(VENV)/bin/ruff check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Compile the translation catalogues (needs gettext's msgfmt); the .mo files are committed.
messages: install
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) node_modules var/static
