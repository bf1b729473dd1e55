"""Officers ask to join projects; leads answer; members come and go; everything is recorded."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from hub.models import Notification
from projects import joining
from projects.models import JoinRequest, JoinRequestEvent, ProjectMember, ProjectPage
from tests.factories import make_project


@pytest.fixture
def project(registry, people):
    people["officer2"].preferred_language = "de"
    people["officer2"].save()
    return make_project(
        registry,
        title="Monthly wellbeing poll",
        staff_lead=people["staff"],
        union_contact=people["officer2"],
        how_officers_can_help="Promote the poll in halls.",
    )


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


# --- the lists -------------------------------------------------------------------------------


def test_my_projects_shows_every_side(client, people, project, registry):
    other = make_project(registry, title="Course feedback survey", staff_lead=people["staff2"])
    joining.create_request(people["officer"], project, "Please")
    accepted = joining.create_request(people["officer"], other, "Me too")
    joining.accept(accepted, people["staff2"], role="Rep")
    client.force_login(people["officer"])
    html = client.get("/en/projects/mine/").content.decode()
    assert "My requests to join" in html
    assert "Pending" in html and "Accepted" in html
    assert "Course feedback survey" in html and "Rep" in html
    client.force_login(people["staff"])
    html = client.get("/en/projects/mine/").content.decode()
    assert "1 request is waiting for you" in html
    assert "Monthly wellbeing poll" in html
    assert "Staff lead" in html


def test_requests_page_filters_and_paginates(client, people, registry):
    pages = [make_project(registry, title=f"P{n}", staff_lead=people["staff"]) for n in range(2)]
    officers = [people["officer"], people["officer2"]]
    for page in pages:
        for officer in officers:
            joining.create_request(officer, page, f"{officer.email} to {page.title}")
    client.force_login(people["staff"])
    response = client.get("/en/projects/requests/", {"project": pages[0].pk})
    assert response.context["page_obj"].paginator.count == 2
    response = client.get("/en/projects/requests/", {"project": "999999", "state": "bogus"})
    assert response.context["page_obj"].paginator.count == 4
    assert response.context["state"] == "pending"
    response = client.get("/en/projects/requests/", {"page": "abc"})
    assert response.status_code == 200
    client.force_login(people["staff2"])
    html = client.get("/en/projects/requests/").content.decode()
    assert "You do not lead any projects" in html


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_lists_make_the_same_number_of_queries_for_3_or_15_requests(client, people, registry):
    from tests.factories import make_user

    page = make_project(registry, title="P", staff_lead=people["staff"])
    other = make_project(registry, title="Q", staff_lead=people["staff2"])

    def add(count):
        for _n in range(count):
            officer = make_user(groups=["Officers"])
            joining.create_request(officer, page, "Message")
            joining.accept(joining.create_request(officer, other, "Me"), people["staff2"])

    add(3)
    client.force_login(people["staff"])
    client.get("/en/projects/requests/")  # warm caches
    small = (_queries(client, "/en/projects/requests/"), _queries(client, "/en/projects/mine/"))
    client.force_login(people["staff2"])
    client.get(f"/en/projects/manage/{other.pk}/")  # warm caches
    small_manage = _queries(client, f"/en/projects/manage/{other.pk}/")
    add(12)
    client.force_login(people["staff"])
    client.get("/en/projects/requests/")  # warm again: accepted requests changed a page's members
    large = (_queries(client, "/en/projects/requests/"), _queries(client, "/en/projects/mine/"))
    client.force_login(people["staff2"])
    client.get(f"/en/projects/manage/{other.pk}/")  # warm again: its route, as a page route
    assert _queries(client, f"/en/projects/manage/{other.pk}/") == small_manage
    assert small == large


def test_notifications_page_and_marking_read(client, people, project):
    join_request = joining.create_request(people["officer"], project, "Hello")
    client.force_login(people["staff"])
    html = client.get("/en/").content.decode()
    assert 'class="count-badge">1' in html
    listing = client.get("/en/account/notifications/")
    assert "asks to join" in listing.content.decode()
    note = Notification.objects.get(recipient=people["staff"])
    opened = client.get(f"/en/account/notifications/{note.pk}/")
    assert opened["Location"] == f"/en/projects/requests/{join_request.pk}/"
    note.refresh_from_db()
    assert note.read_at is not None
    joining.withdraw(join_request, people["officer"])
    client.post("/en/account/notifications/")
    assert not Notification.objects.filter(recipient=people["staff"], read_at=None).exists()
    # Someone else's notification is not found.
    other = Notification.objects.filter(recipient=people["officer2"]).first()
    assert client.get(f"/en/account/notifications/{other.pk}/").status_code == 404


def test_notification_links_never_leave_the_site(client, people):
    note = Notification.objects.create(
        recipient=people["staff"], kind="x", title="x", url="https://evil.example/"
    )
    client.force_login(people["staff"])
    response = client.get(f"/en/account/notifications/{note.pk}/")
    assert response["Location"] == "/en/account/notifications/"


def test_projects_in_other_languages_share_requests_and_members(client, people, project, home):
    from wagtail.models import Locale

    german = Locale.objects.get(language_code="de")
    home.copy_for_translation(german).save_revision().publish()
    project.get_parent().specific.copy_for_translation(german).save_revision().publish()
    german_project = project.copy_for_translation(german)
    german_project.save_revision().publish()
    german_project = ProjectPage.objects.get(pk=german_project.pk)
    assert german_project.get_canonical().pk == project.pk
    client.force_login(people["officer"])
    client.post(f"/de/projects/manage/{german_project.pk}/join/", {"message": "Hallo"})
    join_request = JoinRequest.objects.get()
    assert join_request.project_id == project.pk
    # Asking again through the English page is refused: it is the same project.
    assert "already asked" in client.get(_join_url(project)).content.decode()


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
