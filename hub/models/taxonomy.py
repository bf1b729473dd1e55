"""Shared, translatable taxonomies used by projects, guidance and induction."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Taxonomy(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("Used in web addresses and filters. Keep it the same in every language."),
    )
    description = models.TextField(_("description"), blank=True, max_length=500)

    # The slug names the value in web addresses and filters, so it is the same in every
    # language: translations copy it instead of translating it.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Theme(Taxonomy):
    """A topic that projects and guidance share, such as wellbeing or accessibility."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_locale")
        ]


class Unit(Taxonomy):
    """A department, faculty or service of the institution, or the union itself."""

    class Kind(models.TextChoices):
        ACADEMIC = "academic", _("Academic department or faculty")
        SERVICE = "service", _("Professional service")
        UNION = "union", _("Students' union")
        PARTNER = "partner", _("External partner")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SERVICE)

    class Meta(Taxonomy.Meta):
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_unit_slug_locale")
        ]


class Campus(Taxonomy):
    """A site where the institution teaches."""

    city = models.CharField(_("city"), max_length=100, blank=True)

    translatable_fields = [*Taxonomy.translatable_fields, TranslatableField("city")]

    class Meta(Taxonomy.Meta):
        verbose_name = _("campus")
        verbose_name_plural = _("campuses")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_campus_slug_locale")
        ]
