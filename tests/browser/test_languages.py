"""Readers of every language: long words fit phone screens, untranslated pages say so, and a
signed-in person's language follows them.

Nothing here depends on the words of the Polish or Slovenian catalogues (which translators
are still writing): the tests read lang attributes, addresses and the notice's presence.
"""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.browser

WIDTHS = [320, 390]
LONG_WORD_LANGUAGES = ["de", "fr", "pl", "nl"]
# Every page type a reader can reach without signing in; {first_*} are found on the site.
PAGE_TYPES = {
    "home": "",
    "registry": "projects/",
    "registry-filtered": "projects/?status=active&sort=title",
    "project": "{project}",
    "guidance": "guidance/",
    "guidance-browse": "guidance/?sort=newest",
    "guideline": "{guideline}",
    "resource-library": "guidance/resources/",
    "induction": "induction/",
    "programme": "{programme}",
    "module": "{module}",
    "search-results": "search/?q=survey",
    "sign-in": "accounts/login/",
    "not-found": "no-such-page/",
}


def discover(page, lang):
    """Addresses of one page of each kind that has no fixed address, in ``lang``."""
    found = {}
    page.goto(f"/{lang}/projects/")
    found["project"] = page.locator(".project-card .card__title a").first.get_attribute("href")
    page.goto(f"/{lang}/guidance/?sort=newest")
    found["guideline"] = page.locator(".card-list .card__title a").first.get_attribute("href")
    page.goto(f"/{lang}/induction/")
    found["programme"] = page.locator("#programme-heading a").get_attribute("href")
    found["module"] = page.locator(".module-list__title a").first.get_attribute("href")
    return found


def page_url(lang, path, found):
    if path.startswith("{"):
        return found[path.strip("{}")]
    return f"/{lang}/{path}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LONG_WORD_LANGUAGES)
def test_no_page_scrolls_sideways_at_phone_widths(new_page, lang, width):
    page = new_page(viewport={"width": width, "height": 800})
    found = discover(page, lang)
    wide = {}
    for name, path in PAGE_TYPES.items():
        url = page_url(lang, path, found)
        response = page.goto(url)
        assert response.status == (404 if name == "not-found" else 200), url
        assert page.locator("html").get_attribute("lang") == lang, url
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            wide[url] = overflow
    assert not wide, f"pages wider than {width}px (by px): {wide}"


def test_a_polish_reader_meets_an_untranslated_project_and_its_original(page):
    page.goto("/pl/")
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    page.locator("nav.site-nav a[href='/pl/projects/']").click()
    assert urlsplit(page.url).path == "/pl/projects/"

    # Untranslated cards carry their text's language and a marker.
    card = page.locator(".project-card").first
    expect(card.locator(".card__title")).to_have_attribute("lang", "en")
    expect(card.locator(".badge--language")).to_be_visible()
    title = card.locator(".card__title").inner_text()
    card.locator(".card__title a").click()

    # The project page: Polish around it, English text marked so, and a notice.
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator("h1")).to_have_attribute("lang", "en")
    notice = page.locator(".translation-notice")
    expect(notice).to_be_visible()
    original = notice.locator("a[hreflang=en]")
    expect(original).to_have_attribute("lang", "en")
    # Only real translations are alternates; the Polish alias is not one.
    expect(page.locator("link[rel=alternate][hreflang=x-default]")).to_have_count(1)
    expect(page.locator("link[rel=alternate][hreflang=pl]")).to_have_count(0)

    # The switcher names every language in its own language and marks this one untranslated.
    switcher = page.locator("nav.language-switcher")
    switcher.locator("summary").click()
    links = switcher.locator("a[hreflang]")
    expect(links).to_have_count(8)
    for link in links.all():
        assert link.get_attribute("lang") == link.get_attribute("hreflang")
    polish = switcher.locator("a[hreflang=pl]")
    expect(polish).to_have_attribute("aria-current", "true")
    expect(polish.locator(".language-switcher__note")).to_have_attribute("lang", "pl")

    original.click()
    assert urlsplit(page.url).path.startswith("/en/projects/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator(".translation-notice")).to_have_count(0)
    expect(page.locator("h1")).not_to_have_attribute("lang", re.compile(".+"))


def _sign_in_at(page, login_path, who="officer2"):
    page.goto(login_path)
    page.locator("#id_username").fill(f"{who}@demo.partnershiphub.eu")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def _choose_language(page, code):
    page.locator("select[name=preferred_language]").select_option(code)
    page.locator("main form:has(select[name=preferred_language]) button[type=submit]").click()
    page.wait_for_load_state()


def test_a_slovenian_officer_chooses_slovenian_and_the_site_follows(page):
    _sign_in_at(page, "/en/accounts/login/")
    page.goto("/en/account/")
    options = page.locator("select[name=preferred_language] option")
    expect(options).to_have_count(8)
    assert options.evaluate_all("o => o.map(x => x.lang)") == [
        "en",
        "de",
        "fr",
        "es",
        "it",
        "pl",
        "sl",
        "nl",
    ]
    expect(page.locator("select[name=preferred_language] option[value=sl]")).to_have_text(
        "Slovenščina"
    )
    _choose_language(page, "sl")
    try:
        assert urlsplit(page.url).path == "/sl/account/"
        expect(page.locator("html")).to_have_attribute("lang", "sl")

        # Signed out and back in on a German page: the site opens in Slovenian.
        page.locator("form[action$='/accounts/logout/'] button").click()
        page.wait_for_load_state()
        _sign_in_at(page, "/de/accounts/login/?next=/de/projects/")
        assert urlsplit(page.url).path == "/sl/projects/"
        expect(page.locator("html")).to_have_attribute("lang", "sl")
        page.goto("/")  # no prefix: the language cookie decides
        assert urlsplit(page.url).path == "/sl/"
    finally:
        page.goto("/sl/account/")
        _choose_language(page, "en")
    assert urlsplit(page.url).path == "/en/account/"
