"""Any string is safe to search on the engine too: no error, no 500, and no silent fallback."""

import json

import pytest
from hypothesis import HealthCheck, given, settings

from projects.models import ProjectPage
from search import service
from tests.factories import make_project
from tests.search_inputs import page_numbers, queries

pytestmark = pytest.mark.engine

EXAMPLES = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def content(engine, registry, taxonomy):
    make_project(
        registry,
        title="Monthly wellbeing poll",
        summary="How students are coping.",
        themes=[taxonomy["themes"]["wellbeing"]],
    )
    make_project(registry, title="Course feedback survey", summary="End of module.")
    engine.refresh()


@EXAMPLES
@given(q=queries, page=page_numbers)
def test_engine_takes_any_query_without_falling_back(client, content, q, page):
    params = {"q": q} if page is None else {"q": q, "page": page}
    response = client.get("/en/search/", params)
    assert response.status_code == 200
    assert not response.context["search"].degraded, "the engine rejected the query"
    response = client.get("/en/search/suggest/", {"q": q})
    assert response.status_code == 200
    assert json.loads(response.content)["degraded"] is False
    response = client.get("/en/projects/", params)
    assert response.status_code == 200
    assert not response.context["registry"].degraded


@EXAMPLES
@given(q=queries)
def test_engine_service_takes_any_query(content, q):
    outcome = service.search_ids(ProjectPage.objects.live(), q)
    assert not outcome.degraded
    assert not service.autocomplete(ProjectPage.objects.live(), q).degraded
