"""Read load with and without officers writing at the same time: does the page cache hold?

    python bench/mixed.py            (or: make bench-mixed)

The stack of bench/load.py (PostgreSQL, gunicorn with 2 workers, production settings, the
anonymous page cache on; a shared cache when CACHE_URL is set and the settings read it). wrk
sends BENCH_CONNECTIONS anonymous readers round the public pages (home, registry, a registry
filter, a project, a guideline) for BENCH_SECONDS, twice:

- "read-only": readers alone;
- "mixed": the same readers while signed-in officers (bench accounts in the Officers group,
  with the demo officer's terms, created by a management-shell step) write at
  BENCH_WRITE_RATE requests per second in all (default 5) from BENCH_WRITERS threads
  (default 4), in turn: tick an induction checklist, answer "Was this helpful?" on a
  guideline, and ask to join a project (then withdraw the request, so it can be asked again).

A wrk Lua script counts each response's ``X-Page-Cache`` header (hit, miss, none), so both
passes report the page-cache hit ratio beside requests per second. Targets (reported, not
enforced; a shared machine's numbers vary): the mixed pass keeps a hit ratio ≥ 95% and
throughput within 10% of the read-only pass. Writers sign in like browsers do (the sign-in
form, its CSRF token, the session cookie) and say they come through the TLS proxy with their
own address (NUM_PROXIES=1 and X-Forwarded-For), so per-address limits apply to each.

Results in bench/results/mixed.json and a printed summary. ``BENCH_MIXED=1 python
bench/load.py`` runs the same passes after the load benchmark's, on its prepared database
(preparing one takes minutes). Exit 1 when a reader request fails
or a write is refused with a 5xx.

Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (50), BENCH_WRITERS (4),
BENCH_WRITE_RATE (5), CACHE_URL, OPS_STATE_DIR.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import sys
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import environment  # noqa: E402
from bench.load import (  # noqa: E402
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

WRITERS = int(os.environ.get("BENCH_WRITERS", "4"))
WRITE_RATE = float(os.environ.get("BENCH_WRITE_RATE", "5"))
BENCH_OFFICERS = 40
BENCH_PASSWORD = "bench-officer-password-1"  # noqa: S105 (a throw-away database's accounts)
READ_PAGES = ("home", "registry", "registry search", "project", "guideline")
HIT_RATIO_TARGET = 0.95
THROUGHPUT_TARGET = 0.90

# Runs in `manage.py shell`: bench officers like the demo officer, and what they can write to.
SETUP = """
import json
from django.contrib.auth import get_user_model
from induction.models import OfficerTerm, TrainingModulePage
from induction.progress import ProgressRefused, check_can_track
from knowledge.models import GuidelinePage
from projects import joining
from projects.models import ProjectPage

User = get_user_model()
demo = User.objects.get(email="officer@demo.partnershiphub.eu")
terms = list(OfficerTerm.objects.filter(user=demo))
groups = list(demo.groups.all())
emails = []
for n in range(COUNT):
    email = f"bench-officer-{n}@bench.invalid"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, first_name="Bench", last_name=f"Officer {n}")
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(*groups)
        for term in terms:
            OfficerTerm.objects.create(
                user=user, role=term.role, starts_on=term.starts_on, ends_on=term.ends_on
            )
    emails.append(email)
first = User.objects.get(email=emails[0])
checklist = None
for module in TrainingModulePage.objects.live().filter(locale__language_code="en"):
    try:
        check_can_track(first, module)
    except ProgressRefused:
        continue
    for block in module.lessons:
        if block.block_type == "checklist":
            items = [item.id for item in block.value["items"].bound_blocks]
            checklist = {"url": module.url + "progress/", "block": block.id, "items": items}
            break
    if checklist:
        break
