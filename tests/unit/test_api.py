"""The content API (``/api/v2/``): public fields, facet filters, search, URLs, documents."""

import itertools

import pytest
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction, Locale

from projects import joining
from projects.models import ProjectMember
from tests.factories import (
    build_induction,
    make_document,
    make_guidance_index,
    make_guideline,
    make_project,
    make_user,
)
from tests.factories.knowledge import body, heading, paragraph

PAGES = "/api/v2/pages/"
PROJECTS = {"type": "projects.ProjectPage"}
SECRET_MAIL = "secret-lead@example.org"
SECRET_MESSAGE = "Please take me on, my phone is 0123"
QUERIES = 14  # as for one project: no query per project (25 with a query per locale)
STOPPED = "The funding ended this year, so the panel stops until the autumn term."


@pytest.fixture
def browser():
    return Client(raise_request_exception=False)


@pytest.fixture
def projects(registry, taxonomy):
    themes, units, campuses = taxonomy["themes"], taxonomy["units"], taxonomy["campuses"]
    poll = make_project(
        registry,
        title="Wellbeing poll",
        summary="A monthly wellbeing poll.",
        themes=[themes["wellbeing"]],
        campuses=[campuses["riverside"]],
        lead_unit=units["library"],
        status="active",
    )
    panel = make_project(
        registry,
        title="Feedback panel",
        summary="Students review feedback.",
        themes=[themes["feedback"], themes["accessibility"]],
        lead_unit=units["student-services"],
        status="paused",
        stopped_reason=STOPPED,
    )
    return {"poll": poll, "panel": panel}


def listing(browser, **params):
    response = browser.get(PAGES, params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return sorted(item["title"] for item in data["items"])


# --- Fields --------------------------------------------------------------------------------


def test_projects_show_their_public_fields(browser, projects):
    fields = "summary,status,status_label,stage,themes,lead_unit,campuses,start_date,end_date"
    data = listing(browser, **PROJECTS, fields=fields + ",open_to_officers,stopped_reason")
    by_title = {item["title"]: item for item in data["items"]}
    poll = by_title["Wellbeing poll"]
    assert poll["summary"] == "A monthly wellbeing poll."
    assert poll["status"] == "active" and poll["status_label"] == "Active"
    assert poll["themes"] == [{"slug": "wellbeing", "name": "Wellbeing"}]
    assert poll["lead_unit"] == {"slug": "library", "name": "Library"}
    assert poll["campuses"] == [{"slug": "riverside", "name": "Riverside"}]
    assert poll["start_date"] == "2025-09-01" and poll["end_date"] is None
    panel = by_title["Feedback panel"]
    assert [t["slug"] for t in panel["themes"]] == ["accessibility", "feedback"]
    assert panel["stopped_reason"] == STOPPED


@pytest.mark.parametrize("field", ["staff_lead", "union_contact", "members", "join_requests"])
def test_people_are_not_fields(browser, projects, field):
    response = browser.get(PAGES, {**PROJECTS, "fields": field})
    assert response.status_code == 400
    assert "unknown" in response.json()["message"]


def test_a_listing_costs_the_same_queries_for_many_projects(
    browser, registry, taxonomy, django_assert_max_num_queries
):
    for number in range(12):
        make_project(
            registry,
            title=f"Project {number}",
            themes=list(taxonomy["themes"].values()),
            campuses=list(taxonomy["campuses"].values()),
            lead_unit=taxonomy["units"]["library"],
        )
    with django_assert_max_num_queries(QUERIES):
        data = listing(browser, **PROJECTS, fields="themes,campuses,lead_unit", limit=20)
    assert len(data["items"]) == 12


def test_guidance_shows_its_body_as_stream_and_plain_text(browser, home):
    index = make_guidance_index(home)
    make_guideline(
        index,
        audiences=["staff"],
        title="Running a panel",
        body=body(heading("Before you start"), paragraph("<p>Book a <b>room</b>.</p>")),
    )
    data = listing(
        browser, type="knowledge.GuidelinePage", fields="summary,audiences,body,body_text"
    )
    [item] = data["items"]
    assert item["audiences"][0]["slug"] == "staff"
    assert "Before you start" in item["body_text"] and "Book a room." in item["body_text"]
    assert "<b>" not in item["body_text"]
    assert [block["type"] for block in item["body"]] == ["heading", "paragraph"]
    assert listing(browser, type="knowledge.GuidelinePage", audience="partners")["items"] == []


def test_modules_describe_themselves_without_their_lessons(browser, home):
    first = build_induction(home).modules["first"]
    data = listing(browser, type="induction.TrainingModulePage", fields="*")
    assert data["items"]
    assert {"summary", "estimated_minutes", "target_roles"} <= set(data["items"][0])
    text = str(data)
    assert "lessons" not in data["items"][0] and "is_correct" not in text
    response = browser.get(PAGES, {"type": "induction.TrainingModulePage", "fields": "lessons"})
    assert response.status_code == 400
    after_first = [item for item in data["items"] if item["prerequisite"]]
    assert after_first and after_first[0]["prerequisite"] == {"id": first.pk, "title": first.title}


def test_a_draft_prerequisite_is_not_named(browser, home):
    first = build_induction(home).modules["first"]
    first.unpublish()
    data = listing(browser, type="induction.TrainingModulePage", fields="prerequisite")
    assert data["items"] and all(item["prerequisite"] is None for item in data["items"])
    assert first.title not in str(data)


# --- Filters -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"status": "active"}, ["Wellbeing poll"]),
        ({"theme": "feedback"}, ["Feedback panel"]),
        ({"theme": "wellbeing,accessibility"}, ["Feedback panel", "Wellbeing poll"]),
        ({"theme": ["wellbeing", "feedback"]}, ["Feedback panel", "Wellbeing poll"]),
        ({"theme": "accessibility", "status": "active"}, []),
        ({"unit": "library"}, ["Wellbeing poll"]),
        ({"campus": "riverside"}, ["Wellbeing poll"]),
        ({"theme": "no-such-theme"}, []),
        ({"locale": "en"}, ["Feedback panel", "Wellbeing poll"]),
        ({"search": "wellbeing"}, ["Wellbeing poll"]),
        ({"search": "feedback", "theme": "wellbeing"}, []),
    ],
)
def test_projects_filter_by_the_registrys_facets(browser, projects, params, expected):
    assert titles(listing(browser, **PROJECTS, **params)) == expected


