"""Background tasks (django-tasks): immediate in development and tests, queued in production."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from hub.models import Notification
from hub.notifications import absolute_url, notify_each, recipient_language


@task()
def send_notification_email(notification_id):
    """E-mail one notification to its recipient, once; ``False`` if there is nothing to send."""
    notification = (
        Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    )
    if notification is None or notification.emailed_at is not None:
        return False
    recipient = notification.recipient
    if not recipient.is_active or not recipient.email:
        return False
    with translation.override(recipient_language(recipient)):
        text = render_to_string(
            "hub/email/notification.txt",
            {
                "notification": notification,
                "recipient": recipient,
                "link": absolute_url(notification.url),
                "account_link": absolute_url(reverse("account")),
            },
        )
    send_mail(notification.title, text, None, [recipient.email])
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
    return True


@task()
def send_notifications(recipient_ids, kind, template, references, url_name, url_args, email):
    """Notify several people of one event (:func:`hub.notifications.notify_later`)."""
    return notify_each(recipient_ids, kind, template, references, url_name, url_args, email)


@task()
def send_password_reset_emails(user_ids, language):
    """E-mail a reset link to each of these accounts that is still active; returns how many.

    ``language`` is the page's language, used for anyone without a preferred language.
    """
    from django.contrib.auth import get_user_model

    from hub.passwords import send_reset_email

    sent = 0
    for user in get_user_model().objects.filter(pk__in=user_ids, is_active=True):
        send_reset_email(user, language)
        sent += 1
    return sent


@task()
def translate_section(job_id):
    """Translate or sync a section into other languages (:mod:`hub.bulk_translation`)."""
    from hub.bulk_translation import run

    job = run(job_id)
    return {"done": job.done, "failed": job.failed, "total": job.total}
