"""PostgreSQL-only behaviour: the site survives a database restart.

Runs in ``make test-postgres`` (the whole suite on a throw-away server from
``ops/postgres.sh``); skipped on SQLite unless ``HUB_REQUIRE_POSTGRES=1`` turns the skip into
a failure, so CI can never pass without running it.
"""

import os
import subprocess
import urllib.error
import urllib.request
import uuid
from urllib.parse import quote

import pytest
from django.db import connection

from tests.factories import make_project
from tests.support.server import ROOT, ServerProcess, server_env

ON_POSTGRES = connection.vendor == "postgresql"
# serialized_rollback: the flush after these tests must not strip what the data migrations
# created (groups, locales) from the tests that follow, nor clash with other tests that
# restore the database the same way.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not ON_POSTGRES and os.environ.get("HUB_REQUIRE_POSTGRES") != "1",
        reason="needs PostgreSQL (set DATABASE_URL; make test-postgres does)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

POSTGRES_SH = ROOT / "ops" / "postgres.sh"


@pytest.fixture
def managed_postgres():
    """The test database must be PostgreSQL started by ``ops/postgres.sh`` (we restart it)."""
    required = os.environ.get("HUB_REQUIRE_POSTGRES") == "1"
    problem = None
    if connection.vendor != "postgresql":
        problem = f"the database is {connection.vendor}, not PostgreSQL (set DATABASE_URL)"
    else:
        status = subprocess.run(
            [str(POSTGRES_SH), "status"], capture_output=True, text=True, timeout=30
        )
        if status.returncode:
            problem = "PostgreSQL is not managed by ops/postgres.sh here (check OPS_STATE_DIR)"
    if problem:
        if required:
            pytest.fail(problem)
        pytest.skip(problem)
    return connection.settings_dict


def _database_url(db):
    return (
        f"postgres://{quote(db['USER'])}:{quote(db['PASSWORD'])}@{db['HOST']}:{db['PORT']}/"
        f"{quote(db['NAME'])}"
    )


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def _restart_postgres():
    subprocess.run([str(POSTGRES_SH), "restart"], check=True, capture_output=True, timeout=120)
    # pytest's own connection died too; drop it so the test database can be flushed after.
    connection.close()


def _serve(db, settings_module):
    env = server_env(
        DJANGO_SETTINGS_MODULE=settings_module,
        DATABASE_URL=_database_url(db),
        DATABASE_CONN_MAX_AGE="600",  # one persistent connection per thread: the one we break
    )
    return ServerProcess(env, workers=1, threads=1)


def test_requests_after_a_database_restart_reconnect(managed_postgres, registry):
    make_project(registry, title="Reconnection survey")
    with _serve(managed_postgres, "hub.settings.test") as server:
        listing = f"{server.url}/en/projects/?q=Reconnection&nocache={uuid.uuid4().hex}"
        status, body = _get(listing)
        assert status == 200 and "Reconnection survey" in body

        _restart_postgres()

        # The worker's persistent connection died with the server; the health check
        # (CONN_HEALTH_CHECKS) notices and reconnects, so no reader sees an error.
        status, body = _get(f"{server.url}/en/projects/?q=Reconnection&n={uuid.uuid4().hex}")
        assert status == 200, server.log()
        assert "Reconnection survey" in body
        assert _get(f"{server.url}/healthz")[0] == 200


def test_without_health_checks_the_first_request_after_a_restart_fails(managed_postgres):
    """The control case: it shows the test above would catch a missing health check."""
    with _serve(managed_postgres, "tests.support.no_health_checks") as server:
        assert _get(f"{server.url}/healthz")[0] == 200
        _restart_postgres()
        assert _get(f"{server.url}/healthz")[0] == 500
        # Django drops the broken connection after the error; the next request recovers.
        assert _get(f"{server.url}/healthz")[0] == 200
