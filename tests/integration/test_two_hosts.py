"""Two hosts, one site: two server processes share one database and one Redis.

Each gunicorn stands for a host. A page cached by one is served by the other from the shared
cache; a publish made by a third process (``manage.py shell`` on the shared database) is
fresh on both at once. Runs in ``make test-redis`` (``ops/with-redis.sh`` sets ``CACHE_URL``);
skipped without a Redis ``CACHE_URL`` unless ``HUB_REQUIRE_REDIS=1`` makes that a failure.
"""

import os
import shutil
import tempfile
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.support.server import ServerProcess, manage, server_env

CACHE_URL = os.environ.get("CACHE_URL", "")
pytestmark = [
    pytest.mark.cache,
    pytest.mark.skipif(
        not CACHE_URL.startswith(("redis://", "rediss://"))
        and os.environ.get("HUB_REQUIRE_REDIS") != "1",
        reason="needs Redis (CACHE_URL=redis://…; make test-redis sets it)",
    ),
]

CREATE = """
from tests.factories import make_project, make_site
home, registry = make_site()
print(make_project(registry, title="Before the publish", slug="shared-poll").url)
"""
PUBLISH = """
from projects.models import ProjectPage
page = ProjectPage.objects.get(slug="shared-poll")
page.title = "After the publish"
page.save_revision().publish()
"""


def _get(server, path):
    # One site name for both, as a load balancer in front of two hosts would send.
    request = urllib.request.Request(server.url + path, headers={"Host": "localhost"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.headers.get("X-Page-Cache"), response.read().decode()


@pytest.fixture
def two_hosts():
    if not CACHE_URL.startswith(("redis://", "rediss://")):
        pytest.fail("HUB_REQUIRE_REDIS=1 but CACHE_URL is not a redis:// address")
    workdir = Path(tempfile.mkdtemp(prefix="hub-two-hosts-"))
    separator = "&" if "?" in CACHE_URL else "?"
    env = server_env(
        DJANGO_SETTINGS_MODULE="tests.browser.settings",  # DEBUG off, static files, page cache on
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        CACHE_URL=f"{CACHE_URL}{separator}prefix=twohosts-{uuid.uuid4().hex[:8]}",
        MEDIA_ROOT=str(workdir / "media"),
        LOG_LEVEL="WARNING",
    )
    servers = []
    try:
        manage("migrate", "--noinput", env=env)
        path = manage("shell", "-c", CREATE, env=env).strip().splitlines()[-1]
        for name in ("a", "b"):
            servers.append(ServerProcess(env, workers=1, threads=2, log_path=workdir / name))
            servers[-1].start()
        yield env, path, servers
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def test_a_publish_is_fresh_on_every_host_at_once(two_hosts):
    env, path, (host_a, host_b) = two_hosts
    assert _get(host_a, path)[0] == "miss"
    state, html = _get(host_b, path)
    assert state == "hit"  # host b serves what host a stored: one shared cache
    assert "Before the publish" in html

    manage("shell", "-c", PUBLISH, env=env)  # a third process, on the shared database

    state, html = _get(host_b, path)
    assert state == "miss"  # the version moved for every host at once
    assert "After the publish" in html
    assert "Before the publish" not in html
    state, html = _get(host_a, path)
    assert state == "hit"  # host a serves the fresh page host b just stored
    assert "After the publish" in html
