"""Admin wiring: officer roles and terms, the officer import and the cohort report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from hub.snippets import HubSnippetViewSet
from induction.admin_views import CohortReportView, ImportOfficersView
from induction.models import OfficerRole, OfficerTerm


class OfficerRoleViewSet(HubSnippetViewSet):
    model = OfficerRole
    icon = "user"
    menu_label = _("Officer roles")
    list_display = ["name", "slug", "sort_order", "locale"]
    search_fields = ["name", "slug"]
    search_backend_name = None  # the fields above, with the ORM: slug is not indexed
    list_filter = ["locale"]
    ordering = ["sort_order", "name"]


class OfficerTermViewSet(HubSnippetViewSet):
    model = OfficerTerm
    icon = "date"
    menu_label = _("Officer terms")
    list_display = ["user", "role", "starts_on", "ends_on"]
    list_filter = ["role", "starts_on"]
    search_fields = ["user__email", "user__display_name"]
    list_export = ["user", "role", "starts_on", "ends_on"]


class InductionGroup(SnippetViewSetGroup):
    items = (OfficerRoleViewSet, OfficerTermViewSet)
    menu_icon = "user"
    menu_label = _("Induction")
    menu_name = "induction"
    submenu_hook = "register_induction_menu_item"


register_snippet(InductionGroup)


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_urls")
def induction_admin_urls():
    return [
        path("induction/import/", ImportOfficersView.as_view(), name="induction_import"),
        path("induction/cohort/", CohortReportView.as_view(), name="induction_cohort_report"),
        path(
            "induction/cohort/results/",
            CohortReportView.as_view(results_only=True),
            name="induction_cohort_report_results",
        ),
    ]


@hooks.register("register_induction_menu_item")
def import_menu_item():
    return PermissionMenuItem(
        _("Import elected officers"),
        reverse("induction_import"),
        icon_name="upload",
        order=300,
        permission="induction.import_officers",
    )


@hooks.register("register_induction_menu_item")
def cohort_menu_item():
    return PermissionMenuItem(
        _("Cohort report"),
        reverse("induction_cohort_report"),
        icon_name="table",
        order=400,
        permission="induction.view_cohort_report",
    )


@hooks.register("register_reports_menu_item")
def cohort_report_menu_item():
    return PermissionMenuItem(
        _("Induction cohort"),
        reverse("induction_cohort_report"),
        icon_name="user",
        order=900,
        permission="induction.view_cohort_report",
    )
