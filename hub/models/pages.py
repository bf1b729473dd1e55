from django.apps import apps
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from hub.blocks import BodyBlock
from hub.languages import mark_content_locales, with_content_locale


class HomePage(Page):
    """The front door of one language's site: what the hub is for and where to go next."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("A sentence or two under the page title."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    template = "hub/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy (``public()`` queries as soon as it is called): the template keeps this page's
        # content in a {% sharedfragment %}, so usually neither list is needed.
        context["sections"] = SimpleLazyObject(
            lambda: mark_content_locales(self.get_children().live().public().specific().in_menu())
        )
        context["latest_projects"] = SimpleLazyObject(self.latest_projects)
        return context

    def latest_projects(self, limit=6):
        project_model = apps.get_model("projects", "ProjectPage")
        return list(
            with_content_locale(project_model.objects.live().public())
            .filter(locale_id=self.locale_id)
            .select_related("lead_unit")
            .order_by("-first_published_at")[:limit]
        )
