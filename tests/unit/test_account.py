"""A person's own account: details, their data as JSON, and deleting the account."""

import json

import pytest
from django.contrib.auth import get_user_model

from hub import personal_data
from hub.models import Notification
from projects import joining
from projects.models import JoinRequest, JoinRequestEvent, ProjectMember, ProjectPage
from tests.factories import make_draft_project, make_project, make_user

PASSWORD = "pass-word-123"


@pytest.fixture
def busy(registry, people):
    """A staff lead with a live project and a draft, and officers who asked and joined."""
    staff, officer = people["staff"], people["officer"]
    led = make_project(
        registry,
        title="Monthly wellbeing poll",
        owner=staff,
        staff_lead=staff,
        union_contact=people["officer2"],
    )
    draft = make_draft_project(registry, staff, title="Draft by the leaver")
    accepted = joining.create_request(officer, led, "I would love to help", "Surveys")
    joining.accept(accepted, staff, role="Survey champion")
    other = make_project(registry, title="Course feedback", staff_lead=people["staff2"])
    pending = joining.create_request(officer, other, "Another private message")
    return {"led": led, "draft": draft, "accepted": accepted, "pending": pending}


def test_account_pages_need_signing_in(client, db):
    for url in ("/en/account/", "/en/account/data.json", "/en/account/delete/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")


def test_people_choose_their_name_and_language(client, people):
    client.force_login(people["officer"])
    response = client.post("/en/account/", {"display_name": "Olu A.", "preferred_language": "fr"})
    assert response.status_code == 302
    people["officer"].refresh_from_db()
    assert people["officer"].preferred_language == "fr"
    bad = client.post("/en/account/", {"display_name": "x" * 121, "preferred_language": "xx"})
    assert bad.status_code == 200
    assert set(bad.context["form"].errors) == {"display_name", "preferred_language"}


def test_download_my_data(client, people, busy):
    client.force_login(people["officer"])
    response = client.get("/en/account/data.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response.get("Cache-Control", "") or "no-cache" in response.get(
        "Cache-Control", ""
    )
    data = json.loads(response.content)
    assert data["account"]["email"] == "officer@example.org"
    assert data["account"]["groups"] == ["Officers"]
    requests = data["projects"]["join_requests"]
    assert {r["message"] for r in requests} == {"I would love to help", "Another private message"}
    assert data["projects"]["memberships"][0]["role"] == "Survey champion"
    assert data["account"]["notifications"]  # the acceptance
    # Nobody else's data is in it.
    text = response.content.decode()
    assert "staff@example.org" not in text and "officer2@example.org" not in text

    client.force_login(people["staff"])
    data = client.get("/en/account/data.json").json()
    titles = {p["title"] for p in data["projects"]["projects"]}
    assert titles == {"Monthly wellbeing poll", "Draft by the leaver"}
    assert data["projects"]["answers_you_gave"][0]["to"] == "accepted"
    assert "I would love to help" not in json.dumps(data["projects"]["answers_you_gave"])


def test_every_app_registers_its_personal_data():
    assert {"account", "projects"} <= set(personal_data.providers())


def test_deleting_needs_the_password(client, people, busy):
    client.force_login(people["staff"])
    response = client.post("/en/account/delete/", {"password": "wrong", "confirm": "on"})
    assert response.status_code == 400
    assert "That is not your password." in response.content.decode()
    response = client.post("/en/account/delete/", {"password": PASSWORD})
    assert "confirm" in response.context["form"].errors
    assert get_user_model().objects.filter(email="staff@example.org").exists()


def test_deleting_a_lead_keeps_their_projects_with_a_placeholder(client, people, busy, registry):
    staff = people["staff"]
    client.force_login(staff)
    response = client.post("/en/account/delete/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(email="staff@example.org").exists()
    assert "_auth_user_id" not in client.session

    led = ProjectPage.objects.get(pk=busy["led"].pk)
    assert led.live and led.staff_lead is None and led.needs_new_lead
    assert led.union_contact == people["officer2"]  # the other lead stays
    assert ProjectMember.objects.get().user == people["officer"]  # the team stays
    html = client.get(led.url).content.decode()
    assert "Lead to be confirmed" in html
    draft = ProjectPage.objects.get(pk=busy["draft"].pk)
    assert draft.staff_lead is None and draft.owner is None and draft.needs_new_lead
    # The decision they took stays in the history, without their name.
    event = busy["accepted"].events.get(to_state="accepted")
    assert event.actor is None

    # Moderators find the project in the admin report, and can publish the old draft.
    moderator = people["moderator"]
    client.force_login(moderator)
    report = client.get("/admin/reports/projects-needing-a-new-lead/")
    assert report.status_code == 200
    assert "Monthly wellbeing poll" in report.content.decode()
    assert "Course feedback" not in report.content.decode()
    client.post(f"/en/projects/manage/{draft.pk}/publish/")
    draft.refresh_from_db()
    assert draft.live and draft.staff_lead is None and draft.needs_new_lead
    # Staff cannot see the report.
    client.force_login(people["staff2"])
    assert client.get("/admin/reports/projects-needing-a-new-lead/").status_code in (302, 403)


def test_deleting_an_officer_anonymises_requests_and_memberships(client, people, busy):
    officer = people["officer"]
    client.force_login(officer)
    client.post("/en/account/delete/", {"password": PASSWORD, "confirm": "on"})
    assert not get_user_model().objects.filter(pk=officer.pk).exists()
    assert JoinRequest.objects.count() == 2
    assert set(JoinRequest.objects.values_list("officer", flat=True)) == {None}
    assert set(JoinRequest.objects.values_list("message", flat=True)) == {""}
    pending = JoinRequest.objects.get(pk=busy["pending"].pk)
    assert pending.state == "withdrawn"
    assert pending.events.last().to_state == "withdrawn"
    member = ProjectMember.objects.get()
    assert member.user is None and member.role == "Survey champion"
    assert JoinRequestEvent.objects.filter(actor__isnull=True, to_state="pending").count() == 2
    assert not Notification.objects.filter(recipient_id=officer.pk).exists()
    # Leads still see the history, without the person.
    client.force_login(people["staff"])
    html = client.get(f"/en/projects/requests/{busy['accepted'].pk}/").content.decode()
    assert "someone whose account was deleted" in html
    assert "I would love to help" not in html
    # The project page no longer lists a member who is gone.
    assert "Survey champion" not in client.get(busy["led"].url).content.decode()


def test_administrators_cannot_delete_themselves_here(client, db):
    admin = make_user("root@example.org", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post("/en/account/delete/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 403
    assert get_user_model().objects.filter(pk=admin.pk).exists()
