"""Read load with and without officers writing at the same time: does the page cache hold?

    python bench/mixed.py            (or: make bench-mixed)

The stack of bench/load.py (PostgreSQL, gunicorn with 2 workers, production settings, the
anonymous page cache on; a shared cache when CACHE_URL is set and the settings read it). wrk
sends BENCH_CONNECTIONS anonymous readers round the public pages (home, registry, a registry
filter, a project, a guideline) for BENCH_SECONDS, three times, always the same reader mix:

- "read-only": readers alone;
- "mixed": the same readers while signed-in officers (bench accounts in the Officers group,
  with the demo officer's terms, created by a management-shell step) write from
  BENCH_WRITERS threads (default 4) at BENCH_WRITE_RATE turns per second in all (default 5),
  in turn: tick (or untick) an induction checklist item, answer "Was this helpful?" on a
  guideline, and ask to join a project then withdraw the request (two POSTs), so about 6.7
  POSTs a second (bench/writers.py);
- "read-only again": readers alone once more. The mixed pass is compared with the mean of
  the two read-only passes, so a machine that gets busier or quieter during the run favours
  neither.

What the writes measure: the POSTs alone, as the site answers them. Officers are signed in
through the sign-in form before the first pass (a sign-in hashes a password on purpose; it is
not one of the writes), the feedback form is sent as its script sends it (asking for JSON),
and the redirect after a form POST is not followed: the page a browser would show next is a
signed-in page view, never page-cached by design, not a write (the bench drops the messages
cookie that page would have consumed). Each officer hands over to the next after answering
every guideline once or after five join requests (the hourly limit).

A wrk Lua script counts each response's ``X-Page-Cache`` header (hit, miss, none), so every
pass reports the page-cache hit ratio beside requests per second. Targets (reported, not
enforced; a shared machine's numbers vary): the mixed pass keeps a hit ratio ≥ 95% and
throughput within 10% of the read-only passes. Writers say they come through the TLS proxy
with their own address (NUM_PROXIES=1 and X-Forwarded-For), so per-address limits apply to
each. bench/profile_writes.py profiles the same writes in-process (queries, time, cProfile).

Results in bench/results/mixed.json and a printed summary. ``BENCH_MIXED=1 python
bench/load.py`` runs the same passes after the load benchmark's, on its prepared database
(preparing one takes minutes). Exit 1 when a reader request fails,
a write is answered with a 5xx or a writer's request fails.

Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (50), BENCH_WRITERS (4),
BENCH_WRITE_RATE (5), CACHE_URL, OPS_STATE_DIR.
"""

from __future__ import annotations

import json
import math
import os
import re
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import environment  # noqa: E402
from bench.stack import (  # noqa: E402
    CONNECTIONS,
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
from bench.writers import Writers  # noqa: E402

WRITERS = int(os.environ.get("BENCH_WRITERS", "4"))
WRITE_RATE = float(os.environ.get("BENCH_WRITE_RATE", "5"))
# Enough officers for the pass: each writes about 15 turns before handing over (after five
# join requests, the hourly limit), and a few spare.
BENCH_OFFICERS = math.ceil(SECONDS * WRITE_RATE / 15) + 2 * WRITERS
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
print("BENCH-SETUP " + json.dumps({
    "emails": emails, "checklist": checklist, "feedback": guidelines, "projects": projects,
    "join_limit": joining.RATE_LIMIT,
}))
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
        f"{label:15} {result['rps']:8.1f} req/s  p50 {result['p50_ms']:6.1f} ms  "
        f"p99 {result['p99_ms']:6.1f} ms  page cache hit {result['hit_ratio']:.1%} "
        f"({hits} hit, {misses} miss, {none} none)  errors {result['errors']}"
    )
    return result


def summarise(report):
    passes = report["passes"]
    read, mixed = passes["read-only"], passes["mixed"]
    writes = report["writes"]
    # The mixed pass against the mean of the read-only passes on either side of it, so that a
    # machine getting busier or quieter during the run does not favour either.
    read_rps = (read["rps"] + passes["read-only again"]["rps"]) / 2
    ratio = mixed["rps"] / read_rps if read_rps else 0
    lines = [
        f"Mixed load: gunicorn 2 workers, production settings, PostgreSQL, cache "
        f"{report['setup']['cache']}; {CONNECTIONS} anonymous readers (wrk) round "
        f"{len(read['paths'])} pages, {SECONDS}s per pass",
        f"{'pass':15} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'page-cache hits':>16}",
    ]
    for name, result in report["passes"].items():
        lines.append(
            f"{name:15} {result['rps']:8.1f} {result['p50_ms']:7.1f} {result['p99_ms']:7.1f} "
            f"{result['hit_ratio']:16.1%}"
        )
    lines.append(
        f"writes during the mixed pass: {writes['requests']} POSTs by signed-in officers "
        f"({writes['posts_per_second']}/s; p50 {writes['p50_ms']} ms, p99 {writes['p99_ms']} "
        f"ms): " + ", ".join(f"{k}: {v}" for k, v in writes["outcomes"].items())
    )
    if writes["outcomes"].get("no officer left"):
        lines.append("WARNING: the writers ran out of officers before the pass ended")
    hit_ok = mixed["hit_ratio"] >= HIT_RATIO_TARGET
    rps_ok = ratio >= THROUGHPUT_TARGET
    lines.append(
        f"mixed hit ratio {mixed['hit_ratio']:.1%} ({'ok' if hit_ok else 'LOW'}: target ≥ "
        f"{HIT_RATIO_TARGET:.0%}); throughput {ratio:.0%} of read-only ({read_rps:.1f} req/s, "
        f"the mean of the passes before and after) "
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
            "writers": f"{WRITERS} threads, {WRITE_RATE:g} turns/s in all (a join turn is "
            "a join and a withdrawal)",
        },
        "passes": {},
    }
    writers = Writers(stack.base, plan, BENCH_PASSWORD, WRITERS, WRITE_RATE)
    log(f"signing in {len(plan['emails'])} bench officers")
    writers.sign_in_all()
    report["passes"]["read-only"] = read_pass(stack, urls, "read-only")
    writers.start()
    try:
        report["passes"]["mixed"] = read_pass(stack, urls, "mixed")
    finally:
        report["writes"] = writers.finish()
    report["passes"]["read-only again"] = read_pass(stack, urls, "read-only again")
    summary = summarise(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "mixed.json").write_text(json.dumps(report, indent=2) + "\n")
    outcomes = report["writes"]["outcomes"]
    failed_writes = sum(n for k, n in outcomes.items() if k.split()[-1].startswith("5"))
    failed_writes += sum(n for k, n in outcomes.items() if k.startswith("error "))
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
