# Partnership Hub — `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
PYTEST_ARGS ?=
# pytest-xdist workers for the stages that gain from them: `auto` is one per CPU core. Each
# worker has its own test database, Redis database and index prefix (hub/settings/test.py).
# TEST_WORKERS=0 runs in one process: quicker for a file or two. On SQLite every process starts
# from a copy of one migrated template in var/ (tests/support/template_db.py; README).
TEST_WORKERS ?= auto
# How xdist hands out tests: `load` sends each worker its tests in collection order, so the
# transactional tests (pytest-django runs them last; they flush the database, groups and locales
# included) stay last on every worker. `worksteal` breaks that: a worker that has run its own
# transactional tests may steal ordinary ones from the other worker and find an empty database.
TEST_DIST ?= load
XDIST := -n $(TEST_WORKERS) --dist $(TEST_DIST)

.PHONY: help install migrate demo run test lint format check messages compile-messages ci bench bench-registry clean
.PHONY: gettext messages-check test-sqlite test-postgres test-redis test-browser audit bench-load
.PHONY: lock test-install

# Python's compiled bytecode, and pytest's rewritten test modules, are kept under var/pycache
# for every command run from here, also where the environment turns bytecode off
# (PYTHONDONTWRITEBYTECODE): otherwise each test worker compiles some 2,400 modules again on
# every run (collection alone 6.5 s -> 3.3 s). The checkout stays clean (var/ is ignored).
PYTHONPYCACHEPREFIX ?= $(CURDIR)/var/pycache
export PYTHONPYCACHEPREFIX
unexport PYTHONDONTWRITEBYTECODE

