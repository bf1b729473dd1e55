"""Saved registry searches and what their e-mail alerts have already sent."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SavedSearch(models.Model):
    """A person's registry search (its normalised query string) and how often to e-mail them
    the projects newly published that match it (:mod:`projects.alert_digest`)."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_searches",
        verbose_name=_("owner"),
    )
    # ``q``, the known filters and ``lang=all``, sorted; no sort order and no page number.
    query = models.CharField(_("search"), max_length=2000, blank=True)
    name = models.CharField(_("name"), max_length=200)
    # The reader's language when they saved it: the registry (and projects) of that language.
    language = models.CharField(_("language"), max_length=12)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # When the digest was last worked out, and when one was last e-mailed.
    checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)
    # Signed into unsubscribe links: a link stops working once its search is deleted, even
    # if the database later gives the same id to another search.
    key = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "language", "query"], name="saved_search_once_per_owner"
            )
        ]

    def __str__(self):
        return self.name


class SentAlert(models.Model):
    """A project (all its translations: its ``translation_key``) already e-mailed for a
    saved search, so it is never sent again, even when it is republished or translated."""

    search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="sent")
    translation_key = models.UUIDField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("sent alert")
        verbose_name_plural = _("sent alerts")
        constraints = [
            models.UniqueConstraint(
                fields=["search", "translation_key"], name="sent_alert_once_per_project"
            )
        ]

    def __str__(self):
        return f"{self.search_id}: {self.translation_key}"
