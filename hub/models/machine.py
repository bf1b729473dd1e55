"""Machine translation: which published pages the machine wrote, and bulk translation jobs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MachineTranslation(models.Model):
    """A translated page published with machine-made text, until a person marks it reviewed.

    Recorded when the page is published (``hub.machine_translation.record_on_publish``); while
    ``reviewed_at`` is empty readers see a notice with a link to the original.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="machine_translation",
        verbose_name=_("page"),
    )
    source_locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("original language"),
    )
    translator = models.CharField(_("translator"), max_length=255, blank=True)
    translated_at = models.DateTimeField(_("machine translated"))
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )

    class Meta:
        verbose_name = _("machine translation")
        verbose_name_plural = _("machine translations")

    def __str__(self):
        return f"{self.page_id}: {self.translator}"

    @property
    def is_reviewed(self):
        return self.reviewed_at is not None


class BulkTranslationJob(models.Model):
    """Translating or syncing a section (a page and its descendants) in the background."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Stopped with an error")

    section = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("section"),
    )
    locales = models.ManyToManyField(
        "wagtailcore.Locale", related_name="+", verbose_name=_("languages")
    )
    machine_translate = models.BooleanField(_("machine translate missing text"), default=False)
    publish = models.BooleanField(_("publish"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("translations to make"), default=0)
    done = models.PositiveIntegerField(_("translations made"), default=0)
    failed = models.PositiveIntegerField(_("translations failed"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("bulk translation")
        verbose_name_plural = _("bulk translations")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.section_id}: {self.done}/{self.total}"

    @property
    def is_finished(self):
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def percent(self):
        if not self.total:
            return 100 if self.is_finished else 0
        return round(100 * (self.done + self.failed) / self.total)
