"""The registry page: every ongoing project, searchable and filterable, and its own pages."""

from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

import hub.inputs  # noqa: F401 (registers the <id:…> path converter)
from hub.cache import keep_out_of_page_cache
from hub.feeds import listing_query
from projects.exports import EXPORT_WINDOW, export_response, over_export_limit
from projects.feeds import RegistryFeed, newest_projects
from projects.listing import RegistryQuery
from projects.permissions import can_register
from projects.routes import route_slugs
from projects.views import alerts, manage, membership, mine, register
from search.stats import count_listing_search


class ProjectIndexPage(RoutablePageMixin, Page):
    """The registry: every ongoing project, searchable and filterable (``/en/projects/``).

    Its routes are the registry's own pages (registering, "My projects", saved searches, join
    requests, a project's dashboard, the exports and the feed): their first path segments are
    :data:`RESERVED_SLUGS`, which no project may take. Link to them with
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
        count_listing_search(request, registry, self.locale.language_code)
        context["can_register"] = can_register(request.user, self)
        context["open_data"] = self.open_data_links(request)
        return context

    def open_data_links(self, request):
        """The exports and the feed of the reader's current search and filters."""
        base, query = self.get_url(request), listing_query(request)
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

    # --- People's own pages: the views live in projects.views, which never imports this module

    @path("register/", name="register")
    def register_route(self, request):
        return register.register(request, self)

    @path("register/similar/", name="similar")
    def similar_route(self, request):
        return register.similar(request, self)

    @path("mine/", name="mine")
    def mine_route(self, request):
        return mine.mine(request, self)

    @path("alerts/save/", name="save-search")
    def save_search_route(self, request):
        return alerts.save(request, self)

    @path("alerts/<id:pk>/", name="saved-search")
    def saved_search_route(self, request, pk):
        return alerts.change(request, self, pk)

    @path("alerts/<id:pk>/delete/", name="delete-saved-search")
    def delete_saved_search_route(self, request, pk):
        return alerts.delete(request, self, pk)

    @path("alerts/unsubscribe/<str:token>/", name="unsubscribe")
    @csrf_exempt  # the signed token is the credential (see projects.views.alerts.unsubscribe)
    def unsubscribe_route(self, request, token):
        return alerts.unsubscribe(request, self, token)

    @path("requests/", name="requests")
    def requests_route(self, request):
        return mine.requests_inbox(request, self)

    @path("requests/<id:pk>/", name="request")
    def request_route(self, request, pk):
        return membership.request_detail(request, self, pk)

    @path("requests/<id:pk>/accept/", name="accept")
    def accept_route(self, request, pk):
        return membership.accept(request, self, pk)

    @path("requests/<id:pk>/decline/", name="decline")
    def decline_route(self, request, pk):
        return membership.decline(request, self, pk)

    @path("requests/<id:pk>/withdraw/", name="withdraw")
    def withdraw_route(self, request, pk):
        return membership.withdraw(request, self, pk)

    @path("manage/<id:pk>/", name="manage")
    def manage_route(self, request, pk):
        return manage.manage(request, self, pk)

    @path("manage/<id:pk>/edit/", name="edit")
    def edit_route(self, request, pk):
        return manage.edit(request, self, pk)

    @path("manage/<id:pk>/withdraw-review/", name="withdraw-review")
    def withdraw_review_route(self, request, pk):
        return manage.withdraw_review(request, self, pk)

    @path("manage/<id:pk>/confirm/", name="confirm")
    def confirm_route(self, request, pk):
        return manage.confirm(request, self, pk)

    @path("manage/<id:pk>/publish/", name="publish")
    def publish_route(self, request, pk):
        return manage.publish(request, self, pk)

    @path("manage/<id:pk>/request-changes/", name="request-changes")
    def request_changes_route(self, request, pk):
        return manage.request_changes(request, self, pk)

    @path("manage/<id:pk>/join/", name="join")
    def join_route(self, request, pk):
        return membership.join(request, self, pk)

    @path("manage/<id:pk>/members/<id:member_pk>/remove/", name="remove-member")
    def remove_member_route(self, request, pk, member_pk):
        return membership.remove_member(request, self, pk, member_pk)


# Slugs no project may take: a project there would be hidden behind the registry's route.
RESERVED_SLUGS = route_slugs(ProjectIndexPage)
