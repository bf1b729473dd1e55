"""Security plumbing: response headers (CSP and friends) and sign-in rate limiting.

Django 5.2 has no Content Security Policy of its own, so :class:`SecurityHeadersMiddleware`
sends one built from ``CSP_DIRECTIVES`` (the public site: no inline script or style at all)
or ``CSP_ADMIN_DIRECTIVES`` (Wagtail's admin, whose editor still needs inline code).

Sign-in attempts go through :class:`LoginThrottle`: after ``LOGIN_FAILURE_LIMIT`` failures
for one e-mail address, or ``LOGIN_FAILURE_LIMIT_PER_IP`` from one client address, within
``LOGIN_FAILURE_WINDOW`` seconds, signing in is refused for ``LOGIN_LOCKOUT_SECONDS`` — even
with the right password — on the site's login form and the admin's alike.
"""

from __future__ import annotations

import hashlib
import math
import time

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


def build_policy(directives: dict[str, list[str]]) -> str:
    return "; ".join(
        " ".join([name, *values]) if values else name for name, values in directives.items()
    )


class SecurityHeadersMiddleware:
    """Add ``Content-Security-Policy`` and ``Permissions-Policy`` to every response.

    A view may set its own ``Content-Security-Policy``; it is then left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.site_policy = build_policy(settings.CSP_DIRECTIVES)
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


# --- Sign-in rate limiting ---------------------------------------------------------------


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


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:32]


class LoginThrottle:
    """Counts failed sign-ins per e-mail address and per client address, in the cache."""

    prefix = "login-throttle"

    def __init__(self, request, username):
        self.now = time.time()
        self.keys = [
            (f"{self.prefix}:user:{_digest((username or '').strip().casefold())}", "user"),
            (f"{self.prefix}:ip:{_digest(client_ip(request))}", "ip"),
        ]

    @staticmethod
    def _limit(kind):
        if kind == "user":
            return settings.LOGIN_FAILURE_LIMIT
        return settings.LOGIN_FAILURE_LIMIT_PER_IP

    def locked_for(self) -> int:
        """Seconds until signing in is allowed again (0: allowed now)."""
        remaining = 0
        for key, _kind in self.keys:
            state = cache.get(key)
            if state and state.get("locked_until", 0) > self.now:
                remaining = max(remaining, math.ceil(state["locked_until"] - self.now))
        return remaining

    def failed(self) -> None:
        window = settings.LOGIN_FAILURE_WINDOW
        lockout = settings.LOGIN_LOCKOUT_SECONDS
        for key, kind in self.keys:
            state = cache.get(key) or {}
            failures = [t for t in state.get("failures", []) if t > self.now - window]
            failures.append(self.now)
            state["failures"] = failures[-self._limit(kind) :]
            if len(failures) >= self._limit(kind):
                state["locked_until"] = self.now + lockout
                state["failures"] = []
            cache.set(key, state, timeout=window + lockout)

    def succeeded(self) -> None:
        # A correct password clears the address's count, not the client's: one account's
        # success must not reset the guard against trying many accounts from one place.
        cache.delete(self.keys[0][0])


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
    """For ``AuthenticationForm`` subclasses: refuse while locked out, count failures."""

    def clean(self):
        username = self.cleaned_data.get("username", "")
        throttle = LoginThrottle(self.request, username)
        remaining = throttle.locked_for()
        if remaining:
            self.locked_out = True
            raise ValidationError(lockout_message(remaining), code="locked")
        try:
            cleaned = super().clean()
        except ValidationError:
            throttle.failed()
            remaining = throttle.locked_for()
            if remaining:
                self.locked_out = True
                raise ValidationError(lockout_message(remaining), code="locked") from None
            raise
        throttle.succeeded()
        return cleaned


class SiteLoginForm(RateLimitedLoginMixin, AuthenticationForm):
    """The public sign-in form (``/<lang>/accounts/login/``)."""


class AdminLoginForm(RateLimitedLoginMixin, WagtailLoginForm):
    """Wagtail's admin sign-in form (``WAGTAILADMIN_USER_LOGIN_FORM``)."""


# --- Forms without a CSRF token -------------------------------------------------------------
# A form anyone may send without signing in ("Was this helpful?") changes nothing that belongs
# to the sender, so it needs no per-browser token: a token would make every page carrying the
# form uncacheable. Cross-site submission is still refused, by the browser's own headers
# (OWASP's "verifying origin with standard headers"): Sec-Fetch-Site, or else Origin.


def origin_checked(view):
    """Mark a routable-page view whose POSTs are checked by origin instead of a CSRF token."""
    view.csrf_origin_checked = True
    return view


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
