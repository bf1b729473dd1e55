"""Fixtures for tests against a real search engine (``make test-engine`` starts one).

Each run uses its own index prefix (``SEARCH_INDEX_PREFIX``); the indexes are created once per
session with Wagtail's mappings, the page index is emptied before every test (the database is
rolled back between tests, so the index has to forget too), and everything with the prefix is
deleted at the end.
"""

import os
import subprocess
from pathlib import Path

import pytest

from search import health, service

REPO = Path(__file__).resolve().parents[2]
OPS_SCRIPT = REPO / "ops" / "opensearch.sh"


class Engine:
    """The configured engine backend, with helpers for tests."""

    def __init__(self, backend):
        self.backend = backend
        self.es = backend.es

    def page_index(self):
        from wagtail.models import Page

        return self.backend.get_index_for_model(Page)

    def refresh(self):
        self.backend.refresh_indexes()

    def document_ids(self):
        self.refresh()
        response = self.es.search(
            index=self.page_index().name, body={"query": {"match_all": {}}}, size=1000
        )
        return {int(hit["_id"]) for hit in response["hits"]["hits"]}

    def drop_page_index(self):
        index = self.page_index()
        if index.is_alias():  # left by update_index's atomic rebuild
            for real in index.aliased_indices():
                real.delete()
        else:
            index.delete()
        self.backend.forget_indexes()

    def clear_pages(self):
        index = self.page_index()
        if index.is_alias():
            self.drop_page_index()
            self.backend.create_index(index)
        self.es.delete_by_query(
            index=index.name,
            body={"query": {"match_all": {}}},
            params={"refresh": "true", "conflicts": "proceed"},
        )


def _drop_prefixed(backend):
    prefix = backend.index_prefix
    assert prefix, "engine tests need a non-empty SEARCH_INDEX_PREFIX"
    existing = backend.es.indices.get(index=f"{prefix}*")
    for name in existing:
        backend.es.indices.delete(index=name)


@pytest.fixture(scope="session")
def engine_session():
    backend = service.get_backend()
    if not getattr(backend, "is_engine", False):
        pytest.fail("SEARCH_URL is set but does not name an engine")
    backend.ping()
    _drop_prefixed(backend)
    for index in backend.all_indexes():
        backend.create_index(index)
    yield Engine(backend)
    _drop_prefixed(service.get_backend())


@pytest.fixture
def engine(engine_session, db):
    """A clean, healthy engine for one test."""
    health.reset()
    # The registry memoises its facet index and recent searches per process; the index was just
    # emptied, so the memos start empty too.
    from projects import facets

    facets._indexes.clear()
    facets._searches.clear()
    engine_session.backend.forget_indexes()
    engine_session.clear_pages()
    yield Engine(service.get_backend())
    health.reset()


def ops(*args, timeout=180):
    """Run ``ops/opensearch.sh`` against this run's cluster (``OPS_STATE_DIR``)."""
    result = subprocess.run(
        [str(OPS_SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=os.environ.copy(),
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(f"ops/opensearch.sh {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout.strip()
