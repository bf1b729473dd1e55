"""Local development: the embedded defaults (SQLite, database search, console e-mail)."""

from .base import *  # noqa: F403
from .base import env, env_bool, env_list, machine_translator

# On while developing (tracebacks); `make demo` turns it off so that a newcomer sees the site as
# readers do: its own error pages, in their language.
DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

# Without a DeepL key, "Machine translate" uses the offline stand-in (marked, not real).
HUB_MACHINE_TRANSLATOR = env(
    "HUB_MACHINE_TRANSLATOR", "deepl" if env("DEEPL_API_KEY") else "standin"
)
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(
    HUB_MACHINE_TRANSLATOR, env("DEEPL_API_KEY")
)
