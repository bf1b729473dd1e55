"""Staff register projects: the form, the duplicate check, registering in other languages.

Review and editing are in test_registration_review.py, stopping and upkeep in
test_project_upkeep.py.
"""

import datetime

import pytest
from wagtail.models import GroupPagePermission, Locale, WorkflowState

from projects.models import ProjectIndexPage, ProjectPage, ProjectRegistration
from tests.factories import make_project, project_form_data
from tests.support.csp import without_allowed_inline_scripts

REGISTER = "/en/projects/register/"


@pytest.fixture
def poll(registry):
    return make_project(
        registry,
        title="Monthly wellbeing poll",
        summary="A short poll each month on how students are coping.",
    )


@pytest.fixture
def staff_client(client, people):
    client.force_login(people["staff"])
    return client


def _workflow_state(page):
    return WorkflowState.objects.active().for_instance(page).first()


# --- the form --------------------------------------------------------------------------------


def test_form_is_shown_to_staff_with_token_and_honeypot(staff_client, registry):
    response = staff_client.get(REGISTER)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="token"' in html
    assert 'name="website"' in html and 'class="hp"' in html
    assert 'for="id_title"' in html
    assert 'data-similar-url="/en/projects/register/similar/"' in html
    # no inline scripts but the CSP-hashed phone fold
    assert "<script>" not in without_allowed_inline_scripts(html).split("</main>")[0]


def test_registering_shows_similar_projects_then_creates_a_draft_in_review(
    staff_client, people, registry, poll
):
    data = project_form_data(
        title="Monthly wellbeing poll for students",
        summary="Ask students each month how they are doing.",
    )
    check = staff_client.post(REGISTER, {**data, "action": "check"})
    assert check.status_code == 200
    assert [p.title for p in check.context["similar"]][0] == "Monthly wellbeing poll"
    html = check.content.decode()
    assert "Contact its leads to work together" in html
    assert f'href="{poll.url}#contacts"' in html
    assert not ProjectPage.objects.filter(title=data["title"]).exists()  # nothing yet

    done = staff_client.post(REGISTER, {**data, "action": "confirm"})
    project = ProjectPage.objects.get(title="Monthly wellbeing poll for students")
    assert done.status_code == 302
    assert done["Location"] == f"/en/projects/manage/{project.pk}/"
    assert not project.live
    assert project.owner == people["staff"]
    assert project.staff_lead == people["staff"]
    assert project.get_parent().specific == registry
    assert project.locale == registry.locale
    assert project.last_confirmed_at is not None
    state = _workflow_state(project)
    assert state.workflow.name == "Project review"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == people["staff"]
    assert [block.block_type for block in project.description] == ["paragraph", "paragraph"]
    # It is not visible to readers yet.
    assert staff_client.get("/en/projects/").context["registry"].total == 1


def test_duplicate_check_surfaces_the_wellbeing_poll(staff_client, registry, poll, taxonomy):
    make_project(registry, title="Library opening hours", summary="Longer opening in exams.")
    response = staff_client.get(
        "/en/projects/register/similar/",
        {"title": "Monthly wellbeing poll for students", "summary": ""},
    )
    assert response.status_code == 200
    results = response.json()["results"]
    assert results[0]["title"] == "Monthly wellbeing poll"
    assert results[0]["url"] == poll.url
    assert all(r["title"] != "Library opening hours" for r in results)


def test_partial_overlap_is_enough_to_surface_a_project(staff_client, registry, poll):
    response = staff_client.get(
        "/en/projects/register/similar/", {"title": "Wellbeing cafe", "summary": "Tea and talk."}
    )
    assert [r["title"] for r in response.json()["results"]] == ["Monthly wellbeing poll"]


@pytest.mark.parametrize("role", [None, "officer"])
def test_similar_endpoint_is_for_registrants_only(client, people, registry, poll, role):
    if role:
        client.force_login(people[role])
    response = client.get("/en/projects/register/similar/", {"title": "wellbeing"})
    assert response.status_code == 403
    assert "results" not in response.json()


def test_no_similar_projects_says_so_and_the_registrant_can_go_ahead(staff_client, registry):
    response = staff_client.post(REGISTER, {**project_form_data(), "action": "check"})
    assert response.context["similar"] == []
    assert "We found no similar projects" in response.content.decode()


def test_go_back_and_edit_keeps_everything_typed(staff_client, registry):
    data = project_form_data(title="Kept title", summary="Kept summary")
    response = staff_client.post(REGISTER, {**data, "action": "edit"})
    html = response.content.decode()
    assert 'value="Kept title"' in html and "Kept summary" in html
    assert data["token"] in html
    assert not ProjectPage.objects.filter(title="Kept title").exists()


