"""Error pages (403, 404, 500, CSRF failure, sign-in lockout) in the reader's language.

Under a language prefix the page is in that language; elsewhere in the language the browser
asks for. German strings are checked against the compiled catalogue (``make
compile-messages``); other languages by ``lang`` and by Django's own translations.
"""

import pytest
from django.template.loader import render_to_string
from django.test import Client, override_settings
from django.utils import translation

ERROR_URLS = "tests.support.error_urls"


@pytest.fixture
def quiet_client(db):
    return Client(raise_request_exception=False)


@override_settings(DEBUG=False)
def test_not_found_page_offers_search_and_home(client, home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'action="/en/search/"' in html
    assert '<html lang="en"' in html


@override_settings(DEBUG=False)
def test_not_found_under_a_language_prefix_is_in_that_language(client, home):
    response = client.get("/de/no-such-page/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Seite nicht gefunden" in html
    assert "Versuchen Sie die Suche" in html
    assert 'action="/de/search/"' in html


@override_settings(DEBUG=False)
@pytest.mark.parametrize("code", ["pl", "sl", "nl", "fr", "es", "it"])
def test_not_found_in_every_language(client, home, code):
    response = client.get(f"/{code}/no-such-page/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{code}"' in html
    with translation.override(code):
        assert translation.gettext("Page not found") in html  # Django's own catalogue


@override_settings(DEBUG=False)
def test_not_found_outside_a_prefix_uses_the_browsers_language(client, home):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="de", follow=True)
    assert response.status_code == 404
    assert response.redirect_chain[0][0] == "/de/no-such-page/"
    assert '<html lang="de"' in response.content.decode()


@override_settings(DEBUG=False, ROOT_URLCONF=ERROR_URLS)
def test_forbidden_page_is_the_sites_own_in_the_readers_language(quiet_client, home):
    response = quiet_client.get("/de/test-forbidden/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Zur Startseite" in html
    assert 'href="/de/accounts/login/?next=/de/test-forbidden/"' in html
    outside = quiet_client.get("/test-forbidden/", HTTP_ACCEPT_LANGUAGE="pl")
    assert outside.status_code == 403
    assert '<html lang="pl"' in outside.content.decode()


@override_settings(DEBUG=False, ROOT_URLCONF=ERROR_URLS)
def test_server_error_page_is_in_the_readers_language(quiet_client, home):
    response = quiet_client.get("/de/test-broken/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "Etwas ist schiefgelaufen" in html
    assert 'href="/de/"' in html
    outside = quiet_client.get("/test-broken/", HTTP_ACCEPT_LANGUAGE="sl")
    assert '<html lang="sl">' in outside.content.decode()


def test_server_error_page_renders_without_a_request():
    with translation.override("en"):
        html = render_to_string("500.html")
    assert "Something went wrong" in html
    assert '<html lang="en">' in html


@override_settings(DEBUG=False)
def test_csrf_failure_is_the_sites_own_page_in_the_readers_language(home):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/de/accounts/login/", {"username": "a@example.org", "password": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Zur Startseite" in html
    assert "CSRF" not in html  # not Django's technical page


@override_settings(DEBUG=False, LOGIN_FAILURE_LIMIT=2)
def test_sign_in_lockout_is_explained_in_the_readers_language(client, home, people):
    for _attempt in range(2):
        client.post("/de/accounts/login/", {"username": "officer@example.org", "password": "wrong"})
    response = client.post(
        "/de/accounts/login/", {"username": "officer@example.org", "password": "wrong"}
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in html