def test_facets_need_a_page_type(browser, projects):
    response = browser.get(PAGES, {"theme": "wellbeing"})
    assert response.status_code == 400


def test_locale_lists_only_that_languages_pages(browser, projects):
    Locale.objects.get_or_create(language_code="de")
    assert listing(browser, **PROJECTS, locale="de")["items"] == []


@pytest.mark.parametrize(
    "query", ['"', '"wellbeing poll"', "wellbeing OR feedback", "' OR 1=1 --", "%%%", "*:*"]
)
def test_search_through_the_service_never_fails(browser, projects, query):
    response = browser.get(PAGES, {**PROJECTS, "search": query})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")


def test_search_with_or_finds_either_word(browser, projects):
    data = listing(browser, **PROJECTS, search="wellbeing feedback", search_operator="or")
    assert titles(data) == ["Feedback panel", "Wellbeing poll"]


# --- Hostile parameters: a 400 with a JSON message, never a 500 -----------------------------

HOSTILE = [
    {"locale": "xx"},
    {"fields": "nonsense"},
    {"fields": "title(("},
    {"limit": "-1"},
    {"limit": "51"},
    {"offset": "99999999999999999999999"},
    {"order": "random;drop"},
    {"order": "-password"},
    {"type": "auth.User"},
    {"type": "nope.Nothing"},
    {"child_of": "abc"},
    {"descendant_of": "-3"},
    {"translation_of": "x"},
    {"start_date": "soon"},
    {"open_to_officers": "perhaps"},
    {"lead_unit": "library"},
    {"themes": "abc"},
    {"theme": ",".join(f"t{n}" for n in range(25))},
    {"search": "x", "search_operator": "xor"},
    {"unknown": "1"},
]


