"""Admin reports for editors: what readers search for, and what they search for in vain."""

import datetime

import django_filters
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from hub.spreadsheets import SafeSpreadsheetExportMixin
from search.models import SearchTerm

PERIODS = [
    ("7", _("Last 7 days")),
    ("30", _("Last 30 days")),
    ("90", _("Last 90 days")),
    ("365", _("Last 12 months")),
]
DEFAULT_PERIOD = "30"

permission_policy = ModelPermissionPolicy(SearchTerm)


class SearchReportFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Period"),
        choices=PERIODS,
        empty_label=None,
        method="filter_period",
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All languages")
    )

    class Meta:
        model = SearchTerm
        fields = ["language"]

    def filter_period(self, queryset, name, value):
        return queryset  # the period bounds the sums, so the view applies it before annotating


class PopularSearchesView(SafeSpreadsheetExportMixin, ReportView):
    """The most frequent search terms in a period, with how often each found nothing."""

    page_title = _("Popular searches")
    header_icon = "search"
    model = SearchTerm
    permission_policy = permission_policy
    permission_required = "view"
    filterset_class = SearchReportFilterSet
    is_searchable = True
    search_fields = ["term"]
    search_backend_name = None
    index_url_name = "hubsearch_reports:popular"
    index_results_url_name = "hubsearch_reports:popular_results"
    default_ordering = "-total_searches"
    only_no_results = False
    columns = [
        Column("term", label=_("Search term"), sort_key="term"),
        Column("language", label=_("Language"), sort_key="language"),
        NumberColumn("total_searches", label=_("Searches"), sort_key="total_searches"),
        NumberColumn("total_no_results", label=_("With no results"), sort_key="total_no_results"),
        # A day, not a moment: shown as a date ("3 Dec 2026"), never as "9 hours ago".
        Column("last_searched", label=_("Last searched"), sort_key="last_searched"),
    ]
    list_export = ["term", "language", "total_searches", "total_no_results", "last_searched"]
    export_headings = {
        "term": _("Search term"),
        "language": _("Language"),
        "total_searches": _("Searches"),
        "total_no_results": _("With no results"),
        "last_searched": _("Last searched"),
    }

    @property
    def period_days(self):
        value = self.request.GET.get("period", DEFAULT_PERIOD)
        return int(value if value in dict(PERIODS) else DEFAULT_PERIOD)

    def get_base_queryset(self):
        since = timezone.localdate() - datetime.timedelta(days=self.period_days - 1)
        queryset = SearchTerm.objects.filter(days__date__gte=since).annotate(
            total_searches=Sum("days__searches"),
            total_no_results=Sum("days__no_results"),
            last_searched=Max("days__date"),
        )
        if self.only_no_results:
            queryset = queryset.filter(total_no_results__gt=0)
        return queryset

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "term", "language")

    def get_filename(self):
        return f"{self.filename_stem}-{timezone.localdate():%Y-%m-%d}"

    filename_stem = "popular-searches"


class NoResultSearchesView(PopularSearchesView):
    """Terms readers searched for that found nothing: gaps to fill or synonyms to add."""

    page_title = _("Searches with no results")
    header_icon = "warning"
    index_url_name = "hubsearch_reports:no_results"
    index_results_url_name = "hubsearch_reports:no_results_results"
    default_ordering = "-total_no_results"
    only_no_results = True
    filename_stem = "searches-with-no-results"
