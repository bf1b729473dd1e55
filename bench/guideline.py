"""The guideline page's full render beside wagtail/bakerydemo's blog post, in one run.

    python bench/guideline.py        (or: make bench-guideline)

Target (issue 14): a guideline rendered in full — the page cache bypassed, as for a signed-in
reader or an ``X-Page-Cache: miss`` — serves ≥ 3 × the requests per second of bakerydemo's
blog post, measured on the same machine in the same run.

Both sites run side by side, each with gunicorn (2 sync workers), its production settings and
SQLite (bakerydemo as bench/bakerydemo.py prepares it; the hub with the demo content and a file
cache shared by its workers, or ``CACHE_URL``). wrk (``BENCH_CONNECTIONS`` clients, default 4:
enough to keep two workers busy, few enough that nothing is left queued for the next run;
``BENCH_SECONDS`` each, default 5) then measures, in ``BENCH_ROUNDS`` alternating rounds
(default 3, so a neighbour's load falls on both sides alike):

- ``blog post``: bakerydemo's first blog post;
- ``guideline``: the first English guideline, anonymous, page cache off (every request runs
  routing, the view and the templates; the public parts come from the fragment cache);
- ``guideline de``: its German translation, the same way;
- ``guideline signed-in``: the English guideline for a signed-in officer (a session cookie);
- ``guideline fragments off``: also ``FRAGMENT_CACHE_SECONDS=0``, every byte rendered (what
  the first reader after a publish costs, before the fragments are kept again).

The summary gives each figure's median over the rounds and its ratio to the blog post's;
results go to bench/results/guideline.json. The run fails (exit 1) when a request errors; the
target is reported, not enforced (a shared machine's figures vary).

Environment: ``BENCH_SECONDS``, ``BENCH_ROUNDS``, ``BENCH_CONNECTIONS``,
``BENCH_DATABASE_URL`` (a hub database that already holds the demo, e.g.
``sqlite:////tmp/x/db.sqlite3``: it is migrated, not loaded again), ``CACHE_URL`` and the
``BAKERYDEMO_*`` variables of bench/bakerydemo.py (bakerydemo needs Python ≥ 3.12).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import Gunicorn, environment, free_port, gunicorn_command  # noqa: E402

RESULTS = ROOT / "bench" / "results"
BIN = Path(sys.executable).parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
# A few clients keep both sites' two workers busy without a queue: what wrk leaves queued
# when it stops would otherwise still run during the next site's measurement.
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
PROXY_HEADER = "X-Forwarded-Proto: https"  # as from the TLS proxy in front of a deployment
TARGET = 3.0
SIGNED_IN_EMAIL = "officer@demo.partnershiphub.eu"  # not privileged: no second factor


def log(message):
    print(f"[bench-guideline {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(command, env=None, timeout=1200):
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode:
        output = result.stdout[-3000:] + result.stderr[-3000:]
        raise SystemExit(f"{' '.join(map(str, command))} failed ({result.returncode}):\n{output}")
    return result.stdout


def get(url, headers=(), timeout=60):
    """``(status, headers, body)`` of a GET with the proxy's header and ``headers``."""
    request = urllib.request.Request(  # noqa: S310 (http only)
        url, headers=dict(h.split(": ", 1) for h in (PROXY_HEADER, *headers))
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class Hub:
    """The hub on production settings and SQLite: one gunicorn per fragment-cache setting."""

    def __init__(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="hub-bench-guideline-"))
        self.database_url = os.environ.get("BENCH_DATABASE_URL") or (
            f"sqlite:///{self.workdir / 'db.sqlite3'}"
        )
        self.secret = secrets.token_urlsafe(50)
        self.servers = {}

    def env(self, **extra):
        env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        env.update(
            DJANGO_SETTINGS_MODULE="hub.settings.production",
            SECRET_KEY=self.secret,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=self.database_url,
            STATIC_ROOT=str(self.workdir / "static"),
            MEDIA_ROOT=str(self.workdir / "media"),
            CACHE_URL=os.environ.get("CACHE_URL") or f"file://{self.workdir / 'cache'}",
            LOG_LEVEL="WARNING",
            PAGE_CACHE_SECONDS="0",
        )
        env.pop("SEARCH_URL", None)
        env.update(extra)
        return env

    def manage(self, *args, timeout=1200):
        return run([sys.executable, "manage.py", *args], env=self.env(), timeout=timeout)

    def prepare(self):
        started = time.monotonic()
        log("compile_catalogues, migrate, load_demo, collectstatic (production settings)")
        self.manage("compile_catalogues")
        self.manage("migrate", "--noinput", "-v0")
        if not os.environ.get("BENCH_DATABASE_URL"):
            self.manage("load_demo")
        self.manage("collectstatic", "--noinput", "-v0")
        log(f"hub ready in {time.monotonic() - started:.0f}s")

    def serve(self, name, fragment_cache_seconds):
        port = free_port()
        env = self.env(FRAGMENT_CACHE_SECONDS=str(fragment_cache_seconds))
        server = Gunicorn(
            gunicorn_command(BIN / "gunicorn", "hub.wsgi", port),
            cwd=ROOT,
            env=env,
            log_path=self.workdir / f"gunicorn-{name}.log",
        )
        base = f"http://127.0.0.1:{port}"
        server.start(lambda: get(f"{base}/healthz", timeout=5)[0] == 200)
        self.servers[name] = (server, base)
        return base

    def session_cookie(self):
        """``name=value`` of a signed-in officer's session cookie (made in the database)."""
        code = (
            "from django.conf import settings; from django.contrib.auth import get_user_model; "
            "from django.test import Client; c = Client(); "
            f"c.force_login(get_user_model().objects.get(email={SIGNED_IN_EMAIL!r})); "
            "name = settings.SESSION_COOKIE_NAME; print(name + '=' + c.cookies[name].value)"
        )
        return self.manage("shell", "-c", code).strip().splitlines()[-1]

    def close(self):
        for server, _base in self.servers.values():
            server.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)


