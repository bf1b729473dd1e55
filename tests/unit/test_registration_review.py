"""Registered projects under review: moderators approve, ask for changes or reject.

Edits by owners and leads go through the same review; publishers' edits are published at once.
"""

from django.core import mail
from wagtail.models import WorkflowState

from hub.models import Notification
from tests.factories import make_draft_project, make_project, project_form_data


def _workflow_state(page):
    return WorkflowState.objects.active().for_instance(page).first()


# --- review ----------------------------------------------------------------------------------


def test_moderator_approves_and_the_registrant_is_told_once(client, people, registry):
    project = make_draft_project(registry, people["staff"])
    mail.outbox.clear()
    client.force_login(people["moderator"])
    manage = client.get(f"/en/projects/manage/{project.pk}/")
    assert "Approve and publish" in manage.content.decode()
    assert "Ask for changes" in manage.content.decode()
    response = client.post(f"/en/projects/manage/{project.pk}/publish/", {"comment": "Lovely"})
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.live
    assert _workflow_state(project) is None
    notes = Notification.objects.filter(recipient=people["staff"], kind="project.approved")
    assert notes.count() == 1
    assert [m.to for m in mail.outbox] == [["staff@example.org"]]
    assert "is published" in mail.outbox[0].subject


def test_moderator_asks_for_changes_and_the_registrant_sees_the_comment(client, people, registry):
    project = make_draft_project(registry, people["staff"])
    mail.outbox.clear()
    client.force_login(people["moderator"])
    empty = client.post(f"/en/projects/manage/{project.pk}/request-changes/", {"comment": " "})
    assert empty.status_code == 302
    assert _workflow_state(project).status == WorkflowState.STATUS_IN_PROGRESS
    client.post(
        f"/en/projects/manage/{project.pk}/request-changes/",
        {"comment": "Please name the lead unit."},
    )
    state = _workflow_state(project)
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert len(mail.outbox) == 1  # ours only: Wagtail's duplicate is suppressed
    assert "Please name the lead unit." in mail.outbox[0].body
    assert mail.outbox[0].to == ["staff@example.org"]

    client.force_login(people["staff"])
    mine = client.get("/en/projects/mine/").content.decode()
    assert "Changes requested" in mine
    assert "Please name the lead unit." in mine
    # The registrant edits and it goes back to the moderators.
    edit = client.get(f"/en/projects/manage/{project.pk}/edit/")
    assert edit.status_code == 200
    data = project_form_data(title=project.title, summary="Now with a lead unit named.")
    data.pop("token")
    client.post(f"/en/projects/manage/{project.pk}/edit/", data)
    state = _workflow_state(project)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    project.refresh_from_db()
    assert project.get_latest_revision_as_object().summary == "Now with a lead unit named."


def test_rejection_in_the_admin_reaches_the_registrant_too(client, people, registry):
    project = make_draft_project(registry, people["staff"])
    task_state = _workflow_state(project).current_task_state
    mail.outbox.clear()
    client.force_login(people["moderator"])
    response = client.post(
        f"/admin/pages/workflow/action/{project.pk}/reject/{task_state.pk}/",
        {"comment": "Too vague, sorry."},
    )
    assert response.status_code in (200, 302)
    assert _workflow_state(project).status == WorkflowState.STATUS_NEEDS_CHANGES
    note = Notification.objects.get(recipient=people["staff"], kind="project.changes_requested")
    assert "Too vague, sorry." in note.body
    assert len(mail.outbox) == 1


def test_other_pages_keep_wagtails_own_rejection_email(people, home):
    home.owner = people["staff"]
    home.save_revision(user=people["staff"])
    workflow = home.get_workflow()
    assert workflow is not None and workflow.name != "Project review"
    state = workflow.start(home, people["staff"])
    mail.outbox.clear()
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, people["moderator"], "reject", comment="No")
    assert len(mail.outbox) == 1
    assert "rejected" in mail.outbox[0].subject.lower() or "rejected" in mail.outbox[0].body
    assert not Notification.objects.filter(recipient=people["staff"]).exists()


def test_moderators_get_an_on_site_notification_of_new_projects(people, registry):
    project = make_draft_project(registry, people["staff"])
    note = Notification.objects.get(recipient=people["moderator"], kind="project.submitted")
    assert project.title in note.title
    assert note.url == f"/en/projects/manage/{project.pk}/"


# --- editing ---------------------------------------------------------------------------------


