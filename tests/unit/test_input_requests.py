"""The reported examples of bad input (``hub.inputs``), as requests and form posts.

Search and paging in the API, NUL characters in addresses, query strings and form data, huge
and Unicode-digit ids, ``next`` targets and choice fields with foreign ids.
"""

import pytest
from django.test import Client
from django.urls import reverse

from hub import inputs
from hub.models import Theme
from projects import joining
from projects.forms import ProjectForm
from projects.models import JoinRequest
from tests.factories import build_induction, make_project, make_theme, project_form_data
from tests.input_values import HUGE, TOO_BIG, UNICODE_DIGITS

# --- The examples from the report, as requests ----------------------------------------------


@pytest.fixture
def browser():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("query", ['"', "'", '"unclosed', "\\", "AND", "*", "( )", "NEAR(", "é"])
def test_api_search_goes_through_the_search_service(browser, registry, query):
    make_project(registry, title="Wellbeing poll")
    response = browser.get("/api/v2/pages/", {"search": query})
    assert response.status_code == 200, query


def test_api_search_still_finds_pages_in_relevance_order(browser, registry):
    make_project(registry, title="Poll about transport", summary="wellbeing poll")
    best = make_project(registry, title="Wellbeing poll")
    response = browser.get("/api/v2/pages/", {"search": 'wellbeing "poll'})
    assert response.status_code == 200
    items = response.json()["items"]
    assert items[0]["id"] == best.pk
    ordered = browser.get("/api/v2/pages/", {"search": "poll", "order": "-title"}).json()
    titles = [item["title"] for item in ordered["items"]]
    assert titles == sorted(titles, reverse=True) and len(titles) == 2


@pytest.mark.parametrize(
    "params, status",
    [
        ({"search": "x", "search_operator": "xor"}, 400),
        ({"offset": HUGE}, 400),
        ({"offset": "²"}, 400),
        ({"limit": "٣"}, 400),
        ({"offset": "5"}, 200),
    ],
)
def test_api_pagination_and_operator_are_checked(browser, registry, params, status):
    assert browser.get("/api/v2/pages/", params).status_code == status


def test_api_find_by_id_with_junk_is_not_found(browser, registry):
    for value in ["abc", HUGE, "²"]:
        # Not found (LocaleMiddleware then offers the /en/ address, as for any 404 here).
        assert browser.get("/api/v2/pages/find/", {"id": value}).status_code in (302, 404)


@pytest.mark.parametrize("path", ["/en/%00/", "/en/projects/a%00b/", "/calendar/officer/a%00b.ics"])
def test_a_null_character_in_an_address_is_a_bad_request(browser, home, path):
    response = browser.get(path)
    assert response.status_code == 400
    assert "null character" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/?search=%00",
        "/api/v2/pages/?title=a%00b",
        "/api/v2/pages/find/?html_path=%00",
        "/en/search/?q=a%00b",
        "/en/projects/?theme=%00&q=%00%00",
        "/en/no-such-page/?x%00=y",  # a 404: Wagtail's redirects look the full path up
    ],
)
def test_null_characters_are_removed_from_query_strings(browser, registry, path):
    response = browser.get(path)
    assert response.status_code in (200, 302, 404), path


def test_what_remains_of_the_query_is_used(rf):
    seen = {}

    def view(request):
        seen["q"] = request.GET.getlist("q")
        seen["raw"] = request.META["QUERY_STRING"]
        return None

    inputs.NullCharacterMiddleware(view)(rf.get("/en/search/?q=well%00being&q=%00"))
    assert seen["q"] == ["wellbeing", ""]
    assert "%00" not in seen["raw"]


def test_huge_ids_are_not_found_everywhere(browser, home, registry, people):
    induction = build_induction(home)
    paths = [
        f"/calendar/programme/{HUGE}.ics",
        f"/calendar/programme/{TOO_BIG}.ics",
        f"/en/projects/manage/{HUGE}/",
        f"/en/projects/requests/{HUGE}/",
        f"/en/projects/manage/{HUGE}/members/1/remove/",
        f"/en/account/notifications/{HUGE}/",
        f"/en/projects/manage/{'²'}/",
    ]
    for user in [None, people["staff"], induction.users["alice"]]:
        if user:
            browser.force_login(user)
        for path in [*paths, f"{induction.hub.url}manifesto/{HUGE}/"]:
            assert browser.get(path).status_code in (302, 404), (user, path)
            assert browser.post(path).status_code in (302, 403, 404, 405), (user, path)


