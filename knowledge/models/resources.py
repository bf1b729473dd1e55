"""The resource library: templates, guides, checklists and other downloads."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.i18n import default_locale, names_by_slug
from hub.indexing import prefetch_parental_relations
from hub.models import Theme


def default_locale_themes():
    """Editors pick themes in the default language; slugs are the same in every language."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


def theme_labels(locale_id):
    """Theme names by slug: this language's where translated, the default language's otherwise."""
    return names_by_slug(Theme, locale_id, default_locale_id=default_locale().pk)


class Resource(TranslatableMixin, index.Indexed, ClusterableModel):
    """A downloadable document (or a link, for videos) with its type, language and themes."""

    class Kind(models.TextChoices):
        TEMPLATE = "template", _("Template")
        GUIDE = "guide", _("Guide")
        CHECKLIST = "checklist", _("Checklist")
        REPORT = "report", _("Report")
        SLIDES = "slides", _("Slides")
        VIDEO = "video", _("Video")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("description"),
        max_length=600,
        blank=True,
        help_text=_("What it is and when to use it, in a sentence or two."),
    )
    kind = models.CharField(
        _("type"), max_length=20, choices=Kind.choices, default=Kind.GUIDE, db_index=True
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        db_index=True,
        help_text=_("The language the document itself is written in."),
    )
    document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
        help_text=_("The file readers download."),
    )
    url = models.URLField(
        _("link"),
        blank=True,
        help_text=_("Instead of a file: where the resource lives, for example a video."),
    )
    themes = ParentalManyToManyField(
        "hub.Theme",
        blank=True,
        related_name="resources",
        verbose_name=_("themes"),
        limit_choices_to=default_locale_themes,
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("language")]),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("url")],
            heading=_("File or link"),
            help_text=_("Give a document or a link (one of the two)."),
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
    ]

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("language"),
        index.FilterField("locale_id"),
    ]

    @classmethod
    def get_indexed_objects(cls):
        return prefetch_parental_relations(cls, super().get_indexed_objects())

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        SynchronizedField("kind"),
        SynchronizedField("language"),
        SynchronizedField("document"),
        SynchronizedField("url"),
        SynchronizedField("themes"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.document_id and not self.url:
            raise ValidationError(
                {"document": _("Choose a document or give a link, so readers can get it.")}
            )
        if self.document_id and self.url:
            raise ValidationError({"url": _("Give either a document or a link, not both.")})

    @property
    def href(self):
        if self.document_id and self.document is not None:
            return self.document.url
        return self.url

    @property
    def file_extension(self):
        if self.document_id and self.document is not None:
            return self.document.file_extension.upper()
        return ""

    @property
    def file_size(self):
        if self.document_id and self.document is not None:
            return self.document.get_file_size()
        return None
