"""Security: deploy checks, headers, sign-in rate limiting, two-factor admin, uploads."""

import base64
import datetime
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import zipfile

import pytest
from axes.models import AccessAttempt
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db.models import F
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images.forms import get_image_form
from wagtail.images.models import Image

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


# --- Sign-in rate limiting ---------------------------------------------------------------------

LOGIN = "/en/accounts/login/"


def _login(client, email, password, path=LOGIN):
    return client.post(path, {"username": email, "password": password})


@override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_LOCKOUT_SECONDS=600)
def test_repeated_failures_lock_the_account_even_for_the_right_password(client, home):
    make_user("ana@example.org", password="right-horse-battery")
    for _attempt in range(2):
        response = _login(client, "ana@example.org", "wrong")
        assert response.status_code == 200
        assert "There is a problem" in response.content.decode()
    response = _login(client, "ANA@example.org ", "wrong")  # same address, other spelling
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()

    response = _login(client, "ana@example.org", "right-horse-battery")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session

    # Someone else can still sign in from here.
    make_user("ben@example.org", password="right-horse-battery")
    assert _login(client, "ben@example.org", "right-horse-battery").status_code == 302

    # Once the lockout is over, the right password works again.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(seconds=601))
    response = _login(client, "ana@example.org", "right-horse-battery")
    assert response.status_code == 302


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_a_successful_sign_in_clears_the_count(client, home):
    make_user("cy@example.org", password="right-horse-battery")
    _login(client, "cy@example.org", "wrong")
    _login(client, "cy@example.org", "wrong")
    assert _login(client, "cy@example.org", "right-horse-battery").status_code == 302
    client.logout()
    _login(client, "cy@example.org", "wrong")
    _login(client, "cy@example.org", "wrong")
    assert _login(client, "cy@example.org", "right-horse-battery").status_code == 302


@override_settings(LOGIN_FAILURE_LIMIT=100, LOGIN_FAILURE_LIMIT_PER_IP=4)
def test_many_accounts_tried_from_one_address_lock_that_address(client, home):
    make_user("dee@example.org", password="right-horse-battery")
    for number in range(4):
        _login(client, f"guess{number}@example.org", "password1")
    response = _login(client, "dee@example.org", "right-horse-battery")
    assert response.status_code == 429
    # Another client address is not affected.
    other = client.__class__(REMOTE_ADDR="192.0.2.44")
    assert _login(other, "dee@example.org", "right-horse-battery").status_code == 302


@override_settings(LOGIN_FAILURE_LIMIT=2)
def test_the_admin_sign_in_is_rate_limited_too(client, home):
    make_user("eve@example.org", password="right-horse-battery", is_superuser=True)
    _login(client, "eve@example.org", "wrong", path="/admin/login/")
    response = _login(client, "eve@example.org", "wrong", path="/admin/login/")
    assert "Too many failed attempts" in response.content.decode()
    response = _login(client, "eve@example.org", "right-horse-battery", path="/admin/login/")
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


# --- Two-factor authentication in the admin ---------------------------------------------------


# django-otp makes every wrong code wait 2^(n-1) × factor seconds before the next is checked;
# a long factor keeps the tests independent of how fast this machine is.
slow_back_off = override_settings(OTP_TOTP_THROTTLE_FACTOR=3600, OTP_STATIC_THROTTLE_FACTOR=3600)


def _code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _forget_failures(device):
    """Skip django-otp's back-off after a wrong code (seconds that a test need not wait)."""
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=device.user).update(
            throttling_failure_timestamp=None, throttling_failure_count=0
        )


def _set_up_app(client):
    """Go through the setup page as the signed-in user; return (device, backup codes)."""
    response = client.get("/admin/two-factor/setup/")
    assert response.status_code == 200
    assert response.context["qr_code"].startswith("data:image/svg+xml")
    device = TOTPDevice.objects.get(user=response.wsgi_request.user, confirmed=False)
    response = client.post("/admin/two-factor/setup/", {"code": "000000"})
    assert "That code is not valid" in response.content.decode()
    response = client.post("/admin/two-factor/setup/", {"code": _code(device)})
    assert "Too many wrong codes" in response.content.decode()  # django-otp's back-off
    _forget_failures(device)
    response = client.post("/admin/two-factor/setup/", {"code": _code(device)})
    assert response.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    return device, response.context["codes"]


