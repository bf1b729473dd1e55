"""Reindexing reads each model in a constant number of queries, whatever the project count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import ProjectPage
from tests.factories import make_project

pytestmark = pytest.mark.django_db


def _documents():
    from modelsearch.backends import get_search_backend

    backend = get_search_backend()
    with CaptureQueriesContext(connection) as captured:
        objects = list(ProjectPage.get_indexed_objects())
        for project in objects:
            # what every backend reads from a project for its document
            for field in ProjectPage.get_search_fields():
                if hasattr(field, "get_value"):
                    field.get_value(project)
            names = [theme.name for theme in project.themes.all()]
            assert names
            assert project.lead_unit.name
    assert backend is not None
    return len(objects), len(captured.captured_queries)


def test_indexing_reads_projects_in_constant_queries(registry, taxonomy):
    themes = list(taxonomy["themes"].values())
    unit = taxonomy["units"]["library"]
    for n in range(3):
        make_project(registry, title=f"Small batch {n}", themes=themes[:2], lead_unit=unit)
    few, few_queries = _documents()
    for n in range(12):
        make_project(registry, title=f"Large batch {n}", themes=themes, lead_unit=unit)
    many, many_queries = _documents()
    assert (few, many) == (3, 15)
    assert many_queries == few_queries
