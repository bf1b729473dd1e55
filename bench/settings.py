"""Settings for in-process benchmarks: the development stack without DEBUG's query logging."""

import os

from hub.settings.dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DATABASES["default"]["NAME"] = os.environ.get(  # noqa: F405
    "BENCH_SQLITE",
    str(BASE_DIR / "var" / "bench-registry.sqlite3"),  # noqa: F405
)
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