@slow_back_off
def test_two_factor_is_offered_and_then_asked_at_every_sign_in(client, home):
    editor = make_user("ed@example.org", password="right-horse-battery", groups=["Editors"])
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200  # optional here: not required
    response = client.get("/admin/two-factor/")
    assert "Two-factor authentication is off" in response.content.decode()

    device, codes = _set_up_app(client)
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200  # this session is confirmed

    client.logout()
    _login(client, "ed@example.org", "right-horse-battery", path="/admin/login/")
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/two-factor/verify/?next=%2Fadmin%2Fpages%2F"

    response = client.post("/admin/two-factor/verify/", {"code": "123456", "next": "/admin/"})
    assert response.status_code == 200
    assert "That code is not valid" in response.content.decode()
    assert client.get("/admin/").status_code == 302
    response = client.post("/admin/two-factor/verify/", {"code": codes[0], "next": "/admin/"})
    assert "Too many wrong codes" in response.content.decode()
    _forget_failures(device)

    response = client.post("/admin/two-factor/verify/", {"code": codes[0], "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    assert not StaticToken.objects.filter(token=codes[0]).exists()  # used up


def test_verify_never_redirects_off_site(client, home):
    editor = make_user(groups=["Editors"])
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client.force_login(editor)
    response = client.post(
        "/admin/two-factor/verify/", {"code": _code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


@slow_back_off
@override_settings(ADMIN_2FA_REQUIRED=True)
def test_when_required_admin_users_must_set_it_up_first(client, home):
    admin = make_user(is_superuser=True)
    client.force_login(admin)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/setup/")
    _set_up_app(client)
    assert client.get("/admin/pages/").status_code == 200
    # It cannot be switched off while required.
    response = client.get("/admin/two-factor/")
    assert "Turn off two-factor authentication" not in response.content.decode()


@override_settings(ADMIN_2FA_REQUIRED=True)
def test_people_without_admin_access_are_not_asked(client, home):
    client.force_login(make_user(groups=["Officers"]))
    assert client.get("/en/").status_code == 200
    response = client.get("/admin/")
    assert "two-factor" not in response.get("Location", "")


@slow_back_off
def test_turning_it_off_needs_a_current_code(client, home):
    editor = make_user(groups=["Editors"])
    client.force_login(editor)
    device, _codes = _set_up_app(client)
    response = client.post("/admin/two-factor/", {"action": "disable", "code": "000000"})
    assert TOTPDevice.objects.filter(user=editor).exists()
    assert "That code is not valid" in response.content.decode()
    _forget_failures(device)
    type(device).objects.filter(pk=device.pk).update(last_t=-1)  # same time step again
    client.post("/admin/two-factor/", {"action": "disable", "code": _code(device)})
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_reset_two_factor_command(db):
    user = make_user("lost@example.org")
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    out = io.StringIO()
    call_command("reset_two_factor", "LOST@example.org", stdout=out)
    assert "Removed 1" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=user).exists()


# --- Uploads -------------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _zip(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _document_form(name, content):
    form_class = get_document_form(get_document_model())
    return form_class(
        data={"title": name},
        files={"file": SimpleUploadedFile(name, content)},
        user=make_user(is_superuser=True),
    )


@pytest.mark.parametrize(
    "name, content",
    [
        ("guide.pdf", PDF),
        ("notes.txt", "Plain notes – ünïcode".encode()),
        ("data.csv", b"project,status\npoll,active\n"),
        ("plan.docx", _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"})),
        ("plan.odt", _zip({"mimetype": "application/vnd.oasis.opendocument.text"})),
    ],
)
def test_documents_of_allowed_types_are_accepted(db, name, content):
    form = _document_form(name, content)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("report.pdf", b"<html><script>alert(1)</script></html>", "not a PDF document"),
        ("notes.txt", b"<!DOCTYPE html><script>alert(1)</script>", "not a TXT document"),
        ("tool.txt", b"MZ\x90\x00\x03\x00\x00\x00", "not a TXT document"),
        ("plan.docx", b"PK\x03\x04 not really a zip", "not a DOCX document"),
        ("plan.odt", _zip({"mimetype": "application/x-evil"}), "not a ODT document"),
        (
            "macro.docx",
            _zip({"[Content_Types].xml": "<Types/>", "word/vbaProject.bin": "x"}),
            "macros",
        ),
        ("page.html", b"<html></html>", "not allowed"),
        ("run.exe", b"MZ", "not allowed"),
    ],
)
def test_disguised_or_dangerous_documents_are_refused(db, name, content, message):
    form = _document_form(name, content)
    assert not form.is_valid()
    assert message in str(form.errors["file"])


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=100)
def test_documents_over_the_size_limit_are_refused(db):
    form = _document_form("big.pdf", PDF + b"0" * 200)
    assert not form.is_valid()
    assert "This file is too big" in str(form.errors["file"])


def test_svg_and_non_images_are_refused_as_images(db):
    form_class = get_image_form(Image)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    user = make_user(is_superuser=True)
    for name, content in [("logo.svg", svg), ("photo.png", b"<html>not a png</html>")]:
        form = form_class(
            data={"title": name}, files={"file": SimpleUploadedFile(name, content)}, user=user
        )
        assert not form.is_valid(), name


def test_only_pdf_documents_are_shown_inline(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    Document = get_document_model()
    pdf = Document.objects.create(title="Guide", file=SimpleUploadedFile("guide.pdf", PDF))
    text = Document.objects.create(
        title="Notes", file=SimpleUploadedFile("notes.txt", b"<script>alert(1)</script>")
    )
    response = client.get(pdf.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")
    response = client.get(text.url)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_only_image_renditions_are_served_from_media(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "photo.width-800.webp").write_bytes(b"RIFF0000WEBP")
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "photo.png").write_bytes(b"\x89PNG")
    settings.SERVE_MEDIA = False
    assert client.get("/media/images/photo.width-800.webp").status_code == 404
    settings.SERVE_MEDIA = True
    response = client.get("/media/images/photo.width-800.webp")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get("/media/original_images/photo.png").status_code == 404
    assert client.get("/media/images/../original_images/photo.png").status_code in (400, 404)
