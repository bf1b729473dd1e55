"""Registry search latency on OpenSearch, PostgreSQL and SQLite side by side, and the bulk
indexing rate into OpenSearch, at 100,000 projects.

    .venv/bin/python bench/search_backends.py          # or: make bench-search

It starts a throw-away PostgreSQL and a one-node OpenSearch with ``ops/`` (state in
``BENCH_OPS_STATE_DIR``, default ``/tmp/partnershiphub-bench-ops``), always stops them, and
runs each measurement in its own Python process (settings come from the environment):

1. **generate**: a fresh PostgreSQL database and a fresh SQLite file are filled at the same time
   by ``bench.generators.generate(N)`` (their database search indexes included).
2. **postgres**: the registry with PostgreSQL's database search, facets counted by each
   worker's bitmask index (the default); then **postgres_orm**: the same with
   ``REGISTRY_FACET_INDEX=false`` (the ORM counts), to show whether keeping that index pays.
3. **opensearch**: the same PostgreSQL data with ``SEARCH_URL`` set: every project is bulk
   indexed into a fresh OpenSearch index (timed: projects per second), then the registry with
   the engine doing the text search, the filters, the ordering and the facet counts (its
   aggregations, in the same request as the hits).
4. **sqlite**: the registry with SQLite's database search.

Latency is the server-side time of whole registry requests (text search, filters, facet counts,
page rendering) through Django's handler, over ``BENCH_QUERIES`` varied queries from
``bench.common.registry_queries`` (the registry benchmark's mix), after a warm-up of
``BENCH_WARMUP`` (100) other queries of the same mix. The registry's memo of recent searches
is emptied before every request so that each one reaches the backend being measured. The
text-search step alone (``search_ids``, with the registry's limit of 1,000 best matches) is
timed as well.

OpenSearch runs with the full JIT (as on a server; ``ops/opensearch.sh`` defaults to the quick
first compiler for tests). With ``BENCH_BACKENDS=opensearch`` the database's own search index
is not filled (``BENCH_DATABASE_INDEX=0``): nothing searches it, and filling it is most of
the time generating takes.

**Measuring again without loading again.** Each step can be run by hand against services that
stay up, so that 100,000 projects are generated and indexed once and measured many times
(settings and services from the environment, as the orchestrator passes them)::

    export OPS_STATE_DIR=/tmp/bench-ops DJANGO_SETTINGS_MODULE=bench.search_settings
    export SEARCH_INDEX_PREFIX=bench BENCH_DATABASE_INDEX=0
    export DATABASE_URL=$(ops/postgres.sh start | tail -1)
    python bench/search_backends.py --phase generate     # once
    export SEARCH_URL=opensearch2+$(OPENSEARCH_JAVA_OPTS=-XX:TieredStopAtLevel=4 \
        OPENSEARCH_HEAP_MB=1024 ops/opensearch.sh start --nodes 1 | tail -1)
    python bench/search_backends.py --phase index        # once per cluster start
    python bench/search_backends.py --phase measure      # as often as needed
    python bench/search_backends.py --phase profile      # where the time goes (below)
    ops/opensearch.sh stop; ops/postgres.sh stop         # always

``--phase profile`` splits each request into the engine's own ``took``, the round trip to it,
the listing's Python work, the search statistics, loading the page's projects and rendering,
and prints a cProfile listing of the same mix to stderr.

Results: ``bench/results/search_backends.json`` and a printed summary. Targets at 100,000
projects: OpenSearch p95 <= 50 ms, PostgreSQL p95 <= 100 ms, indexing 100,000 in <= 120 s.
Environment: ``BENCH_PROJECTS`` (100000), ``BENCH_QUERIES`` (200), ``BENCH_OPENSEARCH_HEAP_MB``
(1024), ``BENCH_BACKENDS``
(``postgres,opensearch,sqlite``), ``BENCH_PHASE_TIMEOUT`` (seconds per phase, 900).
The exit status is 1 when a target is missed or a phase failed.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROJECTS = int(os.environ.get("BENCH_PROJECTS", "100000"))
QUERIES = int(os.environ.get("BENCH_QUERIES", "200"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "100"))
BACKENDS = [
    b for b in os.environ.get("BENCH_BACKENDS", "postgres,opensearch,sqlite").split(",") if b
]
PHASE_TIMEOUT = int(os.environ.get("BENCH_PHASE_TIMEOUT", "900"))
OPS_STATE_DIR = os.environ.get("BENCH_OPS_STATE_DIR", "/tmp/partnershiphub-bench-ops")  # noqa: S108
SQLITE_PATH = ROOT / "var" / "bench-search.sqlite3"
INDEX_PREFIX = "bench"
HEAP_MB = os.environ.get("BENCH_OPENSEARCH_HEAP_MB", "1024")
# ops/opensearch.sh limits the JVM to its quick first compiler (C1), which starts test clusters
# sooner; a server runs the full JIT, so the benchmark does too (aggregations over 100,000
# documents run several times slower on C1).
OPENSEARCH_ENV = {"OPENSEARCH_HEAP_MB": HEAP_MB, "OPENSEARCH_JAVA_OPTS": "-XX:TieredStopAtLevel=4"}
TARGETS = {
    "opensearch": {"p95_ms": 50.0},
    "postgres": {"p95_ms": 100.0},
    "indexing": {"seconds_per_100k": 120.0},
}
RESULT_MARK = "BENCH-RESULT "


# --- the orchestrator ----------------------------------------------------------------------


def ops(script, *args, env=None):
    env = {**os.environ, "OPS_STATE_DIR": OPS_STATE_DIR, **(env or {})}
    result = subprocess.run(
        [str(ROOT / "ops" / script), *args],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"ops/{script} {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def _phase_env(env):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.search_settings",
        "SEARCH_INDEX_PREFIX": INDEX_PREFIX,
        **env,
    }
    if not env.get("SEARCH_URL"):
        env.pop("SEARCH_URL", None)
    return env


def start_phase(phase, env):
    """Start one step in a fresh interpreter (settings come from its environment)."""
    return subprocess.Popen(
        [sys.executable, __file__, "--phase", phase],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_phase_env(env),
    )


def finish_phase(process, started):
    """Wait (bounded) for a step; its result is the JSON on the line after RESULT_MARK."""
    try:
        stdout, stderr = process.communicate(
            timeout=max(1, PHASE_TIMEOUT - (time.monotonic() - started))
        )
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return {"error": f"timed out after {PHASE_TIMEOUT}s"}
    for line in stdout.splitlines():
        if line.startswith(RESULT_MARK):
            payload = json.loads(line[len(RESULT_MARK) :])
            payload["phase_seconds"] = round(time.monotonic() - started, 1)
            return payload
    return {"error": f"exit {process.returncode}: {stderr[-1500:]}"}


def run_phase(phase, env):
    started = time.monotonic()
    return finish_phase(start_phase(phase, env), started)


def main():
    from bench.common import write_results

    results, services = {}, []
    sqlite_env = {"DATABASE_URL": f"sqlite:///{SQLITE_PATH}"}
    try:
        database_url = None
        if {"postgres", "opensearch"} & set(BACKENDS):
            print(f"starting PostgreSQL ({OPS_STATE_DIR})", flush=True)
            database_url = ops("postgres.sh", "start")
            services.append("postgres.sh")
        # The two databases are filled at the same time (one process each); every
        # measurement then runs alone.
        started, loading = time.monotonic(), {}
        if {"postgres", "opensearch"} & set(BACKENDS):
            loading["postgres"] = start_phase(
                "generate",
                {
                    "DATABASE_URL": database_url,
                    # OpenSearch alone never searches PostgreSQL: its index can be left empty.
                    "BENCH_DATABASE_INDEX": "1" if "postgres" in BACKENDS else "0",
                },
            )
        if "sqlite" in BACKENDS:
            loading["sqlite"] = start_phase("generate", sqlite_env)
        print(f"generating {PROJECTS} projects in: {', '.join(loading)}", flush=True)
        generated = {name: finish_phase(proc, started) for name, proc in loading.items()}
        for name, result in generated.items():
            if "error" in result:
                print(f"  {name}: generating FAILED ({result['error'][:500]})", flush=True)
            else:
                print(f"  {name}: generated in {result['generate_seconds']:.0f}s", flush=True)
        if "postgres" in BACKENDS and "error" not in generated.get("postgres", {}):
            print("postgres: measuring", flush=True)
            results["postgres"] = {
                **generated["postgres"],
                **run_phase("measure", {"DATABASE_URL": database_url}),
            }
            report("postgres", results["postgres"])
            # The same data with the ORM counting the facets instead of each worker's bitmask
            # index (REGISTRY_FACET_INDEX=false): does keeping an index in every worker pay?
            print("postgres with ORM facet counts: measuring", flush=True)
            results["postgres_orm"] = {
                **generated["postgres"],
                **run_phase(
                    "measure", {"DATABASE_URL": database_url, "REGISTRY_FACET_INDEX": "false"}
                ),
            }
            report("postgres_orm", results["postgres_orm"])
        if "opensearch" in BACKENDS and "error" not in generated.get("postgres", {}):
            print("starting OpenSearch (one node)", flush=True)
            search_url = "opensearch2+" + ops(
                "opensearch.sh", "start", "--nodes", "1", env=OPENSEARCH_ENV
            )
            services.append("opensearch.sh")
            print(f"opensearch: bulk indexing {PROJECTS} projects and measuring", flush=True)
            results["opensearch"] = run_phase(
                "opensearch", {"DATABASE_URL": database_url, "SEARCH_URL": search_url}
            )
            report("opensearch", results["opensearch"])
        if "sqlite" in BACKENDS and "error" not in generated.get("sqlite", {}):
            print("sqlite: measuring", flush=True)
            results["sqlite"] = {**generated["sqlite"], **run_phase("measure", sqlite_env)}
            report("sqlite", results["sqlite"])
        for name, result in generated.items():
            if "error" in result:
                results[name] = result
    finally:
        for script in reversed(services):
            try:
                ops(script, "stop")
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                print(f"could not stop {script}: {exc}", file=sys.stderr)

    verdicts = judge(results)
    path = write_results(
        "search_backends",
        {
            "projects": PROJECTS,
            "queries": QUERIES,
            "targets": TARGETS,
            "verdicts": verdicts,
            "backends": results,
        },
    )
    print(f"results: {path}")
    for name, verdict in verdicts.items():
        print(f"  target {name}: {verdict}")
    return 0 if all(v.startswith("met") for v in verdicts.values()) else 1


def report(name, result):
    if "error" in result:
        print(f"  {name}: FAILED ({result['error'][:500]})", flush=True)
        return
    request, search = result["request"], result.get("search") or {}
    line = (
        f"  {name:<10} {result['projects']:>7} projects: registry p50 {request['p50_ms']:.1f} ms, "
        f"p95 {request['p95_ms']:.1f} ms (text search alone p50 {search.get('p50_ms', 0):.1f}, "
        f"p95 {search.get('p95_ms', 0):.1f} ms)"
    )
    if "index_seconds" in result:
        line += (
            f"; indexed in {result['index_seconds']:.1f}s "
            f"({result['index_rate_per_s']:.0f} projects/s)"
        )
    if "generate_seconds" in result:
        line += f"; generated in {result['generate_seconds']:.0f}s"
    print(line, flush=True)


def judge(results):
    verdicts = {}
    for name in ("opensearch", "postgres"):
        if name not in BACKENDS:
            continue
        result, target = results.get(name, {}), TARGETS[name]["p95_ms"]
        if "request" not in result:
            verdicts[f"{name} p95"] = "not measured"
            continue
        p95 = result["request"]["p95_ms"]
        verdicts[f"{name} p95"] = f"{'met' if p95 <= target else 'MISSED'} ({p95} <= {target} ms)"
    if "opensearch" in BACKENDS:
        result = results.get("opensearch", {})
        if "index_seconds" in result:
            per_100k = result["index_seconds"] * 100000 / max(result["projects"], 1)
            limit = TARGETS["indexing"]["seconds_per_100k"]
            verdicts["indexing"] = (
                f"{'met' if per_100k <= limit else 'MISSED'} "
                f"({per_100k:.0f} s per 100,000 <= {limit:.0f} s)"
            )
        else:
            verdicts["indexing"] = "not measured"
    return verdicts


# --- the measurements (one per process) ------------------------------------------------------


def fresh_database():
    from django.db import connection

    if connection.vendor == "sqlite":
        connection.close()
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    else:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")


def build_site():
    from django.core.management import call_command

    from hub.demo import DemoContext, ensure_home, ensure_locales, ensure_taxonomies
    from projects import demo_data
    from projects.demo import ensure_index

    call_command("migrate", verbosity=0)
    ctx = DemoContext(stdout=sys.stderr)
    ctx.locale = ensure_locales()
    ctx.home = ensure_home(ctx)
    ensure_taxonomies(ctx, demo_data.THEMES, demo_data.UNITS, demo_data.CAMPUSES)
    ensure_index(ctx)


def generate_projects():
    from bench.generators import generate
    from projects.models import ProjectPage

    started = time.perf_counter()
    # The database's own search index is only needed when a database backend is measured.
    index = os.environ.get("BENCH_DATABASE_INDEX", "1") != "0"
    generate(PROJECTS - ProjectPage.objects.count(), seed=PROJECTS, batch_size=2000, index=index)
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


def measure():
    from django.test import Client

    from bench.common import registry_queries, summarise
    from projects import facets
    from projects.listing import SEARCH_LIMIT
    from projects.models import ProjectPage
    from search.service import search_ids

    client = Client()
    queries = registry_queries(QUERIES, seed=7)
    started = time.perf_counter()
    client.get("/en/projects/")
    cold_ms = (time.perf_counter() - started) * 1000
    # Warm up with a different mix of the same kind (the engine's JIT and caches, the
    # database's buffers, this process's imports): steady state is what readers meet, and no
    # measured query has been seen before.
    for params in registry_queries(WARMUP, seed=8):
        facets._searches.clear()
        client.get("/en/projects/", params)
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


def profile():
    """Where a registry request's time goes, per request: the engine's own ``took``, the
    client's round trip to it, the listing's Python work around it, the search statistics,
    loading the page's projects and rendering; then a cProfile listing of the same mix.

    Run it by hand against services that are already up and loaded (see the module docstring),
    as often as needed without indexing again.
    """
    import cProfile
    import io
    import pstats

    from django.db import connection
    from django.template.backends.django import Template
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    import projects.models
    from bench.common import registry_queries, summarise
    from projects import facets
    from projects.listing import RegistryQuery
    from search import aggregations

    parts = {}

    def timed(owner, name, label, *, outermost=False, took=False):
        original = getattr(owner, name)
        depth = [0]

        def wrapper(*args, **kwargs):
            depth[0] += 1
            started = time.perf_counter()
            try:
                result = original(*args, **kwargs)
            finally:
                depth[0] -= 1
                if not outermost or depth[0] == 0:
                    spent = (time.perf_counter() - started) * 1000
                    parts[label] = parts.get(label, 0.0) + spent
            if took and isinstance(result, dict) and "took" in result:
                parts["engine took"] = parts.get("engine took", 0.0) + result["took"]
            return result

        setattr(owner, name, wrapper)

    timed(aggregations, "send", "engine round trip", took=True)
    timed(RegistryQuery, "run", "listing (run)")
    timed(RegistryQuery, "_load", "load the page's projects")
    timed(projects.models, "count_listing_search", "search statistics")
    timed(Template, "render", "template render (with loading)", outermost=True)

    client = Client()
    for params in registry_queries(WARMUP, seed=8):
        facets._searches.clear()
        client.get("/en/projects/", params)
    queries = registry_queries(QUERIES, seed=7)
    samples, query_counts = {}, []
    for params in queries:
        facets._searches.clear()
        parts.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get("/en/projects/", params)
            total = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise RuntimeError(f"{params} answered {response.status_code}")
        query_counts.append(len(captured))
        parts["request"] = total
        for label, spent in parts.items():
            samples.setdefault(label, []).append(spent)
    breakdown = {label: summarise(values) for label, values in samples.items()}
    profiler = cProfile.Profile()
    profiler.enable()
    for params in queries:
        facets._searches.clear()
        client.get("/en/projects/", params)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(30)
    stats.sort_stats("cumulative").print_stats(r"(hub|projects|search)/", 40)
    print(out.getvalue(), file=sys.stderr)
    return {
        "breakdown": breakdown,
        "queries_per_request": summarise(query_counts),
    }


def phase(name):
    import django

    django.setup()
    from django.db import connection

    from projects.models import ProjectPage

    result = {"database": connection.vendor}
    if name == "generate":
        fresh_database()
        build_site()
        result["generate_seconds"] = generate_projects()
    elif name in ("opensearch", "index"):
        seconds, count, merge_seconds = bulk_index()
        result["index_seconds"] = seconds
        result["force_merge_seconds"] = merge_seconds
        result["index_rate_per_s"] = round(count / seconds, 1) if seconds else None
    result["projects"] = ProjectPage.objects.live().count()
    if name == "profile":
        result.update(profile())
    elif name not in ("generate", "index"):
        result.update(measure())
    print(RESULT_MARK + json.dumps(result), flush=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--phase":
        phase(sys.argv[2])
    else:
        sys.exit(main())
