"""A real server with the demo content, and Debian's Chromium driven by Playwright.

Browser tests run with ``make test-browser`` (which installs Chromium and axe-core through
``ops/browsers.sh install`` and sets ``HUB_BROWSER_TESTS=1``). Anywhere else they skip, and
when ``HUB_BROWSER_TESTS=1`` is set but something is missing, they fail instead of skipping.

The server is a gunicorn process (two workers, like production) on 127.0.0.1 with its own
SQLite database, migrated and filled by ``manage.py load_demo`` once per session. Nothing in
the pytest process touches that database, so Playwright's sync API and Django's ORM never
meet in one thread.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.support.server import ROOT, ServerProcess, manage, server_env

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_CORE_JS = Path(
    os.environ.get(
        "AXE_CORE_JS", ROOT / "ops" / "node" / "node_modules" / "axe-core" / "axe.min.js"
    )
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "tests" / "browser" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
DEMO_PASSWORD = "partnership-demo"  # noqa: S105 (the demo logins printed by load_demo)

_screenshots: list[Path] = []


def _problem():
    if os.environ.get("HUB_BROWSER_TESTS") != "1":
        return "browser tests run with `make test-browser` (HUB_BROWSER_TESTS=1)"
    if not os.access(CHROMIUM_PATH, os.X_OK):
        return f"{CHROMIUM_PATH} is missing: run ops/browsers.sh install"
    if not AXE_CORE_JS.is_file():
        return f"{AXE_CORE_JS} is missing: run ops/browsers.sh install"
    return None


@pytest.fixture(scope="session")
def browser_ready():
    problem = _problem()
    if problem and os.environ.get("HUB_BROWSER_TESTS") == "1":
        pytest.fail(problem)
    if problem:
        pytest.skip(problem)


@pytest.fixture(scope="session")
def live_site(browser_ready):
    """``live_site.url``: the demo site served by gunicorn on 127.0.0.1."""
    workdir = Path(tempfile.mkdtemp(prefix="hub-browser-"))
    env = server_env(
        DJANGO_SETTINGS_MODULE="tests.browser.settings",
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        CACHE_DIR=str(workdir / "cache"),
        MEDIA_ROOT=str(workdir / "media"),
        LOG_LEVEL="WARNING",
    )
    manage("migrate", "--noinput", env=env)
    manage("load_demo", env=env, timeout=1500)  # about 2 minutes on a quiet 2-core machine
    server = ServerProcess(env, workers=2, threads=4, log_path=workdir / "server.log")
    server.start()
    yield server
    server.stop()
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def browser(browser_ready):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


class PageProblems:
    """Console errors and uncaught exceptions, e.g. a script the CSP refused to run."""

    def __init__(self):
        self.errors = []

    def attach(self, page):
        page.on(
            "console",
            lambda message: message.type == "error" and self.errors.append(message.text),
        )
        page.on("pageerror", lambda error: self.errors.append(str(error)))


@pytest.fixture
def new_page(browser, live_site):
    """``new_page(viewport=DESKTOP, locale="en-GB")``: a fresh browser context and page.

    After the test, any console error (CSP violations included) fails it.
    """
    contexts = []
    problems = PageProblems()

    def make(viewport=DESKTOP, locale="en-GB", **options):
        context = browser.new_context(
            base_url=live_site.url, viewport=viewport, locale=locale, **options
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        problems.attach(page)
        return page

    yield make
    for context in contexts:
        context.close()
    # 404: e.g. /favicon.ico; 429: a sign-in lockout page (tested on purpose).
    ignorable = re.compile(r"Failed to load resource: .* status of 4(04|29) ")
    errors = [error for error in problems.errors if not ignorable.search(error)]
    assert not errors, f"console errors: {errors}"


@pytest.fixture
def page(new_page):
    return new_page()


def sign_in(page, who):
    """Sign in through the real form as a demo user (``officer``, ``staff``, …)."""
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill(f"{who}@demo.partnershiphub.eu")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page):
    """Run axe-core's WCAG 2.0–2.2 A/AA rules on the current page; return the violations.

    axe is evaluated through the DevTools protocol, which the page's CSP does not govern,
    so the policy stays exactly as served.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_CORE_JS.read_text())
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                    resultTypes: ['violations']});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary),
            }));
        }""",
        AXE_TAGS,
    )


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    _screenshots.append(path)
    return path


def pytest_terminal_summary(terminalreporter):
    if _screenshots:
        terminalreporter.section("browser screenshots")
        for path in _screenshots:
            terminalreporter.write_line(str(path))
