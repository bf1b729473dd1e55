"""Each officer's own progress: personal data, never translated, never shown to other officers.

Modules and programmes are identified by their pages' ``translation_key``, so progress made
while reading in one language counts in every other; checklist items, quizzes and
reflections by their StreamField block ids, which translations keep.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ModuleProgress(models.Model):
    """Where an officer stands in one module; ``completed_at`` is set once it is done."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="induction_progress",
        verbose_name=_("officer"),
    )
    module_key = models.UUIDField(_("module"), db_index=True)
    programme_key = models.UUIDField(_("programme"), db_index=True)
    last_step = models.CharField(
        _("last step"), max_length=64, blank=True, help_text=_("The block worked on last.")
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last activity"), auto_now=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "module_key"], name="unique_module_progress")
        ]

    def __str__(self):
        return f"{self.user_id}:{self.module_key}"


class ChecklistTick(models.Model):
    """One ticked checklist item."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    module_key = models.UUIDField(_("module"))
    item_id = models.CharField(_("item"), max_length=64)
    ticked_at = models.DateTimeField(_("ticked"), auto_now_add=True)

    class Meta:
        verbose_name = _("checklist tick")
        verbose_name_plural = _("checklist ticks")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module_key", "item_id"], name="unique_checklist_tick"
            )
        ]
        indexes = [models.Index(fields=["user", "module_key"])]

    def __str__(self):
        return self.item_id


class QuizAttempt(models.Model):
    """One submission of a quiz, as marked on the server."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    module_key = models.UUIDField(_("module"))
    quiz_id = models.CharField(_("quiz"), max_length=64)
    answers = models.JSONField(_("answers"), default=dict)
    results = models.JSONField(_("results"), default=list)
    score = models.PositiveSmallIntegerField(_("score"))
    total = models.PositiveSmallIntegerField(_("questions"))
    passed = models.BooleanField(_("passed"), default=False)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "module_key"])]

    def __str__(self):
        return f"{self.score}/{self.total}"


class ReflectionAnswer(models.Model):
    """An officer's private answer to a reflection question."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    module_key = models.UUIDField(_("module"))
    block_id = models.CharField(_("question"), max_length=64)
    text = models.TextField(_("your answer"), max_length=5000)
    updated_at = models.DateTimeField(_("saved"), auto_now=True)

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module_key", "block_id"], name="unique_reflection_answer"
            )
        ]

    def __str__(self):
        return self.block_id


class ProgrammeCompletion(models.Model):
    """The badge: an officer completed every module of their programme."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="induction_completions",
        verbose_name=_("officer"),
    )
    programme_key = models.UUIDField(_("programme"))
    programme_title = models.CharField(_("programme"), max_length=255)
    completed_at = models.DateTimeField(_("completed"), auto_now_add=True)

    class Meta:
        verbose_name = _("completed programme")
        verbose_name_plural = _("completed programmes")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme_key"], name="unique_programme_completion"
            )
        ]

    def __str__(self):
        return self.programme_title


def new_calendar_token():
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in an officer's personal calendar feed address (calendar apps cannot sign
    in). Regenerating it makes the old address stop working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="induction_calendar"
    )
    token = models.CharField(_("token"), max_length=100, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(_("created"), auto_now=True)

    class Meta:
        verbose_name = _("calendar feed token")
        verbose_name_plural = _("calendar feed tokens")

    def __str__(self):
        return str(self.user_id)

    def regenerate(self):
        self.token = new_calendar_token()
        self.save(update_fields=["token", "created_at"])
