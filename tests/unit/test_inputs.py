"""One validated path for ids, query strings, redirect targets and text (``hub.inputs``)."""

import pytest
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models

from hub import inputs
from hub.models import Theme
from projects import joining
from projects.forms import ProjectForm
from projects.models import JoinRequest
from projects.routes import registry_url
from tests.factories import build_induction, make_project, make_theme, project_form_data

HUGE = "99999999999999999999"  # > 2**63 - 1: an OverflowError on SQLite before
TOO_BIG = str(2**63)
UNICODE_DIGITS = ["²", "٣", "５", "১"]  # str.isdigit() says yes to all of them


# --- The helpers themselves ----------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1", 1),
        ("42", 42),
        (str(2**63 - 1), 2**63 - 1),
        (TOO_BIG, None),
        (HUGE, None),
        ("0", None),
        ("-1", None),
        ("", None),
        (" 1", None),
        ("1\n", None),
        ("1.0", None),
        ("0x1", None),
        ("1_000", None),
        (None, None),
        (True, None),
        (7, 7),
        (0, None),
        *[(digit, None) for digit in UNICODE_DIGITS],
    ],
)
def test_parse_id(value, expected):
    assert inputs.parse_id(value) == expected


def test_parse_int_and_choice():
    assert inputs.parse_int("5", minimum=1, maximum=10) == 5
    assert inputs.parse_int("11", default=3, minimum=1, maximum=10) == 3
    assert inputs.parse_int("²", default=1) == 1
    assert inputs.parse_int("", default=None) is None
    assert inputs.parse_choice("all", {"pending", "all"}, "pending") == "all"
    assert inputs.parse_choice("ALL", {"pending", "all"}, "pending") == "pending"
    assert inputs.parse_choice(None, {"pending"}, "pending") == "pending"


def test_clean_text_drops_control_characters_and_bounds_length():
    assert inputs.clean_text("  a\x00b\x07c\r\nd\te  ") == "abc\nd\te"
    assert inputs.clean_text("one\ntwo", multiline=False) == "onetwo"
    assert inputs.clean_text("x" * 50, 10) == "x" * 10
    assert inputs.clean_text(None) == ""


@pytest.mark.parametrize(
    "target, safe",
    [
        ("/en/projects/mine/", True),
        ("/en/projects/?q=poll&page=2", True),
        ("foo", False),  # redirect() would look it up as a view name
        ("mine", False),
        ("projects:mine", False),
        ("./x", False),
        ("../x", False),
        ("//evil.example/", False),
        ("/\\evil.example/", False),
        ("https://evil.example/", False),
        ("http://testserver/en/?a=1", "/en/?a=1"),  # this host: reduced to its path
        ("http://testserver", "/"),
        ("https://testserver/en/", "/en/"),
        ("javascript:alert(1)", False),
        ("/en/\x00", False),
        ("/en/\nLocation: x", False),
        ("", False),
        (None, False),
    ],
)
def test_safe_target(rf, target, safe):
    request = rf.get("/")
    expected = safe if isinstance(safe, str) else (target if safe else "/default/")
    assert inputs.safe_target(request, target, "/default/") == expected


@translation.override("en")
def test_the_id_converter_reverses_only_ids(registry):
    assert registry_url("manage", 5) == "/en/projects/manage/5/"
    for bad in [0, -1, 2**63, "x"]:
        with pytest.raises(NoReverseMatch):
            registry_url("manage", bad)


