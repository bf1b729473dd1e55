"""Production: PostgreSQL, a search engine, real e-mail; secrets only from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, env_bool, env_list  # noqa: F401

DEBUG = False

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the site's host names, comma-separated.")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# CACHES comes from CACHE_URL (base.py): Redis in production, shared by every process and host.
# Unset, each process keeps its own memory: fine for one process; `check --deploy` warns.

TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}

# --- Hardening: two-factor admin, cookies, CSP (see hub/security.py) -----------------------
from .base import CSP_ADMIN_DIRECTIVES, CSP_DIRECTIVES  # noqa: E402

ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", True)
CSP_DIRECTIVES = {**CSP_DIRECTIVES, "upgrade-insecure-requests": []}
CSP_ADMIN_DIRECTIVES = {**CSP_ADMIN_DIRECTIVES, "upgrade-insecure-requests": []}
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# X_FRAME_OPTIONS stays "DENY" for old browsers; current ones obey the CSP's frame-ancestors
# 'self' instead (CSP takes precedence), which lets Wagtail's live preview frame the site.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers and container health checks probe HTTP
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
