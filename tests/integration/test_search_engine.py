"""The search service against a real OpenSearch cluster (``make test-engine``).

Indexing and live updates, filters, facets, autocomplete, fuzzy matching, highlighting, the
reader's language, falling back to the database when the engine goes away, catching up the
writes it missed, and a node of the cluster stopping mid-run.
"""

import json
import logging
import os
import socket
import threading
import time

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale, Page

from hub.settings.base import search_backends
from projects.models import ProjectPage
from search import health, service
from search.models import REBUILD, IndexBacklog
from tests.factories import make_project
from tests.integration.conftest import ops

pytestmark = pytest.mark.engine

SEARCH = "/en/search/"


def titles(response):
    return [r.page.title for r in response.context["search"].results]


def registry_titles(response):
    return [p.title for p in response.context["registry"].projects]


@pytest.fixture
def projects(engine, registry, taxonomy):
    t, u = taxonomy["themes"], taxonomy["units"]
    made = {
        "poll": make_project(
            registry,
            title="Monthly wellbeing poll",
            summary="A short poll each month on how students are coping with their studies.",
            themes=[t["wellbeing"], t["feedback"]],
            lead_unit=u["student-services"],
        ),
        "ramps": make_project(
            registry,
            title="Step-free access audit",
            summary="Checking lecture rooms for step-free routes and quiet wellbeing spaces.",
            status=ProjectPage.Status.PAUSED,
            stopped_reason="Paused while the estates team replaces the lifts.",
            themes=[t["accessibility"]],
            lead_unit=u["library"],
        ),
        "survey": make_project(
            registry,
            title="End of module survey",
            summary="Course feedback collected in the last week of each module.",
            description=[("paragraph", "<p>Results feed the <b>wellbeing</b> review too.</p>")],
            themes=[t["feedback"]],
            lead_unit=u["student-services"],
        ),
    }
    engine.refresh()
    return made


def test_configuration_reaches_the_engine_and_its_client(engine, settings):
    backend = engine.backend
    conf = settings.WAGTAILSEARCH_BACKENDS["default"]
    assert type(backend).__module__ == "search.backends"
    # Index names carry this run's prefix.
    prefix = os.environ["SEARCH_INDEX_PREFIX"].lower() + "_"
    assert backend.index_prefix == prefix
    assert engine.page_index().name == prefix + "wagtailcore_page"
    # INDEX_SETTINGS were merged into Wagtail's analysis settings, and the engine applied both.
    live = engine.es.indices.get_settings(index=engine.page_index().name)
    index_settings = next(iter(live.values()))["settings"]["index"]
    assert index_settings["number_of_replicas"] == str(
        conf["INDEX_SETTINGS"]["settings"]["index"]["number_of_replicas"]
    )
    assert index_settings["number_of_shards"] == "1"
    assert "edgengram_analyzer" in index_settings["analysis"]["analyzer"]
    # TIMEOUT and OPTIONS reach opensearch-py, with every node of the cluster.
    transport = engine.es.transport
    assert transport.kwargs["timeout"] == conf["TIMEOUT"]
    assert transport.max_retries == len(conf["URLS"]) - 1
    assert transport.retry_on_timeout is False
    assert len(transport.hosts) == len(conf["URLS"])
    # The database backend is kept as the fallback.
    assert settings.WAGTAILSEARCH_BACKENDS["database"]["BACKEND"].endswith(".database")


def test_publishing_indexes_and_search_finds_it(client, projects, engine):
    assert {projects[k].pk for k in projects} <= engine.document_ids()
    response = client.get(SEARCH, {"q": "coping"})
    assert titles(response) == ["Monthly wellbeing poll"]
    assert not response.context["search"].degraded
    assert titles(client.get(SEARCH, {"q": "module"})) == ["End of module survey"]


def test_title_matches_rank_first(client, projects):
    found = titles(client.get(SEARCH, {"q": "wellbeing"}))
    assert found[0] == "Monthly wellbeing poll"
    assert set(found) == {
        "Monthly wellbeing poll",
        "Step-free access audit",
        "End of module survey",
    }


def test_live_updates_on_edit_unpublish_and_delete(client, projects, engine):
    poll = projects["poll"]
    poll.title = "Termly wellbeing check-in"
    poll.save_revision().publish()
    engine.refresh()
    assert titles(client.get(SEARCH, {"q": "termly"})) == ["Termly wellbeing check-in"]
    # The old title is gone from the index ("monthly" would still find "month" fuzzily).
    assert service.search_ids(ProjectPage.objects.live(), "monthly", fuzzy=False).ids == []

    poll.unpublish()
    engine.refresh()
    assert titles(client.get(SEARCH, {"q": "termly"})) == []
    response = client.get("/en/projects/", {"q": "termly"})
    assert not response.context["registry"].degraded
    assert registry_titles(response) == []

    pk = projects["survey"].pk
    projects["survey"].delete()
    assert pk not in engine.document_ids()
    assert titles(client.get(SEARCH, {"q": "module"})) == []
    assert not IndexBacklog.objects.exists()


