"""Fast, isolated settings for the test suite."""

import re
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_DIR, WAGTAILSEARCH_BACKENDS, cache_settings, env, machine_translator

# Under pytest-xdist each worker process ("gw0", "gw1", …) gets its own test database (named
# by pytest-django), its own Redis database and its own search index prefix, so that one
# worker's cache.clear() or index reset never touches another's.
_xdist_worker = env("PYTEST_XDIST_WORKER", "")

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
# This process's memory, unless CACHE_URL names a (throw-away) Redis: `make test-redis`.
CACHES = {"default": cache_settings(env("CACHE_URL"), key_prefix="hubtest")}
if _xdist_worker and CACHES["default"]["BACKEND"].endswith("RedisCache"):
    # Database 0 stays the servers' (tests/integration/test_two_hosts.py); worker n uses n + 1.
    _number = int(_xdist_worker.removeprefix("gw")) + 1
    if _number > 15:
        raise ImproperlyConfigured("Redis has 16 databases: run at most 15 xdist workers")
    _location = urlsplit(CACHES["default"]["LOCATION"])
    if _location.scheme == "unix":
        _query = re.sub(r"(^|&)db=\d+", "", _location.query).lstrip("&")
        _location = _location._replace(query="&".join(filter(None, [_query, f"db={_number}"])))
    else:
        _location = _location._replace(path=f"/{_number}")
    CACHES["default"]["LOCATION"] = urlunsplit(_location)
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
# Tests never call DeepL: the offline stand-in, whatever key the environment holds.
HUB_MACHINE_TRANSLATOR = env("HUB_MACHINE_TRANSLATOR", "standin")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(HUB_MACHINE_TRANSLATOR)

# A separate index name so a test run never touches a real site's index.
for _backend in WAGTAILSEARCH_BACKENDS.values():
    if "INDEX_PREFIX" in _backend:
        _prefix = env("SEARCH_INDEX_PREFIX", "test_partnershiphub")
        _backend["INDEX_PREFIX"] = "_".join(filter(None, [_prefix, _xdist_worker])).lower() + "_"
