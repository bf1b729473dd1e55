"""The cohort report: each officer's progress, overdue modules and handover, in bulk.

A fixed number of queries whatever the cohort's size: terms, programmes, modules, progress
records, the role's earlier terms and their submitted handovers are each read once.
"""

from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from induction.models import (
    Handover,
    InductionProgrammePage,
    ModuleProgress,
    OfficerTerm,
)


def programme_years():
    years = set(InductionProgrammePage.objects.live().values_list("year", flat=True).distinct())
    years.update(d.year for d in OfficerTerm.objects.dates("starts_on", "year"))
    return sorted(years, reverse=True)


def default_year(today=None):
    """The cohort of the programme running now or coming next, like the hub page shows."""
    today = today or timezone.localdate()
    programmes = InductionProgrammePage.objects.live()
    coming = programmes.filter(ends_on__gte=today).order_by("starts_on").first()
    if coming is not None:
        return coming.year
    years = programme_years()
    return years[0] if years else today.year


def _programmes(years):
    default = Locale.get_default()
    programmes = {}
    for page in (
        InductionProgrammePage.objects.live()
        .filter(year__in=years)
        .order_by("locale_id")
        .select_related("locale")
    ):
        if page.year not in programmes or page.locale_id == default.pk:
            programmes[page.year] = page
    return programmes


def decorate(terms, today=None):
    """Attach the report's values to each term (``term.report_*`` attributes)."""
    today = today or timezone.localdate()
    terms = list(terms)
    if not terms:
        return terms
    programmes = _programmes({term.starts_on.year for term in terms})
    modules_by_year = {}
    all_keys = set()
    for year, programme in programmes.items():
        modules = list(programme.modules())
        modules_by_year[year] = modules
        all_keys.update(module.translation_key for module in modules)
    user_ids = {term.user_id for term in terms if term.user_id}
    records = {
        (record.user_id, record.module_key): record
        for record in ModuleProgress.objects.filter(user_id__in=user_ids, module_key__in=all_keys)
    }

    # Predecessors: the role's terms that started just before each term.
    role_keys = {term.role.translation_key for term in terms}
    history = defaultdict(list)
    for other in (
        OfficerTerm.objects.filter(role__translation_key__in=role_keys)
        .select_related("role")
        .order_by("starts_on")
    ):
        history[other.role.translation_key].append(other)
    predecessors = {}
    for term in terms:
        earlier = [t for t in history[term.role.translation_key] if t.starts_on < term.starts_on]
        if earlier:
            last = max(t.starts_on for t in earlier)
            predecessors[term.pk] = [t.pk for t in earlier if t.starts_on == last]
    submitted = set(
        Handover.objects.filter(
            term_id__in={pk for pks in predecessors.values() for pk in pks},
            status=Handover.Status.SUBMITTED,
        ).values_list("term_id", flat=True)
    )

    for term in terms:
        user = term.user
        year = term.starts_on.year
        programme = programmes.get(year)
        modules = [
            module
            for module in modules_by_year.get(year, [])
            if module.applies_to({term.role.slug})
        ]
        done = 0
        overdue = []
        last_activity = None
        for module in modules:
            record = records.get((term.user_id, module.translation_key))
            if record and record.completed_at:
                done += 1
            else:
                due = module.effective_due_date(programme)
                if due and due < today:
                    overdue.append(module.title)
            if record and (last_activity is None or record.updated_at > last_activity):
                last_activity = record.updated_at
        term.report_officer = user.get_display_name() if user else _("Former officer")
        term.report_email = user.email if user else ""
        term.report_role = term.role.name
        term.report_programme = programme.title if programme else _("No programme")
        term.report_done = done
        term.report_total = len(modules)
        term.report_percent = round(100 * done / len(modules)) if modules else 0
        term.report_progress = _("%(done)s of %(total)s") % {"done": done, "total": len(modules)}
        term.report_overdue = "; ".join(overdue)
        term.report_overdue_count = len(overdue)
        term.report_last_activity = last_activity
        term.report_signed_in = _("yes") if user and user.last_login else _("not yet")
        if term.pk not in predecessors:
            term.report_handover = _("no predecessor")
        elif any(pk in submitted for pk in predecessors[term.pk]):
            term.report_handover = _("received")
        else:
            term.report_handover = _("not received")
    return terms
