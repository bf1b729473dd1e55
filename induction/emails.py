"""E-mails to officers, written in each recipient's preferred language."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


def _language(user):
    codes = {code for code, _name in settings.LANGUAGES}
    return user.preferred_language if user.preferred_language in codes else settings.LANGUAGE_CODE


def _absolute(base_url, path):
    if path.startswith(("http://", "https://")):
        return path
    return base_url.rstrip("/") + path


def hub_path(language):
    """The induction hub's path in ``language`` (or the default language)."""
    # Looked up by name: the hub page's handover routes send these e-mails, so importing the
    # page model here would make the two modules import each other.
    hubs = apps.get_model("induction", "InductionIndexPage").objects.live().select_related("locale")
    page = hubs.filter(locale__language_code=language).first() or hubs.first()
    url = page.get_url() if page is not None else None
    return url or f"/{language}/"


def set_password_path(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("induction:set_password", kwargs={"uidb64": uid, "token": token})


def send_invitation(user, term, *, base_url, needs_password=True):
    """Welcome a newly imported officer; new accounts get a link to choose a password."""
    with translation.override(_language(user)):
        context = {
            "user": user,
            "term": term,
            "role": term.role.localized,
            "set_password_url": (
                _absolute(base_url, set_password_path(user)) if needs_password else None
            ),
            "login_url": _absolute(base_url, reverse("login")),
            "induction_url": _absolute(base_url, hub_path(translation.get_language())),
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        }
        subject = render_to_string("induction/email/invitation_subject.txt", context)
        body = render_to_string("induction/email/invitation.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])


def needs_invitation(user):
    """Whether ``user`` may be sent an invitation again: an active account with no password.

    Someone who already chose a password uses "Forgot your password?" instead, so an editor
    never sends a set-password link to an account in use.
    """
    return user is not None and user.is_active and not user.has_usable_password()


def resend_invitation(term, *, base_url):
    """Send ``term``'s officer their invitation again, with a fresh link; ``False`` if they
    already chose a password (or their account is gone)."""
    if not needs_invitation(term.user):
        return False
    send_invitation(term.user, term, base_url=base_url, needs_password=True)
    return True


def send_handover_ready(handover, successors, *, base_url, path_for):
    """Tell the successor(s) their predecessor's handover is ready to read."""
    for user in successors:
        with translation.override(_language(user)):
            context = {
                "user": user,
                "handover": handover,
                "author": handover.author,
                "role": handover.term.role.localized,
                "url": _absolute(base_url, path_for(translation.get_language())),
            }
            subject = render_to_string("induction/email/handover_subject.txt", context)
            body = render_to_string("induction/email/handover.txt", context)
        send_mail(" ".join(subject.split()), body, None, [user.email])
