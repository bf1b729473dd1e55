"""Who may do what: one test per role and action. Forbidden means 403 or sign-in, never 500."""

import copy

import pytest

from projects import joining
from projects.models import JoinRequest, ProjectPage
from tests.factories import (
    make_draft_project,
    make_people,
    make_project,
    make_site,
    make_user,
    project_form_data,
)
from tests.support.shared_data import module_transaction

ROLES = ["anonymous", "officer", "staff", "moderator", "editor"]
LOGIN = "login"
DENIED = 403

EXPECTED = {
    "view_draft": {
        "anonymous": LOGIN,
        "officer": DENIED,
        "staff": DENIED,
        "moderator": 200,
        "editor": 200,
    },
    "register": {
        "anonymous": LOGIN,
        "officer": DENIED,
        "staff": 200,
        "moderator": 200,
        "editor": 200,
    },
    "edit_own": {
        "anonymous": LOGIN,
        "officer": DENIED,
        "staff": 200,
        "moderator": 200,
        "editor": 200,
    },
    "edit_other": {
        "anonymous": LOGIN,
        "officer": DENIED,
        "staff": DENIED,
        "moderator": 200,
        "editor": 200,
    },
    "publish": {
        "anonymous": LOGIN,
        "officer": DENIED,
        "staff": DENIED,
        "moderator": 302,
        "editor": 302,
    },
    "read_request": {
        "anonymous": LOGIN,
        "officer": DENIED,
        "staff": DENIED,
        "moderator": 200,
        "editor": DENIED,
    },
    "accept_other": {
        "anonymous": LOGIN,
        "officer": DENIED,
        "staff": DENIED,
        "moderator": DENIED,
        "editor": DENIED,
    },
    "see_emails": {
        "anonymous": False,
        "officer": True,
        "staff": True,
        "moderator": True,
        "editor": True,
    },
}


def build_world(registry, people):
    """Someone else's project, draft and join request, seen from each role."""
    others = make_project(
        registry,
        title="Someone else's project",
        owner=people["staff2"],
        staff_lead=people["staff2"],
        union_contact=people["officer2"],
    )
    asker = make_user("officer3@example.org", groups=["Officers"])
    join_request = joining.create_request(asker, others, "A private message")
    return {
        "others": others,
        "draft": make_draft_project(registry, people["staff2"], title="Someone's draft"),
        "request": join_request,
    }


@pytest.fixture(scope="module")
def _shared(django_db_setup, django_db_blocker):
    """The site, the people and the world, built once for the module's 48 tests
    (``tests/support/shared_data.py``); each test's writes are rolled back."""
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            _home, registry = make_site()
            people = make_people()
            world = build_world(registry, people)
        yield {"registry": registry, "people": people, "world": world}


@pytest.fixture
def shared(_shared, db):
    return copy.deepcopy(_shared)


@pytest.fixture
def registry(shared):
    return shared["registry"]


@pytest.fixture
def people(shared):
    return shared["people"]


@pytest.fixture
def world(shared):
    return shared["world"]


def _user(people, role):
    return None if role == "anonymous" else people[role]


def _own_project(registry, user):
    if user is None:
        return make_project(registry, title="Nobody's")
    if user.in_group("Officers"):  # officers never own projects; the nearest is a union contact
        return make_project(registry, title="Officer's", union_contact=user)
    return make_project(registry, title="Own project", owner=user, staff_lead=user)


def _check(response, expected):
    assert response.status_code != 500
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")
    else:
        assert response.status_code == expected


def _act(action, client, world, registry, user):
    if action == "view_draft":
        return client.get(f"/en/projects/manage/{world['draft'].pk}/")
    if action == "register":
        return client.get("/en/projects/register/")
    if action == "edit_own":
        own = _own_project(registry, user)
        return client.get(f"/en/projects/manage/{own.pk}/edit/")
    if action == "edit_other":
        return client.get(f"/en/projects/manage/{world['others'].pk}/edit/")
    if action == "publish":
        draft = world["draft"]
        if user is not None and user.in_group("Staff"):
            draft = make_draft_project(registry, user, title="My own draft")
        return client.post(f"/en/projects/manage/{draft.pk}/publish/")
    if action == "read_request":
        return client.get(f"/en/projects/requests/{world['request'].pk}/")
    if action == "accept_other":
        return client.post(f"/en/projects/requests/{world['request'].pk}/accept/", {"role": "x"})
    raise AssertionError(action)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", [a for a in EXPECTED if a != "see_emails"])
def test_permission_matrix(client, people, registry, world, role, action):
    user = _user(people, role)
    if user is not None:
        client.force_login(user)
    response = _act(action, client, world, registry, user)
    expected = EXPECTED[action][role]
    _check(response, expected)
    html = response.content.decode() if response.status_code == 200 else ""
    if action == "read_request" and expected == 200:
        assert "A private message" in html
    if action == "accept_other":
        assert JoinRequest.objects.get(pk=world["request"].pk).state == "pending"
    if action == "publish":
        published = ProjectPage.objects.filter(live=True, title__in=["Someone's draft"]).exists()
        assert published is (expected == 302)
        if role == "staff":
            assert not ProjectPage.objects.get(title="My own draft").live
    if action == "edit_other" and expected == 200:
        assert 'name="summary"' in html


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix_contact_emails(client, people, world, role):
    user = _user(people, role)
    if user is not None:
        client.force_login(user)
    response = client.get(world["others"].url)
    assert response.status_code == 200
    html = response.content.decode()
    shown = "staff2@example.org" in html and "officer2@example.org" in html
    assert shown is EXPECTED["see_emails"][role]
    if not shown:
        assert "to see contact e-mail addresses" in html


@pytest.mark.parametrize("role", ROLES)
def test_drafts_are_never_served_to_readers(client, people, world, role):
    user = _user(people, role)
    if user is not None:
        client.force_login(user)
    response = client.get("/en/projects/someones-draft/")
    assert response.status_code == 404


@pytest.mark.parametrize("role", ["anonymous", "officer", "staff"])
def test_forbidden_posts_change_nothing(client, people, registry, world, role):
    user = _user(people, role)
    if user is not None:
        client.force_login(user)
    others = world["others"]
    before = others.get_latest_revision().pk
    data = project_form_data(title="Hijacked")
    data.pop("token")
    response = client.post(f"/en/projects/manage/{others.pk}/edit/", data)
    assert response.status_code in (302, 403)
    others.refresh_from_db()
    assert others.get_latest_revision().pk == before
    client.post(f"/en/projects/manage/{others.pk}/confirm/")
    others.refresh_from_db()
    assert others.last_confirmed_at is None
    client.post(f"/en/projects/requests/{world['request'].pk}/decline/")
    client.post(f"/en/projects/requests/{world['request'].pk}/withdraw/")
    assert JoinRequest.objects.get(pk=world["request"].pk).state == "pending"
    client.post(f"/en/projects/manage/{world['draft'].pk}/request-changes/", {"comment": "No"})
    assert not ProjectPage.objects.get(pk=world["draft"].pk).live
