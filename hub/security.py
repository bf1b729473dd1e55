"""Security plumbing: response headers (CSP and friends) and sign-in rate limiting.

Django 5.2 has no Content Security Policy of its own, so :class:`SecurityHeadersMiddleware`
sends one built from ``CSP_DIRECTIVES`` (the public site: no inline style, and no inline
script but the files in ``CSP_INLINE_SCRIPTS``, allowed by hash)
or ``CSP_ADMIN_DIRECTIVES`` (Wagtail's admin, whose editor still needs inline code).

Sign-in attempts are recorded by django-axes in the database (:class:`LoginAttemptHandler`):
after ``LOGIN_FAILURE_LIMIT`` failures for one e-mail address *from one client address*, or
``LOGIN_FAILURE_LIMIT_PER_IP`` from one client address on any accounts, signing in from there is
refused for ``LOGIN_LOCKOUT_SECONDS`` — even with the right password — on the site's login form
and the admin's alike. The same account from another address is not affected, so nobody can
lock someone else out.
"""

from __future__ import annotations

import base64
import datetime
import functools
import hashlib
import math
from pathlib import Path

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db.models import Max, Q, Sum
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


def build_policy(directives: dict[str, list[str]]) -> str:
    return "; ".join(
        " ".join([name, *values]) if values else name for name, values in directives.items()
    )


# --- Inline scripts allowed by hash --------------------------------------------------------
# The public site's policy allows no inline script, with one narrow exception: a static file
# named in ``CSP_INLINE_SCRIPTS`` may be written into the page by ``{% inline_script %}``, and
# the policy allows exactly its bytes by their SHA-256 hash. That is for the few lines that
# must run before the first paint (folding the phone menu and filters): an external file there
# costs a render-blocking request on a new connection, nearly half a second on a slow phone.


@functools.cache
def inline_script_source(path: str) -> str:
    """The text of a static script that may be inlined (read once per process)."""
    if path not in settings.CSP_INLINE_SCRIPTS:
        raise ImproperlyConfigured(f"{path} is not in CSP_INLINE_SCRIPTS")
    found = finders.find(path)
    if not found:
        raise ImproperlyConfigured(f"static file {path} not found")
    source = Path(found).read_text(encoding="utf-8")
    if "</script" in source.lower() or "<!--" in source:
        raise ImproperlyConfigured(f"{path} cannot be inlined safely")
    return source


def script_hash(source: str) -> str:
    """The CSP source expression allowing exactly this inline script."""
    digest = hashlib.sha256(source.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def inline_script_hashes() -> list[str]:
    return [script_hash(inline_script_source(path)) for path in settings.CSP_INLINE_SCRIPTS]


def site_directives() -> dict[str, list[str]]:
    directives = dict(settings.CSP_DIRECTIVES)
    directives["script-src"] = [*directives.get("script-src", []), *inline_script_hashes()]
    return directives


class SecurityHeadersMiddleware:
    """Add ``Content-Security-Policy`` and ``Permissions-Policy`` to every response.

    A view may set its own ``Content-Security-Policy``; it is then left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.site_policy = build_policy(site_directives())
        self.admin_policy = build_policy(settings.CSP_ADMIN_DIRECTIVES)
        self.admin_prefixes = tuple(settings.CSP_ADMIN_PATH_PREFIXES)
        self.permissions_policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = request.path_info.startswith(self.admin_prefixes)
            response["Content-Security-Policy"] = self.admin_policy if admin else self.site_policy
        if self.permissions_policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.permissions_policy
        return response


# --- Sign-in lockout (django-axes) ---------------------------------------------------------
# Failed sign-ins are recorded in the database by django-axes (durable: no cache eviction
# forgets them), one record per e-mail address, client address and browser.


def client_ip(request) -> str:
    """The client's address; with ``NUM_PROXIES`` trusted proxies, read X-Forwarded-For."""
    proxies = getattr(settings, "NUM_PROXIES", 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def login_username(request, credentials=None) -> str:
    """The account tried, spelt one way: the e-mail address, trimmed and case-folded."""
    value = None
    if credentials:
        value = credentials.get("username") or credentials.get(get_user_model().USERNAME_FIELD)
    if value is None and request is not None:
        data = getattr(request, "data", None) or getattr(request, "POST", {})
        value = data.get("username")
    return str(value or "").strip().casefold()[:255]


def account_failure_limit(request, credentials=None) -> int:
    return settings.LOGIN_FAILURE_LIMIT


def lockout_period(request=None) -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)


class LoginAttemptHandler(AxesDatabaseHandler):
    """django-axes' database handler with two limits instead of one.

    An account is locked *from one client address* after ``LOGIN_FAILURE_LIMIT`` failures
    (``AXES_LOCKOUT_PARAMETERS``: username and address together), so nobody can lock someone
    else out from elsewhere; and a client address is locked after
    ``LOGIN_FAILURE_LIMIT_PER_IP`` failures on any accounts. Failures count while each comes
    within ``LOGIN_LOCKOUT_SECONDS`` of the one before; a lockout lasts that long after the last.
    """

    def locked_for(self, request, credentials=None) -> int:
        """Seconds until this account may sign in from this address again (0: now)."""
        period = lockout_period(request)
        now = request.axes_attempt_time or timezone.now()
        recent = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address, attempt_time__gte=now - period
        )
        totals = recent.aggregate(
            address=Sum("failures_since_start"),
            address_last=Max("attempt_time"),
            account=Sum(
                "failures_since_start",
                filter=Q(username=login_username(request, credentials)),
            ),
            account_last=Max(
                "attempt_time", filter=Q(username=login_username(request, credentials))
            ),
        )
        remaining = 0
        for kind, limit in (
            ("account", settings.LOGIN_FAILURE_LIMIT),
            ("address", settings.LOGIN_FAILURE_LIMIT_PER_IP),
        ):
            if (totals[kind] or 0) >= limit:
                until = totals[f"{kind}_last"] + period
                remaining = max(remaining, math.ceil((until - now).total_seconds()))
        return max(remaining, 0)

    def is_locked(self, request, credentials=None) -> bool:
        return self.locked_for(request, credentials) > 0

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and not request.axes_locked_out:
            if self.is_locked(request, credentials):
                request.axes_locked_out = True
                request.axes_credentials = credentials


