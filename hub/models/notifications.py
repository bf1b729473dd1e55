"""On-site notifications: what happened that concerns a person, in their language."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One message to one person, written in their preferred language when it was sent.

    The same text goes by e-mail (from a background task) when ``emailed`` is requested;
    ``emailed_at`` records when the e-mail left.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(
        _("kind"), max_length=60, help_text=_("What happened, e.g. join_request.created.")
    )
    title = models.CharField(_("title"), max_length=255)
    body = models.TextField(_("text"), max_length=5000, blank=True)
    url = models.CharField(
        _("link"), max_length=500, blank=True, help_text=_("Where to act on it, on this site.")
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]

    def __str__(self):
        return self.title

    @property
    def is_read(self):
        return self.read_at is not None
