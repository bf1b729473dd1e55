"""Sign-in lockout (django-axes, in the database): an account is locked only from the address
that kept failing, an address that tries many accounts is locked, and it survives the cache."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.db.models import F
from django.test import Client, override_settings
from django.utils import translation

from tests.factories import make_user

LOGIN = "/en/accounts/login/"
ADMIN_LOGIN = "/admin/login/"
PASSWORD = "right-horse-battery"
ATTACKER = "198.51.100.7"
VICTIM = "203.0.113.20"
limits = override_settings(
    LOGIN_FAILURE_LIMIT=5, LOGIN_FAILURE_LIMIT_PER_IP=12, LOGIN_LOCKOUT_SECONDS=900
)


def _client(address):
    return Client(REMOTE_ADDR=address)


def _login(client, email, password, path=LOGIN):
    return client.post(path, {"username": email, "password": password})


def _signed_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def victim(home):
    return make_user("admin@example.org", password=PASSWORD, is_superuser=True)


@limits
@pytest.mark.parametrize("path", [LOGIN, ADMIN_LOGIN])
def test_an_account_is_locked_from_the_address_that_failed(victim, path):
    attacker = _client(ATTACKER)
    for _attempt in range(4):
        assert _login(attacker, "admin@example.org", "guess", path).status_code == 200
    response = _login(attacker, "Admin@Example.org ", "guess", path)  # same account
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    response = _login(attacker, "admin@example.org", PASSWORD, path)
    assert response.status_code == 429
    assert not _signed_in(attacker)


@limits
@pytest.mark.parametrize("path", [LOGIN, ADMIN_LOGIN])
def test_the_same_account_from_another_address_is_not_locked(victim, path):
    attacker = _client(ATTACKER)
    for _attempt in range(8):
        _login(attacker, "admin@example.org", "guess", path)
    owner = _client(VICTIM)
    response = _login(owner, "admin@example.org", PASSWORD, path)
    assert response.status_code == 302
    assert _signed_in(owner)


@limits
def test_an_address_trying_many_accounts_is_locked_for_every_account(victim):
    attacker = _client(ATTACKER)
    for number in range(12):
        _login(attacker, f"guess{number}@example.org", "password1")
    make_user("own@example.org", password=PASSWORD)
    response = _login(attacker, "own@example.org", PASSWORD)
    assert response.status_code == 429
    assert not _signed_in(attacker)
    # Nobody else is affected.
    assert _login(_client(VICTIM), "own@example.org", PASSWORD).status_code == 302


@limits
def test_the_lockout_survives_the_cache_being_emptied(victim):
    attacker = _client(ATTACKER)
    for _attempt in range(5):
        _login(attacker, "admin@example.org", "guess")
    cache.clear()
    assert _login(attacker, "admin@example.org", PASSWORD).status_code == 429
    assert AccessAttempt.objects.filter(username="admin@example.org").exists()


@limits
def test_the_lockout_ends_after_its_time_and_a_success_clears_the_count(victim):
    attacker = _client(ATTACKER)
    for _attempt in range(5):
        _login(attacker, "admin@example.org", "guess")
    assert _login(attacker, "admin@example.org", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(seconds=901))
    assert _login(attacker, "admin@example.org", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="admin@example.org").exists()


@limits
def test_the_message_is_in_the_readers_language_and_says_how_long(victim):
    attacker = _client(ATTACKER)
    for _attempt in range(5):
        _login(attacker, "admin@example.org", "guess", "/de/accounts/login/")
    response = _login(attacker, "admin@example.org", PASSWORD, "/de/accounts/login/")
    assert response.status_code == 429
    with translation.override("de"):
        from hub.security import lockout_message

        expected = lockout_message(900)
    assert expected in response.content.decode()


@limits
def test_passwords_are_never_stored_with_the_failures(victim):
    _login(_client(ATTACKER), "admin@example.org", "my-secret-guess")
    attempt = AccessAttempt.objects.get()
    assert "my-secret-guess" not in attempt.post_data
    assert attempt.ip_address == ATTACKER
