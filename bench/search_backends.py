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
        OPENSEARCH_HEAP_MB=1024 ops/opensearch.sh start --nodes 1 | tail -1)?shards=2
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
(1024), ``BENCH_SHARDS`` (2: the index's primary shards), ``BENCH_BACKENDS``
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
# Primary shards of the index on the one node: one per core of this 2-core machine, so that
# one registry request's aggregations run on both (SEARCH_URL's ``shards`` option).
SHARDS = int(os.environ.get("BENCH_SHARDS", "2"))
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
            search_url += f"?shards={SHARDS}"
            services.append("opensearch.sh")
            print(f"opensearch: bulk indexing {PROJECTS} projects and measuring", flush=True)
            results["opensearch"] = {
                "shards": SHARDS,
                **run_phase("opensearch", {"DATABASE_URL": database_url, "SEARCH_URL": search_url}),
            }
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


# --- one step (one per process) -------------------------------------------------------------


def phase(name):
    import django

    django.setup()
    from django.db import connection

    from bench.search_phases import (
        build_site,
        bulk_index,
        fresh_database,
        generate_projects,
        measure,
    )
    from projects.models import ProjectPage

    result = {"database": connection.vendor}
    if name == "generate":
        fresh_database(SQLITE_PATH)
        build_site()
        result["generate_seconds"] = generate_projects(PROJECTS)
    elif name in ("opensearch", "index"):
        seconds, count, merge_seconds = bulk_index()
        result["index_seconds"] = seconds
        result["force_merge_seconds"] = merge_seconds
        result["index_rate_per_s"] = round(count / seconds, 1) if seconds else None
    result["projects"] = ProjectPage.objects.live().count()
    if name == "profile":
        from bench.profile_registry import profile

        result.update(profile(queries=QUERIES, warmup=WARMUP))
    elif name not in ("generate", "index"):
        result.update(measure(QUERIES, WARMUP))
    print(RESULT_MARK + json.dumps(result), flush=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--phase":
        phase(sys.argv[2])
    else:
        sys.exit(main())
