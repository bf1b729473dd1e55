"""Forgotten passwords: ask for a link by e-mail, then choose a new password.

Django's own views (``hub.views.PasswordResetView`` and friends, under the language prefix)
with these rules:

- **No account enumeration.** The answer is the same page whether or not an account uses the
  address typed, whether it is active, and whether a limit was reached; the e-mail leaves from
  a background task, so the answer's timing does not tell either. Inactive accounts get
  nothing.
- **Rate limits**, counted in the database (:class:`~hub.models.PasswordResetRequest`, only
  keyed digests): ``PASSWORD_RESET_LIMIT_PER_ADDRESS`` requests per client address and
  ``PASSWORD_RESET_LIMIT_PER_EMAIL`` per e-mail address within
  ``PASSWORD_RESET_WINDOW_SECONDS``. Over a limit nothing is sent.
- **The e-mail** is written in the recipient's preferred language (else the language of the
  page that asked); its link carries that language's prefix and works for
  ``PASSWORD_RESET_TIMEOUT``, which the e-mail states. Accounts that have no password yet
  (officers invited by an import) use the same link to choose one.
- **The new password** passes ``AUTH_PASSWORD_VALIDATORS``. Then every other session of the
  account is signed out (Django's session auth hash), its sign-in lockout is lifted
  (django-axes), and the person is *not* signed in: they sign in as usual, so a second factor
  still applies.
"""

from __future__ import annotations

import datetime
import logging

from axes.utils import reset as reset_lockout
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.contrib.auth.password_validation import password_validators_help_texts
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from hub.models import PasswordResetRequest
from hub.notifications import absolute_url
from hub.security import client_ip

logger = logging.getLogger(__name__)


def normalise_email(email) -> str:
    """An e-mail address spelt one way: trimmed and case-folded."""
    return str(email or "").strip().casefold()


def _digest(kind: str, value: str) -> str:
    return salted_hmac(f"hub.passwords.{kind}", value).hexdigest()


# --- Rate limits ------------------------------------------------------------------------------


def reset_request_allowed(request, email) -> bool:
    """Whether a reset e-mail may be sent for this request; an allowed request is counted.

    Requests over a limit are not counted, so someone who keeps asking cannot stretch the
    window; an address's owner gets at most ``PASSWORD_RESET_LIMIT_PER_EMAIL`` working links
    an hour, whoever asked for them.
    """
    now = timezone.now()
    since = now - datetime.timedelta(seconds=settings.PASSWORD_RESET_WINDOW_SECONDS)
    PasswordResetRequest.objects.filter(requested_at__lt=since).delete()
    client = _digest("client", client_ip(request))
    account = _digest("email", normalise_email(email))
    counts = PasswordResetRequest.objects.filter(requested_at__gte=since).aggregate(
        client=Count("pk", filter=Q(client_digest=client)),
        account=Count("pk", filter=Q(email_digest=account)),
    )
    if (
        counts["client"] >= settings.PASSWORD_RESET_LIMIT_PER_ADDRESS
        or counts["account"] >= settings.PASSWORD_RESET_LIMIT_PER_EMAIL
    ):
        logger.warning("Password reset not sent: rate limit reached")
        return False
    PasswordResetRequest.objects.create(
        requested_at=now, client_digest=client, email_digest=account
    )
    return True


# --- Who gets an e-mail, and what it says ---------------------------------------------------


def users_for_reset(email):
    """Active accounts that use ``email``; also those without a password yet (invited)."""
    email = normalise_email(email)
    if not email:
        return []
    candidates = get_user_model().objects.filter(email__iexact=email, is_active=True)
    return [user for user in candidates if normalise_email(user.email) == email]


def email_language(user, fallback=None) -> str:
    """The recipient's preferred language, else ``fallback`` (the page's), else the default."""
    codes = {code for code, _name in settings.LANGUAGES}
    for candidate in (getattr(user, "preferred_language", ""), fallback):
        if candidate in codes:
            return candidate
    return settings.LANGUAGE_CODE


def link_lifetime() -> dict:
    """How long reset links work, for e-mails: whole days, else hours."""
    seconds = max(3600, int(settings.PASSWORD_RESET_TIMEOUT))
    if seconds % 86400 == 0:
        return {"valid_days": seconds // 86400, "valid_hours": None}
    return {"valid_days": None, "valid_hours": -(-seconds // 3600)}


def confirm_path(user) -> str:
    """The reset link's path (in the active language) with a fresh token."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})


def send_reset_email(user, fallback_language=None) -> None:
    """E-mail ``user`` a link to choose a new password, in their language."""
    with translation.override(email_language(user, fallback_language)):
        context = {
            "user": user,
            "has_password": user.has_usable_password(),
            "reset_url": absolute_url(confirm_path(user)),
            "request_url": absolute_url(reverse("password_reset")),
            **link_lifetime(),
        }
        subject = render_to_string("hub/email/password_reset_subject.txt", context)
        body = render_to_string("hub/email/password_reset.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])


def request_password_reset(request, email) -> bool:
    """Handle one request: count it, and queue the e-mails unless a limit is reached.

    Returns whether the request was within the limits (never shown to the person asking).
    """
    if not reset_request_allowed(request, email):
        return False
    from hub.tasks import send_password_reset_emails

    # Queued whether or not anyone uses the address, so the answer takes as long either way;
    # only account numbers go into the queue, not the address typed.
    send_password_reset_emails.enqueue(
        [user.pk for user in users_for_reset(email)], translation.get_language()
    )
    return True


def password_changed(user) -> None:
    """After a reset: lift the account's sign-in lockout (django-axes) from every address."""
    reset_lockout(username=normalise_email(user.email)[:255])


# --- Forms ------------------------------------------------------------------------------------


class ResetRequestForm(PasswordResetForm):
    """The e-mail address to send a reset link to (see :func:`request_password_reset`)."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def get_users(self, email):
        return users_for_reset(email)


class NewPasswordForm(SetPasswordForm):
    """Django's form for a new password, checked by ``AUTH_PASSWORD_VALIDATORS``.

    The validators' rules are given as plain text (Django's default is an HTML list, which
    the site's field template would put inside a paragraph).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = " ".join(
            str(text) for text in password_validators_help_texts()
        )
