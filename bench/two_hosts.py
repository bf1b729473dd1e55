"""Two hosts, one site, under load: is a publish through one host fresh on the other at once?

    ops/with-redis.sh python bench/two_hosts.py     (or: make bench-two-hosts)

The stack of bench/load.py (PostgreSQL with the demo content, production settings), served by
two gunicorn instances — two "hosts", 2 sync workers each, on their own ports — that share the
database and the Redis cache named by CACHE_URL, as two machines behind a load balancer would.

1. **Shared cache.** A page is requested on host A only; host B's first answer for it must be
   a page-cache hit (host A stored it in the shared cache).
2. **Readers on both hosts.** wrk sends BENCH_CONNECTIONS anonymous readers to each host at
   once for BENCH_SECONDS, round the public pages (home, registry, a registry filter, a
   project, a guideline), counting ``X-Page-Cache`` per response.
3. **Publishing under that load.** Meanwhile an editor signed in on host A edits a project's
   title through the front-end form BENCH_PUBLISHES times (default 5; editors publish at once).
   Straight after each publish returns, the project's page is fetched from host B and then
   from host A: each must show the new title on its first answer.

The bench editor has no second factor, so the hosts run with ADMIN_2FA_REQUIRED off (this
measures the cache, not sign-in). Results in bench/results/two_hosts.json and a printed
summary; exit 1 when a first answer after a publish is stale, a reader request fails, or
host B's first answer in step 1 is not a hit.

Environment: CACHE_URL (a redis:// address: required), BENCH_SECONDS (10),
BENCH_CONNECTIONS (50, per host), BENCH_PUBLISHES (5), OPS_STATE_DIR.
"""

from __future__ import annotations

import html
import json
import os
import re
import signal
import sys
import threading
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import Gunicorn, environment, free_port, gunicorn_command  # noqa: E402
from bench.mixed import BENCH_PASSWORD, READ_PAGES, READER_SCRIPT  # noqa: E402
from bench.stack import (  # noqa: E402
    BIN,
    CONNECTIONS,
    PROXY_HEADER,
    RESULTS,
    SECONDS,
    Stack,
    discover_urls,
    ensure_wrk,
    fetch,
    log,
    parse_wrk,
    run_wrk,
)
from bench.writers import Officer  # noqa: E402

SITE_NAME = "localhost"  # both hosts answer for one site name, as behind a load balancer
PUBLISHES = int(os.environ.get("BENCH_PUBLISHES", "5"))
EDITOR_EMAIL = "bench-editor@bench.invalid"
EDITOR_PASSWORD = BENCH_PASSWORD

# Runs in `manage.py shell`: an editor without a second factor, and a project to edit.
SETUP = """
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from projects.models import ProjectPage

User = get_user_model()
editor = User.objects.filter(email=EMAIL).first()
if editor is None:
    editor = User(email=EMAIL, first_name="Bench", last_name="Editor")
    editor.set_password(PASSWORD)
    editor.save()
    editor.groups.add(Group.objects.get(name="Editors"))
project = (
    ProjectPage.objects.live().filter(locale__language_code="en").order_by("pk").first()
)
print("BENCH-SETUP " + json.dumps({"pk": project.pk, "url": project.url, "title": project.title}))
"""


