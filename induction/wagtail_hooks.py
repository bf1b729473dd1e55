"""Admin wiring: officer roles and terms, the officer import and the cohort report."""

from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSetGroup

from hub.snippets import HubSnippetViewSet
from hub.spreadsheets import SafeSpreadsheetExportMixin
from induction.admin_views import (
    IMPORT_PERMISSION,
    CohortReportView,
    ImportOfficersView,
    ResendInvitationsBulkAction,
)
from induction.emails import needs_invitation
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


class OfficerTermIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The officer terms listing; its CSV export goes through the hub's safe writer."""


class OfficerTermViewSet(HubSnippetViewSet):
    model = OfficerTerm
    icon = "date"
    menu_label = _("Officer terms")
    list_display = ["user", "role", "starts_on", "ends_on"]
    list_filter = ["role", "starts_on"]
    search_fields = ["user__email", "user__display_name"]
    list_export = ["user", "role", "starts_on", "ends_on"]
    index_view_class = OfficerTermIndexView

    def get_queryset(self, request):
        return OfficerTerm.objects.select_related("user", "role")


class InductionGroup(SnippetViewSetGroup):
    items = (OfficerRoleViewSet, OfficerTermViewSet)
    menu_icon = "user"
    menu_label = _("Induction")
    menu_name = "induction"
    submenu_hook = "register_induction_menu_item"


register_snippet(InductionGroup)
hooks.register("register_bulk_action", ResendInvitationsBulkAction)


@hooks.register("register_snippet_listing_buttons")
def resend_invitation_button(snippet, user, next_url=None):
    """A "Re-send invitation" button on a term whose officer has not chosen a password yet."""
    if not isinstance(snippet, OfficerTerm) or not user.has_perm(IMPORT_PERMISSION):
        return []
    if not needs_invitation(snippet.user):
        return []
    url = reverse(
        "wagtail_bulk_action",
        args=[
            OfficerTerm._meta.app_label,
            OfficerTerm._meta.model_name,
            ResendInvitationsBulkAction.action_type,
        ],
    )
    query = {"id": snippet.pk, **({"next": next_url} if next_url else {})}
    return [
        Button(
            _("Re-send invitation"),
            f"{url}?{urlencode(query)}",
            icon_name="mail",
            priority=50,
        )
    ]


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
