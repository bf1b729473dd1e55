"""Nothing leaks: other staff members' drafts in the admin, which project ids exist to
anonymous visitors, and personal pages in shared caches."""

import pytest
from django.test import override_settings

from tests.factories import make_draft_project, make_project, make_user

OTHERS_DRAFT = "Secret merger plan"
OWN_DRAFT = "My own careful draft"


@pytest.fixture
def drafts(registry, people):
    return {
        "others": make_draft_project(registry, people["staff2"], title=OTHERS_DRAFT),
        "own": make_draft_project(registry, people["staff"], title=OWN_DRAFT),
        "live": make_project(registry, title="Published wellbeing poll", owner=people["staff2"]),
    }


# --- Staff see only their own pages in the admin ---------------------------------------------


def _admin_pages(client, registry):
    urls = [
        f"/admin/pages/{registry.pk}/",
        "/admin/pages/search/?q=draft",
        "/admin/pages/search/?q=secret",
        f"/admin/pages/{registry.pk}/?q=secret&search_all=1",
        "/admin/reports/site-history/",
        "/admin/",
    ]
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    return pages


def test_staff_do_not_see_other_staff_members_drafts_in_the_admin(client, people, registry, drafts):
    client.force_login(people["staff"])
    for url, html in _admin_pages(client, registry).items():
        assert OTHERS_DRAFT not in html, url
    listing = client.get(f"/admin/pages/{registry.pk}/").content.decode()
    assert OWN_DRAFT in listing
    assert "Published wellbeing poll" not in listing  # not theirs to act on
    search = client.get("/admin/pages/search/?q=careful").content.decode()
    assert OWN_DRAFT in search


def test_staff_cannot_open_another_members_page_in_the_explorer(client, people, registry, drafts):
    client.force_login(people["staff"])
    response = client.get(f"/admin/pages/{drafts['others'].pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{registry.pk}/"
    response = client.get(f"/admin/pages/{drafts['others'].pk}/results/")
    assert response.status_code == 302
    assert OTHERS_DRAFT not in client.get(response["Location"]).content.decode()
    assert client.get(f"/admin/pages/{drafts['own'].pk}/").status_code == 200
    for view in ("edit", "history"):
        response = client.get(f"/admin/pages/{drafts['others'].pk}/{view}/")
        assert response.status_code in (302, 403, 404), view
        assert OTHERS_DRAFT not in response.content.decode()


def test_page_choosers_offer_published_pages_and_ones_own(client, people, registry, drafts):
    client.force_login(people["staff"])
    html = client.get(f"/admin/choose-page/{registry.pk}/").content.decode()
    assert "Published wellbeing poll" in html
    assert OWN_DRAFT in html
    assert OTHERS_DRAFT not in html
    html = client.get("/admin/choose-page/search/?q=secret").content.decode()
    assert OTHERS_DRAFT not in html


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_editors_and_moderators_still_see_every_page(client, people, registry, drafts, role):
    client.force_login(people[role])
    listing = client.get(f"/admin/pages/{registry.pk}/").content.decode()
    assert OTHERS_DRAFT in listing and OWN_DRAFT in listing
    assert OTHERS_DRAFT in client.get("/admin/pages/search/?q=secret").content.decode()
    assert client.get(f"/admin/pages/{drafts['others'].pk}/").status_code == 200


# --- Anonymous visitors learn nothing from ids -----------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/en/projects/manage/{pk}/",
        "/en/projects/manage/{pk}/edit/",
        "/en/projects/manage/{pk}/join/",
        "/en/projects/requests/{pk}/",
    ],
)
def test_existing_and_missing_ids_answer_alike_when_signed_out(client, drafts, path):
    existing = path.format(pk=drafts["live"].pk)
    missing = path.format(pk=987654)
    answers = [client.get(existing), client.get(missing)]
    for url, response in zip((existing, missing), answers, strict=True):
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")
        assert response["Location"] == f"/en/accounts/login/?next={url}"


@pytest.mark.parametrize(
    "path", ["/en/projects/manage/{pk}/publish/", "/en/projects/manage/{pk}/confirm/"]
)
def test_posts_to_existing_and_missing_ids_answer_alike_when_signed_out(client, drafts, path):
    codes = {client.post(path.format(pk=pk)).status_code for pk in (drafts["others"].pk, 987654)}
    assert codes == {302}


# --- Personal pages are kept out of shared caches ---------------------------------------------


def _directives(response):
    return {part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",")}


@pytest.mark.parametrize(
    "url", ["{project}", "/en/projects/mine/", "/en/account/", "/en/", "/en/projects/"]
)
def test_pages_for_signed_in_readers_are_private(client, people, drafts, url):
    client.force_login(people["officer"])
    response = client.get(url.format(project=drafts["live"].url))
    assert response.status_code == 200
    assert "private" in _directives(response)
    assert "public" not in _directives(response)
    assert "Cookie" in response.get("Vary", "")


def test_a_project_page_with_contact_addresses_is_private(client, people, registry):
    project = make_project(
        registry, title="Contacts shown", staff_lead=make_user("lead@example.org")
    )
    client.force_login(people["officer"])
    response = client.get(project.url)
    assert "lead@example.org" in response.content.decode()
    assert {"private", "no-cache"} <= _directives(response)


@override_settings(PAGE_CACHE_SECONDS=300)
def test_anonymous_readers_still_get_cached_public_pages(client, drafts):
    url = drafts["live"].url
    first = client.get(url)
    second = client.get(url)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert "private" not in _directives(second)
