"""Staff register a project (and are shown similar ones); officers ask to join a project."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.browser.test_accessibility import assert_no_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "de"])
def test_registration_form_with_errors_has_no_violations(page, lang):
    sign_in(page, "staff")
    page.goto(f"/{lang}/projects/register/")
    assert_no_violations(page, f"{lang} registration form")
    page.locator("form.project-form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("[aria-invalid=true]").first).to_be_visible()
    assert_no_violations(page, f"{lang} registration form with errors")


def test_staff_register_a_project_and_see_the_duplicate_warning(page):
    sign_in(page, "staff")
    page.goto("/en/projects/")
    page.get_by_role("link", name=re.compile("Register a project", re.I)).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Register a project")

    page.get_by_label("Project name").fill("Monthly wellbeing poll for students")
    page.get_by_label("Summary").fill(
        "A short poll every month asking students how they are coping, shared with the union."
    )
    page.get_by_role("group", name=re.compile("Student lifecycle stage")).get_by_role("radio").nth(
        1
    ).check()
    page.get_by_role("button", name="Continue: check for similar projects").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Is it already in the registry?")
    similar = page.locator("section.similar")
    expect(similar.get_by_role("heading", level=2)).to_contain_text("similar project")
    expect(
        similar.get_by_role("link", name="Monthly student wellbeing poll", exact=True)
    ).to_be_visible()
    assert_no_violations(page, "duplicate warning")

    page.get_by_role("button", name="Register this project and send it for review").click()
    page.wait_for_load_state()
    expect(page.locator(".messages, [role=status]").first).to_be_visible()
    assert "/register/" not in page.url


def test_an_officer_asks_to_join_a_project(page):
    sign_in(page, "officer2")
    page.goto("/en/induction/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    # From the dashboard to the registry, to a project open to officers.
    page.goto("/en/projects/?open=yes&sort=title")
    cards = page.locator(".project-card")
    for index in range(cards.count()):
        cards.nth(index).locator(".card__title a").click()
        join = page.get_by_role("link", name="Ask to join this project")
        if join.count():
            break
        page.go_back()
    else:
        pytest.fail("no project open to officers offers 'Ask to join' to officer2")
    title = page.get_by_role("heading", level=1).inner_text()
    join.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)

    page.get_by_role("button", name="Send my request").click()
    page.wait_for_load_state()
    assert_no_violations(page, "join form with errors")
    page.get_by_label("Your message to the project's leads").fill(
        f"I am the new education officer and our manifesto promised this. ({uuid.uuid4().hex[:6]})"
    )
    page.get_by_label("How you would like to help").fill("Promoting the survey in lectures.")
    page.get_by_role("button", name="Send my request").click()
    page.wait_for_load_state()
    sent = re.compile(r"asked to join|request was sent", re.I)
    expect(page.locator("body")).to_contain_text(sent)