def guideline_paths(base):
    """The first English guideline on the guidance page, and its German translation."""
    status, _headers, body = get(base + "/en/guidance/")
    if status != 200:
        raise SystemExit(f"the guidance page answered {status}")
    match = re.search(
        r'class="card guideline-card">\s*<h3 class="card__title"><a href="([^"]+)"', body.decode()
    )
    if not match:
        raise SystemExit("no guideline card on the guidance page")
    english = match.group(1)
    status, _headers, body = get(base + english)
    german = re.search(
        r'<link rel="alternate" hreflang="de" href="https?://[^/]+(/de/[^"]+)"', body.decode()
    )
    return english, german.group(1) if german else None


def check(url, headers, expect_text=None):
    """Refuse a page that does not answer 200, or that the page cache answered."""
    status, response_headers, body = get(url, headers)
    if status != 200:
        raise SystemExit(f"{url} answered {status}")
    if response_headers.get("X-Page-Cache"):
        raise SystemExit(f"{url}: served by the page cache, not rendered")
    if expect_text and expect_text not in body.decode():
        raise SystemExit(f"{url}: {expect_text!r} is not on the page")


WRK_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
WRK_NON_2XX = re.compile(r"Non-2xx or 3xx responses: (\d+)")


def measure(url, headers):
    """wrk's rate and errors for ``url``, then one request that waits behind anything wrk
    left queued, so the next measurement starts on an idle server."""
    command = ["wrk", "--threads", "2", "--connections", str(CONNECTIONS)]
    command += ["--duration", f"{SECONDS}s", "--timeout", "30s"]
    for header in (PROXY_HEADER, *headers):
        command += ["--header", header]
    out = run([*command, url], timeout=SECONDS + 120)
    socket_errors = WRK_ERRORS.search(out)
    non_2xx = WRK_NON_2XX.search(out)
    get(url, headers)
    return {
        "rps": round(float(WRK_RATE.search(out).group(1)), 1),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "errors": (sum(map(int, socket_errors.groups())) if socket_errors else 0)
        + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def summarise(report):
    rounds = report["rounds"]
    names = list(rounds[0])
    medians = {name: statistics.median(r[name]["rps"] for r in rounds) for name in names}
    blog = medians["blog post"]
    report["median_rps"] = medians
    report["ratio_to_blog_post"] = {n: round(v / blog, 2) for n, v in medians.items() if blog}
    lines = [
        "Guideline full render beside bakerydemo's blog post: gunicorn 2 workers each, production "
        f"settings, SQLite, {CONNECTIONS} clients, {SECONDS}s × {len(rounds)} rounds (wrk); "
        "median req/s",
    ]
    for name in names:
        per_round = ", ".join(f"{r[name]['rps']:.1f}" for r in rounds)
        ratio = medians[name] / blog if blog else 0
        mark = ""
        if name != "blog post" and name != "guideline fragments off":
            mark = f"  {'ok ' if ratio >= TARGET else 'LOW'} (target ≥ {TARGET:g} ×)"
        lines.append(
            f"{name:26} {medians[name]:8.1f} req/s  {ratio:5.2f} × blog post  "
            f"(rounds: {per_round}){mark}"
        )
    ratio = medians["guideline"] / blog if blog else 0
    report["targets"] = {
        "guideline_full_render_vs_blog_post": round(ratio, 2),
        "guideline_full_render_at_least_3x": ratio >= TARGET,
    }
    errors = sum(r[n]["errors"] for r in rounds for n in r)
    report["errors"] = errors
    lines.append(f"errors under {CONNECTIONS} concurrent clients: {errors}")
    return "\n".join(lines)


def main():
    from bench.bakerydemo import Bakerydemo

    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    hub = Hub()
    demo = Bakerydemo(run, log, lambda url, timeout=30: get(url, timeout=timeout), free_port())
    try:
        hub.prepare()
        demo.prepare()
        demo.serve()
        blog_post = demo.base + demo.urls()["blog post"]
        with_fragments = hub.serve("fragments", 3600)
        without = hub.serve("rendered", 0)
        english, german = guideline_paths(with_fragments)
        cookie = hub.session_cookie()
        targets = {
            "blog post": (blog_post, []),
            "guideline": (with_fragments + english, []),
        }
        if german:
            targets["guideline de"] = (with_fragments + german, [])
        targets["guideline signed-in"] = (with_fragments + english, [f"Cookie: {cookie}"])
        targets["guideline fragments off"] = (without + english, [])
        check(with_fragments + english, [f"Cookie: {cookie}"], expect_text="Sign out")
        for url, headers in targets.values():  # warm every worker (and the fragments)
            for _ in range(4):
                check(url, headers)
        report = {
            "benchmark": "guideline",
            "environment": environment(),
            "bakerydemo_commit": demo.commit,
            "paths": {name: "/" + url.split("/", 3)[-1] for name, (url, _h) in targets.items()},
            "rounds": [],
        }
        for number in range(1, ROUNDS + 1):
            results = {}
            for name, (url, headers) in targets.items():
                results[name] = measure(url, headers)
                log(f"round {number} {name:26} {results[name]['rps']:8.1f} req/s")
            report["rounds"].append(results)
        summary = summarise(report)
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "guideline.json").write_text(json.dumps(report, indent=2) + "\n")
        print(summary)
        print(f"results: {RESULTS / 'guideline.json'}")
        return 1 if report["errors"] else 0
    finally:
        demo.stop()
        hub.close()


if __name__ == "__main__":
    sys.exit(main())