class FormValues(HTMLParser):
    """What a browser would submit from the page's form with ``action``: inputs, checked
    boxes, selected options and text areas (enough for the project form)."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.values = action, False, []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("action") in (self.action, "", None) and (
                attrs.get("method", "").lower() == "post"
            )
        if not self.inside or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "file"):
                default = "on" if kind in ("checkbox", "radio") else ""
                self.values.append((attrs["name"], attrs.get("value") or default))
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.values.append((self._select, attrs.get("value", "")))
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self.values.append((name, html.unescape(text).removeprefix("\n")))
            self._textarea = None


class Host:
    """One gunicorn "host" on its own port, sharing the stack's database and cache."""

    def __init__(self, stack, name):
        self.name, self.port = name, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = stack.env(
            PAGE_CACHE_SECONDS="300",
            FRAGMENT_CACHE_SECONDS="3600",
            ADMIN_2FA_REQUIRED="0",
            NUM_PROXIES="1",
            ALLOWED_HOSTS="127.0.0.1,localhost",
        )
        env["SECRET_KEY"] = stack._env["SECRET_KEY"]  # one site: sessions valid on both
        self.server = Gunicorn(
            gunicorn_command(BIN / "gunicorn", "hub.wsgi", self.port),
            cwd=ROOT,
            env=env,
            log_path=stack.workdir / f"gunicorn-{name}.log",
        )

    def start(self):
        self.server.start(
            lambda: fetch(f"{self.base}/healthz", timeout=5)[0] == 200, name=self.name
        )

    def get(self, path):
        """GET as the load balancer forwards it: the site's one public name, over TLS."""
        request = urllib.request.Request(  # noqa: S310 (http on loopback)
            self.base + path, headers={"Host": SITE_NAME, PROXY_HEADER[0]: PROXY_HEADER[1]}
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                status, headers, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, headers, body = error.code, error.headers, error.read()
        return status, headers.get("X-Page-Cache"), body.decode()


def readers(host, paths, workdir, out):
    script = workdir / f"readers-{host.name}.lua"
    lua = READER_SCRIPT.replace("{PATHS}", "{" + ", ".join(map(json.dumps, paths)) + "}")
    lua = lua.replace(
        'wrk.headers["X-Forwarded-Proto"] = "https"',
        f'wrk.headers["X-Forwarded-Proto"] = "https"\nwrk.headers["Host"] = "{SITE_NAME}"',
    )
    assert SITE_NAME in lua, "the reader script no longer sets its headers this way"
    script.write_text(lua)
    text = run_wrk("--script", script, host.base)
    measured = parse_wrk(text)
    hits, misses, none = (
        int(n) for n in re.search(r"PAGE-CACHE hit (\d+) miss (\d+) none (\d+)", text).groups()
    )
    total = hits + misses + none
    out[host.name] = {
        "rps": measured["rps"],
        "p50_ms": measured["p50_ms"],
        "p99_ms": measured["p99_ms"],
        "page_cache": {"hit": hits, "miss": misses, "none": none},
        "hit_ratio": round(hits / total, 4) if total else 0,
        "errors": measured["socket_errors"] + measured["non_2xx_3xx"],
    }


def publish(editor, project, title):
    """Edit the project's title through host A's front-end form; seconds taken."""
    path = f"/en/projects/manage/{project['pk']}/edit/"
    status, _headers, body = editor.request("GET", path)
    if status != 200:
        raise SystemExit(f"the edit form answered {status}")
    form = FormValues(path)
    form.feed(body.decode())
    values = {}
    for key, value in form.values:
        values.setdefault(key, []).append(value)
    values["title"] = [title]
    started = time.monotonic()
    status, headers, _body = editor.request("POST", path, values)
    took = time.monotonic() - started
    if status != 302:
        raise SystemExit(f"the edit was refused ({status}); form fields: {sorted(values)}")
    return took


def run(stack):
    ensure_wrk()
    out = stack.manage(
        "shell",
        "-c",
        SETUP.replace("EMAIL", repr(EDITOR_EMAIL)).replace("PASSWORD", repr(EDITOR_PASSWORD)),
    )
    project = json.loads(next(x for x in out.splitlines() if x.startswith("BENCH-SETUP "))[12:])
    stack.clear_cache()
    hosts = Host(stack, "a"), Host(stack, "b")
    try:  # the hosts are stopped however the measurement ends (a refused edit, Ctrl-C)
        return measure(stack, project, *hosts)
    finally:
        for host in hosts:
            host.server.stop()


def measure(stack, project, host_a, host_b):
    for host in (host_a, host_b):
        host.start()
    stack.base = host_a.base  # discover_urls reads the site through host A
    urls = discover_urls(stack)
    report = {
        "benchmark": "two hosts",
        "environment": environment(),
        "setup": {
            "hosts": "2 gunicorn instances, 2 sync workers each, hub.settings.production",
            "database": "PostgreSQL (ops/postgres.sh), demo content, shared",
            "cache": "Redis (CACHE_URL), shared",
            "readers": f"wrk on each host, {CONNECTIONS} connections, {SECONDS}s",
            "publishes": f"{PUBLISHES} front-end edits by an editor on host A",
        },
    }

    # 1. One shared cache: what host A stored, host B serves.
    probe = urls["guideline"] if "guideline" in urls else urls["home"]
    first_a = host_a.get(probe)[1]
    first_b = host_b.get(probe)[1]
    report["shared_cache"] = {"path": probe, "host_a_first": first_a, "host_b_first": first_b}
    log(f"shared cache: {probe} host A {first_a}, then host B {first_b}")

    # 2 and 3. Readers on both hosts while an editor publishes through host A.
    editor = Officer(host_a.base, EDITOR_EMAIL, "198.51.100.200")
    editor.sign_in(EDITOR_PASSWORD, f"/en/projects/manage/{project['pk']}/edit/")
    paths = [urls[name] for name in READ_PAGES if name in urls]
    for host in (host_a, host_b):
        for path in paths:
            host.get(path)
    results = {}
    threads = [
        threading.Thread(target=readers, args=(host, paths, stack.workdir, results))
        for host in (host_a, host_b)
    ]
    for thread in threads:
        thread.start()
    publishes = []
    time.sleep(min(2, SECONDS / 5))
    interval = max(0.5, (SECONDS - 4) / max(PUBLISHES, 1))
    for n in range(PUBLISHES):
        title = f"{project['title']} (edit {n + 1} at {time.strftime('%H:%M:%S')})"
        took = publish(editor, project, title)
        after = time.monotonic()
        status_b, state_b, body_b = host_b.get(project["url"])
        fresh_b_ms = (time.monotonic() - after) * 1000
        status_a, state_a, body_a = host_a.get(project["url"])
        escaped = html.escape(title)
        publishes.append(
            {
                "publish_ms": round(took * 1000, 1),
                "host_b": {
                    "status": status_b,
                    "page_cache": state_b,
                    "fresh": escaped in body_b,
                    "first_answer_ms": round(fresh_b_ms, 1),
                },
                "host_a": {"status": status_a, "page_cache": state_a, "fresh": escaped in body_a},
            }
        )
        log(
            f"publish {n + 1} on host A ({took * 1000:.0f} ms): host B first answer "
            f"{'fresh' if escaped in body_b else 'STALE'} ({state_b}, {fresh_b_ms:.0f} ms), "
            f"host A {'fresh' if escaped in body_a else 'STALE'} ({state_a})"
        )
        time.sleep(interval)
    for thread in threads:
        thread.join()
    report["readers"] = results
    report["publishes"] = publishes
    fresh = sum(p["host_b"]["fresh"] and p["host_a"]["fresh"] for p in publishes)
    report["fresh_at_once"] = f"{fresh}/{len(publishes)}"
    lines = [
        "Two hosts sharing PostgreSQL and Redis "
        f"({CONNECTIONS} readers per host, {SECONDS}s, {PUBLISHES} publishes through host A)",
        f"  shared cache: host A {first_a}, then host B {first_b} for {probe}",
    ]
    for name in ("a", "b"):
        r = results.get(name, {})
        lines.append(
            f"  host {name.upper()}: {r.get('rps', 0):8.1f} req/s  p50 {r.get('p50_ms', 0):6.1f} ms"
            f"  p99 {r.get('p99_ms', 0):6.1f} ms  page cache hit {r.get('hit_ratio', 0):.1%}"
            f"  errors {r.get('errors', '?')}"
        )
    lines.append(
        f"  publishes fresh on both hosts on their first answer: {report['fresh_at_once']}"
        f" (publish p50 {sorted(p['publish_ms'] for p in publishes)[len(publishes) // 2]} ms)"
        if publishes
        else "  no publishes"
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "two_hosts.json").write_text(json.dumps(report, indent=2) + "\n")
    failed = (
        first_b != "hit"
        or fresh != len(publishes)
        or any(r.get("errors") for r in results.values())
        or len(results) != 2
    )
    return "\n".join(lines), 1 if failed else 0


def main():
    if not os.environ.get("CACHE_URL", "").startswith(("redis://", "rediss://", "unix://")):
        raise SystemExit("needs a shared Redis: ops/with-redis.sh python bench/two_hosts.py")
    stack = Stack()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        stack.prepare()
        summary, status = run(stack)
        print(summary)
        print(f"results: {RESULTS / 'two_hosts.json'}")
        return status
    finally:
        stack.close()


if __name__ == "__main__":
    sys.exit(main())
