"""Officers' invitations: a language column in the import (the invitation is written in it),
re-sending an invitation with a fresh link (editors only), and an expired invitation link that
offers a new one through the password reset."""

import datetime
import re
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from induction import importer
from induction.emails import send_invitation
from induction.models import OfficerTerm
from tests.factories import build_induction, make_user

IMPORT_URL = "/admin/induction/import/"
TERMS_URL = "/admin/snippets/induction/officerterm/"
RESEND_URL = "/admin/bulk/induction/officerterm/resend_invitation/"
WELCOME = re.compile(r"http://testserver(/(\w\w)/accounts/welcome/[^/\s]+/[^/\s]+/)")
PASSWORD = "a-long-new-password-42"


@pytest.fixture
def ind(home):
    return build_induction(home)


@pytest.fixture
def editor(db):
    return make_user("editor@example.org", groups=["Editors"])


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def _upload(client, text):
    upload = SimpleUploadedFile("officers.csv", text.encode(), content_type="text/csv")
    return client.post(IMPORT_URL, {"file": upload})


def _welcome_link(message):
    found = WELCOME.search(message.body)
    assert found, message.body
    return found.group(1), found.group(2)


def _set_password(client, link, password=PASSWORD):
    response = client.get(link)
    assert response.status_code == 302, response.status_code
    return client.post(response["Location"], {"new_password1": password, "new_password2": password})


# --- The language column ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("de", "de"),
        ("DE", "de"),
        ("de-AT", "de"),
        ("Deutsch", "de"),
        ("german", "de"),
        ("Allemand", "de"),  # the French name
        ("Français", "fr"),
        ("francais", "fr"),
        ("Spanish", "es"),
        ("italiano", "it"),
        ("Polski", "pl"),
        ("slovenščina", "sl"),
        ("Slovenian", "sl"),
        ("Nederlands", "nl"),
        ("Dutch", "nl"),
        ("English", "en"),
        (" en ", "en"),
        ("Klingon", None),
        ("xx", None),
        ("Portuguese", None),  # a language, but not one of the site's
    ],
)
def test_language_names_and_codes(db, value, code):
    assert importer._parse_language(value, importer._languages()) == code