@pytest.mark.parametrize("params", HOSTILE)
def test_hostile_parameters_are_a_bad_request(browser, projects, params):
    response = browser.get(PAGES, {**PROJECTS, **params})
    assert response.status_code == 400, (params, response.status_code)
    assert "message" in response.json()


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/?fields=*,-title",
        "/api/v2/pages/?type=projects.ProjectPage&fields=*,-title,-summary",
        "/api/v2/pages/999999/",
        "/api/v2/documents/?fields=file",
        "/api/v2/documents/?order=random;drop",
    ],
)
def test_hostile_paths_never_answer_500(browser, projects, path):
    # An unknown id is a 404, which LocaleMiddleware answers with the /en/ address to try.
    assert browser.get(path).status_code in (200, 302, 400, 404)


# --- Absolute URLs ---------------------------------------------------------------------------


def test_detail_and_html_urls_share_the_base_url(browser, projects, settings):
    settings.WAGTAILAPI_BASE_URL = "https://hub.example.org:8443"
    item = listing(browser, **PROJECTS, fields="html_url,detail_url")["items"][0]
    assert item["meta"]["detail_url"].startswith("https://hub.example.org:8443/api/v2/pages/")
    assert item["meta"]["html_url"].startswith("https://hub.example.org:8443/en/projects/")


# --- No personal data under any query -------------------------------------------------------


def test_no_personal_data_appears_under_any_query(browser, projects, people):
    lead = make_user(SECRET_MAIL, groups=["Staff"], first_name="Secretia")
    poll = projects["poll"]
    poll.staff_lead = lead
    poll.union_contact = lead
    poll.save_revision().publish()
    joining.create_request(people["officer"], poll, SECRET_MESSAGE)
    ProjectMember.objects.create(project=poll, user=people["officer2"], role="Secret role")
    types = ["", "projects.ProjectPage", "wagtailcore.Page"]
    fields = ["", "*", "_,summary", "*,-summary", "staff_lead", "lead_unit(*)", "parent(*)"]
    extras = [{}, {"search": "wellbeing"}, {"theme": "wellbeing"}, {"status": "active"}]
    paths = [PAGES, f"{PAGES}{poll.pk}/", f"{PAGES}find/"]
    seen = 0
    for kind, field, extra, path in itertools.product(types, fields, extras, paths):
        params = {k: v for k, v in {"type": kind, "fields": field, **extra}.items() if v}
        if path.endswith("find/"):
            params["id"] = poll.pk
        response = browser.get(path, params, follow=True)
        assert response.status_code in (200, 400), (path, params, response.status_code)
        text = response.content.decode()
        for secret in (SECRET_MAIL, "Secretia", SECRET_MESSAGE, "Secret role", "officer2@"):
            assert secret not in text, (path, params)
        seen += response.status_code == 200
    assert seen > 50  # most combinations answered, so the check means something


# --- Documents -------------------------------------------------------------------------------


def test_documents_lists_only_what_anyone_may_download(browser, db, people):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Committee papers")
    inner = private.add_child(name="Minutes")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    make_document(title="Public template")
    for collection, title in ((private, "Budget draft"), (inner, "Minutes March")):
        document = make_document(title=title)
        document.collection = collection
        document.save()
    for client in (browser, Client()):
        if client is not browser:
            client.force_login(people["editor"])
        response = client.get("/api/v2/documents/")
        assert response.status_code == 200
        assert [item["title"] for item in response.json()["items"]] == ["Public template"]
        assert client.get("/api/v2/documents/", {"search": "budget"}).json()["items"] == []


def test_names_and_labels_are_in_the_pages_language(browser, projects):
    english = projects["poll"].themes.get()
    german_locale, _created = Locale.objects.get_or_create(language_code="de")
    german_theme = english.copy_for_translation(german_locale)
    german_theme.name = "Wohlbefinden"
    german_theme.save()
    german = projects["poll"].copy_for_translation(german_locale, copy_parents=True)
    german.title = "Umfrage"
    german.save_revision().publish()
    data = listing(browser, **PROJECTS, locale="de", fields="themes,status_label")
    [item] = data["items"]
    assert item["themes"] == [{"slug": "wellbeing", "name": "Wohlbefinden"}]
    assert item["status_label"] == "Aktiv"
    english_item = listing(browser, **PROJECTS, locale="en", theme="wellbeing", fields="themes")
    assert english_item["items"][0]["themes"][0]["name"] == "Wellbeing"
