"""The people around a project: members, requests to join and their history, registrations.

Personal data: never translated or published (see :mod:`projects.personal` for what a person
can export or erase).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectMember(models.Model):
    """A person working on a project alongside its leads (usually an accepted officer)."""

    project = models.ForeignKey(
        "ProjectPage", on_delete=models.CASCADE, related_name="members", verbose_name=_("project")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="project_memberships",
        verbose_name=_("user"),
        help_text=_("Empty once the member deleted their account."),
    )
    role = models.CharField(_("role"), max_length=120, blank=True)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)
    left_on = models.DateField(
        _("left on"),
        null=True,
        blank=True,
        help_text=_("Set when the member's officer term ended; former members are listed apart."),
    )
    request = models.ForeignKey(
        "JoinRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
        verbose_name=_("join request"),
        help_text=_("The request whose acceptance made this membership."),
    )

    class Meta:
        verbose_name = _("project member")
        verbose_name_plural = _("project members")
        ordering = ["joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="unique_project_member")
        ]

    def __str__(self):
        return f"{self.user} – {self.project}"


class JoinRequest(models.Model):
    """An officer's request to join a project; personal data, never translated or published."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        REMOVED = "removed", _("Removed from the project")

    project = models.ForeignKey(
        "ProjectPage",
        on_delete=models.CASCADE,
        related_name="join_requests",
        verbose_name=_("project"),
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="join_requests",
        verbose_name=_("officer"),
    )
    message = models.TextField(_("message"), max_length=2000)
    how_to_help = models.TextField(_("how I would like to help"), max_length=1000, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "officer"],
                condition=models.Q(state="pending"),
                name="one_open_join_request",
            )
        ]

    def __str__(self):
        return f"{self.officer} → {self.project} ({self.get_state_display()})"

    @property
    def is_open(self):
        return self.state == self.State.PENDING


class JoinRequestEvent(models.Model):
    """Who changed a join request's state, and when (the audit trail)."""

    request = models.ForeignKey(
        JoinRequest, on_delete=models.CASCADE, related_name="events", verbose_name=_("request")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("actor"),
    )
    from_state = models.CharField(_("from"), max_length=20, blank=True)
    to_state = models.CharField(_("to"), max_length=20)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("join request event")
        verbose_name_plural = _("join request events")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.from_state} → {self.to_state}"


class ProjectRegistration(models.Model):
    """One submission of the registration form, so a repeated submit creates nothing new.

    The form carries a random token; the unique constraint on it turns a double click or a
    refreshed confirmation into a redirect to the project already created.
    """

    token = models.UUIDField(_("token"), unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("registrant"),
    )
    project = models.ForeignKey(
        "ProjectPage",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("project"),
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        verbose_name = _("project registration")
        verbose_name_plural = _("project registrations")

    def __str__(self):
        return str(self.token)
