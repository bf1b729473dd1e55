"""The lists around join requests: my projects, the requests page, notifications, translations."""

import pytest

from hub.models import Notification
from projects import joining
from projects.models import JoinRequest, ProjectPage
from tests.factories import make_project
from tests.join_request_helpers import joinable_project


def _join_url(page):
    return f"/en/projects/manage/{page.pk}/join/"


@pytest.fixture
def project(registry, people):
    return joinable_project(registry, people)


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
