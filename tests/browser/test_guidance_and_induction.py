"""Journeys through the knowledge base and the officers' induction hub, and axe on their pages."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.browser.test_accessibility import LANGUAGES, assert_no_violations

pytestmark = pytest.mark.browser


def first_guideline(page, lang="en"):
    page.goto(f"/{lang}/guidance/?sort=newest")
    link = page.locator(".card-list a").first
    expect(link).to_be_visible()
    return link.get_attribute("href")


def test_a_reader_finds_a_guideline_and_jumps_to_a_section(page):
    page.goto("/en/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name=re.compile("Guidance|Knowledge", re.I)
    ).first.click()
    assert urlsplit(page.url).path == "/en/guidance/"
    page.get_by_label("Search guidance").fill("course representatives")
    page.get_by_label("Search guidance").press("Enter")
    result = page.locator(".card-list a").first
    expect(result).to_be_visible()
    title = result.inner_text()
    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    toc = page.get_by_role("navigation", name="On this page")
    entry = toc.get_by_role("link").first
    target = entry.get_attribute("href")
    assert target.startswith("#")
    entry.click()
    assert urlsplit(page.url).fragment == target[1:]
    expect(page.locator(target)).to_be_in_viewport()


def test_an_officer_signs_in_reads_the_dashboard_and_opens_a_project(page):
    sign_in(page, "officer")
    page.goto("/en/induction/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    for heading in ("Your progress", "Your manifesto", "Projects you've joined"):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    joined = page.locator("section[aria-labelledby=projects-heading] a[href*='/projects/']").first
    expect(joined).to_be_visible()
    title = joined.inner_text()
    joined.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    # Signed in, the project's contacts show their e-mail addresses.
    expect(page.locator("a[href^='mailto:']").first).to_be_visible()


GUIDANCE_PAGES = {
    "guidance": "guidance/",
    "guidance-search": "guidance/?q=agreement",
    "guidance-browse": "guidance/?sort=newest",
    "resource-library": "guidance/resources/",
    "induction-visitor": "induction/",
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(GUIDANCE_PAGES))
def test_guidance_and_induction_pages_have_no_violations(page, lang, name):
    response = page.goto(f"/{lang}/{GUIDANCE_PAGES[name]}")
    assert response.status == 200
    assert_no_violations(page, f"/{lang}/{GUIDANCE_PAGES[name]}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_guideline_page_has_no_violations(page, lang):
    page.goto(first_guideline(page, lang))
    assert_no_violations(page, f"{lang} guideline")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_programme_and_module_pages_have_no_violations(page, lang):
    page.goto(f"/{lang}/induction/")
    page.locator("#programme-heading a").click()
    page.wait_for_load_state()
    assert_no_violations(page, f"{lang} induction programme")
    page.locator(".module-list__title a").first.click()
    page.wait_for_load_state()
    assert_no_violations(page, f"{lang} training module")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_officer_pages_have_no_violations(page, lang):
    sign_in(page, "officer")
    page.goto(f"/{lang}/induction/")
    assert_no_violations(page, f"{lang} officer dashboard")
    links = {
        urlsplit(a.get_attribute("href")).path
        for a in page.locator("main a[href^='/']").all()
        if "/induction/" in (a.get_attribute("href") or "")
    }
    checked = 0
    for path in sorted(links)[:8]:
        response = page.goto(path)
        if response.status == 200 and "text/html" in response.headers.get("content-type", ""):
            assert_no_violations(page, f"{path} (officer)")
            checked += 1
    assert checked >= 3, links


@pytest.mark.parametrize("lang", LANGUAGES)
def test_manifesto_form_with_errors_has_no_violations(page, lang):
    sign_in(page, "officer")
    page.goto(f"/{lang}/induction/manifesto/")
    form = page.locator("main form:has(input[name=action][value=add])")
    form.locator("button[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.locator("[aria-invalid=true], .error-summary, .error-message").count() > 0
    assert_no_violations(page, f"{lang} manifesto with errors")


def test_screenshots_of_guidance_and_the_dashboard(new_page):
    for width, viewport in (("desktop", None), ("phone", PHONE)):
        page = new_page(viewport=viewport) if viewport else new_page()
        page.goto("/en/guidance/")
        screenshot(page, f"guidance-{width}")
        page.goto(first_guideline(page))
        screenshot(page, f"guideline-{width}")
        sign_in(page, "officer")
        page.goto("/en/induction/")
        screenshot(page, f"induction-dashboard-{width}")
