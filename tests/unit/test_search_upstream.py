"""search/upstream.py lists modelsearch's non-public parts that search/ relies on; an upgrade
that changes any of them must fail here, in CI, rather than silently in search."""

import pytest
from django.apps import apps
from django.db import connection

from search import upstream


def test_the_installed_modelsearch_still_has_every_part_we_rely_on():
    assert upstream.problems() == []


def test_a_changed_upstream_method_is_reported(monkeypatch):
    moved = upstream.Hook(
        "modelsearch.backends.opensearch3",
        "OpenSearch3Mapping",
        "_get_document_field_data",
        ("self", "field", "obj", "extra"),
        "a test",
    )
    gone = upstream.Hook(
        "modelsearch.backends.opensearch3", "OpenSearch3Mapping", "_no_such_method", (), "a test"
    )
    monkeypatch.setattr(upstream, "HOOKS", (moved, gone))
    monkeypatch.setattr(upstream, "installed_version", lambda: "2.0.0")
    found = upstream.problems()
    assert len(found) == 3
    assert "modelsearch 2.0.0" in found[0]
    assert "expected ('self', 'field', 'obj', 'extra')" in found[1]
    assert "_no_such_method" in found[2] and "missing" in found[2]


@pytest.mark.django_db
def test_the_index_tables_have_the_columns_we_write():
    entry = apps.get_model("wagtailsearch", "IndexEntry")
    columns = {field.column for field in entry._meta.concrete_fields}
    assert set(upstream.INDEX_ENTRY_COLUMNS) <= columns
    with connection.cursor() as cursor:
        described = connection.introspection.get_table_description(cursor, entry._meta.db_table)
    in_database = {row.name for row in described}
    assert set(upstream.INDEX_ENTRY_COLUMNS) <= in_database
    if connection.vendor == "postgresql":
        assert set(upstream.INDEX_ENTRY_POSTGRES_COLUMNS) <= in_database
    assert tuple(upstream.INDEX_ENTRY_UNIQUE) in entry._meta.unique_together
    if connection.vendor == "sqlite":
        fts = apps.get_model("wagtailsearch", "SQLiteFTSIndexEntry")
        names = {field.name for field in fts._meta.get_fields()}
        assert set(upstream.SQLITE_FTS_FIELDS) <= names


def test_modelsearch_postgres_reads_the_text_search_config_from_the_backend():
    """search.database chooses a configuration per language by giving the backend a ``config``
    property and its indexer a ``config``: Wagtail must keep reading them there."""
    from types import SimpleNamespace

    from modelsearch.backends.database.postgres.postgres import (
        ObjectIndexer,
        PostgresSearchQueryCompiler,
    )

    backend = SimpleNamespace(config="german", autocomplete_config="simple")
    assert PostgresSearchQueryCompiler.get_config(None, backend) == "german"
    indexer = ObjectIndexer(SimpleNamespace(get_search_fields=lambda: []), backend)
    assert indexer.config == "german"
