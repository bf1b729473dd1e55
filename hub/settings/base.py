"""Settings shared by every environment.

Everything that differs between machines comes from environment variables; see
``.env.example`` and the README's configuration section.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit, urlunsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


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
    - ``locmem://`` or unset: memory of the one process (the embedded demo and tests).
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


# --- Core ----------------------------------------------------------------------------------
SECRET_KEY = env("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "hub.views.csrf_failure"  # the site's page, in the reader's language

INSTALLED_APPS = [
    "hub",
    "search",
    "projects",
    "knowledge",
    "induction",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # After wagtail.admin: hands projects' review e-mails from Wagtail to the registry.
    "projects.moderation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # NUL characters: a 400 in the address, removed from query strings (hub/inputs.py).
    "hub.inputs.NullCharacterMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # No admin page actions on the root of the page tree (Wagtail's views fail on it).
    "hub.inputs.RootPageActionsMiddleware",
    # Last, so it sees a view's exception first: 400 for malformed input (hub/inputs.py).
    "hub.inputs.InputErrorMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "hub.context_processors.site_navigation",
            ],
        },
    },
]

# --- Data ----------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE), so two that
    # read, then write (a count, then an insert) run one after the other instead of both
    # reading first; waiting writers queue for up to `timeout` seconds.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "hub.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# One variable, CACHE_URL, selects the cache; unset means this process's memory.
CACHES = {"default": cache_settings(env("CACHE_URL"))}

# --- Languages -----------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("pl", "Polski"),
    ("sl", "Slovenščina"),
    ("nl", "Nederlands"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date and time style per language (hub/formats/<lang>/formats.py), then Django's own.
FORMAT_MODULE_PATH = ["hub.formats"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env("DEEPL_API_KEY")},
    }
    if env("DEEPL_API_KEY")
    else None
)

# --- Static and media ----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "csv", "txt"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# --- Wagtail -------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Partnership Hub"
WAGTAILADMIN_BASE_URL = env("BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = search_backends(
    env("SEARCH_URL"), index_prefix=env("SEARCH_INDEX_PREFIX", "partnershiphub")
)
# On the database backends each worker counts the registry's facets with a bitmask index of
# every project (rebuilt after each publish); off, the ORM counts them on every request (at
# 100,000 projects on PostgreSQL: p95 79 ms against 1.7 s, bench-search). Engines aggregate.
REGISTRY_FACET_INDEX = env_bool("REGISTRY_FACET_INDEX", True)
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 50

# --- Tasks and e-mail ----------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
globals().update(email_settings(env("EMAIL_URL")))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Partnership Hub <hub@localhost>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # failed sign-ins and lockouts, not every success
        "elastic_transport": {"level": "WARNING"},
        "opensearch": {"level": "WARNING"},
    },
}

# --- Security: headers, sign-in limits, two-factor admin, uploads ----------------------------
# See hub/security.py and hub/twofactor.py; production.py tightens cookies and transport.
INSTALLED_APPS += [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
_auth = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1
MIDDLEWARE[_auth:_auth] = [
    "django_otp.middleware.OTPMiddleware",
    "hub.twofactor.AdminTwoFactorMiddleware",
    # /admin/pages/<id>/ answers 404 for a page one may not explore (hub/page_permissions.py).
    "hub.page_permissions.ExplorerGuardMiddleware",
    # Responses to signed-in people are marked private (hub/cache.py).
    "hub.cache.PrivateForSignedInMiddleware",
]
# Outside everything else, so cached and static responses carry the headers too.
MIDDLEWARE.insert(1, "hub.security.SecurityHeadersMiddleware")

# Content Security Policy. The public site runs no inline script or style at all.
# Static scripts that {% inline_script %} may write into pages; the policy allows each by its
# SHA-256 hash (hub/security.py). Only what must run before the first paint belongs here.
CSP_INLINE_SCRIPTS = ["js/disclosure.js"]
CSP_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": [
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
    ],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    # Only this site may frame its pages: Wagtail's live preview does; other sites may not.
    "frame-ancestors": ["'self'"],
}
# Wagtail's admin (editor, choosers, previews) still relies on inline script and style.
CSP_ADMIN_DIRECTIVES = {
    **CSP_DIRECTIVES,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'", *CSP_DIRECTIVES["frame-src"]],
}
CSP_ADMIN_PATH_PREFIXES = ["/admin/"]
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no e-mail hashes sent to a third party

# Sign-in lockout with django-axes, recorded in the database (hub.security.LoginAttemptHandler),
# on the site's and the admin's forms: an account is locked only from the address that failed.
LOGIN_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))  # per e-mail address and address
LOGIN_FAILURE_LIMIT_PER_IP = int(env("LOGIN_FAILURE_LIMIT_PER_IP", "50"))  # per address
LOGIN_LOCKOUT_SECONDS = int(env("LOGIN_LOCKOUT_SECONDS", str(15 * 60)))
NUM_PROXIES = int(env("NUM_PROXIES", "0"))  # trusted proxies that set X-Forwarded-For
WAGTAILADMIN_USER_LOGIN_FORM = "hub.security.AdminLoginForm"
INSTALLED_APPS += ["axes"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out account and address first
    "django.contrib.auth.backends.ModelBackend",
]
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last, as django-axes asks
AXES_ENABLED = True
AXES_HANDLER = "hub.security.LoginAttemptHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = "hub.security.account_failure_limit"
AXES_COOLOFF_TIME = "hub.security.lockout_period"
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "hub.security.login_username"
AXES_CLIENT_IP_CALLABLE = "hub.security.client_ip"
AXES_RESET_ON_SUCCESS = True  # a right password clears that account's failures from there
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "hub.security.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # no record of successful sign-ins (personal data not needed)
AXES_ENABLE_ADMIN = False

# Password reset (hub/passwords.py): "Forgot your password?" on the site's and the admin's
# sign-in pages. Links in reset e-mails and officers' invitations work this long.
PASSWORD_RESET_TIMEOUT = int(env("PASSWORD_RESET_TIMEOUT", str(3 * 24 * 3600)))
# Accepted requests within PASSWORD_RESET_WINDOW_SECONDS, per client address and per e-mail
# address typed; over the limit the page reads the same, but nothing is sent.
PASSWORD_RESET_LIMIT_PER_ADDRESS = int(env("PASSWORD_RESET_LIMIT_PER_ADDRESS", "5"))
PASSWORD_RESET_LIMIT_PER_EMAIL = int(env("PASSWORD_RESET_LIMIT_PER_EMAIL", "3"))
PASSWORD_RESET_WINDOW_SECONDS = int(env("PASSWORD_RESET_WINDOW_SECONDS", "3600"))
# One reset flow for everyone: Wagtail's own (not rate-limited) is switched off, and the
# admin's sign-in page links to the site's (templates/wagtailadmin/login.html).
WAGTAIL_PASSWORD_RESET_ENABLED = False

# Two-factor authentication in the admin (hub.twofactor); compulsory in production.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", False)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Uploads: only these types, bounded sizes; images are re-encoded into renditions, documents
# other than PDF are always downloaded (Content-Disposition: attachment), never shown inline.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(env("WAGTAILDOCS_MAX_UPLOAD_SIZE", str(20 * 1024 * 1024)))
WAGTAILDOCS_DOCUMENT_FORM_BASE = "hub.uploads.DocumentForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
FILE_UPLOAD_PERMISSIONS = 0o644

# --- Page cache for anonymous readers (hub/cache.py) ----------------------------------------
# Seconds a finished page is kept for readers without a session; 0 switches it off.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "0"))
# {% sharedfragment %}: public parts of pages rendered once per content change (0 turns it off).
FRAGMENT_CACHE_SECONDS = int(env("FRAGMENT_CACHE_SECONDS", "3600"))
PAGE_CACHE_EXCLUDED_PATHS = ["accounts/"]  # after the language prefix
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "hub.cache.AnonymousPageCacheMiddleware",
)
# Serve image renditions (MEDIA_ROOT/images/) from Django when no web server does it.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
