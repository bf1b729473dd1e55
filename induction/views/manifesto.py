"""An officer's manifesto: their pledges, the projects linked to each, and the public tracker."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hub.inputs import parse_id
from induction.forms import PledgeForm, PledgeStatusForm, ProjectSearchForm, TrackerForm
from induction.matching import (
    live_projects,
    localize_projects,
    search_projects,
    suggest_for_pledge,
)
from induction.models.manifesto import ManifestoTracker, Pledge, PledgeUpdate
from induction.models.progress import ProgrammeCompletion
from induction.models.roles import OfficerTerm
from induction.presentation import localized_roles
from induction.views.common import (
    officer_terms_required,
    private,
    redirect_to,
    sub_url,
)
from search import scope

MAX_PLEDGES = 30


@officer_terms_required
def manifesto(request, hub):
    user = request.user
    tracker = ManifestoTracker.for_user(user)
    pledges = list(Pledge.objects.filter(officer=user).prefetch_related("projects"))
    add_form = PledgeForm(prefix="add")
    tracker_form = TrackerForm(instance=tracker, prefix="tracker")
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add":
            add_form = PledgeForm(request.POST, prefix="add")
            if len(pledges) >= MAX_PLEDGES:
                add_form.is_valid()
                add_form.add_error(
                    None,
                    _(
                        "You already have %(max)s pledges. Mark some achieved or dropped, or "
                        "delete one, before adding more."
                    )
                    % {"max": MAX_PLEDGES},
                )
            elif add_form.is_valid():
                pledge = add_form.save(commit=False)
                pledge.officer = user
                pledge.save()
                messages.success(
                    request,
                    _("Pledge added. Here are projects that may already work on it."),
                )
                return redirect_to(
                    sub_url(hub, request, "pledge_route", pk=pledge.pk), "suggestions"
                )
        elif action == "tracker":
            was_public = tracker.is_public
            tracker_form = TrackerForm(request.POST, instance=tracker, prefix="tracker")
            if tracker_form.is_valid():
                tracker = tracker_form.save(commit=False)
                if tracker.is_public and not was_public:
                    tracker.published_at = timezone.now()
                tracker.save()
                messages.success(
                    request,
                    _("Your tracker is public.")
                    if tracker.is_public
                    else _("Your tracker is private."),
                )
                return redirect_to(sub_url(hub, request, "manifesto_route"), "tracker")
        else:
            raise Http404
    rows = []
    for pledge in pledges:
        rows.append(
            {"pledge": pledge, "projects": localize_projects([p.pk for p in pledge.projects.all()])}
        )
    return private(
        hub.render(
            request,
            template="induction/manifesto.html",
            context_overrides={
                "rows": rows,
                "add_form": add_form,
                "tracker": tracker,
                "tracker_form": tracker_form,
                "tracker_url": sub_url(hub, request, "tracker_route", slug=tracker.slug),
                "max_pledges": MAX_PLEDGES,
            },
        )
    )


@officer_terms_required
def pledge_detail(request, hub, pk):
    pledge = get_object_or_404(Pledge, pk=pk, officer=request.user)
    edit_form = PledgeForm(instance=pledge, prefix="edit")
    status_form = PledgeStatusForm(pledge=pledge, prefix="status")
    link_error = None
    if request.method == "POST":
        action = request.POST.get("action")
        here = sub_url(hub, request, "pledge_route", pk=pledge.pk)
        if action == "edit":
            edit_form = PledgeForm(request.POST, instance=pledge, prefix="edit")
            if edit_form.is_valid():
                edit_form.save()
                messages.success(request, _("Pledge saved."))
                return redirect_to(here, "suggestions")
        elif action == "status":
            status_form = PledgeStatusForm(request.POST, pledge=pledge, prefix="status")
            if status_form.is_valid():
                with transaction.atomic():
                    data = status_form.cleaned_data
                    pledge.status = data["status"]
                    pledge.dropped_reason = (
                        data["dropped_reason"].strip()
                        if pledge.status == Pledge.Status.DROPPED
                        else ""
                    )
                    pledge.full_clean()
                    pledge.save()
                    PledgeUpdate.objects.create(
                        pledge=pledge, status=pledge.status, note=data["note"].strip()
                    )
                messages.success(request, _("Update recorded."))
                return redirect_to(here, "updates")
        elif action in {"link", "unlink"}:
            project_id = parse_id(request.POST.get("project"))
            project = live_projects().filter(pk=project_id).first() if project_id else None
            if project is None:
                link_error = _("That project could not be found. It may have been unpublished.")
            elif action == "link":
                if pledge.projects.filter(translation_key=project.translation_key).exists():
                    link_error = _("This project is already linked.")
                else:
                    pledge.projects.add(project)
                    if pledge.is_new_initiative:
                        pledge.is_new_initiative = False
                        pledge.save(update_fields=["is_new_initiative", "updated_at"])
                    messages.success(
                        request, _("Linked to “%(title)s”.") % {"title": project.title}
                    )
                    return redirect_to(here, "linked")
            else:
                pledge.projects.remove(
                    *pledge.projects.filter(translation_key=project.translation_key)
                )
                messages.success(request, _("Unlinked “%(title)s”.") % {"title": project.title})
                return redirect_to(here, "linked")
        elif action in {"new_initiative", "not_new_initiative"}:
            if action == "new_initiative" and pledge.projects.exists():
                link_error = _(
                    "This pledge builds on linked projects. Unlink them first to mark it as a "
                    "new initiative."
                )
            else:
                pledge.is_new_initiative = action == "new_initiative"
                pledge.save(update_fields=["is_new_initiative", "updated_at"])
                messages.success(
                    request,
                    _("Marked as a new initiative.")
                    if pledge.is_new_initiative
                    else _("No longer marked as a new initiative."),
                )
                return redirect_to(here, "linked")
        else:
            raise Http404
    search_form = ProjectSearchForm(request.GET or None)
    linked = localize_projects([p.pk for p in pledge.projects.all()])
    every_language = scope.wants_all(request.GET)
    suggestions, degraded = suggest_for_pledge(pledge, every_language=every_language)
    results = None
    if search_form.is_bound and search_form.is_valid() and search_form.cleaned_data["q"]:
        exclude = {p.translation_key for p in linked}
        results, searched_degraded = search_projects(
            search_form.cleaned_data["q"],
            get_language(),
            limit=10,
            exclude_keys=exclude,
            every_language=every_language,
        )
        degraded = degraded or searched_degraded
    response = hub.render(
        request,
        template="induction/pledge.html",
        context_overrides={
            "pledge": pledge,
            "edit_form": edit_form,
            "status_form": status_form,
            "search_form": search_form,
            "linked": linked,
            "suggestions": suggestions,
            "results": results,
            "all_languages": every_language,
            "degraded": degraded,
            "link_error": link_error,
            "updates": pledge.updates.all()[:50],
            "manifesto_url": sub_url(hub, request, "manifesto_route"),
            "delete_url": sub_url(hub, request, "pledge_delete_route", pk=pledge.pk),
        },
    )
    if request.method == "POST":
        response.status_code = 400
    return private(response)


@officer_terms_required
def pledge_delete(request, hub, pk):
    pledge = get_object_or_404(Pledge, pk=pk, officer=request.user)
    if request.method == "POST":
        title = pledge.title
        pledge.delete()
        messages.success(request, _("Pledge “%(title)s” deleted.") % {"title": title})
        return redirect_to(sub_url(hub, request, "manifesto_route"))
    return private(
        hub.render(
            request,
            template="induction/pledge_delete.html",
            context_overrides={
                "pledge": pledge,
                "cancel_url": sub_url(hub, request, "pledge_route", pk=pledge.pk),
            },
        )
    )


def public_tracker(request, hub, slug):
    tracker = get_object_or_404(
        ManifestoTracker.objects.select_related("user"), slug=slug, is_public=True
    )
    user = tracker.user
    if not user.is_active:
        raise Http404
    pledges = list(Pledge.objects.filter(officer=user).prefetch_related("projects", "updates"))
    live_ids = set(
        live_projects()
        .filter(pk__in=[p.pk for pledge in pledges for p in pledge.projects.all()])
        .values_list("pk", flat=True)
    )
    rows = []
    for pledge in pledges:
        rows.append(
            {
                "pledge": pledge,
                "projects": localize_projects(
                    [p.pk for p in pledge.projects.all() if p.pk in live_ids]
                ),
                "updates": list(pledge.updates.all())[:5],
            }
        )
    terms = list(
        OfficerTerm.objects.filter(user=user).select_related("role").order_by("-starts_on")[:3]
    )
    return hub.render(
        request,
        template="induction/tracker.html",
        context_overrides={
            "tracker": tracker,
            "officer_user": user,
            "rows": rows,
            "terms": terms,
            "term_roles": localized_roles([term.role for term in terms]),
            "completions": ProgrammeCompletion.objects.filter(user=user).order_by("-completed_at"),
        },
    )
