"""Wagtail's own admin reports, with their CSV exports through the hub's safe writer.

Site history, aging pages, locked pages and the two workflow reports list page titles that
staff typed; editors download them. ``hub/urls.py`` routes each report's address to the
subclass here (before Wagtail's admin URLs), so their CSV files are written like every other
export of the hub (:mod:`hub.spreadsheets`). Everything else about them is Wagtail's.
"""

from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView

from hub.spreadsheets import SafeSpreadsheetExportMixin


class SiteHistoryView(SafeSpreadsheetExportMixin, LogEntriesView):
    pass


class SafeAgingPagesView(SafeSpreadsheetExportMixin, AgingPagesView):
    pass


class SafeLockedPagesView(SafeSpreadsheetExportMixin, LockedPagesView):
    pass


class SafeWorkflowView(SafeSpreadsheetExportMixin, WorkflowView):
    pass


class SafeWorkflowTasksView(SafeSpreadsheetExportMixin, WorkflowTasksView):
    pass


def _admin(view):
    return require_admin_access(view.as_view())


# Same addresses as Wagtail's (admin/reports/…); their names and results views stay Wagtail's.
urlpatterns = [
    path("admin/reports/site-history/", _admin(SiteHistoryView)),
    path("admin/reports/aging-pages/", _admin(SafeAgingPagesView)),
    path("admin/reports/locked/", _admin(SafeLockedPagesView)),
    path("admin/reports/workflow/", _admin(SafeWorkflowView)),
    path("admin/reports/workflow_tasks/", _admin(SafeWorkflowTasksView)),
]
