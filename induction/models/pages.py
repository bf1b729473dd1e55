"""The induction hub's pages: the hub at ``/induction/``, one programme per year, its modules.

The hub page (:class:`InductionIndexPage`) always lives at ``/<lang>/induction/`` and is what
officers bookmark: it shows the current or coming year's programme to visitors and, to a
signed-in officer, their dashboard for their own year. Each year's programme is a child page
(``/en/induction/2027/``) so past programmes stay readable and next year's can be prepared
while this year's runs. Every officer-facing route (manifesto, handover, calendar feeds,
public trackers) hangs off the hub page, so those addresses never change from year to year.
The routes and their views are listed in :mod:`induction.page_urls`.
"""

import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.blocks import BodyBlock
from hub.i18n import page_translatable_fields
from hub.languages import with_content_locale
from hub.page_routes import ViewRoutesMixin
from induction.api_fields import MODULE_API_FIELDS, MODULE_API_OPTIONS
from induction.blocks import LessonBlock, ScheduleBlock, checklist_item_ids, quiz_ids
from induction.calendar import Session
from induction.presentation import module_context, programme_context

TIME_ZONE_CHOICES = [
    (name, name.replace("_", " "))
    for name in sorted(zoneinfo.available_timezones())
    if name.startswith("Europe/") or name in {"UTC", "Atlantic/Canary", "Atlantic/Madeira"}
]


