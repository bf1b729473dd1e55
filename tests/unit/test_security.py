"""Security: production settings and deploy checks, headers (HSTS, the Content Security Policy).

Sign-in rate limiting and two-factor admin are in test_sign_in_security.py, uploads in
test_upload_safety.py.
"""

import base64
import hashlib
import json
import os
import re
import subprocess
import sys

import pytest
from django.test import override_settings

from hub.security import build_policy
from tests.factories import make_user

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "hub.settings.production",
    "SECRET_KEY": "k9#Vb2!qLw7x@Zr4pT8s%Nf6hJ1m^Yd3cE5uA0gR+oK-iW=QlX",
    "ALLOWED_HOSTS": "hub.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
    "BASE_URL": "https://hub.example.org",
}


def _production(*args, code=None, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))}
    env.update(PRODUCTION_ENV, **extra)
    command = [sys.executable, "manage.py", *args] if code is None else [sys.executable, "-c", code]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


# --- Deployment settings -------------------------------------------------------------------


def test_production_settings_pass_check_deploy_without_warnings():
    # The checks do not connect to the cache; hub.W001 asks for a shared one (the next test).
    result = _production(
        "check", "--deploy", "--fail-level", "WARNING", CACHE_URL="redis://127.0.0.1:6379/0"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_when_processes_do_not_share_a_cache():
    result = _production("check", "--deploy", CACHE_URL="")
    assert result.returncode == 0, result.stderr  # a warning: one process still works
    assert "hub.W001" in result.stderr + result.stdout


PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
response = Client(HTTP_HOST="hub.example.org").get("/healthz", secure=True)
print(json.dumps({
    "status": response.status_code,
    "headers": dict(response.headers),
    "settings": {name: getattr(settings, name) for name in (
        "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY", "LANGUAGE_COOKIE_SECURE", "SECURE_SSL_REDIRECT",
        "ADMIN_2FA_REQUIRED", "PAGE_CACHE_SECONDS", "DEBUG")},
}))
"""


def test_production_sends_hsts_csp_and_secure_cookie_settings():
    result = _production(code=PROBE)
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    headers = probe["headers"]
    assert probe["status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    csp = headers["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp and "upgrade-insecure-requests" in csp
    assert "unsafe-inline" not in csp
    assert all(
        probe["settings"][name] is True
        for name in (
            "SESSION_COOKIE_SECURE",
            "SESSION_COOKIE_HTTPONLY",
            "CSRF_COOKIE_SECURE",
            "CSRF_COOKIE_HTTPONLY",
            "LANGUAGE_COOKIE_SECURE",
            "SECURE_SSL_REDIRECT",
            "ADMIN_2FA_REQUIRED",
        )
    )
    assert probe["settings"]["DEBUG"] is False
    assert probe["settings"]["PAGE_CACHE_SECONDS"] > 0


def test_production_refuses_a_missing_secret_key():
    env_code = "import django, os; os.environ.pop('SECRET_KEY'); django.setup()"
    result = _production(code=env_code)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


# --- Content Security Policy -----------------------------------------------------------------


def _inline_scripts(html):
    return re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)


def test_every_inline_script_is_allowed_by_its_hash_and_nothing_else_is(client, registry, settings):
    response = client.get("/en/projects/")
    policy = _directives(response["Content-Security-Policy"])
    scripts = _inline_scripts(response.content.decode())
    assert len(scripts) == 2  # the fold script after the menu and after the filters
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy["script-src"]
    assert "'unsafe-inline'" not in policy["script-src"]
    # one hash per file in CSP_INLINE_SCRIPTS: an edited script changes its hash with it
    assert len(policy["script-src"]) == 1 + len(settings.CSP_INLINE_SCRIPTS)


def test_only_listed_static_scripts_can_be_inlined():
    from django.core.exceptions import ImproperlyConfigured
    from django.template import Context, Template

    from hub.security import inline_script_source

    inline_script_source.cache_clear()
    template = Template("{% load hub_tags %}{% inline_script 'js/print.js' %}")
    with pytest.raises(ImproperlyConfigured):
        template.render(Context())


def _directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_have_a_strict_policy(client, home):
    response = client.get("/en/")
    policy = _directives(response["Content-Security-Policy"])
    # files from this site, and the one inlined fold script by its hash (no 'unsafe-inline')
    assert policy["script-src"][0] == "'self'"
    assert all(source.startswith("'sha256-") for source in policy["script-src"][1:])
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"]


def test_admin_has_its_own_relaxed_policy(client, home):
    client.force_login(make_user(is_superuser=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


@override_settings(WHITENOISE_USE_FINDERS=True)
def test_static_files_carry_the_headers_too(client):
    response = client.get("/static/css/hub.css")
    assert response.status_code == 200
    assert "Content-Security-Policy" in response
    assert response["X-Content-Type-Options"] == "nosniff"


def test_build_policy_joins_directives():
    assert build_policy({"a": ["x", "y"], "b": []}) == "a x y; b"
