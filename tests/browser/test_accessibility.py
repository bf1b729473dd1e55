"""axe-core on every kind of page, in English, German, Polish and Slovenian: no WCAG 2.0–2.2
A/AA violations. Polish and Slovenian pages are mostly untranslated aliases (a notice, English
text marked lang="en"), so they check the fallback's markup; their interface words may change
as catalogues land, and nothing here depends on them.

Each page is checked as served (its CSP intact) at desktop width, and the main ones at
phone width too, where reflow and target-size problems show.
"""

import pytest

from tests.browser.conftest import PHONE, axe_violations, sign_in

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "de", "pl", "sl"]
# name → path after the language prefix
PAGES = {
    "home": "",
    "registry": "projects/",
    "registry-filtered": "projects/?q=survey&status=active&sort=title",
    "registry-empty": "projects/?q=zzzz-no-such-project",
    "registry-page-2": "projects/?page=2",
    "search": "search/",
    "search-results": "search/?q=survey",
    "search-no-results": "search/?q=zzzz-no-such-thing",
    "guidance-search": "guidance/?q=agreements",
    "library-search": "guidance/resources/?q=surveys",
    "login": "accounts/login/",
    "password-reset": "accounts/password_reset/",
    "password-reset-sent": "accounts/password_reset/sent/",
    "password-reset-expired-link": "accounts/reset/MQ/no-such-token/",
    "not-found": "no-such-page/",
}


def assert_no_violations(page, label):
    violations = axe_violations(page)
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"])
        for v in violations
    )
    assert not violations, f"{label}: {len(violations)} axe violations\n{report}"


def first_project_path(page, lang):
    page.goto(f"/{lang}/projects/")
    return page.locator(".project-card a").first.get_attribute("href")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_violations(page, lang, name):
    response = page.goto(f"/{lang}/{PAGES[name]}")
    assert response.status == (404 if name == "not-found" else 200)
    assert page.locator("html").get_attribute("lang") == lang
    assert_no_violations(page, f"/{lang}/{PAGES[name]}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_project_page_has_no_violations(page, lang):
    page.goto(first_project_path(page, lang))
    assert_no_violations(page, f"{lang} project page")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sign_in_form_with_errors_has_no_violations(page, lang):
    page.goto(f"/{lang}/accounts/login/")
    page.locator("#id_username").fill("nobody@example.org")
    page.locator("#id_password").fill("wrong")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()
    assert_no_violations(page, f"{lang} sign-in with errors")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_signed_in_pages_have_no_violations(page, lang):
    sign_in(page, "officer")
    for path in (f"/{lang}/", f"/{lang}/projects/"):
        page.goto(path)
        assert_no_violations(page, f"{path} signed in")
    page.goto(first_project_path(page, lang))
    assert_no_violations(page, f"{lang} project page signed in")


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "registry",
        "registry-filtered",
        "search-results",
        "guidance-search",
        "library-search",
    ],
)
def test_phone_width_has_no_violations_and_no_sideways_scrolling(new_page, name):
    page = new_page(viewport=PHONE)
    page.goto(f"/en/{PAGES[name]}")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at 390px"
    assert_no_violations(page, f"{name} at phone width")


def test_the_check_itself_catches_violations(page):
    """A control case: the same check fails a page with known problems."""
    page.goto("/en/")
    page.evaluate(
        """() => {
            const img = document.createElement('img');
            img.src = '/static/missing.png';
            document.querySelector('main').append(img);
            document.documentElement.removeAttribute('lang');
        }"""
    )
    ids = {violation["id"] for violation in axe_violations(page)}
    assert {"image-alt", "html-has-lang"} <= ids
