"""What the search service remembers: index writes to catch up, and what readers searched for.

Neither model holds personal data: the backlog names objects, and search statistics are daily
counts per normalised term and language (e-mail addresses and long numbers are masked before
a term is stored), with no user, session or address.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

REBUILD = "*"


class IndexBacklog(models.Model):
    """An index write the engine did not receive; ``manage.py search_catch_up`` replays it.

    One row per object (a later failure for the same object only refreshes the row). The model
    label ``*`` means the engine's index has to be rebuilt as a whole.
    """

    backend = models.CharField(_("backend"), max_length=50, default="default")
    model_label = models.CharField(_("model"), max_length=150)
    object_pk = models.CharField(_("object id"), max_length=64, blank=True)
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)
    attempts = models.PositiveIntegerField(_("failed attempts"), default=1)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("pending index write")
        verbose_name_plural = _("pending index writes")
        ordering = ["recorded_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["backend", "model_label", "object_pk"], name="unique_index_backlog"
            )
        ]

    def __str__(self):
        return f"{self.model_label}#{self.object_pk}"


class SearchTerm(models.Model):
    """A normalised search term in one language."""

    term = models.CharField(_("search term"), max_length=200)
    language = models.CharField(_("language"), max_length=12)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [
            models.UniqueConstraint(fields=["term", "language"], name="unique_search_term")
        ]

    def __str__(self):
        return f"{self.term} ({self.language})"


class SearchTermDay(models.Model):
    """How often a term was searched on one day, and how often it found nothing."""

    term = models.ForeignKey(
        SearchTerm, on_delete=models.CASCADE, related_name="days", verbose_name=_("term")
    )
    date = models.DateField(_("date"), db_index=True)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    no_results = models.PositiveIntegerField(_("searches with no results"), default=0)

    class Meta:
        verbose_name = _("daily search count")
        verbose_name_plural = _("daily search counts")
        constraints = [
            models.UniqueConstraint(fields=["term", "date"], name="unique_search_term_day")
        ]

    def __str__(self):
        return f"{self.term} {self.date}: {self.searches}"
