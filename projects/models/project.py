"""A project: one of the institution's projects, which officers can find and ask to join."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.blocks import BodyBlock
from hub.i18n import page_translatable_fields
from hub.indexing import prefetch_parental_relations
from hub.languages import with_content_locale
from projects import permissions
from projects.api_fields import PROJECT_API_FIELDS, PROJECT_API_OPTIONS
from projects.models.people import JoinRequest
from projects.models.stopping import stopped_reason_errors
from projects.routes import route_slugs
from projects.upkeep import is_possibly_stale


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
        # What the registry's facets and "possibly stale last" ordering need from an engine
        # (keyword fields, counted by its aggregations; see projects.facets).
        index.FilterField("theme_slugs"),
        index.FilterField("campus_slugs"),
        index.FilterField("unit_slug"),
        index.FilterField("needs_new_lead"),
        index.FilterField("last_confirmed_at"),
    ]

    translatable_fields = page_translatable_fields(
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
    )

    api_fields, api_options = PROJECT_API_FIELDS, PROJECT_API_OPTIONS
    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []
    template = "projects/project_page.html"

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if self.slug in route_slugs(apps.get_model("projects", "ProjectIndexPage")):
            errors["slug"] = _("“%(slug)s” is reserved for the registry's own pages.") % {
                "slug": self.slug
            }
        previous = None
        if self.pk:
            previous = (
                ProjectPage.objects.filter(pk=self.pk).values("status", "stopped_reason").first()
            )
        errors.update(
            stopped_reason_errors(
                self.status,
                self.stopped_reason,
                previous_status=previous["status"] if previous else None,
                previous_reason=previous["stopped_reason"] if previous else "",
                new=previous is None,
            )
        )
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        """A revision's version of the page, keeping what belongs to the project as a whole.

        The lead's "still current" confirmation is recorded on the live row (it needs no
        moderation), so a draft written earlier must not turn it back. A revision may name a
        lead who has since deleted their account: Wagtail (modelcluster) drops the dangling
        reference, and the project stays flagged for moderators to find a new lead.
        """
        obj = super().with_content_json(content)
        if self.last_confirmed_at and (
            obj.last_confirmed_at is None or obj.last_confirmed_at < self.last_confirmed_at
        ):
            obj.last_confirmed_at = self.last_confirmed_at
        if obj.staff_lead_id is None and content.get("staff_lead"):
            obj.needs_new_lead = True
        return obj

    @classmethod
    def get_indexed_objects(cls):
        # campuses are a filter field only (campus_slugs), which the helper does not see
        indexed = prefetch_parental_relations(cls, super().get_indexed_objects())
        return indexed.prefetch_related("campuses")

    @property
    def theme_slugs(self):
        return [theme.slug for theme in self.themes.all()]

    @property
    def campus_slugs(self):
        return [campus.slug for campus in self.campuses.all()]

    @property
    def unit_slug(self):
        return self.lead_unit.slug if self.lead_unit_id else None

    @property
    def is_possibly_stale(self):
        """Not confirmed as current by its lead for six months (see ``projects.upkeep``)."""
        return is_possibly_stale(self.status, self.last_confirmed_at, self.first_published_at)

    @property
    def stopped_reason_label(self):
        if self.status == self.Status.COMPLETED:
            return _("How it ended")
        return _("Why it is paused")

    @property
    def lead_ids(self):
        """The people who answer join requests: the staff lead and the union contact."""
        return {pk for pk in (self.staff_lead_id, self.union_contact_id) if pk}

    def get_canonical(self):
        """The page that holds this project's requests and members, whatever the language.

        A project exists once per language (translations and aliases share a translation
        key); people join the project, not one language's copy, so requests and members
        hang on the first page created for it, which never changes.
        """
        first = (
            ProjectPage.objects.filter(translation_key=self.translation_key).order_by("pk").first()
        )
        return first or self

    # Officers may join work that is planned or under way, never paused or finished work.
    JOINABLE_STATUSES = ("proposed", "active")

    @property
    def accepts_officers(self):
        """Whether officers may ask to join now: open, and proposed or active."""
        return self.open_to_officers and self.status in self.JOINABLE_STATUSES

    def get_related_projects(self, limit=4):
        """Live projects in the same language that share at least one theme, most shared first."""
        theme_ids = [theme.pk for theme in self.themes.all()]
        if not theme_ids:
            return ProjectPage.objects.none()
        return (
            with_content_locale(ProjectPage.objects.live().public())
            .filter(locale_id=self.locale_id, themes__in=theme_ids)
            .exclude(pk=self.pk)
            .annotate(shared=models.Count("themes"))
            .order_by("-shared", "-last_published_at")
            .select_related("lead_unit")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template keeps the public parts in {% sharedfragment %}s, so for most
        # readers neither the related projects nor the members are queried.
        context["related_projects"] = SimpleLazyObject(lambda: list(self.get_related_projects()))
        user = request.user
        context["show_contacts"] = user.is_authenticated
        canonical = SimpleLazyObject(self.get_canonical)
        everyone = SimpleLazyObject(
            lambda: list(
                canonical.members.filter(user__isnull=False)
                .select_related("user")
                .order_by("joined_at")
            )
        )
        members = SimpleLazyObject(lambda: [m for m in everyone if m.left_on is None])
        context["members"] = members
        context["former_members"] = SimpleLazyObject(
            lambda: sorted(
                (m for m in everyone if m.left_on is not None),
                key=lambda m: m.left_on,
                reverse=True,
            )
        )
        context["canonical"] = canonical
        if user.is_authenticated:
            canonical = self.get_canonical()
            members = list(members)
            context.update(canonical=canonical, members=members)
            is_member = any(member.user_id == user.pk for member in members)
            my_request = (
                JoinRequest.objects.filter(
                    project=canonical, officer=user, state=JoinRequest.State.PENDING
                )
                .only("pk", "state", "created_at")
                .first()
            )
            context.update(
                is_member=is_member,
                my_request=my_request,
                is_lead=permissions.is_lead(user, canonical),
                can_edit=permissions.can_edit_project(user, self),
                can_confirm=permissions.can_confirm_current(user, canonical),
                can_join=(
                    permissions.can_ask_to_join(user)
                    and canonical.accepts_officers
                    and not is_member
                    and my_request is None
                    and user.pk not in canonical.lead_ids
                ),
            )
        return context
