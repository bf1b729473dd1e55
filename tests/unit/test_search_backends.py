"""The engine backends' pieces that need no engine: documents, compiled queries, settings."""

import pytest
from django.test import override_settings
from modelsearch.backends import opensearch3

from hub.models import Theme
from hub.settings.base import search_backends
from projects.models import ProjectPage
from search import health, service
from search.backends import OpenSearch2SearchBackend
from search.engine_mapping import OpenSearchMapping
from tests.factories import make_project


@pytest.fixture
def engine_backend(db):
    """An engine backend object; nothing is sent to it (port 9 is never an engine)."""
    backends = search_backends("opensearch2+http://127.0.0.1:9,127.0.0.1:10", index_prefix="unit")
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        yield service.get_backend()
    health.reset()


def test_documents_are_the_same_as_wagtails(registry, taxonomy):
    t, u = taxonomy["themes"], taxonomy["units"]
    project = make_project(
        registry,
        title="Monthly wellbeing poll",
        summary="How students cope.",
        description=[("paragraph", "<p>Results feed the <b>review</b>.</p>")],
        themes=[t["wellbeing"], t["feedback"]],
        lead_unit=u["library"],
        how_officers_can_help="Run a stall.",
    )
    project = ProjectPage.objects.get(pk=project.pk)
    for obj in (project, registry.specific, registry.get_parent().specific, t["wellbeing"]):
        model = type(obj)
        ours = OpenSearchMapping(model).get_document(obj)
        wagtails = opensearch3.OpenSearch3Mapping(model).get_document(obj)
        assert ours == wagtails
    assert Theme.objects.count() == 3


def test_backend_class_alias_prefix_and_client_options(engine_backend):
    assert isinstance(engine_backend, OpenSearch2SearchBackend)
    assert engine_backend.alias == "default"
    assert engine_backend.index_prefix == "unit_"
    transport = engine_backend.es.transport
    assert transport.max_retries == 1  # two nodes: a refused connection tries the other
    assert transport.retry_on_timeout is False
    assert transport.kwargs["timeout"] == 5
    connections = transport.connection_pool.connections
    assert len(connections) == 2
    assert all(c.pool.pool.maxsize == 8 for c in connections)  # threads share the client


@pytest.mark.parametrize(
    ("has_stempel", "last_filters"),
    [
        (False, ["lowercase", "asciifolding"]),
        (True, ["polish_stop", "polish_stem", "asciifolding"]),
    ],
)
def test_polish_is_stemmed_only_by_an_engine_that_has_stempel(
    monkeypatch, has_stempel, last_filters
):
    params = search_backends("opensearch2+http://127.0.0.1:9", index_prefix="unit")["default"]
    params = {key: value for key, value in params.items() if key != "BACKEND"}
    asked = []

    def has_polish_stemmer(backend):
        asked.append(backend)
        return has_stempel

    monkeypatch.setattr(OpenSearch2SearchBackend, "has_polish_stemmer", has_polish_stemmer)
    backend = OpenSearch2SearchBackend(params)
    assert not asked  # not at start-up: only when an index is created
    for _ in range(2):
        analyzer = backend.settings["settings"]["analysis"]["analyzer"]["hub_polish"]
        assert analyzer["filter"][-len(last_filters) :] == last_filters
    assert asked == [backend]  # asked once


def test_without_an_engine_polish_is_folded():
    params = search_backends("opensearch2+http://127.0.0.1:9", index_prefix="unit")["default"]
    backend = OpenSearch2SearchBackend({k: v for k, v in params.items() if k != "BACKEND"})
    assert backend.has_polish_stemmer() is False  # port 9 refuses: nothing to ask


def test_queries_rank_whole_titles_first_and_tolerate_typos(engine_backend):
    queryset = ProjectPage.objects.live()
    exact = engine_backend._compile(queryset, "wellbeing poll", None, "and", False).get_query()
    match = exact["bool"]["must"]["multi_match"]
    assert match["operator"] == "and"
    assert "title.en^4.0" in match["fields"]  # the reader's language's sub-field
    assert "fuzziness" not in match
    fuzzy = engine_backend._compile(queryset, "welbeing", None, "and", True).get_query()
    options = fuzzy["bool"]["must"]["multi_match"]
    assert options["fuzziness"] == "AUTO"
    assert options["prefix_length"] == 1 and options["max_expansions"] == 20
    one_field = engine_backend._compile(queryset, "welbeing", ["summary"], "and", True)
    match = one_field.get_query()["bool"]["must"]["match"]
    assert next(iter(match.values()))["prefix_length"] == 1
    # The queryset's filters travel with the query.
    assert exact["bool"]["filter"] == [
        {"match": {"_django_content_type": "projects.ProjectPage"}},
        {"term": {"live_filter": True}},
    ]


def test_highlight_fields_are_the_text_fields_of_every_page_type(engine_backend):
    from wagtail.models import Page

    fields = engine_backend.highlight_fields(Page)
    assert "projects_projectpage__summary" in fields
    assert "projects_projectpage__description" in fields
    assert "title" not in fields


@pytest.mark.parametrize(
    "exc, outage",
    [
        ("connection", True),
        ("timeout", True),
        ("503", True),
        ("400", False),
        ("plain", False),
    ],
)
def test_only_outages_open_the_breaker(exc, outage):
    from opensearchpy import exceptions

    errors = {
        "connection": exceptions.ConnectionError("N/A", "refused", None),
        "timeout": exceptions.ConnectionTimeout("TIMEOUT", "slow", None),
        "503": exceptions.TransportError(503, "unavailable", {}),
        "400": exceptions.RequestError(400, "parsing_exception", {}),
        "plain": ValueError("bug"),
    }
    assert health.is_outage(errors[exc]) is outage


def test_breaker_opens_for_a_while_and_warns_once(settings):
    settings.SEARCH_ENGINE_RETRY_AFTER = 60
    health.reset()
    assert not health.is_down("k")
    health.mark_down("k")
    assert health.is_down("k")
    assert health.first_notice("k") and not health.first_notice("k")
    assert health.first_notice("k", "write") and not health.first_notice("k", "write")
    health.mark_up("k")
    assert not health.is_down("k") and health.first_notice("k")
    settings.SEARCH_ENGINE_RETRY_AFTER = 0
    health.mark_down("k")
    assert not health.is_down("k")
    health.reset()
