"""Leads answer join requests, officers withdraw or leave, leads remove members: all recorded.

Answers are validated, and two leads answering at once leave one answer.
"""

import pytest
from django.core import mail

from hub.models import Notification
from projects import joining
from projects.models import JoinRequest, JoinRequestEvent, ProjectMember
from tests.factories import make_project
from tests.join_request_helpers import joinable_project


def _states(join_request):
    return [(e.from_state, e.to_state) for e in join_request.events.order_by("pk")]


@pytest.fixture
def project(registry, people):
    return joinable_project(registry, people)


# --- answering -------------------------------------------------------------------------------


def test_lead_accepts_and_the_officer_becomes_a_member(client, people, project):
    join_request = joining.create_request(people["officer"], project, "Hello", "Surveys")
    mail.outbox.clear()
    client.force_login(people["staff"])
    inbox = client.get("/en/projects/requests/")
    assert inbox.status_code == 200
    html = inbox.content.decode()
    assert "Hello" in html and "officer@example.org" in html
    response = client.post(
        f"/en/projects/requests/{join_request.pk}/accept/",
        {"role": "Survey champion", "next": "/en/projects/requests/"},
    )
    assert response["Location"] == "/en/projects/requests/"
    join_request.refresh_from_db()
    assert join_request.state == "accepted"
    member = ProjectMember.objects.get()
    assert (member.user, member.role, member.request) == (
        people["officer"],
        "Survey champion",
        join_request,
    )
    assert _states(join_request) == [("", "pending"), ("pending", "accepted")]
    assert join_request.events.last().actor == people["staff"]
    assert mail.outbox[0].to == ["officer@example.org"]
    assert "You have joined" in mail.outbox[0].subject
    # Listed on the project page with the role, and under the officer's "My projects".
    assert "Survey champion" in client.get(project.url).content.decode()
    client.force_login(people["officer"])
    mine = client.get("/en/projects/mine/").content.decode()
    assert "Monthly wellbeing poll" in mine and "Survey champion" in mine
    assert "You are a member of this project" in client.get(project.url).content.decode()


def test_union_contact_can_decline_with_a_note(client, people, project):
    join_request = joining.create_request(people["officer"], project, "Hello")
    mail.outbox.clear()
    client.force_login(people["officer2"])
    client.post(
        f"/en/projects/requests/{join_request.pk}/decline/",
        {"note": "We are full this term; try the induction buddy scheme."},
    )
    join_request.refresh_from_db()
    assert join_request.state == "declined"
    assert ProjectMember.objects.count() == 0
    note = Notification.objects.get(kind="join_request.declined")
    assert note.recipient == people["officer"]
    assert "induction buddy scheme" in note.body
    assert mail.outbox[0].to == ["officer@example.org"]
    assert join_request.events.last().note.startswith("We are full")


def test_answers_are_validated(client, people, project):
    join_request = joining.create_request(people["officer"], project, "Hello")
    client.force_login(people["staff"])
    client.post(f"/en/projects/requests/{join_request.pk}/accept/", {"role": "r" * 121})
    join_request.refresh_from_db()
    assert join_request.state == "pending"
    client.post(f"/en/projects/requests/{join_request.pk}/decline/", {"note": "n" * 501})
    join_request.refresh_from_db()
    assert join_request.state == "pending"


def test_two_leads_answering_at_once_leave_one_answer(people, project):
    join_request = joining.create_request(people["officer"], project, "Hello")
    seen_by_first = JoinRequest.objects.get(pk=join_request.pk)
    seen_by_second = JoinRequest.objects.get(pk=join_request.pk)
    joining.accept(seen_by_first, people["staff"], role="Helper")
    with pytest.raises(joining.JoinError) as error:
        joining.accept(seen_by_second, people["officer2"], role="Other")
    assert error.value.code == "conflict"
    with pytest.raises(joining.JoinError):
        joining.decline(JoinRequest.objects.get(pk=join_request.pk), people["officer2"])
    assert ProjectMember.objects.count() == 1
    assert ProjectMember.objects.get().role == "Helper"
    assert JoinRequestEvent.objects.filter(to_state="accepted").count() == 1
    assert JoinRequestEvent.objects.filter(to_state="declined").count() == 0
    assert JoinRequest.objects.get().state == "accepted"


