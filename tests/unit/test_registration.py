"""Staff register projects: the form, the duplicate check, review by moderators, upkeep."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import GroupPagePermission, Locale, WorkflowState

from hub.models import Notification
from projects.models import ProjectIndexPage, ProjectPage, ProjectRegistration
from tests.factories import make_draft_project, make_project, project_form_data
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


# --- review ----------------------------------------------------------------------------------


def test_moderator_approves_and_the_registrant_is_told_once(client, people, registry):
    project = make_draft_project(registry, people["staff"])
    mail.outbox.clear()
    client.force_login(people["moderator"])
    manage = client.get(f"/en/projects/manage/{project.pk}/")
    assert "Approve and publish" in manage.content.decode()
    assert "Ask for changes" in manage.content.decode()
    response = client.post(f"/en/projects/manage/{project.pk}/publish/", {"comment": "Lovely"})
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.live
    assert _workflow_state(project) is None
    notes = Notification.objects.filter(recipient=people["staff"], kind="project.approved")
    assert notes.count() == 1
    assert [m.to for m in mail.outbox] == [["staff@example.org"]]
    assert "is published" in mail.outbox[0].subject


def test_moderator_asks_for_changes_and_the_registrant_sees_the_comment(client, people, registry):
    project = make_draft_project(registry, people["staff"])
    mail.outbox.clear()
    client.force_login(people["moderator"])
    empty = client.post(f"/en/projects/manage/{project.pk}/request-changes/", {"comment": " "})
    assert empty.status_code == 302
    assert _workflow_state(project).status == WorkflowState.STATUS_IN_PROGRESS
    client.post(
        f"/en/projects/manage/{project.pk}/request-changes/",
        {"comment": "Please name the lead unit."},
    )
    state = _workflow_state(project)
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert len(mail.outbox) == 1  # ours only: Wagtail's duplicate is suppressed
    assert "Please name the lead unit." in mail.outbox[0].body
    assert mail.outbox[0].to == ["staff@example.org"]

    client.force_login(people["staff"])
    mine = client.get("/en/projects/mine/").content.decode()
    assert "Changes requested" in mine
    assert "Please name the lead unit." in mine
    # The registrant edits and it goes back to the moderators.
    edit = client.get(f"/en/projects/manage/{project.pk}/edit/")
    assert edit.status_code == 200
    data = project_form_data(title=project.title, summary="Now with a lead unit named.")
    data.pop("token")
    client.post(f"/en/projects/manage/{project.pk}/edit/", data)
    state = _workflow_state(project)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    project.refresh_from_db()
    assert project.get_latest_revision_as_object().summary == "Now with a lead unit named."


def test_rejection_in_the_admin_reaches_the_registrant_too(client, people, registry):
    project = make_draft_project(registry, people["staff"])
    task_state = _workflow_state(project).current_task_state
    mail.outbox.clear()
    client.force_login(people["moderator"])
    response = client.post(
        f"/admin/pages/workflow/action/{project.pk}/reject/{task_state.pk}/",
        {"comment": "Too vague, sorry."},
    )
    assert response.status_code in (200, 302)
    assert _workflow_state(project).status == WorkflowState.STATUS_NEEDS_CHANGES
    note = Notification.objects.get(recipient=people["staff"], kind="project.changes_requested")
    assert "Too vague, sorry." in note.body
    assert len(mail.outbox) == 1


def test_other_pages_keep_wagtails_own_rejection_email(people, home):
    home.owner = people["staff"]
    home.save_revision(user=people["staff"])
    workflow = home.get_workflow()
    assert workflow is not None and workflow.name != "Project review"
    state = workflow.start(home, people["staff"])
    mail.outbox.clear()
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, people["moderator"], "reject", comment="No")
    assert len(mail.outbox) == 1
    assert "rejected" in mail.outbox[0].subject.lower() or "rejected" in mail.outbox[0].body
    assert not Notification.objects.filter(recipient=people["staff"]).exists()


def test_moderators_get_an_on_site_notification_of_new_projects(people, registry):
    project = make_draft_project(registry, people["staff"])
    note = Notification.objects.get(recipient=people["moderator"], kind="project.submitted")
    assert project.title in note.title
    assert note.url == f"/en/projects/manage/{project.pk}/"


# --- editing ---------------------------------------------------------------------------------


def test_owner_edits_go_to_review_and_the_live_page_stays(client, people, registry):
    project = make_project(
        registry, title="Poll", owner=people["staff"], staff_lead=people["staff"]
    )
    client.force_login(people["staff"])
    data = project_form_data(title="Poll", summary="An updated summary.")
    data.pop("token")
    response = client.post(f"/en/projects/manage/{project.pk}/edit/", data)
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.summary != "An updated summary."
    assert project.has_unpublished_changes
    assert _workflow_state(project).status == WorkflowState.STATUS_IN_PROGRESS
    # While it is in review, the owner edits only after taking it back.
    locked = client.get(f"/en/projects/manage/{project.pk}/edit/")
    assert "with the moderators for review" in locked.content.decode()
    assert f"/en/projects/manage/{project.pk}/withdraw-review/" in locked.content.decode()


def test_the_author_takes_an_edit_back_from_review_amends_it_and_resubmits(
    client, people, registry
):
    project = make_project(
        registry, title="Poll", owner=people["staff"], staff_lead=people["staff"]
    )
    edit_url = f"/en/projects/manage/{project.pk}/edit/"
    withdraw_url = f"/en/projects/manage/{project.pk}/withdraw-review/"
    client.force_login(people["staff"])
    data = project_form_data(title="Poll", summary="First try at a new summary.")
    data.pop("token")
    client.post(edit_url, data)
    first_state = _workflow_state(project)
    assert first_state.status == WorkflowState.STATUS_IN_PROGRESS

    # Someone who may not edit it cannot take it back.
    client.force_login(people["staff2"])
    assert client.post(withdraw_url).status_code == 403
    assert _workflow_state(project).pk == first_state.pk

    client.force_login(people["staff"])
    response = client.post(withdraw_url)
    assert response.status_code == 302 and response["Location"] == edit_url
    first_state.refresh_from_db()
    assert first_state.status == WorkflowState.STATUS_CANCELLED
    form = client.get(edit_url)
    assert 'name="summary"' in form.content.decode()
    assert "First try at a new summary." in form.content.decode()  # nothing was lost
    data["summary"] = "The amended summary, ready for review."
    resubmitted = client.post(edit_url, data)
    assert resubmitted.status_code == 302, resubmitted.content.decode()[-3000:]
    state = _workflow_state(project)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.pk != first_state.pk
    project.refresh_from_db()
    latest = project.get_latest_revision_as_object()
    assert latest.summary == "The amended summary, ready for review."
    assert project.summary != latest.summary  # still not published
    # Taking back twice says so and changes nothing.
    client.post(withdraw_url)
    again = client.post(withdraw_url, follow=True)
    assert "no longer waiting for review" in again.content.decode()


def test_staff_lead_who_is_not_the_owner_can_edit_in_the_front_end(client, people, registry):
    project = make_project(registry, title="Poll", staff_lead=people["staff"])
    client.force_login(people["staff"])
    assert client.get(f"/en/projects/manage/{project.pk}/edit/").status_code == 200


def test_publishers_edits_are_published_at_once(client, people, registry):
    project = make_project(registry, title="Poll", staff_lead=people["staff"])
    client.force_login(people["editor"])
    data = project_form_data(title="Poll", summary="Changed by an editor.")
    data.pop("token")
    client.post(f"/en/projects/manage/{project.pk}/edit/", data)
    project.refresh_from_db()
    assert project.summary == "Changed by an editor."
    assert project.live and not project.has_unpublished_changes


def test_rich_descriptions_are_left_to_the_admin(client, people, registry):
    project = make_project(
        registry,
        title="Poll",
        owner=people["staff"],
        description=[("heading", {"text": "Aims", "level": "h2"}), ("paragraph", "<p>Hi</p>")],
    )
    client.force_login(people["staff"])
    response = client.get(f"/en/projects/manage/{project.pk}/edit/")
    assert "description" not in response.context["form"].fields
    assert "can only be changed in the editor of the admin" in response.content.decode()
    data = project_form_data(title="Poll", summary="Still has its heading.")
    data.pop("token")
    client.post(f"/en/projects/manage/{project.pk}/edit/", data)
    project.refresh_from_db()
    draft = project.get_latest_revision_as_object()
    assert draft.summary == "Still has its heading."
    assert [b.block_type for b in draft.description] == ["heading", "paragraph"]


def test_plain_descriptions_round_trip(client, people, registry):
    project = make_draft_project(registry, people["staff"], description="One.\n\nTwo <b>&</b>.")
    client.force_login(people["moderator"])
    form = client.get(f"/en/projects/manage/{project.pk}/edit/").context["form"]
    assert form.initial["description"] == "One.\n\nTwo <b>&</b>."


def test_staff_edit_only_their_own_pages_in_the_admin(client, people, registry):
    own = make_project(registry, title="Own", owner=people["staff"])
    other = make_project(registry, title="Other", owner=people["staff2"])
    client.force_login(people["staff"])
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{other.pk}/edit/")
    assert response.status_code in (302, 403)
    assert client.get(f"/en/projects/manage/{other.pk}/edit/").status_code == 403


# --- stopping and upkeep ---------------------------------------------------------------------


def test_pausing_requires_a_reason_in_the_model_too(registry):
    project = make_project(registry, title="Poll")
    project.status = ProjectPage.Status.PAUSED
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "stopped_reason" in error.value.message_dict
    project.stopped_reason = "Funding ended; the survey design is in the shared drive."
    project.full_clean()


def test_older_paused_projects_without_a_reason_can_still_be_saved(registry):
    project = make_project(registry, title="Poll")
    ProjectPage.objects.filter(pk=project.pk).update(status="paused")
    project.refresh_from_db()
    project.summary = "Edited summary."
    project.save_revision().publish()  # no ValidationError
    project.stopped_reason = "Now explained: the lead left and nobody took over."
    project.save_revision().publish()
    project.refresh_from_db()
    project.stopped_reason = ""
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        project.full_clean()


def test_why_it_stopped_is_shown_and_searchable(client, registry):
    make_project(
        registry,
        title="Exam stress workshops",
        status=ProjectPage.Status.PAUSED,
        stopped_reason="Paused while the counselling team recruits a facilitator.",
    )
    page = ProjectPage.objects.get(title="Exam stress workshops")
    html = client.get(page.url).content.decode()
    assert "Why it is paused" in html
    assert "recruits a facilitator" in html
    results = client.get("/en/projects/", {"q": "facilitator"}).context["registry"]
    assert [p.title for p in results.projects] == ["Exam stress workshops"]


def test_confirming_records_the_date_and_shows_it(client, people, registry):
    project = make_project(registry, title="Poll", staff_lead=people["staff"])
    ProjectPage.objects.filter(pk=project.pk).update(
        last_confirmed_at=timezone.now() - datetime.timedelta(days=400)
    )
    assert "Possibly stale" in client.get(project.url).content.decode()
    client.force_login(people["staff2"])
    assert client.post(f"/en/projects/manage/{project.pk}/confirm/").status_code == 403
    client.force_login(people["staff"])
    response = client.post(f"/en/projects/manage/{project.pk}/confirm/")
    assert response.status_code == 302
    project.refresh_from_db()
    assert timezone.now() - project.last_confirmed_at < datetime.timedelta(minutes=1)
    html = client.get(project.url).content.decode()
    assert "Last confirmed by its lead" in html
    assert "Possibly stale" not in html


def test_a_pending_draft_does_not_undo_a_confirmation(people, registry):
    project = make_project(registry, title="Poll", owner=people["staff"])
    old = timezone.now() - datetime.timedelta(days=300)
    ProjectPage.objects.filter(pk=project.pk).update(last_confirmed_at=old)
    project.refresh_from_db()
    revision = project.save_revision(user=people["staff"])
    from projects.registration import confirm_still_current

    confirm_still_current(project, people["staff"])
    revision.publish()
    project.refresh_from_db()
    assert project.last_confirmed_at > old + datetime.timedelta(days=200)


def _titles(response):
    return [p.title for p in response.context["registry"].projects]


def test_stale_projects_are_marked_and_listed_last_except_by_relevance(client, registry):
    now = timezone.now()
    fresh = make_project(registry, title="Alpha wellbeing")
    stale = make_project(registry, title="Aardvark wellbeing wellbeing")
    done = make_project(
        registry,
        title="Zebra",
        status="completed",
        stopped_reason="Finished as planned after two full academic years.",
    )
    ProjectPage.objects.filter(pk__in=[stale.pk, done.pk]).update(
        last_confirmed_at=now - datetime.timedelta(days=200)
    )
    from projects.facets import bump_version

    bump_version()
    for sort in ("title", "newest", "updated"):
        titles = _titles(client.get("/en/projects/", {"sort": sort}))
        assert titles[-1] == "Aardvark wellbeing wellbeing", sort
        assert set(titles) == {"Alpha wellbeing", "Aardvark wellbeing wellbeing", "Zebra"}
    html = client.get("/en/projects/").content.decode()
    assert html.count("Possibly stale") == 1  # completed work is never stale
    relevance = client.get("/en/projects/", {"q": "wellbeing"})
    assert relevance.context["registry"].sort == "relevance"
    assert set(_titles(relevance)) == {"Alpha wellbeing", "Aardvark wellbeing wellbeing"}
    assert fresh.pk != stale.pk


def test_stale_ordering_pages_across_the_boundary(client, registry):
    old = timezone.now() - datetime.timedelta(days=365)
    pages = [make_project(registry, title=f"Project {n:02d}") for n in range(25)]
    ProjectPage.objects.filter(pk__in=[p.pk for p in pages[:3]]).update(last_confirmed_at=old)
    from projects.facets import bump_version

    bump_version()
    first = _titles(client.get("/en/projects/", {"sort": "title"}))
    second = _titles(client.get("/en/projects/", {"sort": "title", "page": 2}))
    assert len(first) == 20 and len(second) == 5
    assert second[-3:] == ["Project 00", "Project 01", "Project 02"]
    assert first[0] == "Project 03"
    assert len(set(first + second)) == 25


def test_the_admin_also_requires_a_reason_to_pause(client, people, registry):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    project = make_project(
        registry, title="Poll", owner=people["staff"], staff_lead=people["staff"]
    )
    client.force_login(people["staff"])

    def post(reason):
        data = nested_form_data(
            {
                "title": "Poll",
                "slug": "poll",
                "summary": "A poll.",
                "description": streamfield([]),
                "status": "paused",
                "stage": "success",
                "stopped_reason": reason,
                "open_to_officers": "on",
                "staff_lead": people["staff"].pk,
                "comments": inline_formset([]),
            }
        )
        return client.post(f"/admin/pages/{project.pk}/edit/", {**data, "action-submit": "1"})

    refused = post("")
    assert refused.status_code == 200
    assert "stopped_reason" in refused.context["form"].errors
    too_short = post("x")
    assert too_short.status_code == 200
    assert "at least 5 words" in str(too_short.context["form"].errors["stopped_reason"])
    accepted = post("The survey team is on leave until spring.")
    assert accepted.status_code == 302
    project.refresh_from_db()
    assert project.get_latest_revision_as_object().status == "paused"
    assert project.status == "active"  # live until a moderator approves
    assert _workflow_state(project).workflow.name == "Project review"
