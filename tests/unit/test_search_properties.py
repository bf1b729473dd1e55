"""Any string is safe to search on the database backend: no error, no 500 (hypothesis)."""

import json

import pytest
from hypothesis import HealthCheck, given, settings

from projects.models import ProjectPage
from search import service
from tests.factories import make_project
from tests.search_inputs import page_numbers, queries

EXAMPLES = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def content(registry, taxonomy):
    make_project(
        registry,
        title="Monthly wellbeing poll",
        summary="How students are coping.",
        themes=[taxonomy["themes"]["wellbeing"]],
    )
    make_project(registry, title="Course feedback survey", summary="End of module.")


@EXAMPLES
@given(q=queries, page=page_numbers)
def test_site_search_suggestions_and_registry_take_any_query(client, content, q, page):
    params = {"q": q} if page is None else {"q": q, "page": page}
    response = client.get("/en/search/", {**params, "type": q[:50], "theme": q[:50]})
    assert response.status_code == 200
    response = client.get("/en/search/suggest/", {"q": q})
    assert response.status_code == 200
    assert isinstance(json.loads(response.content)["results"], list)
    response = client.get("/en/projects/", {**params, "theme": q[:50], "sort": q[:20]})
    assert response.status_code == 200


@EXAMPLES
@given(q=queries)
def test_service_takes_any_query(content, q):
    outcome = service.search_ids(ProjectPage.objects.live(), q)
    assert not outcome.degraded
    assert all(isinstance(pk, int) for pk in outcome.ids)
    assert len(service.clean_query(q)) <= service.MAX_QUERY_LENGTH
    service.autocomplete(ProjectPage.objects.live(), q)
