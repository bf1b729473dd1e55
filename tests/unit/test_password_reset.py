"""Forgotten passwords: the whole journey in the person's language, no account enumeration,
rate limits that do not reveal anything, links that expire, the password rules, the sign-in
lockout lifted, and the second factor still in the way after a reset."""

import datetime
import re
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client, override_settings
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from hub.models import PasswordResetRequest
from tests.factories import make_user

RESET = "/en/accounts/password_reset/"
SENT = "/en/accounts/password_reset/sent/"
LOGIN = "/en/accounts/login/"
OLD = "old-pass-word-123"
NEW = "a-brand-new-secret-42"
LINK = re.compile(r"http://testserver(/(\w\w)/accounts/reset/[^/\s]+/[^/\s]+/)")


def _client(address="192.0.2.10"):
    return Client(REMOTE_ADDR=address)


def _ask(client, email, path=RESET):
    return client.post(path, {"email": email})


def _link(message):
    found = LINK.search(message.body)
    assert found, message.body
    return found.group(1), found.group(2)


def _signed_in(client):
    return "_auth_user_id" in client.session


def _choose_password(client, link, password, confirmation=None):
    """Open a reset link and submit a new password; returns the response to the POST."""
    response = client.get(link)
    assert response.status_code == 302  # Django hides the token behind a redirect
    form_url = response["Location"]
    return client.post(
        form_url, {"new_password1": password, "new_password2": confirmation or password}
    )


@pytest.fixture
def german(home):
    return make_user(
        "greta@example.org", password=OLD, preferred_language="de", display_name="Greta"
    )


def test_the_whole_journey_in_the_users_language(german):
    signed_in_elsewhere = _client("198.51.100.1")
    signed_in_elsewhere.force_login(german)
    assert signed_in_elsewhere.get("/en/account/").status_code == 200

    client = _client()
    response = _ask(client, "  Greta@Example.org ")
    assert response.status_code == 302
    assert response["Location"] == SENT
    page = client.get(SENT)
    assert "If an account uses the address you entered" in page.content.decode()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["greta@example.org"]
    # German, though asked from an English page: the recipient's preferred language.
    assert message.body.startswith("Hallo Greta,")
    assert "Ihr Anmeldename ist Ihre E-Mail-Adresse: greta@example.org" in message.body
    assert "Das Team des Partnership Hub" in message.body
    assert "\n" not in message.subject and message.subject
    # The link's lifetime is stated, just before the address to ask for a new one.
    lines = message.body.splitlines()
    ask_again = lines.index("http://testserver/de/accounts/password_reset/")
    assert re.search(r"\b3\b", lines[ask_again - 1])
    link, language = _link(message)
    assert language == "de"

    response = _choose_password(client, link, NEW)
    assert response.status_code == 302
    assert response["Location"] == "/de/accounts/reset/done/"
    assert not _signed_in(client)  # never signed in from a link
    assert client.get("/de/accounts/reset/done/").status_code == 200

    # Every session with the old password is over; the old password no longer works.
    assert signed_in_elsewhere.get("/en/account/").status_code == 302
    response = client.post(LOGIN, {"username": "greta@example.org", "password": OLD})
    assert response.status_code == 200 and not _signed_in(client)
    response = client.post(LOGIN, {"username": "greta@example.org", "password": NEW})
    assert response.status_code == 302
    assert _signed_in(client)

    # The link worked once.
    other = _client("198.51.100.2")
    response = other.get(link, follow=True)
    # The link's address is German, so is the page (the compiled catalogue's own text).
    assert "Dieser Link ist abgelaufen oder wurde bereits verwendet." in response.content.decode()


def test_an_unknown_or_inactive_address_gets_the_same_answer_and_no_mail(german):
    make_user("gone@example.org", password=OLD, is_active=False)
    client = _client()
    known = _ask(client, "greta@example.org")
    mail.outbox.clear()
    for email in ("nobody@example.org", "gone@example.org"):
        response = _ask(_client("198.51.100.3"), email)
        assert response.status_code == known.status_code == 302
        assert response["Location"] == known["Location"]
    assert mail.outbox == []


def test_a_bad_address_is_an_error_on_the_form(home):
    response = _ask(_client(), "not-an-address")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="error-summary"' in body
    assert 'aria-invalid="true"' in body
    assert mail.outbox == []


@override_settings(PASSWORD_RESET_LIMIT_PER_EMAIL=3, PASSWORD_RESET_LIMIT_PER_ADDRESS=5)
def test_three_links_per_address_an_hour_then_the_same_page_and_nothing_sent(german):
    client = _client()
    answers = [_ask(client, "greta@example.org") for _attempt in range(4)]
    assert len(mail.outbox) == 3
    assert {(a.status_code, a["Location"]) for a in answers} == {(302, SENT)}
    # From elsewhere too: the limit is per e-mail address.
    _ask(_client("198.51.100.4"), "greta@example.org")
    assert len(mail.outbox) == 3
    # Nothing personal is kept: only digests.
    stored = PasswordResetRequest.objects.values_list("client_digest", "email_digest")
    assert all("@" not in email and "192.0.2" not in client for client, email in stored)

    # An hour later the requests no longer count (and are deleted).
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1, minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        _ask(client, "greta@example.org")
    assert len(mail.outbox) == 4
    assert PasswordResetRequest.objects.count() == 1


@override_settings(PASSWORD_RESET_LIMIT_PER_EMAIL=3, PASSWORD_RESET_LIMIT_PER_ADDRESS=5)
def test_five_requests_per_client_address_an_hour(home):
    for number in range(7):
        make_user(f"person{number}@example.org", password=OLD)
    client = _client("203.0.113.9")
    answers = [_ask(client, f"person{number}@example.org") for number in range(6)]
    assert len(mail.outbox) == 5
    assert {(a.status_code, a["Location"]) for a in answers} == {(302, SENT)}
    assert "person5@example.org" not in {message.to[0] for message in mail.outbox}
    # Unknown addresses count as well, so the limit cannot be used to find accounts.
    assert _ask(client, "person6@example.org")["Location"] == SENT
    assert len(mail.outbox) == 5
    # Another client address is not affected.
    _ask(_client("203.0.113.10"), "person6@example.org")
    assert len(mail.outbox) == 6


def test_an_expired_or_invalid_link_says_so_and_offers_a_new_one(german):
    uid = urlsafe_base64_encode(force_bytes(german.pk))
    four_days_ago = datetime.datetime.now() - datetime.timedelta(days=4)
    with mock.patch.object(default_token_generator, "_now", return_value=four_days_ago):
        old_token = default_token_generator.make_token(german)
    for link in (
        f"/de/accounts/reset/{uid}/{old_token}/",
        f"/de/accounts/reset/{uid}/not-a-token/",
        "/de/accounts/reset/garbage/not-a-token/",
    ):
        response = _client().get(link, follow=True)
        assert response.status_code == 200
        body = response.content.decode()
        assert '<html lang="de"' in body
        assert "new_password1" not in body
        assert 'action="/de/accounts/password_reset/"' in body
        assert 'name="email"' in body
        assert "greta@example.org" not in body  # the link does not reveal whose it was
    # An account deactivated since the link was sent cannot use it.
    token = default_token_generator.make_token(german)
    german.is_active = False
    german.save()
    response = _client().get(f"/en/accounts/reset/{uid}/{token}/", follow=True)
    assert "new_password1" not in response.content.decode()


def test_the_new_password_must_pass_the_sites_rules_in_the_pages_language(german):
    client = _client()
    _ask(client, "greta@example.org")
    link, _language = _link(mail.outbox[0])
    response = _choose_password(client, link, "kurz")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Dieses Passwort ist zu kurz" in body
    assert 'class="error-summary"' in body
    response = _choose_password(client, link, "greta@example.org")
    assert "zu ähnlich" in response.content.decode()
    response = _choose_password(client, link, NEW, "something-else-42")
    assert response.status_code == 200
    german.refresh_from_db()
    assert german.check_password(OLD)


def test_a_reset_lifts_the_sign_in_lockout(german):
    attacker = _client("198.51.100.66")
    for _attempt in range(5):
        attacker.post(LOGIN, {"username": "greta@example.org", "password": "guess"})
    response = attacker.post(LOGIN, {"username": "greta@example.org", "password": OLD})
    assert response.status_code == 429
    assert AccessAttempt.objects.filter(username="greta@example.org").exists()

    _ask(attacker, "greta@example.org")
    link, _language = _link(mail.outbox[0])
    _choose_password(attacker, link, NEW)
    assert not AccessAttempt.objects.filter(username="greta@example.org").exists()
    response = attacker.post(LOGIN, {"username": "greta@example.org", "password": NEW})
    assert response.status_code == 302


@override_settings(ADMIN_2FA_REQUIRED=True)
def test_a_reset_does_not_skip_the_second_factor(home):
    admin = make_user("root@example.org", password=OLD, is_superuser=True, is_staff=True)
    TOTPDevice.objects.create(user=admin, name="Authenticator app", confirmed=True)
    client = _client()
    _ask(client, "root@example.org")
    link, _language = _link(mail.outbox[0])
    _choose_password(client, link, NEW)
    assert not _signed_in(client)
    response = client.post("/admin/login/", {"username": "root@example.org", "password": NEW})
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/verify/")


def test_an_account_without_a_password_yet_can_choose_one(home):
    invited = get_user_model().objects.create_user("new@example.org", preferred_language="fr")
    assert not invited.has_usable_password()
    client = _client()
    _ask(client, "new@example.org")
    message = mail.outbox[0]
    link, language = _link(message)
    assert language == "fr"
    _choose_password(client, link, NEW)
    invited.refresh_from_db()
    assert invited.check_password(NEW)


def test_sign_in_pages_link_to_the_reset_and_wagtails_own_is_off(home):
    client = _client()
    assert 'href="/en/accounts/password_reset/"' in client.get(LOGIN).content.decode()
    admin_login = client.get("/admin/login/").content.decode()
    assert "/accounts/password_reset/" in admin_login
    assert "/admin/password_reset/" not in admin_login
    assert client.get("/admin/password_reset/", follow=True).status_code == 404
    page = client.get("/de/accounts/password_reset/")
    assert page.status_code == 200
    assert '<html lang="de"' in page.content.decode()
    assert 'autocomplete="email"' in page.content.decode()
