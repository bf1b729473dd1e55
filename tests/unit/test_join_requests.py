"""Officers ask to join projects: who may ask, when, how often, and who is told.

Answers, leaving and removing are in test_join_request_moderation.py; the lists and
notifications in test_join_request_lists.py.
"""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from hub.models import Notification
from projects import joining
from projects.models import JoinRequest, JoinRequestEvent, ProjectMember
from tests.factories import make_project
from tests.join_request_helpers import joinable_project


@pytest.fixture
def project(registry, people):
    return joinable_project(registry, people)


def _join_url(page):
    return f"/en/projects/manage/{page.pk}/join/"


def _ask(client, page, message="I ran the halls survey last year.", how="Promotion"):
    return client.post(_join_url(page), {"message": message, "how_to_help": how})


def _states(join_request):
    return [(e.from_state, e.to_state) for e in join_request.events.order_by("pk")]


# --- asking ----------------------------------------------------------------------------------


def test_officer_asks_to_join_and_both_leads_are_notified(client, people, project):
    client.force_login(people["officer"])
    page = client.get(project.url).content.decode()
    assert "Ask to join this project" in page
    form = client.get(_join_url(project))
    assert form.status_code == 200
    assert "Promote the poll in halls." in form.content.decode()
    mail.outbox.clear()
    response = _ask(client, project)
    join_request = JoinRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/projects/requests/{join_request.pk}/"
    assert join_request.state == "pending"
    assert join_request.officer == people["officer"]
    assert join_request.message == "I ran the halls survey last year."
    assert _states(join_request) == [("", "pending")]
    assert join_request.events.get().actor == people["officer"]

    notes = Notification.objects.filter(kind="join_request.created")
    assert {n.recipient.email for n in notes} == {"staff@example.org", "officer2@example.org"}
    # Each in the recipient's language: the German union contact's link is under /de/.
    by_email = {n.recipient.email: n for n in notes}
    assert by_email["staff@example.org"].url == f"/en/projects/requests/{join_request.pk}/"
    assert by_email["officer2@example.org"].url == f"/de/projects/requests/{join_request.pk}/"
    assert sorted(m.to[0] for m in mail.outbox) == ["officer2@example.org", "staff@example.org"]
    german = next(m for m in mail.outbox if m.to == ["officer2@example.org"])
    assert f"http://testserver/de/projects/requests/{join_request.pk}/" in german.body
    assert "I ran the halls survey last year." in german.body
    assert all(n.emailed_at for n in notes)

    # The officer now sees their pending request instead of the button.
    page = client.get(project.url).content.decode()
    assert "Ask to join this project" not in page
    assert "The leads have not answered yet" in page


def test_one_open_request_per_officer_and_project(client, people, project):
    client.force_login(people["officer"])
    _ask(client, project)
    again = client.get(_join_url(project))
    assert "already asked to join" in again.content.decode()
    assert "form" not in again.context or again.context.get("form") is None
    second = _ask(client, project, message="Again!")
    assert second.status_code == 200
    assert JoinRequest.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        JoinRequest.objects.create(project=project, officer=people["officer"], message="dup")


def test_a_double_click_that_slips_past_the_check_creates_no_duplicate(people, project):
    joining.create_request(people["officer"], project, "First")
    original = joining.refusal
    try:
        joining.refusal = lambda user, page: None  # as if both clicks were checked at once
        with pytest.raises(joining.JoinError) as error:
            joining.create_request(people["officer"], project, "Second")
    finally:
        joining.refusal = original
    assert error.value.code == "duplicate"
    assert JoinRequest.objects.count() == 1
    assert JoinRequestEvent.objects.count() == 1


@pytest.mark.parametrize(
    "fields, text",
    [
        (
            {
                "status": "completed",
                "stopped_reason": "Done: the pilot ended and its results went to the board.",
            },
            "completed",
        ),
        (
            {"status": "paused", "stopped_reason": "On hold until the new lead starts next term."},
            "paused",
        ),
        ({"open_to_officers": False}, "not looking for officers"),
    ],
)
def test_closed_projects_refuse_with_a_clear_message(client, people, registry, fields, text):
    page = make_project(registry, title="Closed", staff_lead=people["staff"], **fields)
    client.force_login(people["officer"])
    response = client.get(_join_url(page))
    assert response.status_code == 200
    assert text in response.content.decode()
    assert "Send my request" not in response.content.decode()
    _ask(client, page)
    assert JoinRequest.objects.count() == 0
    assert "Ask to join this project" not in client.get(page.url).content.decode()


def test_leads_and_members_cannot_ask(client, people, project):
    client.force_login(people["officer2"])  # the union contact
    assert "You lead this project" in client.get(_join_url(project)).content.decode()
    ProjectMember.objects.create(project=project, user=people["officer"])
    client.force_login(people["officer"])
    assert "already a member" in client.get(_join_url(project)).content.decode()
    assert JoinRequest.objects.count() == 0


def test_staff_and_anonymous_cannot_ask(client, people, project):
    response = client.get(_join_url(project))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(people["staff2"])
    assert _ask(client, project).status_code == 403
    assert JoinRequest.objects.count() == 0


def test_unpublished_projects_cannot_be_joined(client, people, project):
    project.unpublish()
    client.force_login(people["officer"])
    assert client.get(_join_url(project)).status_code == 404


def test_empty_or_overlong_messages_are_explained(client, people, project):
    client.force_login(people["officer"])
    response = _ask(client, project, message="")
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    response = _ask(client, project, message="m" * 2001)
    assert "message" in response.context["form"].errors
    response = _ask(client, project, message="ok", how="h" * 1001)
    assert "how_to_help" in response.context["form"].errors
    assert JoinRequest.objects.count() == 0


def test_requests_are_rate_limited_per_officer(client, people, registry):
    projects = [
        make_project(registry, title=f"Project {n}", staff_lead=people["staff"]) for n in range(6)
    ]
    client.force_login(people["officer"])
    for page in projects[: joining.RATE_LIMIT]:
        assert _ask(client, page).status_code == 302
    response = _ask(client, projects[-1], message="My carefully written message")
    assert response.status_code == 429
    html = response.content.decode()
    assert "the most we allow" in html
    assert "My carefully written message" in html  # nothing typed is lost
    assert JoinRequest.objects.count() == joining.RATE_LIMIT
    # Another officer is not affected.
    client.force_login(people["officer2"])
    assert _ask(client, projects[-1]).status_code == 302


def test_withdrawn_requests_still_count_towards_the_limit(people, registry):
    for n in range(joining.RATE_LIMIT):
        page = make_project(registry, title=f"P{n}", staff_lead=people["staff"])
        joining.withdraw(joining.create_request(people["officer"], page, "Hi"), people["officer"])
    page = make_project(registry, title="One more", staff_lead=people["staff"])
    with pytest.raises(joining.JoinError) as error:
        joining.create_request(people["officer"], page, "Hi")
    assert error.value.code == "rate_limited"
