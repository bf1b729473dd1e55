"""The demo's registry workflow content: requests, a member, a stale project, a draft."""

import io

import pytest
from django.core import mail
from wagtail.models import WorkflowState

from hub.demo import DemoContext
from hub.models import Notification
from projects.demo_workflow import DEMO_DRAFT, load_workflow_demo
from projects.models import JoinRequest, ProjectMember, ProjectPage
from tests.factories import make_project


@pytest.fixture
def demo(registry, people):
    users = {key: people[key] for key in ("staff", "staff2", "officer", "officer2", "moderator")}
    for number in range(8):
        make_project(
            registry,
            title=f"Demo project {number}",
            staff_lead=users["staff"] if number % 2 == 0 else users["staff2"],
            union_contact=users["officer"] if number % 2 == 0 else users["officer2"],
            last_confirmed_at=None,
        )
    return DemoContext(stdout=io.StringIO(), users=users)


def test_demo_workflow_content_is_complete_and_loads_twice(demo, registry):
    load_workflow_demo(demo, registry)
    first = (
        JoinRequest.objects.count(),
        ProjectMember.objects.count(),
        Notification.objects.count(),
        ProjectPage.objects.count(),
    )
    load_workflow_demo(demo, registry)
    assert (
        JoinRequest.objects.count(),
        ProjectMember.objects.count(),
        Notification.objects.count(),
        ProjectPage.objects.count(),
    ) == first

    states = sorted(JoinRequest.objects.values_list("state", flat=True))
    assert states == ["accepted", "declined", "pending", "pending"]
    member = ProjectMember.objects.get()
    assert member.user == demo.users["officer"] and member.role == "Course rep liaison"
    for join_request in JoinRequest.objects.all():
        assert join_request.officer_id not in join_request.project.lead_ids
    stale = [p for p in ProjectPage.objects.live() if p.is_possibly_stale]
    assert len(stale) == 1
    draft = ProjectPage.objects.get(title=DEMO_DRAFT["title"])
    assert not draft.live
    assert WorkflowState.objects.active().for_instance(draft).exists()
    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert {
        "join_request.created",
        "join_request.accepted",
        "join_request.declined",
        "project.submitted",
    } <= kinds
    # Our notifications are recorded, not e-mailed; only Wagtail tells moderators by e-mail.
    assert [m.to for m in mail.outbox] == [["moderator@example.org"]]
    assert demo.created["join request"] == 4