def _our_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _our_patterns(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


OUR_APPS = ("hub", "projects", "knowledge", "induction", "search")


def test_every_id_in_our_url_patterns_uses_the_id_converter(db):
    """Wagtail's and Django's own patterns are theirs; ours take ids only through <id:…>."""
    ours = [
        (route, pattern)
        for route, pattern in _our_patterns()
        if getattr(pattern.callback, "__module__", "").split(".")[0] in OUR_APPS
    ]
    assert ours, "no patterns of our own apps found"
    for route, pattern in ours:
        converters = pattern.pattern.converters.values()
        assert not any(type(c) is IntConverter for c in converters), route
    for model in get_page_models():
        if issubclass(model, RoutablePageMixin) and model.__module__.split(".")[0] in OUR_APPS:
            for sub in model.get_subpage_urls():
                converters = sub.pattern.converters.values()
                assert not any(type(c) is IntConverter for c in converters), (model, sub)


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


# --- The net under views we do not own, and what the hostile suite found in the admin --------


def _raising(error_factory):
    def view(request):
        raise error_factory()

    return view


def test_the_net_answers_400_only_for_errors_pinned_on_input(rf, db):
    from django.utils.datastructures import MultiValueDict

    from projects.models import ProjectPage

    middleware = inputs.InputErrorMiddleware(lambda request: None)
    request = rf.post("/admin/somewhere/")

    def caught(function):
        try:
            function()
        except Exception as error:  # noqa: BLE001
            return middleware.process_exception(request, error)
        raise AssertionError("expected an error")

    missing = caught(lambda: MultiValueDict()["url"])
    assert missing.status_code == 400
    assert "could not understand this request" in missing.content.decode()
    assert caught(lambda: ProjectPage.objects.get(pk="not-a-number")).status_code == 400
    # Errors that are not about input stay errors (500s, to be fixed where they happen).
    assert caught(lambda: int("x")) is None
    assert caught(lambda: None.startswith("/")) is None
    assert caught(lambda: {}["key"]) is None


def test_a_number_beyond_64_bits_in_a_lookup_is_caught_by_the_net(rf, db):
    from projects.models import ProjectPage

    try:
        list(ProjectPage.objects.filter(pk__in=[2**70]))
    except Exception as error:  # noqa: BLE001 (SQLite cannot bind it; PostgreSQL can)
        assert inputs.is_input_error(error)


@pytest.mark.parametrize(
    "model", ["hub/theme", "hub/unit", "hub/campus", "induction/officerrole", "knowledge/resource"]
)
def test_searching_snippets_in_the_admin_works(browser, people, model):
    from tests.factories import make_resource

    theme = make_theme("wellbeing", name="Mental health")
    resource = make_resource(title="Survey template", description="For wellbeing polls")
    browser.force_login(people["editor"])
    for suffix in ["", "results/"]:
        response = browser.get(f"/admin/snippets/{model}/{suffix}", {"q": "wellbeing"})
        # Was a 500: slug is not indexed (taxonomies, roles); SQLite's index cannot search
        # the description alone (resources).
        assert response.status_code == 200
    found = {"hub/theme": theme.name, "knowledge/resource": resource.title}.get(model)
    if found:
        assert found in response.content.decode()


def test_admin_forms_posted_without_their_fields_are_bad_requests(browser, people, home):
    browser.force_login(people["editor"])
    # Wagtail's link chooser crashed when "url" was missing; snippet choosers offered a
    # "create" address even for snippets that cannot be created there.
    assert browser.post("/admin/choose-external-link/", {}).status_code == 400
    for model in ["hub/theme", "knowledge/resource", "induction/officerterm"]:
        response = browser.post(f"/admin/snippets/choose/{model}/create/", {})
        # Not found (LocaleMiddleware then offers the /en/ address, as for any 404 here).
        assert response.status_code in (302, 404), model
    chosen = browser.get("/admin/snippets/choose/hub/theme/chosen/not-a-number/")
    assert chosen.status_code == 400


@pytest.mark.parametrize("year", ["²", "٣", "99999", "0", HUGE, "2027"])
def test_the_cohort_report_takes_any_year(browser, people, home, year):
    browser.force_login(people["editor"])
    for path in ["/admin/induction/cohort/", "/admin/induction/cohort/results/"]:
        assert browser.get(path, {"year": year}).status_code == 200, (path, year)


def test_admin_page_actions_on_the_tree_root_are_not_found(browser, people, registry):
    from wagtail.models import Page

    root = Page.get_first_root_node()
    browser.force_login(people["editor"])
    actions = ["lock/", "unlock/", "set_position/", f"move/{registry.pk}/confirm/"]
    for page_id, action in [(root.pk, a) for a in actions] + [(TOO_BIG, "revisions/")]:
        response = browser.post(f"/admin/pages/{page_id}/{action}")
        # Not found (LocaleMiddleware then offers the /en/ address, as for any 404 here).
        assert response.status_code in (302, 404), action
        assert not response.get("Location", "").startswith("/admin/login")
    # The root as a parent is still fine, and other pages' actions still work.
    assert browser.get(f"/admin/pages/{root.pk}/").status_code == 200
    assert browser.post(f"/admin/pages/{registry.pk}/lock/").status_code == 302
    registry.refresh_from_db()
    assert registry.locked
