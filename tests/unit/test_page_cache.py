"""The anonymous page cache: what it keeps, what it never keeps, and that edits show at once."""

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest
from django.test import override_settings

from hub.cache import current_version
from tests.factories import make_project, make_user

pytestmark = [pytest.mark.cache, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def page_cache():
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield


def test_anonymous_pages_are_served_from_the_cache(client, registry):
    project = make_project(registry, title="Wellbeing poll")
    first = client.get(project.url)
    second = client.get(project.url)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "Content-Security-Policy" in second  # added outside the cache, on every response


def test_query_strings_are_cached_separately(client, registry):
    make_project(registry, title="Wellbeing poll")
    make_project(registry, title="Ramp audit")
    # A refined search (a filter chosen) is kept; a new search is not (it is counted).
    poll = {"q": "poll", "status": "active"}
    assert client.get("/en/projects/", poll)["X-Page-Cache"] == "miss"
    assert client.get("/en/projects/", poll)["X-Page-Cache"] == "hit"
    response = client.get("/en/projects/", {"q": "ramp", "status": "active"})
    assert response["X-Page-Cache"] == "miss"
    assert "Ramp audit" in response.content.decode()
    assert "Wellbeing poll" not in response.content.decode()
    client.get("/en/projects/", {"q": "ramp"})
    assert client.get("/en/projects/", {"q": "ramp"}).get("X-Page-Cache") != "hit"


def test_an_edited_project_shows_its_new_title_at_once(client, registry):
    project = make_project(registry, title="Old title of the survey")
    client.get(project.url)
    client.get(registry.url)
    assert client.get(project.url)["X-Page-Cache"] == "hit"

    project.title = "Course feedback survey, renamed"
    project.save_revision().publish()

    response = client.get(project.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Course feedback survey, renamed" in response.content.decode()
    listing = client.get(registry.url).content.decode()
    assert "Course feedback survey, renamed" in listing
    assert "Old title of the survey" not in listing


def test_a_draft_does_not_change_what_readers_see_until_published(client, registry):
    project = make_project(registry, title="Published title")
    client.get(project.url)
    project.title = "Draft title"
    project.save_revision()  # not published
    response = client.get(project.url)
    assert "Published title" in response.content.decode()
    assert "Draft title" not in response.content.decode()


def test_an_unpublished_project_disappears_at_once(client, registry):
    project = make_project(registry, title="Soon withdrawn")
    url = project.url
    assert client.get(url).status_code == 200
    client.get(registry.url)
    project.unpublish()
    assert client.get(url).status_code == 404
    assert "Soon withdrawn" not in client.get(registry.url).content.decode()


def test_a_renamed_theme_shows_at_once(client, registry, taxonomy):
    theme = taxonomy["themes"]["wellbeing"]
    make_project(registry, title="Wellbeing poll", themes=[theme])
    client.get(registry.url)
    theme.name = "Health and wellbeing"
    theme.save()
    assert "Health and wellbeing" in client.get(registry.url).content.decode()


def test_signed_in_people_never_get_or_fill_the_cache(client, registry):
    project = make_project(registry, title="Wellbeing poll")
    client.force_login(make_user("reader@example.org"))
    response = client.get(project.url)
    assert "X-Page-Cache" not in response
    client.logout()
    assert client.get(project.url)["X-Page-Cache"] == "miss"


def test_pages_with_forms_are_not_cached(client, home):
    first = client.get("/en/accounts/login/")
    assert first.status_code == 200
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in client.get("/en/accounts/login/")


def test_a_response_that_sets_a_cookie_or_uses_a_csrf_token_is_not_stored(client, home, rf):
    from django.http import HttpResponse

    from hub.cache import AnonymousPageCacheMiddleware

    def view_with_cookie(request):
        response = HttpResponse("<p>hello</p>")
        response.set_cookie("tracking", "1")
        return response

    def view_with_token(request):
        from django.middleware.csrf import get_token

        get_token(request)
        return HttpResponse("<p>form</p>")

    for view in (view_with_cookie, view_with_token):
        middleware = AnonymousPageCacheMiddleware(view)
        middleware(rf.get("/en/somewhere/"))
        response = middleware(rf.get("/en/somewhere/"))
        assert "X-Page-Cache" not in response, view.__name__


def test_pending_messages_bypass_the_cache(client, home):
    client.get("/en/")
    # A reader with a messages cookie (e.g. "You have signed out") gets a fresh page.
    message = Message(constants.INFO, "You have signed out")
    client.cookies["messages"] = CookieStorage(HttpRequest())._encode([message])
    response = client.get("/en/")
    assert "X-Page-Cache" not in response


def test_signing_in_does_not_empty_the_cache(client, home):
    make_user("fay@example.org", password="right-horse-battery")
    before = current_version()
    client.post(
        "/en/accounts/login/", {"username": "fay@example.org", "password": "right-horse-battery"}
    )
    assert "_auth_user_id" in client.session
    assert current_version() == before


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_cache_can_be_switched_off(client, home):
    client.get("/en/")
    assert "X-Page-Cache" not in client.get("/en/")