def lockout_remaining(request, username) -> int:
    """Seconds until ``username`` may try to sign in again from this request's address."""
    if not settings.AXES_ENABLED:
        return 0
    AxesProxyHandler.update_request(request)
    handler = AxesProxyHandler.get_implementation()
    if not isinstance(handler, LoginAttemptHandler):
        return 0 if handler.is_allowed(request, {"username": username}) else 1
    return handler.locked_for(request, {"username": username})


def lockout_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Too many failed attempts to sign in. For your security, signing in is paused; "
        "try again in %(minutes)d minute.",
        "Too many failed attempts to sign in. For your security, signing in is paused; "
        "try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


class RateLimitedLoginMixin:
    """For ``AuthenticationForm`` subclasses: refuse while locked out, with the hub's message.

    Failures are recorded by django-axes (its backend and signal handler); the form asks
    before checking the password and again after a failure. A locked-out answer is sent with
    status 429 (``axes.middleware.AxesMiddleware`` and :func:`lockout_response`).
    """

    def _refuse_if_locked(self, username):
        remaining = lockout_remaining(self.request, username)
        if remaining:
            self.locked_out = True
            self.request.axes_locked_out = True
            raise ValidationError(lockout_message(remaining), code="locked")

    def clean(self):
        username = self.cleaned_data.get("username", "")
        self._refuse_if_locked(username)
        try:
            return super().clean()
        except ValidationError as error:
            try:
                self._refuse_if_locked(username)
            except ValidationError as locked:
                raise locked from error
            raise


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: keep the page that says why (translated), status 429."""
    if original_response is None:
        remaining = lockout_remaining(request, login_username(request, credentials))
        return HttpResponse(
            lockout_message(remaining or settings.LOGIN_LOCKOUT_SECONDS),
            status=429,
            content_type="text/plain; charset=utf-8",
        )
    original_response.status_code = 429
    return original_response


class SiteLoginForm(RateLimitedLoginMixin, AuthenticationForm):
    """The public sign-in form (``/<lang>/accounts/login/``)."""


class AdminLoginForm(RateLimitedLoginMixin, WagtailLoginForm):
    """Wagtail's admin sign-in form (``WAGTAILADMIN_USER_LOGIN_FORM``)."""


# --- Forms without a CSRF token -------------------------------------------------------------
# A form anyone may send without signing in ("Was this helpful?") changes nothing that belongs
# to the sender, so it needs no per-browser token: a token would make every page carrying the
# form uncacheable. Cross-site submission is still refused, by the browser's own headers
# (OWASP's "verifying origin with standard headers"): Sec-Fetch-Site, or else Origin.


def same_origin(request) -> bool:
    """Whether the browser says this request comes from a page of this site."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in {"same-origin", "none"}
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return False
    try:
        own = f"{request.scheme}://{request.get_host()}"
    except Exception:  # noqa: BLE001 (DisallowedHost: certainly not our origin)
        return False
    return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS
