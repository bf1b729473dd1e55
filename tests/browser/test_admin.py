"""Wagtail's admin under its own CSP, sign-in lockout and two-factor set-up, in a real browser."""

import base64

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.browser.conftest import DEMO_PASSWORD, PHONE, axe_violations

pytestmark = pytest.mark.browser


def admin_sign_in(page, who="admin"):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(f"{who}@demo.partnershiphub.eu")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_load_state()


def test_the_admin_works_under_its_policy(page):
    """Dashboard, explorer, the page editor and its live preview run without CSP errors
    (any console error fails the test)."""
    response = page.goto("/admin/login/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    admin_sign_in(page, "editor")
    expect(page.locator("#main")).to_be_visible()
    # The English home: other languages' homes are translations, which wagtail-localize edits
    # in its own translation editor.
    page.goto("/admin/pages/?locale=en")
    home = page.locator("a[href*='/admin/pages/'][href$='/edit/']").first
    expect(home).to_be_visible()
    home.click()
    expect(page.locator("form#page-edit-form")).to_be_visible()
    # The editor's scripts ran: the title field's character count / side panel toggles exist.
    toggle = page.locator("[data-side-panel-toggle='preview']")
    expect(toggle).to_be_visible()
    toggle.click()
    preview = page.frame_locator("iframe#w-preview-iframe, iframe.preview-panel__iframe").first
    expect(preview.locator("main")).to_be_visible(timeout=20_000)


def test_an_editor_turns_on_two_factor_sign_in(page):
    admin_sign_in(page, "moderator")
    page.goto("/admin/two-factor/")
    page.get_by_role("link", name="Set up two-factor authentication").click()
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    expect(page.locator("img[src^='data:image/svg+xml']")).to_be_visible()
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("Code").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Turn on two-factor authentication").click()
    expect(page.get_by_role("heading", name="Your backup codes")).to_be_visible()
    codes = page.locator(".backup-codes code").all_inner_texts()
    assert len(codes) == 10

    # Next sign-in: password, then a code (here a backup code) before the admin opens.
    page.context.clear_cookies()
    admin_sign_in(page, "moderator")
    expect(page.get_by_role("heading", name="Confirm it is you")).to_be_visible()
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator("#main")).to_be_visible()
    assert "/admin/" in page.url and "two-factor" not in page.url


def test_repeated_wrong_passwords_lock_the_sign_in(page):
    page.goto("/en/accounts/login/")
    for _ in range(5):
        page.get_by_label("E-mail address").fill("staff2@demo.partnershiphub.eu")
        page.get_by_label("Password").fill("wrong-password")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
    expect(page.get_by_role("alert")).to_contain_text("Too many failed attempts")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("Too many failed attempts")


def test_the_translation_status_report_reads_and_scrolls_on_a_phone(new_page):
    """The counts per language are wider than a phone: their table scrolls sideways from the
    keyboard as well as by touch, and the report has no axe violations."""
    page = new_page(viewport=PHONE)
    admin_sign_in(page, "editor")
    page.goto("/admin/reports/translation-status/")
    counts = page.get_by_role("region", name="Pages in each state, per language")
    expect(counts.get_by_role("row")).to_have_count(8)  # a heading row, seven target languages
    assert counts.evaluate("(el) => el.scrollWidth > el.clientWidth")
    counts.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.activeElement.scrollLeft > 0", polling=100, timeout=5_000
    )
    assert axe_violations(page) == []