def test_engine_side_filters(projects):
    paused = ProjectPage.objects.live().filter(status=ProjectPage.Status.PAUSED)
    outcome = service.search_ids(paused, "wellbeing")
    assert not outcome.degraded
    assert outcome.ids == [projects["ramps"].pk]
    outcome = service.search_ids(ProjectPage.objects.live(), "wellbeing", fields=["title"])
    assert outcome.ids == [projects["poll"].pk]


def test_registry_filters_and_facet_counts(client, projects):
    response = client.get("/en/projects/", {"q": "wellbeing"})
    registry = response.context["registry"]
    assert not registry.degraded
    counts = {f.name: {o.value: o.count for o in f.options} for f in registry.facets}
    assert counts["status"] == {"active": 2, "paused": 1}
    assert counts["theme"] == {"wellbeing": 1, "feedback": 2, "accessibility": 1}
    assert counts["unit"] == {"student-services": 2, "library": 1}
    response = client.get("/en/projects/", {"q": "wellbeing", "theme": "feedback"})
    assert set(registry_titles(response)) == {"Monthly wellbeing poll", "End of module survey"}


def test_site_search_facets(client, projects):
    response = client.get(SEARCH, {"q": "wellbeing", "theme": "accessibility"})
    assert titles(response) == ["Step-free access audit"]
    facets = response.context["search"].facets
    assert {o.value: o.count for o in facets["type"].options} == {"projects.projectpage": 1}


def test_autocomplete_from_the_engine(client, projects):
    data = json.loads(client.get("/en/search/suggest/", {"q": "wellb"}).content)
    assert data["degraded"] is False
    assert "Monthly wellbeing poll" in [r["title"] for r in data["results"]]
    # Autocomplete also looks at project summaries (an AutocompleteField).
    data = json.loads(client.get("/en/search/suggest/", {"q": "lectu"}).content)
    assert [r["title"] for r in data["results"]] == ["Step-free access audit"]


def test_fuzzy_matching_tolerates_typos(client, projects):
    response = client.get(SEARCH, {"q": "welbeing pol"})
    result = response.context["search"]
    assert titles(response) == ["Monthly wellbeing poll"]
    assert result.fuzzy and not result.degraded
    assert "so these are close matches" in response.content.decode()
    # Exact matches are not diluted by near misses.
    exact = service.search_ids(ProjectPage.objects.live(), "poll")
    assert exact.ids == [projects["poll"].pk] and not exact.fuzzy


def test_registry_tolerates_typos_too(client, projects):
    response = client.get("/en/projects/", {"q": "surevy"})
    assert registry_titles(response) == ["End of module survey"]


def test_highlighting_comes_from_the_engine_and_is_escaped(client, projects, registry, engine):
    make_project(
        registry,
        title="Script kiddie check",
        summary='Wellbeing <script>alert("x")</script> & friends',
    )
    engine.refresh()
    html = client.get(SEARCH, {"q": "welbeing"}).content.decode()  # a typo: only the engine
    assert "<mark>wellbeing</mark> spaces" in html  # can mark the word it matched fuzzily
    assert "<mark>Wellbeing</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert '<script>alert("x")</script>' not in html
    # Body text from the stream field, with its markup gone.
    assert "<mark>wellbeing</mark> review too" in html


def test_language_german_page_found_in_german_only(client, projects, engine):
    de = Locale.objects.get(language_code="de")
    german = projects["poll"].copy_for_translation(de, copy_parents=True)
    german.title = "Monatliche Umfrage zum Wohlbefinden"
    german.summary = "Eine kurze Umfrage jeden Monat dazu, wie es den Studierenden geht."
    german.save_revision().publish()
    engine.refresh()
    response = client.get("/de/search/", {"q": "Wohlbefinden"})
    assert titles(response) == [german.title]
    assert not response.context["search"].degraded
    assert titles(client.get(SEARCH, {"q": "Wohlbefinden"})) == []
    assert registry_titles(client.get("/en/projects/", {"q": "Umfrage"})) == []


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def unreachable(settings):
    """The same index prefix, but the engine at a port nobody listens on."""
    conf = settings.WAGTAILSEARCH_BACKENDS["default"]
    backends = search_backends(f"opensearch2+http://127.0.0.1:{closed_port()}")
    backends["default"]["INDEX_PREFIX"] = conf["INDEX_PREFIX"]
    return override_settings(WAGTAILSEARCH_BACKENDS=backends)


def test_engine_gone_searches_fall_back_then_catch_up_finds_new_work(
    client, projects, registry, engine, settings, caplog
):
    with unreachable(settings):
        with caplog.at_level(logging.WARNING):
            project = make_project(registry, title="Peer mentoring scheme")  # saved regardless
            response = client.get(SEARCH, {"q": "mentoring"})
        assert response.status_code == 200
        assert response.context["search"].degraded
        assert titles(response) == ["Peer mentoring scheme"]  # the database answered
        assert "results may be less precise" in response.content.decode()
        assert any("falling back to the database" in r.message for r in caplog.records)
        assert any("queued for catch-up" in r.message for r in caplog.records)
    assert IndexBacklog.objects.filter(object_pk=str(project.pk)).exists()

    # The engine is back (the settings name it again), but has not seen the new project yet.
    health.reset()
    engine.refresh()
    assert project.pk not in engine.document_ids()

    call_command("search_catch_up")
    assert not IndexBacklog.objects.exists()
    response = client.get(SEARCH, {"q": "mentoring"})
    assert not response.context["search"].degraded
    assert titles(response) == ["Peer mentoring scheme"]


