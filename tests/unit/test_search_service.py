"""The search service: ranking, filtering through the caller's queryset, bad input, fallback."""

import logging

import pytest
from django.test import override_settings

from hub.settings.base import search_backends
from projects.models import ProjectPage
from search import service
from search.service import clean_query, search_ids
from tests.factories import make_project


@pytest.fixture
def projects(registry):
    return [
        make_project(
            registry,
            title="Library opening hours",
            summary="Longer opening in exam weeks; the poll poll poll results guided it.",
        ),
        make_project(registry, title="Wellbeing poll", summary="Monthly questions."),
        make_project(registry, title="Sports fees", summary="Cheaper gym for apprentices."),
    ]


def test_title_match_ranks_first_even_when_the_body_repeats_the_word(projects):
    outcome = search_ids(ProjectPage.objects.live(), "poll")
    assert outcome.ids[0] == projects[1].pk
    assert set(outcome.ids) == {projects[0].pk, projects[1].pk}
    assert outcome.degraded is False


def test_results_respect_the_callers_queryset(projects):
    projects[1].unpublish()
    assert search_ids(ProjectPage.objects.live(), "poll").ids == [projects[0].pk]


def test_or_operator_matches_any_word(projects):
    ids = search_ids(ProjectPage.objects.live(), "gym wellbeing", operator="or").ids
    assert set(ids) == {projects[1].pk, projects[2].pk}
    assert search_ids(ProjectPage.objects.live(), "gym wellbeing").ids == []


def test_limit(projects):
    assert len(search_ids(ProjectPage.objects.live(), "poll", limit=1).ids) == 1


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        ("  wellbeing \x00 poll\n\t", "wellbeing poll"),
        ("", ""),
        (None, ""),
        ("é" * 500, "é" * 200),
    ],
)
def test_clean_query(raw, cleaned):
    assert clean_query(raw) == cleaned


def test_syntax_only_queries_search_nothing(projects):
    assert search_ids(ProjectPage.objects.live(), '"*()&|!:\\').ids == []


class _BrokenBackend:
    def search(self, *args, **kwargs):
        raise ConnectionError("engine down")


@override_settings(
    WAGTAILSEARCH_BACKENDS={
        "default": {"BACKEND": "search.database"},
        "database": {"BACKEND": "search.database"},
    }
)
def test_engine_failure_falls_back_to_the_database(projects, monkeypatch, caplog):
    real = service.get_search_backend

    def fake(name):
        return _BrokenBackend() if name == "default" else real(name)

    monkeypatch.setattr(service, "get_search_backend", fake)
    with caplog.at_level(logging.WARNING, logger="search.service"):
        outcome = search_ids(ProjectPage.objects.live(), "poll")
    assert outcome.degraded is True
    assert outcome.backend == "database"
    assert outcome.ids[0] == projects[1].pk
    assert "falling back" in caplog.text


def test_registry_shows_a_notice_when_search_is_degraded(client, projects, monkeypatch):
    monkeypatch.setattr(
        "projects.listing.search_ids",
        lambda *a, **k: service.SearchOutcome([projects[1].pk], degraded=True),
    )
    html = client.get("/en/projects/", {"q": "poll"}).content.decode()
    assert "simpler mode" in html
    assert "Wellbeing poll" in html


def test_a_backend_is_built_once_per_configuration():
    default = service.get_backend()
    assert service.get_backend() is default  # built once: its client keeps a pool
    engine = search_backends("opensearch2+http://127.0.0.1:9", index_prefix="unit")
    with override_settings(WAGTAILSEARCH_BACKENDS=engine):
        overridden = service.get_backend()
        assert overridden.is_engine and overridden is service.get_backend()
    back = service.get_backend()
    assert not getattr(back, "is_engine", False)  # the settings' own backend again
    assert service.get_backend() is back
