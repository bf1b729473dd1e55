"""The steps of ``bench/search_backends.py`` that run inside a configured Django process:
a fresh database, the site and its projects, bulk indexing into the engine, and measuring.
"""

import os
import sys
import time
from pathlib import Path


def fresh_database(sqlite_path):
    from django.db import connection

    if connection.vendor == "sqlite":
        connection.close()
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
        sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    else:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")


def build_site():
    from django.core.management import call_command

    from demo import content
    from hub.demo import DemoContext, ensure_home, ensure_locales, ensure_taxonomies
    from projects.demo import ensure_index

    call_command("migrate", verbosity=0)
    ctx = DemoContext(stdout=sys.stderr)
    ctx.locale = ensure_locales()
    ctx.home = ensure_home(ctx)
    ensure_taxonomies(ctx, content.taxonomies())
    ensure_index(ctx)


def generate_projects(projects):
    from bench.generators import generate
    from projects.models import ProjectPage

    started = time.perf_counter()
    # The database's own search index is only needed when a database backend is measured.
    index = os.environ.get("BENCH_DATABASE_INDEX", "1") != "0"
    generate(projects - ProjectPage.objects.count(), seed=projects, batch_size=2000, index=index)
    return round(time.perf_counter() - started, 1)


def bulk_index():
    """Index every project into a fresh engine index; the rate is what a rebuild achieves.

    As a rebuild would: refresh off and an asynchronous translog while loading, then the usual
    settings back, one refresh, and a check that every project is searchable.
    """
    from bench.bulk_index import index_model
    from projects.models import ProjectPage
    from search.service import get_backend

    backend = get_backend()
    index = backend.get_index_for_model(ProjectPage)
    index.delete()
    backend.create_index(index)
    loading = {"refresh_interval": "-1", "translog.durability": "async"}
    backend.es.indices.put_settings(index=index.name, body={"index": loading}, request_timeout=120)
    started = time.perf_counter()
    count = index_model(backend, ProjectPage, index=index)
    serving = {"refresh_interval": "1s", "translog.durability": "request"}
    backend.es.indices.put_settings(index=index.name, body={"index": serving}, request_timeout=120)
    backend.es.indices.refresh(index=index.name, request_timeout=300)
    seconds = time.perf_counter() - started
    # As after any rebuild of a read-mostly index: merge the segments before serving (timed
    # apart; searching while the engine merges a freshly loaded index is not steady state).
    merge_started = time.perf_counter()
    backend.es.indices.forcemerge(index=index.name, max_num_segments=1, request_timeout=600)
    merge_seconds = time.perf_counter() - merge_started
    searchable = backend.es.count(
        index=index.name,
        body={"query": {"match": {"_django_content_type": "projects.ProjectPage"}}},
    )["count"]
    if searchable != count:
        raise RuntimeError(f"indexed {count} projects but {searchable} are searchable")
    return round(seconds, 1), count, round(merge_seconds, 1)


def forget_engine_answers():
    """Empty the engine's request cache, so that a measured query is not answered from an
    earlier run's (the registry asks the engine to keep its answers, search.aggregations)."""
    from search.service import engine

    backend = engine()
    if backend is not None:
        backend.es.indices.clear_cache(index=f"{backend.index_prefix}*", request=True)


def measure(queries_count, warmup):
    from django.test import Client

    from bench.common import registry_queries, summarise
    from projects import facets
    from projects.listing import SEARCH_LIMIT
    from projects.models import ProjectPage
    from search.service import search_ids

    client = Client()
    queries = registry_queries(queries_count, seed=7)
    started = time.perf_counter()
    client.get("/en/projects/")
    cold_ms = (time.perf_counter() - started) * 1000
    # Warm up with a different mix of the same kind (the engine's JIT and caches, the
    # database's buffers, this process's imports): steady state is what readers meet, and no
    # measured query has been seen before.
    for params in registry_queries(warmup, seed=8):
        facets._searches.clear()
        client.get("/en/projects/", params)
    forget_engine_answers()
    request_ms, search_ms, degraded = [], [], 0
    locale_queryset = ProjectPage.objects.live()
    for params in queries:
        facets._searches.clear()
        started = time.perf_counter()
        response = client.get("/en/projects/", params)
        request_ms.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{params} answered {response.status_code}")
        degraded += int(b"results may be less precise" in response.content)
        text = dict(params).get("q")
        if text:
            started = time.perf_counter()
            outcome = search_ids(locale_queryset, text, limit=SEARCH_LIMIT, exact=False)
            search_ms.append((time.perf_counter() - started) * 1000)
            degraded += int(outcome.degraded)
    if degraded:
        raise RuntimeError(f"{degraded} searches fell back to the database")
    return {
        "request": summarise(request_ms),
        "search": summarise(search_ms) if search_ms else None,
        "first_request_ms": round(cold_ms, 1),
    }
