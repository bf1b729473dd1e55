"""The header's search suggestions in a real browser: the ARIA 1.2 combobox pattern by keyboard,
what a screen reader is told, axe-core with the list open, and the plain form without scripts."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser


def open_suggestions(page, text="surv"):
    page.goto("/en/")
    box = page.locator("#header-q")
    box.focus()
    box.press_sequentially(text, delay=30)
    listbox = page.locator("#header-q-listbox")
    expect(listbox).to_be_visible()
    return box, listbox


def test_suggestions_by_keyboard(page):
    page.goto("/en/")
    box = page.locator("#header-q")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_attribute("aria-controls", "header-q-listbox")
    expect(box).to_have_attribute("aria-autocomplete", "list")

    box, listbox = open_suggestions(page)
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    count = options.count()
    assert count >= 2
    # The live region says how many there are, in words.
    expect(page.locator(".header-search [role=status]")).to_contain_text(
        re.compile(rf"^{count} suggestions?\.")
    )
    # Focus stays in the box; the arrows move the active option.
    page.keyboard.press("ArrowDown")
    first_id = options.nth(0).get_attribute("id")
    expect(box).to_be_focused()
    expect(box).to_have_attribute("aria-activedescendant", first_id)
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", options.nth(1).get_attribute("id"))
    expect(options.nth(0)).to_have_attribute("aria-selected", "false")
    page.keyboard.press("ArrowUp")
    expect(box).to_have_attribute("aria-activedescendant", first_id)
    # Escape closes the list and keeps the text; a second Escape clears the box.
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".+"))
    expect(box).to_have_value("surv")
    page.keyboard.press("Escape")
    expect(box).to_have_value("")


def test_enter_opens_the_chosen_suggestion_or_searches(page):
    box, listbox = open_suggestions(page)
    title = listbox.get_by_role("option").nth(0).locator(".suggestions__title").inner_text()
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    # Without choosing a suggestion, Enter searches for what was typed.
    box, listbox = open_suggestions(page, "survey")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/en/search/\?q=survey$", page.url)


def test_open_suggestions_have_no_axe_violations(page):
    open_suggestions(page)
    page.keyboard.press("ArrowDown")
    violations = axe_violations(page)
    assert not violations, violations


def test_without_javascript_the_box_is_a_plain_search_form(new_page):
    page = new_page(java_script_enabled=False)
    page.goto("/en/")
    box = page.locator("#header-q")
    assert box.get_attribute("role") is None
    box.fill("survey")
    with page.expect_navigation():
        box.press("Enter")
    assert re.search(r"/en/search/\?q=survey$", page.url)
    expect(page.locator("ol.search-results li").first).to_be_visible()
