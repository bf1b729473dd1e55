"""Editors' tools: the officer import (all or nothing); the cohort report is in
test_induction_cohort_report.py."""

import copy
import datetime
import re
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.asserts import assertContains, assertRedirects

from induction.models import OfficerTerm
from tests.factories import build_induction, make_site, make_user
from tests.support.shared_data import module_transaction

IMPORT_URL = "/admin/induction/import/"
REPORT_URL = "/admin/induction/cohort/"


def upload(text, name="officers.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            home, _registry = make_site()
            world = SimpleNamespace(
                ind=build_induction(home),
                editor=make_user("editor@example.org", groups=["Editors"]),
            )
        yield world


@pytest.fixture
def world(_world, db):
    """The site, the induction hub (``world.ind``) and an editor; a copy per test."""
    return copy.deepcopy(_world)


@pytest.fixture
def client(client, world):
    """Signed in as the editor."""
    client.force_login(world.editor)
    return client


def post(client, text, **kwargs):
    return client.post(IMPORT_URL, {"file": upload(text, **kwargs)})


def test_valid_file_creates_officers_and_invites_them(
    client, django_capture_on_commit_callbacks, world
):
    year = world.ind.year + 1
    text = (
        "Name,E-mail,Role,Start,End\n"
        f"Zoe Zhang,Zoe@Example.org,VP Education,{year}-07-01,{year + 1}-06-30\n"
        f"Yusuf Yilmaz,yusuf@example.org,president,01/07/{year},30/06/{year + 1}\n"
        f"Bob Berger,bob@example.org,VP Welfare,{year}-07-01,{year + 1}-06-30\n"
    )
    # Invitations go out once the import has committed, not before.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = post(client, text)
    assert len(mail.outbox) == 0
    for callback in callbacks:
        callback()
    assert response.status_code == 200
    assertContains(response, "Imported 3 officers")
    users = get_user_model().objects
    zoe = users.get(email="zoe@example.org")
    assert zoe.display_name == "Zoe Zhang"
    assert zoe.in_group("Officers")
    assert not zoe.has_usable_password()
    term = OfficerTerm.objects.get(user=zoe)
    assert term.role.slug == "vp-education"
    assert term.starts_on == datetime.date(year, 7, 1)
    assert OfficerTerm.objects.get(user__email="yusuf@example.org").role.slug == "president"

    assert len(mail.outbox) == 3
    by_recipient = {message.to[0]: message for message in mail.outbox}
    zoe_mail = by_recipient["zoe@example.org"]
    assert "VP Education" in zoe_mail.subject
    link = re.search(r"http://testserver(/en/accounts/welcome/\S+/)", zoe_mail.body)
    assert link is not None
    # Bob already had an account with a password: no set-password link for him.
    assert "/accounts/welcome/" not in by_recipient["bob@example.org"].body
    assert OfficerTerm.objects.filter(user__email="bob@example.org").count() == 2

    # The link lets Zoe choose a password and sign in.
    client.logout()
    response = client.get(link.group(1), follow=True)
    assertContains(response, "Choose your password")
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url,
        {"new_password1": "a-long-new-password-42", "new_password2": "a-long-new-password-42"},
    )
    assertRedirects(response, "/en/accounts/login/", fetch_redirect_response=False)
    response = client.post(
        "/en/accounts/login/",
        {"username": "zoe@example.org", "password": "a-long-new-password-42"},
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == zoe.pk
    # The link works only once.
    client.logout()
    response = client.get(link.group(1), follow=True)
    assertContains(response, "expired or was already used")


def test_one_bad_row_rejects_the_whole_file_with_a_line_by_line_report(
    client, django_capture_on_commit_callbacks, world
):
    year = world.ind.year + 1
    text = (
        "name;email;role;start;end\n"
        f"Good Person;good@example.org;President;{year}-07-01;{year + 1}-06-30\n"
        f"Bad Email;not-an-address;President;{year}-07-01;{year + 1}-06-30\n"
        f"Bad Role;role@example.org;Chancellor;{year}-07-01;{year + 1}-06-30\n"
        f"Backwards;back@example.org;President;{year + 1}-07-01;{year}-06-30\n"
        f";;;;\n"
        f"Twice;good@example.org;VP Welfare;{year}-07-01;{year + 1}-06-30\n"
        f"No Date;nodate@example.org;President;someday;{year + 1}-06-30\n"
        f"Missing;;President;{year}-07-01;\n"
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = post(client, text)
    assert callbacks == []
    assertContains(response, "Nothing was imported")
    body = response.content.decode()
    assert "Line 3:" in body
    assert "“not-an-address” is not a valid e-mail address" in body
    assert "Line 4:" in body
    assert "“Chancellor” is not a known role" in body
    assert "Line 5:" in body
    assert "the term ends before it starts" in body
    assert "Line 7:" in body
    assert "already on line 2" in body
    assert "Line 8:" in body
    assert "“someday” is not a date" in body
    assert "Line 9:" in body
    assert "the e-mail address is missing" in body
    assert "Line 2:" not in body
    assert "Line 6:" not in body  # blank lines are skipped
    assert not get_user_model().objects.filter(email="good@example.org").exists()
    assert OfficerTerm.objects.count() == 3
    assert mail.outbox == []


def test_overlapping_term_and_missing_columns_are_reported(client, world):
    text = (
        "name,email,role,start,end\n"
        f"Alice,alice@example.org,VP Welfare,{world.ind.year}-09-01,{world.ind.year}-12-31\n"
    )
    response = post(client, text)
    assertContains(response, "already has a term as VP Welfare")
    response = post(client, "name,email,start\nX,x@example.org,2030-01-01\n")
    assertContains(response, "Missing columns: role, end")
    response = post(client, "")
    assertContains(response, "The submitted file is empty.")
    response = post(client, "name,email,role,start,end\n", name="officers.xlsx")
    assertContains(response, "Upload a .csv file.")
    assert OfficerTerm.objects.count() == 3


def test_excel_style_files_are_read(client, world):
    year = world.ind.year + 1
    text = (
        "\ufeffname;email;role;start;end\n"
        f"Élodie Brûlé;elodie@example.org;President;01.07.{year};30.06.{year + 1}\n"
    )
    response = post(client, text, encoding="utf-8")
    assertContains(response, "Imported 1 officer")
    assert get_user_model().objects.get(email="elodie@example.org").display_name == "Élodie Brûlé"


def test_a_failure_while_saving_leaves_nothing_behind(client, world):
    from unittest import mock

    year = world.ind.year + 1
    text = (
        "name,email,role,start,end\n"
        f"First Person,first@example.org,President,{year}-07-01,{year + 1}-06-30\n"
        f"Second Person,second@example.org,VP Welfare,{year}-07-01,{year + 1}-06-30\n"
    )
    original = OfficerTerm.save
    calls = []

    def failing_save(term, *args, **kwargs):
        calls.append(term)
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return original(term, *args, **kwargs)

    with mock.patch.object(OfficerTerm, "save", failing_save), pytest.raises(RuntimeError):
        post(client, text)
    assert len(calls) == 2
    assert not get_user_model().objects.filter(email="first@example.org").exists()
    assert OfficerTerm.objects.count() == 3
    assert mail.outbox == []


def test_only_editors_may_import(client, world):
    for user in (
        make_user(groups=["Staff"]),
        make_user(groups=["Moderators"]),
        world.ind.users["alice"],
    ):
        client.force_login(user)
        response = client.get(IMPORT_URL)
        assert response.status_code in {302, 403}
    client.force_login(world.editor)
    assert client.get(IMPORT_URL).status_code == 200


def test_admin_menu_offers_the_tools_to_editors(client, world):
    response = client.get("/admin/")
    assertContains(response, "Import elected officers")
    assertContains(response, "Cohort report")
