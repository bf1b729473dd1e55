"""Admin wiring for the registry: a report of projects needing a new lead, log actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from hub.spreadsheets import SafeSpreadsheetExportMixin
from projects.models import ProjectPage


class ProjectsNeedingLeadView(SafeSpreadsheetExportMixin, PageReportView):
    """Projects whose lead deleted their account: moderators find each a successor."""

    page_title = _("Projects needing a new lead")
    header_icon = "user"
    index_url_name = "projects_needing_lead"
    index_results_url_name = "projects_needing_lead_results"
    permission_required = "publish"

    def get_filename(self):
        return "projects-needing-a-new-lead"

    def get_queryset(self):
        needing = ProjectPage.objects.filter(needs_new_lead=True, alias_of__isnull=True)
        self.queryset = (
            self.permission_policy.instances_user_has_permission_for(self.request.user, "publish")
            .filter(pk__in=needing.values("pk"))
            .specific(defer=True)
            .select_related("locale")
        )
        return super().get_queryset()


class ProjectsNeedingLeadMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_permission(request.user, "publish")


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/projects-needing-a-new-lead/",
            ProjectsNeedingLeadView.as_view(),
            name="projects_needing_lead",
        ),
        path(
            "reports/projects-needing-a-new-lead/results/",
            ProjectsNeedingLeadView.as_view(results_only=True),
            name="projects_needing_lead_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ProjectsNeedingLeadMenuItem(
        _("Projects needing a new lead"),
        reverse("projects_needing_lead"),
        name="projects-needing-lead",
        icon_name="user",
        order=750,
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "projects.confirm_current",
        _("Confirm still current"),
        _("Confirmed the project is still current"),
    )
