"""Where a registry request's time goes (``bench/search_backends.py --phase profile``).

Runs in a process that ``bench/search_backends.py`` has set up (Django configured from the
environment, the projects loaded and indexed).
"""

import sys
import time


def profile(*, queries=100, warmup=30):
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

    import projects.models.registry
    from bench.common import registry_queries, summarise
    from bench.search_phases import forget_engine_answers
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
    timed(projects.models.registry, "count_listing_search", "search statistics")
    timed(Template, "render", "template render (with loading)", outermost=True)

    client = Client()
    for params in registry_queries(warmup, seed=8):
        facets._searches.clear()
        client.get("/en/projects/", params)
    mix = registry_queries(queries, seed=7)
    forget_engine_answers()
    samples, query_counts = {}, []
    for params in mix:
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
    for params in mix:
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
