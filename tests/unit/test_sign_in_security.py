"""Sign-in security: rate limiting of failed sign-ins, and two-factor authentication in the admin.

The lockout itself (django-axes, per address, across the cache) is in test_lockout.py.
"""

import datetime
import io

from axes.models import AccessAttempt
from django.core.management import call_command
from django.db.models import F
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import make_user

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