def test_catch_up_removes_what_was_deleted_meanwhile(client, projects, engine, settings):
    pk = projects["ramps"].pk
    with unreachable(settings):
        projects["ramps"].delete()
    assert pk in engine.document_ids()
    call_command("search_catch_up")
    assert pk not in engine.document_ids()
    assert not IndexBacklog.objects.exists()


def test_missing_index_is_created_with_mappings_and_rebuilt(client, projects, registry, engine):
    engine.drop_page_index()
    make_project(registry, title="Peer mentoring scheme")  # recreates the index properly
    mapping = engine.es.indices.get_mapping(index=engine.page_index().name)
    properties = next(iter(mapping.values()))["mappings"]["properties"]
    assert properties["pk"] == {"type": "keyword", "store": True}
    assert IndexBacklog.objects.filter(model_label=REBUILD).exists()
    engine.refresh()
    # Only the new page is in the recreated index until the catch-up rebuilds it.
    assert titles(client.get(SEARCH, {"q": "coping"})) == []
    call_command("search_catch_up")
    assert not IndexBacklog.objects.exists()
    assert titles(client.get(SEARCH, {"q": "coping"})) == ["Monthly wellbeing poll"]
    assert titles(client.get(SEARCH, {"q": "mentoring"})) == ["Peer mentoring scheme"]


def test_update_index_rebuilds_everything(client, projects, engine):
    engine.clear_pages()
    assert titles(client.get(SEARCH, {"q": "coping"})) == []
    call_command("update_index", verbosity=0)
    engine.backend.forget_indexes()
    assert titles(client.get(SEARCH, {"q": "coping"})) == ["Monthly wellbeing poll"]


def test_a_node_stops_mid_run_and_searches_keep_answering(client, projects, engine, settings):
    urls = settings.WAGTAILSEARCH_BACKENDS["default"]["URLS"]
    if len(urls) < 3 or not os.environ.get("OPS_STATE_DIR"):
        pytest.skip("needs the 3-node cluster that `make test-engine` starts (OPS_STATE_DIR)")
    # Replicas: every shard has a copy on another node.
    health_ = engine.es.cluster.health(wait_for_status="green", request_timeout=90)
    assert health_["number_of_nodes"] == 3 and health_["status"] == "green"

    answers, stop = [], threading.Event()

    def searcher():
        from django.db import connection

        try:
            while not stop.is_set():
                outcome = service.search_ids(ProjectPage.objects.all(), "wellbeing")
                answers.append((outcome.degraded, len(outcome.ids)))
        finally:
            connection.close()

    thread = threading.Thread(target=searcher)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while len(answers) < 20 and time.monotonic() < deadline:
            time.sleep(0.05)
        before = len(answers)
        ops("stop-node", "1")  # the node behind the second URL
        deadline = time.monotonic() + 20
        while len(answers) < before + 50 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join(timeout=30)
    try:
        assert len(answers) >= before + 50
        # Every search, before, during and after the stop, was answered by the engine.
        assert all(not degraded and count == 3 for degraded, count in answers)
        response = client.get(SEARCH, {"q": "wellbeing"})
        assert not response.context["search"].degraded and len(titles(response)) == 3
    finally:
        ops("start-node", "1")
        engine.es.cluster.health(wait_for_status="green", request_timeout=90)
    health.reset()


def test_index_write_failure_never_breaks_a_save(registry, engine, settings, caplog):
    with unreachable(settings), caplog.at_level(logging.WARNING):
        project = make_project(registry, title="Careers fair stalls")
        project.title = "Careers fair stands"
        project.save_revision().publish()
        project.unpublish()
    project.refresh_from_db()
    assert project.title == "Careers fair stands" and not project.live
    assert IndexBacklog.objects.filter(object_pk=str(project.pk)).count() == 1
    assert Page.objects.filter(pk=project.pk).exists()


def test_a_section_moved_under_a_private_page_leaves_public_search(
    client, projects, registry, engine, django_capture_on_commit_callbacks
):
    from wagtail.models import Page, PageViewRestriction

    from tests.factories import make_page

    members = make_page(registry.get_parent(), Page, title="Members only", slug="members")
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    assert "Monthly wellbeing poll" in titles(client.get(SEARCH, {"q": "wellbeing"}))
    with django_capture_on_commit_callbacks(execute=True):
        registry.move(members, pos="last-child")
    engine.refresh()
    # The projects' new paths reached the engine, so public() now filters them out there.
    assert titles(client.get(SEARCH, {"q": "wellbeing"})) == []
    assert not IndexBacklog.objects.exists()
