"""The registry's facet counts on the database equal brute force, with the per-process
bitmask index (the default, ``REGISTRY_FACET_INDEX``) and with ORM counts; and counting
never touches the garbage collector."""

import copy
import gc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_site, make_taxonomy
from tests.registry_checks import COMBINATIONS, URL, check_against_brute_force, varied_projects
from tests.support.shared_data import module_transaction


@pytest.fixture(scope="module")
def _varied(django_db_setup, django_db_blocker):
    """Built once for the module (``tests/support/shared_data.py``); the tests only read it."""
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            _home, registry = make_site()
            made = varied_projects(registry, make_taxonomy())
        yield made


@pytest.fixture
def varied(_varied, db):
    return copy.deepcopy(_varied)


@pytest.mark.parametrize("use_index", [False, True], ids=["orm", "bitmask-index"])
def test_counts_totals_and_lists_equal_brute_force(client, varied, settings, use_index):
    settings.REGISTRY_FACET_INDEX = use_index
    assert check_against_brute_force(client) == len(COMBINATIONS)


def test_orm_counting_takes_a_few_queries_whatever_the_number_of_projects(client, varied, settings):
    settings.REGISTRY_FACET_INDEX = False
    client.get(URL)  # labels and the page's fragments are remembered after the first request
    with CaptureQueriesContext(connection) as plain:
        client.get(URL, {"sort": "title"})
    with CaptureQueriesContext(connection) as filtered:
        client.get(URL, {"sort": "title", "theme": "wellbeing", "status": "active"})
    # Unfiltered: one GROUP BY over the projects, one per many-to-many facet, the page.
    assert len(plain.captured_queries) <= 12
    # Each selected facet adds its own count (under the other filters) and no more.
    assert len(filtered.captured_queries) <= len(plain.captured_queries) + 4


@pytest.mark.parametrize("use_index", [False, True], ids=["orm", "bitmask-index"])
def test_counting_never_touches_the_garbage_collector(
    client, varied, settings, monkeypatch, use_index
):
    settings.REGISTRY_FACET_INDEX = use_index

    def forbidden(*args, **kwargs):
        raise AssertionError("the registry must not drive the garbage collector")

    for name in ("freeze", "unfreeze", "collect", "disable"):
        monkeypatch.setattr(gc, name, forbidden)
    assert client.get(URL, {"q": "project", "theme": "feedback"}).status_code == 200
    assert client.get(URL, {"sort": "newest"}).status_code == 200
    assert gc.get_freeze_count() == 0
