"""Wagtail admin views for editors: import elected officers, and the cohort report."""

import datetime

import django_filters
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from hub.inputs import parse_int
from hub.spreadsheets import SafeSpreadsheetExportMixin
from induction import importer, report
from induction.emails import needs_invitation, resend_invitation, send_invitation
from induction.forms import OfficerImportForm
from induction.models import OfficerTerm
from induction.views.common import site_base_url

IMPORT_PERMISSION = "induction.import_officers"


class ImportOfficersView(WagtailAdminTemplateMixin, FormView):
    """Upload a CSV of newly elected officers; all rows are imported or none."""

    form_class = OfficerImportForm
    template_name = "induction/admin/import.html"
    page_title = gettext_lazy("Import elected officers")
    header_icon = "user"
    permission = IMPORT_PERMISSION

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("result", None)
        context["example"] = (
            "name,email,role,start,end,language\n"
            "Amira Haddad,amira.haddad@example.org,president,2027-07-01,2028-06-30,en\n"
            "Jonas Weber,jonas.weber@example.org,VP Education,2027-07-01,2028-06-30,Deutsch\n"
        )
        context["languages"] = settings.LANGUAGES
        return context

    def form_valid(self, form):
        outcome = importer.parse(form.cleaned_data["file"].read())
        if not outcome.ok:
            form.add_error(
                "file",
                _("Nothing was imported: %(count)s problems to fix (see the report).")
                % {"count": len(outcome.errors)},
            )
            return self.render_to_response(self.get_context_data(form=form, result=outcome))
        base_url = site_base_url(self.request)

        def invite(user, term, needs_password):
            send_invitation(user, term, base_url=base_url, needs_password=needs_password)

        try:
            importer.apply(outcome, invite)
        except ValidationError as error:
            # Another editor changed the terms in the meantime; nothing was saved.
            outcome.errors.append((0, " ".join(error.messages)))
            form.add_error("file", _("Nothing was imported."))
            return self.render_to_response(self.get_context_data(form=form, result=outcome))
        return self.render_to_response(
            self.get_context_data(form=self.form_class(), result=outcome, imported=True)
        )


class ResendInvitationsBulkAction(SnippetBulkAction):
    """Re-send invitations for the chosen officer terms, each with a fresh set-password link.

    For editors who may import officers. Only accounts that have not chosen a password yet are
    sent one (one e-mail per person, for their latest chosen term); the others are listed with
    the reason. Also offered per term in the listing (``wagtail_hooks``).
    """

    display_name = gettext_lazy("Re-send invitations")
    action_type = "resend_invitation"
    aria_label = gettext_lazy("Re-send the invitations of the selected officer terms")
    template_name = "induction/admin/resend_invitations.html"
    action_priority = 20
    models = [OfficerTerm]

    def __init__(self, request, model):
        super().__init__(request, model)
        if self.next_url == request.path:  # no (valid) ?next=: back to the terms listing
            self.next_url = reverse(model.snippet_viewset.get_url_name("list"))

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def get_queryset(cls, model, object_ids):
        terms = list(
            model.objects.filter(pk__in=object_ids)
            .select_related("user", "role")
            .order_by("-starts_on", "pk")
        )
        if not terms:
            raise Http404
        return terms

    def check_perm(self, term):
        return self.request.user.has_perm(IMPORT_PERMISSION)

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        sendable, seen, skipped = [], set(), []
        for term in objects:  # latest first: one invitation per person
            if not needs_invitation(term.user):
                skipped.append(term)
            elif term.user_id not in seen:
                seen.add(term.user_id)
                sendable.append(term)
        return sendable, {**extra, "items_not_invited": skipped}

    def get_execution_context(self):
        return {**super().get_execution_context(), "base_url": site_base_url(self.request)}

    @classmethod
    def execute_action(cls, objects, base_url=None, **kwargs):
        sent = sum(1 for term in objects if resend_invitation(term, base_url=base_url))
        return sent, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Invitation sent again to %(count)d officer, with a new link.",
            "Invitations sent again to %(count)d officers, each with a new link.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


