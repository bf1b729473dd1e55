"""Local development: the embedded defaults (SQLite, database search, console e-mail)."""

from .base import *  # noqa: F403
from .base import env, env_bool, env_list

# On while developing (tracebacks); `make demo` turns it off so that a newcomer sees the site as
# readers do: its own error pages, in their language.
DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
