"""The registry's share of a person's data: what they lead, joined, asked and saved, and erasure.

Erasing keeps the registry whole: projects stay, with the lead left empty ("Lead to be
confirmed") and flagged for moderators; requests and memberships stay as anonymous records
(no person, no message), so a project's history still adds up.
"""

from django.db import transaction
from django.db.models import Q

from hub.cache import bump_content_version
from hub.personal_data import register
from projects.facets import bump_version
from projects.models import (
    JoinRequest,
    JoinRequestEvent,
    ProjectMember,
    ProjectPage,
    ProjectRegistration,
    SavedSearch,
)


def _project(page):
    return {"id": page.pk, "title": page.title, "language": page.locale.language_code}


def export(user):
    led = (
        ProjectPage.objects.filter(Q(staff_lead=user) | Q(union_contact=user) | Q(owner=user))
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .order_by("pk")
    )
    projects = []
    for page in led:
        roles = []
        if page.staff_lead_id == user.pk:
            roles.append("staff lead")
        if page.union_contact_id == user.pk:
            roles.append("union contact")
        if page.owner_id == user.pk:
            roles.append("registered by you")
        projects.append(
            {**_project(page), "status": page.status, "live": page.live, "roles": roles}
        )
    requests = (
        JoinRequest.objects.filter(officer=user)
        .select_related("project__locale")
        .prefetch_related("events")
        .order_by("created_at")
    )
    decisions = (
        JoinRequestEvent.objects.filter(actor=user)
        .exclude(request__officer=user)
        .select_related("request__project")
        .order_by("created_at")
    )
    return {
        "projects": projects,
        "saved_searches": [
            {
                "name": s.name,
                "search": s.query,
                "language": s.language,
                "frequency": s.frequency,
                "created": s.created_at,
                "last_sent": s.last_sent_at,
            }
            for s in SavedSearch.objects.filter(owner=user).order_by("created_at")
        ],
        "memberships": [
            {"project": _project(m.project), "role": m.role, "joined": m.joined_at}
            for m in ProjectMember.objects.filter(user=user).select_related("project__locale")
        ],
        "join_requests": [
            {
                "project": _project(r.project),
                "message": r.message,
                "how_to_help": r.how_to_help,
                "state": r.state,
                "created": r.created_at,
                "history": [
                    {"from": e.from_state, "to": e.to_state, "when": e.created_at, "note": e.note}
                    for e in r.events.all()
                ],
            }
            for r in requests
        ],
        "answers_you_gave": [
            {
                "request": e.request_id,
                "project": e.request.project.title,
                "to": e.to_state,
                "when": e.created_at,
                "note": e.note,
            }
            for e in decisions
        ],
    }


@transaction.atomic
def erase(user):
    for join_request in JoinRequest.objects.filter(officer=user, state=JoinRequest.State.PENDING):
        JoinRequestEvent.objects.create(
            request=join_request,
            actor=None,
            from_state=join_request.state,
            to_state=JoinRequest.State.WITHDRAWN,
        )
    JoinRequest.objects.filter(officer=user, state=JoinRequest.State.PENDING).update(
        state=JoinRequest.State.WITHDRAWN
    )
    JoinRequest.objects.filter(officer=user).update(officer=None, message="", how_to_help="")
    JoinRequestEvent.objects.filter(actor=user).update(actor=None)
    ProjectMember.objects.filter(user=user).update(user=None)
    ProjectRegistration.objects.filter(user=user).update(user=None)
    SavedSearch.objects.filter(owner=user).delete()  # and what their alerts sent
    ProjectPage.objects.filter(staff_lead=user).update(staff_lead=None, needs_new_lead=True)
    ProjectPage.objects.filter(union_contact=user).update(union_contact=None, needs_new_lead=True)
    bump_version()
    bump_content_version()  # written with update(): no signal tells the page cache


def connect():
    register("projects", export=export, erase=erase)
