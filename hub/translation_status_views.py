"""The translation status report (Reports menu): source pages × languages, one state a cell.

States and their queries are :mod:`hub.translation_status`'s; this module is the admin view:
filters (section, page type, language, state), the counts per language, the matrix paginated
50 rows at a time, and the CSV export through :mod:`hub.spreadsheets`. Only people who may
add, edit or publish pages see it, and only the pages they may edit.
"""

import datetime
import hashlib

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, get_page_models
from wagtail.permissions import policy_registry

from hub import translation_status as ts
from hub.spreadsheets import SafeSpreadsheetExportMixin

# A permission change reaches the counts at the latest after this (the rows at once).
SUMMARY_SECONDS = 300


def _sections():
    """The sections a report can be narrowed to: the home pages and their children."""
    return Page.objects.filter(
        locale=Locale.get_default(), alias_of__isnull=True, depth__in=[2, 3]
    ).order_by("path")


def _page_types():
    return ContentType.objects.filter(
        pk__in=[ContentType.objects.get_for_model(model).pk for model in get_page_models()]
    ).order_by("model")


def _languages():
    return [(locale.language_code, locale.get_display_name()) for locale in ts.target_locales()]


class TranslationStatusFilterSet(WagtailFilterSet):
    section = django_filters.ModelChoiceFilter(
        label=_("Section"),
        queryset=lambda request: _sections(),
        empty_label=_("All sections"),
        method="filter_section",
    )
    content_type = ContentTypeFilter(
        label=_("Page type"), queryset=lambda request: _page_types(), empty_label=_("All types")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=_languages,
        empty_label=_("All languages"),
        method="filter_nothing",
    )
    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=ts.STATES,
        empty_label=_("All states"),
        method="filter_nothing",
    )

    class Meta:
        model = Page
        fields = ["content_type"]

    def filter_section(self, queryset, name, value):
        return queryset.filter(path__startswith=value.path) if value else queryset

    def filter_nothing(self, queryset, name, value):
        return queryset  # the view applies language (columns) and state (rows)


class StateColumn(Column):
    """One language's column: the cell's state and a link to its action. Each state's words
    are translated once per column, not once per cell."""

    cell_template_name = "hub/translation_status/cell.html"

    def __init__(self, locale):
        super().__init__(locale.language_code, label=locale.get_display_name())
        self.locale = locale
        self.words = {}

    def get_value(self, instance):
        return instance.cells.get(self.locale.pk)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        cell = context["value"]
        if cell is not None:
            if cell.state not in self.words:
                self.words[cell.state] = (
                    str(cell.label),
                    _("%(action)s (%(language)s)")
                    % {"action": cell.action, "language": self.label},
                )
            context["text"], context["action"] = self.words[cell.state]
        return context


class TranslationStatusView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    results_template_name = "hub/translation_status/results.html"
    index_url_name = "translation_status:index"
    index_results_url_name = "translation_status:results"
    any_permission_required = ["add", "change", "publish"]
    filterset_class = TranslationStatusFilterSet
    paginate_by = 50
    no_results_message = _("No pages match these filters.")

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    @cached_property
    def default_locale(self):
        return Locale.get_default()

    @cached_property
    def all_locales(self):
        return ts.target_locales(default=self.default_locale)

    @cached_property
    def locales(self):
        language = self.request.GET.get("language")
        chosen = [locale for locale in self.all_locales if locale.language_code == language]
        return chosen or self.all_locales

    @cached_property
    def state(self):
        state = self.request.GET.get("state")
        return state if state in ts.STATE_LABELS else None

    @property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Page"),
                get_url=lambda page: page.edit_url,
            ),
            Column("page_type", label=_("Page type")),
            *[StateColumn(locale) for locale in self.locales],
        ]

    @property
    def list_export(self):
        return ["title", "page_type", "url_path", *[loc.language_code for loc in self.locales]]

    @property
    def export_headings(self):
        return {
            "title": _("Page"),
            "page_type": _("Page type"),
            "url_path": _("Path"),
            **{loc.language_code: loc.get_display_name() for loc in self.locales},
        }

    def get_filename(self):
        return "translation-status-" + datetime.date.today().isoformat()

    def get_queryset(self):
        pages = ts.source_pages(self.default_locale)
        if not self.request.user.is_superuser:
            editable = self.permission_policy.instances_user_has_permission_for(
                self.request.user, "change"
            )
            pages = pages.filter(pk__in=editable.values("pk"))
        return pages.only(*_FIELDS).order_by("path")

    def get_filtered_queryset(self):
        pages = super().get_filtered_queryset()
        self.summary = self.get_summary(pages)
        if self.state:
            pages = pages.filter(pk__in=self.summary["pages"][self.state])
        return pages

    def get_summary(self, pages):
        """The counts and each state's pages for all the filtered rows, cached until the
        pages or their translations change (:func:`hub.translation_status.data_version`)."""
        user = "all" if self.request.user.is_superuser else self.request.user.pk
        params = sorted(
            (name, value)
            for name, value in self.request.GET.lists()
            if name in self.filterset_class.base_filters and name != "state"
        )
        key = (
            "translation-status:"
            + hashlib.sha256(repr((ts.data_version(), user, params)).encode()).hexdigest()
        )
        summary = cache.get(key)
        if summary is None:
            summary = ts.summarise(pages, self.locales)
            cache.set(key, summary, SUMMARY_SECONDS)
        return summary

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        cells = ts.cell_states(pages, self.locales)
        for page in pages:
            page.cells = cells.get(page.pk, {})
            model = page.cached_content_type.model_class()
            page.page_type = model._meta.verbose_name if model else ""
            page.edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        return pages

    def to_row_dict(self, item):
        row = {
            "title": item.title,
            "page_type": item.page_type,
            "url_path": item.url_path,
        }
        for locale in self.locales:
            row[locale.language_code] = str(item.cells.get(locale.pk, ""))
        return row

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["state_counts"] = ts.count_rows(self.summary["counts"], self.locales)
        context["states"] = ts.STATES
        return context


_FIELDS = [
    "pk",
    "title",
    "path",
    "depth",
    "url_path",
    "content_type_id",
    "locale_id",
    "translation_key",
    "latest_revision_created_at",
    "last_published_at",
]
