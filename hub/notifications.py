"""Tell people what happened: an on-site notification, and the same text by e-mail.

Apps call :func:`notify` with a template name; the subject and text are rendered in the
recipient's preferred language and stored as a :class:`~hub.models.Notification`, and the
e-mail is sent by a background task (``hub.tasks.send_notification_email``): immediately in
development and tests, through the database queue and ``manage.py db_worker`` in production.
Because the queued task is written in the same transaction as the notification, a worker
never sees one without the other.

:func:`notify_later` moves the whole fan-out off the request: one queued task renders and
stores the notifications (and queues their e-mails), so a request that tells several people
pays for one row. It too is queued in the caller's transaction: it runs only if what it
tells about was saved.
"""

import contextlib
import threading

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from hub.models import Notification

_state = threading.local()

# Links named like URLs ("projects:request") that are page routes, built by their app
# (:func:`register_links`), so that queued tasks name every link the same way.
_link_builders = {}


def register_links(namespace, build):
    """Build the links ``"<namespace>:<name>"`` of :func:`notify_later` as
    ``build(name, *args)`` (from an app's ``ready()``) instead of with ``reverse()``."""
    _link_builders[namespace] = build


def link_for(url_name, args=()):
    """The path named ``url_name`` with ``args``: an app's page route, else Django's URL."""
    namespace, _sep, name = url_name.partition(":")
    build = _link_builders.get(namespace) if name else None
    return build(name, *args) if build else reverse(url_name, args=args)


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


def notify_later(recipient_ids, kind, template, context=None, url_name="", url_args=(), email=True):
    """:func:`notify` each of ``recipient_ids`` (users' primary keys) from one background
    task instead of now.

    ``context`` holds model instances (passed to the task by reference, loaded again there)
    and JSON values; the link is ``link_for(url_name, url_args)`` in each recipient's
    language. Nothing is sent when an instance has been deleted before the task runs. Inside
    :func:`emails_suppressed` (demo content) the notifications are stored at once.
    """
    ids = [pk for pk in recipient_ids if pk is not None]
    if not ids:
        return
    from hub.tasks import send_notifications

    references = {
        name: {"model": value._meta.label_lower, "pk": value.pk}
        if isinstance(value, models.Model)
        else value
        for name, value in (context or {}).items()
    }
    if getattr(_state, "suppressed", False):  # loading demo content: complete at once, no mail
        notify_each(ids, kind, template, references, url_name, list(url_args), email=False)
        return
    send_notifications.enqueue(ids, kind, template, references, url_name, list(url_args), email)


def notify_each(recipient_ids, kind, template, references, url_name, url_args, email):
    """The work of :func:`notify_later`'s task; how many were notified."""
    context = {}
    for name, value in references.items():
        if isinstance(value, dict) and set(value) == {"model", "pk"}:
            model = apps.get_model(value["model"])
            value = model._default_manager.filter(pk=value["pk"]).first()
            if value is None:  # deleted before the task ran: nothing left to tell
                return 0
        context[name] = value
    people = get_user_model().objects.in_bulk(recipient_ids)
    url = (lambda: link_for(url_name, url_args)) if url_name else ""
    sent = 0
    for pk in recipient_ids:
        if notify(people.get(pk), kind, template, context, url=url, email=email):
            sent += 1
    return sent
