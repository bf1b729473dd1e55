"""Handover notes from the outgoing holder of a role to their successor."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hub.twofactor import ALLOWED, DENIED, privileged


class Handover(models.Model):
    """What an outgoing officer passes on. Drafts are private to the author; once submitted
    the successor(s) in the role and moderators can read it, and nobody else."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    term = models.OneToOneField(
        "induction.OfficerTerm",
        on_delete=models.CASCADE,
        related_name="handover",
        verbose_name=_("outgoing term"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="handovers_written",
        verbose_name=_("author"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    overview = models.TextField(
        _("the year in brief"),
        max_length=3000,
        blank=True,
        help_text=_("What the role was like this year and what changed."),
    )
    pending_decisions = models.TextField(
        _("decisions pending"),
        max_length=3000,
        blank=True,
        help_text=_("Decisions still open: who decides, when, and where you stood."),
    )
    pledges_note = models.TextField(
        _("about the unfinished pledges"),
        max_length=3000,
        blank=True,
        help_text=_("Where the pledges you could not finish stand."),
    )
    advice = models.TextField(
        _("advice"),
        max_length=3000,
        blank=True,
        help_text=_("What you wish you had known in your first month."),
    )
    unfinished_pledges = models.ManyToManyField(
        "induction.Pledge", blank=True, related_name="+", verbose_name=_("unfinished pledges")
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("handover")
        verbose_name_plural = _("handovers")

    def __str__(self):
        return str(self.term)

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED

    def successor_user_ids(self):
        return set(self.term.successor_terms().values_list("user_id", flat=True))

    def can_read(self, user):
        """Its author; once submitted, the successors, and moderators (a privileged power,
        granted only to a session confirmed with a second factor: see hub.twofactor)."""
        if not user.is_authenticated:
            return DENIED
        if self.author_id == user.pk:
            return ALLOWED
        if not self.is_submitted:
            return DENIED
        if user.pk in self.successor_user_ids():
            return ALLOWED
        return privileged(user, user.in_group("Moderators"))


class HandoverProject(models.Model):
    """An ongoing registry project passed on, with a note on where it stands."""

    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="project_links")
    project = models.ForeignKey(
        "projects.ProjectPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("project"),
    )
    note = models.TextField(_("where it stands"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("handover project")
        verbose_name_plural = _("handover projects")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["handover", "project"], name="unique_handover_project")
        ]

    def __str__(self):
        return str(self.project_id)


class HandoverContact(models.Model):
    """Someone the successor should know."""

    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role or organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    why = models.TextField(_("why they matter"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("key contact")
        verbose_name_plural = _("key contacts")
        ordering = ["pk"]

    def __str__(self):
        return self.name
