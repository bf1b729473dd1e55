"""Throughput of the real stack: gunicorn (2 workers), production settings, PostgreSQL.

    python bench/load.py            (or: make bench-load)

Starts a throw-away PostgreSQL (ops/postgres.sh), migrates it, loads the demo content,
collects static files, and serves the site with gunicorn on 127.0.0.1. wrk (Debian's, installed
with apt when missing) then sends 50 concurrent clients at each page for BENCH_SECONDS
(default 10) and reports requests per second and p50/p99 latency:

- pass "uncached": the page cache off (PAGE_CACHE_SECONDS=0), every request goes through
  Django, routing and the view; public page parts come from {% sharedfragment %} as in
  production (what a signed-in reader, or a page the cache does not hold, costs);
- pass "fragments off": also FRAGMENT_CACHE_SECONDS=0, every byte of every page rendered;
- pass "cached": the anonymous page cache on, as in production (site search is never
  page-cached: every search is counted);

each side by side with a static CSS file served by the same gunicorn/WhiteNoise (the practical
upper bound). Requests carry ``X-Forwarded-Proto: https`` as from the TLS proxy in front of a
real deployment, so production's HTTPS redirect stays on.

Results go to bench/results/load.json with a printed summary. The run fails (exit 1) when any
request errors; the targets (1.5× the reference Wagtail demo for uncached pages, 30% of the
static file's rate for cached pages) are reported, not enforced, because a shared 2-core
machine's numbers vary from run to run.

The reference is wagtail/bakerydemo. With BENCH_BAKERYDEMO=1 (``make bench-reference``) it is
served after the hub's passes (its own virtualenv and SQLite database, gunicorn with 2 workers,
its production settings; see bench/bakerydemo.py) and measured with the same wrk settings, so
the comparison, including the guideline page's full render against its blog post (target
≥ 3 ×), is from one run on one machine. Without it the fixed REFERENCE figures stand in (a
fallback, since a CI machine may not have bakerydemo at hand).

Environment: BENCH_SECONDS, BENCH_CONNECTIONS (50), OPS_STATE_DIR (default
/tmp/partnershiphub-bench), BENCH_KEEP=1 to leave the server running for a look, CACHE_URL (a
shared cache, when the settings read it; emptied before each pass), BENCH_BAKERYDEMO=1 and the
BAKERYDEMO_* variables of bench/bakerydemo.py, BENCH_MIXED=1 to run bench/mixed.py's passes on
the same database.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import environment, free_port  # noqa: E402
from bench.stack import (  # noqa: E402
    CONNECTIONS,
    RESULTS,
    SECONDS,
    Stack,
    discover_urls,
    ensure_wrk,
    fetch,
    log,
    run,
    wrk,
)

BAKERYDEMO = os.environ.get("BENCH_BAKERYDEMO") == "1"

# Fallback only: wagtail/bakerydemo with 2 gunicorn workers on this kind of 2-core machine
# (req/s), measured once. With BENCH_BAKERYDEMO=1 (make bench-reference) bakerydemo is served
# and measured in the same run instead, and these figures are not used.
REFERENCE = {"home": 33, "blog index": 49, "blog post": 65, "search": 34, "static": 2700}
GUIDELINE_TARGET = 3.0  # the guideline's full render ≥ 3 × bakerydemo's blog post
COMPARABLE = {
    "home": "home",
    "registry": "blog index",
    "registry search": "search",
    "project": "blog post",
    "guideline": "blog post",
    "site search": "search",
}

# Site search results are never kept by the page cache (every search is counted, and a
# fallback notice must go when the engine is back): its "cached" figure is a rendered page.
NEVER_PAGE_CACHED = {"site search"}


def measure(stack, urls, label, cached):
    results = {}
    for name, path in urls.items():
        url = stack.base + path
        for _ in range(3):  # warm the workers (and, when on, the page cache)
            status, headers, _body = fetch(url)
        if status != 200:
            raise SystemExit(f"{name} {path} answered {status}")
        cache_state = headers.get("X-Page-Cache")
        if name != "static":
            expected = "hit" if cached and name not in NEVER_PAGE_CACHED else None
            if cache_state != expected:
                raise SystemExit(f"{name}: X-Page-Cache is {cache_state!r}, expected {expected!r}")
        result = wrk(url)
        result["path"] = path
        results[name] = result
        log(
            f"{label:9} {name:16} {result['rps']:8.1f} req/s  "
            f"p50 {result['p50_ms']:7.1f} ms  p99 {result['p99_ms']:7.1f} ms  "
            f"errors {result['socket_errors'] + result['non_2xx_3xx']}"
        )
    return results


def measure_bakerydemo(port):
    """Serve wagtail/bakerydemo and measure its pages with the same wrk settings."""
    from bench.bakerydemo import Bakerydemo

    demo = Bakerydemo(run, log, fetch, port)
    try:
        demo.prepare()
        demo.serve()
        urls = demo.urls()
        results = {}
        for name, path in urls.items():
            url = demo.base + path
            for _ in range(3):
                status, _headers, _body = fetch(url)
            if status != 200:
                raise SystemExit(f"bakerydemo {name} {path} answered {status}")
            result = wrk(url)
            result["path"] = path
            results[name] = result
            log(
                f"bakerydemo {name:15} {result['rps']:8.1f} req/s  "
                f"p50 {result['p50_ms']:7.1f} ms  p99 {result['p99_ms']:7.1f} ms"
            )
        return {"commit": demo.commit, "pages": results}
    finally:
        demo.stop()


def summarise(report):
    passes = report["passes"]
    uncached, rendered, cached = passes["uncached"], passes["rendered"], passes["cached"]
    reference = report["reference_rps"]
    lines = [
        f"Load benchmark: gunicorn 2 workers, production settings, PostgreSQL, "
        f"{CONNECTIONS} clients, {SECONDS}s per page (wrk). req/s (p50/p99 ms)",
        f"{'page':16} {'uncached':>22} {'fragments off':>22} {'page cache':>22}  "
        f"target (uncached ≥ 1.5 × reference)",
    ]

    def cell(r):
        return f"{r['rps']:8.1f} ({r['p50_ms']:.0f}/{r['p99_ms']:.0f})"

    checks = []
    for name in uncached:
        ref = reference.get(COMPARABLE.get(name, "static"))
        target = ref * 1.5 if name != "static" else None
        mark = ""
        if target:
            ok = uncached[name]["rps"] >= target
            checks.append(ok)
            raw = "ok" if rendered[name]["rps"] >= target else "below"
            mark = f"{'ok ' if ok else 'LOW'} (≥ {target:.0f}; fragments off: {raw})"
        lines.append(
            f"{name:16} {cell(uncached[name]):>22} {cell(rendered[name]):>22} "
            f"{cell(cached[name]):>22}  {mark}"
        )
    static = cached["static"]["rps"]
    page_cached = {n: r for n, r in cached.items() if n != "static" and n not in NEVER_PAGE_CACHED}
    best = max((r["rps"], n) for n, r in page_cached.items())
    share = best[0] / static if static else 0
    lowest = min(r["rps"] for r in page_cached.values()) / static if static else 0
    lines.append(
        f"page-cached pages vs the static file in the same run: best {best[1]} at {share:.0%} "
        f"of {static:.0f} req/s, lowest {lowest:.0%} ({'ok' if lowest >= 0.3 else 'LOW'}: "
        f"target ≥ 30%)"
    )
    guideline_ratio = None
    if "guideline" in rendered and reference.get("blog post"):
        guideline_ratio = rendered["guideline"]["rps"] / reference["blog post"]
        lines.append(
            f"guideline full render (fragments off): {rendered['guideline']['rps']:.1f} req/s = "
            f"{guideline_ratio:.2f} × bakerydemo's blog post ({reference['blog post']:.1f} req/s, "
            f"{report['reference_source']}) "
            f"({'ok' if guideline_ratio >= GUIDELINE_TARGET else 'LOW'}: target ≥ "
            f"{GUIDELINE_TARGET:g} ×)"
        )
    report["targets"] = {
        "guideline_full_render_vs_blog_post": round(guideline_ratio, 2)
        if guideline_ratio
        else None,
        "guideline_full_render_at_least_3x": bool(
            guideline_ratio and guideline_ratio >= GUIDELINE_TARGET
        ),
        "uncached_at_least_1_5x_reference": all(checks),
        "best_cached_share_of_static": round(share, 3),
        "lowest_cached_share_of_static": round(lowest, 3),
        "cached_at_least_30_percent_of_static": lowest >= 0.3,
    }
    errors = sum(r["socket_errors"] + r["non_2xx_3xx"] for p in passes.values() for r in p.values())
    report["errors"] = errors
    lines.append(f"errors under {CONNECTIONS} concurrent clients: {errors}")
    return "\n".join(lines)


def main():
    ensure_wrk()
    stack = Stack()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        stack.prepare()
        stack.serve(page_cache_seconds=0)
        urls = discover_urls(stack)
        if "guideline" not in urls:
            log("no guideline page is published yet (knowledge base not built): skipped")
        report = {
            "benchmark": "load",
            "environment": environment(),
            "setup": {
                "server": "gunicorn, 2 sync workers, hub.settings.production",
                "database": "PostgreSQL (ops/postgres.sh), demo content",
                "client": f"wrk, 2 threads, {CONNECTIONS} connections, {SECONDS}s per page",
            },
            "passes": {},
        }
        report["passes"]["uncached"] = measure(stack, urls, "uncached", cached=False)
        stack.serve(page_cache_seconds=0, fragment_cache_seconds=0)
        report["passes"]["rendered"] = measure(stack, urls, "fragm.off", cached=False)
        stack.serve(page_cache_seconds=300)
        report["passes"]["cached"] = measure(stack, urls, "cached", cached=True)
        mixed = None
        if os.environ.get("BENCH_MIXED") == "1":  # bench/mixed.py on this prepared database
            from bench.mixed import run_mixed

            mixed = run_mixed(stack)
        if BAKERYDEMO:
            stack.stop_server()  # one server at a time on the machine
            measured = measure_bakerydemo(free_port())
            report["bakerydemo"] = measured
            report["reference_rps"] = {n: r["rps"] for n, r in measured["pages"].items()}
            report["reference_source"] = f"bakerydemo {measured['commit'][:10]}, this run"
        else:
            report["reference_rps"] = REFERENCE
            report["reference_source"] = "fixed reference figures, not this run"
        summary = summarise(report)
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "load.json").write_text(json.dumps(report, indent=2) + "\n")
        print(summary)
        print(f"results: {RESULTS / 'load.json'}")
        if mixed:
            print(mixed[1])
            print(f"results: {RESULTS / 'mixed.json'}")
        if os.environ.get("BENCH_KEEP") == "1":
            log(f"BENCH_KEEP=1: serving on {stack.base} until Ctrl-C")
            stack.server.process.wait()
        return 1 if report["errors"] or (mixed and mixed[2]) else 0
    finally:
        stack.close()


if __name__ == "__main__":
    sys.exit(main())
