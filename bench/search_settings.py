"""Settings for the search-backend benchmark: the development stack configured entirely from the
environment (``DATABASE_URL``, ``SEARCH_URL``, ``SEARCH_INDEX_PREFIX``), without DEBUG's query
logging."""

from hub.settings.dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
