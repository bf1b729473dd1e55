"""Two-factor authentication, with django-otp: for Wagtail's admin and for privileged powers.

Anyone who can use the admin may turn on two-factor sign-in with an authenticator app
(TOTP, RFC 6238) and gets ten single-use backup codes. Once it is on, every admin session
must be confirmed with a code after the password (:class:`AdminTwoFactorMiddleware`).
With ``ADMIN_2FA_REQUIRED`` (on in production) it is compulsory: an admin user without a
device is sent to set one up before anything else in the admin.

The same rule holds outside the admin. A *privileged* power — one a role gives over other
people's projects and data (publishing, asking for changes, editing someone else's project,
reading a handover or a join request as a moderator) — is granted only to a session confirmed
with a code, whenever two-factor is required or the person has turned it on. Permission checks
ask :func:`privileged`; its answer (an :class:`Access`) is false until the session is confirmed
and says so, and the view answers with :func:`second_factor_redirect` (set up, or enter a code,
then come back). Acting on one's own project or data is never privileged.

A user who lost their device and their codes is reset by an administrator with
``manage.py reset_two_factor EMAIL``.
"""

from __future__ import annotations

import base64

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from hub.inputs import next_url, safe_target

BACKUP_CODES = 10
APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"


# --- Privileged powers ------------------------------------------------------------------------


class Access:
    """A permission check's answer: true only when allowed.

    ``needs_second_factor`` marks a refusal that a confirmed session would turn into a yes: the
    person holds the power, but has not confirmed this sign-in with a second factor.
    """

    __slots__ = ("allowed", "needs_second_factor")

    def __init__(self, allowed: bool, needs_second_factor: bool = False):
        self.allowed = allowed
        self.needs_second_factor = needs_second_factor

    def __bool__(self) -> bool:
        return self.allowed

    def __repr__(self) -> str:
        if self.allowed:
            return "Access(allowed)"
        return "Access(second factor needed)" if self.needs_second_factor else "Access(denied)"


ALLOWED = Access(True)
DENIED = Access(False)
SECOND_FACTOR_NEEDED = Access(False, needs_second_factor=True)


