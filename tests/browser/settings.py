"""Settings for the server that browser tests drive (``tests/browser/conftest.py``).

The test settings, plus what a real deployment has and the in-process test client does
not need: static files served by WhiteNoise, and a cache shared by the server's worker
processes (Redis in production).
"""

from hub.settings.test import *  # noqa: F403
from hub.settings.test import BASE_DIR, cache_settings, env

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
WHITENOISE_USE_FINDERS = True  # no collectstatic needed
MEDIA_ROOT = env("MEDIA_ROOT", str(BASE_DIR / "var" / "browser-media"))
# CACHE_URL (a Redis, as in production) when set; else files the worker processes share.
CACHES = {
    "default": cache_settings(
        env("CACHE_URL") or "file://" + env("CACHE_DIR", "/tmp/partnershiphub-browser-cache"),
        key_prefix="hubbrowser",
    )
}
PAGE_CACHE_SECONDS = 300  # as in production: journeys prove edits show at once
