"""Phone layout, layout shift and a clean console: the compact header and its menu, folded
filters with their count and a skip link, no layout shift on the registry, and no console
error (not even a missing favicon) on the main page types."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.browser.test_guidance_and_induction import first_guideline

pytestmark = pytest.mark.browser

# Sums layout-shift entries without recent input, as Lighthouse's CLS does (a page this short
# fits in one session window).
CLS_OBSERVER = """() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) { window.__cls += entry.value; }
        }
    }).observe({type: "layout-shift", buffered: true});
}"""


def test_signed_in_header_is_compact_on_a_phone_and_its_menu_opens(new_page):
    page = new_page(viewport=PHONE)
    sign_in(page, "officer")
    page.goto("/en/induction/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 120, header
    menu = page.locator(".site-menu__toggle")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_be_hidden()
    box = menu.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24
    menu.focus()
    page.keyboard.press("Enter")
    expect(nav).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.keyboard.press("Enter")
    expect(nav).to_be_hidden()
    screenshot(page, "dashboard-signed-in-phone")


def test_header_menu_is_open_without_javascript_on_a_phone(new_page):
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto("/en/")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()


@pytest.mark.parametrize(
    "path", ["/en/projects/", "/en/guidance/resources/", "/en/search/?q=wellbeing"]
)
def test_filters_fold_on_a_phone_with_their_count_and_a_skip_link(new_page, path):
    page = new_page(viewport=PHONE)
    page.goto(path)
    panel = page.locator("details.filters")
    expect(panel).not_to_have_attribute("open", re.compile(".*"))
    skip = page.get_by_role("link", name="Skip to results")
    expect(skip).to_be_visible()
    assert page.locator(skip.get_attribute("href")).count() == 1
    target = skip.get_attribute("href")
    skip.click()
    expect(page.locator(target)).to_be_focused()
    page.locator("details.filters > summary").click()
    page.locator("details.filters input[type=checkbox]").first.check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    expect(panel).not_to_have_attribute("open", re.compile(".*"))
    expect(page.locator("details.filters > summary")).to_contain_text("(1 selected)")
    if "projects" in path:
        screenshot(page, "registry-filters-phone")


def test_registry_does_not_shift_on_a_phone(new_page):
    page = new_page(viewport=PHONE)
    page.add_init_script(f"({CLS_OBSERVER})()")
    page.goto("/en/projects/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)
    cls = page.evaluate("() => window.__cls")
    assert cls < 0.01, cls


def test_no_console_errors_on_the_main_page_types(new_page):
    page = new_page(viewport=PHONE)
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append((page.url, m.text)))
    page.on("pageerror", lambda e: errors.append((page.url, str(e))))
    for path in ["/en/", "/en/projects/", "/en/guidance/", "/en/search/?q=survey"]:
        assert page.goto(path).status == 200
        page.wait_for_load_state("load")
    page.goto("/en/projects/")
    page.goto(page.locator(".project-card a").first.get_attribute("href"))
    page.goto(first_guideline(page))
    page.wait_for_load_state("load")
    sign_in(page, "officer")
    page.goto("/en/induction/")
    page.wait_for_load_state("load")
    assert errors == []


def test_guideline_has_a_print_button_and_a_description(new_page):
    page = new_page(viewport=PHONE)
    page.goto(first_guideline(page))
    expect(page.locator("[data-print]")).to_be_visible()
    expect(page.locator('meta[name="description"]')).to_have_attribute("content", re.compile(r"\w"))
    screenshot(page, "guideline-phone")


def test_print_button_stays_hidden_without_javascript(new_page):
    page = new_page(java_script_enabled=False)
    page.goto(first_guideline(page))
    expect(page.locator("[data-print]")).to_be_hidden()
