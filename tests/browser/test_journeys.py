"""What a person does on the site, in a real Chromium, against a real server."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def query_of(page):
    return parse_qs(urlsplit(page.url).query)


def test_a_reader_filters_the_registry_and_opens_a_project(page):
    page.goto("/en/projects/")
    count = page.locator(".results-count")
    total = int(re.search(r"\d+", count.inner_text()).group())
    assert total >= 40

    themes = page.get_by_role("group", name="Theme")
    first_theme = themes.get_by_role("checkbox").first
    label = themes.locator("label").first.inner_text()
    expected = int(re.search(r"\((\d+)", label).group(1))
    first_theme.check()
    page.get_by_role("button", name="Apply filters").click()

    expect(count).to_have_text(re.compile(rf"^\s*{expected} projects?\s*$"))
    assert query_of(page)["theme"], page.url
    assert expected < total
    expect(page.locator(".active-filters .chip")).to_have_count(1)

    card = page.locator(".project-card").first
    title = card.locator(".card__title").inner_text()
    card.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert urlsplit(page.url).path.startswith("/en/projects/")


def test_a_reader_narrows_by_words_and_clears_the_filters(page):
    page.goto("/en/projects/")
    page.get_by_label("Search projects").fill("wellbeing")
    page.get_by_label("Search projects").press("Enter")
    expect(page.locator(".project-card").first).to_be_visible()
    titles = page.locator(".card__title").all_inner_texts()
    assert any("wellbeing" in t.lower() for t in titles), titles
    assert query_of(page)["q"] == ["wellbeing"]

    page.get_by_label("Search projects").fill("zzzz-nothing-like-this")
    page.get_by_label("Search projects").press("Enter")
    expect(page.get_by_role("heading", name="No projects match")).to_be_visible()
    page.get_by_role("link", name="Clear the search and all filters").click()
    assert urlsplit(page.url).query == ""
    expect(page.locator(".project-card").first).to_be_visible()


def test_a_reader_switches_language(page):
    page.goto("/en/projects/")
    switcher = page.get_by_role("navigation", name="Language")
    switcher.locator("summary").click()
    switcher.get_by_role("link", name="Deutsch").click()

    assert urlsplit(page.url).path == "/de/projects/"
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator(".project-card").first).to_be_visible()
    # The interface speaks German too, and the way back is the same control.
    expect(page.get_by_role("heading", name="Projekte filtern")).to_be_visible()
    expect(page.get_by_role("button", name="Filter anwenden")).to_be_visible()
    switcher = page.get_by_role("navigation", name="Sprache")  # its label is German now
    switcher.locator("summary").click()
    expect(switcher.get_by_role("link", name="Deutsch")).to_have_attribute("aria-current", "true")
    switcher.get_by_role("link", name="English").click()
    assert urlsplit(page.url).path == "/en/projects/"
    expect(page.locator("html")).to_have_attribute("lang", "en")


def tab_to(page, selector, limit=120, key="Tab"):
    """Press Tab until the focused element matches ``selector``; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            return page.locator(":focus")
    raise AssertionError(f"{selector} never received focus after {limit} presses of {key}")


def assert_focus_visible(page):
    style = page.evaluate(
        """() => {
            const s = getComputedStyle(document.activeElement);
            return {outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow};
        }"""
    )
    visible = (style["outline"] != "none" and style["width"] != "0px") or style["shadow"] != "none"
    assert visible, f"the focused element shows no focus indicator: {style}"


def test_registry_filters_and_site_search_by_keyboard_alone(page):
    page.goto("/en/projects/")

    # The first Tab reaches the skip link, which moves focus to the main content.
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to main content")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"

    # A status filter, ticked with the space bar, applied with Enter on the button.
    checkbox = tab_to(page, "input[type=checkbox][name=status]")
    assert_focus_visible(page)
    status = checkbox.get_attribute("value")
    page.keyboard.press("Space")
    tab_to(page, ".registry__filters button[type=submit]")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"status="))
    assert query_of(page)["status"] == [status]

    # Removing the filter again is one keyboard press on its chip.
    tab_to(page, ".active-filters a.chip")
    assert_focus_visible(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "status" not in query_of(page)

    # The site search in the header: type, Enter, then open the first result.
    page.goto("/en/")
    tab_to(page, "#header-q")
    assert_focus_visible(page)
    page.keyboard.type("survey")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/search/\?q=survey"))
    first = page.locator("ol.search-results .search-result__title a").first
    expect(first).to_be_visible()
    title = first.inner_text()
    tab_to(page, "ol.search-results .search-result__title a")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_signing_in_with_a_wrong_password_explains_and_keeps_the_address(page):
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill("officer@demo.partnershiphub.eu")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    expect(page.get_by_label("E-mail address")).to_have_value("officer@demo.partnershiphub.eu")
    expect(page.get_by_label("Password")).to_have_attribute("aria-invalid", "true")