def session_verified(user) -> bool:
    """Whether this user's session was confirmed with a code (django-otp's middleware)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified is not None and is_verified())


def has_device(user) -> bool:
    """Whether the user has a confirmed second factor (remembered on the user object)."""
    if not hasattr(user, "_hub_has_otp_device"):
        user._hub_has_otp_device = user_has_device(user, confirmed=True)
    return user._hub_has_otp_device


def privileged(user, has_power) -> Access:
    """Grant a privileged power the user holds only to a confirmed session.

    The confirmation is needed when ``ADMIN_2FA_REQUIRED`` is on, or when the user has turned
    two-factor on (their own choice must not be skipped by the public site).
    """
    if not has_power:
        return DENIED
    if session_verified(user):
        return ALLOWED
    if settings.ADMIN_2FA_REQUIRED or has_device(user):
        return SECOND_FACTOR_NEEDED
    return ALLOWED


def any_of(*answers) -> Access:
    """Allowed if any answer allows; else "second factor needed" if any says so; else denied.

    Answers may be plain booleans (the user's own rights) or :class:`Access` values.
    """
    needs = False
    for answer in answers:
        if answer:
            return ALLOWED
        needs = needs or getattr(answer, "needs_second_factor", False)
    return SECOND_FACTOR_NEEDED if needs else DENIED


def second_factor_url(request, next_url=None) -> str:
    """Where the signed-in user confirms this session (or sets a device up), then comes back.

    ``next_url`` defaults to the current address; a view answering a POST passes the page
    to return to instead. An address off this site is never used.
    """
    target = safe_target(request, next_url or request.get_full_path(), "/")
    name = "hub_2fa_verify" if has_device(request.user) else "hub_2fa_setup"
    return f"{reverse(name)}?{urlencode({'next': target})}"


def second_factor_redirect(request, next_url=None):
    """Redirect to :func:`second_factor_url`."""
    return redirect(second_factor_url(request, next_url))


def admin_user(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )


class AdminTwoFactorMiddleware:
    """Send admin users who have not confirmed this session with a code to do so.

    Must come after ``django_otp.middleware.OTPMiddleware``. Only the admin is guarded;
    its sign-in, sign-out and the two-factor pages themselves stay reachable.
    """

    open_url_names = {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "hub_2fa_verify",
    }
    setup_url_names = {"hub_2fa_setup"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.redirect_for(request)
        return response or self.get_response(request)

    def redirect_for(self, request):
        admin_prefix = reverse("wagtailadmin_home")
        if not request.path_info.startswith(admin_prefix):
            return None
        user = request.user
        if not admin_user(user) or user.is_verified():
            return None
        match = getattr(request, "resolver_match", None)
        if match is None:
            from django.urls import Resolver404, resolve

            try:
                match = resolve(request.path_info)
            except Resolver404:
                return None
        if match.url_name in self.open_url_names:
            return None
        if has_device(user) or (
            settings.ADMIN_2FA_REQUIRED and match.url_name not in self.setup_url_names
        ):
            return second_factor_redirect(request)
        return None


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The 6-digit code from your authenticator app, or one of your backup codes."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )

    def __init__(self, *args, user=None, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = device
        self.matched_device = None

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if self.device is not None:
            # Setting up: only the new app's code proves the app was set up correctly.
            allowed, _info = self.device.verify_is_allowed()
            if not allowed:
                raise forms.ValidationError(
                    _("Too many wrong codes in a row. Wait a few seconds, then try again."),
                    code="throttled",
                )
            if self.device.verify_token(code):
                self.matched_device = self.device
        else:
            # django-otp makes each wrong code wait longer before the next is checked.
            if any(not device.verify_is_allowed()[0] for device in devices_for_user(self.user)):
                raise forms.ValidationError(
                    _("Too many wrong codes in a row. Wait a few seconds, then try again."),
                    code="throttled",
                )
            self.matched_device = match_token(self.user, code)
        if self.matched_device is None:
            raise forms.ValidationError(
                _(
                    "That code is not valid. Check the time on your phone, then try the "
                    "newest code."
                ),
                code="invalid",
            )
        return code


def _safe_next(request, default):
    return next_url(request, default)


def _new_backup_codes(user) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(user=user, name=BACKUP_DEVICE_NAME)
    device.confirmed = True
    device.save()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _app_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    """Second step of signing in to the admin: a code from the app or a backup code."""
    home = reverse("wagtailadmin_home")
    if request.user.is_verified() or not user_has_device(request.user, confirmed=True):
        return redirect(_safe_next(request, home))
    form = CodeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.matched_device)
        if isinstance(form.matched_device, StaticDevice):
            left = form.matched_device.token_set.count()
            messages.warning(
                request,
                _("You used a backup code; %(count)d remain. Make new ones if you run low.")
                % {"count": left},
            )
        return redirect(_safe_next(request, home))
    return render(
        request,
        "hub/twofactor/verify.html",
        {"form": form, "next": _safe_next(request, home)},
    )


def _qr_data_uri(device, user) -> str:
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


def _secret(device) -> str:
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@require_http_methods(["GET", "POST"])
def setup(request):
    """Add an authenticator app: scan the code, enter the first code, get backup codes."""
    user = request.user
    if _app_device(user) is not None:
        return redirect("hub_2fa_manage")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None, user=user, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        codes = _new_backup_codes(user)
        return render(
            request,
            "hub/twofactor/backup_codes.html",
            {"codes": codes, "next": _safe_next(request, reverse("hub_2fa_manage"))},
        )
    return render(
        request,
        "hub/twofactor/setup.html",
        {
            "form": form,
            "qr_code": _qr_data_uri(device, user),
            "secret": _secret(device),
            "next": _safe_next(request, reverse("hub_2fa_manage")),
            "required": settings.ADMIN_2FA_REQUIRED,
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request):
    """The account's two-factor status: turn it on or off, make new backup codes."""
    user = request.user
    device = _app_device(user)
    backup = StaticDevice.objects.filter(user=user, name=BACKUP_DEVICE_NAME).first()
    action = request.POST.get("action")
    form = CodeForm(request.POST or None, user=user) if action else CodeForm(user=user)
    if request.method == "POST" and device is not None and form.is_valid():
        if action == "codes":
            codes = _new_backup_codes(user)
            return render(
                request,
                "hub/twofactor/backup_codes.html",
                {"codes": codes, "next": reverse("hub_2fa_manage")},
            )
        if action == "disable" and not settings.ADMIN_2FA_REQUIRED:
            for each in devices_for_user(user, confirmed=None):
                each.delete()
            messages.success(request, _("Two-factor authentication is off for your account."))
            return redirect("hub_2fa_manage")
    return render(
        request,
        "hub/twofactor/manage.html",
        {
            "device": device,
            "codes_left": backup.token_set.count() if backup else 0,
            "form": form,
            "action": action,
            "required": settings.ADMIN_2FA_REQUIRED,
        },
    )
