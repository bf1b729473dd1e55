"""Settings shared by every environment.

Everything that differs between machines comes from environment variables; see
``.env.example`` and the README's configuration section.
"""

from pathlib import Path

import dj_database_url

from .security import *  # noqa: F403
from .sources import (  # noqa: F401  (settings modules import them from here)
    SEARCH_ENGINES,
    cache_settings,
    email_settings,
    env,
    env_bool,
    env_list,
    machine_translator,
    search_backends,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent

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
    # A "next" that is not a path on this site is dropped (Wagtail's admin redirects to it).
    "hub.inputs.NextParameterMiddleware",
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

# Machine translation (hub/machine_translation.py): HUB_MACHINE_TRANSLATOR=deepl|standin|off.
# Here (production) DeepL when DEEPL_API_KEY is set, otherwise off; development and tests
# default to the offline stand-in without a key.
HUB_MACHINE_TRANSLATOR = env("HUB_MACHINE_TRANSLATOR", "deepl" if env("DEEPL_API_KEY") else "off")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(
    HUB_MACHINE_TRANSLATOR, env("DEEPL_API_KEY")
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

# The policies, limits and lockout settings themselves are in security.py (imported above).
INSTALLED_APPS += ["axes"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out account and address first
    "django.contrib.auth.backends.ModelBackend",
]
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last, as django-axes asks
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

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
