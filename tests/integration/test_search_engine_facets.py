"""Registry facets from the engine's aggregations (``make test-engine``): the counts, totals
and lists equal brute force from the ORM, in one request per page, with no facet index."""

import time

import pytest

from projects import facets
from projects.models import ProjectPage
from search import aggregations, service
from tests.registry_checks import COMBINATIONS, URL, check_against_brute_force, varied_projects

pytestmark = pytest.mark.engine


@pytest.fixture
def varied(engine, registry, taxonomy):
    made = varied_projects(registry, taxonomy)
    backend = engine.backend
    for project in ProjectPage.objects.filter(pk__in=[p.pk for p in made]):
        backend.add(project)  # the test moved some publication dates in the database
    engine.refresh()
    return made


def test_engine_counts_totals_and_lists_equal_brute_force(client, varied):
    assert check_against_brute_force(client) == len(COMBINATIONS)
    assert not facets._indexes  # no per-process index was built


def test_one_engine_request_per_registry_page(client, varied, monkeypatch):
    sent = []
    real = aggregations.send

    def counting(backend, index, body, **params):
        sent.append(body)
        return real(backend, index, body, **params)

    monkeypatch.setattr(aggregations, "send", counting)
    response = client.get(URL, {"theme": "feedback", "status": "active", "sort": "title"})
    assert response.status_code == 200
    assert len(sent) == 1
    body = sent[0]
    # Hits filtered after aggregating; each facet counted under the other selections only.
    assert body["post_filter"]["bool"]["filter"]
    theme_filters = body["aggs"]["theme"]["filter"]["bool"]["filter"]
    assert len(theme_filters) == 1 and "status" in str(theme_filters)
    assert "theme_slugs" not in str(theme_filters)


def test_a_repeated_listing_is_answered_by_the_engines_request_cache(client, varied, engine):
    # Another worker or host asking the same question (the per-process memo emptied here)
    # gets the engine's kept answer, until the index next changes.
    backend = engine.backend
    index = backend.get_index_for_model(ProjectPage).name

    def hits():
        stats = backend.es.indices.stats(index=index, metric="request_cache")
        return stats["_all"]["total"]["request_cache"]["hit_count"]

    # The index held still: every copy of every shard started (a replica starting between the
    # two requests moves where ``preference`` sends them) and merged into one segment (a
    # background merge opens a new reader at the next refresh, and a new reader starts an
    # empty cache). Outside a minute's last seconds too: the question names the staleness
    # cutoff to the minute, so a new minute asks a new question.
    backend.es.cluster.health(
        index=index, wait_for_no_initializing_shards=True, wait_for_no_relocating_shards=True
    )
    backend.es.indices.forcemerge(index=index, max_num_segments=1)
    engine.refresh()
    second = time.localtime().tm_sec
    if second >= 55:
        time.sleep(61 - second)
    params = {"theme": "feedback", "sort": "newest"}
    first = client.get(URL, params).context["registry"]
    before = hits()
    facets._searches.clear()
    again = client.get(URL, params).context["registry"]
    assert hits() > before
    assert again.total == first.total and again.page_pks == first.page_pks


def test_text_search_counts_come_from_the_engine_too(client, varied):
    response = client.get(URL, {"q": "project", "status": "active"})
    registry = response.context["registry"]
    assert not registry.degraded
    counts = {f.name: {o.value: o.count for o in f.options} for f in registry.facets}
    expected = ProjectPage.objects.live().filter(status="active").count()
    assert registry.total == expected
    assert sum(counts["status"].values()) == ProjectPage.objects.live().count()


def test_engine_failure_falls_back_to_the_database(client, varied, monkeypatch):
    from opensearchpy.exceptions import ConnectionError as EngineDown

    def broken(*args, **kwargs):
        raise EngineDown("N/A", "engine gone", None)

    monkeypatch.setattr(aggregations, "send", broken)
    response = client.get(URL, {"theme": "feedback"})
    assert response.status_code == 200
    registry = response.context["registry"]
    expected = ProjectPage.objects.live().filter(themes__slug="feedback").distinct().count()
    assert registry.total == expected
    assert not service.get_backend().is_available()


def test_bad_page_numbers_and_punctuation_land_somewhere_sensible(client, varied):
    last = client.get(URL, {"page": "9999"}).context["registry"]
    assert last.page.number == last.paginator.num_pages == 2  # 24 projects, 20 a page
    assert len(last.projects) == 4
    first = client.get(URL, {"page": "abc"}).context["registry"]
    assert first.page.number == 1 and len(first.projects) == 20
    nothing = client.get(URL, {"q": "!!!"}).context["registry"]
    assert nothing.total == 0 and not nothing.degraded
