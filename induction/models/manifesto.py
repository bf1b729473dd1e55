"""Manifesto pledges, their dated updates, and the optional public tracker."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class Pledge(models.Model):
    """One manifesto pledge of an officer, linked to registry projects or a new initiative."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        ACHIEVED = "achieved", _("Achieved")
        DROPPED = "dropped", _("Dropped")

    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pledges",
        verbose_name=_("officer"),
    )
    title = models.CharField(
        _("pledge"), max_length=200, help_text=_("The promise in a few words.")
    )
    description = models.TextField(
        _("details"),
        max_length=2000,
        blank=True,
        help_text=_("What you promised and why; the words help find matching projects."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    dropped_reason = models.TextField(
        _("why it was dropped"),
        max_length=1000,
        blank=True,
        help_text=_("Required when a pledge is dropped."),
    )
    is_new_initiative = models.BooleanField(
        _("new initiative"),
        default=False,
        help_text=_("No existing project fits: this pledge starts something new."),
    )
    projects = models.ManyToManyField(
        "projects.ProjectPage",
        blank=True,
        related_name="pledges",
        verbose_name=_("linked projects"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.status == self.Status.DROPPED and not self.dropped_reason.strip():
            raise ValidationError({"dropped_reason": _("Say why the pledge was dropped.")})

    @property
    def is_open(self):
        return self.status in {self.Status.NOT_STARTED, self.Status.IN_PROGRESS}


class PledgeUpdate(models.Model):
    """A dated note on a pledge's progress, recording its status at the time."""

    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="updates", verbose_name=_("pledge")
    )
    status = models.CharField(_("status"), max_length=20, choices=Pledge.Status.choices)
    note = models.TextField(_("update"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    class Meta:
        verbose_name = _("pledge update")
        verbose_name_plural = _("pledge updates")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.pledge_id}: {self.status}"


class ManifestoTracker(models.Model):
    """Whether an officer publishes their pledges at ``/<lang>/induction/officers/<slug>/``."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="manifesto_tracker"
    )
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    is_public = models.BooleanField(_("published"), default=False)
    intro = models.TextField(
        _("introduction"),
        max_length=1000,
        blank=True,
        help_text=_("A few words to students reading your tracker."),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("manifesto tracker")
        verbose_name_plural = _("manifesto trackers")

    def __str__(self):
        return self.slug

    @classmethod
    def for_user(cls, user):
        tracker = cls.objects.filter(user=user).first()
        if tracker is None:
            base = slugify(user.get_display_name())[:60] or "officer"
            slug, n = base, 1
            while cls.objects.filter(slug=slug).exists():
                n += 1
                slug = f"{base}-{n}"
            tracker = cls.objects.create(user=user, slug=slug)
        return tracker
