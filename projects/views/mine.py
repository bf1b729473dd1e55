"""A person's own view of the registry: "My projects" (with their saved searches) and the
leads' inbox of requests."""

from django.db.models import Count, Q
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from hub.inputs import parse_choice, parse_id
from hub.permissions import signed_in_required
from projects import registration, saved_searches
from projects.forms import AcceptForm, DeclineForm
from projects.models.alerts import SavedSearch
from projects.models.people import JoinRequest, ProjectMember
from projects.models.project import ProjectPage
from projects.permissions import can_register
from projects.routes import registry_pages
from projects.views.common import page_of


def _led_projects(user):
    """Projects ``user`` leads or registered, one page per project (its first page)."""
    pages = (
        ProjectPage.objects.filter(Q(staff_lead=user) | Q(union_contact=user) | Q(owner=user))
        .select_related("locale")
        .defer_streamfields()
        .order_by("pk")
    )
    seen, result = set(), []
    for page in pages:
        if page.translation_key not in seen:
            seen.add(page.translation_key)
            result.append(page)
    result.sort(key=lambda p: p.latest_revision_created_at or p.first_published_at, reverse=True)
    return result


def _requests_for_lead(user):
    return JoinRequest.objects.filter(
        Q(project__staff_lead=user) | Q(project__union_contact=user)
    ).select_related("project", "officer")


@never_cache
@signed_in_required
def mine(request, registry):
    user = request.user
    led_page = page_of(request, _led_projects(user), "led")
    led = list(led_page.object_list)
    states = registration.moderation_states(led)
    pending_counts = dict(
        JoinRequest.objects.filter(project__in=[p.pk for p in led], state="pending")
        .values_list("project")
        .annotate(n=Count("pk"))
    )
    for project in led:
        project.review_state, project.review_comment = states.get(project.pk, ("published", ""))
        project.pending_count = pending_counts.get(project.pk, 0)
        project.role_labels = [
            label
            for flag, label in (
                (project.staff_lead_id == user.pk, _("Staff lead")),
                (project.union_contact_id == user.pk, _("Union contact")),
                (project.owner_id == user.pk, _("Registered by you")),
            )
            if flag
        ]
    waiting = _requests_for_lead(user).filter(state=JoinRequest.State.PENDING)
    memberships = ProjectMember.objects.filter(user=user, left_on__isnull=True).select_related(
        "project"
    )
    my_requests = JoinRequest.objects.filter(officer=user).select_related("project")
    searches_page = page_of(request, user.saved_searches.all(), "alerts")
    registries = registry_pages()
    searches = list(searches_page.object_list)
    for search in searches:
        search.url = saved_searches.search_url(search, registries)
    return render(
        request,
        "projects/mine.html",
        {
            "led_page": led_page,
            "led": led,
            "waiting_count": waiting.count(),
            "waiting": waiting.order_by("created_at")[:5],
            "member_page": page_of(request, memberships.order_by("-joined_at"), "joined"),
            "request_page": page_of(request, my_requests.order_by("-created_at"), "asked"),
            "registry": registry,
            "can_register": can_register(user, registry),
            "searches_page": searches_page,
            "searches": searches,
            "frequencies": SavedSearch.Frequency.choices,
            "search_limit": saved_searches.LIMIT,
        },
    )


@never_cache
@signed_in_required
def requests_inbox(request, _registry):
    """Requests to join the projects I lead: pending first to answer, then the history."""
    user = request.user
    requests = _requests_for_lead(user)
    state = parse_choice(request.GET.get("state"), {"pending", "all"}, "pending")
    if state == "pending":
        requests = requests.filter(state=JoinRequest.State.PENDING).order_by("created_at")
    else:
        requests = requests.order_by("-created_at")
    led = [p for p in _led_projects(user) if user.pk in p.lead_ids]
    project_id = parse_id(request.GET.get("project"))
    project_filter = ""
    if project_id is not None and project_id in {p.pk for p in led}:
        requests = requests.filter(project_id=project_id)
        project_filter = str(project_id)
    return render(
        request,
        "projects/requests.html",
        {
            "page_obj": page_of(request, requests, "page"),
            "state": state,
            "led": led,
            "project_filter": project_filter,
            "accept_form": AcceptForm(),
            "decline_form": DeclineForm(),
        },
    )
