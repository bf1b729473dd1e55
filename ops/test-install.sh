#!/usr/bin/env bash
# `make test-install`: the image's install step, proven without Docker.
#
# In a clean virtualenv in a temporary directory: install requirements/production.txt alone,
# every file checked against its hash (as the Dockerfile does), then the project's metadata;
# `pip check` proves the set is complete and inside pyproject.toml's ranges; nothing but the
# locked packages is installed and no test tool can be imported; and Django's deployment checks
# pass with production settings and only the environment production requires. Needs Python
# 3.11 and PyPI, nothing else. The temporary directory is always removed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
started=$SECONDS
log() { printf '[test-install %3ds] %s\n' "$((SECONDS - started))" "$*" >&2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/hub-test-install.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

log "clean virtualenv with $("$PYTHON" --version 2>&1) in $tmp"
"$PYTHON" -m venv "$tmp/venv"
py="$tmp/venv/bin/python"
# --no-compile: no .pyc files to write now and delete afterwards (the image compiles them).
pip=("$py" -m pip --disable-pip-version-check --quiet)
install=("${pip[@]}" install --no-compile --require-hashes --no-deps)

log "pip install --require-hashes --no-deps -r requirements/production.txt"
"${install[@]}" -r "$ROOT/requirements/production.txt"

# The project's metadata (see pyproject.toml), built from a copy so the checkout stays clean,
# with the locked, hashed setuptools (requirements/build.txt), so nothing unhashed is fetched.
log "the project's metadata: requirements/build.txt, then pip install --no-deps --no-build-isolation"
"${install[@]}" -r "$ROOT/requirements/build.txt"
mkdir "$tmp/project"
cp "$ROOT/pyproject.toml" "$ROOT/README.md" "$tmp/project/"
"${pip[@]}" install --no-compile --no-deps --no-build-isolation "$tmp/project"

log "pip check: every installed package's requirements, the project's ranges included"
"$py" -m pip --disable-pip-version-check check

log "nothing but the locked set; no development tool importable"
(cd "$tmp" && "$py" - "$ROOT/requirements/production.txt" <<'PY'
import importlib.metadata
import importlib.util
import re
import sys

def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()

pins = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==[^ ;]+( ;)?", open(sys.argv[1]).read(), re.M)
locked = {canonical(name) for name, _ in pins}
everywhere = {canonical(name) for name, marker in pins if not marker}  # no platform marker
installed = {canonical(d.metadata["Name"]) for d in importlib.metadata.distributions()}
extra = installed - locked - {"pip", "setuptools", "partnership-hub"}
missing = everywhere - installed
tools = ["pytest", "pytest_django", "ruff", "hypothesis", "playwright", "djhtml", "pip_audit"]
importable = [name for name in tools if importlib.util.find_spec(name) is not None]
for label, names in (("not locked", extra), ("locked, not installed", missing),
                     ("development tool importable", importable)):
    if names:
        sys.exit(f"test-install: {label}: {', '.join(sorted(names))}")
print(f"test-install: {len(installed)} distributions, all locked; no development tool.")
PY
)

# Only what production settings require (and where to write): a clean environment, so nothing
# from the caller's shell (DEBUG, a dev DATABASE_URL) can make the check pass.
secret="$("$py" -c 'import secrets; print(secrets.token_urlsafe(50))')"
prod_env=(
    env -i "PATH=$tmp/venv/bin:/usr/bin:/bin" "HOME=$tmp" LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1
    DJANGO_SETTINGS_MODULE=hub.settings.production
    "SECRET_KEY=$secret"
    ALLOWED_HOSTS=hub.example.org
    BASE_URL=https://hub.example.org
    "DATABASE_URL=sqlite:///$tmp/db.sqlite3"
    # the shared cache production uses (the checks do not connect to it)
    CACHE_URL=redis://127.0.0.1:6379/0
    "STATIC_ROOT=$tmp/static" "MEDIA_ROOT=$tmp/media"
)
mkdir -p "$tmp/static" "$tmp/media"
cd "$ROOT"
log "manage.py check --deploy --fail-level WARNING (hub.settings.production)"
"${prod_env[@]}" "$py" manage.py check --deploy --fail-level WARNING
log "gunicorn --check-config hub.wsgi (the image's command loads the application)"
"${prod_env[@]}" "$tmp/venv/bin/gunicorn" --check-config hub.wsgi

log "passed in $((SECONDS - started)) s (removing the virtualenv)"