def test_a_unicode_digit_in_a_filter_is_ignored(browser, people, registry):
    browser.force_login(people["staff"])
    for value in [*UNICODE_DIGITS, HUGE, "-1", "1e3"]:
        response = browser.get("/en/projects/requests/", {"project": value, "state": "\u2028"})
        assert response.status_code == 200, value


@pytest.fixture
def answered(registry, people):
    project = make_project(
        registry, title="Poll", staff_lead=people["staff"], union_contact=people["officer2"]
    )
    return project, joining.create_request(people["officer"], project, "Hello")


@pytest.mark.parametrize(
    "target", ["foo", "mine", "projects:mine", "https://evil.example/", "//evil.example", ""]
)
def test_a_next_that_is_not_a_path_here_falls_back(browser, people, answered, target):
    project, join_request = answered
    browser.force_login(people["staff"])
    posts = [
        (f"/en/projects/manage/{project.pk}/confirm/", {}, f"/en/projects/manage/{project.pk}/"),
        (
            f"/en/projects/requests/{join_request.pk}/decline/",
            {"note": "Full"},
            f"/en/projects/requests/{join_request.pk}/",
        ),
    ]
    for url, data, fallback in posts:
        response = browser.post(url, {**data, "next": target})
        assert response.status_code == 302, url
        assert response["Location"] == fallback
    browser.force_login(people["officer"])
    response = browser.post(f"/en/projects/requests/{join_request.pk}/withdraw/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == "/en/projects/mine/"


def test_a_next_that_is_a_path_here_is_followed(browser, people, answered):
    project, _join_request = answered
    browser.force_login(people["staff"])
    response = browser.post(
        f"/en/projects/manage/{project.pk}/confirm/", {"next": "/en/projects/mine/?led=2"}
    )
    assert response["Location"] == "/en/projects/mine/?led=2"


def test_sign_in_goes_only_to_paths_on_this_site(browser, people, home):
    # A target off this site (or a bare word) lands on the home page in the person's language.
    for target, expected in [("foo", "/en/"), ("/en/projects/mine/", "/en/projects/mine/")]:
        response = browser.post(
            f"/en/accounts/login/?next={target}",
            {"username": "staff@example.org", "password": "pass-word-123"},
        )
        assert response.status_code == 302
        assert response["Location"] == expected
        browser.logout()


@pytest.mark.parametrize("target", ["8", "foo", "https://evil.example/", "//evil.example"])
def test_admin_sign_in_goes_only_to_paths_on_this_site(browser, people, home, target):
    # Wagtail's own view looked a bare word up as a view name and answered 500.
    browser.force_login(people["editor"])
    response = browser.get("/admin/login/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    response = browser.get("/admin/login/", {"next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    browser.logout()
    response = browser.get("/admin/login/", {"next": target})
    assert response.status_code == 200


def test_two_factor_pages_fall_back_for_a_bare_word(browser, people, home):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    admin = people["editor"]
    TOTPDevice.objects.create(user=admin, name="app", confirmed=True)
    browser.force_login(admin)
    response = browser.get(reverse("hub_2fa_verify"), {"next": "foo"})
    assert response.status_code == 200
    assert 'name="next" value="/admin/"' in response.content.decode()


# --- Forms: ids and NUL in form data -------------------------------------------------------


def test_oversized_or_foreign_ids_in_choice_fields_are_form_errors(registry):
    theme = make_theme("wellbeing")
    for bad in [HUGE, TOO_BIG, "²", "0", "-3", "\x00", "1 OR 1=1"]:
        data = project_form_data(themes=[str(theme.pk), bad], lead_unit=bad, union_contact=bad)
        form = ProjectForm(data, locale=registry.locale)
        assert not form.is_valid(), bad
        assert {"themes", "lead_unit", "union_contact"} <= set(form.errors), bad
    form = ProjectForm(project_form_data(themes=[str(theme.pk)]), locale=registry.locale)
    assert form.is_valid(), form.errors
    assert list(form.cleaned_data["themes"]) == [Theme.objects.get(pk=theme.pk)]


def test_raw_notes_lose_their_null_characters(browser, people, answered):
    project, join_request = answered
    member = joining.accept(join_request, people["staff"])
    browser.force_login(people["staff"])
    response = browser.post(
        f"/en/projects/manage/{project.pk}/members/{member.pk}/remove/", {"note": "Thanks\x00, bye"}
    )
    assert response.status_code == 302
    join_request.refresh_from_db()
    assert join_request.state == JoinRequest.State.REMOVED
    assert join_request.events.order_by("pk").last().note == "Thanks, bye"
