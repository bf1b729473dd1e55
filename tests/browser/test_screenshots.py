"""Screenshots of the main pages at desktop (1280px) and phone (390px) widths.

Saved under tests/browser/screenshots/ (ignored by git); their paths are listed at the end
of the pytest run so CI logs show where to find them.
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


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_screenshots_of_the_main_pages(new_page, width):
    page = new_page(viewport=DESKTOP if width == "desktop" else PHONE)
    for name, path in PAGES.items():
        response = page.goto(path)
        assert response.status == 200, path
        path_ = screenshot(page, f"{name}-{width}")
        assert path_.stat().st_size > 5_000
    page.goto("/en/projects/")
    page.locator(".project-card a").first.click()
    page.wait_for_load_state()
    screenshot(page, f"project-{width}")
    sign_in(page, "officer")
    page.goto("/en/")
    screenshot(page, f"home-signed-in-{width}")
