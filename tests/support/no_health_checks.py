"""Test settings with the database health checks switched off: the control case that shows
the reconnection test in ``tests/integration/test_postgres.py`` can fail."""

from hub.settings.test import *  # noqa: F403
from hub.settings.test import DATABASES

DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