def _year_choices(request=None):
    return [(str(year), str(year)) for year in report.programme_years()]


class CohortFilterSet(WagtailFilterSet):
    year = django_filters.ChoiceFilter(
        label=gettext_lazy("Cohort"),
        choices=_year_choices,
        method="filter_year",
        empty_label=gettext_lazy("Current or coming"),
    )

    class Meta:
        model = OfficerTerm
        fields = []

    def filter_year(self, queryset, name, value):
        return queryset.filter(starts_on__year=int(value)) if value else queryset


class CohortReportView(SafeSpreadsheetExportMixin, ReportView):
    """Each officer of a cohort: progress, overdue modules and whether a handover arrived."""

    model = OfficerTerm
    page_title = gettext_lazy("Induction cohort")
    header_icon = "user"
    index_url_name = "induction_cohort_report"
    index_results_url_name = "induction_cohort_report_results"
    filterset_class = CohortFilterSet
    paginate_by = 50
    columns = [
        Column("report_officer", label=gettext_lazy("Officer")),
        Column("report_role", label=gettext_lazy("Role")),
        Column("starts_on", label=gettext_lazy("Term starts")),
        Column("report_progress", label=gettext_lazy("Modules done")),
        Column("report_overdue", label=gettext_lazy("Overdue modules")),
        Column("report_handover", label=gettext_lazy("Handover")),
        Column("report_last_activity", label=gettext_lazy("Last activity")),
        Column("report_signed_in", label=gettext_lazy("Signed in")),
    ]
    list_export = [
        "report_officer",
        "report_email",
        "report_role",
        "starts_on",
        "ends_on",
        "report_programme",
        "report_done",
        "report_total",
        "report_percent",
        "report_overdue_count",
        "report_overdue",
        "report_handover",
        "report_last_activity",
        "report_signed_in",
    ]
    export_headings = {
        "report_officer": gettext_lazy("Officer"),
        "report_email": gettext_lazy("E-mail"),
        "report_role": gettext_lazy("Role"),
        "starts_on": gettext_lazy("Term starts"),
        "ends_on": gettext_lazy("Term ends"),
        "report_programme": gettext_lazy("Programme"),
        "report_done": gettext_lazy("Modules done"),
        "report_total": gettext_lazy("Modules"),
        "report_percent": gettext_lazy("Percent done"),
        "report_overdue_count": gettext_lazy("Overdue modules (number)"),
        "report_overdue": gettext_lazy("Overdue modules"),
        "report_handover": gettext_lazy("Handover from predecessor"),
        "report_last_activity": gettext_lazy("Last activity"),
        "report_signed_in": gettext_lazy("Signed in"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("induction.view_cohort_report"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def user_has_permission(self, permission):
        return self.request.user.has_perm("induction.view_cohort_report")

    def get_filename(self):
        return f"induction-cohort-{datetime.date.today():%Y-%m-%d}"

    def get_page_subtitle(self):
        return _("Cohort %(year)s") % {"year": self.year}

    @property
    def year(self):
        chosen = parse_int(self.request.GET.get("year"), minimum=1, maximum=9999)
        return chosen or report.default_year()

    def get_queryset(self):
        queryset = (
            OfficerTerm.objects.filter(user__isnull=False)
            .select_related("user", "role")
            .order_by("role__sort_order", "role__name", "user__email")
        )
        if parse_int(self.request.GET.get("year"), minimum=1, maximum=9999) is None:
            queryset = queryset.filter(starts_on__year=self.year)
        return queryset

    def decorate_paginated_queryset(self, object_list):
        return report.decorate(object_list)

    @property
    def index_url(self):
        return reverse(self.index_url_name)

    @property
    def index_results_url(self):
        return reverse(self.index_results_url_name)
