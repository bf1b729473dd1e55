"""Demo of the registry's two-way workflow: requests, a member, a stale project, a draft.

Called at the end of ``projects.demo.load`` once the demo projects exist; idempotent.
"""

import datetime
import uuid

from django.db.models import Q
from django.utils import timezone

from hub.cache import bump_content_version
from hub.notifications import emails_suppressed
from projects import joining
from projects.facets import bump_version
from projects.models import JoinRequest, ProjectPage
from projects.registration import register_project

DEMO_DRAFT = {
    "title": "Peer mentoring for commuter students",
    "summary": (
        "Second-year commuters mentor first-years who travel in every day, so nobody spends "
        "their first term alone between lectures."
    ),
    "description": (
        "Mentors and mentees are paired by route and timetable in the first week of term.\n\n"
        "Pairs meet once a month, on campus or online, and the union runs a termly social."
    ),
    "status": ProjectPage.Status.PROPOSED,
    "stage": ProjectPage.Stage.SUCCESS,
    "open_to_officers": True,
    "how_officers_can_help": "Recruit mentors at the commuter students' network meetings.",
    "outcomes": "",
    "stopped_reason": "",
    "themes": [],
    "campuses": [],
    # A fixed token makes loading the demo twice register the draft once.
    "token": uuid.UUID("6d1f3f0e-1c1e-4a63-9d8f-2a4f0c8f2b10"),
}

# (officer, lead, message, how they'd help, outcome, role or note)
DEMO_REQUESTS = [
    (
        "officer",
        "staff2",
        "I chaired my hall's welfare committee last year and would like to help run this.",
        "Promoting it in halls and running a focus group.",
        "pending",
        "",
    ),
    (
        "officer2",
        "staff",
        "As the postgraduate officer I can bring research students into this.",
        "Reaching postgraduate researchers; co-writing the questions.",
        "pending",
        "",
    ),
    (
        "officer",
        "staff2",
        "Course reps keep raising this; I would like to be the union's voice in it.",
        "Collecting reps' feedback each month.",
        "accepted",
        "Course rep liaison",
    ),
    (
        "officer2",
        "staff",
        "I would like to help with the analysis.",
        "Data analysis.",
        "declined",
        "The analysis is done by the planning office this year; the comms side needs you more.",
    ),
]


def load_workflow_demo(ctx, index):
    """Requests, a member, a stale project, a draft in review and notifications (idempotent).

    E-mails are not sent: the notifications are recorded for the demo users to see.
    """
    with emails_suppressed():
        _demo_stale(ctx, index)
        _demo_requests(ctx, index)
        _demo_draft(ctx, index)


def _demo_stale(ctx, index):
    lead = ctx.users.get("staff2")
    project = (
        ProjectPage.objects.child_of(index)
        .live()
        .filter(status=ProjectPage.Status.ACTIVE, staff_lead=lead)
        .order_by("title")
        .first()
    )
    if project is None:
        return
    eight_months_ago = timezone.now() - datetime.timedelta(days=240)
    updated = (
        ProjectPage.objects.filter(translation_key=project.translation_key)
        .filter(Q(last_confirmed_at__isnull=True) | Q(last_confirmed_at__gt=eight_months_ago))
        .update(last_confirmed_at=eight_months_ago)
    )
    if updated:
        bump_version()
        bump_content_version()
        ctx.count("stale project")


def _demo_requests(ctx, index):
    used = set()
    for officer_key, lead_key, message, how, outcome, extra in DEMO_REQUESTS:
        officer, lead = ctx.users.get(officer_key), ctx.users.get(lead_key)
        if officer is None or lead is None:
            continue
        candidates = (
            ProjectPage.objects.child_of(index)
            .live()
            .filter(staff_lead=lead, open_to_officers=True, status__in=["proposed", "active"])
            .exclude(union_contact=officer)
            .exclude(pk__in=used)
            .order_by("title")
        )
        project = candidates.first()
        if project is None:
            continue
        used.add(project.pk)
        if JoinRequest.objects.filter(project=project, officer=officer).exists():
            continue
        join_request = joining.create_request(officer, project, message, how)
        if outcome == "accepted":
            joining.accept(join_request, lead, role=extra)
        elif outcome == "declined":
            joining.decline(join_request, lead, note=extra)
        ctx.count("join request")


def _demo_draft(ctx, index):
    staff = ctx.users.get("staff")
    if (
        staff is None
        or ProjectPage.objects.child_of(index).filter(title=DEMO_DRAFT["title"]).exists()
    ):
        return
    register_project(index, staff, dict(DEMO_DRAFT))
    ctx.count("project in review")