guidelines = [
    page.url + "feedback/"
    for page in GuidelinePage.objects.live().filter(locale__language_code="en")
]
projects = [
    page.pk
    for page in ProjectPage.objects.live().filter(locale__language_code="en")
    if joining.refusal(first, page.get_canonical()) is None
]
print("BENCH-SETUP " + json.dumps(
    {"emails": emails, "checklist": checklist, "feedback": guidelines, "projects": projects}
))
"""

READER_SCRIPT = """
-- Anonymous readers round the public pages; counts X-Page-Cache per response.
local paths = {PATHS}
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  hits, misses, other, position = 0, 0, 0, 0
end
wrk.headers["X-Forwarded-Proto"] = "https"
function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end
function response(status, headers, body)
  local state = headers["X-Page-Cache"] or headers["x-page-cache"]
  if state == "hit" then
    hits = hits + 1
  elseif state == "miss" then
    misses = misses + 1
  else
    other = other + 1
  end
end
function done(summary, latency, requests)
  local h, m, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    h = h + thread:get("hits")
    m = m + thread:get("misses")
    o = o + thread:get("other")
  end
  io.write(string.format("PAGE-CACHE hit %d miss %d none %d\\n", h, m, o))
end
"""


def bench_setup(stack):
    script = SETUP.replace("COUNT", str(BENCH_OFFICERS)).replace("PASSWORD", repr(BENCH_PASSWORD))
    out = stack.manage("shell", "-c", script)
    line = next(line for line in out.splitlines() if line.startswith("BENCH-SETUP "))
    data = json.loads(line.removeprefix("BENCH-SETUP "))
    if not data["checklist"]:
        raise SystemExit("no induction checklist the bench officers may tick")
    if not data["feedback"] or not data["projects"]:
        raise SystemExit("no guideline or no project open to join in the demo")
    return data


def read_pass(stack, urls, label):
    """wrk round the reader pages; req/s, latency and X-Page-Cache counts."""
    paths = [urls[name] for name in READ_PAGES if name in urls]
    for path in paths:  # warm the workers and the page cache
        for _ in range(3):
            status, _headers, _body = fetch(stack.base + path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
    script = stack.workdir / "readers.lua"
    lua_paths = "{" + ", ".join(map(json.dumps, paths)) + "}"
    script.write_text(READER_SCRIPT.replace("{PATHS}", lua_paths))
    out = run_wrk("--script", script, stack.base)
    measured = parse_wrk(out)
    counts = re.search(r"PAGE-CACHE hit (\d+) miss (\d+) none (\d+)", out)
    hits, misses, none = (int(n) for n in counts.groups())
    result = {
        "requests": measured["requests"],
        "rps": measured["rps"],
        "p50_ms": measured["p50_ms"],
        "p99_ms": measured["p99_ms"],
        "page_cache": {"hit": hits, "miss": misses, "none": none},
        "hit_ratio": round(hits / (hits + misses + none), 4) if hits + misses + none else 0,
        "errors": measured["socket_errors"] + measured["non_2xx_3xx"],
        "paths": paths,
    }
    log(
        f"{label:9} {result['rps']:8.1f} req/s  p50 {result['p50_ms']:6.1f} ms  "
        f"p99 {result['p99_ms']:6.1f} ms  page cache hit {result['hit_ratio']:.1%} "
        f"({hits} hit, {misses} miss, {none} none)  errors {result['errors']}"
    )
    return result


class Officer:
    """A signed-in officer: a session cookie, and the forms' CSRF tokens, over plain HTTP.

    The site runs behind a TLS proxy (X-Forwarded-Proto: https), so its cookies are Secure;
    this client keeps them itself instead of a cookie jar that would drop them over http.
    """

    def __init__(self, base, email, address):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.origin = f"https://{self.host}:{self.port}"
        self.email, self.address = email, address
        self.cookies = {}

    def request(self, method, path, form=None, token=None):
        headers = {
            PROXY_HEADER[0]: PROXY_HEADER[1],
            "X-Forwarded-For": self.address,
            "Host": f"{self.host}:{self.port}",
        }
        body = None
        if form is not None:
            form = dict(form)
            if token:
                form["csrfmiddlewaretoken"] = token
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + path
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
            return response.status, response.headers, content
        finally:
            connection.close()

    def csrf_token(self, page):
        status, _headers, body = self.request("GET", page)
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        if not match:
            raise RuntimeError(f"no CSRF token on {page} ({status})")
        return match.group(1).decode()

    def sign_in(self, form_page):
        """Sign in through the form; then keep the session's CSRF token from ``form_page``
        (signing in rotates it), as a browser's open tab would for its next forms."""
        login = "/en/accounts/login/"
        status, _headers, _body = self.request(
            "POST",
            login,
            {"username": self.email, "password": BENCH_PASSWORD},
            token=self.csrf_token(login),
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"{self.email} could not sign in ({status})")
        self.token = self.csrf_token(form_page)


