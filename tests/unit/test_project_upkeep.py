"""Upkeep of projects: why one stopped, confirming it is current, stale ones listed last."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import WorkflowState

from projects.models import ProjectPage
from tests.factories import make_project


def _workflow_state(page):
    return WorkflowState.objects.active().for_instance(page).first()


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
