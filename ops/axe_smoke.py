# ruff: noqa: T201, S603, S310  (a CLI smoke test: prints, runs http.server, fetches 127.0.0.1)
"""Smoke test for the browser-test toolchain (run by `ops/browsers.sh verify`).

Serves two tiny pages with `python3 -m http.server` on 127.0.0.1, drives
Debian's Chromium through Playwright (no Playwright-managed browser), injects
axe-core and runs the WCAG 2.x A/AA rule sets. Passes when the clean page has
no violations and the broken page reports the expected ones.

Environment: CHROMIUM_PATH (default /usr/bin/chromium), AXE_CORE_JS (required).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

GOOD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partnership Hub smoke</title></head>
<body><header><nav aria-label="Main"><a href="/">Home</a></nav></header>
<main><h1>Partners</h1><p>Accessible content.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Logo"></main></body></html>
"""
BAD = """<!doctype html>
<html><head><meta charset="utf-8"><title>Broken</title></head>
<body><main><h1>Broken</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="color:#bbb;background:#fff">low contrast text</p></main></body></html>
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"http.server did not answer at {url} within {timeout}s")


def run_axe(page, url: str, axe_js: str) -> dict:
    page.goto(url, wait_until="load", timeout=30_000)
    page.add_script_tag(path=axe_js)
    return page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return {version: axe.version,
                    violations: r.violations.map(
                        v => ({id: v.id, impact: v.impact, nodes: v.nodes.length})),
                    passes: r.passes.length};
        }""",
        AXE_TAGS,
    )


def main() -> int:
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    axe_js = os.environ["AXE_CORE_JS"]
    with tempfile.TemporaryDirectory(prefix="axe-smoke-") as tmp:
        Path(tmp, "good.html").write_text(GOOD, encoding="utf-8")
        Path(tmp, "bad.html").write_text(BAD, encoding="utf-8")
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "http.server",
                str(port),
                "--bind",
                "127.0.0.1",
                "--directory",
                tmp,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_http(base + "/good.html")
            t0 = time.monotonic()
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=chromium, args=CHROMIUM_ARGS, headless=True
                )
                try:
                    page = browser.new_page()
                    good = run_axe(page, base + "/good.html", axe_js)
                    bad = run_axe(page, base + "/bad.html", axe_js)
                    version = browser.version
                finally:
                    browser.close()
            elapsed = time.monotonic() - t0
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()

    bad_ids = sorted(v["id"] for v in bad["violations"])
    print(
        f"chromium {version}, axe-core {good['version']}, tags {','.join(AXE_TAGS)}, {elapsed:.1f}s"
    )
    print(f"good page: {len(good['violations'])} violations, {good['passes']} passing rules")
    print(f"bad page:  violations {bad_ids}")
    expected = {"image-alt", "html-has-lang", "color-contrast"}
    ok = not good["violations"] and expected.issubset(bad_ids)
    if not ok:
        print(
            f"FAILED: expected no violations on good page and {sorted(expected)} on bad page; "
            f"good={good['violations']}",
            file=sys.stderr,
        )
        return 1
    print("axe smoke test: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
