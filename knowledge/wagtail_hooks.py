"""Admin wiring for the knowledge base: the resource library and the editors' reports."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet

import hub.inputs  # noqa: F401 (registers the <id:…> path converter)
from hub.snippets import HubSnippetViewSet
from knowledge import reports
from knowledge.models import Resource


class ResourceViewSet(HubSnippetViewSet):
    model = Resource
    icon = "doc-full-inverse"
    menu_label = _("Resources")
    menu_name = "resources"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "kind", "language", "locale"]
    list_filter = ["kind", "language", "locale"]
    search_fields = ["title", "description"]
    # With the ORM: SQLite's full-text index cannot search one field other than the title.
    search_backend_name = None


register_snippet(ResourceViewSet)


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("review-due/", reports.ReviewDueReportView.as_view(), name="review_due"),
        path(
            "review-due/results/",
            reports.ReviewDueReportView.as_view(results_only=True),
            name="review_due_results",
        ),
        path("feedback/", reports.FeedbackReportView.as_view(), name="feedback"),
        path(
            "feedback/results/",
            reports.FeedbackReportView.as_view(results_only=True),
            name="feedback_results",
        ),
        path("feedback/<id:pk>/", reports.PageFeedbackView.as_view(), name="page_feedback"),
        path(
            "feedback/<id:pk>/results/",
            reports.PageFeedbackView.as_view(results_only=True),
            name="page_feedback_results",
        ),
    ]
    return [path("reports/guidance/", include((urls, "knowledge_reports")))]


class ReviewDueMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("knowledge.view_feedback")


@hooks.register("register_reports_menu_item")
def register_review_due_menu_item():
    return ReviewDueMenuItem(
        _("Guidance due for review"),
        reverse("knowledge_reports:review_due"),
        name="guidance-review-due",
        icon_name="time",
        order=1300,
    )


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return FeedbackMenuItem(
        _("Guidance feedback"),
        reverse("knowledge_reports:feedback"),
        name="guidance-feedback",
        icon_name="comment",
        order=1310,
    )
