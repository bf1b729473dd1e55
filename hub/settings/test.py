"""Fast, isolated settings for the test suite."""

from .base import *  # noqa: F403
from .base import BASE_DIR, WAGTAILSEARCH_BACKENDS, cache_settings, env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
# This process's memory, unless CACHE_URL names a (throw-away) Redis: `make test-redis`.
CACHES = {"default": cache_settings(env("CACHE_URL"), key_prefix="hubtest")}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"

# A separate index name so a test run never touches a real site's index.
for _backend in WAGTAILSEARCH_BACKENDS.values():
    if "INDEX_PREFIX" in _backend:
        _backend["INDEX_PREFIX"] = env("SEARCH_INDEX_PREFIX", "test_partnershiphub").lower() + "_"