def test_owner_edits_go_to_review_and_the_live_page_stays(client, people, registry):
    project = make_project(
        registry, title="Poll", owner=people["staff"], staff_lead=people["staff"]
    )
    client.force_login(people["staff"])
    data = project_form_data(title="Poll", summary="An updated summary.")
    data.pop("token")
    response = client.post(f"/en/projects/manage/{project.pk}/edit/", data)
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.summary != "An updated summary."
    assert project.has_unpublished_changes
    assert _workflow_state(project).status == WorkflowState.STATUS_IN_PROGRESS
    # While it is in review, the owner edits only after taking it back.
    locked = client.get(f"/en/projects/manage/{project.pk}/edit/")
    assert "with the moderators for review" in locked.content.decode()
    assert f"/en/projects/manage/{project.pk}/withdraw-review/" in locked.content.decode()


def test_the_author_takes_an_edit_back_from_review_amends_it_and_resubmits(
    client, people, registry
):
    project = make_project(
        registry, title="Poll", owner=people["staff"], staff_lead=people["staff"]
    )
    edit_url = f"/en/projects/manage/{project.pk}/edit/"
    withdraw_url = f"/en/projects/manage/{project.pk}/withdraw-review/"
    client.force_login(people["staff"])
    data = project_form_data(title="Poll", summary="First try at a new summary.")
    data.pop("token")
    client.post(edit_url, data)
    first_state = _workflow_state(project)
    assert first_state.status == WorkflowState.STATUS_IN_PROGRESS

    # Someone who may not edit it cannot take it back.
    client.force_login(people["staff2"])
    assert client.post(withdraw_url).status_code == 403
    assert _workflow_state(project).pk == first_state.pk

    client.force_login(people["staff"])
    response = client.post(withdraw_url)
    assert response.status_code == 302 and response["Location"] == edit_url
    first_state.refresh_from_db()
    assert first_state.status == WorkflowState.STATUS_CANCELLED
    form = client.get(edit_url)
    assert 'name="summary"' in form.content.decode()
    assert "First try at a new summary." in form.content.decode()  # nothing was lost
    data["summary"] = "The amended summary, ready for review."
    resubmitted = client.post(edit_url, data)
    assert resubmitted.status_code == 302, resubmitted.content.decode()[-3000:]
    state = _workflow_state(project)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.pk != first_state.pk
    project.refresh_from_db()
    latest = project.get_latest_revision_as_object()
    assert latest.summary == "The amended summary, ready for review."
    assert project.summary != latest.summary  # still not published
    # Taking back twice says so and changes nothing.
    client.post(withdraw_url)
    again = client.post(withdraw_url, follow=True)
    assert "no longer waiting for review" in again.content.decode()


def test_staff_lead_who_is_not_the_owner_can_edit_in_the_front_end(client, people, registry):
    project = make_project(registry, title="Poll", staff_lead=people["staff"])
    client.force_login(people["staff"])
    assert client.get(f"/en/projects/manage/{project.pk}/edit/").status_code == 200


def test_publishers_edits_are_published_at_once(client, people, registry):
    project = make_project(registry, title="Poll", staff_lead=people["staff"])
    client.force_login(people["editor"])
    data = project_form_data(title="Poll", summary="Changed by an editor.")
    data.pop("token")
    client.post(f"/en/projects/manage/{project.pk}/edit/", data)
    project.refresh_from_db()
    assert project.summary == "Changed by an editor."
    assert project.live and not project.has_unpublished_changes


def test_rich_descriptions_are_left_to_the_admin(client, people, registry):
    project = make_project(
        registry,
        title="Poll",
        owner=people["staff"],
        description=[("heading", {"text": "Aims", "level": "h2"}), ("paragraph", "<p>Hi</p>")],
    )
    client.force_login(people["staff"])
    response = client.get(f"/en/projects/manage/{project.pk}/edit/")
    assert "description" not in response.context["form"].fields
    assert "can only be changed in the editor of the admin" in response.content.decode()
    data = project_form_data(title="Poll", summary="Still has its heading.")
    data.pop("token")
    client.post(f"/en/projects/manage/{project.pk}/edit/", data)
    project.refresh_from_db()
    draft = project.get_latest_revision_as_object()
    assert draft.summary == "Still has its heading."
    assert [b.block_type for b in draft.description] == ["heading", "paragraph"]


def test_plain_descriptions_round_trip(client, people, registry):
    project = make_draft_project(registry, people["staff"], description="One.\n\nTwo <b>&</b>.")
    client.force_login(people["moderator"])
    form = client.get(f"/en/projects/manage/{project.pk}/edit/").context["form"]
    assert form.initial["description"] == "One.\n\nTwo <b>&</b>."


def test_staff_edit_only_their_own_pages_in_the_admin(client, people, registry):
    own = make_project(registry, title="Own", owner=people["staff"])
    other = make_project(registry, title="Other", owner=people["staff2"])
    client.force_login(people["staff"])
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{other.pk}/edit/")
    assert response.status_code in (302, 403)
    assert client.get(f"/en/projects/manage/{other.pk}/edit/").status_code == 403
