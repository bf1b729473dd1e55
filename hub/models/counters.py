"""Counters behind rate limits that must survive any cache (see ``hub.ratelimits``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RateCounter(models.Model):
    """How many attempts one key (a keyed digest, never an address) made in its window."""

    key = models.CharField(_("key"), max_length=120, unique=True)
    count = models.PositiveIntegerField(_("count"), default=0)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)

    class Meta:
        verbose_name = _("rate counter")
        verbose_name_plural = _("rate counters")

    def __str__(self):
        return f"{self.key}: {self.count}"