# State (data dirs, logs) of the throw-away services CI starts with ops/*.sh.
OPS_STATE_DIR ?= /tmp/partnershiphub-ci
export OPS_STATE_DIR

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[1m%-18s\033[0m %s\n", $$1, $$2}'

# Exactly the locked set, every file checked against its hash (requirements/dev.txt: production's
# pins plus the test tools; build.txt: setuptools), then the project's own metadata (see
# pyproject.toml) built with that setuptools, so nothing unhashed is downloaded.
$(BIN)/.installed: requirements/dev.txt requirements/build.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
		-r requirements/dev.txt -r requirements/build.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation .
	@touch $@

install: $(BIN)/.installed ## Create .venv and install the locked dependencies (requirements/dev.txt)

# requirements/*.txt are compiled from pyproject.toml by uv, run from its own virtualenv.
# `make lock` keeps every pin that still fits the ranges; LOCK_ARGS=--upgrade takes the newest
# releases, LOCK_ARGS="--upgrade-package django" one package's. dev.txt is compiled under
# production.txt as constraints, so both files pin the same versions of what they share.
LOCK_TOOLS ?= var/lock-tools
LOCK_ARGS ?=
LOCK_PYTHON := 3.11.5
UV_COMPILE = $(LOCK_TOOLS)/bin/uv pip compile --quiet --universal --python-version $(LOCK_PYTHON) \
	--generate-hashes --custom-compile-command "make lock" $(LOCK_ARGS)

$(LOCK_TOOLS)/bin/uv: requirements/tools.txt
	@test -x $(LOCK_TOOLS)/bin/python || $(PYTHON) -m venv $(LOCK_TOOLS)
	$(LOCK_TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r requirements/tools.txt
	@touch $@

lock: $(LOCK_TOOLS)/bin/uv ## Compile requirements/*.txt (hashed) from pyproject.toml; LOCK_ARGS=--upgrade
	$(UV_COMPILE) pyproject.toml -o requirements/production.txt
	$(UV_COMPILE) pyproject.toml --extra dev -c requirements/production.txt -o requirements/dev.txt
	$(UV_COMPILE) requirements/build.in -o requirements/build.txt
	$(UV_COMPILE) requirements/tools.in -o requirements/tools.txt
	$(LOCK_TOOLS)/bin/python ops/check_lock.py

migrate: install ## Apply database migrations (SQLite by default, or DATABASE_URL)
	$(MANAGE) migrate --noinput

# Links in e-mails and printed pages use the address the site is served on.
demo run: export BASE_URL ?= http://127.0.0.1:$(PORT)

demo: migrate compile-messages ## Fresh machine → demo site on http://127.0.0.1:$(PORT)
	$(MANAGE) load_demo
	DEBUG=$${DEBUG:-false} $(MANAGE) runserver --insecure 127.0.0.1:$(PORT)

run: migrate compile-messages ## Serve the site without loading demo content
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install compile-messages ## Run the test suite on SQLite (engine, PostgreSQL and browser tests skip)
	$(BIN)/pytest $(XDIST) $(PYTEST_ARGS)

# The CSS and JavaScript linters come from npm, pinned in ops/node/package-lock.json beside the
# browser-test tools (`npm ci` there once per change of the lock; configs in ops/node/).
NODE_DIR := ops/node
NODE_BIN := $(NODE_DIR)/node_modules/.bin

$(NODE_DIR)/node_modules/.installed: $(NODE_DIR)/package.json $(NODE_DIR)/package-lock.json
	cd $(NODE_DIR) && npm ci --no-audit --no-fund --ignore-scripts --loglevel=warn
	@touch $@

lint: install $(NODE_DIR)/node_modules/.installed ## ruff, stylelint (static/css), eslint (static/js); the lock files agree with pyproject.toml
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(NODE_BIN)/stylelint --config $(NODE_DIR)/stylelint.config.mjs "static/css/**/*.css"
	$(NODE_BIN)/eslint --config $(NODE_DIR)/eslint.config.mjs static/js
	$(BIN)/python ops/check_lock.py

format: install ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install ## Django system checks and missing migrations
	DJANGO_SETTINGS_MODULE=hub.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=hub.settings.test $(MANAGE) makemigrations --check --dry-run

messages: install ## Extract translatable strings into locale/
	$(MANAGE) makemessages --all --no-obsolete --ignore=.venv --ignore=ops --ignore=tests \
		--ignore=node_modules --ignore=var --ignore=bench

# The .mo files are made from their .po files by make itself, so an up-to-date checkout does not
# start Django only to find nothing to compile; when one catalogue changes, all are rewritten.
CATALOGUES := $(wildcard locale/*/LC_MESSAGES/django.po)
compile-messages: $(CATALOGUES:.po=.mo) ## Compile the .po catalogues (pure Python: no GNU gettext needed)

$(CATALOGUES:.po=.mo) &: $(CATALOGUES) | install
	$(MANAGE) compile_catalogues --force

ci: install lint check test-install messages-check test-sqlite test-postgres test-redis test-engine test-browser test-lighthouse audit ## Everything CI runs

# --- Search engine ---------------------------------------------------------------------------
# A real 3-node OpenSearch cluster (replicas on) from ops/opensearch.sh, on 127.0.0.1; the
# engine tests run against it with their own index prefix, and it is always stopped. In one
# process (-n0): a test stops and restarts a node, which would fail another worker's requests;
# and the three JVMs already keep both cores busy (each worker has its own index prefix).
ENGINE_NODES ?= 3
.PHONY: test-engine

test-engine: install ## Search-engine tests on a real OpenSearch cluster (started, then stopped)
	@set -eu; export OPS_STATE_DIR="$(OPS_STATE_DIR)"; \
	trap 'ops/opensearch.sh stop' EXIT; trap 'exit 130' INT TERM; \
	ops/opensearch.sh start --nodes $(ENGINE_NODES) >/dev/null \
		|| { echo "test-engine: the search engine did not start" >&2; exit 1; }; \
	hosts="$$(ops/opensearch.sh url --all | sed 's#http://##g')"; \
	echo "test-engine: OpenSearch at $$hosts"; \
	SEARCH_URL="opensearch2+http://$$hosts?replicas=1" SEARCH_INDEX_PREFIX="test_engine_$$$$" \
		$(BIN)/pytest -n0 -m engine $(PYTEST_ARGS)

bench: bench-registry bench-search bench-recall bench-load bench-lighthouse bench-export bench-translation-status ## All benchmarks (in-process, search backends, real server); JSON in bench/results/

bench-registry: install ## Registry latency on SQLite at 1,000 and 10,000 projects
	$(BIN)/python bench/registry.py

.PHONY: bench-export
bench-export: install ## Registry CSV/JSON export of 100,000 projects: time and peak memory (BENCH_EXPORT_PROJECTS=20000 for less)
	$(BIN)/python bench/export.py --projects $${BENCH_EXPORT_PROJECTS:-100000}

.PHONY: bench-translation-status
bench-translation-status: install ## Translation status report at 10,000 pages × 8 languages, < 1 s (bench/results/translation_status.json)
	$(BIN)/python bench/translation_status.py

.PHONY: bench-lighthouse test-lighthouse
bench-lighthouse: install ## Lighthouse 1.00 in all four categories on the main pages, production settings
	ops/browsers.sh install
	$(BIN)/python bench/lighthouse.py

# In CI: accessibility, best practices and SEO must be 1.00; performance fails below 0.98 (a
# shared runner's CPU moves it between 0.99 and 1.00); the 1.00 target is reported either way.
test-lighthouse: install ## Lighthouse on production settings as CI runs it (performance floor 0.98)
	ops/browsers.sh install
	LIGHTHOUSE_MIN_PERFORMANCE=0.98 $(BIN)/python bench/lighthouse.py

.PHONY: bench-search
bench-search: install ## Registry latency on OpenSearch, PostgreSQL, SQLite at 100,000; indexing rate
	$(BIN)/python bench/search_backends.py

.PHONY: bench-recall
bench-recall: install ## Recall of inflected queries per language on SQLite, PostgreSQL, OpenSearch (bench/results/recall.json)
	BENCH_BACKENDS=$${BENCH_BACKENDS:-sqlite,postgres,opensearch} $(BIN)/python bench/recall.py

clean: ## Remove the virtualenv, database and generated files
	rm -rf $(VENV) db.sqlite3 var .pytest_cache .ruff_cache

# --- CI stages (`make ci` runs them in order) -------------------------------------------

gettext: ## Install GNU gettext (msgfmt, xgettext) from Debian when missing
	@command -v msgfmt >/dev/null 2>&1 || { \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -q && apt-get install -y -q --no-install-recommends gettext; }

messages-check: install gettext ## Fail on missing, untranslated or fuzzy strings in shipped languages
	$(BIN)/python ops/check_translations.py

test-sqlite: install compile-messages ## The whole suite on SQLite (browser tests run in test-browser)
	$(BIN)/pytest $(XDIST) -m "not browser" $(PYTEST_ARGS)

# tests/integration/test_postgres.py restarts the server: it runs after the others, alone (-n0),
# so that no other worker's connection is cut under it. pytest-django gives each worker its
# own test database (test_<name>_gw0, _gw1…).
PG_RESTARTS := tests/integration/test_postgres.py
test-postgres: install compile-messages ## The whole suite on a throw-away PostgreSQL (ops/postgres.sh)
	ops/with-postgres.sh env HUB_REQUIRE_POSTGRES=1 bash -c '\
		$(BIN)/pytest $(XDIST) -m "not browser" --ignore=$(PG_RESTARTS) $(PYTEST_ARGS) \
		&& $(BIN)/pytest -n0 -m "not browser" $(PG_RESTARTS) $(PYTEST_ARGS)'

# The image's install step without Docker: the production set alone, hash-checked, in a clean
# virtualenv (a temporary directory), then `check --deploy`; no test tool may be importable.
test-install: ## Production-only install in a clean virtualenv, then check --deploy with it
	PYTHON="$(PYTHON)" ops/test-install.sh

# The cache-dependent tests (marker "cache": page cache, content events, fragments, rate limits,
# two hosts sharing one Redis) on a throw-away Redis from Debian's redis-server (ops/redis.sh).
test-redis: install compile-messages ## Cache-dependent tests on a real Redis (ops/with-redis.sh)
	ops/with-redis.sh env HUB_REQUIRE_REDIS=1 $(BIN)/pytest $(XDIST) -m "cache and not browser" \
		$(PYTEST_ARGS)

# In one process (-n0): every xdist worker would start its own gunicorn on a demo site that it
# loads itself (load_demo, about 2 minutes), and Chromium plus two gunicorn workers already
# fill both cores; the tests share that one site, as a reader's session would.
test-browser: install compile-messages ## Journeys, screenshots and axe-core in Debian's Chromium
	ops/browsers.sh install
	HUB_BROWSER_TESTS=1 $(BIN)/pytest -n0 -m browser tests/browser $(PYTEST_ARGS)

# pip-audit reads PyPI's per-release JSON API. Where that API cannot be reached the audit
# cannot prove anything: AUDIT_UNREACHABLE=fail fails the build then, =warn prints a banner.
AUDIT_UNREACHABLE ?= warn
audit: install ## Known vulnerabilities in the locked dependencies, test tools included (fails when a fix exists)
	AUDIT_UNREACHABLE=$(AUDIT_UNREACHABLE) $(BIN)/python ops/audit_dependencies.py requirements/dev.txt

bench-load: install ## Throughput on gunicorn + PostgreSQL, cached and not (bench/results/load.json)
	$(BIN)/python bench/load.py

.PHONY: bench-reference bench-mixed bench-guideline
bench-reference: install ## bench-load beside wagtail/bakerydemo served in the same run (needs Python >= 3.12, PyPI)
	BENCH_BAKERYDEMO=1 $(BIN)/python bench/load.py

bench-guideline: install ## Guideline full render beside bakerydemo's blog post, same run (bench/results/guideline.json)
	$(BIN)/python bench/guideline.py

bench-mixed: install ## Page-cache hit ratio and throughput with officers writing (bench/results/mixed.json)
	$(BIN)/python bench/mixed.py

.PHONY: bench-two-hosts
bench-two-hosts: install ## Two gunicorn hosts sharing PostgreSQL and Redis: a publish on one is fresh on the other
	ops/with-redis.sh $(BIN)/python bench/two_hosts.py
