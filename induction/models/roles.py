"""Officer roles (translatable snippets) and the terms that officers serve in them."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from induction.blocks import SeatBlock


class OfficerRole(TranslatableMixin, index.Indexed, ClusterableModel):
    """An elected officer role, such as President or Vice-President for Welfare."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_(
            "Used to match sessions and modules to roles. Keep it the same in every language."
        ),
    )
    remit = models.TextField(
        _("remit"),
        max_length=2000,
        help_text=_("What the role is responsible for and who it speaks for."),
    )
    seats = StreamField(
        [("seat", SeatBlock())],
        blank=True,
        verbose_name=_("seats on committees and decision bodies"),
        help_text=_("Where the role holds a seat: committees, boards and forums."),
    )
    partner_units = ParentalManyToManyField(
        "hub.Unit",
        blank=True,
        related_name="officer_roles",
        verbose_name=_("partner units"),
        help_text=_("Departments and services the role works with most."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=100, help_text=_("Lower numbers are listed first.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("remit"),
        FieldPanel("seats"),
        FieldPanel("partner_units"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("remit"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("remit"),
        TranslatableField("seats"),
        SynchronizedField("slug"),
        SynchronizedField("partner_units"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("officer role")
        verbose_name_plural = _("officer roles")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_officer_role_slug")
        ]

    def __str__(self):
        return self.name


class OfficerTermQuerySet(models.QuerySet):
    def current_or_upcoming(self, today=None):
        return self.filter(ends_on__gte=today or timezone.localdate())

    def current(self, today=None):
        today = today or timezone.localdate()
        return self.filter(starts_on__lte=today, ends_on__gte=today)

    def same_role(self, role):
        return self.filter(role__translation_key=role.translation_key)


class OfficerTerm(models.Model):
    """A person's term in an officer role, for example 1 July 2027 to 30 June 2028."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="officer_terms",
        verbose_name=_("officer"),
        help_text=_("Empty once the officer deleted their account."),
    )
    role = models.ForeignKey(
        OfficerRole, on_delete=models.PROTECT, related_name="terms", verbose_name=_("role")
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), help_text=_("The last day of the term."))
    projects_released_at = models.DateTimeField(
        _("projects released"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the projects this officer led were flagged as needing a new owner."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = OfficerTermQuerySet.as_manager()

    panels = [
        FieldPanel("user"),
        FieldPanel("role"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
    ]

    class Meta:
        verbose_name = _("officer term")
        verbose_name_plural = _("officer terms")
        ordering = ["-starts_on", "role__sort_order"]
        permissions = [
            ("import_officers", _("Can import newly elected officers")),
            ("view_cohort_report", _("Can view the induction cohort report")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")),
                name="officer_term_ends_after_start",
            )
        ]

    def __str__(self):
        return _("%(officer)s, %(role)s (%(start)s – %(end)s)") % {
            "officer": self.user or _("former officer"),
            "role": self.role,
            "start": self.starts_on.isoformat(),
            "end": self.ends_on.isoformat(),
        }

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on <= self.starts_on:
            raise ValidationError({"ends_on": _("A term must end after it starts.")})
        if self.user_id and self.role_id and self.starts_on and self.ends_on:
            overlapping = (
                OfficerTerm.objects.filter(user_id=self.user_id)
                .same_role(self.role)
                .filter(starts_on__lte=self.ends_on, ends_on__gte=self.starts_on)
                .exclude(pk=self.pk)
            )
            if overlapping.exists():
                raise ValidationError(
                    _("This officer already has a term in this role during these dates.")
                )

    @property
    def year(self):
        return self.starts_on.year

    def has_ended(self, today=None):
        return self.ends_on < (today or timezone.localdate())

    def is_current(self, today=None):
        today = today or timezone.localdate()
        return self.starts_on <= today <= self.ends_on

    def successor_terms(self):
        """The next terms in the same role (several if the role is shared)."""
        later = (
            OfficerTerm.objects.same_role(self.role)
            .filter(starts_on__gt=self.starts_on, user__isnull=False)
            .exclude(pk=self.pk)
        )
        first = later.order_by("starts_on").values_list("starts_on", flat=True).first()
        if first is None:
            return OfficerTerm.objects.none()
        return later.filter(starts_on=first)

    def predecessor_terms(self):
        """The terms in the same role just before this one."""
        earlier = (
            OfficerTerm.objects.same_role(self.role)
            .filter(starts_on__lt=self.starts_on)
            .exclude(pk=self.pk)
        )
        last = earlier.order_by("-starts_on").values_list("starts_on", flat=True).first()
        if last is None:
            return OfficerTerm.objects.none()
        return earlier.filter(starts_on=last)


def default_term_dates(year):
    """The usual term: 1 July of ``year`` to 30 June of the next year."""
    return datetime.date(year, 7, 1), datetime.date(year + 1, 6, 30)