class Writers:
    """Officers writing at a steady total rate, round the three kinds of write."""

    def __init__(self, base, plan):
        self.base, self.plan = base, plan
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.outcomes = Counter()
        self.latencies = []
        self.officers = [
            Officer(base, email, f"10.77.{n // 250}.{n % 250 + 1}")
            for n, email in enumerate(plan["emails"])
        ]
        self.next_officer = 0
        self.threads = []

    def take_officer(self):
        with self.lock:
            if self.next_officer >= len(self.officers):
                return None
            officer = self.officers[self.next_officer]
            self.next_officer += 1
        officer.sign_in(self.plan["checklist"]["url"].removesuffix("progress/"))
        officer.feedback = list(self.plan["feedback"])
        officer.projects = list(self.plan["projects"])
        officer.ticked = False
        return officer

    def record(self, kind, status, started):
        with self.lock:
            self.outcomes[f"{kind} {status}"] += 1
            self.latencies.append(time.perf_counter() - started)

    def tick(self, officer):
        checklist = self.plan["checklist"]
        officer.ticked = not officer.ticked
        items = checklist["items"][:1] if officer.ticked else []
        form = {"action": "checklist", "block": checklist["block"], "item": items}
        started = time.perf_counter()
        status, _h, _b = officer.request("POST", checklist["url"], form, token=officer.token)
        self.record("progress", status, started)

    def feedback(self, officer):
        if not officer.feedback:
            return False
        url = officer.feedback.pop(0)
        started = time.perf_counter()
        status, _h, _b = officer.request("POST", url, {"helpful": "yes", "comment": ""})
        self.record("feedback", status, started)
        return True

    def join(self, officer):
        if not officer.projects:
            return False
        pk = officer.projects[0]
        url = f"/en/projects/manage/{pk}/join/"
        form = {"message": "Benchmark: I would like to help.", "how_to_help": "Surveys."}
        started = time.perf_counter()
        status, headers, _b = officer.request("POST", url, form, token=officer.token)
        self.record("join", status, started)
        if status == 429:  # this officer's hourly limit: the next officer takes over
            return False
        match = re.search(r"/requests/(\d+)/", headers.get("Location", ""))
        if status == 302 and match:
            withdraw = f"/en/projects/requests/{match.group(1)}/withdraw/"
            started = time.perf_counter()
            status, _h, _b = officer.request("POST", withdraw, {}, token=officer.token)
            self.record("withdraw", status, started)
        else:
            officer.projects.pop(0)
        return True

    def work(self, interval):
        officer = self.take_officer()
        kinds = [self.tick, self.feedback, self.join]
        turn = 0
        next_at = time.perf_counter()
        while officer and not self.stop.is_set():
            next_at += interval
            try:
                if kinds[turn % 3](officer) is False:
                    officer = self.take_officer()
            except (OSError, RuntimeError) as error:
                with self.lock:
                    self.outcomes[f"error {type(error).__name__}"] += 1
            turn += 1
            pause = next_at - time.perf_counter()
            if pause > 0:
                self.stop.wait(pause)

    def start(self):
        interval = WRITERS / WRITE_RATE
        for _ in range(WRITERS):
            thread = threading.Thread(target=self.work, args=(interval,), daemon=True)
            thread.start()
            self.threads.append(thread)

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)
        latencies = sorted(self.latencies)
        count = len(latencies)
        return {
            "writers": WRITERS,
            "target_rate_per_second": WRITE_RATE,
            "requests": count,
            "outcomes": dict(sorted(self.outcomes.items())),
            "p50_ms": round(latencies[count // 2] * 1000, 1) if count else None,
            "p99_ms": round(latencies[min(count - 1, int(count * 0.99))] * 1000, 1)
            if count
            else None,
            "officers_used": self.next_officer,
        }


def summarise(report):
    read, mixed = report["passes"]["read-only"], report["passes"]["mixed"]
    writes = report["writes"]
    ratio = mixed["rps"] / read["rps"] if read["rps"] else 0
    lines = [
        f"Mixed load: gunicorn 2 workers, production settings, PostgreSQL, cache "
        f"{report['setup']['cache']}; {CONNECTIONS} anonymous readers (wrk) round "
        f"{len(read['paths'])} pages, {SECONDS}s per pass",
        f"{'pass':10} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'page-cache hits':>16}",
    ]
    for name, result in report["passes"].items():
        lines.append(
            f"{name:10} {result['rps']:8.1f} {result['p50_ms']:7.1f} {result['p99_ms']:7.1f} "
            f"{result['hit_ratio']:16.1%}"
        )
    lines.append(
        f"writes during the mixed pass: {writes['requests']} by signed-in officers "
        f"({writes['requests'] / SECONDS:.1f}/s; p50 {writes['p50_ms']} ms): "
        + ", ".join(f"{k}: {v}" for k, v in writes["outcomes"].items())
    )
    hit_ok = mixed["hit_ratio"] >= HIT_RATIO_TARGET
    rps_ok = ratio >= THROUGHPUT_TARGET
    lines.append(
        f"mixed hit ratio {mixed['hit_ratio']:.1%} ({'ok' if hit_ok else 'LOW'}: target ≥ "
        f"{HIT_RATIO_TARGET:.0%}); throughput {ratio:.0%} of read-only "
        f"({'ok' if rps_ok else 'LOW'}: target ≥ {THROUGHPUT_TARGET:.0%})"
    )
    report["targets"] = {
        "mixed_hit_ratio": mixed["hit_ratio"],
        "hit_ratio_at_least_95_percent": hit_ok,
        "throughput_share_of_read_only": round(ratio, 3),
        "throughput_within_10_percent": rps_ok,
    }
    return "\n".join(lines)


def run_mixed(stack):
    """Both passes on a prepared stack; ``(report, summary, exit status)``.

    bench/load.py calls this too (BENCH_MIXED=1), to share its prepared database.
    """
    plan = bench_setup(stack)
    # Writers come through the "proxy" with their own address (X-Forwarded-For).
    stack.serve(page_cache_seconds=300, NUM_PROXIES="1")
    urls = discover_urls(stack)
    report = {
        "benchmark": "mixed",
        "environment": environment(),
        "setup": {
            "server": "gunicorn, 2 sync workers, hub.settings.production, page cache on",
            "database": "PostgreSQL (ops/postgres.sh), demo content",
            "cache": "CACHE_URL" if os.environ.get("CACHE_URL") else "the settings' default",
            "readers": f"wrk, 2 threads, {CONNECTIONS} connections, {SECONDS}s per pass",
            "writers": f"{WRITERS} threads, {WRITE_RATE:g} writes/s in all",
        },
        "passes": {},
    }
    report["passes"]["read-only"] = read_pass(stack, urls, "read-only")
    writers = Writers(stack.base, plan)
    writers.start()
    try:
        report["passes"]["mixed"] = read_pass(stack, urls, "mixed")
    finally:
        report["writes"] = writers.finish()
    summary = summarise(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "mixed.json").write_text(json.dumps(report, indent=2) + "\n")
    failed_writes = sum(
        n for k, n in report["writes"]["outcomes"].items() if k.split()[-1].startswith("5")
    )
    reader_errors = sum(p["errors"] for p in report["passes"].values())
    return report, summary, 1 if reader_errors or failed_writes else 0


def main():
    ensure_wrk()
    stack = Stack()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        stack.prepare()
        _report, summary, status = run_mixed(stack)
        print(summary)
        print(f"results: {RESULTS / 'mixed.json'}")
        return status
    finally:
        stack.close()


if __name__ == "__main__":
    sys.exit(main())
