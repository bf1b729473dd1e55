"""A guideline: practical guidance on one question, its related guidance, projects and
downloads, and the "Was this helpful?" form (answered by :func:`knowledge.views.feedback`)."""

from collections import namedtuple

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.i18n import localize_pages, localize_snippets, page_translatable_fields
from hub.indexing import prefetch_parental_relations
from hub.languages import content_language, mark_content_locales
from hub.models import Theme
from hub.page_routes import ViewRoutesMixin
from hub.routing import page_url
from knowledge import feedback as feedback_rules
from knowledge.api_fields import GUIDELINE_API_FIELDS, GUIDELINE_API_OPTIONS
from knowledge.blocks import GuidelineBodyBlock
from knowledge.models.resources import Resource, default_locale_themes, theme_labels
from knowledge.toc import build_outline, nest, reading_minutes

#: An editor's pick before it is localized: all :func:`localize_pages` needs of the page.
Pick = namedtuple("Pick", "pk translation_key")

#: Slugs a guideline cannot take because the index page uses them for its own routes.
RESERVED_SLUGS = frozenset({"resources", "feed"})
RELATED_LIMIT = 4
MAX_PICKS = 6


class GuidelinePage(ViewRoutesMixin, Page):
    """Practical guidance on one question, for one or more audiences, reviewed on a schedule."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences: the question this answers and for whom."),
    )
    audiences = ParentalManyToManyField(
        "knowledge.Audience",
        blank=True,
        related_name="guidelines",
        verbose_name=_("audiences"),
        help_text=_("Who this is written for."),
    )
    themes = ParentalManyToManyField(
        "hub.Theme",
        blank=True,
        related_name="guidelines",
        verbose_name=_("themes"),
        limit_choices_to=default_locale_themes,
    )
    body = StreamField(
        GuidelineBodyBlock(),
        verbose_name=_("body"),
        help_text=_("Headings build the table of contents automatically."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        default=timezone.localdate,
        help_text=_("When someone last checked that this is still accurate."),
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("When it should next be checked. Overdue guidance is listed in Reports."),
    )
    reading_minutes = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), default=1, editable=False
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who and what it is for"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_by")])],
            heading=_("Review"),
        ),
        InlinePanel(
            "resource_links",
            heading=_("Downloads from the resource library"),
            label=_("Resource"),
            max_num=10,
        ),
        InlinePanel(
            "related_guidance_links",
            heading=_("Related guidance"),
            label=_("Guideline"),
            max_num=MAX_PICKS,
            help_text=_("Picked first; similar guidance by theme fills the rest."),
        ),
        InlinePanel(
            "related_project_links",
            heading=_("Related projects"),
            label=_("Project"),
            max_num=MAX_PICKS,
            help_text=_("Projects in the registry that put this guidance into practice."),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("summary"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("last_reviewed"),
        index.FilterField("review_by"),
        index.FilterField("first_published_at"),
    ]

    @classmethod
    def get_indexed_objects(cls):
        return prefetch_parental_relations(cls, super().get_indexed_objects())

    translatable_fields = page_translatable_fields(
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("audiences"),
        SynchronizedField("themes"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("review_by"),
        SynchronizedField("resource_links"),
        SynchronizedField("related_guidance_links"),
        SynchronizedField("related_project_links"),
    )

    api_fields, api_options = GUIDELINE_API_FIELDS, GUIDELINE_API_OPTIONS
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    template = "knowledge/guideline_page.html"

    class Meta:
        verbose_name = _("guideline")
        verbose_name_plural = _("guidelines")

    # --- Validation and saving -----------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is used by the guidance section; choose another.")
        if self.review_by and self.last_reviewed and self.review_by <= self.last_reviewed:
            errors["review_by"] = _("The review date must be after the last review.")
        if any(
            child.block_type == "image" and not (child.value.get("alt_text") or "").strip()
            for child in self.body or []
        ):
            errors["body"] = _(
                "Every image needs alternative text before the guideline can be published."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.reading_minutes = reading_minutes(self.body, self.summary)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "reading_minutes"}
        return super().save(*args, **kwargs)

    # --- What readers see ------------------------------------------------------------------

    @property
    def is_overdue(self):
        return bool(self.review_by and self.review_by < timezone.localdate())

    @property
    def content_language(self):
        """The language the text is really in (an untranslated alias shows its source's)."""
        return content_language(self)

    def outline(self):
        """``(toc, body_items)``: nested TOC entries, and each body block with its anchor."""
        entries, anchors = build_outline(self.body)
        return nest(entries), list(zip(self.body, anchors, strict=True))

    @cached_property
    def _private_q(self):
        """Pages in private sections (``PageQuerySet.private_q()``): looked up once per
        render and shared by the related guidance and projects, instead of once per query."""
        return Page.objects.all().private_q()

    def _public(self, queryset):
        return queryset.exclude(self._private_q)

    def _picks(self, relation, field):
        """The first picks of an inline relation: ids and translation keys in one small
        query, or the pages themselves when the relation is held in memory (a preview)."""
        links = getattr(self, relation).all()
        if not isinstance(links, models.QuerySet):
            return [getattr(link, field) for link in links][:MAX_PICKS]
        rows = links.values_list(f"{field}_id", f"{field}__translation_key")[:MAX_PICKS]
        return [Pick(pk, key) for pk, key in rows]

    def get_related_guidance(self, limit=RELATED_LIMIT):
        """Editors' picks (in this language) first, then guidance sharing the most themes."""
        picked = localize_pages(
            self._picks("related_guidance_links", "guideline"),
            self.locale_id,
            GuidelinePage,
            exclude_keys={self.translation_key},
            private_q=self._private_q,
        )
        wanted = limit - len(picked)
        if wanted <= 0:
            return mark_content_locales(picked)
        slugs = [theme.slug for theme in self.theme_list]
        if not slugs:
            return mark_content_locales(picked)
        excluded = {self.translation_key, *(page.translation_key for page in picked)}
        suggestions = (
            self._public(GuidelinePage.objects.live())
            .filter(locale_id=self.locale_id, themes__slug__in=slugs)
            .exclude(translation_key__in=excluded)
            .annotate(shared=models.Count("themes", distinct=True))
            .order_by("-shared", "-last_reviewed", "title")
            .defer_streamfields()[:wanted]
        )
        return mark_content_locales(picked + list(suggestions))

    def get_related_projects(self, limit=RELATED_LIMIT):
        """Projects editors linked (in this language), then live projects sharing themes."""
        project_model = apps.get_model("projects", "ProjectPage")
        picked = localize_pages(
            self._picks("related_project_links", "project"),
            self.locale_id,
            project_model,
            select_related=("lead_unit",),
            private_q=self._private_q,
        )
        wanted = limit - len(picked)
        slugs = [theme.slug for theme in self.theme_list]
        if wanted <= 0 or not slugs:
            return mark_content_locales(picked)
        suggestions = (
            self._public(project_model.objects.live())
            .filter(locale_id=self.locale_id, themes__slug__in=slugs)
            .exclude(translation_key__in=[page.translation_key for page in picked])
            .annotate(shared=models.Count("themes", distinct=True))
            .order_by("-shared", "-last_published_at", "title")
            .select_related("lead_unit")
            .defer_streamfields()[:wanted]
        )
        return mark_content_locales(picked + list(suggestions))

    def get_resources(self):
        links = self.resource_links.select_related("resource", "resource__document")
        resources = localize_snippets(
            [link.resource for link in links],
            self.locale_id,
            Resource.objects.select_related("document"),
        )
        return [resource for resource in resources if resource.href]

    def _index_page(self):
        try:
            parent = self.get_parent()
        except (Page.DoesNotExist, AttributeError, TypeError):  # an unsaved page's preview
            return None
        return parent.specific_deferred if parent is not None else None

    @cached_property
    def theme_list(self):
        """This guideline's themes, each with ``local_name``: its name in the page's language
        where the theme is translated (one query for the topics and the related lists)."""
        themes = self.themes.all()
        if isinstance(themes, models.QuerySet):
            translated = Theme.objects.filter(locale_id=self.locale_id, slug=OuterRef("slug"))
            return list(themes.annotate(local_name=Subquery(translated.values("name")[:1])))
        labels = theme_labels(self.locale_id)  # held in memory (a preview)
        themes = list(themes)
        for theme in themes:
            theme.local_name = labels.get(theme.slug)
        return themes

    def get_topics(self):
        """``(slug, name)`` of this guideline's themes, named in its language."""
        return [(theme.slug, theme.local_name or theme.name) for theme in self.theme_list]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template keeps the public parts (the form too, until this reader has
        # answered) in {% sharedfragment %}s, so on most requests none of these is needed and
        # none of their queries runs.
        outline = SimpleLazyObject(self.outline)
        context.update(
            {
                "topics": SimpleLazyObject(self.get_topics),
                "toc": SimpleLazyObject(lambda: outline[0]),
                "body_items": SimpleLazyObject(lambda: outline[1]),
                "index_page": SimpleLazyObject(self._index_page),
                "related_guidance": SimpleLazyObject(self.get_related_guidance),
                "related_projects": SimpleLazyObject(self.get_related_projects),
                "resources": SimpleLazyObject(self.get_resources),
                "feedback_answered": feedback_rules.already_answered(request, self),
                "feedback_url": SimpleLazyObject(
                    lambda: (page_url(self, request) or "") + self.reverse_subpage("feedback")
                ),
            }
        )
        context.setdefault("feedback_form", feedback_rules.FeedbackForm())
        return context


class GuidelineRelatedGuidance(Orderable):
    page = ParentalKey(
        GuidelinePage, on_delete=models.CASCADE, related_name="related_guidance_links"
    )
    guideline = models.ForeignKey(
        GuidelinePage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("guideline"),
    )

    panels = [FieldPanel("guideline")]

    class Meta(Orderable.Meta):
        verbose_name = _("related guideline")
        verbose_name_plural = _("related guidelines")


class GuidelineRelatedProject(Orderable):
    page = ParentalKey(
        GuidelinePage, on_delete=models.CASCADE, related_name="related_project_links"
    )
    project = models.ForeignKey(
        "projects.ProjectPage",
        on_delete=models.CASCADE,
        related_name="guideline_links",
        verbose_name=_("project"),
    )

    panels = [FieldPanel("project")]

    class Meta(Orderable.Meta):
        verbose_name = _("related project")
        verbose_name_plural = _("related projects")


class GuidelineResourceLink(Orderable):
    page = ParentalKey(GuidelinePage, on_delete=models.CASCADE, related_name="resource_links")
    resource = models.ForeignKey(
        "knowledge.Resource",
        on_delete=models.CASCADE,
        related_name="guideline_links",
        verbose_name=_("resource"),
    )

    panels = [FieldPanel("resource")]

    class Meta(Orderable.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
