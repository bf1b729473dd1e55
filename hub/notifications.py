"""Tell people what happened: an on-site notification, and the same text by e-mail.

Apps call :func:`notify` with a template name; the subject and text are rendered in the
recipient's preferred language and stored as a :class:`~hub.models.Notification`, and the
e-mail is sent by a background task (``hub.tasks.send_notification_email``): immediately in
development and tests, through the database queue and ``manage.py db_worker`` in production.
Because the queued task is written in the same transaction as the notification, a worker
never sees one without the other.
"""

import contextlib
import threading

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from hub.models import Notification

_state = threading.local()


@contextlib.contextmanager
def emails_suppressed():
    """Record notifications without e-mailing anyone (for loading demo content)."""
    previous = getattr(_state, "suppressed", False)
    _state.suppressed = True
    try:
        yield
    finally:
        _state.suppressed = previous


def absolute_url(path):
    """``path`` on the public site (``BASE_URL``), for links in e-mails."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def recipient_language(user):
    codes = {code for code, _name in settings.LANGUAGES}
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    return language if language in codes else settings.LANGUAGE_CODE


def _localized(context):
    from wagtail.models import Page

    return {
        name: value.localized if isinstance(value, Page) else value
        for name, value in context.items()
    }


def notify(recipient, kind, template, context=None, url="", email=True):
    """Notify one person; returns the :class:`Notification`, or ``None`` for nobody.

    ``template`` names two templates, ``<template>_subject.txt`` and ``<template>.txt``.
    ``url`` may be a callable, called in the recipient's language so that ``reverse()`` and
    page URLs get their language prefix.
    """
    if recipient is None or not recipient.is_active:
        return None
    with translation.override(recipient_language(recipient)):
        # Pages (a project...) by their title in the recipient's language where translated.
        data = {"recipient": recipient, **_localized(context or {})}
        title = " ".join(render_to_string(f"{template}_subject.txt", data).split())
        body = render_to_string(f"{template}.txt", data).strip()
        link = url() if callable(url) else url
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind[:60],
        title=title[:255],
        body=body[:5000],
        url=(link or "")[:500],
    )
    if email and recipient.email and not getattr(_state, "suppressed", False):
        from hub.tasks import send_notification_email

        send_notification_email.enqueue(notification.pk)
    return notification
