"""Settings for the server that browser tests drive (``tests/browser/conftest.py``).

The test settings, plus what a real deployment has and the in-process test client does
not need: static files served by WhiteNoise, and a cache shared by the server's worker
processes (as the file cache is in production).
"""

from hub.settings.test import *  # noqa: F403
from hub.settings.test import BASE_DIR, env

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
WHITENOISE_USE_FINDERS = True  # no collectstatic needed
MEDIA_ROOT = env("MEDIA_ROOT", str(BASE_DIR / "var" / "browser-media"))
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env("CACHE_DIR", "/tmp/partnershiphub-browser-cache"),  # noqa: S108
    }
}
PAGE_CACHE_SECONDS = 300  # as in production: journeys prove edits show at once
