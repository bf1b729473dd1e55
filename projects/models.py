"""The project registry: an index page that lists and filters projects, and the projects."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.blocks import BodyBlock


class ProjectIndexPage(RoutablePageMixin, Page):
    """The registry: every ongoing project, searchable and filterable (``/en/projects/``)."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("Shown above the list: what the registry is and how to use it."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["hub.HomePage"]
    subpage_types = ["projects.ProjectPage"]
    template = "projects/project_index_page.html"

    class Meta:
        verbose_name = _("project registry")

    def get_context(self, request, *args, **kwargs):
        from projects.listing import RegistryQuery

        context = super().get_context(request, *args, **kwargs)
        context["registry"] = RegistryQuery.from_request(self, request).run()
        return context


class ProjectPage(Page):
    """One of the institution's projects, which officers can find and ask to join."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        COMPLETED = "completed", _("Completed")

    class Stage(models.TextChoices):
        ACCESS = "access", _("Access")
        SUCCESS = "success", _("Success")
        PROGRESSION = "progression", _("Progression")

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences: what the project does and for whom."),
    )
    description = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("description"),
        help_text=_("The full story: aims, methods, who is involved, what has happened so far."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    stage = models.CharField(
        _("student lifecycle stage"),
        max_length=20,
        choices=Stage.choices,
        default=Stage.SUCCESS,
        db_index=True,
        help_text=_("Access (getting in), success (getting on) or progression (moving on)."),
    )
    themes = ParentalManyToManyField(
        "hub.Theme", blank=True, related_name="projects", verbose_name=_("themes")
    )
    lead_unit = models.ForeignKey(
        "hub.Unit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_projects",
        verbose_name=_("lead unit"),
    )
    campuses = ParentalManyToManyField(
        "hub.Campus", blank=True, related_name="projects", verbose_name=_("campuses")
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty for ongoing work.")
    )
    staff_lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("staff lead"),
    )
    union_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("union contact"),
    )
    open_to_officers = models.BooleanField(
        _("open to officers"),
        default=True,
        db_index=True,
        help_text=_("Whether student officers can ask to join."),
    )
    how_officers_can_help = models.TextField(
        _("how officers can help"),
        max_length=1000,
        blank=True,
        help_text=_("Concrete ways a student officer could contribute."),
    )
    outcomes = models.TextField(
        _("outcomes"),
        max_length=2000,
        blank=True,
        help_text=_("What has changed because of the project so far."),
    )
    stopped_reason = models.TextField(
        _("why it ended or paused"),
        max_length=2000,
        blank=True,
        help_text=_("For paused or completed projects: why, and what was learned."),
    )
    last_confirmed_at = models.DateTimeField(
        _("last confirmed by its lead"),
        null=True,
        blank=True,
        help_text=_("When the lead last confirmed the project is still current."),
    )
    needs_new_lead = models.BooleanField(
        _("needs a new lead"),
        default=False,
        help_text=_("Set when the lead left; moderators find a successor."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("stage")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("lead_unit"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("campuses", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("About the project"),
        ),
        MultiFieldPanel(
            [FieldPanel("staff_lead"), FieldPanel("union_contact")],
            heading=_("People"),
        ),
        MultiFieldPanel(
            [FieldPanel("open_to_officers"), FieldPanel("how_officers_can_help")],
            heading=_("Student officers"),
        ),
        FieldPanel("outcomes"),
        FieldPanel("stopped_reason"),
        MultiFieldPanel(
            [FieldPanel("last_confirmed_at", read_only=True), FieldPanel("needs_new_lead")],
            heading=_("Upkeep"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("how_officers_can_help"),
        index.SearchField("outcomes"),
        index.SearchField("stopped_reason"),
        index.AutocompleteField("summary"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("lead_unit", [index.SearchField("name")]),
        index.FilterField("status"),
        index.FilterField("stage"),
        index.FilterField("open_to_officers"),
        index.FilterField("lead_unit"),
        index.FilterField("first_published_at"),
        index.FilterField("last_published_at"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("how_officers_can_help"),
        TranslatableField("outcomes"),
        TranslatableField("stopped_reason"),
        SynchronizedField("last_confirmed_at"),
        SynchronizedField("needs_new_lead"),
        SynchronizedField("status"),
        SynchronizedField("stage"),
        SynchronizedField("themes"),
        SynchronizedField("lead_unit"),
        SynchronizedField("campuses"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("staff_lead"),
        SynchronizedField("union_contact"),
        SynchronizedField("open_to_officers"),
    ]

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []
    template = "projects/project_page.html"

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    @property
    def accepts_officers(self):
        """Whether officers may ask to join now: open, and not finished."""
        return self.open_to_officers and self.status in {self.Status.PROPOSED, self.Status.ACTIVE}

    def get_related_projects(self, limit=4):
        """Live projects in the same language that share at least one theme, most shared first."""
        theme_ids = [theme.pk for theme in self.themes.all()]
        if not theme_ids:
            return ProjectPage.objects.none()
        return (
            ProjectPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, themes__in=theme_ids)
            .exclude(pk=self.pk)
            .annotate(shared=models.Count("themes"))
            .order_by("-shared", "-last_published_at")
            .select_related("lead_unit")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_projects"] = self.get_related_projects()
        context["show_contacts"] = request.user.is_authenticated
        return context


class ProjectMember(models.Model):
    """A person working on a project alongside its leads (usually an accepted officer)."""

    project = models.ForeignKey(
        ProjectPage, on_delete=models.CASCADE, related_name="members", verbose_name=_("project")
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

    project = models.ForeignKey(
        ProjectPage,
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
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.from_state} → {self.to_state}"