def test_the_slower_lead_is_told_what_happened(client, people, project):
    join_request = joining.create_request(people["officer"], project, "Hello")
    joining.decline(join_request, people["officer2"])
    client.force_login(people["staff"])
    response = client.post(f"/en/projects/requests/{join_request.pk}/accept/", follow=True)
    assert "already been answered" in response.content.decode()
    assert ProjectMember.objects.count() == 0


# --- leaving and removing --------------------------------------------------------------------


def test_officer_withdraws_a_pending_request(client, people, project):
    join_request = joining.create_request(people["officer"], project, "Hello")
    mail.outbox.clear()
    client.force_login(people["officer"])
    response = client.post(f"/en/projects/requests/{join_request.pk}/withdraw/")
    assert response["Location"] == "/en/projects/mine/"
    join_request.refresh_from_db()
    assert join_request.state == "withdrawn"
    assert _states(join_request)[-1] == ("pending", "withdrawn")
    assert Notification.objects.filter(kind="join_request.withdrawn").count() == 2
    assert mail.outbox == []  # leads are told on the site only
    # Withdrawing frees the officer to ask again later.
    joining.create_request(people["officer"], project, "Back again")


def test_only_the_officer_can_withdraw(client, people, project):
    join_request = joining.create_request(people["officer"], project, "Hello")
    client.force_login(people["staff"])
    assert client.post(f"/en/projects/requests/{join_request.pk}/withdraw/").status_code == 403
    join_request.refresh_from_db()
    assert join_request.state == "pending"


def test_member_leaves_the_project(client, people, project):
    join_request = joining.create_request(people["officer"], project, "Hello")
    joining.accept(join_request, people["staff"])
    client.force_login(people["officer"])
    client.post(f"/en/projects/requests/{join_request.pk}/withdraw/")
    join_request.refresh_from_db()
    assert join_request.state == "withdrawn"
    assert ProjectMember.objects.count() == 0
    assert _states(join_request)[-1] == ("accepted", "withdrawn")


def test_lead_removes_a_member_and_it_is_recorded(client, people, project):
    join_request = joining.create_request(people["officer"], project, "Hello")
    member = joining.accept(join_request, people["staff"], role="Helper")
    client.force_login(people["staff2"])
    url = f"/en/projects/manage/{project.pk}/members/{member.pk}/remove/"
    assert client.post(url).status_code == 403
    client.force_login(people["staff"])
    manage = client.get(f"/en/projects/manage/{project.pk}/").content.decode()
    assert "Remove" in manage
    mail.outbox.clear()
    assert client.post(url).status_code == 302
    assert ProjectMember.objects.count() == 0
    join_request.refresh_from_db()
    assert join_request.state == "removed"
    assert _states(join_request) == [
        ("", "pending"),
        ("pending", "accepted"),
        ("accepted", "removed"),
    ]
    assert join_request.events.last().actor == people["staff"]
    assert mail.outbox[0].to == ["officer@example.org"]
    history = client.get(f"/en/projects/requests/{join_request.pk}/").content.decode()
    assert "removed the member" in history


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_leads_accepting_in_parallel_on_postgres(site_tree, people):
    """Real concurrency: two transactions race on the same row (needs row locks)."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL for true parallel transactions")
    registry = site_tree[1]
    page = make_project(
        registry, title="Race", staff_lead=people["staff"], union_contact=people["officer2"]
    )
    join_request = joining.create_request(people["officer"], page, "Hello")
    barrier = threading.Barrier(2)
    outcomes = []

    def answer(lead, act):
        try:
            barrier.wait(timeout=10)
            act(JoinRequest.objects.get(pk=join_request.pk), lead)
            outcomes.append("ok")
        except joining.JoinError:
            outcomes.append("conflict")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=answer, args=(people["staff"], joining.accept)),
        threading.Thread(target=answer, args=(people["officer2"], joining.decline)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["conflict", "ok"]
    join_request.refresh_from_db()
    events = list(join_request.events.values_list("to_state", flat=True))
    assert events.count("accepted") + events.count("declined") == 1
    assert ProjectMember.objects.count() == (1 if join_request.state == "accepted" else 0)
