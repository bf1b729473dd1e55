"""Admin reports for editors: guidance due for review, and readers' feedback per guideline."""

import datetime

import django_filters
from django.db.models import Count, Max, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, LocaleColumn, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from hub.spreadsheets import SafeSpreadsheetExportMixin
from knowledge.models import Feedback, GuidelinePage


def _date(value):
    return date_format(value, "DATE_FORMAT") if value else ""


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class LocaleFilterSet(WagtailFilterSet):
    locale = django_filters.ModelChoiceFilter(
        label=_("Language"),
        queryset=Locale.objects.all(),
        empty_label=_("All languages"),
    )

    class Meta:
        model = GuidelinePage
        fields = ["locale"]


class ReviewDueReportView(SafeSpreadsheetExportMixin, ReportView):
    """Guidelines whose "review by" date has passed, oldest first, that the user may edit."""

    page_title = _("Guidance due for review")
    header_icon = "time"
    index_url_name = "knowledge_reports:review_due"
    index_results_url_name = "knowledge_reports:review_due_results"
    any_permission_required = ["add", "change", "publish"]
    filterset_class = LocaleFilterSet
    list_export = ["title", "locale", "last_reviewed", "review_by", "days_overdue", "full_url"]
    export_headings = {
        "title": _("Title"),
        "locale": _("Language"),
        "last_reviewed": _("Last reviewed"),
        "review_by": _("Review by"),
        "days_overdue": _("Days overdue"),
        "full_url": _("Address"),
    }
    no_results_message = _("No guidance is overdue for review. Well done!")
    columns = [
        TitleColumn("title", label=_("Guideline"), get_url=_edit_url),
        LocaleColumn(),
        Column(
            "last_reviewed", label=_("Last reviewed"), accessor=lambda p: _date(p.last_reviewed)
        ),
        Column("review_by", label=_("Review by"), accessor=lambda p: _date(p.review_by)),
        NumberColumn("days_overdue", label=_("Days overdue")),
        Column("status", label=_("Status"), accessor=lambda p: p.status_string),
    ]

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    def get_filename(self):
        return "guidance-due-for-review-" + datetime.date.today().isoformat()

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return (
            GuidelinePage.objects.filter(
                review_by__lt=timezone.localdate(),
                alias_of__isnull=True,
                pk__in=editable.values("pk"),
            )
            .select_related("locale")
            .defer_streamfields()
            .order_by("review_by", "title")
        )

    def decorate_paginated_queryset(self, object_list):
        today = timezone.localdate()
        for page in object_list:
            page.days_overdue = (today - page.review_by).days
        return object_list

    def to_row_dict(self, item):
        if not hasattr(item, "days_overdue"):
            item.days_overdue = (timezone.localdate() - item.review_by).days
        return super().to_row_dict(item)


class FeedbackReportView(SafeSpreadsheetExportMixin, ReportView):
    """Totals of "Was this helpful?" answers per guideline, with a link to the comments."""

    page_title = _("Guidance feedback")
    header_icon = "comment"
    index_url_name = "knowledge_reports:feedback"
    index_results_url_name = "knowledge_reports:feedback_results"
    permission_required = "view"
    filterset_class = LocaleFilterSet
    list_export = ["title", "locale", "yes", "no", "comments", "latest"]
    export_headings = {
        "title": _("Title"),
        "locale": _("Language"),
        "yes": _("Helpful"),
        "no": _("Not helpful"),
        "comments": _("Comments"),
        "latest": _("Latest answer"),
    }
    no_results_message = _("No feedback yet.")
    columns = [
        TitleColumn(
            "title",
            label=_("Guideline"),
            get_url=lambda page: reverse("knowledge_reports:page_feedback", args=[page.pk]),
        ),
        LocaleColumn(),
        NumberColumn("yes", label=_("Helpful")),
        NumberColumn("no", label=_("Not helpful")),
        Column("share", label=_("Share helpful"), accessor=lambda p: f"{p.share}%"),
        NumberColumn("comments", label=_("Comments")),
        Column("latest", label=_("Latest answer"), accessor=lambda p: _date(p.latest)),
    ]

    @cached_property
    def permission_policy(self):
        return ModelPermissionPolicy(Feedback)

    def get_filename(self):
        return "guidance-feedback-" + datetime.date.today().isoformat()

    def get_queryset(self):
        return (
            GuidelinePage.objects.annotate(
                yes=Count("feedback", filter=Q(feedback__helpful=True)),
                no=Count("feedback", filter=Q(feedback__helpful=False)),
                comments=Count("feedback", filter=~Q(feedback__comment="")),
                latest=Max("feedback__created_on"),
            )
            .filter(Q(yes__gt=0) | Q(no__gt=0))
            .select_related("locale")
            .defer_streamfields()
            .order_by("-latest", "title")
        )

    def decorate_paginated_queryset(self, object_list):
        for page in object_list:
            total = page.yes + page.no
            page.share = round(100 * page.yes / total) if total else 0
        return object_list


class HelpfulFilterSet(WagtailFilterSet):
    helpful = django_filters.BooleanFilter(label=_("Helpful"))
    with_comment = django_filters.BooleanFilter(
        label=_("Has a comment"), method="filter_with_comment"
    )

    class Meta:
        model = Feedback
        fields = ["helpful"]

    def filter_with_comment(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.exclude(comment="") if value else queryset.filter(comment="")


class PageFeedbackView(SafeSpreadsheetExportMixin, ReportView):
    """Every answer and comment readers left on one guideline, newest first."""

    header_icon = "comment"
    index_url_name = "knowledge_reports:page_feedback"
    index_results_url_name = "knowledge_reports:page_feedback_results"
    permission_required = "view"
    filterset_class = HelpfulFilterSet
    list_export = ["created_on", "helpful", "comment"]
    export_headings = {
        "created_on": _("Date"),
        "helpful": _("Helpful"),
        "comment": _("Comment"),
    }
    no_results_message = _("No answers match.")
    columns = [
        Column("created_on", label=_("Date"), accessor=lambda f: _date(f.created_on)),
        Column(
            "helpful", label=_("Helpful"), accessor=lambda f: _("Yes") if f.helpful else _("No")
        ),
        Column("comment", label=_("Comment")),
    ]

    @cached_property
    def permission_policy(self):
        return ModelPermissionPolicy(Feedback)

    @cached_property
    def guideline(self):
        return get_object_or_404(GuidelinePage.objects.defer_streamfields(), pk=self.kwargs["pk"])

    def get_page_title(self):
        return _("Feedback on “%(title)s”") % {"title": self.guideline.title}

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.guideline.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.guideline.pk])

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("knowledge_reports:feedback"), "label": _("Guidance feedback")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_filename(self):
        return f"feedback-{self.guideline.slug}-{datetime.date.today().isoformat()}"

    def get_queryset(self):
        return Feedback.objects.filter(page=self.guideline).order_by("-created_on", "-pk")
