"""Who is e-mailed when a review ends: Wagtail for pages and snippets, the registry for projects.

``projects.moderation.apps`` swaps Wagtail's two e-mail receivers for the same notifiers
narrowed to everything except projects. These tests pin both halves, and that the swap fails
loudly when Wagtail's receivers are not where it expects them.
"""

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.models import WorkflowState

from hub.models import Notification
from projects.moderation.apps import _narrowed, replace_wagtail_receivers
from tests.factories import make_draft_project


def _start_review(page, user):
    page.owner = user
    page.save_revision(user=user)
    workflow = page.get_workflow()
    assert workflow is not None and workflow.name != "Project review"
    return workflow.start(page, user)


def test_other_pages_keep_wagtails_own_approval_email(people, home):
    state = _start_review(home, people["staff"])
    mail.outbox.clear()
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, people["moderator"], "approve")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert [m.to for m in mail.outbox] == [["staff@example.org"]]
    assert "approved" in mail.outbox[0].subject.lower()
    assert not Notification.objects.filter(recipient=people["staff"]).exists()


def test_a_project_approved_in_the_admin_sends_only_the_registrys_email(client, people, registry):
    project = make_draft_project(registry, people["staff"])
    task_state = WorkflowState.objects.active().for_instance(project).get().current_task_state
    mail.outbox.clear()
    task_state.task.specific.on_action(task_state, people["moderator"], "approve")
    assert [m.to for m in mail.outbox] == [["staff@example.org"]]
    assert "is published" in mail.outbox[0].subject  # ours, not Wagtail's "approved"
    approved = Notification.objects.filter(recipient=people["staff"], kind="project.approved")
    assert approved.count() == 1


def test_the_narrowed_notifier_leaves_projects_to_the_registry(people, home, registry):
    notifier = _narrowed(WorkflowStateApprovalEmailNotifier)()
    project_state = (
        WorkflowState.objects.active()
        .for_instance(make_draft_project(registry, people["staff"]))
        .get()
    )
    page_state = _start_review(home, people["staff"])
    assert not notifier.can_handle(project_state)
    assert notifier.can_handle(page_state)
    assert not notifier.can_handle(page_state.current_task_state)  # still WorkflowStates only


def test_the_swap_fails_loudly_when_wagtails_receivers_are_missing():
    # Start-up already swapped them, so Wagtail's are gone: a second swap finds nothing.
    with pytest.raises(ImproperlyConfigured, match="wagtail.admin"):
        replace_wagtail_receivers()