class InductionIndexPage(ViewRoutesMixin, Page):
    """The induction hub (``/en/induction/``): the programme for visitors, a dashboard for
    officers, and the officers' manifesto trackers, handovers and calendar feeds."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("Shown to visitors above the current programme."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["hub.HomePage"]
    subpage_types = ["induction.InductionProgrammePage"]
    template = "induction/induction_index_page.html"

    class Meta:
        verbose_name = _("induction hub")
        verbose_name_plural = _("induction hubs")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["hub"] = self
        return context

    def programmes(self):
        return with_content_locale(
            InductionProgrammePage.objects.child_of(self).live().public().order_by("-year")
        )

    def programme_for_year(self, year):
        return self.programmes().filter(year=year).first()

    def current_programme(self, today=None):
        """The programme running now or coming next (the nearest one that has not ended),
        else the most recent one."""
        today = today or timezone.localdate()
        programmes = self.programmes()
        coming = programmes.filter(ends_on__gte=today).order_by("starts_on", "year").first()
        return coming or programmes.first()


class InductionProgrammePage(Page):
    """One year's induction programme (for example "Induction 2027"): an introduction, the
    week's sessions and, as child pages, the training modules."""

    year = models.PositiveSmallIntegerField(
        _("year"),
        help_text=_(
            "The year the officers' terms start. Officers see the programme of their year."
        ),
    )
    starts_on = models.DateField(_("induction starts"))
    ends_on = models.DateField(
        _("induction ends"), help_text=_("Modules without their own due date are due then.")
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=TIME_ZONE_CHOICES,
        default="Europe/Brussels",
        help_text=_("Where the sessions take place; calendar feeds use it."),
    )
    intro = models.TextField(
        _("summary"), max_length=600, help_text=_("A sentence or two about this year's programme.")
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("What the induction covers and how to get the most out of it."),
    )
    schedule = StreamField(
        ScheduleBlock(),
        blank=True,
        verbose_name=_("sessions"),
        help_text=_("Listed by day on the page and offered as calendar feeds."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("year"),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("schedule"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.SearchField("schedule"),
        index.FilterField("year"),
    ]
    translatable_fields = page_translatable_fields(
        TranslatableField("intro"),
        TranslatableField("body"),
        TranslatableField("schedule"),
        SynchronizedField("year"),
        SynchronizedField("starts_on"),
        SynchronizedField("ends_on"),
        SynchronizedField("time_zone"),
    )

    parent_page_types = ["induction.InductionIndexPage"]
    subpage_types = ["induction.TrainingModulePage"]
    template = "induction/induction_programme_page.html"

    class Meta:
        verbose_name = _("induction programme")
        verbose_name_plural = _("induction programmes")

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The induction cannot end before it starts.")})

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def sessions(self, role_slugs=None):
        """Sessions in time order, optionally only those for any of ``role_slugs``."""
        sessions = [Session.from_block(block, self.tzinfo) for block in self.schedule]
        if role_slugs is not None:
            sessions = [s for s in sessions if s.is_for(role_slugs)]
        return sorted(sessions, key=lambda s: (s.starts_at, s.title))

    def modules(self):
        return with_content_locale(
            TrainingModulePage.objects.child_of(self)
            .live()
            .select_related("prerequisite")
            .prefetch_related("target_roles")
        )

    def modules_for(self, role_slugs):
        """The modules an officer in one of ``role_slugs`` takes, in page order."""
        return [module for module in self.modules() if module.applies_to(role_slugs)]

    def module_keys_for(self, role_slugs):
        """The translation keys of :meth:`modules_for`, without loading the modules' lessons
        (saving progress needs only these, to tell whether the whole programme is done)."""
        modules = (
            TrainingModulePage.objects.child_of(self)
            .live()
            .only("translation_key")
            .prefetch_related("target_roles")
        )
        return [module.translation_key for module in modules if module.applies_to(role_slugs)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(programme_context(request, self))
        return context

    @property
    def feed_path(self):
        """The calendar feed's address. It lives outside the page tree (``/calendar/…``)
        so subscriptions keep working when editors rename or move the page."""
        return reverse("induction_feeds:programme", kwargs={"page_id": self.pk})


class TrainingModulePage(ViewRoutesMixin, Page):
    """A training module: lessons to read or watch, a checklist, reflection and a quiz."""

    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("What the officer will know or have done.")
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=30, help_text=_("How long the module takes, roughly.")
    )
    prerequisite = models.ForeignKey(
        "induction.TrainingModulePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("prerequisite"),
        help_text=_("A module of the same programme to complete first."),
    )
    target_roles = ParentalManyToManyField(
        "induction.OfficerRole",
        blank=True,
        related_name="+",
        verbose_name=_("for roles"),
        help_text=_("Leave empty when every officer takes this module."),
    )
    due_date = models.DateField(
        _("due date"),
        null=True,
        blank=True,
        help_text=_("When it should be done. Empty: the end of the induction."),
    )
    lessons = StreamField(LessonBlock(), verbose_name=_("lessons"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("due_date")]),
                PageChooserPanel("prerequisite", "induction.TrainingModulePage"),
                FieldPanel("target_roles", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Planning"),
        ),
        FieldPanel("lessons"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("lessons"),
    ]
    translatable_fields = page_translatable_fields(
        TranslatableField("summary"),
        TranslatableField("lessons"),
        SynchronizedField("estimated_minutes"),
        SynchronizedField("prerequisite"),
        SynchronizedField("target_roles"),
        SynchronizedField("due_date"),
    )

    api_fields, api_options = MODULE_API_FIELDS, MODULE_API_OPTIONS
    parent_page_types = ["induction.InductionProgrammePage"]
    subpage_types = []
    template = "induction/training_module_page.html"

    class Meta:
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")

    def clean(self):
        super().clean()
        prerequisite = self.prerequisite
        if prerequisite is None:
            return
        if self.pk and prerequisite.pk == self.pk:
            raise ValidationError({"prerequisite": _("A module cannot require itself.")})
        parent = self.get_parent() if self.pk else None
        if parent is not None and not prerequisite.path.startswith(parent.path):
            raise ValidationError({"prerequisite": _("Choose a module from the same programme.")})
        seen = {self.translation_key}
        step = prerequisite.specific
        for _i in range(50):
            if step.translation_key in seen:
                raise ValidationError(
                    {"prerequisite": _("These prerequisites would go round in a circle.")}
                )
            seen.add(step.translation_key)
            if step.prerequisite_id is None:
                break
            step = step.prerequisite

    def _persist_block_ids(self):
        """Load every lesson block so list items (checklist items, questions, answers) are
        saved with ids: progress refers to them, so they must never change between loads.
        Lazily loaded blocks would otherwise be saved as their raw data, which may lack
        them when content was written in code rather than in the admin."""
        for _block in self.lessons:
            pass

    def full_clean(self, *args, **kwargs):
        self._persist_block_ids()
        return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self._persist_block_ids()
        return super().save(*args, **kwargs)

    def applies_to(self, role_slugs):
        roles = {role.slug for role in self.target_roles.all()}
        return not roles or bool(roles & set(role_slugs))

    @property
    def checklist_item_ids(self):
        return checklist_item_ids(self.lessons)

    @property
    def quiz_ids(self):
        return quiz_ids(self.lessons)

    @property
    def has_steps(self):
        return bool(self.checklist_item_ids or self.quiz_ids)

    def effective_due_date(self, programme=None):
        if self.due_date:
            return self.due_date
        programme = programme or self.get_parent().specific
        return getattr(programme, "ends_on", None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(module_context(request, self))
        return context
