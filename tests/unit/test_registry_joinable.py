""" "Open to officers" means joinable now: open, and proposed or active."""

import pytest

from projects.models import ProjectPage
from tests.factories import make_project

URL = "/en/projects/"


@pytest.fixture
def projects(registry):
    def project(title, status, **fields):
        if status in (ProjectPage.Status.PAUSED, ProjectPage.Status.COMPLETED):
            fields["stopped_reason"] = "The team stopped to evaluate what it learned so far."
        return make_project(registry, title=title, status=status, open_to_officers=True, **fields)

    return {
        "proposed": project("Proposed open project", ProjectPage.Status.PROPOSED),
        "active": project("Active open project", ProjectPage.Status.ACTIVE),
        "paused": project("Paused open project", ProjectPage.Status.PAUSED),
        "completed": project("Completed open project", ProjectPage.Status.COMPLETED),
    }


def listed(client, query):
    response = client.get(URL + query)
    assert response.status_code == 200
    return {p.title for p in response.context["registry"].projects}, response.content.decode()


def test_open_filter_lists_only_projects_officers_can_join(client, projects):
    found, _html = listed(client, "?open=yes")
    assert found == {"Proposed open project", "Active open project"}
    found, _html = listed(client, "?open=yes&status=paused")
    assert found == set()


def test_paused_and_completed_cards_carry_no_open_badge(client, projects):
    _found, html = listed(client, "?status=paused")
    assert "Paused open project" in html and "badge--open" not in html
    _found, html = listed(client, "?status=active")
    assert "badge--open" in html
