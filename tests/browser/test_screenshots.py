"""Screenshots of the main pages at desktop (1280px) and phone (390px) widths.

Saved under tests/browser/screenshots/ (ignored by git); their paths are listed at the end
of the pytest run so CI logs show where to find them. Each screenshot is taken only after the
page has shown what a reader came for (its heading, its main content) without sideways
scrolling, so a blank, broken or overflowing page fails here rather than being filed.
"""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, screenshot, sign_in

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/en/",
    "registry": "/en/projects/",
    "registry-filtered": "/en/projects/?q=survey&status=active",
    "search": "/en/search/?q=wellbeing",
    "login": "/en/accounts/login/",
    "registry-de": "/de/projects/",
}


def check_and_shoot(page, name, width):
    """The page has one visible heading and a main landmark, fits the width; then a shot."""
    heading = page.locator("main h1")
    assert heading.count() == 1, f"{name}: {heading.count()} main headings"
    assert heading.is_visible(), name
    assert heading.inner_text().strip(), f"{name}: empty heading"
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}"
    screenshot(page, f"{name}-{width}")


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_screenshots_of_the_main_pages(new_page, width):
    page = new_page(viewport=DESKTOP if width == "desktop" else PHONE)
    for name, path in PAGES.items():
        response = page.goto(path)
        assert response.status == 200, path
        check_and_shoot(page, name, width)
    page.goto("/en/projects/")
    page.locator(".project-card a").first.click()
    page.wait_for_load_state()
    check_and_shoot(page, "project", width)
    page.goto("/de/guidance/")
    page.locator(".guideline-card .card__title a").first.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "de"
    check_and_shoot(page, "guideline-de", width)
    sign_in(page, "officer")
    page.goto("/en/")
    check_and_shoot(page, "home-signed-in", width)
    page.goto("/en/induction/")
    assert page.locator('.officer-nav [aria-current="page"]').count() == 1
    check_and_shoot(page, "induction-dashboard-signed-in", width)


def test_phone_registry_with_the_filters_open(new_page):
    """On a phone the filters start folded; opened, they show their choices and the count."""
    page = new_page(viewport=PHONE)
    page.goto("/en/projects/?status=active&theme=wellbeing")
    filters = page.locator("details.filters")
    assert filters.get_attribute("open") is None  # folded on a phone
    assert "2" in page.locator(".filters__count").inner_text()
    page.locator("details.filters > summary").click()
    assert filters.get_attribute("open") is not None
    assert page.get_by_role("button", name="Apply filters").is_visible()
    check_and_shoot(page, "registry-filters-open", "phone")
