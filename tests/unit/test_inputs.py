"""One validated path for ids, query strings, redirect targets and text (``hub.inputs``).

The helpers themselves, the id converter, and the net under views we do not own (with what the
hostile suite found in the admin). The reported examples, as requests, are in
test_input_requests.py.
"""

import pytest
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models

from hub import inputs
from projects.routes import registry_url
from tests.factories import make_theme
from tests.input_values import HUGE, TOO_BIG, UNICODE_DIGITS

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


@pytest.fixture
def browser():
    return Client(raise_request_exception=False)


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


@pytest.mark.parametrize(
    ("target", "lands_on"),
    [
        ("4", None),  # a bare word: redirect() looked it up as a view name (a 500)
        ("https://evil.example/", None),
        ("//evil.example/", None),
        ("http://testserver/admin/pages/", "/admin/pages/"),  # this host: reduced to its path
        ("/admin/pages/", "/admin/pages/"),
    ],
)
def test_wagtails_admin_never_redirects_to_a_next_that_is_not_on_this_site(
    browser, people, registry, target, lands_on
):
    from projects.models import ProjectPage
    from tests.factories import make_project

    project = make_project(registry, title="Library hours")
    browser.force_login(people["moderator"])
    response = browser.post(f"/admin/pages/{project.pk}/unpublish/", {"next": target})
    assert response.status_code == 302
    # Dropped: Wagtail's own default after an unpublish (the parent's listing).
    expected = lands_on or f"/admin/pages/{registry.pk}/"
    assert response["Location"] == expected
    assert not ProjectPage.objects.get(pk=project.pk).live
    # The query string is cleaned the same way.
    listing = browser.get(f"/admin/pages/{registry.pk}/", {"next": target})
    assert listing.status_code == 200


@pytest.mark.parametrize("typed", ['"', 'vp "wel', "vp^ wel", 'wel"*', "-"])
def test_a_choosers_search_takes_any_text_and_still_completes_words(browser, people, typed):
    from tests.factories import make_role

    make_role("vp-welfare", name="VP Welfare")
    make_role("president", name="President")
    browser.force_login(people["editor"])
    chooser = "/admin/snippets/choose/induction/officerrole/"
    # A double quote was an SQLite FTS5 syntax error in Wagtail's autocomplete (a 500).
    response = browser.get(chooser, {"q": typed})
    assert response.status_code == 200
    page = browser.get(chooser, {"q": "vp wel"}).content.decode()
    assert "VP Welfare" in page and "President" not in page
