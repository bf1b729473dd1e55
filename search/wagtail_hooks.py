"""Admin wiring: the search reports for editors, under Reports."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.reports import NoResultSearchesView, PopularSearchesView, permission_policy

report_urls = [
    path("popular/", PopularSearchesView.as_view(), name="popular"),
    path(
        "popular/results/", PopularSearchesView.as_view(results_only=True), name="popular_results"
    ),
    path("no-results/", NoResultSearchesView.as_view(), name="no_results"),
    path(
        "no-results/results/",
        NoResultSearchesView.as_view(results_only=True),
        name="no_results_results",
    ),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/searches/", include((report_urls, "hubsearch_reports")))]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_popular_searches_menu_item():
    return SearchReportMenuItem(
        _("Popular searches"),
        reverse("hubsearch_reports:popular"),
        name="popular-searches",
        icon_name="search",
        order=1310,
    )


@hooks.register("register_reports_menu_item")
def register_no_result_searches_menu_item():
    return SearchReportMenuItem(
        _("Searches with no results"),
        reverse("hubsearch_reports:no_results"),
        name="no-result-searches",
        icon_name="warning",
        order=1320,
    )
