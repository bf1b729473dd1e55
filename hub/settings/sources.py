"""Reading settings from the environment: the ``env*`` helpers and the parsers that turn one
URL-shaped variable (``SEARCH_URL``, ``EMAIL_URL``, ``CACHE_URL``) into Django's settings.

``base.py`` imports these; they hold no settings of their own (see ``SEARCH_ENGINES``).
"""

import os
from urllib.parse import parse_qs, unquote, urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Search backends -----------------------------------------------------------------------
# One variable, SEARCH_URL, selects the engine; unset means the database backend.
# Each is Wagtail's backend for that engine, subclassed in search/backends.py so that a failed
# index write is logged and queued for `manage.py search_catch_up` instead of breaking a save.
SEARCH_ENGINES = {
    "elasticsearch8": "search.backends.Elasticsearch8SearchBackend",
    "elasticsearch9": "search.backends.Elasticsearch9SearchBackend",
    "opensearch2": "search.backends.OpenSearch2SearchBackend",
    "opensearch3": "search.backends.OpenSearch3SearchBackend",
}


def search_backends(url, index_prefix="partnershiphub", timeout=5):
    """Translate ``SEARCH_URL`` into ``WAGTAILSEARCH_BACKENDS``.

    ``opensearch2+http://user:pass@host:9200,host2:9200?timeout=3`` selects OpenSearch 2.
    The database backend is always configured as ``"database"`` too, so that searches can
    fall back to it when the engine is unreachable; both are kept up to date on save.
    """
    database = {"BACKEND": "search.database", "AUTO_UPDATE": True}
    if not url:
        return {"default": database}
    scheme, _sep, rest = url.partition("+")
    if not rest or scheme not in SEARCH_ENGINES:
        raise ImproperlyConfigured(
            f"SEARCH_URL must start with one of {', '.join(sorted(SEARCH_ENGINES))} "
            f"followed by '+http://' or '+https://', got {url!r}"
        )
    parts = urlsplit(rest)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ImproperlyConfigured(f"SEARCH_URL has no http(s) host: {url!r}")
    options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    userinfo, _at, hosts = parts.netloc.rpartition("@")
    urls = []
    for host in hosts.split(","):
        netloc = f"{userinfo}@{host}" if userinfo else host
        urls.append(urlunsplit((parts.scheme, netloc, parts.path, "", "")))
    engine = {
        "BACKEND": SEARCH_ENGINES[scheme],
        "URLS": urls,
        # Wagtail names each index INDEX_PREFIX + "wagtailcore_page" and so on.
        "INDEX_PREFIX": options.get("index", index_prefix).lower() + "_",
        "TIMEOUT": int(options.get("timeout", timeout)),
        "AUTO_UPDATE": True,
        # A refused connection moves on to the next node (one try each); a timeout does not.
        "OPTIONS": {"max_retries": len(urls) - 1, "retry_on_timeout": False},
        "INDEX_SETTINGS": {
            "settings": {
                "index": {
                    "number_of_shards": int(options.get("shards", 1)),
                    "number_of_replicas": int(options.get("replicas", 0)),
                }
            }
        },
    }
    return {"default": engine, "database": database}


def email_settings(url):
    """Translate ``EMAIL_URL`` (``smtp://user:pass@host:587?tls=1``, ``console://``) to settings."""
    if not url or url.startswith("console:"):
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parts = urlsplit(url)
    if parts.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured("EMAIL_URL must start with smtp://, smtps:// or console://")
    options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 587),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": parts.scheme == "smtp" and options.get("tls", "1") == "1",
        "EMAIL_TIMEOUT": int(options.get("timeout", "10")),
    }


def cache_settings(url, key_prefix="hub"):
    """Translate ``CACHE_URL`` into ``CACHES``.

    - ``redis://host:6379/0`` (``rediss://`` for TLS, ``unix:///path.sock?db=0``): Django's
      own Redis backend, shared by every process on every host. The production cache.
    - ``locmem://`` or unset: memory of the one process (the embedded demo and tests), at
      most 3,000 entries (``?max_entries=n``).
    - ``file:///var/cache/hub``: files shared by the processes of one host (compatibility).

    ``?prefix=name`` sets the key prefix (several sites on one Redis). Counters that protect
    something (sign-in lockouts, rate limits) are not kept in any cache: they live in the
    database, so no eviction or ``clear()`` can reset them (``hub.ratelimits``).
    """
    parts = urlsplit(url or "locmem://")
    options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    prefix = options.pop("prefix", key_prefix)
    if parts.scheme in {"redis", "rediss", "unix"}:
        query = "&".join(f"{key}={value}" for key, value in options.items())
        location = urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
            # A cache that does not answer within a second is treated as an error, not waited on.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    if parts.scheme == "locmem":
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": parts.netloc or "partnershiphub",
            "KEY_PREFIX": prefix,
            # Django's default of 300 entries is a few pages and their fragments; each entry
            # is a page or a fragment of at most some tens of kilobytes.
            "OPTIONS": {"MAX_ENTRIES": int(options.get("max_entries", 3000))},
        }
    if parts.scheme == "file":
        if not parts.path or parts.path == "/":
            raise ImproperlyConfigured(f"CACHE_URL file:// needs a directory: {url!r}")
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": unquote(parts.path),
            "KEY_PREFIX": prefix,
        }
    raise ImproperlyConfigured(
        f"CACHE_URL must start with redis://, rediss://, unix://, locmem:// or file://, got {url!r}"
    )


# --- Machine translation -------------------------------------------------------------------
MACHINE_TRANSLATORS = {
    "deepl": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
    "standin": "hub.machine_translation.StandInTranslator",
}


def machine_translator(choice, deepl_key=None):
    """``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` for ``HUB_MACHINE_TRANSLATOR``.

    ``deepl`` (needs ``DEEPL_API_KEY``), ``standin`` (offline, marks every segment as not a
    real translation: development and tests) or ``off`` (``None``: no "Machine translate").
    """
    choice = (choice or "off").strip().lower()
    if choice == "off":
        return None
    if choice not in MACHINE_TRANSLATORS:
        raise ImproperlyConfigured("HUB_MACHINE_TRANSLATOR must be deepl, standin or off")
    if choice == "deepl":
        if not deepl_key:
            raise ImproperlyConfigured("HUB_MACHINE_TRANSLATOR=deepl needs DEEPL_API_KEY")
        return {"CLASS": MACHINE_TRANSLATORS["deepl"], "OPTIONS": {"AUTH_KEY": deepl_key}}
    return {"CLASS": MACHINE_TRANSLATORS["standin"], "OPTIONS": {}}
