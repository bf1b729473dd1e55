import pytest
from wagtail.models import Page

from bench.generators import generate
from projects.models import ProjectPage
from search.service import search_ids
from tests.factories import make_project


def test_generated_projects_are_valid_published_searchable_pages(client, registry, taxonomy):
    assert generate(30, batch_size=12) == 30
    assert generate(5, batch_size=12, seed=2) == 5  # appends after the existing children
    assert ProjectPage.objects.live().count() == 35
    assert Page.find_problems() == ([], [], [], [], [])
    registry.refresh_from_db()
    assert registry.numchild == 35
    added = make_project(registry, title="By hand")  # Wagtail's add_child numbers it next
    assert added.path > ProjectPage.objects.exclude(pk=added.pk).order_by("-path")[0].path
    response = client.get("/en/projects/")
    assert response.context["registry"].total == 36
    project = ProjectPage.objects.first()
    assert client.get(project.url).status_code == 200
    word = project.title.split()[0]
    assert project.pk in search_ids(ProjectPage.objects.live(), word).ids


def test_generating_projects_needs_a_registry(db):
    with pytest.raises(ValueError):
        generate(5)
