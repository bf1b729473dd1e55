"""The duplicate check: running projects to work with, and drafts in review named only by count."""

import pytest

from projects.models import ProjectPage
from tests.factories import make_project, make_user, project_form_data

REGISTER = "/en/projects/register/"


@pytest.fixture
def staff_client(client, people):
    client.force_login(people["staff"])
    return client


def check(client, title, summary="Students say how they are doing each month."):
    data = project_form_data(title=title, summary=summary)
    response = client.post(REGISTER, {**data, "action": "check"})
    assert response.status_code == 200
    return response


def test_paused_and_completed_projects_are_not_offered(staff_client, registry):
    make_project(
        registry,
        title="Monthly wellbeing poll",
        status=ProjectPage.Status.PAUSED,
        stopped_reason="Paused while the survey tool is replaced by the institution.",
    )
    response = check(staff_client, "Monthly wellbeing poll for students")
    assert response.context["similar"] == []


def test_a_similar_draft_in_review_is_mentioned_without_its_content(client, people, registry):
    other = make_user("staff3@example.org", groups=["Staff"])
    client.force_login(other)
    data = project_form_data(
        title="Monthly wellbeing poll", summary="A secret plan only moderators may read."
    )
    client.post(REGISTER, {**data, "action": "confirm"})
    draft = ProjectPage.objects.get(title="Monthly wellbeing poll")
    assert not draft.live

    client.force_login(people["staff"])
    html = check(client, "Monthly wellbeing poll for students").content.decode()
    assert "A similar project is waiting for review." in html
    assert "secret plan" not in html
    assert f"/projects/manage/{draft.pk}/" not in html
    # The registrant's own draft is not "someone else's similar project".
    client.force_login(other)
    html = check(client, "Monthly wellbeing poll for students").content.decode()
    assert "waiting for review" not in html


def test_unrelated_drafts_are_not_mentioned(client, people, registry):
    other = make_user("staff3@example.org", groups=["Staff"])
    client.force_login(other)
    data = project_form_data(title="Library opening hours", summary="Longer hours.")
    client.post(REGISTER, {**data, "action": "confirm"})
    client.force_login(people["staff"])
    html = check(client, "Monthly wellbeing poll").content.decode()
    assert "waiting for review" not in html
