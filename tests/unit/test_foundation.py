"""Settings, groups, locales, the home page and the base template."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Locale

from hub.settings.base import email_settings, search_backends


def test_search_url_unset_means_database():
    assert search_backends(None) == {"default": {"BACKEND": "search.database", "AUTO_UPDATE": True}}


@pytest.mark.parametrize(
    "url, backend",
    [
        ("elasticsearch8+http://127.0.0.1:9200", "search.backends.Elasticsearch8SearchBackend"),
        (
            "elasticsearch9+https://u:p@es.example.org",
            "search.backends.Elasticsearch9SearchBackend",
        ),
        ("opensearch2+http://127.0.0.1:9200", "search.backends.OpenSearch2SearchBackend"),
        ("opensearch3+http://a:9200,b:9200", "search.backends.OpenSearch3SearchBackend"),
    ],
)
def test_search_url_selects_the_engine_and_keeps_a_database_fallback(url, backend):
    config = search_backends(url, index_prefix="site1")
    assert config["default"]["BACKEND"] == backend
    assert config["default"]["INDEX_PREFIX"] == "site1_"
    assert config["database"]["BACKEND"] == "search.database"


def test_search_url_with_several_hosts_and_credentials():
    config = search_backends("opensearch3+https://user:pw@a:9200,b:9201?timeout=2&replicas=1")
    assert config["default"]["URLS"] == ["https://user:pw@a:9200", "https://user:pw@b:9201"]
    assert config["default"]["TIMEOUT"] == 2
    assert config["default"]["INDEX_SETTINGS"]["settings"]["index"]["number_of_replicas"] == 1


@pytest.mark.parametrize("url", ["solr+http://x", "opensearch2://x", "opensearch2+ftp://x"])
def test_bad_search_url_is_refused(url):
    with pytest.raises(ImproperlyConfigured):
        search_backends(url)


def test_email_url():
    config = email_settings("smtp://me%40x.org:s3cret@smtp.x.org:2525?tls=1")
    assert config["EMAIL_HOST"] == "smtp.x.org"
    assert config["EMAIL_PORT"] == 2525
    assert config["EMAIL_HOST_USER"] == "me@x.org"
    assert config["EMAIL_USE_TLS"] is True
    assert "console" in email_settings(None)["EMAIL_BACKEND"]
    with pytest.raises(ImproperlyConfigured):
        email_settings("http://nope")


@pytest.mark.parametrize(
    "missing, message",
    [("SECRET_KEY", "SECRET_KEY"), ("ALLOWED_HOSTS", "ALLOWED_HOSTS")],
)
def test_production_refuses_to_start_without_secrets(missing, message):
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    env.update({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "hub.example.org"})
    del env[missing]
    env["DJANGO_SETTINGS_MODULE"] = "hub.settings.production"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        timeout=60,
    )
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.django_db
def test_groups_exist_with_expected_powers():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Moderators", "Staff", "Officers"} <= names
    editors = Group.objects.get(name="Editors")
    codes = set(editors.permissions.values_list("codename", flat=True))
    assert {"access_admin", "add_theme", "change_unit", "delete_campus"} <= codes
    publish = editors.page_permissions.filter(permission__codename="publish_page")
    assert publish.exists()
    assert (
        not Group.objects.get(name="Staff")
        .page_permissions.filter(permission__codename="publish_page")
        .exists()
    )
    assert not Group.objects.get(name="Officers").permissions.exists()


@pytest.mark.django_db
def test_every_content_language_has_a_locale():
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}


def test_root_redirects_to_a_language(client, home):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    assert response["Location"] == "/de/"


def test_home_page_is_accessible_skeleton(client, home):
    html = client.get("/en/").content.decode()
    assert '<html lang="en"' in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert "<header" in html and "<nav" in html and "<footer" in html
    assert 'name="viewport"' in html
    assert "https://" not in html.split("<body")[0]  # no CDN assets in <head>


def test_language_switcher_lists_every_language(client, home):
    html = client.get("/en/").content.decode()
    for code, _name in settings.LANGUAGES:
        assert f'hreflang="{code}"' in html


def test_user_signs_in_with_email(client, db):
    from tests.factories import make_user

    make_user("Someone@Example.org", password="a-long-password-1")
    response = client.post(
        "/en/accounts/login/", {"username": "someone@example.org", "password": "a-long-password-1"}
    )
    assert response.status_code == 302
    client.logout()
    bad = client.post("/en/accounts/login/", {"username": "someone@example.org", "password": "x"})
    assert bad.status_code == 200
    assert "error-summary" in bad.content.decode()


def test_healthz(client, db):
    assert client.get("/healthz").json() == {"status": "ok"}
