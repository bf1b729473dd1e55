"""An unreachable engine: searches fall back to the database, saves still succeed and are queued.

These run without an engine: ``SEARCH_URL`` points at a closed port on 127.0.0.1, which is as
unreachable as an engine gets. (``tests/integration/test_search_engine.py`` does the same with a
real engine that goes away and comes back.)
"""

import json
import logging
import socket

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from hub.settings.base import search_backends
from search import health, service
from search.models import IndexBacklog
from tests.factories import make_project


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def dead_engine(settings):
    """An engine configured at a port nobody listens on, with the database as fallback."""
    backends = search_backends(
        f"opensearch2+http://127.0.0.1:{closed_port()}?timeout=2", index_prefix="dead"
    )
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        health.reset()
        yield service.get_backend()
    health.reset()


@pytest.fixture
def projects(registry):
    return [
        make_project(registry, title="Monthly wellbeing poll", summary="How students cope."),
        make_project(registry, title="Course feedback survey", summary="End of module."),
    ]


def test_search_falls_back_to_the_database_with_a_notice(client, projects, dead_engine, caplog):
    with caplog.at_level(logging.WARNING, logger="search.service"):
        response = client.get("/en/search/", {"q": "wellbeing"})
    assert response.status_code == 200
    assert [r.page.title for r in response.context["search"].results] == ["Monthly wellbeing poll"]
    assert response.context["search"].degraded
    assert "results may be less precise" in response.content.decode()
    assert any("falling back to the database" in r.message for r in caplog.records)
    # The breaker is now open: the next searches do not wait for the engine at all.
    assert health.is_down(dead_engine.health_key)
    assert client.get("/en/search/", {"q": "survey"}).context["search"].degraded


def test_registry_and_suggestions_fall_back_too(client, projects, dead_engine):
    response = client.get("/en/projects/", {"q": "wellbeing"})
    assert response.status_code == 200
    assert response.context["registry"].degraded
    assert [p.title for p in response.context["registry"].projects] == ["Monthly wellbeing poll"]
    suggest = client.get("/en/search/suggest/", {"q": "wellb"})
    data = json.loads(suggest.content)
    assert data["degraded"] is True
    assert [r["title"] for r in data["results"]] == ["Monthly wellbeing poll"]
    assert "max-age=0" in suggest["Cache-Control"]  # not cached while degraded


def test_publishing_while_the_engine_is_down_saves_and_queues(registry, dead_engine, caplog):
    with caplog.at_level(logging.WARNING, logger="search.backends"):
        project = make_project(registry, title="Peer mentoring scheme")
    project.refresh_from_db()
    assert project.live and project.title == "Peer mentoring scheme"
    queued = IndexBacklog.objects.get(model_label="projects.projectpage", object_pk=str(project.pk))
    assert queued.backend == "default"
    assert queued.attempts >= 1
    assert any("queued for catch-up" in r.message for r in caplog.records)

    # Further writes to the same object refresh the one row; deleting is queued as well.
    project.title = "Peer mentoring circles"
    project.save_revision().publish()
    assert IndexBacklog.objects.filter(object_pk=str(project.pk)).count() == 1
    pk = project.pk
    project.delete()
    assert IndexBacklog.objects.filter(object_pk=str(pk)).exists()


def test_new_content_is_found_in_the_database_meanwhile(client, registry, dead_engine):
    make_project(registry, title="Peer mentoring scheme")
    response = client.get("/en/search/", {"q": "mentoring"})
    assert [r.page.title for r in response.context["search"].results] == ["Peer mentoring scheme"]


def test_catch_up_refuses_while_the_engine_is_unreachable(registry, dead_engine):
    make_project(registry, title="Peer mentoring scheme")
    before = IndexBacklog.objects.count()
    assert before
    with pytest.raises(CommandError):
        call_command("search_catch_up")
    assert IndexBacklog.objects.count() == before


def test_catch_up_without_an_engine_has_nothing_to_do(db):
    from io import StringIO

    out = StringIO()
    call_command("search_catch_up", stdout=out)
    assert "nothing to do" in out.getvalue()


def test_catch_up_since_accepts_durations_and_dates():
    from search.management.commands.search_catch_up import parse_since

    assert parse_since("90m") < parse_since("1m")
    assert parse_since("2025-06-01T12:00").year == 2025
    with pytest.raises(CommandError):
        parse_since("yesterday")


def test_no_fallback_configured_means_an_empty_degraded_answer(registry, settings):
    backends = search_backends(f"opensearch2+http://127.0.0.1:{closed_port()}")
    del backends["database"]
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        from projects.models import ProjectPage

        make_project(registry, title="Peer mentoring scheme")
        outcome = service.search_ids(ProjectPage.objects.all(), "mentoring")
    assert outcome.degraded and outcome.ids == []


@pytest.mark.parametrize("path", ["/en/projects/", "/en/search/"])
def test_a_degraded_page_is_not_kept_by_the_page_cache(client, projects, dead_engine, path):
    with override_settings(PAGE_CACHE_SECONDS=300):
        first = client.get(path, {"q": "wellbeing"})
        second = client.get(path, {"q": "wellbeing"})
    assert "results may be less precise" in first.content.decode()
    assert first.get("X-Page-Cache") != "miss"  # "miss" means it was stored for others
    assert second.get("X-Page-Cache") != "hit"


def test_the_registry_page_is_cached_again_once_search_is_healthy(client, projects):
    with override_settings(PAGE_CACHE_SECONDS=300):
        # (A new search is never page-cached, so that each is counted: refine it by order.)
        search = {"q": "wellbeing", "sort": "relevance"}
        assert client.get("/en/projects/", search)["X-Page-Cache"] == "miss"
        assert client.get("/en/projects/", search)["X-Page-Cache"] == "hit"


def test_a_moved_section_queues_its_whole_subtree_for_the_engine(
    registry, projects, dead_engine, django_capture_on_commit_callbacks
):
    from wagtail.models import Page

    from tests.factories import make_page

    home = registry.get_parent()
    members = make_page(home, Page, title="Members only", slug="members")
    IndexBacklog.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        registry.move(members, pos="last-child")
    queued = set(
        IndexBacklog.objects.filter(model_label="projects.projectpage").values_list(
            "object_pk", flat=True
        )
    )
    assert queued == {str(p.pk) for p in projects}  # every project below, not only the moved page


def test_moving_a_page_without_an_engine_queues_nothing(registry, projects):
    from wagtail.models import Page

    from tests.factories import make_page

    members = make_page(registry.get_parent(), Page, title="Members only", slug="members")
    registry.move(members, pos="last-child")
    assert not IndexBacklog.objects.exists()
