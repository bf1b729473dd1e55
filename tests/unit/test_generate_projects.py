import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from projects.models import ProjectPage
from search.service import search_ids


def test_generate_projects_creates_valid_published_searchable_pages(client, registry, taxonomy):
    call_command("generate_projects", "30", "--batch-size", "12")
    assert ProjectPage.objects.live().count() == 30
    assert Page.find_problems() == ([], [], [], [], [])
    registry.refresh_from_db()
    assert registry.numchild == 30
    response = client.get("/en/projects/")
    assert response.context["registry"].total == 30
    project = ProjectPage.objects.first()
    assert client.get(project.url).status_code == 200
    word = project.title.split()[0]
    assert project.pk in search_ids(ProjectPage.objects.live(), word).ids


def test_generate_projects_needs_a_registry(db):
    with pytest.raises(CommandError):
        call_command("generate_projects", "5")