def test_the_language_column_sets_new_accounts_language_and_the_invitation_is_in_it(
    ind, editor_client, django_capture_on_commit_callbacks
):
    year = ind.year + 1
    make_user("kept@example.org", password=PASSWORD, preferred_language="en")
    make_user("empty@example.org", password=PASSWORD, preferred_language="")
    text = (
        "name,email,role,start,end,Language\n"
        f"Greta Graf,greta@example.org,VP Education,{year}-07-01,{year + 1}-06-30,Deutsch\n"
        f"Fleur Faure,fleur@example.org,President,{year}-07-01,{year + 1}-06-30,fr\n"
        f"Nia Noor,nia@example.org,VP Welfare,{year}-07-01,{year + 1}-06-30,\n"
        f"Kept Lang,kept@example.org,VP Welfare,{year}-07-01,{year + 1}-06-30,GERMAN\n"
        f"Empty Lang,empty@example.org,VP Education,{year + 2}-07-01,{year + 3}-06-30,nl\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(editor_client, text)
    assert response.status_code == 200
    assert "Imported 5 officers" in response.content.decode()
    languages = dict(get_user_model().objects.values_list("email", "preferred_language"))
    assert languages["greta@example.org"] == "de"
    assert languages["fleur@example.org"] == "fr"
    assert languages["nia@example.org"] == "en"  # empty: the site's default
    assert languages["kept@example.org"] == "en"  # an existing account keeps its choice
    assert languages["empty@example.org"] == "nl"  # ... unless it had none

    by_recipient = {message.to[0]: message for message in mail.outbox}
    greta = by_recipient["greta@example.org"]
    assert greta.subject == "Willkommen im Partnership Hub, VP Education"
    assert greta.body.startswith("Hallo Greta Graf,")
    assert "Herzlichen Glückwunsch zu Ihrer Wahl." in greta.body
    link, language = _welcome_link(greta)
    assert language == "de"
    assert _welcome_link(by_recipient["fleur@example.org"])[1] == "fr"
    english = by_recipient["nia@example.org"]
    assert english.subject == "Welcome to the Partnership Hub, VP Welfare"
    assert "Congratulations on your election." in english.body
    assert "Congratulations on your election." in by_recipient["kept@example.org"].body

    # The German link works.
    client = Client()
    response = _set_password(client, link)
    assert response.status_code == 302
    assert get_user_model().objects.get(email="greta@example.org").check_password(PASSWORD)


def test_an_unknown_language_is_a_line_error_and_nothing_is_imported(
    ind, editor_client, django_capture_on_commit_callbacks
):
    year = ind.year + 1
    terms_before = OfficerTerm.objects.count()
    text = (
        "name;email;role;start;end;language\n"
        f"Good Person;good@example.org;President;{year}-07-01;{year + 1}-06-30;de\n"
        f"Bad Language;bad@example.org;VP Welfare;{year}-07-01;{year + 1}-06-30;Klingon\n"
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = _upload(editor_client, text)
    body = response.content.decode()
    assert "Nothing was imported" in body
    assert "Line 3:" in body
    assert "“Klingon” is not a language of the site" in body
    assert "de (Deutsch)" in body  # the accepted values are listed
    assert "Line 2:" not in body
    assert callbacks == []
    assert not get_user_model().objects.filter(email="good@example.org").exists()
    assert OfficerTerm.objects.count() == terms_before
    assert mail.outbox == []


def test_the_import_page_documents_the_columns(ind, editor_client):
    body = editor_client.get(IMPORT_URL).content.decode()
    for column in ("name", "email", "role", "start", "end", "language"):
        assert f"<code>{column}</code>" in body
    assert "name,email,role,start,end,language" in body
    assert "optionally, language" in body  # the file field's help text


# --- Re-sending ------------------------------------------------------------------------------


@pytest.fixture
def invited(ind):
    """An officer imported four days ago whose invitation link has expired."""
    user = get_user_model().objects.create_user(
        "ines@example.org", display_name="Ines Iglesias", preferred_language="de"
    )
    term = OfficerTerm.objects.create(
        user=user,
        role=ind.roles["vp-education"],
        starts_on=datetime.date(ind.year, 7, 1),
        ends_on=datetime.date(ind.year + 1, 6, 30),
    )
    four_days_ago = datetime.datetime.now() - datetime.timedelta(days=4)
    with mock.patch.object(default_token_generator, "_now", return_value=four_days_ago):
        send_invitation(user, term, base_url="http://testserver")
    old_link, _language = _welcome_link(mail.outbox.pop())
    return user, term, old_link


def test_an_editor_re_sends_an_invitation_with_a_new_working_link(invited, ind, editor_client):
    user, term, old_link = invited
    listing = editor_client.get(TERMS_URL).content.decode()
    assert "Re-send invitation" in listing
    assert f"{RESEND_URL}?id={term.pk}" in listing
    # Only for officers who have not chosen a password: Alice has one.
    assert f"{RESEND_URL}?id={ind.terms['alice'].pk}" not in listing

    url = f"{RESEND_URL}?id={term.pk}&id={ind.terms['alice'].pk}&next={TERMS_URL}"
    page = editor_client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "ines@example.org" in body
    assert "alice@example.org" in body  # listed as not invited, with the reason
    assert mail.outbox == []

    response = editor_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == TERMS_URL
    assert [message.to for message in mail.outbox] == [["ines@example.org"]]
    message = mail.outbox[0]
    assert "Herzlichen Glückwunsch" in message.body  # in her language
    new_link, language = _welcome_link(message)
    assert language == "de"
    assert new_link != old_link

    client = Client()
    expired = client.get(old_link, follow=True).content.decode()
    assert "new_password1" not in expired
    response = _set_password(client, new_link)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD)

    # Once a password is chosen, nothing is re-sent.
    mail.outbox.clear()
    editor_client.post(url)
    assert mail.outbox == []


def test_one_invitation_per_person_however_many_terms_are_chosen(invited, ind, editor_client):
    user, term, _old_link = invited
    later = OfficerTerm.objects.create(
        user=user,
        role=ind.roles["president"],
        starts_on=datetime.date(ind.year + 1, 7, 1),
        ends_on=datetime.date(ind.year + 2, 6, 30),
    )
    response = editor_client.post(f"{RESEND_URL}?id={term.pk}&id={later.pk}")
    assert response["Location"] == TERMS_URL  # without ?next=, back to the listing
    assert len(mail.outbox) == 1
    assert "President" in mail.outbox[0].subject  # the latest term


def test_only_those_who_may_import_officers_may_re_send(invited, ind, people):
    user, term, _old_link = invited
    url = f"{RESEND_URL}?id={term.pk}"
    for person in (people["staff"], people["moderator"], people["officer"]):
        client = Client()
        client.force_login(person)
        assert client.get(url).status_code in {302, 403}
        assert client.post(url).status_code in {302, 403}
    anonymous = Client().post(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/admin/login/")
    assert mail.outbox == []
    # Someone who can see the admin is turned away to its dashboard (Wagtail's refusal).
    client = Client()
    client.force_login(people["moderator"])
    response = client.post(url)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert mail.outbox == []


# --- An expired invitation link ------------------------------------------------------------


def test_an_expired_invitation_offers_a_new_link_in_the_officers_language(invited):
    user, _term, old_link = invited
    client = Client()
    response = client.get(old_link, follow=True)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="de"' in body
    assert "new_password1" not in body
    assert 'action="/de/accounts/password_reset/"' in body
    assert 'name="email"' in body
    assert "ines@example.org" not in body

    response = client.post("/de/accounts/password_reset/", {"email": "ines@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/de/accounts/password_reset/sent/"
    message = mail.outbox[0]
    assert message.body.startswith("Hallo Ines Iglesias,")
    link = re.search(r"http://testserver(/de/accounts/reset/\S+/)", message.body).group(1)
    response = _set_password(client, link)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_the_terms_listing_does_not_query_per_officer(ind, editor_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(TERMS_URL).status_code == 200
        return len(queries)

    count()  # warm up the per-process caches
    before = count()
    for number in range(8):
        user = get_user_model().objects.create_user(f"new{number}@example.org")
        OfficerTerm.objects.create(
            user=user,
            role=ind.roles["president"],
            starts_on=datetime.date(ind.year + 2 + number, 7, 1),
            ends_on=datetime.date(ind.year + 3 + number, 6, 30),
        )
    count()  # new terms are content (a snippet edit): the per-process memos start again
    assert count() == before
