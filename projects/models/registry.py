"""The registry page: every ongoing project, searchable and filterable."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.search import index

from hub.cache import keep_out_of_page_cache
from search.stats import count_listing_search


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
        from projects.permissions import can_register

        context = super().get_context(request, *args, **kwargs)
        context["registry"] = registry = RegistryQuery.from_request(self, request).run()
        if registry.degraded:
            keep_out_of_page_cache(request)
        count_listing_search(request, registry, self.locale.language_code)
        context["can_register"] = can_register(request.user, self)
        return context