def test_confirm_step_carries_every_field(staff_client, registry, taxonomy, people):
    theme = taxonomy["themes"]["wellbeing"]
    campus = taxonomy["campuses"]["riverside"]
    unit = taxonomy["units"]["library"]
    data = project_form_data(
        themes=[theme.pk],
        campuses=[campus.pk],
        lead_unit=unit.pk,
        union_contact=people["officer"].pk,
        start_date="2026-01-05",
        end_date="2026-06-30",
    )
    check = staff_client.post(REGISTER, {**data, "action": "check"})
    html = check.content.decode()
    for name in ("themes", "campuses", "lead_unit", "union_contact", "start_date", "token"):
        assert f'name="{name}"' in html
    # Post back exactly what the confirm step carries.
    from bs4 import BeautifulSoup

    form = BeautifulSoup(html, "html.parser").find_all("form", method="post")[-1]
    posted = {}
    for field in form.find_all("input"):
        if field.get("type") == "hidden":
            posted.setdefault(field["name"], []).append(field.get("value", ""))
    posted["action"] = "confirm"
    staff_client.post(REGISTER, posted)
    project = ProjectPage.objects.get(title=data["title"])
    assert list(project.themes.all()) == [theme]
    assert list(project.campuses.all()) == [campus]
    assert project.lead_unit == unit
    assert project.union_contact == people["officer"]
    assert project.start_date == datetime.date(2026, 1, 5)
    assert project.open_to_officers is True


def test_double_submit_creates_one_project(staff_client, registry):
    data = {**project_form_data(), "action": "confirm"}
    first = staff_client.post(REGISTER, data)
    second = staff_client.post(REGISTER, data)
    assert ProjectPage.objects.filter(title=data["title"]).count() == 1
    assert ProjectRegistration.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_honeypot_rejects_bots_and_creates_nothing(staff_client, registry):
    data = project_form_data(website="http://spam.example")
    response = staff_client.post(REGISTER, {**data, "action": "confirm"})
    assert response.status_code == 200
    assert "could not be sent" in response.content.decode()
    assert not ProjectPage.objects.filter(title=data["title"]).exists()


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 151}, "title"),
        ({"summary": "y" * 401}, "summary"),
        ({"description": "z" * 5001}, "description"),
        ({"how_officers_can_help": "h" * 1001}, "how_officers_can_help"),
        ({"outcomes": "o" * 2001}, "outcomes"),
        ({"status": "exploded"}, "status"),
        ({"status": "paused"}, "stopped_reason"),
        ({"status": "completed", "stopped_reason": "   "}, "stopped_reason"),
        ({"status": "paused", "stopped_reason": "x"}, "stopped_reason"),
        ({"status": "completed", "stopped_reason": "Done, it went well."}, "stopped_reason"),
        ({"status": "paused", "stopped_reason": "1234567890 " * 4}, "stopped_reason"),
        ({"start_date": "2026-05-01", "end_date": "2026-01-01"}, "end_date"),
        ({"start_date": "not a date"}, "start_date"),
        ({"lead_unit": "999999"}, "lead_unit"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_created(staff_client, registry, overrides, field):
    data = project_form_data(**overrides)
    response = staff_client.post(REGISTER, {**data, "action": "confirm"})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert f'href="#id_{field}"' in html
    if field not in {"status"}:
        assert 'aria-invalid="true"' in html
    assert ProjectPage.objects.count() == 0
    assert ProjectRegistration.objects.count() == 0


def test_officers_and_anonymous_cannot_register(client, people, registry):
    assert client.get(REGISTER)["Location"].startswith("/en/accounts/login/")
    client.force_login(people["officer"])
    response = client.post(REGISTER, {**project_form_data(), "action": "confirm"})
    assert response.status_code == 403
    assert ProjectPage.objects.count() == 0


def test_registry_page_offers_registration_to_staff_only(client, people, registry):
    assert "Register a project" not in client.get("/en/projects/").content.decode()
    client.force_login(people["staff"])
    assert "Register a project" in client.get("/en/projects/").content.decode()


def test_slug_is_unique_and_never_a_registry_path(staff_client, registry):
    make_project(registry, title="Mine", slug="mine-2")
    staff_client.post(REGISTER, {**project_form_data(title="Mine"), "action": "confirm"})
    assert ProjectPage.objects.get(title="Mine", live=False).slug == "mine-3"
    page = ProjectPage.objects.get(title="Mine", live=True)
    page.slug = "register"
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "slug" in error.value.message_dict


# --- languages -------------------------------------------------------------------------------


def test_every_registry_page_gets_the_workflow_and_staff_permission(registry, home):
    german = Locale.objects.get(language_code="de")
    german_home = home.copy_for_translation(german)
    german_home.save_revision().publish()
    german_registry = registry.copy_for_translation(german)
    german_registry.save_revision().publish()
    for index in (registry, german_registry):
        assert index.get_workflow().name == "Project review"
        assert GroupPagePermission.objects.filter(
            group__name="Staff", page=index, permission__codename="add_page"
        ).exists()
    assert ProjectIndexPage.objects.count() == 2


def test_registering_in_german_creates_the_draft_under_the_german_registry(
    client, people, registry, home
):
    german = Locale.objects.get(language_code="de")
    home.copy_for_translation(german).save_revision().publish()
    german_registry = registry.copy_for_translation(german)
    german_registry.save_revision().publish()
    client.force_login(people["staff"])
    data = project_form_data(title="Lerngruppen im Wohnheim")
    response = client.post("/de/projects/register/", {**data, "action": "confirm"})
    project = ProjectPage.objects.get(title="Lerngruppen im Wohnheim")
    assert response["Location"].startswith("/de/projects/manage/")
    assert project.locale == german
    assert project.get_parent().pk == german_registry.pk
    assert _workflow_state(project).workflow.name == "Project review"
