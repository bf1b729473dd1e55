"""The real stack the throughput benchmarks run on, and wrk to measure it.

PostgreSQL (ops/postgres.sh) with a migrated database holding the demo content, static files
collected, and gunicorn (2 workers, production settings) on 127.0.0.1; wrk (Debian's,
installed with apt when missing) and a parser of its ``--latency`` output. Used by
bench/load.py and bench/mixed.py; see their docstrings for the environment they read.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.common import Gunicorn, free_port, gunicorn_command

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
BIN = Path(sys.executable).parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "50"))
PROXY_HEADER = ("X-Forwarded-Proto", "https")


def log(message):
    print(f"[bench-load {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(command, env=None, timeout=900, capture=True):
    result = subprocess.run(
        command,
        cwd=ROOT,
        env=env,
        capture_output=capture,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode:
        out = (result.stdout or "")[-3000:] + (result.stderr or "")[-3000:]
        raise SystemExit(f"{' '.join(map(str, command))} failed ({result.returncode}):\n{out}")
    return result.stdout


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() != 0:
        raise SystemExit("wrk is missing: apt-get install wrk (needs root)")
    log("installing wrk (apt)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-q"], env=env)
    run(["apt-get", "install", "-y", "-q", "--no-install-recommends", "wrk"], env=env)


def fetch(url, timeout=30):
    request = urllib.request.Request(url, headers=dict([PROXY_HEADER]))  # noqa: S310 (http only)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class Stack:
    """PostgreSQL + a prepared database + gunicorn; everything stopped by ``close()``."""

    def __init__(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="hub-bench-"))
        state = os.environ.get("OPS_STATE_DIR", "/tmp/partnershiphub-bench")  # noqa: S108
        self.ops_env = dict(os.environ, OPS_STATE_DIR=state)
        self.database_url = None
        self.server = None
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"

    def env(self, **extra):
        env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        env.update(
            DJANGO_SETTINGS_MODULE="hub.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=self.database_url,
            STATIC_ROOT=str(self.workdir / "static"),
            MEDIA_ROOT=str(self.workdir / "media"),
            # Redis when CACHE_URL is set (ops/with-redis.sh), else one file cache for both workers
            CACHE_URL=os.environ.get("CACHE_URL") or f"file://{self.workdir / 'cache'}",
            BASE_URL=self.base,
            LOG_LEVEL="WARNING",
        )
        env.pop("SEARCH_URL", None)  # the database search backend (on PostgreSQL)
        env.update(extra)
        return env

    def prepare(self):
        log("starting PostgreSQL (ops/postgres.sh)")
        self.database_url = run(["ops/postgres.sh", "start"], env=self.ops_env).strip()
        self._env = self.env()
        log("migrate, load_demo, collectstatic")
        started = time.monotonic()
        self.manage("migrate", "--noinput", "-v0")
        self.manage("load_demo")
        self.manage("collectstatic", "--noinput", "-v0")
        log(f"database and static files ready in {time.monotonic() - started:.0f}s")

    def manage(self, *args, timeout=900):
        """Run ``manage.py`` with the stack's settings; its standard output."""
        return run([sys.executable, "manage.py", *args], env=self._env, timeout=timeout)

    def clear_cache(self):
        """Start from an empty cache: the file cache's directory, or a shared CACHE_URL one."""
        shutil.rmtree(self.workdir / "cache", ignore_errors=True)
        if os.environ.get("CACHE_URL"):
            self.manage("shell", "-c", "from django.core.cache import cache; cache.clear()")

    def serve(self, page_cache_seconds, fragment_cache_seconds=3600, **extra):
        self.stop_server()
        self.clear_cache()
        env = self.env(
            PAGE_CACHE_SECONDS=str(page_cache_seconds),
            FRAGMENT_CACHE_SECONDS=str(fragment_cache_seconds),
            **extra,
        )
        env["SECRET_KEY"] = self._env["SECRET_KEY"]
        self.server = Gunicorn(
            gunicorn_command(BIN / "gunicorn", "hub.wsgi", self.port),
            cwd=ROOT,
            env=env,
            log_path=self.workdir / "gunicorn.log",
        )
        self.server.start(lambda: fetch(f"{self.base}/healthz", timeout=5)[0] == 200)

    def tail(self):
        return self.server.tail() if self.server else ""

    def stop_server(self):
        if self.server:
            self.server.stop()
        self.server = None

    def close(self):
        self.stop_server()
        if self.database_url:
            subprocess.run(
                ["ops/postgres.sh", "stop"], cwd=ROOT, env=self.ops_env, capture_output=True
            )
        shutil.rmtree(self.workdir, ignore_errors=True)


def discover_urls(stack):
    """The pages to measure, found on the running site (nothing hard-coded but the paths)."""
    urls = {
        "home": "/en/",
        "registry": "/en/projects/",
        "registry search": "/en/projects/?q=survey&status=active&sort=relevance",
        "site search": "/en/search/?q=wellbeing",
    }
    status, _headers, body = fetch(stack.base + urls["registry"])
    if status != 200:
        raise SystemExit(f"the registry answered {status}")
    match = re.search(r'<h3 class="card__title"><a href="([^"]+)"', body.decode())
    if not match:
        raise SystemExit("no project link found on the registry page")
    urls["project"] = match.group(1)
    status, _headers, body = fetch(stack.base + "/en/guidance/")
    guideline = None
    if status == 200:  # the first guideline card (not the resource library or a filter link)
        match = re.search(
            r'class="card guideline-card">\s*<h3 class="card__title"><a href="([^"]+)"',
            body.decode(),
        )
        guideline = match.group(1) if match else None
    if guideline:
        urls["guideline"] = guideline
    manifest = json.loads((stack.workdir / "static" / "staticfiles.json").read_text())
    urls["static"] = "/static/" + manifest["paths"]["css/hub.css"]
    return urls


WRK_LINE = re.compile(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def run_wrk(*target):
    """wrk's output for BENCH_CONNECTIONS clients over BENCH_SECONDS against ``target``
    (a URL, or ``--script file.lua`` and a base URL)."""
    command = [
        "wrk",
        "--threads",
        "2",
        "--connections",
        str(CONNECTIONS),
        "--duration",
        f"{SECONDS}s",
        "--timeout",
        "20s",
        "--latency",
        *map(str, target),
    ]
    return run(command, timeout=SECONDS + 120)


def parse_wrk(out):
    """Requests, rate, p50/p99 and errors from wrk's ``--latency`` output."""
    percentiles = {p: float(v) * UNIT[u] for p, v, u in WRK_LINE.findall(out)}
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": round(float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), 1),
        "p50_ms": round(percentiles.get("50", 0), 2),
        "p99_ms": round(percentiles.get("99", 0), 2),
        "socket_errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
        "non_2xx_3xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def wrk(url):
    return parse_wrk(run_wrk("--header", f"{PROXY_HEADER[0]}: {PROXY_HEADER[1]}", url))
