"""The registry page: every ongoing project, searchable and filterable, and its own pages."""

from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Page
from wagtail.search import index

from hub.cache import keep_out_of_page_cache
from hub.feeds import listing_query
from hub.i18n import page_locale
from hub.page_routes import ViewRoutesMixin
from hub.routing import page_url
from projects.exports import EXPORT_WINDOW, export_response, over_export_limit
from projects.feeds import RegistryFeed, newest_projects
from projects.listing import RegistryQuery
from projects.permissions import can_register
from search.stats import count_listing_search


class ProjectIndexPage(ViewRoutesMixin, Page):
    """The registry: every ongoing project, searchable and filterable (``/en/projects/``).

    Its routes are the registry's own pages (registering, "My projects", saved searches, join
    requests, a project's dashboard: :mod:`projects.page_urls`; the exports and the feed:
    below): their first path segments are slugs no project may take
    (:func:`projects.routes.route_slugs`). Link to them with
    :func:`projects.routes.registry_url`.
    """

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
        verbose_name_plural = _("project registries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["registry"] = registry = RegistryQuery.from_request(self, request).run()
        if registry.degraded:
            keep_out_of_page_cache(request)
        count_listing_search(request, registry, page_locale(self).language_code)
        context["can_register"] = can_register(request.user, self)
        context["open_data"] = self.open_data_links(request)
        return context

    def open_data_links(self, request):
        """The exports and the feed of the reader's current search and filters."""
        base, query = page_url(self, request), listing_query(request)
        return {
            name.replace("-", "_"): base + self.reverse_subpage(name) + query
            for name in ("export-csv", "export-json", "feed")
        }

    # --- Open data ------------------------------------------------------------------------

    @path("export/csv/", name="export-csv")
    def export_csv(self, request):
        return self._export(request, "csv")

    @path("export/json/", name="export-json")
    def export_json(self, request):
        return self._export(request, "json")

    def _export(self, request, kind):
        if over_export_limit(request):
            response = HttpResponse(
                _("Too many downloads from your address. Please try again in a few minutes."),
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(EXPORT_WINDOW)
            return response
        result = RegistryQuery.from_request(self, request).run()
        return export_response(self, result, request, kind)

    @path("feed/", name="feed")
    def feed(self, request):
        query = RegistryQuery.from_request(self, request)
        return RegistryFeed(self, newest_projects(query), request, search=query.query)(request)
