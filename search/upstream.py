"""The parts of modelsearch that are not its public API, and that ``search/`` relies on.

``search/backends.py`` (with ``search/engine_search.py``, ``engine_mapping.py`` and
``engine_queries.py``) and ``search/database.py`` speed up modelsearch by overriding some of its
underscore methods and by writing its index tables directly (one upsert per batch on
PostgreSQL, the full-text table's ``MATCH`` on SQLite). modelsearch documents none of these, so
any release may change them.
Everything they rely on is listed here, once, and ``tests/unit/test_search_upstream.py`` checks
it against the installed modelsearch: an upgrade that moves or renames one fails that test in
CI, rather than search quietly going wrong.

When it fails: read the new modelsearch's code for the named method, adapt the override that
uses it (the ``used_by`` note), then widen :data:`SUPPORTED_VERSIONS`.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import version

# The modelsearch releases these overrides were written for and checked against.
SUPPORTED_VERSIONS = ("1.3.",)


@dataclass(frozen=True)
class Hook:
    """A private method (or attribute) of an upstream class, and the parameters we call it with."""

    module: str
    owner: str  # dotted path inside the module: a class, or "Class.attribute_class"
    name: str
    parameters: tuple[str, ...] | None  # None: an attribute, not a method
    used_by: str
    vendor: str | None = None  # only on this database (its modules load only there)


HOOKS = (
    Hook(
        "modelsearch.backends.opensearch3",
        "OpenSearch3SearchResults",
        "_backend_do_search",
        ("self", "body", "kwargs"),
        "search.engine_search.EngineQueryMixin._raw_search (ids from doc values, one request)",
    ),
    Hook(
        "modelsearch.backends.opensearch3",
        "OpenSearch3Mapping",
        "_get_document_field_data",
        ("self", "field", "obj"),
        "search.engine_mapping.FastMappingMixin (field bookkeeping once per field)",
    ),
    Hook(
        "modelsearch.backends.opensearch3",
        "OpenSearch3Mapping",
        "_clean_value",
        ("self", "value"),
        "search.engine_mapping.FastMappingMixin",
    ),
    Hook(
        "modelsearch.backends.opensearch3",
        "OpenSearch3SearchQueryCompiler",
        "_compile_fuzzy_query",
        ("self", "query", "fields"),
        "search.engine_queries.TitleFirstCompilerMixin (cheaper fuzzy options)",
    ),
    Hook(
        "modelsearch.backends.opensearch3",
        "OpenSearch3SearchQueryCompiler",
        "_compile_plaintext_query",
        ("self", "query", "fields", "boost"),
        "search.engine_stems.StemsCompilerMixin (Polish words stemmed for the stems fields)",
    ),
    Hook(
        "modelsearch.backends.opensearch3",
        "OpenSearch3SearchQueryCompiler",
        "_compile_phrase_query",
        ("self", "query", "fields"),
        "search.engine_stems.StemsCompilerMixin",
    ),
    Hook(
        "modelsearch.backends.opensearch3",
        "OpenSearch3SearchQueryCompiler",
        "_remap_fields",
        ("self", "fields"),
        "search.engine_queries.TitleFirstCompilerMixin (title boosted when searching all fields)",
    ),
    Hook(
        "modelsearch.backends.elasticsearch8",
        "Elasticsearch8Mapping",
        "_get_document_field_data",
        ("self", "field", "obj"),
        "search.engine_mapping.FastMappingMixin",
    ),
    Hook(
        "modelsearch.backends.elasticsearch8",
        "Elasticsearch8SearchQueryCompiler",
        "_compile_fuzzy_query",
        ("self", "query", "fields"),
        "search.engine_queries.TitleFirstCompilerMixin",
    ),
    Hook(
        "modelsearch.backends.elasticsearch8",
        "Elasticsearch8SearchQueryCompiler",
        "_compile_plaintext_query",
        ("self", "query", "fields", "boost"),
        "search.engine_stems.StemsCompilerMixin",
    ),
    Hook(
        "modelsearch.backends.elasticsearch8",
        "Elasticsearch8SearchQueryCompiler",
        "_compile_phrase_query",
        ("self", "query", "fields"),
        "search.engine_stems.StemsCompilerMixin",
    ),
    Hook(
        "modelsearch.backends.database.postgres.postgres",
        "PostgresIndex",
        "_refresh_title_norms",
        ("self", "full"),
        "search.database IncrementalTitleNormIndex (norms of the rows just written only)",
    ),
    Hook(
        "modelsearch.backends.database.postgres.postgres",
        "PostgresIndex",
        "add_items",
        ("self", "model", "objs"),
        "search.database IncrementalTitleNormIndex.add_items (its own upsert SQL)",
    ),
    Hook(
        "modelsearch.backends.database.postgres.postgres",
        "ObjectIndexer",
        "prepare_field",
        ("self", "obj", "field"),
        "search.database OnePassObjectIndexer (each field read once)",
    ),
    Hook(
        "modelsearch.backends.database.postgres.postgres",
        "ObjectIndexer",
        "as_vector",
        ("self", "texts", "for_autocomplete"),
        "search.database OnePassObjectIndexer",
    ),
    Hook(
        "modelsearch.backends.database.postgres.postgres",
        "ObjectIndexer",
        "__init__",
        ("self", "obj", "backend"),
        "search.database OnePassObjectIndexer (its ``config``: the page's language's)",
    ),
    Hook(
        "modelsearch.backends.database.postgres.postgres",
        "PostgresSearchQueryCompiler",
        "get_config",
        ("self", "backend"),
        "search.database RankedPostgresSearchBackend.config (the reader's language's)",
    ),
    Hook(
        "modelsearch.backends.database.sqlite.sqlite",
        "SQLiteSearchQueryCompiler",
        "build_search_query_content",
        ("self", "query", "config"),
        "search.database_sqlite StemmingSQLiteQueryCompiler (stemmed FTS5 query for search())",
        "sqlite",
    ),
    Hook(
        "modelsearch.backends.database.sqlite.sqlite",
        "SQLiteAutocompleteQueryCompiler",
        "build_search_query_content",
        ("self", "query", "config"),
        "search.database_sqlite QuotedSQLiteAutocompleteQueryCompiler (quoted autocomplete)",
        "sqlite",
    ),
    Hook(
        "modelsearch.backends.database.sqlite.sqlite",
        "SQLiteIndex",
        "add_items",
        ("self", "model", "objs"),
        "search.database_sqlite StemmingSQLiteIndex.add_items (stemmed title and body)",
        "sqlite",
    ),
    Hook(
        "modelsearch.backends.database.sqlite.sqlite",
        "SQLiteIndex",
        "_refresh_title_norms",
        ("self", "full"),
        "search.database_sqlite StemmingSQLiteIndex.add_items",
        "sqlite",
    ),
    Hook(
        "modelsearch.backends.database.sqlite.sqlite",
        "ObjectIndexer",
        "prepare_field",
        ("self", "obj", "field"),
        "search.database_sqlite StemmingObjectIndexer (each field read once)",
        "sqlite",
    ),
    Hook(
        "modelsearch.backends.database.sqlite.sqlite",
        "ObjectIndexer",
        "__init__",
        ("self", "obj", "backend"),
        "search.database_sqlite StemmingObjectIndexer",
        "sqlite",
    ),
    Hook(
        "modelsearch.backends.database.sqlite.query",
        "MatchExpression",
        "__init__",
        ("self", "columns", "query"),
        "search.database_sqlite (MATCH with our own FTS5 expression, given as a Value)",
        "sqlite",
    ),
    Hook(
        "modelsearch.backends.database.sqlite.query",
        "SearchQueryExpression",
        "__init__",
        ("self", "value", "using", "extra"),
        "search.database_sqlite StemmingSQLiteQueryCompiler (wraps our FTS5 expression)",
        "sqlite",
    ),
)

# Columns of modelsearch's tables that search/database.py writes or filters on directly.
INDEX_ENTRY_COLUMNS = (
    "content_type_id",
    "object_id",
    "title",
    "autocomplete",
    "body",
    "title_norm",
)
INDEX_ENTRY_POSTGRES_COLUMNS = ("title_text", "body_text")
INDEX_ENTRY_UNIQUE = ("content_type", "object_id")  # the upsert's ON CONFLICT target
SQLITE_FTS_FIELDS = ("title", "body", "autocomplete", "index_entry")


def installed_version() -> str:
    return version("modelsearch")


def _resolve(hook: Hook):
    target = import_module(hook.module)
    for part in hook.owner.split("."):
        target = getattr(target, part)
    return target


def problems(vendor: str | None = None) -> list[str]:
    """What no longer matches the installed modelsearch (empty when everything does), for the
    hooks that apply on database ``vendor`` (default: the one in use)."""
    if vendor is None:
        from django.db import connection

        vendor = connection.vendor
    found = []
    current = installed_version()
    if not current.startswith(SUPPORTED_VERSIONS):
        found.append(f"modelsearch {current} is not one of {SUPPORTED_VERSIONS} (see this module)")
    for hook in HOOKS:
        if hook.vendor is not None and hook.vendor != vendor:
            continue
        label = f"{hook.module}.{hook.owner}.{hook.name} (used by {hook.used_by})"
        try:
            owner = _resolve(hook)
        except (ImportError, AttributeError):
            found.append(f"{label}: {hook.owner} is gone")
            continue
        member = inspect.getattr_static(owner, hook.name, None)
        if member is None:
            found.append(f"{label}: missing")
            continue
        if hook.parameters is not None:
            names = tuple(inspect.signature(getattr(owner, hook.name)).parameters)
            if names != hook.parameters:
                found.append(f"{label}: parameters {names}, expected {hook.parameters}")
    return found
